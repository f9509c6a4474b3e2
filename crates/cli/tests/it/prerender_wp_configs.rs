//! The prerender command against WordPress as it is installed in the wild
//! (issue #19, item 6): every published post of each site gets its page, and
//! every site link in the written pages leads to a written page or file.
//! Needs the instances of `scripts/wordpress-configs.sh` (plain permalinks on
//! 127.0.0.2:4294, a `/blog` subdirectory on 127.0.0.3:4295, the `/actu/`
//! subsite of a multisite network on 127.0.0.4:4298), so it is
//! ignored by `cargo test`; that script runs it with
//! `KIOSQUE_WP_CONFIGS="<root> <root>…"` (REST roots as a publisher writes them).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::support::{dist, prerender_with};
use kiosque_core::http::{Door, Paging};
use kiosque_core::routes::Route;
use kiosque_core::source::wordpress::urls::Urls;
use serde_json::Value;

/// Every published post's slug, read straight from the REST API (`root`
/// where the site really answers): what the prerender must cover.
fn published_slugs(root: &str) -> BTreeSet<String> {
    let urls = Urls::new(root);
    let door = Door::default().with_remote_http();
    let mut slugs = BTreeSet::new();
    for page in 1..=50 {
        let url = urls.at("wp/v2/posts", &format!("per_page=100&page={page}&_fields=slug"));
        let (list, paging): (Vec<Value>, Paging) =
            futures::executor::block_on(door.get_json_paged(&url, 20_000)).expect(&url);
        slugs.extend(list.iter().filter_map(|p| p["slug"].as_str()).map(str::to_string));
        if page >= paging.total_pages.unwrap_or(1) {
            break;
        }
    }
    slugs
}

/// The REST root a site really answers at: the configured one, or its
/// plain-permalink root.
fn answering_root(configured: &str) -> String {
    let urls = Urls::new(configured);
    let door = Door::default().with_remote_http();
    let index = |u: &Urls| futures::executor::block_on(door.get_json_paged::<Value>(&u.index(), 20_000)).is_ok();
    if index(&urls) {
        return urls.root;
    }
    let plain = urls.plain_fallback().expect("a …/wp-json root");
    assert!(index(&plain), "{configured}: neither root answers");
    plain.root
}

/// The site-relative links (`href="/…"`) of a page, without their fragment.
fn site_links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|h| h.starts_with('/') && !h.starts_with("//"))
        .map(|h| h.split('#').next().unwrap_or(h).replace("&amp;", "&"))
        .collect()
}

fn check_site(root: &str, n: usize) {
    let dist = dist(&format!("wpconf-{n}"), kiosque_core::stamp::BUILD_ID);
    let config = format!(r#"{{"version":1,"api":{{"kind":"wordpress","base_url":"{root}"}}}}"#);
    fs::write(dist.join("config.json"), config).unwrap();
    let (ok, report) = prerender_with(&dist, &["--jobs", "2"]);
    assert!(ok, "{root}: {report}");
    let manifest: Value = serde_json::from_str(&fs::read_to_string(dist.join("prerender.json")).unwrap()).unwrap();
    let pages = manifest["pages"].as_object().unwrap();

    let slugs = published_slugs(&answering_root(root));
    assert!(slugs.len() > 40, "{root}: {} posts", slugs.len());
    let missing: Vec<&String> = slugs
        .iter()
        .filter(|s| !pages.contains_key(&Route::article((*s).clone()).path()))
        .collect();
    assert!(missing.is_empty(), "{root}: no page for {missing:?}\n{report}");

    let mut broken = BTreeSet::new();
    let mut checked = 0;
    for (route, files) in pages {
        let html = fs::read_to_string(dist.join(files["html"].as_str().unwrap())).unwrap();
        for link in site_links(&html) {
            checked += 1;
            let path = link.split('?').next().unwrap_or(&link);
            let written = pages.contains_key(path) || is_file(&dist, path);
            // Searches run in the browser; everything else must be written.
            if !written && !path.starts_with("/search") {
                broken.insert(format!("{link} (on {route})"));
            }
        }
    }
    assert!(broken.is_empty(), "{root}: links to nothing written: {broken:#?}");
    assert!(checked > 10 * pages.len(), "{root}: only {checked} links");
    println!(
        "{root}: {} posts, {} pages written, all {checked} site links resolve",
        slugs.len(),
        pages.len()
    );
    let _ = fs::remove_dir_all(&dist);
}

fn is_file(dist: &Path, path: &str) -> bool {
    let p = dist.join(path.trim_start_matches('/'));
    p.is_file() || p.join("index.html").is_file()
}

#[test]
#[ignore = "needs scripts/wordpress-configs.sh's instances: KIOSQUE_WP_CONFIGS"]
fn every_post_is_prerendered_and_every_link_resolves() {
    let roots = std::env::var("KIOSQUE_WP_CONFIGS").expect("KIOSQUE_WP_CONFIGS");
    // Side by side: each site is its own WordPress.
    std::thread::scope(|s| {
        let runs: Vec<_> = roots
            .split_whitespace()
            .enumerate()
            .map(|(n, root)| s.spawn(move || check_site(root, n)))
            .collect();
        for run in runs {
            run.join().unwrap();
        }
    });
}
