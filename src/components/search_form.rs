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
    // The box shows `value`, but not through a reactive `prop:value`:
    // hydration sets such a field to its value, erasing what a reader typed
    // before the app came (focus in the box is what starts it). The first
    // value is the HTML attribute; a later one (back to another search) is
    // set when it changes.
    let initial = value.get_untracked();
    Effect::watch(
        move || value.get(),
        move |q, _, _| {
            if let Some(field) = input.get_untracked() {
                if field.value() != *q {
                    field.set_value(q);
                }
            }
        },
        false,
    );
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
            <input node_ref=input id=id class="search-form__input" type="search" name="q" placeholder=s.search value=(!initial.is_empty()).then_some(initial)/>
            <button class="search-form__button" type="submit">{s.search}</button>
        </form>
    }
}
