//! Kiosque: a news-site front end. Data flows one way:
//! `config.json` → source adapter → typed model → pages → components.

#![recursion_limit = "256"]

pub mod app;
pub mod body;
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
mod boot;
pub mod browser;
pub mod clock;
pub mod components;
pub mod config;
pub mod context;
pub mod csp;
pub mod http;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod prerender;
pub mod routes;
pub mod source;

/// Browser entry point: hydrates prerendered HTML when it is safe, and
/// otherwise renders client-side.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
pub fn start() {
    boot::start();
}
