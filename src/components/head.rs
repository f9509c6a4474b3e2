//! The document head for each route, with leptos_meta: title, description,
//! canonical URL, Open Graph, Twitter card, article times and JSON-LD.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};
use serde_json::{json, Value};

use crate::components::{ImagePreload, OfType};
use crate::context::{use_ctx, Ctx};
use kiosque_core::model::{Article, Image, SafeUrl, SeoHead};
use kiosque_core::routes::{self, Route};

/// JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are
/// escaped, so no text can close the script or be read as markup.
pub fn ld_json(value: &Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Common head tags for a page. `route` is its canonical route.
#[component]
pub fn PageHead(
    #[prop(into)] title: String,
    #[prop(optional, into)] description: String,
    route: Route,
    #[prop(default = None)] image: Option<Image>,
    /// "website" unless an article.
    #[prop(default = "website")]
    og_type: &'static str,
    /// An SEO plugin's choices, which win over the values above.
    #[prop(default = None)]
    seo: Option<Box<SeoHead>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let seo = seo.map(|s| *s).unwrap_or_default();
    let url = seo
        .canonical
        .as_deref()
        .and_then(|c| super::head_seo::seo_url(&ctx, c))
        .unwrap_or_else(|| text(ctx.absolute_url(&route)));
    let site = site_name(&ctx);
    let locale = match ctx.locale.code() {
        "en" => "en_GB",
        "ar" => "ar_AR",
        _ => "fr_FR",
    };
    let feed = ctx
        .config
        .site
        .feed_url
        .as_deref()
        .and_then(SafeUrl::new)
        .map(SafeUrl::into_string);
    let image =
        super::head_seo::card_image(&seo, image).and_then(|img| Some((absolute(&ctx, &img.url)?.into_string(), img)));
    let twitter_image = seo
        .twitter_image
        .as_deref()
        .and_then(|u| super::head_seo::seo_url(&ctx, u))
        .or_else(|| image.as_ref().map(|(src, _)| src.clone()));
    let image_tags = image.map(|(src, img)| {
        view! {
            <Meta property="og:image" content=src/>
            <Meta property="og:image:width" content=img.width.to_string()/>
            <Meta property="og:image:height" content=img.height.to_string()/>
            <Meta property="og:image:alt" content=img.alt/>
        }
    });
    // A plugin's title is the whole title: the site-name formatter stays out.
    let title_tag = match seo.title.clone() {
        Some(t) => view! { <Title text=t formatter=|t: String| t/> }.into_any(),
        None => view! { <Title text=title.clone()/> }.into_any(),
    };
    let description = seo.description.clone().unwrap_or(description);
    let og_title = seo.og_title.clone().or_else(|| seo.title.clone()).unwrap_or(title);
    let og_description = seo.og_description.clone().unwrap_or_else(|| description.clone());
    let tw_title = seo.twitter_title.clone().unwrap_or_else(|| og_title.clone());
    let tw_description = seo
        .twitter_description
        .clone()
        .unwrap_or_else(|| og_description.clone());
    view! {
        {title_tag}
        <Meta name="description" content=description/>
        {seo.robots().map(|r| view! { <Meta name="robots" content=r/> })}
        <Link rel="canonical" href=url.clone()/>
        <Meta property="og:site_name" content=site/>
        <Meta property="og:type" content=og_type/>
        <Meta property="og:title" content=og_title/>
        <Meta property="og:description" content=og_description/>
        <Meta property="og:url" content=url/>
        <Meta property="og:locale" content=locale/>
        <Meta name="twitter:card" content="summary_large_image"/>
        <Meta name="twitter:title" content=tw_title/>
        <Meta name="twitter:description" content=tw_description/>
        {image_tags}
        {twitter_image.map(|src| view! { <Meta name="twitter:image" content=src/> })}
        {feed.map(|href| view! { <Link rel="alternate" type_="application/rss+xml" href=href/> })}
    }
}

fn site_name(ctx: &Ctx) -> String {
    ctx.config.site.name.clone().unwrap_or_default()
}

/// A checked URL's text, or nothing (an unusable `site.url`).
fn text(url: Option<SafeUrl>) -> String {
    url.map(SafeUrl::into_string).unwrap_or_default()
}

/// Makes a media URL absolute, for crawlers and scrapers; `None` when it is
/// not an allowed URL. A root-absolute path already carries the bundle's
/// base path (`/news/media/x.jpg`, see `Ctx::url_href`), which the public
/// URL replaces.
fn absolute(ctx: &Ctx, url: &str) -> Option<SafeUrl> {
    let url = SafeUrl::new(url)?;
    if url.is_external() {
        return Some(url);
    }
    let path = url.as_str();
    if path.starts_with('/') {
        ctx.absolute_path(routes::within_base(ctx.base_path(), path))
    } else {
        ctx.absolute_path(&format!("/{path}"))
    }
}

/// The home page's JSON-LD: a WebSite with a SearchAction.
#[component]
pub fn WebsiteLd() -> impl IntoView {
    let ctx = use_ctx();
    let data = website_ld(&ctx);
    view! { <Script type_="application/ld+json">{ld_json(&data)}</Script> }
}

pub fn website_ld(ctx: &Ctx) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site_name(ctx),
        "url": text(ctx.absolute_url(&Route::home(1))),
        "inLanguage": ctx.locale.code(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": { "@type": "EntryPoint", "urlTemplate": text(ctx.absolute_path(&Route::search_template("search_term_string"))) },
            "query-input": "required name=search_term_string"
        }
    })
}

