use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::blocks::Body;
use crate::components::Field;
use crate::context::use_ctx;
use kiosque_core::model::Block;

/// A password-protected article: says so, and with a WordPress to ask (the
/// source, or a static site's `api.unlock_url`) asks for the password and
/// shows the text WordPress returns for it. The text lives in this view only: never in the page data, the HTTP cache or the
/// service worker's (see `WordPressSource::unlock`). Only the app can ask,
/// so a browser that runs no script is told so instead of shown a form
/// (style/main.css); a submit made before the app has hydrated is held by
/// the loader and made again once it has (public/start.js). The field has
/// no `name`: no plain submit can send the password anywhere.
#[component]
pub fn Protected(slug: String) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    // WordPress checks the password: the live source's, or for a static
    // export the one `api.unlock_url` names.
    let wordpress =
        ctx.config.api.kind == kiosque_core::config::ApiKind::Wordpress || ctx.config.api.unlock_url.is_some();
    let text = RwSignal::new(None::<Vec<Block>>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(password) = input.shown() else {
            return;
        };
        if password.is_empty() || busy.get_untracked() {
            return;
        }
        let (source, locale, slug) = (use_ctx().source, use_ctx().locale, slug.clone());
        busy.set(true);
        leptos::task::spawn_local(async move {
            match source.unlock(&slug, &password).await {
                Ok(Some((blocks, _))) => text.set(Some(blocks)),
                Ok(None) => error.set(Some(locale.strings().protected_wrong.to_string())),
                Err(e) => error.set(Some(locale.fetch_error(&e).to_string())),
            }
            busy.set(false);
        });
    };
    let form = move || {
        view! {
            <p class="protected-form__no-script">{s.protected_needs_script}</p>
            <form class="protected-form" on:submit=on_submit.clone()>
                <label for="protected-password">{s.password}</label>
                <input id="protected-password" type="password" autocomplete="current-password" required node_ref=input/>
                <button type="submit" class="button" disabled=move || busy.get()>{s.unlock}</button>
                <p class="protected-form__error" role="alert">{move || error.get()}</p>
            </form>
        }
    };
    view! {
        <div class="article__protected">
            {move || match text.get() {
                Some(blocks) => view! { <Body blocks/> }.into_any(),
                None => view! {
                    <p role="note">{s.protected_text}</p>
                    {wordpress.then(form.clone())}
                }
                .into_any(),
            }}
        </div>
    }
}
