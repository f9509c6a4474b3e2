//! What start-up (`boot`) reads from and does to the page before the app
//! runs: the base URL, the prerender's stamp and data, a discarded page.

use std::future::Future;

use wasm_bindgen::JsCast;

use super::{document, window};

/// Panics are reported in the console (a page must not die silently).
pub fn install_panic_hook() {
    console_error_panic_hook::set_once();
}

/// The document's base URL (`<base href>` resolved), `/` without one.
pub fn document_base_url() -> String {
    document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_else(|| "/".to_string())
}

/// The path of the page's URL.
pub fn location_path() -> String {
    document()
        .and_then(|d| d.location())
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default()
}

/// The `content` of the first element `selector` matches (a `<meta>`).
pub fn meta_content(selector: &str) -> Option<String> {
    document()?
        .query_selector(selector)
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// Whether `window` has a property `name`.
pub fn has_global(name: &str) -> bool {
    window().is_some_and(|w| js_sys::Reflect::has(&w, &name.into()).unwrap_or(false))
}

/// Removes `window[name]` and returns it, when it is a string.
pub fn take_global(name: &str) -> Option<String> {
    let w = window()?;
    let value = js_sys::Reflect::get(&w, &name.into()).ok()?.as_string();
    let _ = js_sys::Reflect::delete_property(&w, &name.into());
    value
}

/// Sets `window[name]` to a string (read by tests and monitoring; a global,
/// not the DOM, so a hydrated page stays byte-identical).
pub fn set_global(name: &str, value: &str) {
    if let Some(w) = window() {
        let _ = js_sys::Reflect::set(&w, &name.into(), &value.into());
    }
}

/// Removes the page's speculation rules (index.html): they prefetch a
/// hovered link's page for a click before the app arrives; once it runs,
/// the router never loads those documents, and the service worker would
/// cache them. Removing the element drops its rules.
pub fn drop_speculation_rules() {
    let Some(document) = document() else { return };
    while let Some(rules) = document
        .query_selector("script[type=\"speculationrules\"]")
        .ok()
        .flatten()
    {
        rules.remove();
    }
}

/// Removes what the prerender added: the `globals` carrying its data, the
/// body, and the head tags between `<!--HEAD-->` and `<!--/HEAD-->`.
pub fn discard_prerendered(globals: &[&str]) {
    if let Some(w) = window() {
        for name in globals {
            let _ = js_sys::Reflect::delete_property(&w, &(*name).into());
        }
    }
    let Some(document) = document() else { return };
    if let Some(body) = document.body() {
        while let Some(child) = body.first_child() {
            let _ = body.remove_child(&child);
        }
    }
    let Some(head) = document.head() else { return };
    let mut node = head.first_child();
    let mut inside = false;
    while let Some(n) = node {
        node = n.next_sibling();
        let comment = n.dyn_ref::<web_sys::Comment>().map(|c| c.data());
        match comment.as_deref() {
            Some("HEAD") => inside = true,
            Some("/HEAD") => break,
            _ if inside => {
                let _ = head.remove_child(&n);
            }
            _ => {}
        }
    }
}

pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Runs `task` on the browser's microtask queue (works before Leptos's
/// executor is set up).
pub fn spawn(task: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(task);
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
