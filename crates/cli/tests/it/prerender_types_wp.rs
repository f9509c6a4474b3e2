//! Custom post types from a live WordPress through the prerender command:
//! the test WordPress's `video` type (scripts/wordpress/mu-plugins/
//! kiosque-cpt.php, seeded by seed-cpt.php) under the demo's `post_types`
//! (prefix `video`). Needs that WordPress, so it is ignored by `cargo test`:
//! `KIOSQUE_WP_URL=http://127.0.0.1:8081/wp-json cargo test -p kiosque-cli
//! --test it -- --ignored prerender_types_wp::`.

use std::fs;

use crate::support::{dist, prerender};
use serde_json::{json, Value};

#[test]
#[ignore = "needs the test WordPress: KIOSQUE_WP_URL=http://127.0.0.1:8081/wp-json"]
fn a_wordpress_custom_type_is_prerendered() {
    let wp = std::env::var("KIOSQUE_WP_URL").expect("KIOSQUE_WP_URL");
    let dist = dist("types-wp", kiosque_core::stamp::BUILD_ID);
    let demo: Value = serde_json::from_str(&fs::read_to_string(dist.join("config.json")).unwrap()).unwrap();
    let config = json!({
        "version": 1,
        "api": { "kind": "wordpress", "base_url": wp },
        "site": demo["site"],
        "post_types": demo["post_types"],
    });
    fs::write(dist.join("config.json"), config.to_string()).unwrap();
    let (ok, out) = prerender(&dist);
    assert!(ok, "{out}");
    let manifest: Value = serde_json::from_str(&fs::read_to_string(dist.join("prerender.json")).unwrap()).unwrap();
    let html = |route: &str| {
        let file = manifest["pages"][route]["html"]
            .as_str()
            .unwrap_or_else(|| panic!("{route}: {out}"));
        fs::read_to_string(dist.join(file)).unwrap()
    };
    let listing = html("/video");
    assert!(listing.contains("class=\"page-title\">Vidéos<"), "{listing}");
    assert!(listing.contains("href=\"/video/video-chott-el-jerid-au-lever-du-jour\""));
    let item = html("/video/video-chott-el-jerid-au-lever-du-jour");
    assert!(item.contains("<li><a href=\"/video\">Vidéos<"), "{item}");
    assert!(item.contains("Le chott el-Jérid au lever du jour"));
    assert!(item.contains("Le sel craque sous les pas"), "the body");
    for slug in [
        "video-atelier-de-dinanderie-a-fes",
        "video-marche-flottant-de-segou",
        "video-la-derniere-seance-du-cine-club",
    ] {
        html(&format!("/video/{slug}"));
    }
    let sitemap = fs::read_to_string(dist.join("sitemap-1.xml")).unwrap();
    assert!(
        sitemap.contains("/video/video-marche-flottant-de-segou</loc><lastmod>2020-05-12"),
        "{sitemap}"
    );
    let feed = fs::read_to_string(dist.join("video/feed.xml")).unwrap();
    assert_eq!(feed.matches("<item>").count(), 4, "{feed}");
    let _ = fs::remove_dir_all(&dist);
}
