//! The comment form under an article's threads (WordPress, the post open
//! for comments, `api.anonymous_comments` on) and the reply buttons that
//! aim it at a comment. Only the app can post, but the form is there before
//! it: focusing a field is intent (the loader starts the app), a submit made
//! before the app has hydrated is held and made again once it has
//! (public/start.js), and the fields have no bound signal, so what was typed
//! survives hydration (which sets a bound field to its signal's value) and
//! is read from the fields at submit (`shown_value`). A browser that runs no
//! script gets a sentence instead (style/main.css); the fields have no
//! `name`, so nothing is ever submitted without the app. Why not a plain form
//! posting to WordPress's `wp-comments-post.php`: WordPress answers it by
//! redirecting to its own theme's page (or an HTML error page), so the
//! reader would leave the site; see docs/comments.md. The reply buttons are
//! there before the app too: a click on one is held by the loader and made
//! again once the app runs (`.app-action`); without scripts they are hidden.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::components::comments::NewComments;
use crate::components::Field;
use crate::context::use_ctx;
use kiosque_core::i18n::Locale;
use kiosque_core::model::{CommentDraft, DraftField, PostError, Posted};

/// What the reply buttons and the form share (provided by the threads when
/// the form is shown): the comment replied to, the text field to focus, and
/// the reply button to give focus back to on cancel.
#[derive(Clone, Copy)]
pub struct ReplyCtx {
    pub target: RwSignal<Option<(u64, String)>>,
    text: NodeRef<html::Textarea>,
    from: StoredValue<Option<NodeRef<html::Button>>>,
    /// Levels a thread may have: no reply button at the deepest.
    pub depth: usize,
}

impl ReplyCtx {
    pub fn new(depth: u8) -> ReplyCtx {
        ReplyCtx {
            target: RwSignal::new(None),
            text: NodeRef::new(),
            from: StoredValue::new(None),
            depth: usize::from(depth.max(1)),
        }
    }
}

/// Where a post stands.
#[derive(Clone, Debug, PartialEq)]
pub enum FormState {
    Idle,
    Sending,
    Sent(Posted),
    Failed(PostError),
}

/// "Répondre" under comment `id` by `author`.
#[component]
pub fn ReplyButton(reply: ReplyCtx, id: u64, author: String) -> impl IntoView {
    let ctx = use_ctx();
    let button = NodeRef::<html::Button>::new();
    let label = ctx.locale.reply_to(&author);
    let on_click = move |_| {
        reply.target.set(Some((id, author.clone())));
        reply.from.set_value(Some(button));
        if let Some(t) = reply.text.get_untracked() {
            let _ = t.focus();
        }
    };
    view! {
        <button type="button" class="comments__reply app-action" node_ref=button aria-label=label on:click=on_click>
            {ctx.locale.form_strings().reply}
        </button>
    }
}

