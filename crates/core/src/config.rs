//! The runtime configuration, `config.json`: fetched before the first render,
//! validated against one versioned schema (docs/config.md). Publishers edit it
//! after deploying; nothing is rebuilt.

use serde::{Deserialize, Serialize};

use crate::http::{self, FetchError};

mod key_path;

/// The config schema version this build understands.
pub const CONFIG_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiKind {
    /// Kiosque's own static JSON files (docs/content-api.md).
    Static,
    /// A WordPress REST API root, e.g. `https://example.com/wp-json`.
    Wordpress,
}

impl ApiKind {
    /// The name `config.json` spells it with.
    pub fn name(self) -> &'static str {
        match self {
            ApiKind::Static => "static",
            ApiKind::Wordpress => "wordpress",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    pub kind: ApiKind,
    pub base_url: String,
    #[serde(default = "default_timeout")]
    pub timeout_ms: u32,
    /// `wordpress` only: a popular-posts route answering post IDs, best
    /// first. Absent: no "most read" block (never faked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most_read_url: Option<String>,
    /// `wordpress` only: POSTed `{"id": N}` on each article view (`{id}` in
    /// the URL is replaced by the post ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_count_url: Option<String>,
    /// `wordpress` only: how deep comment threads go (WordPress's
    /// `thread_comments_depth`, which its REST API does not publish).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment_depth: Option<u8>,
    /// `wordpress` only: readers may post comments without an account (the
    /// site runs the must-use plugin allowing anonymous REST comments,
    /// docs/comments.md). Off by default, as in WordPress.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous_comments: bool,
    /// `static` only: where articles' comments are read, each page a
    /// `CommentPage` at `<comments_url>/<slug>/page/<n>.json`
    /// (docs/content-api.md). Absent: a static site has no comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments_url: Option<String>,
    /// `static` only: the REST root of the WordPress the site was exported
    /// from, which unlocks its password-protected posts (HTTPS, or loopback).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlock_url: Option<String>,
}

fn default_timeout() -> u32 {
    http::DEFAULT_TIMEOUT_MS
}

/// What the publisher says about the site; each key overrides the source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub tagline: Option<String>,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    /// How dates are written, as a PHP `date()` pattern (WordPress's
    /// notation): `j F Y`, `F j, Y`, `d/m/Y`, `Y-m-d`, `m/d/Y`…; absent: the
    /// source's (an export from WordPress carries the site's), else the
    /// locale's long form. See `i18n::DateStyle`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_format: Option<String>,
    /// The public origin, for canonical URLs: `https://news.example.com`.
    #[serde(default)]
    pub url: Option<String>,
    /// An RSS feed to advertise for autodiscovery (WordPress: `…/feed/`).
    #[serde(default)]
    pub feed_url: Option<String>,
    /// The footer's social links (WordPress has no setting for them);
    /// replace the source's when given, `[]` shows none.
    #[serde(default)]
    pub social: Option<Vec<crate::model::SocialLink>>,
    /// The header's menu where the source has none (WordPress menus win):
    /// entries with a `label`, a `url` (a site path or an http(s) URL) and
    /// `children` (one level). See `config_nav`.
    #[serde(default)]
    pub nav: Option<Vec<crate::config_nav::NavEntry>>,
    /// The footer's menu, likewise.
    #[serde(default)]
    pub footer_nav: Option<Vec<crate::config_nav::NavEntry>>,
    /// Articles per category, tag and author page (1–100); absent: the
    /// export's WordPress setting, else 6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posts_per_page: Option<u32>,
}

/// Extra sources for the Content-Security-Policy (`src/csp.rs`), beyond the
/// API's origin: for example an image CDN. Origins or schemes only.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CspConfig {
    #[serde(default)]
    pub img_src: Vec<String>,
    #[serde(default)]
    pub connect_src: Vec<String>,
    #[serde(default)]
    pub frame_src: Vec<String>,
}

/// What `make prerender` renders: every public page, unless capped.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrerenderConfig {
    /// At most this many articles (the newest) get a prerendered page;
    /// absent: every article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<u32>,
}

