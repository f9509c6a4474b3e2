//! Property-based fuzzing of the parsers that read untrusted input: the
//! HTML → blocks converter, the static JSON API's parsers and the
//! WordPress adapter (wire types, mapping, old-URL routing).
//!
//! `cargo test` runs each target briefly from a fixed seed and replays the
//! regression corpus in `tests/fuzz-corpus/`; `make fuzz` (`FUZZ_SECS=n`)
//! runs each target for `n` seconds from fresh seeds. See `driver`.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a panic is a failed test, not a broken page.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod checks;
mod corpus;
mod driver;
mod html;
mod html_gen;
mod json_mut;
mod static_api;
mod wordpress;
#[path = "../it/wp_support.rs"]
mod wp_support;

use driver::{fuzz, Target};

fn text_bytes(s: &String) -> Vec<u8> {
    s.as_bytes().to_vec()
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const HTML_BYTES: Target<Vec<u8>> = Target {
    name: "html_bytes",
    quick_cases: 1000,
    check: |b| html::check_bytes(b),
    encode: |b| b.clone(),
    ext: "html",
};

const HTML_GRAMMAR: Target<String> = Target {
    name: "html_grammar",
    quick_cases: 600,
    check: |s| html::check_html(s),
    encode: text_bytes,
    ext: "html",
};

const HTML_DROPPED: Target<String> = Target {
    name: "html_dropped",
    quick_cases: 500,
    check: |s| html::check_dropped(s),
    encode: text_bytes,
    ext: "html",
};

const STATIC_MUTATED: Target<static_api::Doc> = Target {
    name: "static_mutated",
    quick_cases: 400,
    check: static_api::check,
    encode: static_api::encode,
    ext: "txt",
};

const STATIC_ARBITRARY: Target<static_api::Doc> = Target {
    name: "static_arbitrary",
    quick_cases: 1000,
    check: static_api::check,
    encode: static_api::encode,
    ext: "txt",
};

const SEARCH_QUERY: Target<String> = Target {
    name: "search_query",
    quick_cases: 800,
    check: |q| static_api::check_query(q),
    encode: text_bytes,
    ext: "txt",
};

const WP_MAP: Target<wordpress::WpDoc> = Target {
    name: "wp_map",
    quick_cases: 400,
    check: wordpress::check_doc,
    encode: wordpress::encode_doc,
    ext: "txt",
};

const WP_ADAPTER: Target<wordpress::AdapterCase> = Target {
    name: "wp_adapter",
    quick_cases: 300,
    check: wordpress::check_case,
    encode: wordpress::encode_case,
    ext: "txt",
};

const LEGACY_ROUTE: Target<wordpress::OldUrl> = Target {
    name: "legacy_route",
    quick_cases: 2000,
    check: wordpress::check_old_url,
    encode: wordpress::encode_url,
    ext: "json",
};

#[test]
fn fuzz_html_bytes() {
    fuzz(&HTML_BYTES, html::bytes());
}

#[test]
fn fuzz_html_grammar() {
    fuzz(&HTML_GRAMMAR, html::grammar());
}

#[test]
fn fuzz_html_dropped() {
    fuzz(&HTML_DROPPED, html::dropped());
}

#[test]
fn fuzz_static_mutated() {
    fuzz(&STATIC_MUTATED, static_api::mutated_docs());
}

#[test]
fn fuzz_static_arbitrary() {
    fuzz(&STATIC_ARBITRARY, static_api::arbitrary_docs());
}

#[test]
fn fuzz_search_query() {
    fuzz(&SEARCH_QUERY, static_api::queries());
}

#[test]
fn fuzz_wp_map() {
    fuzz(&WP_MAP, wordpress::wp_docs());
}

#[test]
fn fuzz_wp_adapter() {
    fuzz(&WP_ADAPTER, wordpress::adapter_cases());
}

#[test]
fn fuzz_legacy_route() {
    fuzz(&LEGACY_ROUTE, wordpress::old_urls());
}

#[test]
fn corpus_html() {
    corpus::replay("html_bytes", |b| b.to_vec(), HTML_BYTES.check);
    corpus::replay("html_grammar", lossy, HTML_GRAMMAR.check);
    corpus::replay("html_dropped", lossy, HTML_DROPPED.check);
}

#[test]
fn corpus_static() {
    corpus::replay("static_mutated", static_api::decode, static_api::check);
    corpus::replay("static_arbitrary", static_api::decode, static_api::check);
    corpus::replay("search_query", lossy, SEARCH_QUERY.check);
}

#[test]
fn corpus_wordpress() {
    corpus::replay("wp_map", wordpress::decode_doc, wordpress::check_doc);
    corpus::replay("wp_adapter", wordpress::decode_case, wordpress::check_case);
    corpus::replay("legacy_route", wordpress::decode_url, wordpress::check_old_url);
}
