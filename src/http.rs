//! The one network door. Every request passes through `get_json`: a timeout,
//! cancellation when the view that asked is cleaned up, status and
//! content-type checks, and a typed error. The wasm variant uses gloo-net;
//! the native variant (tests, prerender) reads the same files from disk.

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

/// Parses JSON text into `T`, naming the failing field in the error.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, FetchError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path.is_empty() || path == "." {
            FetchError::BadData(inner.to_string())
        } else {
            FetchError::BadData(format!("{path}: {inner}"))
        }
    })
}

/// Default per-request timeout.
pub const DEFAULT_TIMEOUT_MS: u32 = 8_000;

#[cfg(target_arch = "wasm32")]
pub use wasm::get_text;

#[cfg(not(target_arch = "wasm32"))]
pub use native::get_text;

/// GETs `url` and decodes its JSON body into `T`.
pub async fn get_json<T: DeserializeOwned>(url: &str, timeout_ms: u32) -> Result<T, FetchError> {
    let text = get_text(url, timeout_ms).await?;
    parse_json(&text)
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{is_json_content_type, FetchError};

    /// GETs `url` (absolute) and returns its body if it is JSON. gloo-net
    /// futures are `!Send`; the browser is single-threaded, so `SendWrapper`
    /// lets them feed a `Resource` (which prerendering needs).
    pub fn get_text(
        url: &str,
        timeout_ms: u32,
    ) -> impl std::future::Future<Output = Result<String, FetchError>> + Send {
        let url = url.to_string();
        send_wrapper::SendWrapper::new(async move { fetch_text(&url, timeout_ms).await })
    }

    async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, FetchError> {
        // Abort when the owner that asked (a page, a resource) is cleaned up.
        let controller = web_sys::AbortController::new().ok();
        let timeout = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
        let signal = match &controller {
            Some(c) => {
                let both = js_sys::Array::of2(&c.signal(), &timeout);
                web_sys::AbortSignal::any(&both)
            }
            None => timeout.clone(),
        };
        if let Some(c) = controller {
            let c = send_wrapper::SendWrapper::new(c);
            leptos::prelude::on_cleanup(move || c.abort());
        }
        let response = gloo_net::http::Request::get(url)
            .header("Accept", "application/json")
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|e| classify(e, &timeout))?;
        if let Some(err) = FetchError::from_status(response.status()) {
            return Err(err);
        }
        let ct = response.headers().get("content-type").unwrap_or_default();
        if !is_json_content_type(&ct) {
            return Err(FetchError::BadData(format!(
                "expected JSON, got {:?}",
                ct.chars().take(60).collect::<String>()
            )));
        }
        response.text().await.map_err(|e| classify(e, &timeout))
    }

    fn classify(e: gloo_net::Error, timeout: &web_sys::AbortSignal) -> FetchError {
        if timeout.aborted() {
            return FetchError::Timeout;
        }
        match e {
            gloo_net::Error::JsError(js) if js.name == "TimeoutError" => FetchError::Timeout,
            gloo_net::Error::JsError(js) if js.name == "AbortError" => FetchError::Aborted,
            gloo_net::Error::JsError(_) => FetchError::Offline,
            gloo_net::Error::SerdeError(e) => FetchError::BadData(e.to_string()),
            gloo_net::Error::GlooError(_) => FetchError::Offline,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::FetchError;

    /// Native variant: site-relative URLs (`/api/x.json`) are read from the
    /// public directory (`KIOSQUE_PUBLIC_DIR`, default `public`), so tests and
    /// prerendering see the same files the browser fetches.
    pub async fn get_text(url: &str, _timeout_ms: u32) -> Result<String, FetchError> {
        let path = url.split(['?', '#']).next().unwrap_or("");
        if path.contains("://") || path.starts_with("//") {
            // Remote sources natively arrive with the prerender issue.
            return Err(FetchError::Offline);
        }
        if path.split('/').any(|seg| seg == "..") {
            return Err(FetchError::NotFound);
        }
        let root = std::env::var("KIOSQUE_PUBLIC_DIR").unwrap_or_else(|_| "public".into());
        let file = std::path::Path::new(&root).join(path.trim_start_matches('/'));
        match std::fs::read_to_string(&file) {
            Ok(text) => Ok(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(FetchError::NotFound),
            Err(e) => Err(FetchError::BadData(e.kind().to_string())),
        }
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
    fn parse_errors_name_the_field() {
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
            FetchError::BadData(m) => assert!(m.starts_with("items[1].n:"), "{m}"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse_json::<Outer>("<html>"), Err(FetchError::BadData(_))));
    }
}
