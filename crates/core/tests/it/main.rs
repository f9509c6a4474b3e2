//! kiosque-core's integration tests, one module per former test file, in one
//! binary: each of the former 21 binaries linked the crate and its
//! dependencies again (a rebuild after a change to the crate: 20 s with them,
//! 9 s now, for both crates' tests). Run one module with `cargo test -p kiosque-core --test it wordpress_adapter::`.
//! (tests/fuzz stays its own binary: `make fuzz` runs it alone.)
#![cfg(not(target_arch = "wasm32"))]
// Test code: a panic is a failed test, not a broken page.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod api_parsing;
mod home_archive;
mod static_unlock;
mod wordpress_adapter;
mod wordpress_blocks_a;
mod wordpress_comment_post;
mod wordpress_comments;
mod wordpress_configs;
mod wordpress_cpt_nocat;
mod wordpress_cpt_related;
mod wordpress_embed_refused;
mod wordpress_gallery;
mod wordpress_layout;
mod wordpress_media;
mod wordpress_menus;
mod wordpress_posts;
mod wordpress_preview;
mod wordpress_search_types;
mod wordpress_seo_terms;
mod wordpress_settings;
mod wordpress_structure;
mod wp_support;
