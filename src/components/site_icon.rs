//! The site's own icon (WordPress's Site Icon) in the head, when the source
//! gives one: the tab icon and the home-screen icon. Without it, the
//! bundle's `favicon.svg` (index.html) stays alone.

use leptos::prelude::*;
use leptos_meta::Link;

use kiosque_core::model::SafeUrl;

#[component]
pub fn SiteIcon(icon: Option<String>) -> impl IntoView {
    // Outside data: only an absolute http(s) URL that passes the allowlist.
    let url = icon
        .as_deref()
        .and_then(SafeUrl::new)
        .filter(SafeUrl::is_external)
        .map(SafeUrl::into_string);
    url.map(|href| {
        view! {
            <Link rel="icon" href=href.clone()/>
            <Link rel="apple-touch-icon" href=href/>
        }
    })
}
