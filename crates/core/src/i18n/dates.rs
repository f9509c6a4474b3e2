//! Absolute dates, formatted the same natively and in wasm: only the zone's
//! offset comes from the platform (`tz`); names and word order are ours, so
//! prerendered text matches the hydrated text byte for byte.

use super::{DateOrder, DateStyle, Locale};
use crate::model::Timestamp;

/// The offset dates are shown at: the site's zone when known, else the one
/// the source wrote.
fn shown_offset(t: &Timestamp, zone: Option<&str>) -> i32 {
    zone.and_then(|z| super::tz::offset_at(z, t.unix()))
        .unwrap_or(t.offset_minutes())
}

/// "8 février 2026".
pub fn format_date(t: &Timestamp, locale: Locale) -> String {
    format_date_in(t, locale, None)
}

/// "8 février 2026" in `zone` (an IANA name or a fixed offset).
pub fn format_date_in(t: &Timestamp, locale: Locale, zone: Option<&str>) -> String {
    format_date_styled(t, locale, zone, None)
}

/// The date in `zone`, written in the site's date `style` when it has one
/// ("08/02/2026"), else the locale's long form.
pub fn format_date_styled(t: &Timestamp, locale: Locale, zone: Option<&str>, style: Option<DateStyle>) -> String {
    let (y, m, d, _, _) = t.civil_at(shown_offset(t, zone));
    let month = locale
        .strings()
        .months
        .get((m as usize).saturating_sub(1))
        .copied()
        .unwrap_or("");
    if let Some(mut style) = style {
        // A named month first ("F j, Y", WordPress's English default) is
        // English word order: French and Arabic put the day first.
        if style.long_month && locale != Locale::En {
            style.order = DateOrder::DayMonthYear;
        }
        return style.write(y, m, d, month, (locale == Locale::Fr).then_some("1er"));
    }
    match locale {
        Locale::En => format!("{month} {d}, {y}"),
        Locale::Fr if d == 1 => format!("1er {month} {y}"),
        _ => format!("{d} {month} {y}"),
    }
}

fn format_time(t: &Timestamp, locale: Locale, zone: Option<&str>) -> String {
    let (_, _, _, h, min) = t.civil_at(shown_offset(t, zone));
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
    zone: Option<&str>,
    style: Option<DateStyle>,
) -> (String, Option<String>) {
    let date = |t: &Timestamp| format_date_styled(t, locale, zone, style);
    let time = |t: &Timestamp| format_time(t, locale, zone);
    let first = locale.published_on(&date(published), &time(published));
    let second = modified.filter(|m| m.unix() > published.unix()).map(|m| {
        if date(m) == date(published) {
            locale.modified_at(&time(m))
        } else {
            locale.modified_on(&date(m), &time(m))
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
        let (a, b) = format_published(&p, Some(&ts("2023-02-08T14:40:00+01:00")), Locale::Fr, None, None);
        assert_eq!(a, "Publié le 8 février 2023 à 10 h 15");
        assert_eq!(b.as_deref(), Some("Modifié à 14 h 40"));
        let (_, b) = format_published(&p, Some(&ts("2023-02-09T09:05:00+01:00")), Locale::Fr, None, None);
        assert_eq!(b.as_deref(), Some("Modifié le 9 février 2023 à 9 h 05"));
        let (_, b) = format_published(&p, Some(&p), Locale::Fr, None, None);
        assert_eq!(b, None);
    }

    #[test]
    fn dates_follow_the_site_zone_when_known() {
        let p = ts("2026-07-01T23:30:00+00:00");
        assert_eq!(format_date_in(&p, Locale::Fr, Some("Europe/Paris")), "2 juillet 2026");
        let (a, _) = format_published(&p, None, Locale::Fr, Some("Africa/Algiers"), None);
        assert_eq!(a, "Publié le 2 juillet 2026 à 0 h 30");
        // Unknown zones keep the written offset.
        assert_eq!(
            format_published(&p, None, Locale::Fr, Some("Mars/Olympus"), None).0,
            "Publié le 1er juillet 2026 à 23 h 30"
        );
    }

    #[test]
    fn english_dates() {
        let p = ts("2026-11-28T07:05:00+01:00");
        assert_eq!(format_date(&p, Locale::En), "November 28, 2026");
        assert_eq!(
            format_published(&p, None, Locale::En, None, None).0,
            "Published November 28, 2026 at 07:05"
        );
    }

    #[test]
    fn the_site_date_format_is_honoured() {
        let p = ts("2026-02-01T23:30:00+00:00");
        let style = |php: &str| DateStyle::from_php(php);
        let zone = Some("Africa/Casablanca");
        assert_eq!(format_date_styled(&p, Locale::Fr, zone, style("d/m/Y")), "02/02/2026");
        assert_eq!(
            format_date_styled(&p, Locale::Fr, None, style("j F Y")),
            "1er février 2026"
        );
        assert_eq!(
            format_date_styled(&p, Locale::En, None, style("j F Y")),
            "1 February 2026"
        );
        assert_eq!(format_date_styled(&p, Locale::En, None, style("Y-m-d")), "2026-02-01");
        assert_eq!(
            format_date_styled(&p, Locale::En, None, style("F j, Y")),
            "February 1, 2026"
        );
        assert_eq!(
            format_date_styled(&p, Locale::Fr, None, style("F j, Y")),
            "1er février 2026"
        );
        assert_eq!(
            format_date_styled(&p, Locale::Ar, None, style("F j, Y")),
            "1 فبراير 2026"
        );
        assert_eq!(format_date_styled(&p, Locale::Fr, None, style("m/d/Y")), "02/01/2026");
        let (a, b) = format_published(
            &p,
            Some(&ts("2026-02-03T08:00:00+00:00")),
            Locale::En,
            None,
            style("m/d/Y"),
        );
        assert_eq!(a, "Published 02/01/2026 at 23:30");
        assert_eq!(b.as_deref(), Some("Updated 02/03/2026 at 08:00"));
        // An unknown pattern keeps the locale's long form.
        assert_eq!(
            format_date_styled(&p, Locale::En, None, style("l jS \\of F")),
            "February 1, 2026"
        );
    }
}
