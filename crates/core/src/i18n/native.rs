//! Native (publisher) side of the platform data: the IANA time-zone
//! database bundled by `jiff` (so a server without tzdata prerenders the
//! same dates), and CLDR plural rules compiled into `icu_plurals`. The
//! browser side (`web.rs`) asks `Intl` instead, to keep this data out of
//! the wasm; tests/i18n.rs checks both give the same answers.

use icu_plurals::{PluralCategory, PluralRules};

use super::{Locale, Plural};

/// The zone's UTC offset in minutes at `unix` seconds; `None` for a name
/// the database does not know.
pub fn zone_offset(zone: &str, unix: i64) -> Option<i32> {
    let tz = jiff::tz::db().get(zone).ok()?;
    let at = jiff::Timestamp::from_second(unix).ok()?;
    Some(tz.to_offset(at).seconds().div_euclid(60))
}

/// Built per call: with compiled data this is a lookup in static tables,
/// cheaper than sharing the (non-`Sync`) rules across threads.
pub fn plural(locale: Locale, n: u64) -> Plural {
    let rules = locale
        .code()
        .parse::<icu_locale_core::Locale>()
        .ok()
        .and_then(|id| PluralRules::try_new_cardinal(id.into()).ok());
    match rules.map(|r| r.category_for(n)) {
        Some(PluralCategory::Zero) => Plural::Zero,
        Some(PluralCategory::One) => Plural::One,
        Some(PluralCategory::Two) => Plural::Two,
        Some(PluralCategory::Few) => Plural::Few,
        Some(PluralCategory::Many) => Plural::Many,
        _ => Plural::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zone_in_the_bundled_database_resolves() {
        let names: Vec<_> = jiff::tz::db().available().collect();
        assert!(names.len() > 300, "the whole database is bundled, not {}", names.len());
        for name in names {
            assert!(zone_offset(name.as_str(), 1_774_000_000).is_some(), "{name}");
        }
    }
}
