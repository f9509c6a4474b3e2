//! The router and the layout shell. No data logic here beyond loading the
//! configuration that everything else depends on.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{path, NavigateOptions};

use crate::components::{Footer, Header, NavEffects};
use crate::context::{use_ctx, Ctx, SiteResource};
use crate::pages::{
    ArticlePage, AuthorPage, CategoryPage, HomeArchive, HomePage, NotFound, SearchPage, SlugPage, TagPage,
};
use kiosque_core::config::{Config, ConfigError};
use kiosque_core::i18n::Locale;
use kiosque_core::model::SiteInfo;
use kiosque_core::source::Source;

/// The whole app. `base_url` is the absolute URL the bundle is served from
/// (`https://host/` or `https://host/sub/`). The config is loaded before the
/// app starts (`boot.rs`, or the prerender command), so that no resource is
/// created inside a suspended view: a prerendered page and its hydration then
/// create the same resources in the same order.
#[component]
pub fn App(#[prop(into)] base_url: String, config: Result<Config, ConfigError>) -> impl IntoView {
    provide_meta_context();
    let router_base = router_base(&base_url);
    view! {
        <Router base=router_base>
            {match config {
                Ok(config) => view! { <Shell config base_url/> }.into_any(),
                Err(error) => view! { <ConfigErrorView error/> }.into_any(),
            }}
        </Router>
    }
}

/// The router base: the path of the bundle's base URL, without its trailing slash.
pub fn router_base(base_url: &str) -> String {
    kiosque_core::routes::base_path(base_url)
}

#[component]
fn Shell(config: Config, base_url: String) -> impl IntoView {
    let locale = Locale::from_code(config.site.locale.as_deref().unwrap_or("fr"));
    let source = Source::from_config(&config, &base_url);
    let config_for_head = config.clone();
    provide_context(Ctx {
        source,
        locale,
        config: config.clone(),
        base_url: base_url.clone(),
    });
    let s = locale.strings();
    let site = crate::components::page_resource(|| (), |source, _| async move { source.site().await });
    provide_context(SiteResource(site));
    let site_view = move |render: fn(SiteInfo) -> AnyView| {
        let config = config.clone();
        move || {
            let config = config.clone();
            Suspend::new(async move { render(merge_site(site.await.ok(), &config)) })
        }
    };
    let header = site_view.clone()(|site| view! { <Header site/> }.into_any());
    let footer = site_view(|site| view! { <Footer site year=kiosque_core::clock::current_year()/> }.into_any());
    canonical_redirects();
    // A remote API (WordPress): connect while the page is still parsing, for
    // its JSON (CORS) and its images.
    let api_origin = kiosque_core::csp::origin_of(&config_for_head.api.base_url);
    view! {
        <Html attr:lang=locale.code() attr:dir=locale.dir()/>
        {api_origin.map(|o| view! {
            <Link rel="preconnect" href=o.clone()/>
            <Link rel="preconnect" href=o crossorigin="anonymous"/>
        })}
        <Title formatter=title_formatter(site)/>
        <a class="skip-link" href="#main">{s.skip_link}</a>
        <NavEffects/>
        <Suspense fallback=|| view! { <div class="site-header site-header--skeleton"></div> }>
            {header}
        </Suspense>
        <main id="main" tabindex="-1">
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("") view=HomePage/>
                <Route path=path!("page/:n") view=HomeArchive/>
                <Route path=path!("category/:slug") view=CategoryPage/>
                <Route path=path!("category/:slug/page/:n") view=CategoryPage/>
                <Route path=path!("tag/:slug") view=TagPage/>
                <Route path=path!("tag/:slug/page/:n") view=TagPage/>
                <Route path=path!("author/:slug") view=AuthorPage/>
                <Route path=path!("author/:slug/page/:n") view=AuthorPage/>
                <Route path=path!("article/:slug") view=ArticlePage/>
                <Route path=path!("search") view=SearchPage/>
                <Route path=path!("search/page/:n") view=SearchPage/>
                <Route path=path!(":slug") view=SlugPage/>
            </Routes>
        </main>
        <Suspense>
            {footer}
        </Suspense>
    }
}

/// "Titre — Site": the site name comes from the config, else the source.
fn title_formatter(
    site: Resource<Result<SiteInfo, kiosque_core::http::FetchError>>,
) -> impl Fn(String) -> String + Send + Sync + 'static {
    let name = use_ctx().config.site.name.clone();
    move |title: String| {
        let site_name = name
            .clone()
            .or_else(|| site.get_untracked().and_then(|r| r.ok()).map(|s| s.name))
            .unwrap_or_default();
        match (title.is_empty(), site_name.is_empty()) {
            (true, _) => site_name,
            (false, true) => title,
            (false, false) if title == site_name => title,
            (false, false) => format!("{title} — {site_name}"),
        }
    }
}

