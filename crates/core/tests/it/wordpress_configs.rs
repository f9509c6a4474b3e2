//! WordPress configurations as they are in the wild (issue #19, item 6):
//! a site with plain permalinks, whose REST API answers at `?rest_route=`
//! and not at `/wp-json/`, and a site installed in a subdirectory (`/blog`).
//! Answers recorded from the instances `scripts/wordpress-configs.sh` starts
//! (`KIOSQUE_WP_RECORD=1` with them up records
//! `tests/fixtures/wordpress/wpconf/`).

use std::sync::{Arc, Mutex};

use crate::wp_support::{answer, block_on, record, recording, LINKING_POST, LINKING_ROUTES};
use kiosque_core::http::{Door, FetchError, Fetched};
use kiosque_core::model::{Block, Inline};
use kiosque_core::source::wordpress::{Transport, WordPressSource};

const PLAIN: &str = "http://127.0.0.2:4294";
const SUBDIR: &str = "http://127.0.0.3:4295/blog";

/// Answers from `wpconf/` fixtures and keeps every URL asked, in order.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<String>>>);

impl Transport for Log {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        self.0.lock().unwrap().push(url.to_string());
        let name = format!("wpconf/{}", name_of(url));
        if recording() {
            record(url, &name, None);
        }
        answer(&name)
    }
}

/// A readable, unique fixture name: the host's last digit, the route, a hash.
fn name_of(url: &str) -> String {
    let hash = url
        .bytes()
        .fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    let rest = url.split_once("127.0.0.").map_or(url, |(_, r)| r);
    let readable: String = rest
        .split("&_")
        .next()
        .unwrap_or(rest)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(56)
        .collect();
    format!("{}.{hash:08x}", readable.trim_end_matches('-'))
}

fn source(root: &str) -> (WordPressSource, Log) {
    let log = Log::default();
    let s = WordPressSource::new(root, 8000, Door::default()).with_transport(Arc::new(log.clone()));
    (s, log)
}

fn asked(log: &Log) -> Vec<String> {
    log.0.lock().unwrap().clone()
}

fn links(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks {
        if let Block::Paragraph { content } = b {
            for i in content {
                if let Inline::Link { href, .. } = i {
                    out.push(href.clone());
                }
            }
        }
    }
    out
}

#[test]
fn a_plain_permalink_site_configured_at_wp_json_is_read_at_rest_route() {
    let (s, log) = source(&format!("{PLAIN}/wp-json"));
    let site = block_on(s.site()).expect("the site, found at ?rest_route=");
    assert_eq!(site.name, "Maghreb Daily News");
    let a = block_on(s.article(LINKING_POST)).expect("an article");
    assert!(!a.body.is_empty());
    let urls = asked(&log);
    // The configured root is asked once, found missing, and never again.
    let at_wp_json: Vec<&String> = urls.iter().filter(|u| u.contains("/wp-json")).collect();
    assert_eq!(at_wp_json.len(), 1, "{at_wp_json:?}");
    assert!(
        at_wp_json[0].starts_with(&format!("{PLAIN}/wp-json/?_fields=")),
        "{urls:?}"
    );
    assert!(urls[1..]
        .iter()
        .all(|u| u.starts_with(&format!("{PLAIN}/?rest_route=/"))));
    assert!(urls.iter().any(|u| u.contains("?rest_route=/wp/v2/posts&slug=")));
}

#[test]
fn a_plain_permalink_site_configured_as_announced_asks_nothing_else() {
    // What its `Link: <…/index.php?rest_route=/>; rel="https://api.w.org/"` says.
    let (s, log) = source(&format!("{PLAIN}/index.php?rest_route=/"));
    let page = block_on(s.listing(&kiosque_core::source::ListingRequest::Category("economie".into()), 1));
    assert!(!page.expect("a category page").articles.is_empty());
    let urls = asked(&log);
    assert!(urls
        .iter()
        .all(|u| u.starts_with(&format!("{PLAIN}/index.php?rest_route=/wp/v2/"))));
}

#[test]
fn a_subdirectory_site_links_and_media_keep_their_path() {
    let (s, log) = source(&format!("{SUBDIR}/wp-json"));
    let a = block_on(s.article(LINKING_POST)).expect("an article");
    // Its links, `/blog/category/economie/`… on WordPress, are Kiosque routes.
    let hrefs = links(&a.body);
    for want in LINKING_ROUTES {
        assert!(hrefs.iter().any(|h| h == want), "{want} in {hrefs:?}");
    }
    assert!(hrefs.iter().all(|h| !h.contains("/blog/")), "{hrefs:?}");
    let image = a.image.expect("a featured image");
    assert!(
        image.url.starts_with(&format!("{SUBDIR}/wp-content/uploads/")),
        "{}",
        image.url
    );
    // An unknown article is a 404 of WordPress's, not a reason to move.
    assert!(matches!(
        block_on(s.article("article-qui-n-existe-pas")),
        Err(FetchError::NotFound)
    ));
    assert!(asked(&log).iter().all(|u| !u.contains("rest_route")));
}

#[test]
fn more_than_a_hundred_categories_are_all_read() {
    // `seed-wpconf.php`: 111 more categories, the last one top-level, so it
    // sits on the second page of the list.
    let (s, log) = source(&format!("{SUBDIR}/wp-json"));
    let site = block_on(s.site()).expect("the site");
    let nav: Vec<&str> = site.nav.iter().map(|n| n.slug.as_str()).collect();
    assert!(nav.contains(&"derniere-rubrique"), "{nav:?}");
    assert!(nav.contains(&"economie"), "{nav:?}");
    // Known from the list: its page needs no look-up by slug.
    let listing = block_on(s.listing(
        &kiosque_core::source::ListingRequest::Category("rubrique-longue-110".into()),
        1,
    ))
    .expect("a category from page 2");
    assert_eq!(listing.articles.len(), 1);
    let urls = asked(&log);
    assert!(urls
        .iter()
        .any(|u| u.contains("/categories?per_page=100&hide_empty=true&orderby=id&page=2&")));
    // (The SEO plugin's head is asked by slug, for its own fields only.)
    let lookup = |u: &&String| u.contains("categories?slug=") && !u.contains("yoast_head_json");
    assert!(!urls.iter().any(|u| lookup(&u)), "{urls:#?}");
}
