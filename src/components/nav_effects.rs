use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser;

/// Navigation state shared by the shell and the pages.
#[derive(Clone)]
pub struct NavState {
    /// The next page was reached by back/forward.
    popped: RwSignal<bool>,
    /// No client navigation yet: the first page keeps the browser's behaviour.
    first: RwSignal<bool>,
    /// Scroll positions by path, for back/forward.
    positions: Arc<Mutex<HashMap<String, f64>>>,
    announce: RwSignal<String>,
}

/// Installed once in the shell: remembers scroll positions, notices
/// back/forward, and holds the polite live region.
#[component]
pub fn NavEffects() -> impl IntoView {
    let state = NavState {
        popped: RwSignal::new(false),
        first: RwSignal::new(true),
        positions: Arc::new(Mutex::new(HashMap::new())),
        announce: RwSignal::new(String::new()),
    };
    provide_context(state.clone());
    let location = use_location();
    let positions = state.positions.clone();
    Effect::new(move |_| {
        let positions = positions.clone();
        let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
            let path = location.pathname.get_untracked() + &location.search.get_untracked();
            if let Ok(mut p) = positions.lock() {
                p.insert(path, browser::scroll_y());
            }
        });
        let popped = state.popped;
        let on_pop = window_event_listener(leptos::ev::popstate, move |_| popped.set(true));
        on_cleanup(move || {
            on_scroll.remove();
            on_pop.remove();
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
        if state.first.get_untracked() {
            state.first.set(false);
            return;
        }
        let path = location.pathname.get_untracked() + &location.search.get_untracked();
        let announce = state.announce;
        if state.popped.get_untracked() {
            // Back/forward: where the reader was; focus stays put.
            state.popped.set(false);
            let y = state
                .positions
                .lock()
                .ok()
                .and_then(|p| p.get(&path).copied())
                .unwrap_or(0.0);
            browser::when_page_shown(y, false, move |title| announce.set(title));
        } else {
            browser::when_page_shown(0.0, true, move |title| announce.set(title));
        }
    });
}
