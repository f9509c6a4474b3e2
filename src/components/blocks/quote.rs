use leptos::prelude::*;

use super::Inlines;
use kiosque_core::model::Inline;

#[component]
pub fn Quote(content: Vec<Inline>, cite: Option<String>) -> impl IntoView {
    view! {
        <figure class="quote">
            <blockquote><p><Inlines content/></p></blockquote>
            {cite.map(|c| view! { <figcaption class="quote__cite">{c}</figcaption> })}
        </figure>
    }
}
