//! The whole archive as pages (issue 18): every article, every page of every
//! listing and every static page of the demo gets a file; a parallel run
//! writes what a sequential one does; the sitemaps and feeds are well-formed
//! and within their limits; a removed article leaves the pages and the
//! sitemap, a malformed one keeps its last good page.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{dist, prerender_with};
use kiosque_core::model::Timestamp;

const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS: &str = "http://www.google.com/schemas/sitemap-news/0.9";
const ATOM: &str = "http://www.w3.org/2005/Atom";

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    out.sort();
    out
}

/// Every public route of the demo, from the API files themselves.
fn expected_routes(api: &Path) -> BTreeSet<String> {
    let mut routes = BTreeSet::new();
    for f in names(&api.join("articles")) {
        routes.insert(format!("/article/{}", f.trim_end_matches(".json")));
    }
    for f in names(&api.join("pages")) {
        routes.insert(format!("/{}", f.trim_end_matches(".json")));
    }
    for n in names(&api.join("latest/page")) {
        let n = n.trim_end_matches(".json");
        routes.insert(if n == "1" { "/".into() } else { format!("/page/{n}") });
    }
    for (dir, kind) in [("categories", "category"), ("tags", "tag"), ("authors", "author")] {
        for slug in names(&api.join(dir)) {
            for n in names(&api.join(dir).join(&slug).join("page")) {
                let n = n.trim_end_matches(".json");
                routes.insert(if n == "1" {
                    format!("/{kind}/{slug}")
                } else {
                    format!("/{kind}/{slug}/page/{n}")
                });
            }
        }
    }
    // Custom post types, under the prefixes config.json gives them.
    let config = json(&api.join("../config.json"));
    for t in config["post_types"].as_array().into_iter().flatten() {
        let (base, prefix) = (t["rest_base"].as_str().unwrap(), t["prefix"].as_str().unwrap());
        let dir = api.join("types").join(base);
        for f in names(&dir).into_iter().filter(|f| f.ends_with(".json")) {
            routes.insert(format!("/{prefix}/{}", f.trim_end_matches(".json")));
        }
        for n in names(&dir.join("page")) {
            let n = n.trim_end_matches(".json");
            routes.insert(if n == "1" {
                format!("/{prefix}")
            } else {
                format!("/{prefix}/page/{n}")
            });
        }
    }
    routes
}

fn manifest_pages(dist: &Path) -> serde_json::Map<String, serde_json::Value> {
    json(&dist.join("prerender.json"))["pages"].as_object().unwrap().clone()
}

