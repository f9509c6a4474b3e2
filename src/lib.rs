//! Kiosque: a news-site front end. Data flows one way:
//! `config.json` → source adapter → typed model → pages → components.

pub mod app;
pub mod body;
pub mod browser;
pub mod clock;
pub mod components;
pub mod config;
pub mod context;
pub mod http;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod routes;
pub mod source;

/// Browser entry point: hydrates prerendered HTML when the page carries its
/// data, and otherwise renders client-side.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
pub fn start() {
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    let base_url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_else(|| "/".to_string());
    let prerendered = web_sys::window()
        .map(|w| js_sys::Reflect::has(&w, &"__RESOLVED_RESOURCES".into()).unwrap_or(false))
        .unwrap_or(false);
    if prerendered {
        leptos::mount::hydrate_body(move || view! { <app::App base_url/> });
    } else {
        leptos::mount::mount_to_body(move || view! { <app::App base_url/> });
    }
}
