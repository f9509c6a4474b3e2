//! An article's comments: the count's target (`#comments`), the threads as
//! nested lists (replies indented), closed or empty states. Page data:
//! prerendered with the article and hydrated from the same value (one
//! resource with the article: see `pages/article.rs`).

use leptos::prelude::*;

use crate::components::blocks::Body;
use crate::components::comment_form::{CommentForm, ReplyButton, ReplyCtx};
use crate::components::Pagination;
use crate::context::use_ctx;
use kiosque_core::i18n::format_date_styled;
use kiosque_core::model::{Comment, CommentPage, MaybeComments, DEFAULT_THREAD_DEPTH};
use kiosque_core::routes::Route;

/// The comments this reader posted that WordPress approved at once, each
/// with the comment it answers (0: top level). The article page provides it,
/// so the thread shows each in its place and both counts (the header's link
/// and the heading's) follow without a reload; a held comment never joins it.
#[derive(Clone, Copy)]
pub struct NewComments(RwSignal<Vec<(u64, Comment)>>);

impl NewComments {
    pub fn new() -> NewComments {
        NewComments(RwSignal::new(Vec::new()))
    }

    pub fn push(&self, parent: u64, comment: Comment) {
        self.0.update(|list| list.push((parent, comment)));
    }

    /// How many (reactive).
    pub fn count(&self) -> u32 {
        u32::try_from(self.0.with(Vec::len)).unwrap_or(u32::MAX)
    }

    /// Those answering `parent`, oldest first, as WordPress orders a thread
    /// (reactive).
    pub fn under(&self, parent: u64) -> Vec<Comment> {
        self.0.with(|list| {
            list.iter()
                .filter(|(p, _)| *p == parent)
                .map(|(_, c)| c.clone())
                .collect()
        })
    }
}

impl Default for NewComments {
    fn default() -> Self {
        Self::new()
    }
}

/// The shared list, or a fresh one where no article page provided it.
fn new_comments() -> NewComments {
    use_context::<NewComments>().unwrap_or_else(|| {
        let fresh = NewComments::new();
        provide_context(fresh);
        fresh
    })
}

/// The comments section. `count`: the article's own count (what the header
/// shows), alone when the source has no comments or they failed.
#[component]
pub fn Comments(page: MaybeComments, count: u32, slug: String) -> impl IntoView {
    let ctx = use_ctx();
    let inner = match page {
        Some(page) => view! { <CommentThreads page slug/> }.into_any(),
        None => view! { <p class="comments__count">{ctx.locale.comments(u64::from(count))}</p> }.into_any(),
    };
    view! { <section id="comments" class="comments">{inner}</section> }
}

/// A page of threads under the heading, with the closed or empty state, and
/// the form when readers may post (open, and the site takes anonymous
/// comments: `api.anonymous_comments`).
#[component]
pub fn CommentThreads(page: CommentPage, slug: String) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let new = new_comments();
    let locale = ctx.locale;
    let form = (page.open && ctx.config.api.anonymous_comments).then(|| {
        let reply = ReplyCtx::new(ctx.config.api.comment_depth.unwrap_or(DEFAULT_THREAD_DEPTH));
        provide_context(reply);
        let slug = slug.clone();
        move || view! { <CommentForm reply slug/> }
    });
    let status = if !page.open {
        Some(s.comments_closed)
    } else if page.threads.is_empty() {
        Some(s.comments_none)
    } else {
        None
    };
    view! {
        <h2 class="comments__title">{s.comments}</h2>
        <p class="comments__count">{move || locale.comments(u64::from(page.total + new.count()))}</p>
        <ol class="comments__list">
            {page.threads.into_iter().map(|c| view! { <CommentItem comment=c/> }).collect_view()}
            // A new top-level comment is the newest: last, as the thread is oldest first.
            {move || new.under(0).into_iter().map(|c| view! { <CommentItem comment=c/> }.into_any()).collect_view()}
        </ol>
        {status.map(|t| view! { <p class="comments__status">{t}</p> })}
        // Real links: page 1 is the article, later pages its comment routes.
        <Pagination page=page.page total_pages=page.total_pages route=Route::Comments { slug, page: 2 }/>
        {form.map(|f| f())}
    }
}

