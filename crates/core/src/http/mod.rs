//! The one network door. Every request passes through here: a timeout,
//! cancellation when no view wants the answer any more, status and
//! content-type checks, a typed error, bounded retries, de-duplication and a
//! size-capped cache. The wasm variant uses gloo-net; the native variant
//! (tests, prerender) reads the same files from disk.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Why a request failed. Each variant has a localized message (see `i18n`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FetchError {
    #[error("the network is unreachable")]
    Offline,
    #[error("the server took too long to answer")]
    Timeout,
    #[error("not found")]
    NotFound,
    #[error("the server failed (HTTP {0})")]
    Server(u16),
    #[error("access refused (HTTP {0})")]
    Denied(u16),
    #[error("unexpected answer (HTTP {0})")]
    Status(u16),
    #[error("unreadable data: {0}")]
    BadData(String),
    /// The body is longer than `MAX_BODY_CHARS`: refused unread or unparsed,
    /// so a runaway answer cannot freeze or exhaust the page.
    #[error("the answer is too large")]
    TooLarge,
    #[error("cancelled")]
    Aborted,
}

impl FetchError {
    /// Whether trying again later may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(self, FetchError::Offline | FetchError::Timeout | FetchError::Server(_))
    }

    pub fn from_status(status: u16) -> Option<FetchError> {
        match status {
            200..=299 => None,
            404 | 410 => Some(FetchError::NotFound),
            401 | 403 => Some(FetchError::Denied(status)),
            500..=599 => Some(FetchError::Server(status)),
            _ => Some(FetchError::Status(status)),
        }
    }
}

/// Checks a `Content-Type` header value: JSON only (`application/json`,
/// `application/*+json`), so an HTML error page is never parsed as data.
pub fn is_json_content_type(value: &str) -> bool {
    let mime = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

/// Parses JSON text into `T`; the error gives the line and column. (Field
/// paths, as `config.json` and WordPress objects get, would cost ~15 KB of
/// wasm across every data type.)
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, FetchError> {
    serde_json::from_str(text).map_err(|e| FetchError::BadData(e.to_string()))
}

/// Default per-request timeout.
pub const DEFAULT_TIMEOUT_MS: u32 = 8_000;

/// The longest body accepted, in UTF-16 code units (a JavaScript string's
/// length; for JSON, about its size in bytes): 8 Mi. Kiosque's own largest
/// file, the search index, is far below it.
pub const MAX_BODY_CHARS: usize = 8 * 1024 * 1024;

/// `Err(TooLarge)` when a text of `len` UTF-16 units exceeds the cap.
pub fn check_body_size(len: u64) -> Result<(), FetchError> {
    if len > MAX_BODY_CHARS as u64 {
        Err(FetchError::TooLarge)
    } else {
        Ok(())
    }
}

/// Before reading a body: `Err(TooLarge)` when its `Content-Length` alone
/// proves the text too long (UTF-8 takes at most 3 bytes per UTF-16 unit).
/// A compressed body can still decode to more, so the text is checked too.
pub fn check_content_length(bytes: u64) -> Result<(), FetchError> {
    check_body_size(bytes / 3)
}

/// Whether credentials may travel to `url`: HTTPS, or plain HTTP to a
/// loopback host (a WordPress on the same machine): the export's
/// application password and an editor's preview login alike.
pub fn may_send_credentials(url: &str) -> bool {
    if url.starts_with("https://") {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return false;
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    };
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// A POST's answer, error statuses included: WordPress explains a refusal
/// in a JSON body (`{"code": "comment_duplicate", …}`) the caller maps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: std::sync::Arc<str>,
}

/// Checks a POST's answer: any status with a JSON body is an `Answer` (its
/// reader decides); without JSON, an error status is its typed error and a
/// success is `BadData` (an HTML page is never read as data).
pub fn check_answer(status: u16, content_type: &str, body: &str) -> Result<Answer, FetchError> {
    check_body_size(body.len() as u64)?;
    if is_json_content_type(content_type) {
        return Ok(Answer {
            status,
            body: body.into(),
        });
    }
    Err(FetchError::from_status(status).unwrap_or_else(|| {
        FetchError::BadData(format!(
            "expected JSON, got {:?}",
            content_type.chars().take(60).collect::<String>()
        ))
    }))
}

pub mod cache;
pub mod retry;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(not(target_arch = "wasm32"))]
use native as imp;
#[cfg(target_arch = "wasm32")]
use wasm as imp;

