//! The site's time zone (`site.timezone`), computed the same natively and in
//! wasm. A full tz database would weigh hundreds of KB of wasm, so this knows
//! fixed offsets, zones without daylight saving, and the EU rule. For other
//! zones (Casablanca's Ramadan shifts, for instance) it returns `None`, and
//! dates keep the offset the source wrote.

/// The zone's offset from UTC in minutes at `unix` seconds.
pub fn offset_at(zone: &str, unix: i64) -> Option<i32> {
    if let Some(fixed) = parse_fixed(zone) {
        return Some(fixed);
    }
    let fixed = match zone {
        "UTC" | "Etc/UTC" | "GMT" | "Africa/Abidjan" | "Africa/Dakar" | "Africa/Bamako" | "Africa/Nouakchott"
        | "Africa/Accra" | "Atlantic/Reykjavik" => 0,
        "Africa/Algiers" | "Africa/Tunis" | "Africa/Lagos" | "Africa/Kinshasa" | "Africa/Douala" | "Africa/Niamey"
        | "Africa/Ndjamena" => 60,
        "Africa/Tripoli" | "Africa/Johannesburg" | "Africa/Khartoum" | "Africa/Kigali" | "Africa/Maputo" => 120,
        "Africa/Nairobi" | "Africa/Addis_Ababa" | "Asia/Riyadh" | "Asia/Qatar" | "Europe/Istanbul" => 180,
        "Asia/Dubai" => 240,
        "Europe/London" | "Europe/Lisbon" | "Europe/Dublin" | "Atlantic/Canary" => return Some(eu(unix, 0)),
        "Europe/Paris" | "Europe/Brussels" | "Europe/Madrid" | "Europe/Berlin" | "Europe/Rome" | "Europe/Amsterdam"
        | "Europe/Luxembourg" | "Europe/Zurich" | "Europe/Vienna" | "Europe/Stockholm" | "Europe/Oslo"
        | "Europe/Copenhagen" | "Europe/Warsaw" | "Europe/Prague" | "Europe/Malta" => return Some(eu(unix, 60)),
        "Europe/Athens" | "Europe/Helsinki" | "Europe/Bucharest" | "Europe/Sofia" | "Europe/Kyiv" => {
            return Some(eu(unix, 120))
        }
        _ => return None,
    };
    Some(fixed)
}

/// "+01:00", "-05:30", "UTC+1".
fn parse_fixed(zone: &str) -> Option<i32> {
    let z = zone.strip_prefix("UTC").unwrap_or(zone);
    let (sign, rest) = match z.as_bytes().first()? {
        b'+' => (1, &z[1..]),
        b'-' => (-1, &z[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=14).contains(&h) && (0..60).contains(&m)).then_some(sign * (h * 60 + m))
}

/// EU summer time: from the last Sunday of March to the last Sunday of
/// October, switching at 01:00 UTC.
fn eu(unix: i64, standard: i32) -> i32 {
    let year = crate::model::Timestamp::year_of(unix);
    let start = last_sunday_utc(year, 3) + 3600;
    let end = last_sunday_utc(year, 10) + 3600;
    if (start..end).contains(&unix) {
        standard + 60
    } else {
        standard
    }
}

fn last_sunday_utc(year: i64, month: u32) -> i64 {
    let last_day = crate::model::Timestamp::days_from_civil_pub(year, month, 31);
    // 1970-01-01 was a Thursday (weekday 4, Sunday = 0).
    let weekday = (last_day + 4).rem_euclid(7);
    (last_day - weekday) * 86_400
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    fn at(s: &str) -> i64 {
        Timestamp::parse(s).unwrap().unix()
    }

    #[test]
    fn fixed_and_plain_zones() {
        assert_eq!(offset_at("+01:00", 0), Some(60));
        assert_eq!(offset_at("UTC-05:30", 0), Some(-330));
        assert_eq!(offset_at("Africa/Algiers", at("2026-07-01T12:00:00Z")), Some(60));
        assert_eq!(offset_at("Africa/Dakar", 0), Some(0));
        assert_eq!(offset_at("Africa/Casablanca", 0), None);
        assert_eq!(offset_at("Mars/Olympus", 0), None);
        assert_eq!(offset_at("+99:00", 0), None);
    }

    #[test]
    fn eu_summer_time_switches_on_the_last_sundays() {
        // 2026: 29 March and 25 October.
        assert_eq!(offset_at("Europe/Paris", at("2026-03-29T00:59:00Z")), Some(60));
        assert_eq!(offset_at("Europe/Paris", at("2026-03-29T01:00:00Z")), Some(120));
        assert_eq!(offset_at("Europe/Paris", at("2026-10-25T00:59:00Z")), Some(120));
        assert_eq!(offset_at("Europe/Paris", at("2026-10-25T01:00:00Z")), Some(60));
        assert_eq!(offset_at("Europe/London", at("2026-07-01T12:00:00Z")), Some(60));
    }
}
