//! Locale formatting that must agree between the publisher (native: jiff's
//! tz database, icu_plurals' CLDR rules) and the browser (Intl): the same
//! expected strings, checked by `cargo test` and by wasm_bindgen_test in
//! headless Chromium. A difference would change a prerendered page's text
//! when it hydrates.
// Test code: a panic is a failed test, not a broken page.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kiosque_core::i18n::{format_published, zone_offset, Locale, Plural};
use kiosque_core::model::Timestamp;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn published(at: &str, locale: Locale, zone: &str) -> String {
    format_published(&Timestamp::parse(at).unwrap(), None, locale, Some(zone), None).0
}

#[test]
fn one_instant_in_three_zones_across_their_clock_changes() {
    // Between these two instants New York (8 March), Casablanca (end of
    // Ramadan time, 22 March) and Paris (29 March) all change offset.
    let before = "2026-03-01T23:30:00Z";
    let after = "2026-04-01T23:30:00Z";
    let cases = [
        (before, "Africa/Casablanca", "Publié le 1er mars 2026 à 23 h 30"),
        (before, "Europe/Paris", "Publié le 2 mars 2026 à 0 h 30"),
        (before, "America/New_York", "Publié le 1er mars 2026 à 18 h 30"),
        (after, "Africa/Casablanca", "Publié le 2 avril 2026 à 0 h 30"),
        (after, "Europe/Paris", "Publié le 2 avril 2026 à 1 h 30"),
        (after, "America/New_York", "Publié le 1er avril 2026 à 19 h 30"),
    ];
    for (at, zone, want) in cases {
        assert_eq!(published(at, Locale::Fr, zone), want, "{at} in {zone}");
    }
    assert_eq!(
        published(after, Locale::En, "America/New_York"),
        "Published April 1, 2026 at 19:30"
    );
    assert_eq!(
        published(before, Locale::Ar, "Africa/Casablanca"),
        "نُشر في 1 مارس 2026 الساعة 23:30"
    );
}

#[test]
fn odd_offsets_links_and_unknown_zones() {
    let jan = Timestamp::parse("2026-01-15T12:00:00Z").unwrap().unix();
    let cases = [
        ("Asia/Kathmandu", Some(345)),
        ("Pacific/Chatham", Some(825)),
        ("America/St_Johns", Some(-210)),
        ("America/Argentina/Buenos_Aires", Some(-180)),
        ("Etc/GMT+5", Some(-300)),
        ("US/Eastern", Some(-300)),
        ("Asia/Calcutta", Some(330)),
        ("UTC", Some(0)),
        ("+03:00", Some(180)),
        ("Mars/Olympus", None),
    ];
    for (zone, want) in cases {
        assert_eq!(zone_offset(zone, jan), want, "{zone}");
    }
    // An unknown zone keeps the offset the source wrote.
    assert_eq!(
        published("2026-07-01T23:30:00+00:00", Locale::Fr, "Mars/Olympus"),
        "Publié le 1er juillet 2026 à 23 h 30"
    );
}

#[test]
fn plural_categories_come_from_cldr() {
    use Plural::*;
    let cases: &[(Locale, &[(u64, Plural)])] = &[
        (Locale::Fr, &[(0, One), (1, One), (2, Other), (1_000_000, Many)]),
        (Locale::En, &[(0, Other), (1, One), (2, Other)]),
        (
            Locale::Ar,
            &[
                (0, Zero),
                (1, One),
                (2, Two),
                (3, Few),
                (10, Few),
                (11, Many),
                (99, Many),
                (100, Other),
                (102, Other),
                (103, Few),
                (111, Many),
                (1000, Other),
            ],
        ),
    ];
    for (locale, numbers) in cases {
        for &(n, want) in *numbers {
            assert_eq!(locale.plural(n), want, "{n} in {locale:?}");
        }
    }
}

#[test]
fn counted_messages_take_the_locale_form() {
    let cases = [
        (Locale::Fr.comments(0), "0 commentaire"),
        (Locale::Fr.comments(1), "1 commentaire"),
        (Locale::Fr.comments(2), "2 commentaires"),
        (Locale::En.comments(0), "0 comments"),
        (Locale::En.comments(1), "1 comment"),
        (Locale::Ar.comments(0), "لا تعليقات"),
        (Locale::Ar.comments(1), "تعليق واحد"),
        (Locale::Ar.comments(2), "تعليقان"),
        (Locale::Ar.comments(3), "3 تعليقات"),
        (Locale::Ar.comments(11), "11 تعليقًا"),
        (Locale::Ar.comments(100), "100 تعليق"),
        (
            Locale::Fr.results_for(1, "eau"),
            "1 résultat pour «\u{202F}eau\u{202F}»",
        ),
        (
            Locale::Fr.results_for(3, "eau"),
            "3 résultats pour «\u{202F}eau\u{202F}»",
        ),
        (Locale::En.results_for(1, "water"), "1 result for “water”"),
        (Locale::Ar.results_for(2, "ماء"), "نتيجتان للبحث عن «ماء»"),
        (Locale::Ar.results_for(11, "ماء"), "11 نتيجةً للبحث عن «ماء»"),
        (Locale::Ar.reading_time(2), "دقيقتا قراءة"),
        (Locale::Ar.reading_time(5), "5 دقائق قراءة"),
        (Locale::Fr.reading_time(1), "1 min de lecture"),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
}

/// Every zone the browser lists resolves (natively, the whole bundled
/// database is walked in kiosque-core's own tests).
#[cfg(target_arch = "wasm32")]
#[test]
fn every_zone_the_browser_knows_resolves() {
    let zones = js_sys::Intl::supported_values_of(js_sys::Intl::SupportedValuesKey::TimeZone);
    assert!(zones.length() > 300);
    for zone in zones.iter() {
        let zone = String::from(zone);
        assert!(zone_offset(&zone, 1_774_000_000).is_some(), "{zone}");
    }
}