/// What the source says, with `config.json`'s `site` keys on top.
pub fn merge_site(from_source: Option<SiteInfo>, config: &Config) -> SiteInfo {
    let mut site = from_source.unwrap_or_else(|| SiteInfo {
        version: kiosque_core::model::API_VERSION,
        name: String::new(),
        tagline: String::new(),
        locale: "fr".into(),
        timezone: "UTC".into(),
        nav: Vec::new(),
        social: Vec::new(),
    });
    let c = &config.site;
    if let Some(v) = &c.name {
        site.name = v.clone();
    }
    if let Some(v) = &c.tagline {
        site.tagline = v.clone();
    }
    if let Some(v) = &c.locale {
        site.locale = v.clone();
    }
    if let Some(v) = &c.timezone {
        site.timezone = v.clone();
    }
    site
}

/// Old WordPress URLs (`/2026/11/28/slug/`, `/category/x/`, `?p=123`…) and
/// non-canonical ones (`?page=N`, `/page/1`, a trailing slash) go to the
/// canonical route, replacing the history entry, so no inbound link is lost.
fn canonical_redirects() {
    let location = use_location();
    let navigate = use_navigate();
    let ctx = use_ctx();
    let (source, base) = (ctx.source, kiosque_core::routes::base_path(&ctx.base_url));
    Effect::new(move |_| {
        // The browser's path carries the base path of a sub-path deploy; routes do not.
        let path = kiosque_core::routes::within_base(&base, &location.pathname.get()).to_string();
        let query = location.search.get();
        let replace = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        if let Some(to) = kiosque_core::routes::canonical_redirect(&path, &query) {
            navigate(&to, replace);
            return;
        }
        // Kiosque's own routes are never old WordPress URLs, except the home
        // with WordPress query parameters (`/?p=123`, `/?s=eau`).
        let has_query = !query.trim_start_matches('?').is_empty();
        if kiosque_core::routes::is_kiosque_route(&path) && !(path == "/" && has_query) {
            return;
        }
        match kiosque_core::source::wordpress::legacy_route(&path, query.trim_start_matches('?')) {
            Some(to) if to.starts_with('/') && !is_current(&to, &path, &query) => navigate(&to, replace),
            Some(marker) if !marker.starts_with('/') => {
                let (source, navigate) = (source.clone(), navigate.clone());
                leptos::task::spawn_local(async move {
                    if let Ok(to) = source.resolve_legacy(&marker).await {
                        navigate(&to, replace);
                    }
                });
            }
            _ => {}
        }
    });
}

fn is_current(to: &str, path: &str, query: &str) -> bool {
    let query = query.trim_start_matches('?');
    if query.is_empty() {
        to == path
    } else {
        to == format!("{path}?{query}")
    }
}

/// The config could not be used: say which key is wrong. Strings are French
/// (the default locale), since the locale itself comes from the config.
#[component]
fn ConfigErrorView(error: ConfigError) -> impl IntoView {
    crate::prerender::report_unprerenderable("config.json unusable");
    let fr = Locale::Fr;
    let s = fr.strings();
    let detail = match &error {
        ConfigError::Fetch(e) => fr.labelled("config.json", fr.fetch_error(e)),
        ConfigError::Invalid { key, message } => fr.labelled(&format!("config.json → {}", fr.quoted(key)), message),
    };
    view! {
        <main id="main" class="config-error container">
            <section class="error-view" role="alert">
                <h1 class="error-view__title">{s.config_error_title}</h1>
                <p>{s.config_error_text}</p>
                <p><code class="config-error__detail">{detail}</code></p>
                <button type="button" class="button" on:click=move |_| crate::browser::reload()>{s.retry}</button>
            </section>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kiosque_routes_are_not_taken_for_old_wordpress_urls() {
        use kiosque_core::source::wordpress::legacy_route;
        // The shell only asks `legacy_route` about paths that are not
        // Kiosque routes (or the home with a query).
        assert!(kiosque_core::routes::is_kiosque_route("/search"));
        assert_eq!(legacy_route("/", "s=eau").as_deref(), Some("/search?q=eau"));
        assert_eq!(legacy_route("/", "p=12").as_deref(), Some("wp:p=12"));
        assert_eq!(
            legacy_route("/2026/11/28/un-article/", "").as_deref(),
            Some("/article/un-article")
        );
        assert_eq!(
            legacy_route("/2026/11/28/un-article", "").as_deref(),
            Some("/article/un-article")
        );
        assert_eq!(legacy_route("/category/sport/", "").as_deref(), Some("/category/sport"));
    }

    #[test]
    fn router_base_is_the_base_path() {
        assert_eq!(router_base("http://127.0.0.1:8080/"), "");
        assert_eq!(router_base("https://h.com/sub/"), "/sub");
        assert_eq!(router_base("https://h.com/a/b/?x"), "/a/b");
        assert_eq!(router_base("https://h.com"), "");
    }

    #[test]
    fn config_site_keys_override_the_source() {
        let config =
            Config::parse(r#"{"api":{"kind":"static","base_url":"/api"},"site":{"name":"N","locale":"en"}}"#).unwrap();
        let merged = merge_site(None, &config);
        assert_eq!(merged.name, "N");
        assert_eq!(merged.locale, "en");
    }
}
