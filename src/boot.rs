//! Start-up in the browser. A prerendered page is hydrated in place only when
//! it was rendered by this build, for this route, with this `config.json`;
//! otherwise its HTML is discarded and the app renders client-side, since a
//! mismatched hydration would leave a dead page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{router_base, App};
use kiosque_core::http::Door;
use kiosque_core::stamp::{Stamp, BUILD_MARKER, STAMP_META};

/// Globals that carry a prerendered page's resource data.
const DATA_GLOBALS: [&str; 3] = ["__RESOLVED_RESOURCES", "__INCOMPLETE_CHUNKS", "__SERIALIZED_ERRORS"];

pub fn start() {
    console_error_panic_hook::set_once();
    // Keeps the marker in the binary, where `make prerender` checks it.
    std::hint::black_box(BUILD_MARKER);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let base_url = document.base_uri().ok().flatten().unwrap_or_else(|| "/".to_string());
    // A prerendered page (its stamp in the head), with or without its data:
    // a data script that failed to load means client rendering, not a page
    // rendered twice.
    let stamp_content = stamp_meta(&document).and_then(|m| m.get_attribute("content"));
    let has_data = has_prerendered_data();
    let prerendered = has_data || stamp_content.is_some();
    let stamp = prerendered.then(|| stamp_content.and_then(|c| Stamp::parse(&c)).filter(|_| has_data));
    // Before `hydrate_body`/`mount_to_body`, which start Leptos's executor.
    wasm_bindgen_futures::spawn_local(async move {
        let (text, config) = kiosque_core::config::load(&Door::browser(), &base_url).await;
        let path = document.location().and_then(|l| l.pathname().ok()).unwrap_or_default();
        let hydrate = match (&stamp, &text) {
            (Some(Some(stamp)), Some(text)) => stamp.matches(&path, &router_base(&base_url), text),
            _ => false,
        };
        if let Ok(config) = &config {
            warn_if_policy_is_stale(&document, config);
        }
        // Offline reading (public/sw.js); the worker retires itself when
        // config.json turns it off.
        let sw_base = config
            .as_ref()
            .is_ok_and(|c| c.offline_reading)
            .then(|| base_url.clone());
        // Hydration is the longest task of a page load: give it a task of
        // its own, apart from the config's parse and check.
        crate::browser::next_task().await;
        if hydrate {
            leptos::mount::hydrate_body(move || view! { <App base_url config door=Door::browser()/> });
            announce("hydrated");
        } else {
            if stamp.is_some() {
                discard_prerendered(&document);
            }
            leptos::mount::mount_to_body(move || view! { <App base_url config door=Door::browser()/> });
            announce("rendered");
        }
        if let Some(base_url) = sw_base {
            // After the page's first task, as the platform advises.
            crate::browser::next_task().await;
            crate::browser::register_service_worker(&base_url);
        }
    });
}

/// The page's policy comes from the last `make prerender`: when `config.json`
/// has since named another API, say why every request to it will fail.
fn warn_if_policy_is_stale(document: &web_sys::Document, config: &kiosque_core::config::Config) {
    let policy = document
        .query_selector("meta[http-equiv=\"Content-Security-Policy\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"));
    let Some(policy) = policy else { return };
    let missing = kiosque_core::csp::missing_connect_sources(config, &policy);
    if !missing.is_empty() {
        web_sys::console::warn_1(
            &format!(
                "Kiosque: config.json needs connect-src {} but this page's Content-Security-Policy does not allow it; \
                 re-run `make prerender` (it rewrites the policy from config.json) and redeploy.",
                missing.join(" ")
            )
            .into(),
        );
    }
}

/// `window.__kiosqueStart`: how the app started, for tests and monitoring
/// (a global, not the DOM, so a hydrated page stays byte-identical).
fn announce(how: &str) {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"__kiosqueStart".into(), &how.into());
    }
}

fn stamp_meta(document: &web_sys::Document) -> Option<web_sys::Element> {
    document
        .query_selector(&format!("meta[name=\"{STAMP_META}\"]"))
        .ok()
        .flatten()
}

fn has_prerendered_data() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w, &DATA_GLOBALS[0].into()).unwrap_or(false))
        .unwrap_or(false)
}

/// Removes what the prerender added: the body, the resource data and the
/// head tags between `<!--HEAD-->` and `<!--/HEAD-->`.
fn discard_prerendered(document: &web_sys::Document) {
    if let Some(window) = web_sys::window() {
        for name in DATA_GLOBALS {
            let _ = js_sys::Reflect::delete_property(&window, &name.into());
        }
    }
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
