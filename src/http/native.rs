//! Native variant: site-relative URLs (`/api/x.json`) are read from the
//! public directory (`KIOSQUE_PUBLIC_DIR`, default `public`), so tests and
//! prerendering see the same files the browser fetches.

use super::{check_body_size, FetchError, Fetched, Mode};

pub async fn get_text(url: &str, _timeout_ms: u32, _mode: Mode) -> Result<Fetched, FetchError> {
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
        Ok(text) => {
            // Bytes first: UTF-16 never needs more units than UTF-8 bytes.
            if check_body_size(text.len() as u64).is_err() {
                check_body_size(text.encode_utf16().count() as u64)?;
            }
            Ok(Fetched::new(text))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(FetchError::NotFound),
        Err(e) => Err(FetchError::BadData(e.kind().to_string())),
    }
}

/// Nothing is cached natively.
pub fn forget(_url: &str) {}

/// Nothing to warm natively: reads are local.
pub fn prefetch(_url: &str, _timeout_ms: u32) {}

/// No network natively (tests, prerender): a POST to a remote URL is
/// `Offline`; a site-relative one has nothing to write to and succeeds.
pub async fn post_json(url: &str, _body: String, _timeout_ms: u32) -> Result<(), FetchError> {
    if url.contains("://") || url.starts_with("//") {
        return Err(FetchError::Offline);
    }
    Ok(())
}

/// Nothing to send natively.
pub fn post_json_detached(_url: &str, _body: String, _timeout_ms: u32) {}