/// Where requests go, handed to whatever fetches (a `Source`, the config
/// loader) when it is built: in the browser, the browser's `fetch`
/// (`Door::browser()`, also the default); natively, files in a directory
/// (`Door::local(base_url, dir)`) and, when allowed, remote HTTP. The
/// native default reads and reaches nothing (every request is `Offline`).
pub use imp::Door;

/// How a request relates to the views and the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A view's data: cached, shared with identical requests, and aborted
    /// once no view that asked for it is left.
    Owned,
    /// A warm-up (hover, focus): cached and shared, owned by nobody, so the
    /// page that started it can go away without cancelling it.
    Prefetch,
    /// Always from the network, never cached (`config.json`).
    Fresh,
}

/// A successful JSON answer, with the pagination headers a WordPress API
/// sends (`X-WP-Total`, `X-WP-TotalPages`).
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched {
    pub body: std::sync::Arc<str>,
    pub total: Option<u32>,
    pub total_pages: Option<u32>,
}

impl Fetched {
    pub fn new(body: impl Into<std::sync::Arc<str>>) -> Self {
        Fetched {
            body: body.into(),
            total: None,
            total_pages: None,
        }
    }
}

/// Pagination totals from response headers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paging {
    pub total: Option<u32>,
    pub total_pages: Option<u32>,
}

impl Door {
    /// GETs `url` (JSON only) for a view and decodes it into `T`.
    pub async fn get_json<T: DeserializeOwned>(&self, url: &str, timeout_ms: u32) -> Result<T, FetchError> {
        Ok(self.get_json_paged(url, timeout_ms).await?.0)
    }

    /// Like `get_json`, with the pagination headers.
    pub async fn get_json_paged<T: DeserializeOwned>(
        &self,
        url: &str,
        timeout_ms: u32,
    ) -> Result<(T, Paging), FetchError> {
        let fetched = imp::get_text(self, url, timeout_ms, Mode::Owned).await?;
        let paging = Paging {
            total: fetched.total,
            total_pages: fetched.total_pages,
        };
        match parse_json(&fetched.body) {
            Ok(value) => Ok((value, paging)),
            Err(e) => {
                // A body that cannot be decoded must not be served again from
                // the cache: retrying has to reach the server.
                imp::forget(self, url);
                Err(e)
            }
        }
    }

    /// GETs `url` bypassing the cache.
    pub async fn get_text_fresh(&self, url: &str, timeout_ms: u32) -> Result<std::sync::Arc<str>, FetchError> {
        Ok(imp::get_text(self, url, timeout_ms, Mode::Fresh).await?.body)
    }

    /// Starts loading `url` into the cache unless it is there or on its way.
    pub fn prefetch(&self, url: &str, timeout_ms: u32) {
        imp::prefetch(self, url, timeout_ms);
    }

    /// POSTs a JSON `body` to `url` once (a timeout, no retry, never cached).
    /// Natively there is no network: `Offline` for remote URLs.
    pub async fn post_json(&self, url: &str, body: String, timeout_ms: u32) -> Result<(), FetchError> {
        imp::post_json(self, url, body, timeout_ms).await
    }

    /// POSTs a JSON `body` to `url` once (a timeout, no retry, never cached)
    /// and returns the answer whatever its status, when it is JSON
    /// ([`check_answer`]). Natively, remote URLs need `with_remote_http`.
    pub async fn post_json_answer(&self, url: &str, body: String, timeout_ms: u32) -> Result<Answer, FetchError> {
        imp::post_json_answer(self, url, body, timeout_ms).await
    }

