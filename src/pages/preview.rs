//! `/preview/<id>`: an editor's preview of a WordPress draft, pending post or
//! a published post's newest autosave (docs/previews.md). Never prerendered
//! (the shell boots the app at once), `noindex`, under a visible banner. The
//! editor signs in with a WordPress application password, kept in
//! `sessionStorage` only (this tab) and sent only by the source, as HTTP
//! Basic, to the configured WordPress API over HTTPS (or this machine).

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::article::article_body;
use super::slug::page_body;
use crate::components::take_shown;
use crate::components::ArticleSkeleton;
use crate::components::NotFound;
use crate::context::use_ctx;
use crate::platform::{session_get, session_set};
use crate::routing::{preview_id_param, preview_kind_param, preview_page_param};
use kiosque_core::config::ApiKind;
use kiosque_core::model::{Article, StaticPage};
use kiosque_core::routes::{PreviewKind, Route};
use kiosque_core::source::preview::{Credentials, PreviewError};

const USER_KEY: &str = "kiosque-preview-user";
const PASSWORD_KEY: &str = "kiosque-preview-password";

/// The login kept in this tab, if any.
fn stored_login() -> Option<Credentials> {
    Credentials::new(&session_get(USER_KEY)?, &session_get(PASSWORD_KEY)?)
}

fn store_login(who: Option<&Credentials>) {
    session_set(USER_KEY, who.map(|c| c.user.as_str()));
    session_set(PASSWORD_KEY, who.map(|c| c.password.as_str()));
}

#[derive(Clone, Debug, PartialEq)]
enum State {
    /// No login yet: the form.
    SignIn,
    Loading,
    Shown(Box<Article>),
    /// A WordPress page (`/preview/page/<id>`).
    ShownPage(Box<StaticPage>),
    /// `bool`: the login had worked before (a refusal now means it expired).
    Failed(PreviewError, bool),
}

#[component]
pub fn PreviewPage() -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.locale.preview_strings();
    let id = preview_id_param();
    // Another page of the same draft re-renders the article read once.
    let page = preview_page_param();
    let kind = preview_kind_param();
    let wordpress = ctx.config.api.kind == ApiKind::Wordpress;
    let login = RwSignal::new(None::<Credentials>);
    // The user name typed, kept when a password is refused.
    let user = RwSignal::new(String::new());
    let state = RwSignal::new(if wordpress {
        State::SignIn
    } else {
        State::Failed(PreviewError::NeedsWordPress, false)
    });
    // Whether the current login has worked (kept in the tab: it worked then).
    let worked = StoredValue::new(false);
    let load = move || {
        let Some(who) = login.get_untracked() else {
            // Not set again when it is already the form: that would rebuild
            // it around fresh signals while the reader types.
            if state.with_untracked(|s| *s != State::SignIn) {
                state.set(State::SignIn);
            }
            return;
        };
        state.set(State::Loading);
        let source = use_ctx().source;
        let (id, kind) = (id.get_untracked(), kind.get_untracked());
        leptos::task::spawn_local(async move {
            let shown = match kind {
                PreviewKind::Post => source.preview(id, &who).await.map(|a| State::Shown(Box::new(a))),
                PreviewKind::Page => source
                    .preview_page(id, &who)
                    .await
                    .map(|p| State::ShownPage(Box::new(p))),
            };
            match shown {
                Ok(shown) => {
                    worked.set_value(true);
                    store_login(Some(&who));
                    state.set(shown);
                }
                Err(e) => {
                    let before = worked.get_value();
                    // A refused login is forgotten: back to the form.
                    if matches!(e, PreviewError::WrongCredentials | PreviewError::Insecure) {
                        store_login(None);
                        login.set(None);
                        worked.set_value(false);
                    }
                    state.set(State::Failed(e, before));
                }
            }
        });
    };
    // In the browser only: the prerender never renders this route, and
    // storage is not read before the app runs.
    Effect::new(move |_| {
        id.track();
        kind.track();
        if !wordpress {
            return;
        }
        if login.get_untracked().is_none() {
            if let Some(who) = stored_login() {
                worked.set_value(true);
                login.set(Some(who));
            }
        }
        load();
    });
    let sign_out = move |_| {
        store_login(None);
        login.set(None);
        worked.set_value(false);
        state.set(State::SignIn);
    };
    let signed_in = move || login.with(Option::is_some);
    view! {
        <Title text=s.banner/>
        <Meta name="robots" content="noindex, nofollow"/>
        <div class="preview-banner" role="note" aria-label=s.banner>
            <div class="preview-banner__inner container">
                <strong class="preview-banner__title">{s.banner}</strong>
                <span class="preview-banner__note">{s.banner_note}</span>
                <Show when=signed_in>
                    <button type="button" class="preview-banner__out" on:click=sign_out>{s.sign_out}</button>
                </Show>
            </div>
        </div>
        {move || match state.get() {
            State::Shown(a) => shown(*a, id.get(), page.get()),
            State::ShownPage(p) => page_body(*p).into_any(),
            State::Loading => view! { <ArticleSkeleton/> }.into_any(),
            State::SignIn => view! { <SignIn login user on_login=load failed=None/> }.into_any(),
            State::Failed(e, before) if login.with_untracked(Option::is_none) && wordpress => {
                view! { <SignIn login user on_login=load failed=Some((e, before))/> }.into_any()
            }
            State::Failed(e, before) => failure(&e, before, load).into_any(),
        }}
    }
}

