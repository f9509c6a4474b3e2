//! Native variant (tests, prerender). Site-relative URLs (`/api/x.json`), and
//! URLs under the local base the prerender sets, are read from the public
//! directory (`KIOSQUE_PUBLIC_DIR`, default `public`, or the prerender's
//! `dist/`), so native code sees the same files the browser fetches. Remote
//! URLs go over HTTP with the `native-http` feature, and are `Offline` without it.

use std::path::PathBuf;
use std::sync::RwLock;

use super::{check_body_size, FetchError, Fetched, Mode};

/// `(base URL, directory)`: URLs under the base are files in the directory.
static LOCAL: RwLock<Option<(String, PathBuf)>> = RwLock::new(None);

/// Serves URLs under `base_url` (`https://host/sub/`) and site-relative URLs
/// from `dir` (the prerender's `dist/`).
pub fn serve_locally(base_url: &str, dir: PathBuf) {
    if let Ok(mut local) = LOCAL.write() {
        *local = Some((base_url.trim_end_matches('/').to_string(), dir));
    }
}

/// The file behind a local URL, or `None` for a remote one.
fn local_file(url: &str) -> Option<Result<PathBuf, FetchError>> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let local = LOCAL.read().ok().and_then(|l| l.clone());
    let (rel, root) = match &local {
        Some((base, dir)) if !base.is_empty() && path.starts_with(base.as_str()) => {
            (path[base.len()..].to_string(), dir.clone())
        }
        _ if path.contains("://") || path.starts_with("//") => return None,
        Some((_, dir)) => (path.to_string(), dir.clone()),
        None => (
            path.to_string(),
            PathBuf::from(std::env::var("KIOSQUE_PUBLIC_DIR").unwrap_or_else(|_| "public".into())),
        ),
    };
    if rel.split('/').any(|seg| seg == "..") {
        return Some(Err(FetchError::NotFound));
    }
    Some(Ok(root.join(rel.trim_start_matches('/'))))
}

pub async fn get_text(url: &str, timeout_ms: u32, _mode: Mode) -> Result<Fetched, FetchError> {
    match local_file(url) {
        Some(file) => match std::fs::read_to_string(file?) {
            Ok(text) => {
                // Bytes first: UTF-16 never needs more units than UTF-8 bytes.
                if check_body_size(text.len() as u64).is_err() {
                    check_body_size(text.encode_utf16().count() as u64)?;
                }
                Ok(Fetched::new(text))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(FetchError::NotFound),
            Err(e) => Err(FetchError::BadData(e.kind().to_string())),
        },
        None => remote::get(url, timeout_ms),
    }
}

#[cfg(feature = "native-http")]
mod remote {
    use std::time::Duration;

    use super::{FetchError, Fetched};

    /// Bigger answers are refused: no page needs them.
    const MAX_BYTES: u64 = 16 * 1024 * 1024;

    /// A blocking GET: the prerender renders one page at a time.
    pub fn get(url: &str, timeout_ms: u32) -> Result<Fetched, FetchError> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_millis(u64::from(timeout_ms))))
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent
            .get(url)
            .header("Accept", "application/json")
            .call()
            .map_err(|e| match e {
                ureq::Error::Timeout(_) => FetchError::Timeout,
                _ => FetchError::Offline,
            })?;
        if let Some(error) = FetchError::from_status(response.status().as_u16()) {
            return Err(error);
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type").unwrap_or_default();
        if !super::super::is_json_content_type(&content_type) {
            return Err(FetchError::BadData(format!("not JSON ({content_type})")));
        }
        let total = header("x-wp-total").and_then(|v| v.trim().parse().ok());
        let total_pages = header("x-wp-totalpages").and_then(|v| v.trim().parse().ok());
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BYTES)
            .read_to_string()
            .map_err(|e| FetchError::BadData(e.to_string()))?;
        Ok(Fetched {
            body: body.into(),
            total,
            total_pages,
        })
    }
}

#[cfg(not(feature = "native-http"))]
mod remote {
    use super::{FetchError, Fetched};

    pub fn get(_url: &str, _timeout_ms: u32) -> Result<Fetched, FetchError> {
        Err(FetchError::Offline)
    }
}

/// Nothing is cached natively.
pub fn forget(_url: &str) {}

/// Nothing to warm natively.
pub fn prefetch(_url: &str, _timeout_ms: u32) {}

/// Natively nothing is counted or sent: a POST to a remote URL is `Offline`;
/// a site-relative one has nothing to write to and succeeds.
pub async fn post_json(url: &str, _body: String, _timeout_ms: u32) -> Result<(), FetchError> {
    if url.contains("://") || url.starts_with("//") {
        return Err(FetchError::Offline);
    }
    Ok(())
}

/// Nothing to send natively.
pub fn post_json_detached(_url: &str, _body: String, _timeout_ms: u32) {}
