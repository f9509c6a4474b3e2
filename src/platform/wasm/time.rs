//! The clock and relative dates.

pub fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// "il y a 3 heures", from the platform's `Intl.RelativeTimeFormat`.
pub fn relative_time(seconds_ago: i64, locale: &str) -> Option<String> {
    let (value, unit) = crate::platform::relative_unit(seconds_ago)?;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
    let locales = js_sys::Array::of1(&locale.into());
    let format = js_sys::Intl::RelativeTimeFormat::new(&locales, &options);
    Some(String::from(format.format(-(value as f64), unit)))
}