/// The form; the comments it posts that are approved at once join the
/// thread in their place (`NewComments`).
#[component]
pub fn CommentForm(reply: ReplyCtx, slug: String) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let s = locale.form_strings();
    let state = RwSignal::new(FormState::Idle);
    let posted = use_context::<NewComments>().unwrap_or_default();
    let (name_ref, email_ref, trap_ref) = (
        NodeRef::<html::Input>::new(),
        NodeRef::<html::Input>::new(),
        NodeRef::<html::Input>::new(),
    );
    let text_ref = reply.text;
    let invalid = move |field: DraftField| {
        move || matches!(state.get(), FormState::Failed(e) if e.field() == Some(field)).then_some("true")
    };
    let focus = move |field: Option<DraftField>| {
        let _ = match field {
            Some(DraftField::Name) => name_ref.get_untracked().map(|e| e.focus()),
            Some(DraftField::Email) => email_ref.get_untracked().map(|e| e.focus()),
            Some(DraftField::Content) => text_ref.get_untracked().map(|e| e.focus()),
            None => None,
        };
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One post at a time: a second click while sending does nothing.
        if state.get_untracked() == FormState::Sending {
            return;
        }
        // What the fields show is what is sent, the honeypot too: a bot may
        // fill it without an input event.
        let shown = |field: &dyn Field| field.shown().unwrap_or_default();
        let trap = shown(&trap_ref);
        let draft = CommentDraft {
            parent: reply.target.get_untracked().map_or(0, |(id, _)| id),
            author_name: shown(&name_ref),
            author_email: shown(&email_ref),
            content: shown(&text_ref),
        };
        let parent = draft.parent;
        let done = move |outcome: Posted| {
            if let Posted::Approved(c) = &outcome {
                posted.push(parent, c.clone());
            }
            if let Some(t) = text_ref.get_untracked() {
                t.set_value("");
            }
            reply.target.set(None);
            state.set(FormState::Sent(outcome));
        };
        // A filled honeypot is a bot: nothing is sent, the same thanks shown.
        if !trap.is_empty() {
            done(Posted::Held);
            return;
        }
        state.set(FormState::Sending);
        let (source, slug) = (use_ctx().source, slug.clone());
        leptos::task::spawn_local(async move {
            match source.post_comment(&slug, &draft).await {
                Ok(outcome) => done(outcome),
                Err(e) => {
                    let field = e.field();
                    state.set(FormState::Failed(e));
                    focus(field);
                }
            }
        });
    };
    let cancel = move |_| {
        reply.target.set(None);
        if let Some(b) = reply.from.get_value().and_then(|b| b.get_untracked()) {
            let _ = b.focus();
        }
    };
    let title = move || match reply.target.get() {
        Some((_, author)) => locale.reply_to(&author),
        None => s.title.to_string(),
    };
    let sending = move || state.get() == FormState::Sending;
    view! {
        <p class="comment-form__no-script">{s.needs_script}</p>
        <form class="comment-form" aria-labelledby="comment-form-title" on:submit=on_submit>
            <h3 id="comment-form-title" class="comment-form__title">{title}</h3>
            {move || reply.target.get().map(|_| view! {
                <button type="button" class="comment-form__cancel" on:click=cancel>{s.cancel_reply}</button>
            })}
            <p class="comment-form__field">
                <label for="comment-text">{s.text}</label>
                <textarea id="comment-text" rows="6" maxlength="65525" required autocomplete="off"
                    node_ref=text_ref aria-invalid=invalid(DraftField::Content)
                    aria-describedby="comment-form-error"></textarea>
            </p>
            <p class="comment-form__field">
                <label for="comment-name">{s.name}</label>
                <input id="comment-name" type="text" maxlength="245" required autocomplete="name"
                    node_ref=name_ref aria-invalid=invalid(DraftField::Name)
                    aria-describedby="comment-form-error"/>
            </p>
            <p class="comment-form__field">
                <label for="comment-email">{s.email}</label>
                <input id="comment-email" type="email" maxlength="100" required autocomplete="email"
                    node_ref=email_ref aria-invalid=invalid(DraftField::Email)
                    aria-describedby="comment-email-hint comment-form-error"/>
                <span id="comment-email-hint" class="comment-form__hint">{s.email_hint}</span>
            </p>
            // The honeypot: `display: none` keeps it from people and from
            // assistive technology; a bot filling every field fills it.
            <p class="comment-form__trap">
                <label for="comment-website">{s.honeypot}</label>
                <input id="comment-website" name="website" type="text" tabindex="-1" autocomplete="off" node_ref=trap_ref/>
            </p>
            <button type="submit" class="button" aria-disabled=move || sending().then_some("true")>
                {move || if sending() { s.sending } else { s.send }}
            </button>
            <FormStatus state=state/>
        </form>
    }
}

/// The outcome under the button: thanks in a polite status, a refusal in an
/// alert (with a retry when sending again may work: the text is kept).
#[component]
pub fn FormStatus(#[prop(into)] state: Signal<FormState>) -> impl IntoView {
    let locale = use_ctx().locale;
    view! {
        <p class="comment-form__status" role="status">
            {move || match state.get() {
                FormState::Sent(p) => Some(locale.posted(&p)),
                _ => None,
            }}
        </p>
        <div class="comment-form__error" id="comment-form-error" role="alert">
            {move || match state.get() {
                FormState::Failed(e) => Some(failure(locale, &e)),
                _ => None,
            }}
        </div>
    }
}

