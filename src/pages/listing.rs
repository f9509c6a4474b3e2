use leptos::prelude::*;
use leptos_meta::Script;

use crate::components::blocks::Body;
use crate::components::NotFound;
use crate::components::{
    card_image, ld_json, listing_seo, merged_ld, page_resource, ArticleCard, Breadcrumb, CardSize, ImagePreload,
    ListSkeleton, Loaded, OfType, PageHead, Pagination, Picture, SubLinks,
};
use crate::context::use_ctx;
use crate::pages::{page_param, slug_param};
use kiosque_core::http::FetchError;
use kiosque_core::model::{Block, CategoryRef, Listing, ListingKind};
use kiosque_core::routes::Route;
use kiosque_core::source::ListingRequest;

/// `/category/:slug` and `/category/:slug/page/:n`.
#[component]
pub fn CategoryPage() -> impl IntoView {
    listing_page(ListingRequest::Category, Route::category)
}

/// `/tag/:slug` and `/tag/:slug/page/:n`.
#[component]
pub fn TagPage() -> impl IntoView {
    listing_page(ListingRequest::Tag, Route::tag)
}

/// `/author/:slug` and `/author/:slug/page/:n`: bio, avatar, articles.
#[component]
pub fn AuthorPage() -> impl IntoView {
    listing_page(ListingRequest::Author, Route::author)
}

fn listing_page(request: fn(String) -> ListingRequest, route: fn(String, u32) -> Route) -> impl IntoView {
    let slug = slug_param();
    let page = page_param();
    let listing = page_resource(
        move || (slug.get(), page.get()),
        move |source, (slug, page)| async move {
            match page {
                Some(p) => source.listing(&request(slug), p).await,
                None => Err(FetchError::NotFound),
            }
        },
    );
    view! {
        <Loaded
            resource=listing
            skeleton=|| view! { <ListSkeleton/> }.into_any()
            render=move |l: Listing| { let r = route(slug.get_untracked(), l.page); listing_view(l, r) }
        />
    }
}

pub(crate) fn listing_view(l: Listing, route: Route) -> AnyView {
    let ctx = use_ctx();
    let s = ctx.strings();
    if l.page > l.total_pages {
        return view! { <NotFound/> }.into_any();
    }
    // A custom post type's items link to `/<prefix>/<slug>`.
    let of = match &l.kind {
        ListingKind::PostType { rest_base } => OfType::by_rest_base(&ctx, rest_base),
        _ => None,
    };
    let description = match &l.kind {
        ListingKind::Category { description, .. } => description.clone(),
        ListingKind::Author { author } => author.bio.clone(),
        ListingKind::Tag { tag, .. } => ctx.locale.labelled(s.tag_prefix, &tag.name),
        ListingKind::Latest | ListingKind::PostType { .. } => String::new(),
    };
    let page = ctx.href(&route);
    // A nested category: its parents above, its children below its name.
    let (mut crumbs, mut children) = (None, None);
    let (name, intro) = match l.kind {
        ListingKind::Category {
            category,
            description,
            parents,
            children: kids,
            about,
        } => {
            let link = |c: CategoryRef| (c.name, Route::category(c.slug, 1));
            if !parents.is_empty() {
                let trail = parents.into_iter().map(link).collect();
                crumbs = Some(view! { <Breadcrumb trail current=category.name.clone()/> });
            }
            let links = kids.into_iter().map(link).collect();
            children = Some(view! { <SubLinks label=s.subcategories links/> });
            (category.name, intro(about, description, "page-intro", &page))
        }
        ListingKind::Tag { tag, about } => (
            ctx.locale.labelled(s.tag_prefix, &tag.name),
            intro(about, String::new(), "page-intro", &page),
        ),
        ListingKind::Author { author } => {
            let avatar = author
                .avatar
                .map(|img| view! { <Picture image=img sizes="96px" class="author__avatar"/> });
            let intro = view! {
                <div class="author">
                    {avatar}
                    <div>
                        {(!author.role.is_empty()).then(|| view! { <p class="author__role">{author.role.clone()}</p> })}
                        {intro(author.about, author.bio, "author__bio", &page)}
                    </div>
                </div>
            };
            (author.name, Some(intro.into_any()))
        }
        ListingKind::Latest => (s.latest.to_string(), None),
        ListingKind::PostType { rest_base } => (of.as_ref().map_or(rest_base, |t| t.label.clone()), None),
    };
    let title = if l.page > 1 {
        ctx.locale.paged(&name, l.page, l.total_pages)
    } else {
        name.clone()
    };
    let (locale, total) = (ctx.locale, l.total_pages);
    let seo = listing_seo(l.seo, l.page, |t| locale.paged(t, l.page, total));
    let ld = merged_ld(&ctx, seo.as_deref(), Vec::new());
    let mut articles = l.articles.into_iter();
    let lead = if l.page == 1 { articles.next() } else { None };
    let lead_of = of.clone();
    // The lead's image is the largest paint: fetched with the HTML.
    let preload = lead
        .as_ref()
        .and_then(|a| card_image(a, CardSize::ListingLead).cloned())
        .map(|image| view! { <ImagePreload image sizes=CardSize::ListingLead.sizes()/> });
    let lead = lead.map(|a| view! { <ArticleCard article=a size=CardSize::ListingLead level=2 of=lead_of/> });
    let cards = articles
        .map(|a| view! { <ArticleCard article=a level=2 of=of.clone()/> })
        .collect_view();
    view! {
        <PageHead title description route=route.clone() seo/>
        {preload}
        {ld.into_iter().map(|v| view! { <Script type_="application/ld+json">{ld_json(&v)}</Script> }).collect_view()}
        <div class="container listing">
            {crumbs}
            <h1 class="page-title" tabindex="-1">{name}</h1>
            {intro}
            {children}
            <div class="listing__lead">{lead}</div>
            <div class="grid">{cards}</div>
            <Pagination page=l.page total_pages=l.total_pages route/>
        </div>
    }
    .into_any()
}

/// A description or biography: its blocks when it had markup, else its text.
fn intro(about: Vec<Block>, text: String, class: &'static str, page: &str) -> Option<AnyView> {
    if !about.is_empty() {
        return Some(view! { <div class=class><Body blocks=about page=page.to_string()/></div> }.into_any());
    }
    (!text.is_empty()).then(|| view! { <p class=class>{text}</p> }.into_any())
}
