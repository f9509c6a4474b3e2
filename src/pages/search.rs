use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::components::{page_resource, ListSkeleton, Loaded, NotFound, OfType, Pagination, SearchForm};
use crate::context::use_ctx;
use crate::pages::page_param;
use kiosque_core::i18n::format_date_styled;
use kiosque_core::model::ArticleSummary;
use kiosque_core::routes::Route;
use kiosque_core::source::search::fold;
use kiosque_core::source::{SearchResults, SEARCH_PER_PAGE};

/// `/search?q=` and `/search/page/<n>?q=`: the query and the page live in
/// the URL; matches are highlighted; pages link to each other.
#[component]
pub fn SearchPage() -> impl IntoView {
    let ctx = use_ctx();
    let (s, locale) = (ctx.strings(), ctx.locale);
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default().trim().to_string());
    let page = page_param();
    let results = page_resource(
        move || (q.get(), page.get().unwrap_or(1)),
        |source, (q, page)| async move { source.search(&q, page, SEARCH_PER_PAGE).await },
    );
    view! {
        <Title text=move || if q.get().is_empty() { s.search.to_string() } else { locale.search_title(&q.get()) }/>
        <Meta name="robots" content="noindex"/>
        <div class="container search-page">
            <h1 class="page-title" tabindex="-1">{s.search}</h1>
            <SearchForm id="search-page-q" value=q class="search-form--page"/>
            <Loaded resource=results skeleton=|| view! { <ListSkeleton/> }.into_any() render=results_view/>
        </div>
    }
}

fn results_view(r: SearchResults) -> AnyView {
    let ctx = use_ctx();
    let s = ctx.strings();
    if r.query.is_empty() {
        return view! { <p class="search-page__hint">{s.search_hint}</p> }.into_any();
    }
    let terms: Vec<String> = fold(&r.query).split_whitespace().map(str::to_string).collect();
    if r.page > r.total_pages {
        return view! { <NotFound/> }.into_any();
    }
    if r.articles.is_empty() {
        return view! {
            <div class="search-page__empty" role="status">
                <p><strong>{s.no_results}</strong></p>
                <p>{s.search_hint}</p>
            </div>
        }
        .into_any();
    }
    let count = ctx.locale.results_for(r.total as u64, &r.query);
    let route = Route::search(r.query.clone(), r.page);
    // Numbered across pages: page 2 starts at 21.
    let start = (r.page as usize).saturating_sub(1) * SEARCH_PER_PAGE + 1;
    let items = r
        .articles
        .into_iter()
        .map(|a| hit(a, &terms, ctx.locale))
        .collect_view();
    view! {
        <p class="search-page__count" role="status">{count}</p>
        <ol class="search-results list-plain" start=start>{items}</ol>
        <Pagination page=r.page total_pages=r.total_pages route=route/>
    }
    .into_any()
}

fn hit(a: ArticleSummary, terms: &[String], locale: kiosque_core::i18n::Locale) -> impl IntoView {
    let ctx = use_ctx();
    // A custom type's item: its own URL, its type as the kicker.
    // An item of a type this site no longer configures has no page: its
    // title stays, unlinked (never a link to `/article/<slug>`, which is not it).
    let of = a.post_type.as_deref().and_then(|t| OfType::by_rest_base(&ctx, t));
    let route = match (&of, &a.post_type) {
        (Some(t), _) => Some(t.item(&a.slug)),
        (None, None) => Some(Route::article(a.slug.clone())),
        (None, Some(_)) => None,
    };
    let title = highlight(&a.title, terms);
    let title = match route {
        Some(route) => view! { <a class="card__link" href=ctx.href(&route)>{title}</a> }.into_any(),
        None => title.into_any(),
    };
    let kicker = match &of {
        Some(t) => Some((t.label.clone(), t.listing(1))),
        None => (!a.category.slug.is_empty())
            .then(|| (a.category.name.clone(), Route::category(a.category.slug.clone(), 1))),
    }
    .map(|(name, to)| view! { <a class="card__kicker" href=ctx.href(&to)>{name}</a> });
    view! {
        <li class="search-result">
            {kicker}
            <h2 class="search-result__title">
                {title}
            </h2>
            <p class="card__standfirst">{highlight(&a.standfirst, terms)}</p>
            <time class="card__date" datetime=a.published.as_str().to_string()>{format_date_styled(&a.published, locale, None, ctx.date_style())}</time>
        </li>
    }
}

/// Splits text into runs, marking the words that a query term prefixes.
pub fn highlight_runs(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut push = |piece: &str, hit: bool| match runs.last_mut() {
        Some((last, h)) if *h == hit => last.push_str(piece),
        _ => runs.push((piece.to_string(), hit)),
    };
    let mut word_start: Option<usize> = None;
    let flush = |start: usize, end: usize, push: &mut dyn FnMut(&str, bool)| {
        let word = &text[start..end];
        let folded = fold(word);
        let hit = !folded.is_empty()
            && terms
                .iter()
                .any(|t| folded.split_whitespace().any(|w| w.starts_with(t.as_str())));
        push(word, hit);
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
        } else {
            if let Some(start) = word_start.take() {
                flush(start, i, &mut push);
            }
            push(&text[i..i + c.len_utf8()], false);
        }
    }
    if let Some(start) = word_start {
        flush(start, text.len(), &mut push);
    }
    runs
}

fn highlight(text: &str, terms: &[String]) -> impl IntoView {
    highlight_runs(text, terms)
        .into_iter()
        .map(|(t, hit)| {
            if hit {
                view! { <mark>{t}</mark> }.into_any()
            } else {
                t.into_any()
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_prefixed_words_whatever_their_accents() {
        let terms = vec!["eco".to_string()];
        let runs = highlight_runs("L’Économie, écologie et éco-quartiers", &terms);
        let marked: Vec<&str> = runs.iter().filter(|(_, h)| *h).map(|(t, _)| t.as_str()).collect();
        assert_eq!(marked, ["Économie", "écologie", "éco"]);
        let all: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(all, "L’Économie, écologie et éco-quartiers");
        assert!(highlight_runs("rien", &terms).iter().all(|(_, h)| !h));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_hit_links_to_its_page_and_an_unconfigured_type_s_hit_to_none() {
        use kiosque_core::model::{ArticleSummary, CategoryRef, Timestamp};
        let summary = |post_type: Option<&str>| ArticleSummary {
            slug: "reportage".into(),
            title: "Un reportage".into(),
            standfirst: String::new(),
            category: CategoryRef::default(),
            authors: Vec::new(),
            published: Timestamp::parse("2020-06-15T10:00:00+01:00").unwrap(),
            modified: None,
            image: None,
            reading_minutes: 0,
            format: Default::default(),
            link: None,
            post_type: post_type.map(str::to_string),
        };
        let config = r#"{"api":{"kind":"static","base_url":"/api"},"post_types":[{"rest_base":"videos","prefix":"video","label":{"fr":"Vidéos"}}]}"#;
        let render = |a: ArticleSummary| {
            crate::context::render_with_config_for_test(config, move || hit(a, &[], kiosque_core::i18n::Locale::Fr))
        };
        assert!(render(summary(None)).contains(r#"href="/article/reportage""#));
        assert!(render(summary(Some("videos"))).contains(r#"href="/video/reportage""#));
        let gone = render(summary(Some("podcasts")));
        assert!(
            gone.contains("Un reportage") && !gone.contains("/reportage\""),
            "{gone}"
        );
    }
}