fn failure(locale: Locale, e: &PostError) -> impl IntoView {
    let s = locale.form_strings();
    let retry = e.may_retry().then(|| {
        view! {
            " " {s.kept} " "
            <button type="submit" class="button">{locale.strings().retry}</button>
        }
    });
    view! { <p>{locale.post_error(e)} {retry}</p> }
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use leptos::prelude::*;

    use super::*;
    use crate::components::comments::CommentThreads;
    use crate::context::render_with_config_for_test;
    use kiosque_core::http::FetchError;
    use kiosque_core::model::{Comment, CommentPage, Timestamp};

    fn comment(id: u64, replies: Vec<Comment>) -> Comment {
        Comment {
            id,
            author: format!("Lecteur {id}"),
            author_url: None,
            avatar: None,
            date: Timestamp::parse("2020-03-02T10:00:00+01:00").unwrap(),
            body: Vec::new(),
            replies,
        }
    }

    /// A thread two deep, on a WordPress site with `extra` in its api.
    fn render(open: bool, extra: &str) -> String {
        let config = format!(r#"{{"api":{{"kind":"wordpress","base_url":"http://wp.test/wp-json"{extra}}}}}"#);
        let page = CommentPage {
            total: 2,
            page: 1,
            total_pages: 1,
            open,
            threads: vec![comment(1, vec![comment(2, Vec::new())])],
        };
        render_with_config_for_test(&config, || view! { <CommentThreads page slug="x".to_string()/> })
    }

    #[test]
    fn the_form_is_shown_before_the_app_with_labelled_required_fields() {
        let html = render(true, r#","anonymous_comments":true"#);
        // Shown before the app (its submit is held until then); a browser
        // that runs no script reads the sentence instead (style/main.css).
        assert!(html.contains(r#"class="comment-form">"#), "{html}");
        assert!(
            html.contains(r#"<p class="comment-form__no-script">Activez JavaScript pour publier un commentaire."#),
            "{html}"
        );
        assert!(html.contains("Laisser un commentaire"), "{html}");
        for (id, label, autocomplete) in [
            ("comment-text", "Commentaire", "off"),
            ("comment-name", "Nom", "name"),
            ("comment-email", "Adresse e-mail", "email"),
        ] {
            assert!(html.contains(&format!(r#"<label for="{id}">{label}<"#)), "{id}: {html}");
            let field = &html[html.find(&format!(r#"id="{id}""#)).unwrap()..];
            let tag = &field[..field.find('>').unwrap()];
            assert!(
                tag.contains(&format!(r#"autocomplete="{autocomplete}""#)) && tag.contains("required"),
                "{tag}"
            );
            assert!(
                !tag.contains("name="),
                "no name: nothing is sent without the app: {tag}"
            );
        }
        assert!(html.contains(r#"type="email""#), "{html}");
        // The honeypot: in a hidden paragraph, out of the tab order.
        assert!(
            html.contains(r#"<p class="comment-form__trap"><label for="comment-website">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"id="comment-website" name="website" type="text" tabindex="-1""#),
            "{html}"
        );
        assert!(
            html.contains(r#"role="status""#) && html.contains(r#"role="alert""#),
            "{html}"
        );
        assert!(!html.contains("comment-form__cancel"), "no reply yet: {html}");
    }

    #[test]
    fn reply_buttons_stop_at_the_thread_depth() {
        let html = render(true, r#","anonymous_comments":true,"comment_depth":2"#);
        let buttons = html.matches(r#"class="comments__reply app-action""#).count();
        assert_eq!(buttons, 1, "the level-2 reply takes no reply: {html}");
        let label = Locale::Fr.reply_to("Lecteur 1");
        assert!(html.contains(&format!(r#"aria-label="{label}""#)), "{html}");
        assert!(html.contains(">Répondre<"), "{html}");
        let deep = render(true, r#","anonymous_comments":true"#);
        assert_eq!(deep.matches("comments__reply").count(), 2, "{deep}");
    }

    #[test]
    fn no_form_when_closed_or_anonymous_comments_are_off() {
        for html in [render(true, ""), render(false, r#","anonymous_comments":true"#)] {
            assert!(
                !html.contains("comment-form") && !html.contains("comments__reply"),
                "{html}"
            );
        }
    }

    fn status(state: FormState) -> String {
        render_with_config_for_test(r#"{"api":{"kind":"static","base_url":"/api"}}"#, move || {
            view! { <FormStatus state=Signal::stored(state)/> }
        })
    }

    #[test]
    fn each_outcome_says_what_happened() {
        let idle = status(FormState::Idle);
        assert_eq!(status(FormState::Sending), idle, "sending shows nothing new");
        let held = status(FormState::Sent(Posted::Held));
        assert!(held.contains("en attente de modération"), "{held}");
        let approved = status(FormState::Sent(Posted::Approved(comment(3, Vec::new()))));
        assert!(approved.contains("Votre commentaire est publié"), "{approved}");
        let duplicate = status(FormState::Failed(PostError::Duplicate));
        assert!(duplicate.contains("déjà publié ce commentaire"), "{duplicate}");
        assert!(
            !duplicate.contains("Réessayer"),
            "a duplicate is not retried: {duplicate}"
        );
        let offline = status(FormState::Failed(PostError::Network(FetchError::Offline)));
        assert!(offline.contains("Connexion impossible"), "{offline}");
        assert!(offline.contains("Votre texte est conservé"), "{offline}");
        assert!(
            offline.contains(r#"<button type="submit" class="button">Réessayer<"#),
            "{offline}"
        );
    }
}
