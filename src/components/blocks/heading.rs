use leptos::prelude::*;

use super::Inlines;
use kiosque_core::model::Inline;

/// Body headings are h2–h4: the page title is the only h1.
#[component]
pub fn Heading(level: u8, content: Vec<Inline>) -> impl IntoView {
    match level {
        0..=2 => view! { <h2><Inlines content/></h2> }.into_any(),
        3 => view! { <h3><Inlines content/></h3> }.into_any(),
        _ => view! { <h4><Inlines content/></h4> }.into_any(),
    }
}
