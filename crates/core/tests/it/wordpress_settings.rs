//! Issue #19's site settings and post formats through the WordPress
//! adapter, on answers recorded from the test WordPress into
//! `tests/fixtures/wordpress/settings/` (record with `KIOSQUE_WP_RECORD=1`
//! while `seed-wp-posts.php` and `seed-settings.php` are applied;
//! `scripts/wordpress/record.sh` does it).

use std::collections::BTreeMap;

use crate::wp_support::{block_on, source_with, Recorded};
use kiosque_core::http::{FetchError, Fetched};
use kiosque_core::model::PostFormat;
use kiosque_core::source::wordpress::Transport;
use kiosque_core::source::ListingRequest;

/// The recorded answers of this file live in their own directory.
const SETTINGS: Recorded = Recorded("settings/");

#[test]
fn listings_carry_each_post_format() {
    let source = source_with(SETTINGS);
    let list = ListingRequest::Category("cas-wordpress".into());
    let mut formats = BTreeMap::new();
    let mut page = 1;
    loop {
        let l = block_on(source.listing(&list, page)).unwrap();
        for a in &l.articles {
            formats.insert(a.slug.clone(), a.format);
        }
        if page >= l.total_pages {
            break;
        }
        page += 1;
    }
    let want = [
        ("format-aside", PostFormat::Aside),
        ("format-status", PostFormat::Status),
        ("format-link", PostFormat::Link),
        ("format-quote", PostFormat::Quote),
        ("format-image", PostFormat::Image),
        ("format-gallery", PostFormat::Gallery),
        ("format-video", PostFormat::Video),
        ("format-audio", PostFormat::Audio),
        ("format-chat", PostFormat::Chat),
    ];
    for (slug, format) in want {
        assert_eq!(formats.get(slug), Some(&format), "{slug}: {formats:?}");
    }
    assert_eq!(formats.get("article-balise-more"), Some(&PostFormat::Standard));
}

#[test]
fn a_link_post_names_its_destination() {
    let a = block_on(source_with(SETTINGS).article("format-link")).unwrap();
    assert_eq!(a.format, PostFormat::Link);
    let s = a.summary();
    assert_eq!(s.link.as_deref(), Some("https://example.org/meteo-marine"));
    let plain = block_on(source_with(SETTINGS).article("format-aside")).unwrap();
    assert_eq!(plain.summary().link, None, "only link posts link out");
}

#[test]
fn the_site_takes_its_icon_and_zone_from_the_index() {
    let site = block_on(source_with(SETTINGS).site()).unwrap();
    assert_eq!(
        site.icon.as_deref(),
        Some("http://127.0.0.1:8081/wp-content/uploads/kiosque-site-icon.png")
    );
    assert_eq!(site.timezone, "Africa/Casablanca");
    assert_eq!(site.name, "Maghreb Daily News");
    assert_eq!(site.posts_per_page, Some(6), "the live source's listing size");
}

