//! Absolute dates, formatted the same natively and in wasm (no Intl here:
//! prerendered text must match the hydrated text byte for byte).

use super::Locale;
use crate::model::Timestamp;

/// "8 février 2026" in the timestamp's own offset.
pub fn format_date(t: &Timestamp, locale: Locale) -> String {
    let (y, m, d, _, _) = t.civil_at(t.offset_minutes());
    let month = locale
        .strings()
        .months
        .get((m as usize).saturating_sub(1))
        .copied()
        .unwrap_or("");
    match locale {
        Locale::En => format!("{month} {d}, {y}"),
        _ => format!("{d} {month} {y}"),
    }
}

fn format_time(t: &Timestamp, locale: Locale) -> String {
    let (_, _, _, h, min) = t.civil_at(t.offset_minutes());
    match locale {
        Locale::Fr => format!("{h} h {min:02}"),
        _ => format!("{h:02}:{min:02}"),
    }
}

/// "Publié le 8 février 2026 à 10 h 15 · Modifié le 8 février 2026 à 14 h 40".
/// A same-day modification gives only its time.
pub fn format_published(
    published: &Timestamp,
    modified: Option<&Timestamp>,
    locale: Locale,
) -> (String, Option<String>) {
    let s = locale.strings();
    let first = format!(
        "{} {} {} {}",
        s.published,
        format_date(published, locale),
        s.at,
        format_time(published, locale)
    );
    let day = |t: &Timestamp| {
        let (y, m, d, _, _) = t.civil_at(t.offset_minutes());
        (y, m, d)
    };
    let second = modified.filter(|m| m.unix() > published.unix()).map(|m| {
        if day(m) == day(published) {
            format!("{} {} {}", s.modified_short, s.at, format_time(m, locale))
        } else {
            format!(
                "{} {} {} {}",
                s.modified,
                format_date(m, locale),
                s.at,
                format_time(m, locale)
            )
        }
    });
    (first, second)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn french_dates_read_like_a_newspaper() {
        let p = ts("2023-02-08T10:15:00+01:00");
        assert_eq!(format_date(&p, Locale::Fr), "8 février 2023");
        let (a, b) = format_published(&p, Some(&ts("2023-02-08T14:40:00+01:00")), Locale::Fr);
        assert_eq!(a, "Publié le 8 février 2023 à 10 h 15");
        assert_eq!(b.as_deref(), Some("Modifié à 14 h 40"));
        let (_, b) = format_published(&p, Some(&ts("2023-02-09T09:05:00+01:00")), Locale::Fr);
        assert_eq!(b.as_deref(), Some("Modifié le 9 février 2023 à 9 h 05"));
        let (_, b) = format_published(&p, Some(&p), Locale::Fr);
        assert_eq!(b, None);
    }

    #[test]
    fn english_dates() {
        let p = ts("2026-11-28T07:05:00+01:00");
        assert_eq!(format_date(&p, Locale::En), "November 28, 2026");
        assert_eq!(
            format_published(&p, None, Locale::En).0,
            "Published November 28, 2026 at 07:05"
        );
    }
}
