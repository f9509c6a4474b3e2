//! The platform: every browser side effect the app has, behind one small
//! API. Components and start-up call these functions and never `web_sys`.
//! Each has a browser half (`wasm/`, by concern) and a native half
//! (`native.rs`): the neutral behaviour prerendering needs, which is doing
//! nothing, reading nothing and remembering nothing, so views stay free of
//! platform branches and render the same HTML on both sides.
//!
//! - Storage: [`storage_set`] (`localStorage`, which may be disabled: then
//!   nothing is stored; the inline script in `index.html` reads it);
//!   [`session_get`], [`session_set`] (`sessionStorage`: this tab only, for
//!   an editor's preview login).
//! - Navigation: [`scroll_y`], [`scroll_to`], [`when_page_shown`] (scroll
//!   and focus once a new page is in), [`on_popstate`],
//!   [`own_scroll_restoration`].
//! - Document: [`root_attribute`], [`set_root_attribute`] (`<html>`), [`image_broken`],
//!   [`close_disclosure`] (an open `<details>`, focus to its summary),
//!   [`copy_text`] (clipboard), [`reload`], [`ensure_site_icon`] (the head's
//!   icon links where the page has none), [`reader_is_writing`] (a field of
//!   `<main>` focused or edited).
//! - Time: [`now_unix`], [`relative_time`] (`Intl.RelativeTimeFormat`).
//! - Offline: [`register_service_worker`].
//! - Start-up (`boot`): [`install_panic_hook`], [`document_base_url`],
//!   [`location_path`], [`meta_content`], [`has_global`],
//!   [`discard_prerendered`], [`drop_speculation_rules`] (the pre-app
//!   prefetch), [`set_global`], [`take_global`] (the loader's
//!   `config.json`), [`console_warn`], [`spawn`], [`next_task`].

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(not(target_arch = "wasm32"))]
use native as imp;
#[cfg(target_arch = "wasm32")]
use wasm as imp;

// The API: both halves must provide every name (checked on each target).
pub use imp::{
    close_disclosure, console_warn, copy_text, discard_prerendered, document_base_url, drop_speculation_rules,
    ensure_site_icon, has_global, image_broken, install_panic_hook, location_path, meta_content, next_task, now_unix,
    on_popstate, own_scroll_restoration, reader_is_writing, register_service_worker, relative_time, reload,
    root_attribute, scroll_to, scroll_y, session_get, session_set, set_global, set_root_attribute, spawn, storage_set,
    take_global, when_page_shown,
};

/// The unit a relative time is best said in, within a week; older dates
/// keep only their absolute form.
pub fn relative_unit(seconds_ago: i64) -> Option<(i64, &'static str)> {
    match seconds_ago {
        s if s < 0 => None,
        s if s < 60 => Some((0, "second")),
        s if s < 3_600 => Some((s / 60, "minute")),
        s if s < 86_400 => Some((s / 3_600, "hour")),
        s if s < 7 * 86_400 => Some((s / 86_400, "day")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::relative_unit;

    #[test]
    fn relative_units_stop_after_a_week() {
        assert_eq!(relative_unit(30), Some((0, "second")));
        assert_eq!(relative_unit(3 * 60), Some((3, "minute")));
        assert_eq!(relative_unit(3 * 3600 + 5), Some((3, "hour")));
        assert_eq!(relative_unit(2 * 86_400), Some((2, "day")));
        assert_eq!(relative_unit(8 * 86_400), None);
        assert_eq!(relative_unit(-5), None);
    }
}
