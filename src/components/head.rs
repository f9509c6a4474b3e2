//! The document head for each route, with leptos_meta: title, description,
//! canonical URL, Open Graph, Twitter card, article times and JSON-LD.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};
use serde_json::{json, Value};

use crate::context::{use_ctx, Ctx};
use kiosque_core::model::{Article, Image};
use kiosque_core::routes;

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
    #[prop(into)] route: String,
    #[prop(default = None)] image: Option<Image>,
    /// "website" unless an article.
    #[prop(default = "website")]
    og_type: &'static str,
) -> impl IntoView {
    let ctx = use_ctx();
    let url = ctx.absolute_url(&route);
    let site = site_name(&ctx);
    let locale = match ctx.locale.code() {
        "en" => "en_GB",
        "ar" => "ar_AR",
        _ => "fr_FR",
    };
    let feed = ctx.config.site.feed_url.clone();
    let image_tags = image.map(|img| {
        let src = absolute(&ctx, &img.url);
        view! {
            <Meta property="og:image" content=src.clone()/>
            <Meta property="og:image:width" content=img.width.to_string()/>
            <Meta property="og:image:height" content=img.height.to_string()/>
            <Meta property="og:image:alt" content=img.alt.clone()/>
            <Meta name="twitter:image" content=src/>
        }
    });
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=url.clone()/>
        <Meta property="og:site_name" content=site/>
        <Meta property="og:type" content=og_type/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta property="og:url" content=url/>
        <Meta property="og:locale" content=locale/>
        <Meta name="twitter:card" content="summary_large_image"/>
        <Meta name="twitter:title" content=title/>
        <Meta name="twitter:description" content=description/>
        {image_tags}
        {feed.map(|href| view! { <Link rel="alternate" type_="application/rss+xml" href=href/> })}
    }
}

fn site_name(ctx: &Ctx) -> String {
    ctx.config.site.name.clone().unwrap_or_default()
}

/// Makes a media URL absolute, for crawlers and scrapers. A root-absolute
/// path already carries the bundle's base path (`/news/media/x.jpg`, see
/// `Ctx::href`), which the public URL replaces.
fn absolute(ctx: &Ctx, url: &str) -> String {
    if url.starts_with("http://") || url.starts_with("https://") {
        url.to_string()
    } else if url.starts_with("//") {
        format!("https:{url}")
    } else if url.starts_with('/') {
        let base = routes::base_path(&ctx.base_url);
        ctx.absolute_url(routes::within_base(&base, url))
    } else {
        ctx.absolute_url(&format!("/{url}"))
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
        "url": ctx.absolute_url("/"),
        "inLanguage": ctx.locale.code(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": { "@type": "EntryPoint", "urlTemplate": format!("{}{{search_term_string}}", ctx.absolute_url("/search?q=")) },
            "query-input": "required name=search_term_string"
        }
    })
}

/// An article's head: Open Graph article tags and JSON-LD (NewsArticle and
/// BreadcrumbList).
#[component]
pub fn ArticleHead(article: Article) -> impl IntoView {
    let ctx = use_ctx();
    let route = routes::article(&article.slug);
    let ld = [news_article_ld(&ctx, &article), breadcrumb_ld(&ctx, &article)];
    let tags = article
        .tags
        .iter()
        .map(|t| view! { <Meta property="article:tag" content=t.name.clone()/> })
        .collect_view();
    view! {
        <PageHead title=article.title.clone() description=article.standfirst.clone() route image=article.image.clone() og_type="article"/>
        <Meta property="article:published_time" content=article.published.as_str().to_string()/>
        {article.modified.as_ref().map(|m| view! { <Meta property="article:modified_time" content=m.as_str().to_string()/> })}
        <Meta property="article:section" content=article.category.name.clone()/>
        {tags}
        // The hero is the largest paint: fetched with the HTML, not after it.
        {article.image.as_ref().map(|img| view! {
            <Link
                rel="preload"
                as_="image"
                href=img.url.clone()
                imagesrcset=img.srcset().unwrap_or_default()
                imagesizes=crate::components::blocks::FIGURE_SIZES
                fetchpriority="high"
            />
        })}
        {ld.into_iter().map(|v| view! { <Script type_="application/ld+json">{ld_json(&v)}</Script> }).collect_view()}
    }
}

pub fn news_article_ld(ctx: &Ctx, a: &Article) -> Value {
    let url = ctx.absolute_url(&routes::article(&a.slug));
    let authors: Vec<Value> = a
        .authors
        .iter()
        .map(|p| json!({ "@type": "Person", "name": p.name, "url": ctx.absolute_url(&routes::author(&p.slug, 1)) }))
        .collect();
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "description": a.standfirst,
        "datePublished": a.published.as_str(),
        "dateModified": a.modified.as_ref().unwrap_or(&a.published).as_str(),
        "author": authors,
        "publisher": { "@type": "Organization", "name": site_name(ctx), "url": ctx.absolute_url("/") },
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "articleSection": a.category.name,
        "keywords": a.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        "inLanguage": ctx.locale.code(),
    });
    if let Some(img) = &a.image {
        v["image"] = json!([{ "@type": "ImageObject", "url": absolute(ctx, &img.url), "width": img.width, "height": img.height }]);
    }
    v
}

pub fn breadcrumb_ld(ctx: &Ctx, a: &Article) -> Value {
    let s = ctx.strings();
    let crumbs = [
        (s.home.to_string(), ctx.absolute_url("/")),
        (
            a.category.name.clone(),
            ctx.absolute_url(&routes::category(&a.category.slug, 1)),
        ),
        (a.title.clone(), ctx.absolute_url(&routes::article(&a.slug))),
    ];
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
        Ctx {
            source: Source::from_config(&config, base_url, Default::default()),
            locale: Locale::Fr,
            config: config.into(),
            base_url: base_url.into(),
        }
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
            assert_eq!(c.href("/article/x"), "/news/article/x");
            assert_eq!(c.href("/"), "/news/");
            assert_eq!(
                c.absolute_url(&routes::article(&a.slug)),
                format!("{public}/article/{}", a.slug)
            );
            let ld = news_article_ld(&c, &a);
            assert_eq!(ld["mainEntityOfPage"]["@id"], format!("{public}/article/{}", a.slug));
            assert_eq!(ld["image"][0]["url"], format!("{public}{img}"));
            assert_eq!(ld["publisher"]["url"], format!("{public}/"));
            let author = &a.authors[0].slug;
            assert_eq!(ld["author"][0]["url"], format!("{public}/author/{author}"));
            let crumbs = breadcrumb_ld(&c, &a);
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
        assert_eq!(c.href("/article/x"), "/article/x");
        assert_eq!(absolute(&c, "/media/a.jpg"), "https://news.example.com/media/a.jpg");
        assert_eq!(absolute(&c, "media/a.jpg"), "https://news.example.com/media/a.jpg");
        assert_eq!(absolute(&c, "//cdn.example/a.jpg"), "https://cdn.example/a.jpg");
        assert_eq!(absolute(&c, "https://cdn.example/a.jpg"), "https://cdn.example/a.jpg");
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
