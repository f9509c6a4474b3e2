//! The layout shell around the routed page (`routing.rs`). No data logic
//! here beyond the configuration that everything else depends on.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Title};
use leptos_router::components::Router;
use std::sync::Arc;

use crate::components::NotFound;
use crate::components::{Footer, Header, NavEffects, SiteIcon};
use crate::context::{use_ctx, Ctx, SiteResource};
use crate::pages::{
    ArticlePage, AuthorPage, CategoryPage, HomeArchive, HomePage, PreviewPage, SearchPage, SlugPage, TagPage,
    TypeItemPage, TypeListingPage,
};
use crate::routing::{canonical_redirects, current_route, CurrentRoute, PageKind};
use leptos_router::location::{BrowserUrl, LocationProvider};

use kiosque_core::config::{Config, ConfigError};
use kiosque_core::http::Door;
use kiosque_core::i18n::Locale;
use kiosque_core::model::{SafeUrl, SiteInfo};
use kiosque_core::routes;
use kiosque_core::source::Source;

/// The whole app. `base_url` is the absolute URL the bundle is served from
/// (`https://host/` or `https://host/sub/`). The config is loaded before the
/// app starts (`boot.rs`, or the prerender command), so that no resource is
/// created inside a suspended view: a prerendered page and its hydration then
/// create the same resources in the same order. Every request goes through
/// `door` (the browser's `fetch`, or the prerender's `dist/`).
#[component]
pub fn App(#[prop(into)] base_url: String, config: Result<Config, ConfigError>, door: Door) -> impl IntoView {
    provide_meta_context();
    let router_base = router_base(&base_url);
    view! {
        <Router base=router_base>
            {match config {
                Ok(config) => view! { <Shell config=Arc::new(config) base_url door/> }.into_any(),
                Err(error) => view! { <ConfigErrorView error/> }.into_any(),
            }}
        </Router>
    }
}

/// The router base: the path of the bundle's base URL, without its trailing slash.
pub fn router_base(base_url: &str) -> String {
    routes::base_path(base_url)
}

#[component]
fn Shell(config: Arc<Config>, base_url: String, door: Door) -> impl IntoView {
    let locale = Locale::from_code(config.site.locale.as_deref().unwrap_or("fr"));
    let source = Source::from_config(&config, &base_url, door);
    let config_for_head = config.clone();
    let ctx = Ctx::new(source, locale, config.clone(), &base_url);
    let current = current_route(&base_url, ctx.types.clone());
    provide_context(ctx);
    let s = locale.strings();
    // Before any page data: newer data for a page being written in waits here.
    crate::components::NewerPage::provide();
    let site = crate::components::page_resource(|| (), |source, _| async move { source.site().await });
    provide_context(SiteResource(site));
    let site_view = move |render: fn(SiteInfo) -> AnyView| {
        let config = config.clone();
        move || {
            let config = config.clone();
            Suspend::new(async move { render(merge_site(site.await.ok(), &config)) })
        }
    };
    let header = site_view.clone()(|site| view! { <SiteIcon icon=site.icon.clone()/> <Header site/> }.into_any());
    let footer = site_view(|site| view! { <Footer site year=kiosque_core::clock::current_year()/> }.into_any());
    provide_context(current);
    canonical_redirects();
    // A remote API (WordPress): connect while the page is still parsing, for
    // its JSON (CORS) and its images.
    let api_origin = kiosque_core::csp::origin_of(&config_for_head.api.base_url)
        .and_then(|o| SafeUrl::new(&o))
        .map(SafeUrl::into_string);
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
            {page_view(current)}
        </main>
        <Suspense>
            {footer}
        </Suspense>
        <crate::components::UpdateNotice/>
    }
}

/// The page for the current route.
fn page_view(current: CurrentRoute) -> impl IntoView {
    // Without `<Routes>`, the router waits to be told that the new page is
    // in place before it writes the URL into the address bar.
    let history = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        current.0.track();
        if let Some(history) = &history {
            history.ready_to_complete();
        }
    });
    let kind = Memo::new(move |_| current.0.with(|r| PageKind::of(r.as_ref())));
    move || match kind.get() {
        PageKind::Home => view! { <HomePage/> }.into_any(),
        PageKind::HomeArchive => view! { <HomeArchive/> }.into_any(),
        PageKind::Article => view! { <ArticlePage/> }.into_any(),
        PageKind::Category => view! { <CategoryPage/> }.into_any(),
        PageKind::Tag => view! { <TagPage/> }.into_any(),
        PageKind::Author => view! { <AuthorPage/> }.into_any(),
        PageKind::Search => view! { <SearchPage/> }.into_any(),
        PageKind::Page => view! { <SlugPage/> }.into_any(),
        PageKind::Preview => view! { <PreviewPage/> }.into_any(),
        PageKind::TypeListing => view! { <TypeListingPage/> }.into_any(),
        PageKind::TypeItem => view! { <TypeItemPage/> }.into_any(),
        PageKind::NotFound => view! { <NotFound/> }.into_any(),
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
        menus: Default::default(),
        icon: None,
        posts_per_page: None,
        date_format: None,
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
    if let Some(v) = &c.social {
        site.social = v.clone();
    }
    // The site's own menus (WordPress's) win; config.json's fill in.
    if let (true, Some(nav)) = (site.menus.primary.is_empty(), &c.nav) {
        site.menus.primary = kiosque_core::config_nav::menu(nav);
    }
    if let (true, Some(nav)) = (site.menus.footer.is_empty(), &c.footer_nav) {
        site.menus.footer = kiosque_core::config_nav::menu(nav);
    }
    site
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
                <button type="button" class="button" on:click=move |_| crate::platform::reload()>{s.retry}</button>
            </section>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(merged.social.is_empty());
        let config = Config::parse(
            r#"{"api":{"kind":"wordpress","base_url":"https://wp.test/wp-json"},
                "site":{"social":[{"network":"x","url":"https://x.com/kiosque"}]}}"#,
        )
        .unwrap();
        let merged = merge_site(None, &config);
        assert_eq!(merged.social.len(), 1);
        assert_eq!(merged.social[0].url, "https://x.com/kiosque");
    }
}
