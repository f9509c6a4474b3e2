use leptos::prelude::*;

use crate::context::use_ctx;
use crate::platform;
use kiosque_core::model::Timestamp;

/// "(il y a 3 heures)", added in the browser after hydration with
/// `Intl.RelativeTimeFormat`; empty in prerendered HTML, so both match.
#[component]
pub fn RelativeTime(time: Timestamp) -> impl IntoView {
    let locale = use_ctx().locale;
    let text = RwSignal::new(String::new());
    Effect::new(move |_| {
        let ago = platform::now_unix() - time.unix();
        if let Some(rel) = platform::relative_time(ago, locale.code()) {
            text.set(format!(" ({rel})"));
        }
    });
    view! { <span class="reltime">{move || text.get()}</span> }
}
