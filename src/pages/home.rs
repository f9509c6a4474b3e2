use leptos::prelude::*;

use crate::components::NotFound;
use crate::components::{
    card_image, most_read_resource, page_resource, ArticleCard, CardSize, ImagePreload, ListSkeleton, Loaded, MostRead,
    PageHead, Pagination, WebsiteLd,
};
use crate::context::use_ctx;
use crate::pages::page_param;
use kiosque_core::model::{Home, Listing};
use kiosque_core::routes::Route;
use kiosque_core::source::ListingRequest;

/// `/`: the lead story, the latest, and a block per navigation category.
#[component]
pub fn HomePage() -> impl IntoView {
    let ctx = use_ctx();
    let home = page_resource(|| (), |source, _| async move { source.home().await });
    let most_read = most_read_resource();
    let s = ctx.strings();
    let site_name = ctx.config.site.name.clone().unwrap_or_default();
    view! {
        <PageHead title=site_name.clone() description=ctx.config.site.tagline.clone().unwrap_or_default() route=Route::home(1)/>
        <WebsiteLd/>
        <h1 class="visually-hidden" tabindex="-1">{site_name}</h1>
        <Loaded resource=home skeleton=|| view! { <ListSkeleton/> }.into_any() render=move |h: Home| home_view(h, most_read, s) />
    }
}

fn home_view(
    home: Home,
    most_read: Resource<Result<kiosque_core::model::MostRead, kiosque_core::http::FetchError>>,
    s: &'static kiosque_core::i18n::Strings,
) -> impl IntoView {
    // The lead's image is the largest paint: fetched with the HTML.
    let preload = home
        .lead
        .as_ref()
        .and_then(|a| card_image(a, CardSize::Lead).cloned())
        .map(|image| view! { <ImagePreload image sizes=CardSize::Lead.sizes()/> });
    let lead = home
        .lead
        .map(|a| view! { <ArticleCard article=a size=CardSize::Lead level=2/> });
    let latest = home
        .latest
        .into_iter()
        .take(kiosque_core::model::HOME_LATEST_SHOWN)
        .map(|a| view! { <li><ArticleCard article=a size=CardSize::Compact/></li> })
        .collect_view();
    let sections = home
        .sections
        .into_iter()
        .filter(|sec| !sec.articles.is_empty())
        .map(|sec| {
            let href = use_ctx().href(&Route::category(sec.category.slug.clone(), 1));
            let mut articles = sec.articles.into_iter();
            let lead = articles
                .next()
                .map(|a| view! { <ArticleCard article=a size=CardSize::SectionLead/> });
            let rest = articles
                .map(|a| view! { <li><ArticleCard article=a size=CardSize::Compact/></li> })
                .collect_view();
            view! {
                <section class="home-section">
                    <h2 class="section-title"><a href=href>{sec.category.name}</a></h2>
                    <div class="home-section__body">
                        {lead}
                        <ul class="list-plain">{rest}</ul>
                    </div>
                </section>
            }
        })
        .collect_view();
    view! {
        {preload}
        <div class="home container">
            <div class="home__top">
                <div class="home__lead">{lead}</div>
                <div class="home__aside">
                    <section class="home__latest">
                        <h2 class="section-title">{s.latest}</h2>
                        <ul class="list-plain">{latest}</ul>
                        <p><a href=use_ctx().href(&Route::home(2))>{s.next}" ›"</a></p>
                    </section>
                    <MostRead data=most_read/>
                </div>
            </div>
            {sections}
        </div>
    }
}

/// `/page/:n`: the home archive, every article newest first.
#[component]
pub fn HomeArchive() -> impl IntoView {
    let ctx = use_ctx();
    let page = page_param();
    let listing = page_resource(
        move || page.get(),
        |source, p| async move {
            match p {
                Some(p) => source.listing(&ListingRequest::Latest, p).await,
                None => Err(kiosque_core::http::FetchError::NotFound),
            }
        },
    );
    let (s, locale) = (ctx.strings(), ctx.locale);
    view! {
        <Loaded resource=listing skeleton=|| view! { <ListSkeleton/> }.into_any() render=move |l: Listing| {
            if l.page > l.total_pages {
                return view! { <NotFound/> }.into_any();
            }
            let title = locale.paged(s.latest, l.page, l.total_pages);
            let cards = l.articles.into_iter().map(|a| view! { <ArticleCard article=a/> }).collect_view();
            view! {
                <PageHead title=title.clone() route=Route::home(l.page)/>
                <div class="container">
                    <h1 class="page-title" tabindex="-1">{title}</h1>
                    <div class="grid">{cards}</div>
                    <Pagination page=l.page total_pages=l.total_pages route=Route::home(l.page)/>
                </div>
            }.into_any()
        }/>
    }
}