/// The draft at page `page` (its page links stay in the preview), or not
/// found past its last page, as an article's.
fn shown(a: Article, id: u64, page: u32) -> AnyView {
    if usize::try_from(page).map_or(true, |p| p > a.pages().len()) {
        return view! { <NotFound/> }.into_any();
    }
    article_body(a, page, None, None, Some(Route::preview_page(id, page))).into_any()
}

/// Why the preview is not shown, with a retry when it may work.
fn failure(e: &PreviewError, before: bool, retry: impl Fn() + Copy + 'static) -> impl IntoView {
    let locale = use_ctx().locale;
    let again = e
        .is_transient()
        .then(|| view! { " " <button type="button" class="button" on:click=move |_| retry()>{locale.preview_strings().retry}</button> });
    view! {
        <div class="container preview-page">
            <p class="preview-page__error" role="alert">{locale.preview_error(e, before)} {again}</p>
        </div>
    }
}

/// The sign-in form: user name and application password. The password's
/// `autocomplete="current-password"` lets a password manager fill it (an
/// application password is long and random, typed by nobody).
#[component]
fn SignIn(
    login: RwSignal<Option<Credentials>>,
    user: RwSignal<String>,
    on_login: impl Fn() + Copy + Send + Sync + 'static,
    failed: Option<(PreviewError, bool)>,
) -> impl IntoView {
    let locale = use_ctx().locale;
    let s = locale.preview_strings();
    let password = RwSignal::new(String::new());
    let (user_ref, password_ref) = (NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // What the fields show is what is sent (`shown_value`).
        let name = take_shown(&user_ref, user);
        if let Some(who) = Credentials::new(&name, &take_shown(&password_ref, password)) {
            password.set(String::new());
            login.set(Some(who));
            on_login();
        }
    };
    let error = failed.map(|(e, before)| locale.preview_error(&e, before));
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="container preview-page">
            <form class="comment-form preview-form" aria-labelledby="preview-form-title" on:submit=on_submit>
                <h1 id="preview-form-title" class="comment-form__title" tabindex="-1">{s.sign_in_title}</h1>
                <p class="comment-form__hint">{s.sign_in_hint}</p>
                <p class="comment-form__field">
                    <label for="preview-user">{s.user}</label>
                    <input id="preview-user" type="text" required autocomplete="username" autocapitalize="none"
                        spellcheck="false" node_ref=user_ref bind:value=user aria-invalid=invalid aria-describedby="preview-form-error"/>
                </p>
                <p class="comment-form__field">
                    <label for="preview-password">{s.password}</label>
                    <input id="preview-password" type="password" required autocomplete="current-password"
                        node_ref=password_ref bind:value=password aria-invalid=invalid aria-describedby="preview-form-error"/>
                </p>
                <button type="submit" class="button">{s.sign_in}</button>
                <div class="comment-form__error" id="preview-form-error" role="alert">
                    {error.map(|m| view! { <p>{m}</p> })}
                </div>
            </form>
        </div>
    }
}
