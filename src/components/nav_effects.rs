use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::platform;

/// Navigation state shared by the shell and the pages.
#[derive(Clone)]
pub struct NavState {
    /// The URL (path and query) the last back/forward went to, until a page
    /// is shown: only that page restores a position. (A back between two
    /// anchors of one page shows no new page; the next page clicked to must
    /// not take it for its own.)
    popped: RwSignal<Option<String>>,
    /// No client navigation yet: the first page keeps the browser's behaviour.
    first: RwSignal<bool>,
    /// Scroll positions by path, for back/forward.
    positions: Arc<Mutex<HashMap<String, f64>>>,
    /// The page on screen, once shown; `None` while one page replaces
    /// another, when the browser clamps the scroll of a half-built page and
    /// those positions must not be remembered.
    shown: Arc<Mutex<Option<String>>>,
    announce: RwSignal<String>,
}

/// Installed once in the shell: remembers scroll positions, notices
/// back/forward, and holds the polite live region.
#[component]
pub fn NavEffects() -> impl IntoView {
    let state = NavState {
        popped: RwSignal::new(None),
        first: RwSignal::new(true),
        positions: Arc::new(Mutex::new(HashMap::new())),
        shown: Arc::new(Mutex::new(None)),
        announce: RwSignal::new(String::new()),
    };
    provide_context(state.clone());
    let location = use_location();
    let (positions, shown) = (state.positions.clone(), state.shown.clone());
    let leaving = state.shown.clone();
    // A new location: the old page is leaving, with its newer data offered.
    let newer = use_context::<crate::components::NewerPage>();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        if let Some(newer) = &newer {
            newer.dismiss();
        }
        if let Ok(mut s) = leaving.lock() {
            *s = None;
        }
    });
    Effect::new(move |_| {
        let (positions, shown) = (positions.clone(), shown.clone());
        let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
            let Some(path) = shown.lock().ok().and_then(|s| s.clone()) else {
                return;
            };
            if let Ok(mut p) = positions.lock() {
                p.insert(path, platform::scroll_y());
            }
        });
        let popped = state.popped;
        let remove_on_pop = platform::on_popstate(move |url| popped.set(Some(url)));
        let give_back_scroll = platform::own_scroll_restoration();
        on_cleanup(move || {
            on_scroll.remove();
            remove_on_pop();
            give_back_scroll();
        });
    });
    let announce = state.announce;
    view! { <div class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</div> }
}

/// Placed in each page once its content is shown: after a client navigation,
/// scroll to the top (or back to where the reader was, on back/forward),
/// move focus to the `h1`, and announce the new page politely.
#[component]
pub fn PageReady() -> impl IntoView {
    let state = use_context::<NavState>();
    let location = use_location();
    Effect::new(move |_| {
        let Some(state) = state.clone() else { return };
        // Path and query, as `platform::on_popstate` reports them; also the
        // key of the remembered positions.
        let path = match location.search.get_untracked() {
            q if q.is_empty() => location.pathname.get_untracked(),
            q => format!("{}?{q}", location.pathname.get_untracked()),
        };
        let shown = state.shown.clone();
        let here = path.clone();
        let mark_shown = move || {
            if let Ok(mut s) = shown.lock() {
                *s = Some(here);
            }
        };
        if state.first.get_untracked() {
            state.first.set(false);
            // A prerendered page can be scrolled before it hydrates, when no
            // scroll listener is there yet: remember where the reader is now.
            if let Ok(mut p) = state.positions.lock() {
                p.insert(path.clone(), platform::scroll_y());
            }
            mark_shown();
            return;
        }
        let announce = state.announce;
        let popped = state.popped;
        let positions = state.positions.clone();
        // A task later: the back/forward listener may not have run yet when
        // the router renders this page (`platform::on_popstate`).
        platform::spawn(async move {
            platform::next_task().await;
            if popped.try_update(Option::take).flatten().is_some_and(|to| to == path) {
                // Back/forward: where the reader was; focus stays put.
                let y = positions.lock().ok().and_then(|p| p.get(&path).copied()).unwrap_or(0.0);
                platform::when_page_shown(y, false, move |title| {
                    mark_shown();
                    announce.set(title);
                });
            } else {
                platform::when_page_shown(0.0, true, move |title| {
                    mark_shown();
                    announce.set(title);
                });
            }
        });
    });
}
