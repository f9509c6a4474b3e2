//! Scroll position, focus after a navigation, and history events.

use wasm_bindgen::JsCast;

use super::window;

pub fn scroll_y() -> f64 {
    window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

pub fn scroll_to(y: f64) {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Once the new page's `h1` is in the document (it may still be swapping
/// in: look every 50 ms for up to 3 s), scrolls to `y`, focuses the `h1`
/// without scrolling if asked (screen readers start there), and hands its
/// text to `then`.
pub fn when_page_shown(y: f64, focus: bool, then: impl FnOnce(String) + 'static) {
    try_show(y, focus, then, 60);
}

fn try_show(y: f64, focus: bool, then: impl FnOnce(String) + 'static, tries_left: u32) {
    let heading = super::document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match heading {
        Some(h) => {
            scroll_to(y);
            // A reader typing (say, in the header search) while a slow page
            // arrives keeps the caret.
            if focus && !typing() {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = h.focus_with_options(&opts);
            }
            then(h.text_content().unwrap_or_default());
        }
        None if tries_left > 0 => {
            let retry = wasm_bindgen::closure::Closure::once_into_js(move || try_show(y, focus, then, tries_left - 1));
            if let Some(w) = window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(retry.unchecked_ref(), 50);
            }
        }
        None => {}
    }
}

/// Whether focus is in a text field or other editable element.
fn typing() -> bool {
    let Some(el) = super::document().and_then(|d| d.active_element()) else {
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
