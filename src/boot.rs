//! Start-up in the browser. A prerendered page is hydrated in place only when
//! it was rendered by this build, for this route, with this `config.json`;
//! otherwise its HTML is discarded and the app renders client-side, since a
//! mismatched hydration would leave a dead page. The page itself is read and
//! changed through `crate::platform`.

use leptos::prelude::*;

use crate::app::{router_base, App};
use crate::platform;
use kiosque_core::http::Door;
use kiosque_core::stamp::{Stamp, BUILD_MARKER, DATE_FORMAT_META, LOCALE_META, STAMP_META};

/// The `config.json` text the loader (public/start.js) read to pick the
/// bundle: the app starts from it instead of fetching it again.
const CONFIG_GLOBAL: &str = "__kiosqueConfig";

/// Globals that carry a prerendered page's resource data.
const DATA_GLOBALS: [&str; 3] = ["__RESOLVED_RESOURCES", "__INCOMPLETE_CHUNKS", "__SERIALIZED_ERRORS"];

pub fn start() {
    platform::install_panic_hook();
    // Keeps the marker in the binary, where `make prerender` checks it.
    std::hint::black_box(BUILD_MARKER);
    let base_url = platform::document_base_url();
    // A prerendered page (its stamp in the head), with or without its data:
    // a data script that failed to load means client rendering, not a page
    // rendered twice.
    let stamp_content = platform::meta_content(&format!("meta[name=\"{STAMP_META}\"]"));
    let has_data = platform::has_global(DATA_GLOBALS[0]);
    let prerendered = has_data || stamp_content.is_some();
    let stamp = prerendered.then(|| stamp_content.and_then(|c| Stamp::parse(&c)).filter(|_| has_data));
    // Before `hydrate_body`/`mount_to_body`, which start Leptos's executor.
    platform::spawn(async move {
        let door = Door::browser();
        let (text, config) = match platform::take_global(CONFIG_GLOBAL) {
            Some(text) if text.len() <= kiosque_core::http::MAX_BODY_CHARS => {
                let config = kiosque_core::config::Config::parse(&text);
                (Some(std::sync::Arc::<str>::from(text)), config)
            }
            _ => kiosque_core::config::load(&door, &base_url).await,
        };
        let path = platform::location_path();
        // A config this bundle cannot use (e.g. a source it was built
        // without) renders its error view: never hydrate a page over it.
        let hydrate = match (&stamp, &text) {
            (Some(Some(stamp)), Some(text)) if config.is_ok() => stamp.matches(&path, &router_base(&base_url), text),
            _ => false,
        };
        // No language (date format) in config.json: the one the prerender
        // used, from the source (a page and its hydration must agree).
        let config = config.map(|mut c| {
            if c.site.locale.is_none() {
                c.site.locale = platform::meta_content(&format!("meta[name=\"{LOCALE_META}\"]"));
            }
            if c.site.date_format.is_none() {
                c.site.date_format = platform::meta_content(&format!("meta[name=\"{DATE_FORMAT_META}\"]"));
            }
            c
        });
        if let Ok(config) = &config {
            warn_if_policy_is_stale(config);
        }
        // Offline reading (public/sw.js); the worker retires itself when
        // config.json turns it off.
        let sw_base = config
            .as_ref()
            .is_ok_and(|c| c.offline_reading)
            .then(|| base_url.clone());
        // Hydration is the longest task of a page load: give it a task of
        // its own, apart from the config's parse and check.
        platform::next_task().await;
        // From here the router handles link clicks: no more prefetching of
        // documents it would never use.
        platform::drop_speculation_rules();
        if hydrate {
            leptos::mount::hydrate_body(move || view! { <App base_url config door/> });
            announce("hydrated");
        } else {
            if stamp.is_some() {
                platform::discard_prerendered(&DATA_GLOBALS);
            }
            leptos::mount::mount_to_body(move || view! { <App base_url config door/> });
            announce("rendered");
        }
        if let Some(base_url) = sw_base {
            // After the page's first task, as the platform advises.
            platform::next_task().await;
            platform::register_service_worker(&base_url);
        }
    });
}

/// The page's policy comes from the last `make prerender`: when `config.json`
/// has since named another API, say why every request to it will fail.
fn warn_if_policy_is_stale(config: &kiosque_core::config::Config) {
    let Some(policy) = platform::meta_content("meta[http-equiv=\"Content-Security-Policy\"]") else {
        return;
    };
    let missing = kiosque_core::csp::missing_connect_sources(config, &policy);
    if !missing.is_empty() {
        platform::console_warn(&format!(
            "Kiosque: config.json needs connect-src {} but this page's Content-Security-Policy does not allow it; \
             re-run `make prerender` (it rewrites the policy from config.json) and redeploy.",
            missing.join(" ")
        ));
    }
}

/// `window.__kiosqueStart`: how the app started, for tests and monitoring
/// (a global, not the body's DOM, so a hydrated page stays byte-identical);
/// and `<html data-app>`, which tells the loader to make the clicks and
/// submits it held until then (public/start.js).
fn announce(how: &str) {
    platform::set_global("__kiosqueStart", how);
    platform::set_root_attribute("data-app", Some(how));
}
