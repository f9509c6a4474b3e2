use leptos::prelude::*;

use super::Inlines;
use kiosque_core::model::Inline;

#[component]
pub fn Paragraph(content: Vec<Inline>) -> impl IntoView {
    view! { <p><Inlines content/></p> }
}
