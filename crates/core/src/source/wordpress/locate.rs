//! Sites with plain permalinks (`?p=123`): WordPress has no rewrite rules
//! there, so `/wp-json/` is a 404 (or the home page) and the REST API answers
//! at `/?rest_route=/`. A publisher may configure either root. When a
//! `…/wp-json` root fails that way, the source asks the plain root's index
//! once; if it answers, every request of the source goes there from then on.
//!
//! Why not the home page's `Link: <…>; rel="https://api.w.org/"` header: in
//! the browser, the home page is a cross-origin HTML answer without CORS
//! headers, so its headers cannot be read; the REST index can (WordPress
//! sends CORS headers on REST answers), and it says the same.

use serde_json::Value;

use super::urls::Urls;
use super::WordPressSource;
use crate::http::FetchError;

/// Where this source found the REST API.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Rest {
    /// Not known yet: nothing answered so far.
    #[default]
    Unknown,
    /// At the configured root.
    Configured,
    /// At the plain-permalink root (`home/?rest_route=`).
    Plain,
}

/// A failure that says "no REST API here", as a plain-permalink site answers
/// `/wp-json/…`: WordPress's 404 page, or its home page (HTML, not JSON).
fn says_missing(e: &FetchError) -> bool {
    matches!(e, FetchError::NotFound | FetchError::BadData(_))
}

impl WordPressSource {
    /// `url`, made under the configured root, where the site answers.
    pub(super) fn located(&self, url: &str) -> String {
        match (self.rest(), &self.plain) {
            (Rest::Plain, Some(plain)) => self.urls.moved_to(url, plain).unwrap_or_else(|| url.to_string()),
            _ => url.to_string(),
        }
    }

    /// Notes that the configured root answered.
    pub(super) fn rest_answered(&self) {
        if self.rest() == Rest::Unknown {
            self.set_rest(Rest::Configured);
        }
    }

    /// After `url` (under the configured root) failed with `e`: the URL to
    /// ask instead when the site turns out to have plain permalinks. Decided
    /// once: a configured index that answers keeps the configured root (a
    /// real 404, say an unknown ID, moves nothing), else the plain root's
    /// index must answer.
    pub(super) async fn relocated(&self, url: &str, e: &FetchError) -> Option<String> {
        let plain = self.plain.as_ref()?;
        let moved = self.urls.moved_to(url, plain)?;
        match self.rest() {
            Rest::Plain => return Some(moved),
            Rest::Configured => return None,
            Rest::Unknown if !says_missing(e) => return None,
            Rest::Unknown => {}
        }
        let index = self.urls.index();
        if url != index && self.is_index(&index).await {
            self.set_rest(Rest::Configured);
            return None;
        }
        let found = self.is_index(&plain.index()).await;
        self.set_rest(if found { Rest::Plain } else { Rest::Configured });
        found.then_some(moved)
    }

    /// Whether `url` answers as a REST index (it lists namespaces).
    async fn is_index(&self, url: &str) -> bool {
        matches!(
            self.fetch_raw::<Value>(url).await,
            Ok((index, _)) if index.get("namespaces").is_some()
        )
    }
}

/// The plain-permalink root to try for `urls`, if it has one.
pub(super) fn fallback(urls: &Urls) -> Option<Urls> {
    urls.plain_fallback()
}
