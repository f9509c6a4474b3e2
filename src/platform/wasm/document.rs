//! The document and the browser around it: `<html>` attributes, images,
//! the clipboard, reloading, the service worker.

use super::window;

/// `name` on `<html>`, if set.
pub fn root_attribute(name: &str) -> Option<String> {
    super::document()?.document_element()?.get_attribute(name)
}

/// Sets `name` on `<html>`, or removes it for `None`.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = super::document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = match value {
        Some(v) => root.set_attribute(name, v),
        None => root.remove_attribute(name),
    };
}

/// Closes the first open `<details>` that `selector` matches and moves focus
/// to its `<summary>`; whether there was one (Escape in a submenu).
pub fn close_disclosure(selector: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(open) = super::document().and_then(|d| d.query_selector(selector).ok().flatten()) else {
        return false;
    };
    let _ = open.remove_attribute("open");
    if let Some(summary) = open
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
    true
}

/// Whether the reader is writing in the page: a field of `<main>` has focus
/// or holds other text than it came with. A page's fresher data is then not
/// swapped in (`page_resource`): that would rebuild the fields under them.
pub fn reader_is_writing() -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = super::document() else {
        return false;
    };
    let Ok(fields) = document.query_selector_all("main input, main textarea") else {
        return false;
    };
    let active = document.active_element();
    (0..fields.length()).filter_map(|i| fields.item(i)).any(|node| {
        let focused = active.as_ref().is_some_and(|a| a.is_same_node(Some(&node)));
        let edited = if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            input.value() != input.default_value()
        } else if let Some(text) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            text.default_value().is_ok_and(|d| text.value() != d)
        } else {
            false
        };
        focused || edited
    })
}

/// Adds the site icon's `<link>`s to the head unless the page has them
/// already (a prerendered page does: then nothing changes).
pub fn ensure_site_icon(href: &str) {
    let Some(document) = super::document() else { return };
    let Some(head) = document.head() else { return };
    if head
        .query_selector("link[rel=\"apple-touch-icon\"]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    for rel in ["icon", "apple-touch-icon"] {
        if let Ok(link) = document.create_element("link") {
            let _ = link.set_attribute("rel", rel);
            let _ = link.set_attribute("href", href);
            let _ = head.append_child(&link);
        }
    }
}

/// Whether an image finished loading and failed (complete, no pixels).
pub fn image_broken(img: &web_sys::HtmlImageElement) -> bool {
    img.complete() && img.natural_width() == 0
}

/// Starts copying `text`; `false` where there is no clipboard API.
pub fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let clipboard = w.navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    let _ = clipboard.write_text(text);
    true
}

/// Loads the page again (the config is read once, at start-up).
pub fn reload() {
    if let Some(location) = window().map(|w| w.location()) {
        let _ = location.reload();
    }
}

/// Registers the service worker `sw.js` beside the bundle: its scope is the
/// bundle's base URL. Skipped where browsers have none (plain http); a
/// failure is ignored, the site works without it.
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
