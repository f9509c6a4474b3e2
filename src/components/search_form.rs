use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::context::use_ctx;
use kiosque_core::routes::Route;

/// A search box that navigates client-side to `/search?q=…`. Without wasm
/// (prerendered HTML), the plain GET form still works.
#[component]
pub fn SearchForm(
    /// The input's id (a page may hold two forms).
    id: &'static str,
    /// The current query, shown in the box.
    #[prop(optional, into)]
    value: Signal<String>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    // Without the app, the form is a plain GET to the search page.
    let action = ctx.href(&Route::search("", 1));
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let field = input.get_untracked();
        let q = field.as_ref().map(|i| i.value()).unwrap_or_default();
        // Submitted: typing is over, so the results' heading takes focus.
        if let Some(i) = field {
            let _ = i.blur();
        }
        navigate(&Route::search(q.trim(), 1).path(), Default::default());
    };
    view! {
        <form class=format!("search-form {class}") role="search" method="get" action=action on:submit=on_submit>
            <label class="visually-hidden" for=id>{s.search_label}</label>
            <input node_ref=input id=id class="search-form__input" type="search" name="q" placeholder=s.search prop:value=move || value.get()/>
            <button class="search-form__button" type="submit">{s.search}</button>
        </form>
    }
}
