//! Browser-only side effects, for effects and event handlers. Natively each
//! is a no-op, so views stay free of platform branches and prerender as is.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    pub fn copy_text(text: &str) -> bool {
        let Some(w) = window() else { return false };
        let clipboard = w.navigator().clipboard();
        if clipboard.is_undefined() {
            return false;
        }
        let _ = clipboard.write_text(text);
        true
    }

    pub fn scroll_y() -> f64 {
        window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
    }

    pub fn scroll_to(y: f64) {
        if let Some(w) = window() {
            w.scroll_to_with_x_and_y(0.0, y);
        }
    }

    /// Once the new page's `h1` is in the document (it may still be
    /// swapping in: look every 50 ms for up to 3 s), scrolls to `y`, focuses
    /// the `h1` without scrolling if asked (screen readers start there), and
    /// hands its text to `then`.
    pub fn when_page_shown(y: f64, focus: bool, then: impl FnOnce(String) + 'static) {
        try_show(y, focus, then, 60);
    }

    fn try_show(y: f64, focus: bool, then: impl FnOnce(String) + 'static, tries_left: u32) {
        let heading = window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("main h1").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        match heading {
            Some(h) => {
                scroll_to(y);
                // A reader typing (say, in the header search) while a slow
                // page arrives keeps the caret.
                if focus && !typing() {
                    let opts = web_sys::FocusOptions::new();
                    opts.set_prevent_scroll(true);
                    let _ = h.focus_with_options(&opts);
                }
                then(h.text_content().unwrap_or_default());
            }
            None if tries_left > 0 => {
                let retry =
                    wasm_bindgen::closure::Closure::once_into_js(move || try_show(y, focus, then, tries_left - 1));
                if let Some(w) = window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(retry.unchecked_ref(), 50);
                }
            }
            None => {}
        }
    }

    /// Calls `f` on every `popstate`, before the router's own listener (a
    /// capture listener on `window` runs first): the page the router then
    /// renders already knows it was reached by back/forward. Returns the
    /// remover.
    pub fn on_popstate_first(f: impl Fn() + 'static) -> impl FnOnce() + Send + Sync + 'static {
        let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
        if let Some(w) = window() {
            let _ = w.add_event_listener_with_callback_and_bool("popstate", closure.as_ref().unchecked_ref(), true);
        }
        let keep = send_wrapper::SendWrapper::new(closure);
        move || {
            if let Some(w) = window() {
                let _ = w.remove_event_listener_with_callback_and_bool("popstate", keep.as_ref().unchecked_ref(), true);
            }
        }
    }

    /// Whether focus is in a text field or other editable element.
    fn typing() -> bool {
        let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.active_element()) else {
            return false;
        };
        let editable = el
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|h| h.is_content_editable());
        editable
            || matches!(
                el.tag_name().to_ascii_lowercase().as_str(),
                "input" | "textarea" | "select"
            )
    }

    /// Whether an image finished loading and failed (complete, no pixels).
    pub fn image_broken(img: &web_sys::HtmlImageElement) -> bool {
        img.complete() && img.natural_width() == 0
    }

    /// Loads the page again (the config is read once, at start-up).
    pub fn reload() {
        if let Some(location) = window().map(|w| w.location()) {
            let _ = location.reload();
        }
    }

    pub fn now_unix() -> i64 {
        (js_sys::Date::now() / 1000.0) as i64
    }

    fn local_storage() -> Option<web_sys::Storage> {
        // Throws when storage is disabled (privacy settings, sandboxed frames).
        window().and_then(|w| w.local_storage().ok().flatten())
    }

    /// The stored value, or `None` when absent or storage is unavailable.
    pub fn storage_get(key: &str) -> Option<String> {
        local_storage().and_then(|s| s.get_item(key).ok().flatten())
    }

    /// Stores `value`, or removes the key for `None`. Failures (quota,
    /// disabled storage) are ignored: the choice then lasts for the page.
    pub fn storage_set(key: &str, value: Option<&str>) {
        if let Some(s) = local_storage() {
            let _ = match value {
                Some(v) => s.set_item(key, v),
                None => s.remove_item(key),
            };
        }
    }

    /// Sets `name` on `<html>`, or removes it for `None`.
    pub fn set_root_attribute(name: &str, value: Option<&str>) {
        let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
            return;
        };
        let _ = match value {
            Some(v) => root.set_attribute(name, v),
            None => root.remove_attribute(name),
        };
    }

    /// Registers the service worker `sw.js` beside the bundle: its scope is
    /// the bundle's base URL. Skipped where browsers have none (plain http);
    /// a failure is ignored, the site works without it.
    pub fn register_service_worker(base_url: &str) {
        let Some(w) = window() else { return };
        let navigator = w.navigator();
        if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
            return;
        }
        let registered = navigator
            .service_worker()
            .register(&kiosque_core::config::resolve(base_url, "sw.js"));
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
        });
    }

    /// Resolves in a new task: the browser may paint and handle input first.
    pub async fn next_task() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// "il y a 3 heures", from the platform's `Intl.RelativeTimeFormat`.
    pub fn relative_time(seconds_ago: i64, locale: &str) -> Option<String> {
        let (value, unit) = super::relative_unit(seconds_ago)?;
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
        let locales = js_sys::Array::of1(&locale.into());
        let format = js_sys::Intl::RelativeTimeFormat::new(&locales, &options);
        Some(String::from(format.format(-(value as f64), unit)))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn copy_text(_text: &str) -> bool {
        false
    }
    pub fn scroll_y() -> f64 {
        0.0
    }
    pub fn scroll_to(_y: f64) {}
    pub fn when_page_shown(_y: f64, _focus: bool, _then: impl FnOnce(String) + 'static) {}
    pub fn on_popstate_first(_f: impl Fn() + 'static) -> impl FnOnce() + Send + Sync + 'static {
        || {}
    }
    pub fn reload() {}
    pub fn image_broken<T>(_img: &T) -> bool {
        false
    }
    pub fn now_unix() -> i64 {
        0
    }
    pub fn storage_get(_key: &str) -> Option<String> {
        None
    }
    pub fn storage_set(_key: &str, _value: Option<&str>) {}
    pub fn set_root_attribute(_name: &str, _value: Option<&str>) {}
    pub fn relative_time(_seconds_ago: i64, _locale: &str) -> Option<String> {
        None
    }
    pub fn register_service_worker(_base_url: &str) {}
}

pub use imp::*;

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
