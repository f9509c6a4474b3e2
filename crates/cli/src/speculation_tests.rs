//! The speculation rules in the shell (index.html, issue 17): before the app
//! arrives, hovering a same-origin link prefetches its prerendered page. The
//! rules are inline, so the Content-Security-Policy must allow them by hash;
//! a rule Chrome cannot parse is ignored without a word, so its shape is
//! checked here too.

use std::fs;
use std::path::Path;

use base64::Engine;
use kiosque_core::config::Config;
use kiosque_core::csp;
use serde_json::Value;
use sha2::Digest;

use crate::render::Shell;

const OPEN: &str = "<script type=\"speculationrules\">";

fn read(file: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(file)).unwrap()
}

/// The one speculation-rules script of index.html, as written.
fn rules_text(html: &str) -> String {
    assert_eq!(html.matches(OPEN).count(), 1, "one speculation-rules script");
    let start = html.find(OPEN).unwrap() + OPEN.len();
    let end = start + html[start..].find("</script>").unwrap();
    html[start..end].to_string()
}

#[test]
fn the_rules_prefetch_same_origin_pages_on_hover_only() {
    let rules: Value = serde_json::from_str(&rules_text(&read("index.html"))).unwrap();
    let keys: Vec<&String> = rules.as_object().unwrap().keys().collect();
    // Prefetch only: prerendering a page would run its loader and hydrate
    // pages the reader may never open.
    assert_eq!(keys, ["prefetch"]);
    let prefetch = rules["prefetch"].as_array().unwrap();
    assert!(!prefetch.is_empty());
    for rule in prefetch {
        // Document rules (links in the page), not a fixed URL list, and only
        // on intent: "moderate" is hover or pointer down, never on load.
        assert!(rule.get("where").is_some() && rule.get("urls").is_none(), "{rule}");
        assert_eq!(rule["eagerness"], "moderate", "{rule}");
        let text = rule["where"].to_string();
        assert!(
            text.contains("\"href_matches\":\"/*\""),
            "same-origin paths only: {rule}"
        );
        assert!(text.contains("[download]"), "downloads are not pages: {rule}");
    }
}

#[test]
fn the_policy_allows_the_rules_by_hash() {
    let html = read("index.html");
    let digest = sha2::Sha256::digest(rules_text(&html).as_bytes());
    let source = format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest));
    let shell = Shell::parse(&html).unwrap();
    assert!(
        shell.inline_script_hashes().contains(&source),
        "the prerender hashes it"
    );
    let config = Config::parse(&read("public/config.json")).unwrap();
    let policy = csp::policy(&config, &shell.inline_script_hashes(), true);
    let script_src = policy.split(';').find(|d| d.trim().starts_with("script-src")).unwrap();
    assert!(script_src.split_whitespace().any(|s| s == source), "{script_src}");
    assert!(
        read("deploy/csp.txt").contains(&source),
        "deploy/csp.txt is out of date"
    );
}
