//! An SEO plugin's head (issue 20, item 1) as the static API carries it (the
//! export writes what the WordPress adapter read): the prerendered article's
//! head takes its title, description, canonical, robots, cards and schema
//! graph; a `noindex` article stays out of the sitemaps, the feeds and the
//! news sitemap, and comes back when the plugin lets it be indexed again.

use std::fs;
use std::path::Path;

use crate::support::{dist, load_json, prerender_env, read, save_json};

fn newest_slug(dist: &Path) -> String {
    load_json(dist, "api/latest/page/1.json")["articles"][0]["slug"]
        .as_str()
        .unwrap()
        .to_string()
}

fn set_seo(dist: &Path, slug: &str, seo: serde_json::Value) -> i64 {
    let file = format!("api/articles/{slug}.json");
    let mut a = load_json(dist, &file);
    a["seo"] = seo;
    save_json(dist, &file, &a);
    let published = a["published"].as_str().unwrap().to_string();
    kiosque_core::model::Timestamp::parse(&published).unwrap().unix()
}

#[test]
fn the_plugin_head_wins_and_noindex_leaves_sitemaps_and_feeds() {
    let dist = dist("seo", kiosque_core::stamp::BUILD_ID);
    let slug = newest_slug(&dist);
    let published = set_seo(
        &dist,
        &slug,
        serde_json::json!({
            "title": "Titre choisi par la rédaction",
            "description": "Une description écrite pour les moteurs.",
            "canonical": "/article/autre-version",
            "noindex": true,
            "og_title": "Titre pour les réseaux",
            "og_image": { "url": "https://cdn.example/carte.jpg", "width": 1200, "height": 630, "alt": "Carte" },
            "twitter_title": "Titre pour X",
            "schema": [
                { "@type": "WebPage", "@id": "/article/autre-version", "name": "Titre choisi" },
                { "@type": "Article", "headline": "Titre choisi", "isPartOf": { "@id": "/article/autre-version" } }
            ]
        }),
    );
    // "Now" is just after the article, so it would be in the news sitemap.
    let now = (published + 3600).to_string();
    let run = |dist: &Path| {
        let (ok, out) = prerender_env(dist, &[], &[("SOURCE_DATE_EPOCH", &now)]);
        assert!(ok, "{out}");
    };
    run(&dist);
    let page = read(&dist, &format!("article/{slug}/index.html"));
    let head = page.split("</head>").next().unwrap();
    assert!(head.contains("<title>Titre choisi par la rédaction</title>"), "{head}");
    assert!(head.contains(r#"<meta name="description" content="Une description écrite pour les moteurs.">"#));
    assert!(
        head.contains(r#"<meta name="robots" content="noindex, follow">"#),
        "{head}"
    );
    assert!(head.contains(r#"<link href="https://news.example/article/autre-version" rel="canonical">"#));
    assert!(head.contains(r#"<meta property="og:title" content="Titre pour les réseaux">"#));
    assert!(head.contains(r#"<meta property="og:image" content="https://cdn.example/carte.jpg">"#));
    assert!(head.contains(r#"<meta name="twitter:title" content="Titre pour X">"#));
    // One graph: the plugin's Article stands for Kiosque's NewsArticle; the
    // breadcrumb the plugin did not give is Kiosque's; paths made absolute.
    let ld: Vec<&str> = head.split("application/ld+json\">").skip(1).collect();
    assert_eq!(ld.len(), 1, "{head}");
    assert!(ld[0].contains(r#""@graph""#));
    assert!(!ld[0].contains("NewsArticle"));
    assert!(ld[0].contains("BreadcrumbList"));
    assert!(ld[0].contains(r#""@id":"https://news.example/article/autre-version""#));
    let manifest = read(&dist, "prerender.json");
    assert!(manifest.contains(r#""noindex": true"#));
    let loc = format!("https://news.example/article/{slug}<");
    for file in ["sitemap-1.xml", "feed.xml", "sitemap-news.xml"] {
        assert!(!read(&dist, file).contains(&loc), "{file} lists the noindex article");
    }
    let news = read(&dist, "sitemap-news.xml");
    assert!(news.contains("<news:news>"), "other recent articles stay: {news}");

    // Indexable again: back in the sitemaps and feeds on the next
    // (incremental) run.
    set_seo(
        &dist,
        &slug,
        serde_json::json!({ "title": "Titre choisi par la rédaction" }),
    );
    run(&dist);
    for file in ["sitemap-1.xml", "feed.xml", "sitemap-news.xml"] {
        assert!(read(&dist, file).contains(&loc), "{file} misses the article again");
    }
    let page = read(&dist, &format!("article/{slug}/index.html"));
    assert!(!page.contains(r#"name="robots""#));
    let _ = fs::remove_dir_all(&dist);
}
