//! Issue #19's site structure through the prerender command, on the demo
//! API edited as an export of a WordPress with nested categories and pages
//! writes it: a child category's breadcrumb (article and category page), a
//! parent's child links, a page's parents and children; a category the
//! archive index leaves out (an empty one) gets no page and no sitemap entry.

use std::fs;

use crate::support::{dist, load_json, page_html, prerender, save_json};
use serde_json::json;

#[test]
fn nested_categories_and_pages_are_prerendered_with_their_family() {
    let dist = dist("structure", kiosque_core::stamp::BUILD_ID);
    let latest = load_json(&dist, "api/latest/page/1.json");
    let slug = latest["articles"][0]["slug"].as_str().unwrap().to_string();
    let article_file = format!("api/articles/{slug}.json");
    let mut article = load_json(&dist, &article_file);
    let category = article["category"]["slug"].as_str().unwrap().to_string();
    article["category_parents"] = json!([{"slug": "savoirs", "name": "Savoirs"}]);
    save_json(&dist, &article_file, &article);

    let listing_file = format!("api/categories/{category}/page/1.json");
    let mut listing = load_json(&dist, &listing_file);
    listing["kind"]["parents"] = json!([{"slug": "savoirs", "name": "Savoirs"}]);
    listing["kind"]["children"] = json!([{"slug": "sous-rubrique", "name": "Sous-rubrique"}]);
    save_json(&dist, &listing_file, &listing);

    let mut page = load_json(&dist, "api/pages/mentions-legales.json");
    page["parents"] = json!([{"slug": "a-propos", "title": "À propos"}]);
    page["children"] = json!([{"slug": "cookies", "title": "Cookies"}]);
    save_json(&dist, "api/pages/mentions-legales.json", &page);

    // An empty category: its listing exists, the index leaves it out.
    let mut empty = listing.clone();
    empty["kind"]["category"] = json!({"slug": "rubrique-vide", "name": "Rubrique vide"});
    empty["articles"] = json!([]);
    empty["total"] = 0.into();
    fs::create_dir_all(dist.join("api/categories/rubrique-vide/page")).unwrap();
    save_json(&dist, "api/categories/rubrique-vide/page/1.json", &empty);

    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");

    let html = page_html(&dist, &format!("/article/{slug}"));
    let crumbs = &html[html.find("class=\"breadcrumb\"").unwrap()..];
    let crumbs = &crumbs[..crumbs.find("</nav>").unwrap()];
    let parent = crumbs
        .find("href=\"/category/savoirs\"")
        .expect("the parent in the breadcrumb");
    let own = crumbs.find(&format!("href=\"/category/{category}\"")).unwrap();
    assert!(parent < own, "the parent comes first: {crumbs}");
    assert!(
        html.contains("\"name\":\"Savoirs\""),
        "the parent in the BreadcrumbList"
    );

    let html = page_html(&dist, &format!("/category/{category}"));
    assert!(html.contains("class=\"breadcrumb\""), "a child category's breadcrumb");
    assert!(html.contains("href=\"/category/savoirs\""));
    assert!(html.contains("class=\"sublinks\"") && html.contains("href=\"/category/sous-rubrique\""));

    let html = page_html(&dist, "/mentions-legales");
    assert!(html.contains("class=\"breadcrumb\"") && html.contains("href=\"/a-propos\""));
    assert!(html.contains("href=\"/cookies\""), "the child page's link");

    let manifest = load_json(&dist, "prerender.json");
    assert!(manifest["pages"].get("/category/rubrique-vide").is_none());
    for entry in fs::read_dir(&dist).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("sitemap") && name.ends_with(".xml") {
            let xml = fs::read_to_string(&path).unwrap();
            assert!(!xml.contains("rubrique-vide"), "{name} lists the empty category");
        }
    }
}
