//! An SEO plugin's head on listings (issue 20, item 1) as the static API
//! carries it (`seo` in a listing page's file, written by the export): page 1
//! of a category takes the plugin's title, canonical, cards and schema graph;
//! its page 2 keeps its own canonical, a paged title and no graph; a
//! `noindex` tag asks robots not to index any of its pages and stays out of
//! the sitemaps.

use std::fs;
use std::path::Path;

use crate::support::dist;

/// Puts `seo` in every page file of `dir` (`api/categories/economie`).
fn set_seo(dist: &Path, dir: &str, seo: &serde_json::Value) {
    for f in fs::read_dir(dist.join(dir).join("page")).unwrap() {
        let file = f.unwrap().path();
        let mut l: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        l["seo"] = seo.clone();
        fs::write(&file, serde_json::to_string(&l).unwrap()).unwrap();
    }
}

fn head(dist: &Path, file: &str) -> String {
    let page = fs::read_to_string(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    page.split("</head>").next().unwrap().to_string()
}

#[test]
fn a_listings_plugin_head_and_a_noindex_tag() {
    let dist = dist("seo-terms", kiosque_core::stamp::BUILD_ID);
    set_seo(
        &dist,
        "api/categories/economie",
        &serde_json::json!({
            "title": "Économie : toute l’actualité | Le Site",
            "description": "La rubrique économie décrite par la rédaction.",
            "canonical": "/category/economie",
            "og_title": "L’économie, chaque jour",
            "schema": [
                { "@type": "CollectionPage", "@id": "/category/economie", "name": "Économie" },
                { "@type": "BreadcrumbList", "itemListElement": [] }
            ]
        }),
    );
    set_seo(&dist, "api/tags/agriculture", &serde_json::json!({ "noindex": true }));
    let (ok, report) = crate::support::prerender(&dist);
    assert!(ok, "{report}");

    let first = head(&dist, "category/economie/index.html");
    assert!(
        first.contains("<title>Économie : toute l’actualité | Le Site</title>"),
        "{first}"
    );
    assert!(first.contains(r#"<meta name="description" content="La rubrique économie décrite par la rédaction.">"#));
    assert!(first.contains(r#"<link href="https://news.example/category/economie" rel="canonical">"#));
    assert!(first.contains(r#"<meta property="og:title" content="L’économie, chaque jour">"#));
    assert!(!first.contains(r#"name="robots""#));
    let ld: Vec<&str> = first.split("application/ld+json\">").skip(1).collect();
    assert_eq!(ld.len(), 1, "{first}");
    assert!(
        ld[0].contains(r#""@id":"https://news.example/category/economie""#),
        "{}",
        ld[0]
    );

    let second = head(&dist, "category/economie/page/2/index.html");
    assert!(
        second.contains("<title>Économie : toute l’actualité | Le Site — Page 2 sur 2</title>"),
        "{second}"
    );
    assert!(second.contains(r#"<link href="https://news.example/category/economie/page/2" rel="canonical">"#));
    assert!(!second.contains("application/ld+json"), "{second}");

    let tag = head(&dist, "tag/agriculture/index.html");
    assert!(
        tag.contains(r#"<meta name="robots" content="noindex, follow">"#),
        "{tag}"
    );
    let sitemaps: String = fs::read_dir(&dist)
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("sitemap"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    assert!(sitemaps.contains("https://news.example/category/economie<"));
    assert!(
        !sitemaps.contains("https://news.example/tag/agriculture"),
        "the noindex tag is in a sitemap"
    );
    let _ = fs::remove_dir_all(&dist);
}
