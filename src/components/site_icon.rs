//! The site's own icon (WordPress's Site Icon) in the head, when the source
//! gives one: the tab icon and the home-screen icon. Without it, the
//! bundle's `favicon.svg` (index.html) stays alone.
//!
//! Not a leptos_meta tag: it comes from the site's data, inside a
//! `Suspense`, and leptos_meta hydrates head tags in the order they register,
//! which differs between two `Suspense`s from one load to the next. The
//! prerender writes the links into the shell's part of the head instead
//! (`prerender::StaticHead`), and in the browser a page that has none (the
//! SPA shell) gets them from the platform.

use leptos::prelude::*;

use kiosque_core::model::SafeUrl;

#[component]
pub fn SiteIcon(icon: Option<String>) -> impl IntoView {
    // Outside data: only an absolute http(s) URL that passes the allowlist.
    let url = icon
        .as_deref()
        .and_then(SafeUrl::new)
        .filter(SafeUrl::is_external)
        .map(SafeUrl::into_string);
    if let Some(href) = url {
        crate::prerender::report_site_icon(&href);
        Effect::new(move |_| crate::platform::ensure_site_icon(&href));
    }
}
