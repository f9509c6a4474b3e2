use leptos::prelude::*;

use crate::components::blocks::{Body, Figure};
use crate::components::{
    page_resource, ArticleHead, ArticlePages, ArticleSkeleton, Breadcrumb, Byline, Comments, Loaded, NotFound, OfType,
    Protected, Rail, RelativeTime, Share,
};
use crate::context::use_ctx;
use crate::pages::{article_pages_param, slug_param};
use kiosque_core::i18n::format_published;
use kiosque_core::model::{Article, MaybeComments};
use kiosque_core::routes::Route;

/// `/article/:slug[/:page]`. The page is part of the key, so each page of a
/// multi-page article is rendered whole (head, canonical, body, page links);
/// the article itself comes from the source's cache the second time.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let slug = slug_param();
    // One resource: the article (at one of its pages) with one page of its
    // comments, so the first page of comments is prerendered and hydrated
    // with the article. `/article/<slug>/<n>` is text page n;
    // `/article/<slug>/comments/page/<n>` the first text page with a later
    // page of comments. Comments are an extra: when they fail, the article
    // shows with its count alone.
    let depth = use_ctx().config.api.comment_depth;
    let pages = article_pages_param();
    let article = page_resource(
        move || (slug.get(), pages.get()),
        move |source, (slug, (page, n))| async move {
            let (article, comments) = futures::join!(source.article(&slug), source.comments(&slug, n, depth));
            Ok((article?, page, comments.ok().flatten()))
        },
    );
    view! {
        <Loaded resource=article skeleton=|| view! { <ArticleSkeleton/> }.into_any() render=article_or_missing_page/>
    }
}

/// A page number past the article's last page is not found, like WordPress's.
fn article_or_missing_page((a, page, comments): (Article, u32, MaybeComments)) -> AnyView {
    let total = a.pages().len();
    if usize::try_from(page).map_or(true, |p| p > total) {
        return view! { <NotFound/> }.into_any();
    }
    article_view(a, page, comments, None).into_any()
}

/// An article, or a custom post type's item (`of`): the same page.
pub(crate) fn article_view(a: Article, page: u32, comment_page: MaybeComments, of: Option<OfType>) -> impl IntoView {
    view! {
        <ArticleHead article=a.clone() page of=of.clone()/>
        {article_body(a, page, comment_page, of, None)}
    }
}

/// The article itself, without its head (canonical, JSON-LD): an editor's
/// preview shows a draft through this very view (`pages/preview.rs`).
/// A custom type's item (`of`) is one page under the type's listing; its
/// comments are not read (WordPress's comments routes know posts only).
/// `here`: the route this view is shown at when it is not the article's own
/// (a preview's, whose page links must stay in the preview).
pub(crate) fn article_body(
    a: Article,
    page: u32,
    comment_page: MaybeComments,
    of: Option<OfType>,
    here: Option<Route>,
) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let zone = ctx.config.site.timezone.as_deref();
    let (published, modified) = format_published(&a.published, a.modified.as_ref(), ctx.locale, zone, ctx.date_style());
    let route = here.unwrap_or_else(|| crate::components::item_route(&a, page, of.as_ref()));
    let pages = if of.is_some() {
        vec![a.body.as_slice()]
    } else {
        a.pages()
    };
    let total = pages.len();
    let body = pages
        .get(usize::try_from(page).unwrap_or(1).saturating_sub(1))
        .map(|b| b.to_vec())
        .unwrap_or_default();
    let protected = a.protected.then(|| view! { <Protected slug=a.slug.clone()/> });
    // The header's count follows the comments this reader posts (approved).
    let new_comments = crate::components::comments::NewComments::new();
    provide_context(new_comments);
    let (locale, count) = (ctx.locale, a.comment_count);
    let comments = move || locale.comments(u64::from(count + new_comments.count()));
    let tags = (!a.tags.is_empty()).then(|| {
        let items = a
            .tags
            .iter()
            .map(|t| view! { <li><a class="tag" href=ctx.href(&Route::tag(t.slug.clone(), 1))>{t.name.clone()}</a></li> })
            .collect_view();
        view! {
            <section class="article__tags">
                <h2 class="visually-hidden">{s.tags}</h2>
                <ul class="tags">{items}</ul>
            </section>
        }
    });
    let trail = match &of {
        Some(t) => vec![(t.label.clone(), t.listing(1))],
        None => a
            .category_parents
            .iter()
            .chain([&a.category])
            .map(|c| (c.name.clone(), Route::category(c.slug.clone(), 1)))
            .collect(),
    };
    let (kicker, kicker_route) = match &of {
        Some(t) => (t.label.clone(), t.listing(1)),
        None => (a.category.name.clone(), Route::category(a.category.slug.clone(), 1)),
    };
    let comments_block = of
        .is_none()
        .then(|| view! { <Comments page=comment_page count=a.comment_count slug=a.slug.clone()/> });
    let comments_link = of
        .is_none()
        .then(|| view! { <a class="article__comments" href=format!("{}#comments", ctx.href(&route))>{comments}</a> });
    view! {
        <article class="article container">
            <Breadcrumb trail=trail current=a.title.clone()/>
            <header class="article__header">
                <a class="article__kicker" href=ctx.href(&kicker_route)>{kicker}</a>
                <h1 class="article__title" tabindex="-1" dir="auto">{a.title.clone()}</h1>
                <p class="article__standfirst" dir="auto">{a.standfirst.clone()}</p>
                <div class="article__meta">
                    <Byline authors=a.authors.clone()/>
                    <span class="article__dates">
                        <time datetime=a.published.as_str().to_string()>{published}</time>
                        <RelativeTime time=a.published.clone()/>
                        {modified.map(|m| view! { " · " <time datetime=a.modified.as_ref().map(|t| t.as_str().to_string())>{m}</time> })}
                    </span>
                    <span class="article__reading">{ctx.locale.reading_time(a.reading_minutes.max(1))}</span>
                    {comments_link}
                </div>
            </header>
            {a.image.clone().map(|image| view! { <Figure image priority=true/> })}
            {protected}
            <Body blocks=body page=ctx.href(&route)/>
            <ArticlePages route=route.clone() page total/>
            {a.source.map(|src| view! { <p class="article__source">{ctx.locale.labelled(s.source, &src)}</p> })}
            {tags}
            <Share route=route.clone() title=a.title.clone()/>
            {comments_block}
        </article>
        <div class="container">
            <Rail articles=a.related current=a.slug/>
        </div>
    }
}