    /// GETs `url` once with an `Authorization` header (an editor's preview)
    /// and returns the answer whatever its status, when it is JSON
    /// ([`check_answer`]): WordPress names a refusal in the body. Never
    /// cached (not in the door's cache, nor the browser's HTTP cache), no
    /// retry, and refused (`Denied(0)`) unless [`may_send_credentials`].
    pub async fn get_answer_authorized(
        &self,
        url: &str,
        authorization: &str,
        timeout_ms: u32,
    ) -> Result<Answer, FetchError> {
        if !may_send_credentials(url) {
            return Err(FetchError::Denied(0));
        }
        imp::get_answer_authorized(self, url, authorization, timeout_ms).await
    }

    /// `post_json` in the background, its outcome ignored (view counters and
    /// other beacons must never hold up or break a page).
    pub fn post_json_detached(&self, url: &str, body: String, timeout_ms: u32) {
        imp::post_json_detached(self, url, body, timeout_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_typed_errors() {
        assert_eq!(FetchError::from_status(200), None);
        assert_eq!(FetchError::from_status(404), Some(FetchError::NotFound));
        assert_eq!(FetchError::from_status(403), Some(FetchError::Denied(403)));
        assert_eq!(FetchError::from_status(503), Some(FetchError::Server(503)));
        assert_eq!(FetchError::from_status(418), Some(FetchError::Status(418)));
        assert!(FetchError::Server(500).is_transient());
        assert!(!FetchError::NotFound.is_transient());
        assert!(!FetchError::TooLarge.is_transient());
    }

    #[test]
    fn bodies_over_the_cap_are_too_large() {
        assert_eq!(check_body_size(0), Ok(()));
        assert_eq!(check_body_size(MAX_BODY_CHARS as u64), Ok(()));
        assert_eq!(check_body_size(MAX_BODY_CHARS as u64 + 1), Err(FetchError::TooLarge));
        assert_eq!(check_body_size(u64::MAX), Err(FetchError::TooLarge));
        // Three bytes per unit at most: a body just under 3× the cap may
        // still be short enough once decoded.
        assert_eq!(check_content_length(3 * MAX_BODY_CHARS as u64 + 2), Ok(()));
        assert_eq!(
            check_content_length(3 * MAX_BODY_CHARS as u64 + 3),
            Err(FetchError::TooLarge)
        );
    }

    #[test]
    fn only_json_content_types_pass() {
        assert!(is_json_content_type("application/json"));
        assert!(is_json_content_type("Application/JSON; charset=UTF-8"));
        assert!(is_json_content_type("application/ld+json"));
        assert!(!is_json_content_type("text/html; charset=utf-8"));
        assert!(!is_json_content_type(""));
        assert!(!is_json_content_type("text/json-ish"));
    }

    #[test]
    fn a_post_answer_is_json_whatever_its_status() {
        let json = "application/json; charset=UTF-8";
        let refused = check_answer(409, json, r#"{"code":"comment_duplicate"}"#).unwrap();
        assert_eq!(
            (refused.status, &*refused.body),
            (409, r#"{"code":"comment_duplicate"}"#)
        );
        assert_eq!(check_answer(201, json, "{}").unwrap().status, 201);
        // An HTML error page: the status's own error; an HTML success: bad data.
        assert_eq!(check_answer(503, "text/html", "<h1>"), Err(FetchError::Server(503)));
        assert_eq!(check_answer(403, "text/html", "<h1>"), Err(FetchError::Denied(403)));
        assert!(matches!(
            check_answer(200, "text/html", "<h1>"),
            Err(FetchError::BadData(_))
        ));
        let huge = " ".repeat(MAX_BODY_CHARS + 1);
        assert_eq!(check_answer(201, json, &huge), Err(FetchError::TooLarge));
    }

    #[test]
    fn parse_errors_locate_the_fault() {
        #[derive(Debug, serde::Deserialize)]
        struct Inner {
            #[allow(dead_code)]
            n: u32,
        }
        #[derive(Debug, serde::Deserialize)]
        struct Outer {
            #[allow(dead_code)]
            items: Vec<Inner>,
        }
        let err = parse_json::<Outer>(r#"{"items":[{"n":1},{"n":"x"}]}"#).unwrap_err();
        match err {
            FetchError::BadData(m) => assert!(m.contains("invalid type") && m.contains("column 26"), "{m}"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse_json::<Outer>("<html>"), Err(FetchError::BadData(_))));
    }
}