/// An article's head: Open Graph article tags and JSON-LD (NewsArticle and
/// BreadcrumbList).
#[component]
pub fn ArticleHead(
    article: Article,
    #[prop(default = 1)] page: u32,
    /// A custom post type's item: its URL and breadcrumb are the type's.
    #[prop(optional_no_strip)]
    of: Option<OfType>,
) -> impl IntoView {
    let ctx = use_ctx();
    // Each page of a multi-page article is its own canonical URL (as Yoast does).
    let route = item_route(&article, page, of.as_ref());
    let ld = super::head_seo::merged_ld(
        &ctx,
        article.seo.as_deref(),
        vec![
            news_article_ld(&ctx, &article, of.as_ref()),
            breadcrumb_ld(&ctx, &article, of.as_ref()),
        ],
    );
    // The plugin's canonical names page 1: later pages keep their own.
    let seo = article.seo.clone().map(|mut s| {
        if page > 1 {
            s.canonical = None;
        }
        s
    });
    let tags = article
        .tags
        .iter()
        .map(|t| view! { <Meta property="article:tag" content=t.name.clone()/> })
        .collect_view();
    view! {
        <PageHead title=article.title.clone() description=article.standfirst.clone() route image=article.image.clone() og_type="article" seo/>
        <Meta property="article:published_time" content=article.published.as_str().to_string()/>
        {article.modified.as_ref().map(|m| view! { <Meta property="article:modified_time" content=m.as_str().to_string()/> })}
        {(!article.category.name.is_empty()).then(|| view! { <Meta property="article:section" content=article.category.name.clone()/> })}
        {tags}
        // The hero is the largest paint: fetched with the HTML, not after it.
        {article.image.clone().map(|image| view! { <ImagePreload image sizes=crate::components::blocks::FIGURE_SIZES/> })}
        {ld.into_iter().map(|v| view! { <Script type_="application/ld+json">{ld_json(&v)}</Script> }).collect_view()}
    }
}

/// An article's URL (page `page` of it), or a custom type's item's.
pub fn item_route(a: &Article, page: u32, of: Option<&OfType>) -> Route {
    of.map_or_else(|| Route::article_page(a.slug.clone(), page), |t| t.item(&a.slug))
}

pub fn news_article_ld(ctx: &Ctx, a: &Article, of: Option<&OfType>) -> Value {
    let url = text(ctx.absolute_url(&item_route(a, 1, of)));
    let authors: Vec<Value> = a
        .authors
        .iter()
        .map(|p| json!({ "@type": "Person", "name": p.name, "url": text(ctx.absolute_url(&Route::author(p.slug.clone(), 1))) }))
        .collect();
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "description": a.standfirst,
        "datePublished": a.published.as_str(),
        "dateModified": a.modified.as_ref().unwrap_or(&a.published).as_str(),
        "author": authors,
        "publisher": { "@type": "Organization", "name": site_name(ctx), "url": text(ctx.absolute_url(&Route::home(1))) },
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "articleSection": a.category.name,
        "keywords": a.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        "inLanguage": ctx.locale.code(),
    });
    // An item without a category: its type is its section.
    if a.category.name.is_empty() {
        match (of, v.as_object_mut()) {
            (Some(t), _) => v["articleSection"] = json!(t.label),
            (None, Some(o)) => {
                o.remove("articleSection");
            }
            (None, None) => {}
        }
    }
    if let Some(img) = &a.image {
        if let Some(url) = absolute(ctx, &img.url) {
            v["image"] =
                json!([{ "@type": "ImageObject", "url": url.as_str(), "width": img.width, "height": img.height }]);
        }
    }
    v
}

