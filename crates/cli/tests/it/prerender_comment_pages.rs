//! Later comment pages are prerendered too (`/article/<slug>/comments/page/
//! <n>`, found from page 1's "next" link, then each page's), and kept by a
//! run that renders nothing again. Needs the test WordPress seeded by
//! `scripts/wordpress/seed-comments.php` (55 threads: two pages), so it is
//! ignored by `cargo test`; run it with
//! `KIOSQUE_WP_URL=http://127.0.0.1:8081/wp-json cargo test -p kiosque-cli
//! --test it -- --ignored prerender_comment_pages::`.

use std::fs;
use std::path::Path;

use crate::support::{dist, prerender};

const OPEN: &str = "debat-commentaires-seed";

fn pages(dist: &Path) -> serde_json::Map<String, serde_json::Value> {
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("prerender.json")).unwrap()).unwrap();
    manifest["pages"].as_object().unwrap().clone()
}

#[test]
#[ignore = "needs the test WordPress: KIOSQUE_WP_URL"]
fn comment_page_two_is_prerendered_and_kept() {
    let wp = std::env::var("KIOSQUE_WP_URL").expect("KIOSQUE_WP_URL");
    let dist = dist("comment-pages", kiosque_core::stamp::BUILD_ID);
    let config = format!(r#"{{"version":1,"api":{{"kind":"wordpress","base_url":"{wp}"}}}}"#);
    fs::write(dist.join("config.json"), config).unwrap();
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let two = format!("/article/{OPEN}/comments/page/2");
    let found = pages(&dist);
    let files = found
        .get(&two)
        .unwrap_or_else(|| panic!("{two} not prerendered: {report}"));
    let html = fs::read_to_string(dist.join(files["html"].as_str().unwrap())).unwrap();
    assert!(html.contains(">Lecteur 51<"), "page 2 starts at thread 51");
    assert!(
        html.contains(&format!("rel=\"prev\" href=\"/article/{OPEN}\"")),
        "{html}"
    );
    assert!(!found.contains_key(&format!("/article/{OPEN}/comments/page/3")));
    // A closed post's single page has no page 2.
    assert!(!found.contains_key("/article/commentaires-fermes-seed/comments/page/2"));
    // Nothing changed: nothing rendered, page 2 kept.
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    assert!(pages(&dist).contains_key(&two), "kept: {report}");
    let _ = fs::remove_dir_all(&dist);
}