/// `kiosque-publish export`: the WordPress a static site is exported from
/// (docs/wordpress.md, "Static export"). `api` stays `static`, pointing at
/// the exported files; readers never reach this WordPress.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportConfig {
    /// The REST root, `https://site/wp-json`.
    pub wordpress_url: String,
    /// An application password's user (Basic auth, sent only over HTTPS or
    /// to localhost); the password is read from `app_password_file`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_password_file: Option<String>,
    /// A popular-posts route answering post IDs (as `api.most_read_url`);
    /// absent: `most-read.json` is empty and the block hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most_read_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default = "default_version")]
    pub version: u32,
    pub api: ApiConfig,
    #[serde(default)]
    pub site: SiteConfig,
    #[serde(default)]
    pub prerender: PrerenderConfig,
    #[serde(default)]
    pub csp: CspConfig,
    /// Where `kiosque-publish export` reads WordPress; absent: no export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export: Option<ExportConfig>,
    /// Registers the service worker (`sw.js`) that keeps recently read pages
    /// for offline reading; `false`: none is registered, and one already
    /// installed removes itself and its caches when it reads this.
    #[serde(default = "default_offline_reading")]
    pub offline_reading: bool,
    /// Custom post types shown beside the articles, each under its own
    /// URL prefix (`config_types`); absent: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub post_types: Vec<crate::config_types::PostTypeConfig>,
}

fn default_offline_reading() -> bool {
    true
}

fn default_version() -> u32 {
    CONFIG_VERSION
}

/// Why the config could not be used. `key` names the offending key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum ConfigError {
    #[error("config.json could not be loaded: {0}")]
    Fetch(FetchError),
    #[error("config.json: {key}: {message}")]
    Invalid { key: String, message: String },
}

pub const LOCALES: [&str; 3] = ["fr", "en", "ar"];

impl Config {
    /// Parses and validates config text.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let config: Config = serde_json::from_str(text).map_err(|e| {
            let key = key_path::key_at(text, e.line(), e.column());
            ConfigError::Invalid {
                key: if key.is_empty() { "(file)".into() } else { key },
                message: e.to_string(),
            }
        })?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, message: String| {
            Err(ConfigError::Invalid {
                key: key.into(),
                message,
            })
        };
        if self.version != CONFIG_VERSION {
            return bad(
                "version",
                format!(
                    "unsupported version {}; this build reads version {CONFIG_VERSION}",
                    self.version
                ),
            );
        }
        if !crate::source::is_built(self.api.kind) {
            // The loader picks the bundle from api.kind; only a build without
            // that flavor (`trunk serve`, or a copy missing its files) gets here.
            return bad(
                "api.kind",
                format!(
                    "{:?}: this bundle was built without that source; deploy the release build \
                     (`make build` builds one bundle per source)",
                    self.api.kind.name()
                ),
            );
        }
        let base = self.api.base_url.trim();
        if base.is_empty() {
            return bad("api.base_url", "must not be empty".into());
        }
        if base.contains("://") && !(base.starts_with("https://") || base.starts_with("http://")) {
            return bad("api.base_url", format!("{base:?} must be http(s) or a relative path"));
        }
        for (key, list) in [
            ("csp.img_src", &self.csp.img_src),
            ("csp.connect_src", &self.csp.connect_src),
            ("csp.frame_src", &self.csp.frame_src),
        ] {
            if let Some(source) = list.iter().find(|s| !crate::csp::is_allowed_source(s)) {
                return bad(
                    key,
                    format!("{source:?} is not an origin (https://host) or a scheme (https:)"),
                );
            }
        }
        if let Some(n) = self.site.posts_per_page.filter(|n| !(1..=100).contains(n)) {
            return bad("site.posts_per_page", format!("{n} is outside 1..=100"));
        }
        if !(500..=120_000).contains(&self.api.timeout_ms) {
            return bad(
                "api.timeout_ms",
                format!("{} is outside 500..=120000", self.api.timeout_ms),
            );
        }
        for (key, url) in [
            ("api.most_read_url", &self.api.most_read_url),
            ("api.view_count_url", &self.api.view_count_url),
        ] {
            let Some(url) = url else { continue };
            if self.api.kind != ApiKind::Wordpress {
                return bad(key, "is only read with \"kind\": \"wordpress\"".into());
            }
            let url = url.trim();
            let absolute = url.starts_with("https://") || url.starts_with("http://");
            if !(absolute || (url.starts_with('/') && !url.starts_with("//"))) || url.contains(char::is_whitespace) {
                return bad(
                    key,
                    format!("{url:?} must be an absolute http(s) URL or a REST route starting with /"),
                );
            }
        }
        if let Some(url) = &self.api.comments_url {
            let key = "api.comments_url";
            if self.api.kind != ApiKind::Static {
                return bad(key, "is only read with \"kind\": \"static\"".into());
            }
            let url = url.trim();
            let absolute = url.starts_with("https://") || url.starts_with("http://");
            if !(absolute || (url.starts_with('/') && !url.starts_with("//"))) || url.contains(char::is_whitespace) {
                return bad(
                    key,
                    format!("{url:?} must be an absolute http(s) URL or a path starting with /"),
                );
            }
        }
        if let Some(url) = &self.api.unlock_url {
            let key = "api.unlock_url";
            if self.api.kind != ApiKind::Static {
                return bad(
                    key,
                    "is only read with \"kind\": \"static\" (WordPress unlocks its own)".into(),
                );
            }
            if !http::may_send_credentials(url)
                || url.contains(char::is_whitespace)
                || crate::csp::origin_of(url).is_none()
            {
                return bad(
                    key,
                    format!("{url:?} must be an https URL (http only to this machine): the REST root, …/wp-json"),
                );
            }
        }
        if let Some(export) = &self.export {
            let url = export.wordpress_url.trim();
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
                return bad(
                    "export.wordpress_url",
                    format!("{url:?} must be an absolute http(s) URL (the REST root, …/wp-json)"),
                );
            }
        }
        if let Some(locale) = &self.site.locale {
            if !LOCALES.contains(&locale.as_str()) {
                return bad("site.locale", format!("{locale:?} is not one of fr, en, ar"));
            }
        }
        if let Some(format) = &self.site.date_format {
            if crate::i18n::DateStyle::from_php(format).is_none() {
                return bad(
                    "site.date_format",
                    format!("{format:?} is not a date format Kiosque writes (j F Y, F j, Y, d/m/Y, Y-m-d, m/d/Y…)"),
                );
            }
        }
        if let Some(url) = &self.site.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return bad("site.url", format!("{url:?} must be an absolute http(s) URL"));
            }
        }
        if let Some(feed) = &self.site.feed_url {
            if !(feed.starts_with("https://") || feed.starts_with("http://") || feed.starts_with('/')) {
                return bad(
                    "site.feed_url",
                    format!("{feed:?} must be an http(s) URL or a site path"),
                );
            }
        }
        for (key, nav) in [("site.nav", &self.site.nav), ("site.footer_nav", &self.site.footer_nav)] {
            if let Some(entries) = nav {
                crate::config_nav::check(entries, key)
                    .map_err(|(key, message)| ConfigError::Invalid { key, message })?;
            }
        }
        crate::config_types::check(&self.post_types).map_err(|(key, message)| ConfigError::Invalid { key, message })?;
        if let Some(name) = &self.site.name {
            if name.trim().is_empty() {
                return bad("site.name", "must not be empty".into());
            }
        }
        Ok(())
    }

    /// The API root, resolved against the bundle's base URL.
    pub fn api_root(&self, bundle_base: &str) -> String {
        resolve(bundle_base, &self.api.base_url)
    }

    /// `api.comments_url` resolved as the API root is.
    pub fn comments_root(&self, bundle_base: &str) -> Option<String> {
        self.api.comments_url.as_deref().map(|u| resolve(bundle_base, u))
    }
}

