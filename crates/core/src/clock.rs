//! The current year, for the footer. Not a view: the one place with a
//! platform branch for time.

#[cfg(target_arch = "wasm32")]
pub fn current_year() -> i64 {
    js_sys::Date::new_0().get_full_year() as i64
}

#[cfg(not(target_arch = "wasm32"))]
pub fn current_year() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    // 365.2425-day years are exact enough for a copyright line.
    1970 + secs / 31_556_952
}