/// One comment and its replies; `level`: its depth in the thread (from 1),
/// a reply button under it while replies may go deeper.
#[component]
pub fn CommentItem(comment: Comment, #[prop(default = 1)] level: usize) -> impl IntoView {
    let ctx = use_ctx();
    let reply = use_context::<ReplyCtx>()
        .filter(|r| level < r.depth)
        .map(|reply| view! { <ReplyButton reply id=comment.id author=comment.author.clone()/> });
    let zone = ctx.config.site.timezone.as_deref();
    let date = format_date_styled(&comment.date, ctx.locale, zone, ctx.date_style());
    let author = match comment.author_url {
        Some(url) => view! {
            <a class="comments__author" href=url.into_string() rel="nofollow ugc" dir="auto">{comment.author}</a>
        }
        .into_any(),
        None => view! { <span class="comments__author" dir="auto">{comment.author}</span> }.into_any(),
    };
    let avatar = comment.avatar.map(|src| {
        view! { <img class="comments__avatar" src=src.into_string() alt="" width="48" height="48" loading="lazy" decoding="async"/> }
    });
    // The replies, then those this reader just posted under it.
    let (id, new) = (comment.id, new_comments());
    let posted = move || {
        new.under(id)
            .into_iter()
            .map(|c| view! { <CommentItem comment=c level=level + 1/> }.into_any())
            .collect_view()
    };
    let replies = if comment.replies.is_empty() {
        (move || {
            let posted = posted();
            (!posted.is_empty()).then(|| view! { <ol class="comments__list comments__replies">{posted}</ol> })
        })
        .into_any()
    } else {
        let items = comment
            .replies
            .into_iter()
            .map(|c| view! { <CommentItem comment=c level=level + 1/> }.into_any())
            .collect_view();
        view! { <ol class="comments__list comments__replies">{items}{posted}</ol> }.into_any()
    };
    view! {
        <li class="comments__item" id=format!("comment-{}", comment.id)>
            <article class="comments__comment">
                <header class="comments__meta">
                    {avatar}
                    {author}
                    <time class="comments__date" datetime=comment.date.as_str().to_string()>{date}</time>
                </header>
                <Body blocks=comment.body/>
                {reply}
            </article>
            {replies}
        </li>
    }
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use leptos::prelude::*;

    use super::*;
    use kiosque_core::model::{Block, Inline, SafeUrl, Timestamp};

    fn comment(id: u64, url: Option<&str>, replies: Vec<Comment>) -> Comment {
        Comment {
            id,
            author: format!("Lecteur {id} <b>"),
            author_url: url.and_then(SafeUrl::new),
            avatar: SafeUrl::new("https://secure.gravatar.com/avatar/x?s=96"),
            date: Timestamp::parse("2020-03-02T10:00:00+01:00").unwrap(),
            body: vec![Block::Paragraph {
                content: vec![Inline::text("<script>x</script> texte")],
            }],
            replies,
        }
    }

    fn render(page: CommentPage) -> String {
        crate::context::render_for_test(|| view! { <CommentThreads page slug="x".to_string()/> })
    }

    fn page(open: bool, threads: Vec<Comment>) -> CommentPage {
        CommentPage {
            total: 3,
            page: 1,
            total_pages: 1,
            open,
            threads,
        }
    }

    #[test]
    fn threads_nest_replies_and_escape_text() {
        let html = render(page(
            true,
            vec![
                comment(1, Some("https://example.org/a"), vec![comment(2, None, vec![])]),
                comment(3, None, vec![]),
            ],
        ));
        assert!(html.contains(r#"class="comments__title">Commentaires"#), "{html}");
        assert!(html.contains("3 commentaires"), "{html}");
        // The reply sits in a nested list inside its parent's item.
        let (parent, reply, next) = (
            html.find(r#"id="comment-1""#).unwrap(),
            html.find(r#"id="comment-2""#).unwrap(),
            html.find(r#"id="comment-3""#).unwrap(),
        );
        let nested = html.find("comments__replies").unwrap();
        assert!(parent < nested && nested < reply && reply < next, "{html}");
        assert!(
            html.contains(r#"href="https://example.org/a" rel="nofollow ugc""#),
            "{html}"
        );
        assert!(
            html.contains(r#"alt="" width="48" height="48" loading="lazy""#),
            "{html}"
        );
        assert!(html.contains("2 mars 2020"), "{html}");
        assert!(
            html.contains("Lecteur 1 &lt;b&gt;") && !html.contains("<script>"),
            "{html}"
        );
        assert!(
            !html.contains("comments__status") && !html.contains("pagination"),
            "{html}"
        );
    }

    #[test]
    fn posted_comments_join_the_thread_in_their_place_and_the_count() {
        let html = crate::context::render_for_test(|| {
            let new = NewComments::new();
            new.push(1, comment(10, None, vec![]));
            new.push(0, comment(11, None, vec![]));
            new.push(3, comment(12, None, vec![]));
            provide_context(new);
            let threads = vec![
                comment(1, None, vec![comment(2, None, vec![])]),
                comment(3, None, vec![]),
            ];
            view! { <CommentThreads page=page(true, threads) slug="x".to_string()/> }
        });
        let at = |id: u64| html.find(&format!(r#"id="comment-{id}""#)).unwrap();
        // 10 answers 1 (after its older reply 2), 12 answers 3 (a new
        // nested list), 11 is a new thread, last.
        let order = [1, 2, 10, 3, 12, 11].map(at);
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{html}");
        let nested = html[at(3)..].find("comments__replies").unwrap() + at(3);
        assert!(nested < at(12), "{html}");
        assert!(html.contains("6 commentaires"), "{html}");
    }

    #[test]
    fn later_pages_are_real_links() {
        let mut p = page(true, vec![comment(1, None, vec![])]);
        (p.page, p.total_pages) = (2, 3);
        let html = render(p);
        assert!(html.contains(r#"rel="prev" href="/article/x""#), "{html}");
        assert!(
            html.contains(r#"rel="next" href="/article/x/comments/page/3""#),
            "{html}"
        );
    }

    #[test]
    fn closed_and_empty_say_so() {
        assert!(render(page(false, vec![comment(1, None, vec![])])).contains("Les commentaires sont fermés."));
        assert!(render(page(true, vec![])).contains("Aucun commentaire pour l’instant."));
    }
}
