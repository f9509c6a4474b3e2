use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::context::use_ctx;

/// The 404 view: a clear message, a way home, and `noindex`.
#[component]
pub fn NotFound() -> impl IntoView {
    let s = use_ctx().strings();
    view! {
        <Title text=s.not_found_title/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found container">
            <h1 tabindex="-1">{s.not_found_title}</h1>
            <p>{s.not_found_text}</p>
            <p><a class="button" href="/">{s.back_home}</a></p>
        </section>
    }
}
