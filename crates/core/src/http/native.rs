//! Native variant (tests, prerender). The door is a value, built by whoever
//! renders: URLs under its local base URL, and site-relative URLs
//! (`/api/x.json`), are read from its directory (the prerender's `dist/`, or
//! a test's `public/`), so native code sees the same files the browser
//! fetches. Remote URLs go over HTTP only when the door allows it (the
//! `native-http` feature), and are `Offline` otherwise.

use std::path::PathBuf;
use std::sync::Arc;

use super::{check_body_size, may_send_credentials, Answer, FetchError, Fetched, Mode};

/// Where native requests go. Cheap to clone (one `Arc`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Door {
    /// `None`: no files at all (the default door reads and reaches nothing).
    local: Option<Arc<Local>>,
    /// Whether remote URLs go over HTTP (else they are `Offline`).
    remote: bool,
    /// An `Authorization` header for remote GETs (the export's application
    /// password), sent only over HTTPS or to this machine.
    authorization: Option<Secret>,
    /// Told of every answer (`Door::watched`).
    watcher: Option<Watcher>,
}

/// A header value that never shows in logs or `Debug` output.
#[derive(Clone, PartialEq, Eq)]
struct Secret(Arc<str>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Sees each URL a door answers and the answer (the prerender records what
/// every page read, so a later run can tell which pages' inputs changed).
pub type Watch = dyn Fn(&str, &Result<Fetched, FetchError>) + Send + Sync;

#[derive(Clone)]
struct Watcher(Arc<Watch>);

/// Two doors are the same door only with the same watcher.
impl PartialEq for Watcher {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Watcher {}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watcher")
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Local {
    /// The base URL without its trailing slash (`https://host/sub`).
    base: String,
    dir: PathBuf,
}

impl Door {
    /// Serves URLs under `base_url` (`https://host/sub/`) and site-relative
    /// URLs from the files in `dir`. Remote URLs are `Offline`.
    pub fn local(base_url: &str, dir: impl Into<PathBuf>) -> Door {
        Door {
            local: Some(Arc::new(Local {
                base: base_url.trim_end_matches('/').to_string(),
                dir: dir.into(),
            })),
            remote: false,
            authorization: None,
            watcher: None,
        }
    }

    /// Sends `Authorization: <value>` with remote GETs that may carry it
    /// ([`may_send_credentials`]); the others go without.
    #[cfg(feature = "native-http")]
    pub fn with_authorization(self, value: &str) -> Door {
        Door {
            authorization: Some(Secret(value.into())),
            ..self
        }
    }

    /// This door, telling `watch` of every answer it gives.
    pub fn watched(self, watch: Arc<Watch>) -> Door {
        Door {
            watcher: Some(Watcher(watch)),
            ..self
        }
    }

    /// Answers `url` now, unwatched: natively every request is ready at
    /// once (files, or a blocking GET).
    pub fn get_now(&self, url: &str, timeout_ms: u32) -> Result<Fetched, FetchError> {
        match self.local_file(url) {
            Some(file) => read_file(file?),
            None if self.remote => {
                let auth = self
                    .authorization
                    .as_ref()
                    .filter(|_| may_send_credentials(url))
                    .map(|s| &*s.0);
                remote::get(url, timeout_ms, auth)
            }
            None => Err(FetchError::Offline),
        }
    }

    /// Also GETs remote URLs over HTTP (the publisher's command prerendering
    /// a WordPress site).
    #[cfg(feature = "native-http")]
    pub fn with_remote_http(self) -> Door {
        Door { remote: true, ..self }
    }

    /// The file behind a local URL, or `None` for a remote one.
    fn local_file(&self, url: &str) -> Option<Result<PathBuf, FetchError>> {
        let path = url.split(['?', '#']).next().unwrap_or("");
        let remote = path.contains("://") || path.starts_with("//");
        let local = self.local.as_deref();
        let (rel, root) = match local {
            Some(l) if under(path, &l.base) => (&path[l.base.len()..], &l.dir),
            _ if remote => return None,
            Some(l) => (path, &l.dir),
            // No directory: a site-relative URL names no file.
            None => return Some(Err(FetchError::Offline)),
        };
        if rel.split('/').any(|seg| seg == "..") {
            return Some(Err(FetchError::NotFound));
        }
        Some(Ok(root.join(rel.trim_start_matches('/'))))
    }
}

/// `path` is `base` or below it: `https://h.test` holds `https://h.test/x`
/// but not `https://h.test:8081/x` (another server) nor `https://h.test.evil/`.
fn under(path: &str, base: &str) -> bool {
    !base.is_empty()
        && path
            .strip_prefix(base)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

pub async fn get_text(door: &Door, url: &str, timeout_ms: u32, _mode: Mode) -> Result<Fetched, FetchError> {
    let answer = door.get_now(url, timeout_ms);
    if let Some(Watcher(watch)) = &door.watcher {
        watch(url, &answer);
    }
    answer
}

fn read_file(file: PathBuf) -> Result<Fetched, FetchError> {
    match std::fs::read_to_string(file) {
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

// Remote HTTP (ureq), with the `native-http` feature; `Offline` without.
#[path = "remote.rs"]
mod remote;

/// Nothing is cached natively.
pub fn forget(_door: &Door, _url: &str) {}

/// Nothing to warm natively.
pub fn prefetch(_door: &Door, _url: &str, _timeout_ms: u32) {}

/// Natively nothing is counted or sent: a POST to a remote URL is `Offline`;
/// a site-relative one has nothing to write to and succeeds.
pub async fn post_json(_door: &Door, url: &str, _body: String, _timeout_ms: u32) -> Result<(), FetchError> {
    if url.contains("://") || url.starts_with("//") {
        return Err(FetchError::Offline);
    }
    Ok(())
}

/// A POST whose answer matters (a comment): over HTTP when the door allows
/// remote URLs (tests against the test WordPress, recording fixtures), else
/// `Offline`; nothing local accepts one. No credentials are sent.
pub async fn post_json_answer(door: &Door, url: &str, body: String, timeout_ms: u32) -> Result<Answer, FetchError> {
    match door.local_file(url) {
        None if door.remote => remote::post(url, &body, timeout_ms),
        _ => Err(FetchError::Offline),
    }
}

/// An editor's authenticated GET (a preview): the browser's business only.
/// Previews are never prerendered, so natively there is no network for them.
pub async fn get_answer_authorized(
    _door: &Door,
    _url: &str,
    _authorization: &str,
    _timeout_ms: u32,
) -> Result<Answer, FetchError> {
    Err(FetchError::Offline)
}

/// Nothing to send natively.
pub fn post_json_detached(_door: &Door, _url: &str, _body: String, _timeout_ms: u32) {}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::FutureExt;

    /// Native requests never wait: they are ready on the first poll.
    fn get(door: &Door, url: &str) -> Result<Fetched, FetchError> {
        get_text(door, url, 1000, Mode::Owned).now_or_never().unwrap()
    }

    const PUBLIC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public");

    #[test]
    fn a_local_door_reads_its_directory() {
        let door = Door::local("https://h.test/news/", PUBLIC);
        let site = |url: &str| get(&door, url);
        let by_base = site("https://h.test/news/api/site.json").unwrap();
        assert_eq!(site("/api/site.json").unwrap(), by_base);
        assert!(by_base.body.contains("\"nav\""));
        assert_eq!(site("/api/none.json"), Err(FetchError::NotFound));
        assert_eq!(site("/api/../../Cargo.toml"), Err(FetchError::NotFound));
        // Remote without `with_remote_http`, even with the feature on.
        assert_eq!(site("https://elsewhere.test/api/site.json"), Err(FetchError::Offline));
    }

    #[test]
    fn a_base_without_a_path_holds_only_its_own_server() {
        let door = Door::local("http://127.0.0.1", PUBLIC);
        assert!(get(&door, "http://127.0.0.1/api/site.json").is_ok());
        // Another port is another server (the test WordPress beside the site).
        assert_eq!(
            get(&door, "http://127.0.0.1:8081/api/site.json"),
            Err(FetchError::Offline)
        );
        assert_eq!(
            get(&door, "http://127.0.0.1.evil.test/api/site.json"),
            Err(FetchError::Offline)
        );
    }

    #[test]
    fn credentials_go_only_over_https_or_to_this_machine() {
        for ok in [
            "https://wp.example/wp-json",
            "http://127.0.0.1:8081/wp-json",
            "http://localhost/wp-json",
            "http://[::1]:80/x",
        ] {
            assert!(may_send_credentials(ok), "{ok}");
        }
        for no in [
            "http://wp.example/wp-json",
            "http://127.0.0.1.evil.example/",
            "http://localhost.evil.example/x",
            "http://user@127.0.0.1/",
            "ftp://127.0.0.1/",
            "/api/x.json",
        ] {
            assert!(!may_send_credentials(no), "{no}");
        }
        let door = Door {
            authorization: Some(Secret("Basic hunter2".into())),
            ..Door::default()
        };
        assert!(!format!("{door:?}").contains("hunter2"));
    }

    #[test]
    fn a_watched_door_tells_of_every_answer() {
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = seen.clone();
        let door = Door::local("https://h.test/", PUBLIC).watched(Arc::new(
            move |url: &str, answer: &Result<Fetched, FetchError>| {
                log.lock().unwrap().push((url.to_string(), answer.is_ok()));
            },
        ));
        assert!(get(&door, "/api/site.json").is_ok());
        assert!(get(&door, "/api/none.json").is_err());
        assert_eq!(
            door.get_now("/api/site.json", 1000),
            get(&door, "/api/site.json"),
            "unwatched, same answer"
        );
        let seen = seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            [
                ("/api/site.json".to_string(), true),
                ("/api/none.json".to_string(), false),
                ("/api/site.json".to_string(), true)
            ]
        );
    }

    #[test]
    fn a_post_without_remote_http_is_offline() {
        let door = Door::local("https://h.test/", PUBLIC);
        for url in ["https://wp.test/wp-json/wp/v2/comments", "/api/site.json"] {
            let answer = post_json_answer(&door, url, "{}".into(), 1000).now_or_never().unwrap();
            assert_eq!(answer, Err(FetchError::Offline), "{url}");
        }
    }

    #[test]
    fn the_default_door_reaches_nothing() {
        let door = Door::default();
        for url in ["/api/site.json", "https://h.test/api/site.json"] {
            assert_eq!(get(&door, url), Err(FetchError::Offline));
        }
    }
}
