//! "This page has been updated": newer data for a page the reader is writing
//! in. `page_resource` does not swap it in under them (the rebuilt view
//! would drop what they typed and their focus); it is offered here instead,
//! and the reader shows it when they are done, or dismisses it.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::context::use_ctx;

/// What swaps one offer in: once, moving the data in (nothing is cloned).
type Apply = Box<dyn FnOnce() + Send + Sync>;

/// The newer data waiting for the reader: what swaps each in (the page's,
/// the site's), and whether there is any. Provided by the shell; a page left
/// makes its offers void (`NavEffects` withdraws them). Only the `bool` is
/// reactive: the view follows whether there is an offer, not which.
#[derive(Clone)]
pub struct NewerPage {
    offered: RwSignal<bool>,
    offers: Arc<Mutex<Vec<Apply>>>,
}

impl NewerPage {
    pub fn provide() -> NewerPage {
        let newer = NewerPage {
            offered: RwSignal::new(false),
            offers: Arc::default(),
        };
        provide_context(newer.clone());
        newer
    }

    /// Offers newer data; `apply` swaps it in when the reader asks.
    pub fn offer(&self, apply: impl FnOnce() + Send + Sync + 'static) {
        if let Ok(mut offers) = self.offers.lock() {
            offers.push(Box::new(apply));
            self.offered.set(true);
        }
    }

    /// Withdraws every offer, and gives them.
    fn take(&self) -> Vec<Apply> {
        self.offered.set(false);
        self.offers
            .lock()
            .map(|mut o| std::mem::take(&mut *o))
            .unwrap_or_default()
    }

    fn show(&self) {
        for apply in self.take() {
            apply();
        }
    }

    pub fn dismiss(&self) {
        drop(self.take());
    }
}

/// The notice, in a polite live region that is always in the page (a region
/// added with its text is not reliably announced): empty and without space
/// until an offer. A fixed structure whose text and class follow the offers
/// (the stylesheet hides the buttons without the class): 1.3 KB brotli less
/// than a view built on each offer, measured on the static flavor.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let s = use_ctx().strings();
    let newer = use_context::<NewerPage>().unwrap_or_else(NewerPage::provide);
    let offered = newer.offered;
    let (shown, dismissed) = (newer.clone(), newer);
    view! {
        <div class="update-notice" class:update-notice--shown=move || offered.get() role="status">
            <p class="update-notice__text">{move || if offered.get() { s.page_updated } else { "" }}</p>
            <button type="button" class="update-notice__show" on:click=move |_| shown.show()>
                {s.show_update}
            </button>
            <button type="button" class="update-notice__dismiss" on:click=move |_| dismissed.dismiss()>
                {s.dismiss}
            </button>
        </div>
    }
}
