use leptos::prelude::*;

use crate::context::{use_ctx, SiteResource};
use kiosque_core::http::FetchError;

/// A failed load: the typed, localized reason and a retry button.
#[component]
pub fn ErrorView(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let message = ctx.locale.fetch_error(&error);
    let site = use_context::<SiteResource>();
    view! {
        <section class="error-view" role="alert">
            <h1 class="error-view__title" tabindex="-1">{s.error_title}</h1>
            <p class="error-view__message">{message}</p>
            <button type="button" class="button" on:click=move |_| {
                on_retry.run(());
                if let Some(site) = site {
                    site.retry_if_failed();
                }
            }>{s.retry}</button>
        </section>
    }
}
