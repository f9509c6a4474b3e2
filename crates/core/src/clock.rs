//! The current time, for the footer's year and the publisher's command (what
//! "the last 48 hours" means). Not a view: the one place with a platform
//! branch for time in the core.

/// Seconds since the Unix epoch (0 if the clock is before it). A set
/// `SOURCE_DATE_EPOCH` (the reproducible-builds convention) stands for "now",
/// so a publisher can rebuild a site as of a given time and get the same files.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_unix() -> i64 {
    if let Some(epoch) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|v| *v >= 0)
    {
        return epoch;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Seconds since the Unix epoch.
#[cfg(target_arch = "wasm32")]
pub fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

#[cfg(target_arch = "wasm32")]
pub fn current_year() -> i64 {
    js_sys::Date::new_0().get_full_year() as i64
}

#[cfg(not(target_arch = "wasm32"))]
pub fn current_year() -> i64 {
    // 365.2425-day years are exact enough for a copyright line.
    1970 + now_unix() / 31_556_952
}
