//! What every page may read: the source, the locale and the configuration.

use std::sync::Arc;

use kiosque_core::config::Config;
use kiosque_core::config_types::PostTypeConfig;
use kiosque_core::http::FetchError;
use kiosque_core::i18n::{DateStyle, Locale, Strings};
use kiosque_core::model::{SafeUrl, SiteInfo};
use kiosque_core::routes::{self, Route, TypePrefixes};
use kiosque_core::source::Source;

/// Cheap to clone (`use_ctx` hands out a copy): the source, the config and
/// the base URL are shared, never copied.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub source: Source,
    pub locale: Locale,
    pub config: Arc<Config>,
    /// The custom post types' URL prefixes (`config.json`'s `post_types`),
    /// which the router parses with.
    pub types: Arc<TypePrefixes>,
    /// The absolute URL the bundle is served from (`https://host/sub/`).
    base_url: Arc<str>,
    /// Its path (`/sub`, `""` at the root), which every `href` carries:
    /// worked out once, not per link.
    base_path: Arc<str>,
}

impl Ctx {
    pub fn new(source: Source, locale: Locale, config: Arc<Config>, base_url: &str) -> Ctx {
        Ctx {
            source,
            locale,
            types: Arc::new(kiosque_core::config_types::prefixes(&config.post_types)),
            config,
            base_url: base_url.into(),
            base_path: routes::base_path(base_url).into(),
        }
    }

    /// The configured custom post type whose URLs start with `prefix`.
    pub fn post_type(&self, prefix: &str) -> Option<&PostTypeConfig> {
        self.config.post_types.iter().find(|t| t.prefix == prefix)
    }

    /// The path of the bundle's base URL: `/sub`, or `""` at the root.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    pub fn strings(&self) -> &'static Strings {
        self.locale.strings()
    }

    /// The site's date format (config.json's, else the source's as the
    /// prerender used it); `None`: the locale's long form.
    pub fn date_style(&self) -> Option<DateStyle> {
        self.config.site.date_format.as_deref().and_then(DateStyle::from_php)
    }

    /// The `href` of a route: prefixed with the bundle's base path when it
    /// is served under a sub-path (`/news/article/x`). Every internal link
    /// goes through here.
    pub fn href(&self, route: &Route) -> String {
        self.url_href(&SafeUrl::of_route(route))
    }

    /// The `href` of a checked URL: a site-relative one (a file such as
    /// `/media/x.jpg`, a link in an article body) gets the base path too.
    pub fn url_href(&self, url: &SafeUrl) -> String {
        routes::with_base(&self.base_path, url.as_str())
    }

    /// The absolute public URL of a route: `site.url` when the config gives
    /// it, else the bundle's own origin and base path. `None` only when
    /// `site.url` is not an http(s) URL (the config is outside data).
    pub fn absolute_url(&self, route: &Route) -> Option<SafeUrl> {
        self.absolute_path(&route.path())
    }

    /// The absolute public URL of a site-relative path (a route's, or a
    /// file's such as `/media/x.jpg`, without the base path).
    pub fn absolute_path(&self, path: &str) -> Option<SafeUrl> {
        let base = match &self.config.site.url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => self.base_url.trim_end_matches('/').to_string(),
        };
        SafeUrl::new(&format!("{base}{path}")).filter(SafeUrl::is_external)
    }
}

/// The app context. Pages are only ever rendered inside the shell that
/// provides it, so its absence is a programming error, not outside data.
pub fn use_ctx() -> Ctx {
    leptos::prelude::expect_context::<Ctx>()
}

/// What the source says about the site (header, footer), loaded once by the
/// shell. When it failed, a page's retry retries it too, so the navigation
/// comes back with the page.
#[derive(Clone, Copy)]
pub struct SiteResource(pub leptos::prelude::Resource<Result<SiteInfo, FetchError>>);

impl SiteResource {
    /// Loads it again if it failed; otherwise does nothing.
    pub fn retry_if_failed(self) {
        use leptos::prelude::GetUntracked;
        if matches!(self.0.get_untracked(), Some(Err(_))) {
            self.0.refetch();
        }
    }
}

/// Renders a view to HTML as the prerender does, with a French static-site
/// context provided: for component tests.
#[cfg(all(test, feature = "ssr"))]
#[allow(clippy::panic)] // test support: a broken fixture is a failed test
pub fn render_for_test<V: leptos::prelude::RenderHtml + 'static>(view: impl FnOnce() -> V) -> String {
    render_with_config_for_test(r#"{"api":{"kind":"static","base_url":"/api"}}"#, view)
}

/// `render_for_test` with another `config.json`.
#[cfg(all(test, feature = "ssr"))]
#[allow(clippy::panic)] // test support: a broken fixture is a failed test
pub fn render_with_config_for_test<V: leptos::prelude::RenderHtml + 'static>(
    config: &str,
    view: impl FnOnce() -> V,
) -> String {
    use leptos::prelude::*;
    let config = kiosque_core::config::Config::parse(config).unwrap_or_else(|e| panic!("test config: {e}"));
    let base = "http://127.0.0.1:4401/";
    let ctx = Ctx::new(
        kiosque_core::source::Source::from_config(&config, base, Default::default()),
        kiosque_core::i18n::Locale::Fr,
        config.into(),
        base,
    );
    Owner::new().with(|| {
        provide_context(ctx);
        view().to_html()
    })
}
