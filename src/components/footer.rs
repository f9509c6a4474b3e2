use leptos::prelude::*;

use crate::components::MenuEntries;
use crate::context::use_ctx;
use kiosque_core::model::{SafeUrl, SiteInfo};

/// Tagline, the editors' footer menu, social links ("Suivez-nous") and the
/// copyright line.
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
            view! {
                <li>
                    <a class="footer__social" href=url.into_string() rel="noopener me">
                        <super::social_icon::SocialIcon network/>
                        <span>{label}</span>
                    </a>
                </li>
            }
        })
        .collect::<Vec<_>>();
    // No "follow us" heading over an empty list (a site without social links).
    let social = (!social.is_empty()).then(|| {
        view! {
            <div>
                <h2 class="site-footer__heading">{s.follow_us}</h2>
                <ul class="site-footer__social">{social}</ul>
            </div>
        }
    });
    let menu = (!site.menus.footer.is_empty()).then(|| {
        view! {
            <nav class="site-footer__nav" aria-label=s.footer_nav>
                <ul class="site-footer__menu">
                    <MenuEntries items=site.menus.footer on_follow=|_| ()/>
                </ul>
            </nav>
        }
    });
    view! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <div>
                    <p class="site-footer__name">{site.name.clone()}</p>
                    <p class="site-footer__tagline">{site.tagline}</p>
                </div>
                {menu}
                {social}
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
        "mastodon" => "Mastodon".into(),
        "bluesky" => "Bluesky".into(),
        "tiktok" => "TikTok".into(),
        "whatsapp" => "WhatsApp".into(),
        "telegram" => "Telegram".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use leptos::prelude::*;

    use super::*;
    use kiosque_core::config::Config;
    use kiosque_core::model::SocialLink;

    fn footer(social: Vec<SocialLink>) -> String {
        let config = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"},"site":{"name":"N"}}"#).unwrap();
        let site = crate::app::merge_site(None, &config);
        crate::context::render_for_test(|| view! { <Footer site=SiteInfo { social, ..site } year=2026/> })
    }

    #[test]
    fn no_follow_us_heading_over_an_empty_list() {
        let none = footer(Vec::new());
        assert!(
            !none.contains("site-footer__heading") && !none.contains("<ul"),
            "{none}"
        );
        // A link that is not an outside http(s) URL is not shown, so it counts as none.
        let unsafe_only = footer(vec![SocialLink {
            network: "x".into(),
            url: "javascript:alert(1)".into(),
        }]);
        assert!(!unsafe_only.contains("site-footer__heading"), "{unsafe_only}");
        let one = footer(vec![SocialLink {
            network: "x".into(),
            url: "https://x.com/kiosque".into(),
        }]);
        assert!(
            one.contains("site-footer__heading") && one.contains(r#"href="https://x.com/kiosque""#),
            "{one}"
        );
        // An icon, hidden from assistive technology: the text names the network.
        assert!(
            one.contains(r#"aria-hidden="true" focusable="false""#) && one.contains(r#"class="social-icon""#),
            "{one}"
        );
        assert!(one.replace("<!>", "").contains("<span>X</span>"), "{one}");
    }
}
