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

/// Calls `f` with the new URL's path and query (`/a?b`) on every
/// `popstate`. Chromium runs a window's `popstate`
/// listeners in the order they were added, capture or not, and runs
/// microtasks between them: the router's listener (added first) may have
/// rendered the page before `f` runs, so readers of what `f` records wait
/// for the next task (`PageReady`). Returns the remover.
pub fn on_popstate(f: impl Fn(String) + 'static) -> impl FnOnce() + Send + Sync + 'static {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let Some(l) = window().map(|w| w.location()) else {
            return;
        };
        f(l.pathname().unwrap_or_default() + &l.search().unwrap_or_default());
    });
    if let Some(w) = window() {
        let _ = w.add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
    }
    let keep = send_wrapper::SendWrapper::new(closure);
    move || {
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback("popstate", keep.as_ref().unchecked_ref());
        }
    }
}

/// While the app routes, it alone restores the scroll of a page reached by
/// back/forward (`PageReady`): the browser's own restore of such an entry
/// can land after the app's, with the position it saved when the router
/// pushed the next URL, by then the half-built next page's. The browser's
/// way comes back when the document is left (a reload restores the
/// browser's way) and goes again when it is shown from the back/forward
/// cache. Returns the remover.
pub fn own_scroll_restoration() -> impl FnOnce() + Send + Sync + 'static {
    fn set(mode: web_sys::ScrollRestoration) {
        if let Some(h) = window().and_then(|w| w.history().ok()) {
            let _ = h.set_scroll_restoration(mode);
        }
    }
    set(web_sys::ScrollRestoration::Manual);
    let hide = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| set(web_sys::ScrollRestoration::Auto));
    let show = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| set(web_sys::ScrollRestoration::Manual));
    if let Some(w) = window() {
        let _ = w.add_event_listener_with_callback("pagehide", hide.as_ref().unchecked_ref());
        let _ = w.add_event_listener_with_callback("pageshow", show.as_ref().unchecked_ref());
    }
    let keep = send_wrapper::SendWrapper::new((hide, show));
    move || {
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback("pagehide", keep.0.as_ref().unchecked_ref());
            let _ = w.remove_event_listener_with_callback("pageshow", keep.1.as_ref().unchecked_ref());
        }
        set(web_sys::ScrollRestoration::Auto);
    }
}
