//! `/preview/<id>` in the static-source bundle: previews need WordPress
//! (docs/previews.md), so this bundle carries only the message, not the
//! editor's page (`preview.rs`, built with the WordPress source).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::context::use_ctx;
use kiosque_core::source::preview::PreviewError;

#[component]
pub fn PreviewPage() -> impl IntoView {
    let locale = use_ctx().locale;
    let s = locale.preview_strings();
    view! {
        <Title text=s.banner/>
        <Meta name="robots" content="noindex, nofollow"/>
        <div class="container preview-page">
            <p class="preview-page__error" role="alert">{locale.preview_error(&PreviewError::NeedsWordPress, false)}</p>
        </div>
    }
}
