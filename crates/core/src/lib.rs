//! Kiosque's core: everything between `config.json` and the views, with no
//! view code. Data flows one way: `config.json` → source adapter → typed
//! model → (the app's) pages → components. It compiles natively (tests, the
//! publisher's command) and to wasm (the browser app).
//!
//! - [`config`]: the runtime `config.json`; [`csp`]: the policy it implies.
//! - [`http`]: the one network door (timeout, abort, checks, typed errors).
//! - [`source`]: static JSON and WordPress adapters; wire formats stop there.
//! - [`model`]: typed content; [`body`]: source HTML → allowlisted blocks.
//! - [`routes`]: every URL shape; [`i18n`]: strings, plurals, dates.
//! - [`url`]: the allowlist and `SafeUrl`, the only URL views may write.
//! - [`stamp`]: what a prerendered page and the bundle agree on.

pub mod body;
pub mod clock;
pub mod config;
pub mod config_nav;
pub mod config_types;
pub mod csp;
mod entities;
pub mod http;
pub mod i18n;
pub mod model;
pub mod routes;
pub mod source;
pub mod stamp;
pub mod url;
