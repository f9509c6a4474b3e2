//! Kiosque: a news-site front end. Data flows one way:
//! `config.json` → source adapter → typed model (crate `kiosque_core`) →
//! pages → components (this crate: the browser app and its views).

#![recursion_limit = "256"]

pub mod app;
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
mod boot;
pub mod components;
pub mod context;
pub mod pages;
pub mod platform;
pub mod prerender;
pub mod routing;

/// Browser entry point: hydrates prerendered HTML when it is safe, and
/// otherwise renders client-side.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
pub fn start() {
    boot::start();
}
