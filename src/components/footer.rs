use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::model::{SafeUrl, SiteInfo};

/// Tagline, social links ("Suivez-nous") and the copyright line.
#[component]
pub fn Footer(site: SiteInfo, year: i64) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let social = site
        .social
        .into_iter()
        .filter_map(|l| Some((SafeUrl::new(&l.url).filter(SafeUrl::is_external)?, l.network)))
        .map(|(url, network)| {
            let label = social_label(&network);
            view! { <li><a class="footer__social" href=url.into_string() rel="noopener me">{label}</a></li> }
        })
        .collect_view();
    view! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <div>
                    <p class="site-footer__name">{site.name.clone()}</p>
                    <p class="site-footer__tagline">{site.tagline}</p>
                </div>
                <div>
                    <h2 class="site-footer__heading">{s.follow_us}</h2>
                    <ul class="site-footer__social">{social}</ul>
                </div>
            </div>
            <p class="site-footer__copy container">{ctx.locale.copyright(year, &site.name)}</p>
        </footer>
    }
}

fn social_label(network: &str) -> String {
    match network {
        "facebook" => "Facebook".into(),
        "x" | "twitter" => "X".into(),
        "instagram" => "Instagram".into(),
        "youtube" => "YouTube".into(),
        "linkedin" => "LinkedIn".into(),
        "rss" => "RSS".into(),
        other => other.to_string(),
    }
}
