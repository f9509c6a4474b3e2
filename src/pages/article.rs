use leptos::prelude::*;

use crate::components::blocks::{Body, Figure};
use crate::components::{
    page_resource, ArticleHead, ArticleSkeleton, Byline, Comments, Loaded, Rail, RelativeTime, Share,
};
use crate::context::use_ctx;
use crate::pages::{page_param, slug_param};
use kiosque_core::i18n::format_published;
use kiosque_core::model::{Article, MaybeComments};
use kiosque_core::routes::Route;

/// `/article/:slug`.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let slug = slug_param();
    // One resource: the article with its page of comments, so the first page
    // is prerendered and hydrated with the article (no second Suspense to
    // outlive the page). `/article/<slug>/comments/page/<n>` is the same page
    // with a later page of comments. Comments are an extra: when they fail,
    // the article shows with its count alone.
    let depth = use_ctx().config.api.comment_depth;
    let page = page_param();
    let article = page_resource(
        move || (slug.get(), page.get().unwrap_or(1)),
        move |source, (slug, n)| async move {
            let (article, comments) = futures::join!(source.article(&slug), source.comments(&slug, n, depth));
            Ok((article?, comments.ok().flatten()))
        },
    );
    view! {
        <Loaded resource=article skeleton=|| view! { <ArticleSkeleton/> }.into_any() render=|(a, c)| article_view(a, c)/>
    }
}

fn article_view(a: Article, comment_page: MaybeComments) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let zone = ctx.config.site.timezone.as_deref();
    let (published, modified) = format_published(&a.published, a.modified.as_ref(), ctx.locale, zone);
    let route = Route::article(a.slug.clone());
    let comments = ctx.locale.comments(u64::from(a.comment_count));
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
    view! {
        <ArticleHead article=a.clone()/>
        <article class="article container">
            <nav class="breadcrumb" aria-label=s.breadcrumb>
                <ol>
                    <li><a href=ctx.href(&Route::home(1))>{s.home}</a></li>
                    <li><a href=ctx.href(&Route::category(a.category.slug.clone(), 1))>{a.category.name.clone()}</a></li>
                    <li aria-current="page">{a.title.clone()}</li>
                </ol>
            </nav>
            <header class="article__header">
                <a class="article__kicker" href=ctx.href(&Route::category(a.category.slug.clone(), 1))>{a.category.name.clone()}</a>
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
                    <a class="article__comments" href=format!("{}#comments", ctx.href(&route))>{comments.clone()}</a>
                </div>
            </header>
            {a.image.clone().map(|image| view! { <Figure image priority=true/> })}
            <Body blocks=a.body/>
            {a.source.map(|src| view! { <p class="article__source">{ctx.locale.labelled(s.source, &src)}</p> })}
            {tags}
            <Share route=route.clone() title=a.title.clone()/>
            <Comments page=comment_page count=a.comment_count slug=a.slug.clone()/>
        </article>
        <div class="container">
            <Rail articles=a.related current=a.slug/>
        </div>
    }
}
