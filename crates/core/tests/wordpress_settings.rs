//! Issue #19's site settings and post formats through the WordPress
//! adapter, on answers recorded from the test WordPress into
//! `tests/fixtures/wordpress/settings/` (record with `KIOSQUE_WP_RECORD=1`
//! while `seed-wp-posts.php` and `seed-settings.php` are applied;
//! `scripts/wordpress/record.sh` does it).
// Test code: a panic is a failed test, not a broken page.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod wp_support;

use std::collections::BTreeMap;

use kiosque_core::http::{FetchError, Fetched};
use kiosque_core::model::PostFormat;
use kiosque_core::source::wordpress::Transport;
use kiosque_core::source::ListingRequest;
use wp_support::{answer, block_on, fixture_in, record, recording, source_with};

/// The recorded answers of this file live in their own directory.
struct SettingsCases;

impl Transport for SettingsCases {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        let name = fixture_in("settings/", url);
        if recording() {
            record(url, &name, None);
        }
        answer(&name)
    }
}

#[test]
fn listings_carry_each_post_format() {
    let source = source_with(SettingsCases);
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
    let a = block_on(source_with(SettingsCases).article("format-link")).unwrap();
    assert_eq!(a.format, PostFormat::Link);
    let s = a.summary();
    assert_eq!(s.link.as_deref(), Some("https://example.org/meteo-marine"));
    let plain = block_on(source_with(SettingsCases).article("format-aside")).unwrap();
    assert_eq!(plain.summary().link, None, "only link posts link out");
}
