//! Custom post types through the prerender command, on the demo API (its
//! `videos` type, `public/config.json`'s `post_types`, prefix `video`):
//! every listing page and every item is written, items under `/video/…`
//! with the type's breadcrumb, all in the sitemap with their dates, in the
//! site's feed and the type's own (`in_feeds`), the listing in the header's
//! navigation; a type the API lacks gets no page and no failure.

use std::fs;

use crate::support::{dist, load_json, page_html, prerender};

#[test]
fn a_custom_type_is_prerendered_listed_and_in_the_sitemap() {
    let dist = dist("types", kiosque_core::stamp::BUILD_ID);
    let first = load_json(&dist, "api/types/videos/page/1.json");
    assert_eq!(first["kind"]["type"], "post_type");
    let pages = first["total_pages"].as_u64().unwrap();
    assert!(pages >= 2, "the demo type has a second page");
    let (ok, out) = prerender(&dist);
    assert!(ok, "{out}");

    let listing = page_html(&dist, "/video");
    assert!(listing.contains("class=\"page-title\">Vidéos<"), "{listing}");
    let slug = first["articles"][0]["slug"].as_str().unwrap();
    assert!(
        listing.contains(&format!("href=\"/video/{slug}\"")),
        "cards link under the prefix"
    );
    assert!(!listing.contains(&format!("href=\"/article/{slug}\"")));
    for n in 2..=pages {
        page_html(&dist, &format!("/video/page/{n}"));
    }

    let sitemap = fs::read_to_string(dist.join("sitemap-1.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://news.example/video</loc>"), "{sitemap}");
    for n in 1..=pages {
        let list = load_json(&dist, &format!("api/types/videos/page/{n}.json"));
        for a in list["articles"].as_array().unwrap() {
            let slug = a["slug"].as_str().unwrap();
            let item = page_html(&dist, &format!("/video/{slug}"));
            // Home › Vidéos › title, the kicker and canonical the type's.
            assert!(item.contains("<li><a href=\"/video\">Vidéos<"), "{item}");
            assert!(
                item.contains(&format!(
                    "<link href=\"https://news.example/video/{slug}\" rel=\"canonical\">"
                )),
                "{item}"
            );
            assert!(item.contains(a["title"].as_str().unwrap()));
            let date = &a["published"].as_str().unwrap()[..10];
            assert!(
                sitemap.contains(&format!("<loc>https://news.example/video/{slug}</loc><lastmod>{date}")),
                "{slug} in the sitemap with its date"
            );
        }
    }
    let home = page_html(&dist, "/");
    assert!(
        home.contains("<a href=\"/video\" class=\"nav__link\">Vidéos<"),
        "navigation"
    );
    let newest = format!("https://news.example/video/{slug}");
    let own = fs::read_to_string(dist.join("video/feed.xml")).unwrap();
    assert!(own.contains("<title>Vidéos — Kiosque Actu</title>"), "{own}");
    assert!(
        own.contains(&format!(
            "<item><title>{}</title><link>{newest}</link>",
            first["articles"][0]["title"].as_str().unwrap()
        )),
        "{own}"
    );
    assert_eq!(own.matches("<item>").count() as u64, first["total"].as_u64().unwrap());
    let site_feed = fs::read_to_string(dist.join("feed.xml")).unwrap();
    assert!(site_feed.contains(&format!("<link>{newest}</link>")), "{site_feed}");
    assert!(site_feed.contains("<link>https://news.example/article/"));
    let _ = fs::remove_dir_all(&dist);
}

#[test]
fn a_type_the_api_lacks_gets_no_page_and_no_failure() {
    let dist = dist("types-missing", kiosque_core::stamp::BUILD_ID);
    fs::remove_dir_all(dist.join("api/types")).unwrap();
    let (ok, out) = prerender(&dist);
    assert!(ok, "{out}");
    let manifest = load_json(&dist, "prerender.json");
    let typed: Vec<&String> = manifest["pages"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|r| r.starts_with("/video"))
        .collect();
    assert!(typed.is_empty(), "{typed:?}");
    assert!(out.contains("post type \"videos\": no listing"), "{out}");
    let _ = fs::remove_dir_all(&dist);
}