/// `/wp/v2/settings` as WordPress answers an administrator, recorded from
/// the test WordPress (`rest_do_request` as admin: the seed's application
/// password is a subscriber's, which WordPress refuses).
fn recorded_settings() -> serde_json::Value {
    let text = std::fs::read_to_string(crate::wp_support::dir().join("settings/wp-settings.admin.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn settings_add_the_language_and_the_listing_size() {
    use kiosque_core::source::wordpress::settings::{apply, WpSettings};
    use kiosque_core::source::wordpress::wire::WpRoot;
    let site = block_on(source_with(SETTINGS).site()).unwrap();
    let root = WpRoot {
        timezone_string: "Africa/Casablanca".into(),
        ..WpRoot::default()
    };
    // As recorded: WordPress's default language (`""`, en_US), 6 a page.
    let recorded: WpSettings = serde_json::from_value(recorded_settings()).unwrap();
    assert_eq!(recorded.date_format.as_deref(), Some("F j, Y"));
    let mut s = site.clone();
    apply(&mut s, &root, &recorded);
    assert_eq!((s.locale.as_str(), s.posts_per_page), ("en", Some(6)));
    // Another site: Arabic, 10 a page, a city set only in the settings.
    let mut v = recorded_settings();
    v["language"] = "ar".into();
    v["posts_per_page"] = 10.into();
    v["timezone"] = "Africa/Tunis".into();
    let other: WpSettings = serde_json::from_value(v).unwrap();
    let mut s = site.clone();
    apply(&mut s, &WpRoot::default(), &other);
    assert_eq!(
        (s.locale.as_str(), s.posts_per_page, s.timezone.as_str()),
        ("ar", Some(10), "Africa/Tunis")
    );
    // A language Kiosque has no strings for keeps the site's locale.
    let mut v = recorded_settings();
    v["language"] = "de_DE".into();
    let mut s = site.clone();
    apply(&mut s, &root, &serde_json::from_value(v).unwrap());
    assert_eq!(s.locale, site.locale);
}

#[test]
fn listings_hold_the_configured_number_of_posts() {
    let source = source_with(SETTINGS).with_per_page(Some(10));
    let list = ListingRequest::Category("cas-wordpress".into());
    let one = block_on(source.listing(&list, 1)).unwrap();
    assert_eq!((one.articles.len(), one.total, one.total_pages), (10, 17, 2));
    let two = block_on(source.listing(&list, 2)).unwrap();
    assert_eq!(two.articles.len(), 7);
    assert!(one
        .articles
        .iter()
        .all(|a| two.articles.iter().all(|b| b.slug != a.slug)));
}

/// A site whose plugin caps `per_page` at 20: a larger page is a 400, as
/// WordPress answers `rest_invalid_param`; its 30 categories come 20 a page
/// at most. Everything else is the recorded site.
struct CappedAt20(std::sync::Mutex<Vec<String>>);

impl Transport for CappedAt20 {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        use kiosque_core::source::wordpress::cap::per_page_of;
        self.0.lock().unwrap().push(url.to_string());
        let n = per_page_of(url).unwrap_or(10);
        // WordPress's answers: a page too large, or past the end.
        if n > 20 || url.contains("&page=99") {
            return Err(FetchError::Status(400));
        }
        if !url.contains("/wp/v2/categories?per_page=") {
            return SETTINGS.get(url);
        }
        // Page `p` holds what is left of the 30 (a full last page is read on).
        let page: u32 = url
            .split("&page=")
            .nth(1)
            .and_then(|r| r.split('&').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let first = (page - 1) * n + 1;
        let list: Vec<serde_json::Value> = (first..=(page * n).min(30))
            .map(|i| serde_json::json!({"id": i, "name": format!("C{i}"), "slug": format!("c{i}"), "count": 1, "parent": 0, "taxonomy": "category"}))
            .collect();
        Ok(Fetched {
            total: Some(30),
            total_pages: Some(30u32.div_ceil(n)),
            ..Fetched::new(serde_json::to_string(&list).unwrap())
        })
    }
}

#[test]
fn a_capped_per_page_is_found_once_and_kept() {
    let asked = std::sync::Arc::new(CappedAt20(Default::default()));
    let source =
        kiosque_core::source::wordpress::WordPressSource::new(crate::wp_support::ROOT, 8000, Default::default())
            .with_transport(asked.clone());
    let site = block_on(source.site()).unwrap();
    assert_eq!(site.nav.len(), 8, "the categories were read");
    let sizes = |from: usize| -> Vec<u32> {
        asked.0.lock().unwrap()[from..]
            .iter()
            .filter(|u| u.contains("/categories?"))
            .filter_map(|u| kiosque_core::source::wordpress::cap::per_page_of(u))
            .collect()
    };
    // Halved until WordPress accepts, then pages 2 and 3 of the 30 at that size.
    assert_eq!(sizes(0), [100, 50, 25, 12, 12, 12], "halved until WordPress accepts");
    let before = asked.0.lock().unwrap().len();
    block_on(source.site()).unwrap();
    assert_eq!(sizes(before), [12, 12, 12], "the size found is kept");
    // A later page's 400 is "past the end", never a reason to shrink.
    let list = ListingRequest::Category("cas-wordpress".into());
    assert!(matches!(block_on(source.listing(&list, 99)), Err(FetchError::NotFound)));
    let past = asked
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|u| u.contains("&page=99"))
        .count();
    assert_eq!(past, 1, "asked once");
}