fn xml(dist: &Path, file: &str) -> String {
    fs::read_to_string(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The sitemap index's children and every `(loc, lastmod)` in them,
/// checking their structure and the per-child `limit`.
fn read_sitemaps(dist: &Path, limit: usize) -> (Vec<String>, Vec<(String, Option<String>)>) {
    let index_text = xml(dist, "sitemap.xml");
    let index = roxmltree::Document::parse(&index_text).unwrap();
    let root = index.root_element();
    assert_eq!(root.tag_name().name(), "sitemapindex");
    assert_eq!(root.tag_name().namespace(), Some(SITEMAP));
    let mut children = Vec::new();
    let mut urls = Vec::new();
    for sitemap in root.children().filter(|n| n.is_element()) {
        assert_eq!(sitemap.tag_name().name(), "sitemap");
        let loc = sitemap.children().find(|n| n.has_tag_name((SITEMAP, "loc"))).unwrap();
        let file = loc
            .text()
            .unwrap()
            .strip_prefix("https://news.example/")
            .unwrap()
            .to_string();
        let text = xml(dist, &file);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let set = doc.root_element();
        assert!(set.has_tag_name((SITEMAP, "urlset")), "{file}");
        let entries: Vec<_> = set.children().filter(|n| n.is_element()).collect();
        assert!(
            !entries.is_empty() && entries.len() <= limit,
            "{file}: {}",
            entries.len()
        );
        for url in entries {
            assert!(url.has_tag_name((SITEMAP, "url")));
            let get = |name: &str| {
                url.children()
                    .find(|n| n.has_tag_name((SITEMAP, name)))
                    .and_then(|n| n.text())
                    .map(str::to_string)
            };
            urls.push((get("loc").unwrap(), get("lastmod")));
        }
        children.push(file);
    }
    (children, urls)
}

fn utc(t: &str) -> String {
    let t = Timestamp::parse(t).unwrap();
    let (y, m, d, h, min) = t.civil_at(0);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{:02}Z", t.unix().rem_euclid(60))
}

#[test]
fn every_public_url_is_a_page_and_in_the_sitemaps() {
    let dist = dist("archive", kiosque_core::stamp::BUILD_ID);
    let (ok, report) = prerender_with(&dist, &["--sitemap-limit", "50"]);
    assert!(ok, "{report}");
    let expected = expected_routes(&dist.join("api"));
    let pages = manifest_pages(&dist);
    let written: BTreeSet<String> = pages.keys().cloned().collect();
    assert_eq!(written, expected, "{report}");
    for files in pages.values() {
        assert!(dist.join(files["html"].as_str().unwrap()).is_file());
    }
    assert!(report.contains(&format!(
        "({} written, 0 unchanged, 0 deleted, 0 skipped)",
        expected.len()
    )));

    // The index points at children of at most 50 URLs, which list every page
    // once; articles carry their last change.
    let (children, urls) = read_sitemaps(&dist, 50);
    assert_eq!(children.len(), expected.len().div_ceil(50), "{children:?}");
    let locs: BTreeSet<String> = urls.iter().map(|(l, _)| l.clone()).collect();
    assert_eq!(locs.len(), urls.len(), "no URL twice");
    let expected_locs: BTreeSet<String> = expected.iter().map(|r| format!("https://news.example{r}")).collect();
    assert_eq!(locs, expected_locs);
    for (loc, lastmod) in &urls {
        if let Some(slug) = loc.strip_prefix("https://news.example/article/") {
            let a = json(&dist.join(format!("api/articles/{slug}.json")));
            let changed = a["modified"].as_str().or(a["published"].as_str()).unwrap();
            assert_eq!(lastmod.as_deref(), Some(utc(changed).as_str()), "{loc}");
        }
    }

    // The news sitemap (the demo's dates are in the past: empty, but valid).
    let news_text = xml(&dist, "sitemap-news.xml");
    let news = roxmltree::Document::parse(&news_text).unwrap();
    assert!(news.root_element().has_tag_name((SITEMAP, "urlset")));
    assert_eq!(news.root_element().lookup_namespace_uri(Some("news")), Some(NEWS));
    assert!(news.root_element().children().filter(|n| n.is_element()).count() <= 1000);

    // A feed for the site and one per category.
    let archive = json(&dist.join("api/archive/index.json"));
    let mut feeds = vec![("feed.xml".to_string(), None)];
    for c in archive["categories"].as_array().unwrap() {
        let slug = c["slug"].as_str().unwrap().to_string();
        feeds.push((format!("category/{slug}/feed.xml"), Some(slug)));
    }
    // The demo's type is `in_feeds`: its own feed too.
    feeds.push(("video/feed.xml".to_string(), None));
    for (file, category) in feeds {
        let text = xml(&dist, &file);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let rss = doc.root_element();
        assert!(
            rss.has_tag_name("rss") && rss.attribute("version") == Some("2.0"),
            "{file}"
        );
        let channel = rss.children().find(|n| n.has_tag_name("channel")).unwrap();
        for required in ["title", "link", "description"] {
            assert!(
                channel.children().any(|n| n.has_tag_name(required)),
                "{file}: {required}"
            );
        }
        let own = channel.children().find(|n| n.has_tag_name((ATOM, "link"))).unwrap();
        assert_eq!(
            own.attribute("href"),
            Some(format!("https://news.example/{file}").as_str())
        );
        let items: Vec<_> = channel.children().filter(|n| n.has_tag_name("item")).collect();
        assert!(!items.is_empty() && items.len() <= 30, "{file}: {}", items.len());
        for item in items {
            let link = item
                .children()
                .find(|n| n.has_tag_name("link"))
                .unwrap()
                .text()
                .unwrap();
            assert!(
                written.contains(link.strip_prefix("https://news.example").unwrap()),
                "{link}"
            );
            if let Some(slug) = &category {
                let slug_of = link.rsplit('/').next().unwrap();
                let a = json(&dist.join(format!("api/articles/{slug_of}.json")));
                assert_eq!(a["category"]["slug"].as_str(), Some(slug.as_str()), "{file}");
            }
        }
    }
    let robots = xml(&dist, "robots.txt");
    assert!(robots.contains("Sitemap: https://news.example/sitemap.xml\n"));

    // A second run rewrites nothing, not even the sitemaps.
    let before = fs::metadata(dist.join("sitemap.xml")).unwrap().modified().unwrap();
    let (ok, again) = prerender_with(&dist, &["--sitemap-limit", "50"]);
    assert!(ok, "{again}");
    assert!(
        again.contains(&format!(
            "(0 written, {} unchanged, 0 deleted, 0 skipped)",
            expected.len()
        )),
        "{again}"
    );
    assert_eq!(
        fs::metadata(dist.join("sitemap.xml")).unwrap().modified().unwrap(),
        before
    );

    // A bigger limit: one child; the stale ones go.
    let (ok, again) = prerender_with(&dist, &[]);
    assert!(ok, "{again}");
    assert_eq!(read_sitemaps(&dist, 50_000).0, ["sitemap-1.xml"]);
    assert!(!dist.join("sitemap-2.xml").exists());
    fs::remove_dir_all(dist).unwrap();
}

/// Every file under `dir`, relative, with its bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.strip_prefix(dir).unwrap().to_path_buf(), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_parallel_run_writes_what_a_sequential_one_does() {
    let one = dist("sequential", kiosque_core::stamp::BUILD_ID);
    let many = dist("parallel", kiosque_core::stamp::BUILD_ID);
    let (ok, report) = prerender_with(&one, &["--jobs", "1"]);
    assert!(ok, "{report}");
    let (ok, report) = prerender_with(&many, &["--jobs", "6"]);
    assert!(ok, "{report}");
    let (a, b) = (tree(&one), tree(&many));
    assert!(a.len() > 150, "{}", a.len());
    assert_eq!(a.len(), b.len());
    for ((pa, ta), (pb, tb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb);
        assert!(ta == tb, "{} differs", pa.display());
    }
    fs::remove_dir_all(one).unwrap();
    fs::remove_dir_all(many).unwrap();
}

#[test]
fn a_removed_article_leaves_a_malformed_one_stays() {
    let dist = dist("removed", kiosque_core::stamp::BUILD_ID);
    let (ok, report) = prerender_with(&dist, &[]);
    assert!(ok, "{report}");
    let index_file = dist.join("api/archive/articles/page/1.json");
    let mut index = json(&index_file);
    let gone = index["articles"][3]["slug"].as_str().unwrap().to_string();
    let bad = index["articles"][5]["slug"].as_str().unwrap().to_string();
    // One article unpublished (its file and its index entry gone), one whose
    // index entry lost its date.
    index["articles"].as_array_mut().unwrap().remove(3);
    index["articles"][4].as_object_mut().unwrap().remove("published");
    fs::write(&index_file, index.to_string()).unwrap();
    fs::remove_file(dist.join(format!("api/articles/{gone}.json"))).unwrap();
    let (ok, report) = prerender_with(&dist, &[]);
    assert!(ok, "{report}");
    assert!(report.contains(&format!("deleted  /article/{gone}")), "{report}");
    assert!(report.contains(&format!("skipped  {bad}: malformed")), "{report}");
    let pages = manifest_pages(&dist);
    assert!(!pages.contains_key(&format!("/article/{gone}")));
    assert!(!dist.join(format!("article/{gone}/index.html")).exists());
    assert!(
        pages.contains_key(&format!("/article/{bad}")),
        "its last good page stays"
    );
    assert!(dist.join(format!("article/{bad}/index.html")).exists());
    let (_, urls) = read_sitemaps(&dist, 50_000);
    assert!(!urls.iter().any(|(l, _)| l.ends_with(&format!("/article/{gone}"))));
    assert!(urls.iter().any(|(l, _)| l.ends_with(&format!("/article/{bad}"))));
    fs::remove_dir_all(dist).unwrap();
}
