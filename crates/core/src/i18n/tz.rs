//! The site's time zone (`site.timezone`): a fixed offset ("+01:00",
//! "UTC-05:30") or any IANA name, resolved by the platform's copy of the
//! tz database (jiff natively, Intl in the browser: see `native.rs`,
//! `web.rs`).

/// The zone's offset from UTC in minutes at `unix` seconds; `None` for a
/// zone nobody knows (dates then keep the offset the source wrote).
pub fn offset_at(zone: &str, unix: i64) -> Option<i32> {
    parse_fixed(zone).or_else(|| super::platform::zone_offset(zone, unix))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    fn at(s: &str) -> i64 {
        Timestamp::parse(s).unwrap().unix()
    }

    #[test]
    fn fixed_offsets_and_unknown_zones() {
        assert_eq!(offset_at("+01:00", 0), Some(60));
        assert_eq!(offset_at("UTC-05:30", 0), Some(-330));
        assert_eq!(offset_at("+99:00", 0), None);
        assert_eq!(offset_at("Mars/Olympus", 0), None);
        assert_eq!(offset_at("", 0), None);
    }

    #[test]
    fn iana_zones_follow_their_own_rules() {
        // 2026: the US switches on 8 March, the EU on 29 March.
        assert_eq!(offset_at("Europe/Paris", at("2026-03-29T00:59:00Z")), Some(60));
        assert_eq!(offset_at("Europe/Paris", at("2026-03-29T01:00:00Z")), Some(120));
        assert_eq!(offset_at("America/New_York", at("2026-03-08T06:59:00Z")), Some(-300));
        assert_eq!(offset_at("America/New_York", at("2026-03-08T07:00:00Z")), Some(-240));
        assert_eq!(offset_at("Africa/Algiers", at("2026-07-01T12:00:00Z")), Some(60));
        assert_eq!(offset_at("Asia/Kolkata", 0), Some(330));
        assert_eq!(offset_at("Asia/Kathmandu", at("2026-01-01T00:00:00Z")), Some(345));
    }
}
