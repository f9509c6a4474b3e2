//! The native half: what prerendering needs from the platform, which is
//! nothing. No storage, no scroll, no clock (a prerendered page must not
//! depend on when it was rendered), no start-up.

use std::future::Future;

pub fn storage_set(_key: &str, _value: Option<&str>) {}

pub fn session_get(_key: &str) -> Option<String> {
    None
}

pub fn session_set(_key: &str, _value: Option<&str>) {}

pub fn scroll_y() -> f64 {
    0.0
}

pub fn scroll_to(_y: f64) {}

pub fn when_page_shown(_y: f64, _focus: bool, _then: impl FnOnce(String) + 'static) {}

pub fn on_popstate(_f: impl Fn(String) + 'static) -> impl FnOnce() + Send + Sync + 'static {
    || {}
}

pub fn own_scroll_restoration() -> impl FnOnce() + Send + Sync + 'static {
    || {}
}

pub fn root_attribute(_name: &str) -> Option<String> {
    None
}

pub fn set_root_attribute(_name: &str, _value: Option<&str>) {}

pub fn image_broken<T>(_img: &T) -> bool {
    false
}

pub fn copy_text(_text: &str) -> bool {
    false
}

pub fn reload() {}

pub fn ensure_site_icon(_href: &str) {}

pub fn reader_is_writing() -> bool {
    false
}

pub fn close_disclosure(_selector: &str) -> bool {
    false
}

pub fn now_unix() -> i64 {
    0
}

pub fn relative_time(_seconds_ago: i64, _locale: &str) -> Option<String> {
    None
}

pub fn register_service_worker(_base_url: &str) {}

pub fn install_panic_hook() {}

pub fn document_base_url() -> String {
    "/".into()
}

pub fn location_path() -> String {
    String::new()
}

pub fn meta_content(_selector: &str) -> Option<String> {
    None
}

pub fn has_global(_name: &str) -> bool {
    false
}

pub fn discard_prerendered(_globals: &[&str]) {}

pub fn drop_speculation_rules() {}

pub fn set_global(_name: &str, _value: &str) {}

pub fn take_global(_name: &str) -> Option<String> {
    None
}

pub fn console_warn(_message: &str) {}

/// Natively the app never starts: nothing to run.
pub fn spawn(_task: impl Future<Output = ()> + 'static) {}

pub async fn next_task() {}
