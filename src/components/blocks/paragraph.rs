use leptos::prelude::*;

use super::Inlines;
use crate::model::Inline;

#[component]
pub fn Paragraph(content: Vec<Inline>) -> impl IntoView {
    view! { <p><Inlines content/></p> }
}
