//! kiosque-cli's integration tests, one module per former test file, in one
//! binary (see crates/core/tests/it/main.rs). One module:
//! `cargo test -p kiosque-cli --test it prerender_seo::`; the ones that need the
//! test WordPress are `#[ignore]`d: `-- --ignored export_roundtrip::`.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a panic is a failed test, not a broken page.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod export_roundtrip;
mod prerender_archive;
mod prerender_cli;
mod prerender_comment_pages;
mod prerender_date_format;
mod prerender_incremental;
mod prerender_locale;
mod prerender_post_cases;
mod prerender_related_types;
mod prerender_seo;
mod prerender_seo_terms;
mod prerender_static_comments;
mod prerender_structure;
mod prerender_types;
mod prerender_types_wp;
mod prerender_wp_configs;
mod support;
