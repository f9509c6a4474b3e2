//! RFC 3339 timestamps with an explicit offset, validated when parsed.

use serde::{Deserialize, Serialize};

/// A point in time as the source wrote it (`2026-10-02T08:15:00+01:00`).
/// Parsing checks the shape, so views can rely on the parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Timestamp {
    raw: String,
    /// Seconds since the Unix epoch (UTC).
    unix: i64,
    /// The written offset from UTC, in minutes.
    offset_minutes: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an RFC 3339 timestamp with offset: {0:?}")]
pub struct TimestampError(pub String);

impl Timestamp {
    pub fn parse(s: &str) -> Result<Self, TimestampError> {
        let err = || TimestampError(s.chars().take(40).collect());
        let b = s.as_bytes();
        if b.len() < 20 || !s.is_ascii() {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<i64, TimestampError> {
            let part = s.get(r).ok_or_else(err)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(err());
            }
            part.parse::<i64>().map_err(|_| err())
        };
        if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
            return Err(err());
        }
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return Err(err());
        }
        // Optional fraction, then the offset.
        let mut i = 19;
        if b[i] == b'.' {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err(err());
            }
        }
        let offset_minutes = match b.get(i) {
            Some(b'Z' | b'z') if i + 1 == b.len() => 0,
            Some(sign @ (b'+' | b'-')) if i + 6 == b.len() && b[i + 3] == b':' => {
                let (oh, om) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
                if oh > 23 || om > 59 {
                    return Err(err());
                }
                let m = (oh * 60 + om) as i32;
                if *sign == b'-' {
                    -m
                } else {
                    m
                }
            }
            _ => return Err(err()),
        };
        let days = days_from_civil(year, month, day);
        let local = days * 86_400 + hour * 3600 + minute * 60 + second.min(59);
        Ok(Timestamp {
            raw: s.to_string(),
            unix: local - i64::from(offset_minutes) * 60,
            offset_minutes,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.raw
    }

    pub fn unix(&self) -> i64 {
        self.unix
    }

    pub fn offset_minutes(&self) -> i32 {
        self.offset_minutes
    }

    /// Civil date and time at a given offset: (year, month, day, hour, minute).
    pub fn civil_at(&self, offset_minutes: i32) -> (i64, u32, u32, u32, u32) {
        let local = self.unix + i64::from(offset_minutes) * 60;
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        (y, m, d, (secs / 3600) as u32, ((secs % 3600) / 60) as u32)
    }
}

impl Timestamp {
    /// The instant `unix` (seconds) written at `offset_minutes` from UTC
    /// (`2026-12-01T08:00:00+01:00`); `None` past year 9999.
    pub fn from_unix(unix: i64, offset_minutes: i32) -> Option<Timestamp> {
        let local = unix.checked_add(i64::from(offset_minutes) * 60)?;
        let (y, m, d) = civil_from_days(local.div_euclid(86_400));
        let secs = local.rem_euclid(86_400);
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let off = offset_minutes.unsigned_abs();
        Timestamp::parse(&format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60,
            off / 60,
            off % 60
        ))
        .ok()
    }

    /// Days since 1970-01-01 of a civil date (`day` past the month's end is
    /// clamped to its last day).
    pub fn days_from_civil_pub(year: i64, month: u32, day: u32) -> i64 {
        let m = i64::from(month.clamp(1, 12));
        days_from_civil(year, m, i64::from(day).clamp(1, days_in_month(year, m)))
    }
}

impl TryFrom<String> for Timestamp {
    type Error = TimestampError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Timestamp::parse(&s)
    }
}

impl From<Timestamp> for String {
    fn from(t: Timestamp) -> String {
        t.raw
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.unix.cmp(&other.unix).then_with(|| self.raw.cmp(&other.raw))
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil-date algorithms (public domain).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod from_unix_tests {
    use super::Timestamp;

    #[test]
    fn unix_seconds_are_written_at_an_offset() {
        let t = Timestamp::from_unix(1_764_576_000, 60).unwrap();
        assert_eq!(t.as_str(), "2025-12-01T09:00:00+01:00");
        assert_eq!(t.unix(), 1_764_576_000);
        assert_eq!(
            Timestamp::from_unix(0, -330).unwrap().as_str(),
            "1969-12-31T18:30:00-05:30"
        );
        assert_eq!(Timestamp::from_unix(i64::MAX, 0), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_and_orders_by_instant() {
        let a = Timestamp::parse("2026-10-02T08:15:00+01:00").unwrap();
        let b = Timestamp::parse("2026-10-02T07:15:00Z").unwrap();
        assert_eq!(a.unix(), b.unix());
        assert_eq!(a.unix(), 1_790_925_300);
        assert_eq!(a.offset_minutes(), 60);
        assert_eq!(a.civil_at(60), (2026, 10, 2, 8, 15));
        let c = Timestamp::parse("2026-10-02T08:16:00.5+01:00").unwrap();
        assert!(c > a);
    }

    #[test]
    fn rejects_bad_shapes_without_panicking() {
        for bad in [
            "",
            "2026-10-02",
            "2026-10-02T08:15:00",
            "2026-13-02T08:15:00Z",
            "2026-02-30T08:15:00Z",
            "2026-10-02T24:00:00Z",
            "2026-10-02T08:15:00+1:00",
            "2026-10-02T08:15:00.+01:00",
            "２０２６-10-02T08:15:00Z",
            "2026-10-02T08:15:00+01:00x",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn serde_round_trip_keeps_the_written_form() {
        let t: Timestamp = serde_json::from_str("\"2024-02-29T23:59:59-05:30\"").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"2024-02-29T23:59:59-05:30\"");
        assert!(serde_json::from_str::<Timestamp>("42").is_err());
    }
}
