use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::model::SafeUrl;
use kiosque_core::routes::{encode_component, Route};

/// Share links: plain links (no third-party script), plus copy-link with
/// feedback. `route` is the article's canonical route.
#[component]
pub fn Share(route: Route, #[prop(into)] title: String) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let url = ctx.absolute_url(&route).map(SafeUrl::into_string).unwrap_or_default();
    let (u, t) = (encode_component(&url), encode_component(&title));
    let links = [
        ("X", format!("https://twitter.com/intent/tweet?url={u}&text={t}")),
        ("Facebook", format!("https://www.facebook.com/sharer/sharer.php?u={u}")),
        ("WhatsApp", format!("https://wa.me/?text={t}%20{u}")),
        (
            "LinkedIn",
            format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ),
    ];
    // Fixed https prefixes and encoded values: checked all the same, as
    // every URL the app writes.
    let items = links
        .into_iter()
        .filter_map(|(name, href)| Some((name, SafeUrl::new(&href)?)))
        .map(|(name, href)| {
            view! {
                <li>
                    <a class="share__link" href=href.into_string() rel="noopener noreferrer" target="_blank">
                        <span class="visually-hidden">{s.share_on}" "</span>
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    let mail = SafeUrl::new(&format!("mailto:?subject={t}&body={u}")).map(SafeUrl::into_string);
    let status = RwSignal::new("");
    let copy_url = url.clone();
    let copy = move |_| {
        let done = crate::platform::copy_text(&copy_url);
        status.set(if done { s.link_copied } else { s.copy_failed });
    };
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title" class="share__title">{s.share}</h2>
            <ul class="share__list">
                {items}
                <li><a class="share__link" href=mail>{s.share_email}</a></li>
                <li><button type="button" class="share__link share__copy app-action" on:click=copy>{s.copy_link}</button></li>
            </ul>
            <p class="share__status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