pub fn breadcrumb_ld(ctx: &Ctx, a: &Article, of: Option<&OfType>) -> Value {
    let s = ctx.strings();
    let mut crumbs = vec![(s.home.to_string(), text(ctx.absolute_url(&Route::home(1))))];
    match of {
        Some(t) => crumbs.push((t.label.clone(), text(ctx.absolute_url(&t.listing(1))))),
        None => crumbs.extend(a.category_parents.iter().chain([&a.category]).map(|c| {
            (
                c.name.clone(),
                text(ctx.absolute_url(&Route::category(c.slug.clone(), 1))),
            )
        })),
    }
    crumbs.push((a.title.clone(), text(ctx.absolute_url(&item_route(a, 1, of)))));
    json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": crumbs.iter().enumerate().map(|(i, (name, item))| json!({
            "@type": "ListItem", "position": i + 1, "name": name, "item": item
        })).collect::<Vec<_>>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiosque_core::config::Config;
    use kiosque_core::i18n::Locale;
    use kiosque_core::source::Source;

    fn ctx(base_url: &str, site_url: Option<&str>) -> Ctx {
        let site = site_url
            .map(|u| format!(r#","site":{{"url":"{u}"}}"#))
            .unwrap_or_default();
        let config = Config::parse(&format!(r#"{{"api":{{"kind":"static","base_url":"/api"}}{site}}}"#)).unwrap();
        Ctx::new(
            Source::from_config(&config, base_url, Default::default()),
            Locale::Fr,
            config.into(),
            base_url,
        )
    }

    /// A demo article as the static source hands it to a bundle under `/news/`.
    fn article_under_news() -> Article {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/api/articles/algerie-oasis-jeunes-agriculteurs-goutte-a-goutte.json"
        );
        let mut a: Article = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        let img = a.image.as_mut().unwrap();
        img.url = format!("/news{}", img.url);
        a
    }

    #[test]
    fn urls_under_a_sub_path() {
        let a = article_under_news();
        let img = a.image.as_ref().unwrap().url.trim_start_matches("/news").to_string();
        for (c, public) in [
            (ctx("http://127.0.0.1:4300/news/", None), "http://127.0.0.1:4300/news"),
            (
                ctx("http://127.0.0.1:4300/news/", Some("https://example.com/news")),
                "https://example.com/news",
            ),
        ] {
            assert_eq!(c.href(&Route::article("x")), "/news/article/x");
            assert_eq!(c.href(&Route::home(1)), "/news/");
            assert_eq!(
                text(c.absolute_url(&Route::article(a.slug.clone()))),
                format!("{public}/article/{}", a.slug)
            );
            let ld = news_article_ld(&c, &a, None);
            assert_eq!(ld["mainEntityOfPage"]["@id"], format!("{public}/article/{}", a.slug));
            assert_eq!(ld["image"][0]["url"], format!("{public}{img}"));
            assert_eq!(ld["publisher"]["url"], format!("{public}/"));
            let author = &a.authors[0].slug;
            assert_eq!(ld["author"][0]["url"], format!("{public}/author/{author}"));
            let crumbs = breadcrumb_ld(&c, &a, None);
            assert_eq!(crumbs["itemListElement"][0]["item"], format!("{public}/"));
            let site = website_ld(&c);
            assert_eq!(site["url"], format!("{public}/"));
            assert_eq!(
                site["potentialAction"]["target"]["urlTemplate"],
                format!("{public}/search?q={{search_term_string}}")
            );
        }
    }

    #[test]
    fn urls_at_the_root() {
        let c = ctx("https://news.example.com/", None);
        let abs = |u: &str| absolute(&c, u).map(SafeUrl::into_string);
        assert_eq!(c.href(&Route::article("x")), "/article/x");
        assert_eq!(
            abs("/media/a.jpg").as_deref(),
            Some("https://news.example.com/media/a.jpg")
        );
        assert_eq!(
            abs("media/a.jpg").as_deref(),
            Some("https://news.example.com/media/a.jpg")
        );
        assert_eq!(abs("//cdn.example/a.jpg").as_deref(), Some("https://cdn.example/a.jpg"));
        assert_eq!(
            abs("https://cdn.example/a.jpg").as_deref(),
            Some("https://cdn.example/a.jpg")
        );
        assert_eq!(abs("javascript:alert(1)"), None);
    }

    /// `site.url` is the publisher's input: `Config::parse` refuses a scheme
    /// other than http(s), and should one get past it, it still never
    /// reaches a canonical link or JSON-LD.
    #[test]
    fn a_hostile_site_url_writes_no_url() {
        let mut c = ctx("https://news.example.com/", None);
        let mut config = (*c.config).clone();
        config.site.url = Some("javascript:alert(1)//".into());
        c.config = config.into();
        assert_eq!(c.absolute_url(&Route::home(1)), None);
        assert_eq!(website_ld(&c)["url"], "");
        assert_eq!(absolute(&c, "/media/a.jpg"), None);
    }

    #[test]
    fn ld_json_cannot_close_its_script() {
        let v = json!({ "headline": "</script><script>alert(1)</script> & co" });
        let out = ld_json(&v);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        let back: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, v);
    }
}
