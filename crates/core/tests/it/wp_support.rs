//! Recorded WordPress answers for the adapter tests.
//!
//! Every request the adapter makes is answered from
//! `tests/fixtures/wordpress/<name>.json|html` plus `<name>.headers.json`
//! (URL, status, content type, `X-WP-Total`, `X-WP-TotalPages`), where
//! `<name>` is derived from the URL. With `KIOSQUE_WP_RECORD=1` (what
//! `scripts/wordpress/record.sh` sets), the same tests run against the live
//! test WordPress (`scripts/wordpress/up.sh`) and write those files: the
//! fixtures are exactly the requests the adapter makes.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use kiosque_core::http::{is_json_content_type, FetchError, Fetched};
use kiosque_core::source::wordpress::{Transport, WordPressSource};
use serde::{Deserialize, Serialize};

/// The REST root of the test WordPress (also the recorded fixtures' URLs).
pub const ROOT: &str = "http://127.0.0.1:8081/wp-json";
pub const ORIGIN: &str = "http://127.0.0.1:8081";

/// The seeded post whose body links to a category, a tag, an author and
/// another post (scripts/wordpress/seed.php), and the Kiosque routes those
/// links must become, whatever path the WordPress site lives under.
pub const LINKING_POST: &str = "inflation-tunisie-menages-reinventent-panier-de-rentree";
pub const LINKING_ROUTES: [&str; 4] = [
    "/category/economie",
    "/tag/tunisie",
    "/author/leila-benali",
    "/article/maroc-agadir-reseau-bus-electriques",
];

pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress")
}

/// A post body recorded from the test WordPress
/// (`tests/fixtures/wordpress/<set>/<name>.html`), through the converter as
/// the adapter calls it: links to the test WordPress are internal.
pub fn body_fixture(set: &str, name: &str) -> Vec<kiosque_core::model::Block> {
    let path = dir().join(set).join(format!("{name}.html"));
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let opts = kiosque_core::body::BodyOptions {
        internal_origins: vec![ORIGIN.into()],
        ..Default::default()
    };
    kiosque_core::body::html_to_blocks(&html, &opts)
}

pub fn recording() -> bool {
    std::env::var("KIOSQUE_WP_RECORD").is_ok_and(|v| !v.is_empty() && v != "0" && v != "seo-terms")
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub url: String,
    pub status: u16,
    pub content_type: String,
    #[serde(rename = "x-wp-total", default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    #[serde(rename = "x-wp-totalpages", default, skip_serializing_if = "Option::is_none")]
    pub total_pages: Option<u32>,
}

/// A name no other recording thread uses (tests run in parallel and may
/// record the same URL at once).
fn unique(name: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{}-{}-{name}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed))
}

