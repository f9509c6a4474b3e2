//! What every page may read: the source, the locale and the configuration.

use std::sync::Arc;

use kiosque_core::config::Config;
use kiosque_core::http::FetchError;
use kiosque_core::i18n::{Locale, Strings};
use kiosque_core::model::SiteInfo;
use kiosque_core::source::Source;

/// Cheap to clone (`use_ctx` hands out a copy): the source, the config and
/// the base URL are shared, never copied.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub source: Source,
    pub locale: Locale,
    pub config: Arc<Config>,
    /// The absolute URL the bundle is served from (`https://host/sub/`).
    pub base_url: Arc<str>,
}

impl Ctx {
    pub fn strings(&self) -> &'static Strings {
        self.locale.strings()
    }

    /// The `href` of a route (or of a site-relative file such as
    /// `/media/x.jpg`): prefixed with the bundle's base path when it is served
    /// under a sub-path (`/news/article/x`). Every internal link goes through here.
    pub fn href(&self, route: &str) -> String {
        kiosque_core::routes::with_base(&kiosque_core::routes::base_path(&self.base_url), route)
    }

    /// The absolute public URL of a route: `site.url` when the config gives
    /// it, else the bundle's own origin and base path.
    pub fn absolute_url(&self, route: &str) -> String {
        let base = match &self.config.site.url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => self.base_url.trim_end_matches('/').to_string(),
        };
        format!("{base}{route}")
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
