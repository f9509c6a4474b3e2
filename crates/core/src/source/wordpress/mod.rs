//! The WordPress source: a WordPress REST API v2 (`api.kind = "wordpress"`,
//! `api.base_url = "https://site/wp-json"`) read into Kiosque's model.
//!
//! - `wire`: serde types for the REST answers; `map`: pure wire → model
//!   mapping; `tree`: category and page hierarchies (parents, children,
//!   which categories are empty), capped and cycle-safe; `urls`: every URL;
//!   `compose`: home, article and listings; `adapter`: the source itself;
//!   `fill`: categories, tags, featured images and authors for posts whose
//!   `_embed` was refused or partial; `cap`: a `per_page` capped by a plugin;
//!   `settings`: the site's own settings (icon, language, posts per page, date format);
//!   `menus`: the theme's menus; `preview`: an editor's draft
//!   (docs/previews.md); `links`/`legacy`: WordPress URL shapes →
//!   Kiosque routes.
//! - Only `links` and `legacy` are always built: `Source::legacy_redirect`
//!   needs them on a static site too (it may be a WordPress site moved). The
//!   rest is the `wordpress-source` feature, so the static-source bundle
//!   carries none of it.
//! - All requests go through `crate::http` (timeouts, retries, cache, typed
//!   errors). Pagination totals come from `X-WP-Total`/`X-WP-TotalPages`.
//! - Category, tag and author slugs are resolved to IDs once and kept in a
//!   small shared map (`Arc<Mutex<…>>`, so the source is `Clone + Send + Sync`).
//! - Bad backends give typed errors, never a panic: WordPress down
//!   (`Offline`/`Timeout`), REST disabled or HTML instead of JSON (`BadData`),
//!   401/403 (`Denied`), an unknown slug (empty array → `NotFound`), a
//!   malformed post (`BadData` naming the field).

#[cfg(feature = "wordpress-source")]
mod archive;
pub mod legacy;
pub mod links;
#[cfg(feature = "wordpress-source")]
mod locate;

#[cfg(feature = "wordpress-source")]
mod adapter;
#[cfg(feature = "wordpress-source")]
pub mod cap;
#[cfg(feature = "wordpress-source")]
pub mod comments;
#[cfg(feature = "wordpress-source")]
mod compose;
#[cfg(test)]
#[cfg(feature = "wordpress-source")]
mod cpt_tests;
#[cfg(feature = "wordpress-source")]
pub mod fill;
#[cfg(feature = "wordpress-source")]
pub mod gallery;
#[cfg(feature = "wordpress-source")]
pub mod map;
#[cfg(test)]
#[cfg(feature = "wordpress-source")]
mod map_tests;
#[cfg(feature = "wordpress-source")]
mod media;
#[cfg(feature = "wordpress-source")]
pub mod menus;
#[cfg(feature = "wordpress-source")]
mod paging;
#[cfg(feature = "wordpress-source")]
mod plugin_heads;
#[cfg(feature = "wordpress-source")]
pub mod post_comment;
#[cfg(feature = "wordpress-source")]
pub mod preview;
#[cfg(feature = "wordpress-source")]
pub mod rank_math;
#[cfg(feature = "wordpress-source")]
mod search;
#[cfg(feature = "wordpress-source")]
pub mod seo;
#[cfg(feature = "wordpress-source")]
pub mod settings;
#[cfg(feature = "wordpress-source")]
mod site_reads;
#[cfg(feature = "wordpress-source")]
pub mod tree;
#[cfg(feature = "wordpress-source")]
mod unlock;
#[cfg(feature = "wordpress-source")]
pub mod urls;
#[cfg(feature = "wordpress-source")]
pub mod wire;

#[cfg(feature = "wordpress-source")]
use adapter::routable;
#[cfg(feature = "wordpress-source")]
pub use adapter::{parse_one, Transport, WordPressSource};
pub use legacy::legacy_route;