fn fnv(s: &str) -> u32 {
    s.bytes()
        .fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// A readable, unique file name for a URL: the route, the parameters that
/// matter, and a hash of the whole URL.
pub fn name_of(url: &str) -> String {
    let rel = url.strip_prefix(ROOT).unwrap_or(url);
    let (path, query) = rel.split_once('?').unwrap_or((rel, ""));
    let route = path.trim_start_matches("/wp/v2").trim_matches('/').replace('/', "-");
    let mut parts = vec![if route.is_empty() { "index".to_string() } else { route }];
    for pair in query
        .split('&')
        .filter(|p| !p.starts_with("_fields=") && !p.starts_with("_embed="))
    {
        parts.push(
            pair.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect(),
        );
    }
    let mut readable = parts.join(".");
    readable.truncate(60);
    format!("{}.{:08x}", readable.trim_end_matches(['.', '-']), fnv(rel))
}

/// Fetches `url` live with curl (redirects followed, like a browser) and
/// writes the fixture `name`.
pub fn record(url: &str, name: &str, auth: Option<&str>) {
    let tmp = std::env::temp_dir().join(format!("kiosque-wp-{}", unique(&name.replace('/', "_"))));
    let headers = tmp.with_extension("h");
    let mut cmd = Command::new("curl");
    cmd.args(["-sS", "-L", "--compressed", "--max-time", "20", "-o"])
        .arg(&tmp)
        .arg("-D")
        .arg(&headers)
        .args(["-w", "%{http_code} %{content_type}", "-H", "Accept: application/json"]);
    if let Some(a) = auth {
        cmd.args(["-u", a]);
    }
    let out = cmd.arg(url).output().expect("curl runs");
    let written = String::from_utf8_lossy(&out.stdout).to_string();
    let (code, ct) = written.split_once(' ').unwrap_or((&written, ""));
    let status: u16 = code.parse().unwrap_or(0);
    assert!(
        status != 0,
        "recording {url}: is the test WordPress up? {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let head = std::fs::read_to_string(&headers).unwrap_or_default();
    let last = head.rsplit("\r\n\r\n").find(|b| !b.trim().is_empty()).unwrap_or("");
    let header = |n: &str| {
        last.lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(n))
            .and_then(|(_, v)| v.trim().parse().ok())
    };
    let meta = Meta {
        url: url.to_string(),
        status,
        content_type: ct.to_string(),
        total: header("x-wp-total"),
        total_pages: header("x-wp-totalpages"),
    };
    let body = std::fs::read_to_string(&tmp).unwrap_or_default();
    let _ = std::fs::remove_file(&tmp);
    let _ = std::fs::remove_file(&headers);
    std::fs::create_dir_all(dir()).expect("fixture dir");
    let (ext, text) = match serde_json::from_str::<serde_json::Value>(&body) {
        Ok(v) if is_json_content_type(ct) => ("json", serde_json::to_string_pretty(&v).expect("json") + "\n"),
        _ => ("html", body),
    };
    write_atomic(&format!("{name}.{ext}"), &text);
    write_atomic(
        &format!("{name}.headers.json"),
        &(serde_json::to_string_pretty(&meta).expect("meta") + "\n"),
    );
}

/// `file` may name a sub-directory (`wp-posts/<name>.json`): the temporary
/// file sits next to the final one so the rename stays in one directory.
fn write_atomic(file: &str, text: &str) {
    let path = dir().join(file);
    let (parent, leaf) = file.rsplit_once('/').unwrap_or(("", file));
    std::fs::create_dir_all(dir().join(parent)).expect("fixture dir");
    let tmp = dir().join(parent).join(format!(".{}", unique(leaf)));
    std::fs::write(&tmp, text).expect("write fixture");
    std::fs::rename(&tmp, &path).expect("rename fixture");
}

/// The recorded answer `name`, through the same checks as `kiosque_core::http`.
pub fn answer(name: &str) -> Result<Fetched, FetchError> {
    let head = std::fs::read_to_string(dir().join(format!("{name}.headers.json")))
        .unwrap_or_else(|_| panic!("no fixture {name}: run scripts/wordpress/record.sh"));
    let meta: Meta = serde_json::from_str(&head).expect("headers fixture");
    if let Some(err) = FetchError::from_status(meta.status) {
        return Err(err);
    }
    if !is_json_content_type(&meta.content_type) {
        return Err(FetchError::BadData(format!(
            "expected JSON, got {:?}",
            meta.content_type
        )));
    }
    let body = std::fs::read_to_string(dir().join(format!("{name}.json"))).expect("body fixture");
    Ok(Fetched {
        body: body.into(),
        total: meta.total,
        total_pages: meta.total_pages,
    })
}

/// The fixture name for `url`: its own, or, when only a recording made
/// before posts asked for `format` exists, that one (the answers are the
/// same but for that field, which reads as `standard` when absent; the old
/// recordings stay, since other tests depend on their exact content).
pub fn fixture_name(url: &str) -> String {
    fixture_in("", url)
}

/// [`fixture_name`] under a sub-directory of the fixtures (`"wp-posts/"`).
///
/// A listing's or page's SEO-plugin request, whatever the directory, is
/// answered from [`SEO_TERMS`] (recorded there, with
/// `KIOSQUE_WP_RECORD=seo-terms`, as it is named).
pub fn fixture_in(sub: &str, url: &str) -> String {
    if is_seo_plugin_url(sub, url) {
        let name = format!("{SEO_TERMS}{}", name_of(url));
        if recording_seo_terms() {
            record(url, &name, None);
        }
        return name;
    }
    let name = format!("{sub}{}", name_of(url));
    if recording() || dir().join(format!("{name}.headers.json")).exists() {
        return name;
    }
    let older = url
        .replacen(",featured_media,format,", ",featured_media,", 1)
        .replacen(",site_icon_url,", ",", 1);
    let old = format!("{sub}{}", name_of(&older));
    if older != url && dir().join(format!("{old}.headers.json")).exists() {
        return old;
    }
    name
}

/// Answers each URL from its fixture (recording it first when recording).
pub struct Fixtures;

impl Transport for Fixtures {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        let name = fixture_name(url);
        if recording() {
            record(url, &name, None);
        }
        answer(&name)
    }
}

