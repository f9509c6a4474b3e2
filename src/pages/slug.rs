use leptos::prelude::*;
use leptos_meta::Script;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::components::blocks::Body;
use crate::components::{ld_json, merged_ld, page_resource, ArticleSkeleton, Breadcrumb, Loaded, PageHead, SubLinks};
use crate::pages::slug_param;
use kiosque_core::http::FetchError;
use kiosque_core::model::{PageRef, StaticPage};
use kiosque_core::routes::Route;

/// What `/:slug` turned out to be.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum SlugTarget {
    Page(StaticPage),
    /// An old post permalink: go to the canonical article route.
    Article(String),
}

/// `/:slug`: a static page, else an old post permalink, else 404.
#[component]
pub fn SlugPage() -> impl IntoView {
    let slug = slug_param();
    let target = page_resource(
        move || slug.get(),
        |source, slug| async move {
            match source.page(&slug).await {
                Ok(page) => Ok(SlugTarget::Page(page)),
                Err(FetchError::NotFound) => source.article_slug(&slug).await.map(SlugTarget::Article),
                Err(e) => Err(e),
            }
        },
    );
    view! {
        <Loaded resource=target skeleton=|| view! { <ArticleSkeleton/> }.into_any() render=move |t: SlugTarget| match t {
            SlugTarget::Page(page) => page_view(page).into_any(),
            SlugTarget::Article(slug) => view! { <Redirect to=Route::article(slug)/> }.into_any(),
        }/>
    }
}

/// Replaces the history entry once mounted (an effect: no browser API in
/// the render itself).
#[component]
fn Redirect(to: Route) -> impl IntoView {
    let navigate = use_navigate();
    Effect::new(move |_| {
        navigate(
            &to.path(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        )
    });
    view! { <ArticleSkeleton/> }
}

fn page_view(page: StaticPage) -> impl IntoView {
    let ctx = crate::context::use_ctx();
    // An SEO plugin's schema graph, as articles and listings write theirs
    // (Kiosque has no JSON-LD of its own for a page).
    let ld = merged_ld(&ctx, page.seo.as_deref(), Vec::new());
    view! {
        <PageHead title=page.title.clone() route=Route::page(page.slug.clone()) seo=page.seo.clone()/>
        {ld.into_iter().map(|v| view! { <Script type_="application/ld+json">{ld_json(&v)}</Script> }).collect_view()}
        {page_body(page)}
    }
}

/// The page itself, without its head: an editor's preview of a page shows
/// it through this very view (`pages/preview.rs`).
pub(crate) fn page_body(page: StaticPage) -> impl IntoView {
    let ctx = crate::context::use_ctx();
    let href = ctx.href(&Route::page(page.slug.clone()));
    let link = |p: PageRef| (p.title, Route::page(p.slug));
    // A child page: its parents above its title; a parent: its children below.
    let crumbs = (!page.parents.is_empty()).then(|| {
        let trail = page.parents.into_iter().map(link).collect();
        view! { <Breadcrumb trail current=page.title.clone()/> }
    });
    let children = page.children.into_iter().map(link).collect();
    view! {
        <article class="container static-page">
            {crumbs}
            <h1 class="page-title" tabindex="-1">{page.title}</h1>
            <Body blocks=page.body page=href/>
            <SubLinks label=ctx.strings().child_pages links=children/>
        </article>
    }
}