/// Resolves `url` against the bundle base (`https://host/sub/`). Absolute
/// http(s) URLs are kept. Any other URL is relative to the bundle root, with or
/// without a leading `/`, so `/api` under a `/sub/` deploy is `/sub/api`.
pub fn resolve(bundle_base: &str, url: &str) -> String {
    let url = url.trim();
    if url.starts_with("https://") || url.starts_with("http://") {
        return url.trim_end_matches('/').to_string();
    }
    if let Some(rest) = url.strip_prefix("//") {
        let scheme = if bundle_base.starts_with("http://") {
            "http:"
        } else {
            "https:"
        };
        return format!("{scheme}//{}", rest.trim_end_matches('/'));
    }
    let mut base = bundle_base.split(['?', '#']).next().unwrap_or("").to_string();
    if !base.ends_with('/') {
        // A document URL: drop its last segment.
        match base.rfind('/') {
            Some(i) => base.truncate(i + 1),
            None => base.push('/'),
        }
    }
    let rel = url.trim_start_matches("./").trim_start_matches('/');
    format!("{base}{}", rel.trim_end_matches('/'))
}

/// Loads `config.json` from the bundle base through `door`: its text (the
/// prerender stamp hashes it) and what it says.
pub async fn load(door: &http::Door, bundle_base: &str) -> (Option<std::sync::Arc<str>>, Result<Config, ConfigError>) {
    let url = resolve(bundle_base, "config.json");
    match door.get_text_fresh(&url, http::DEFAULT_TIMEOUT_MS).await {
        Ok(text) => {
            let config = Config::parse(&text);
            (Some(text), config)
        }
        Err(e) => (None, Err(ConfigError::Fetch(e))),
    }
}

#[cfg(test)]
mod tests;