/// Where the answers to the SEO-plugin requests of listings and pages live
/// (issue 20: recorded after the other fixtures, which stay as they were).
pub const SEO_TERMS: &str = "seo-terms/";

/// A request for a term's, author's or page's SEO-plugin head
/// (`Urls::seo_by_slug`, Rank Math's `getHead`).
/// (Articles' Rank Math answers were recorded earlier, beside the others in
/// `sub`.)
pub fn is_seo_plugin_url(sub: &str, url: &str) -> bool {
    let older = || dir().join(format!("{sub}{}.headers.json", name_of(url))).exists();
    url.contains("_fields=id,link,yoast_head_json") || (url.contains("/rankmath/v1/getHead") && !older())
}

/// `KIOSQUE_WP_RECORD=seo-terms`: records only the answers under
/// [`SEO_TERMS`], leaving the older fixtures untouched.
pub fn recording_seo_terms() -> bool {
    std::env::var("KIOSQUE_WP_RECORD").is_ok_and(|v| v == "seo-terms")
}

/// Answers every URL with one recorded answer (error scenarios).
pub struct Canned(pub &'static str);

impl Transport for Canned {
    fn get(&self, _url: &str) -> Result<Fetched, FetchError> {
        answer(self.0)
    }
}

/// Answers every URL with `result` (synthetic failures, edited bodies).
pub struct Fixed(pub Result<Fetched, FetchError>);

impl Transport for Fixed {
    fn get(&self, _url: &str) -> Result<Fetched, FetchError> {
        self.0.clone()
    }
}

/// Answers from `then` for URLs containing `needle`, else from fixtures.
pub struct Override(pub &'static str, pub Result<Fetched, FetchError>);

impl Transport for Override {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        if url.contains(self.0) {
            return self.1.clone();
        }
        Fixtures.get(url)
    }
}

pub fn source() -> WordPressSource {
    WordPressSource::new(ROOT, 8000, kiosque_core::http::Door::default()).with_transport(Arc::new(Fixtures))
}

/// The answers recorded in one fixture folder (`"wp-posts/"`…), each test
/// file's own: with `KIOSQUE_WP_RECORD=1` they are recorded there first.
pub struct Recorded(pub &'static str);

impl Transport for Recorded {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        let name = fixture_in(self.0, url);
        if recording() {
            record(url, &name, None);
        }
        answer(&name)
    }
}

pub fn source_with(t: impl Transport + 'static) -> WordPressSource {
    WordPressSource::new(ROOT, 8000, kiosque_core::http::Door::default()).with_transport(Arc::new(t))
}

/// The body of a recorded JSON fixture for `url`.
pub fn recorded_json(url: &str) -> serde_json::Value {
    let name = fixture_name(url);
    if recording() && !dir().join(format!("{name}.json")).exists() {
        record(url, &name, None);
    }
    let text = std::fs::read_to_string(dir().join(format!("{name}.json"))).expect("fixture");
    serde_json::from_str(&text).expect("fixture json")
}

/// Runs a future that never waits on I/O (every transport here answers at
/// once). Polls a bounded number of times instead of blocking.
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    for _ in 0..10_000 {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
    panic!("future did not complete")
}
