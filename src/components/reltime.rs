use leptos::prelude::*;

use crate::browser;
use crate::context::use_ctx;
use kiosque_core::model::Timestamp;

/// "(il y a 3 heures)", added in the browser after hydration with
/// `Intl.RelativeTimeFormat`; empty in prerendered HTML, so both match.
#[component]
pub fn RelativeTime(time: Timestamp) -> impl IntoView {
    let locale = use_ctx().locale;
    let text = RwSignal::new(String::new());
    Effect::new(move |_| {
        let ago = browser::now_unix() - time.unix();
        if let Some(rel) = browser::relative_time(ago, locale.code()) {
            text.set(format!(" ({rel})"));
        }
    });
    view! { <span class="reltime">{move || text.get()}</span> }
}
