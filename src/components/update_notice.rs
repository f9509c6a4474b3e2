//! "This page has been updated": newer data for a page the reader is writing
//! in. `page_resource` does not swap it in under them (the rebuilt view
//! would drop what they typed and their focus); it is offered here instead,
//! and the reader shows it when they are done, or dismisses it.

use leptos::prelude::*;

use crate::context::use_ctx;
use crate::routing::CurrentRoute;

/// The newer data waiting for the reader: what swaps each in (the page's,
/// the site's). Provided by the shell; a page left makes its offer void.
#[derive(Clone, Copy)]
pub struct NewerPage(RwSignal<Vec<Callback<()>>>);

impl NewerPage {
    pub fn provide() -> NewerPage {
        let newer = NewerPage(RwSignal::new(Vec::new()));
        provide_context(newer);
        newer
    }

    /// Offers newer data; `apply` swaps it in when the reader asks.
    pub fn offer(self, apply: impl Fn() + Send + Sync + 'static) {
        self.0.update(|offers| offers.push(Callback::new(move |()| apply())));
    }

    fn show(self) {
        for apply in self.0.try_update(std::mem::take).unwrap_or_default() {
            apply.run(());
        }
    }

    fn dismiss(self) {
        self.0.set(Vec::new());
    }
}

/// The notice, in a polite live region that is always in the page (a region
/// added with its text is not reliably announced). Empty until an offer.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let s = use_ctx().strings();
    let Some(newer) = use_context::<NewerPage>() else {
        return ().into_any();
    };
    // An offer is for the page it was made on.
    if let Some(CurrentRoute(route)) = use_context::<CurrentRoute>() {
        Effect::watch(move || route.get(), move |_, _, _| newer.dismiss(), false);
    }
    view! {
        <div class="update-notice" role="status">
            {move || {
                (!newer.0.with(Vec::is_empty))
                    .then(|| {
                        view! {
                            <p class="update-notice__text">{s.page_updated}</p>
                            <button type="button" class="update-notice__show" on:click=move |_| newer.show()>
                                {s.show_update}
                            </button>
                            <button type="button" class="update-notice__dismiss" on:click=move |_| newer.dismiss()>
                                {s.dismiss}
                            </button>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}
