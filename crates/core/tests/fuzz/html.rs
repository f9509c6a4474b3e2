//! The HTML → blocks converter (and `html_to_text`, `safe_url`).
//!
//! Properties, for any input:
//! - no panic;
//! - every URL in the output passes the independent URL rule
//!   (`checks::url_problem`) and is a fixed point of `safe_url`;
//! - the output only holds the model's text-only shapes (`checks::assert_blocks`);
//! - fixed point: the text blocks (paragraphs, headings, lists, quotes,
//!   tables), rendered back to the plainest HTML and converted again, come
//!   back identical. Figures and embeds are left out: their HTML form is not
//!   unique (caption/credit split, provider URL shapes, default sizes);
//! - `html_to_text` is stable: its output, escaped as HTML text and read
//!   again, is unchanged.
//!
//! And for well-formed documents: text inside elements the converter drops
//! (script, style, svg, template…) never reaches the output.

use kiosque_core::body::{html_to_blocks, html_to_text, BodyOptions};
use kiosque_core::url::SafeUrl;

fn safe_url(u: &str) -> Option<String> {
    SafeUrl::new(u).map(SafeUrl::into_string)
}
use kiosque_core::model::Block;
use proptest::prelude::*;
use proptest::sample::select;

use crate::checks::{assert_blocks, block_texts, escape_text, is_text_block, render_text_blocks};
use crate::html_gen::{deep_doc, hostile_doc, marked_doc, to_html};
use crate::json_mut::MARKER;

fn opts() -> BodyOptions {
    BodyOptions {
        internal_origins: vec!["https://news.example.com".into()],
        ..Default::default()
    }
}

pub fn convert(html: &str) -> Vec<Block> {
    let blocks = html_to_blocks(html, &opts());
    assert_blocks(&blocks, "converter output");
    for u in crate::checks::block_urls(&blocks) {
        assert_eq!(
            safe_url(&u).as_deref(),
            Some(u.as_str()),
            "an output URL is not a fixed point of safe_url"
        );
    }
    blocks
}

pub fn check_html(html: &str) {
    let blocks = convert(html);
    let text: Vec<Block> = blocks.iter().filter(|b| is_text_block(b)).cloned().collect();
    let again_html = render_text_blocks(&text);
    let again = convert(&again_html);
    assert_eq!(
        again, text,
        "text blocks are not a fixed point; re-rendered as {again_html:?}"
    );

    let t = html_to_text(html);
    assert_eq!(html_to_text(&escape_text(&t)), t, "html_to_text is not stable");

    if let Some(u) = safe_url(html) {
        crate::checks::assert_url(&u, "safe_url on the whole input");
        assert_eq!(safe_url(&u).as_deref(), Some(u.as_str()), "safe_url is not idempotent");
    }
}

pub fn check_bytes(bytes: &[u8]) {
    check_html(&String::from_utf8_lossy(bytes));
}

pub fn check_dropped(html: &str) {
    check_html(html);
    let mut texts = Vec::new();
    block_texts(&html_to_blocks(html, &opts()), &mut texts);
    texts.push(html_to_text(html));
    for t in texts {
        assert!(
            !t.contains(MARKER),
            "content of a dropped element reached the output: {t:?}"
        );
    }
}

pub fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2000),
        prop::collection::vec(select(&b"<>/&#;=\"' \n\t!-[]?xascriptjv:AS0\xc3\xa9"[..]), 0..2000),
    ]
}

pub fn grammar() -> impl Strategy<Value = String> {
    prop_oneof![5 => hostile_doc().prop_map(|d| to_html(&d)), 1 => deep_doc()]
}

pub fn dropped() -> impl Strategy<Value = String> {
    marked_doc(MARKER).prop_map(|d| to_html(&d))
}
