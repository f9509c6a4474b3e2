//! A static site exported from WordPress unlocks a protected post by asking
//! that WordPress (`api.unlock_url`). Answers recorded from the test
//! WordPress's `article-protege` with the right and a wrong password
//! (`fixtures/wordpress/unlock/{right,wrong}/wp/v2/posts`), served by a
//! local door standing for the WordPress.

use crate::wp_support::block_on;
use kiosque_core::config::Config;
use kiosque_core::http::{Door, FetchError};
use kiosque_core::model::Block;
use kiosque_core::source::Source;

const WP: &str = "http://127.0.0.1:8081/wp-json";

fn source(answers: &str, unlock_url: Option<&str>) -> Source {
    let dir = format!(
        "{}/tests/fixtures/wordpress/unlock/{answers}",
        env!("CARGO_MANIFEST_DIR")
    );
    let api = match unlock_url {
        Some(u) => format!(r#"{{"kind":"static","base_url":"/api","unlock_url":"{u}"}}"#),
        None => r#"{"kind":"static","base_url":"/api"}"#.to_string(),
    };
    let config = Config::parse(&format!(r#"{{"version":1,"api":{api}}}"#)).expect("config");
    Source::from_config(&config, "http://127.0.0.1:4296/", Door::local(WP, dir))
}

fn text(blocks: &[Block]) -> String {
    kiosque_core::source::search::blocks_text(blocks)
}

#[test]
fn the_right_password_reads_the_text_from_the_wordpress_named() {
    let got = block_on(source("right", Some(WP)).unlock("article-protege", "kiosque"));
    let Ok(Some((blocks, starts))) = got else {
        panic!("{got:?}")
    };
    assert!(text(&blocks).contains("zanzibarite"), "{blocks:?}");
    assert!(starts.is_empty());
}

#[test]
fn a_wrong_password_is_refused() {
    let got = block_on(source("wrong", Some(WP)).unlock("article-protege", "faux"));
    assert_eq!(got, Ok(None));
}

#[test]
fn without_unlock_url_nothing_is_asked() {
    let got = block_on(source("right", None).unlock("article-protege", "kiosque"));
    assert_eq!(got, Err(FetchError::NotFound));
}
