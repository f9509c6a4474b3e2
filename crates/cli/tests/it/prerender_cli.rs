//! The prerender command end to end on a small `dist/`: the demo API, a shell
//! made from `index.html`, and a stand-in wasm that carries (or not) this
//! build's id. Checks what it writes, that a second run rewrites nothing, that
//! a page whose article is gone is deleted, and that a foreign build is refused.

use std::fs;

use crate::support::{dist, prerender};

#[test]
fn writes_then_keeps_then_deletes() {
    let dist = dist("cycle", kiosque_core::stamp::BUILD_ID);
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("prerender.json")).unwrap()).unwrap();
    let pages = manifest["pages"].as_object().unwrap();
    let written = pages.len();
    assert!(written > 10, "{report}");
    assert!(
        report.contains(&format!("({written} written, 0 unchanged, 0 deleted, 0 skipped)")),
        "{report}"
    );

    // An article page: the head, the text, the policy and its data file.
    let (route, files) = pages.iter().find(|(r, _)| r.starts_with("/article/")).unwrap();
    let html = fs::read_to_string(dist.join(files["html"].as_str().unwrap())).unwrap();
    let slug = route.trim_start_matches("/article/");
    let article: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join(format!("api/articles/{slug}.json"))).unwrap()).unwrap();
    assert!(html.contains(&format!(
        "<link href=\"https://news.example{route}\" rel=\"canonical\">"
    )));
    assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    assert!(html.contains("\"@type\":\"NewsArticle\""));
    assert!(!html.contains("__RESOLVED_RESOURCES"), "the data is a file, not inline");
    let data_file = files["data"].as_str().unwrap();
    let data_meta = format!("<meta name=\"kiosque-data\" content=\"/{data_file}\"/>");
    assert!(
        html.find(&data_meta).unwrap() < html.find("<body>").unwrap(),
        "the data file is named in the head"
    );
    assert!(
        !html.contains(&format!("src=\"/{data_file}\"")),
        "and not loaded on arrival: the loader fetches it at the first intent"
    );
    assert!(fs::read_to_string(dist.join(data_file))
        .unwrap()
        .contains("__RESOLVED_RESOURCES"));
    let title = article["title"]
        .as_str()
        .unwrap()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    // (`<!>`: Leptos's hydration marker after a type-erased text.)
    assert!(
        html.replace("<!>", "").contains(&format!(">{title}</h1>")),
        "the article's h1"
    );
    for file in ["sitemap.xml", "sitemap-news.xml", "robots.txt", "feed.xml", "csp.txt"] {
        assert!(dist.join(file).exists(), "{file}");
    }
    assert!(fs::read_to_string(dist.join("shell.html"))
        .unwrap()
        .contains("http-equiv=\"Content-Security-Policy\""));

    // Nothing changed: nothing is rewritten.
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    assert!(
        report.contains(&format!("(0 written, {written} unchanged, 0 deleted, 0 skipped)")),
        "{report}"
    );

    // The article is gone (a 404 now): its page and data leave with it.
    fs::remove_file(dist.join(format!("api/articles/{slug}.json"))).unwrap();
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    assert!(report.contains(&format!("deleted  {route}")), "{report}");
    assert!(report.contains(&format!("skipped  {route}: not found")), "{report}");
    assert!(!dist.join(files["html"].as_str().unwrap()).exists());
    assert!(!dist.join(data_file).exists());
    fs::remove_dir_all(dist).unwrap();
}

#[test]
fn a_dist_from_another_commit_is_refused() {
    let dist = dist("foreign", "0123456789ab");
    let (ok, report) = prerender(&dist);
    assert!(!ok);
    assert!(report.contains("was built from 0123456789ab"), "{report}");
    assert!(!dist.join("prerender.json").exists());
    fs::remove_dir_all(dist).unwrap();
}
