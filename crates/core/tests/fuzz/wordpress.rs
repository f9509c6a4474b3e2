//! The WordPress adapter: its wire types and mapping on mutated copies of
//! the recorded answers (`wp_map`), the whole source with one recorded
//! answer mutated (`wp_adapter`), and old-URL routing (`legacy_route`).
//! Properties: no panic; whatever maps obeys the URL rule and keeps no
//! dropped content in its text; routes are site paths (never `//host`)
//! or look-up markers that `parse_marker` reads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use kiosque_core::http::{parse_json, FetchError, Fetched};
use kiosque_core::routes::is_kiosque_route;
use kiosque_core::source::wordpress::legacy::parse_marker;
use kiosque_core::source::wordpress::map::{self, LinkContext};
use kiosque_core::source::wordpress::wire::{self, WpPage, WpPost, WpRelated, WpRoot, WpSlug, WpTerm, WpUser};
use kiosque_core::source::wordpress::{legacy_route, Transport, WordPressSource};
use kiosque_core::source::ListingRequest;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::checks::Mapped;
use crate::json_mut::{damage, mutate, mutations, MARKER};
use crate::wp_support::{block_on, dir, name_of, ORIGIN, ROOT};

type Answer = Option<Result<Fetched, FetchError>>;

/// A recorded answer (`None`: no such fixture), read once.
fn recorded(name: &str) -> Answer {
    static CACHE: OnceLock<Mutex<HashMap<String, Answer>>> = OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    cache
        .entry(name.to_string())
        .or_insert_with(|| {
            dir()
                .join(format!("{name}.headers.json"))
                .exists()
                .then(|| crate::wp_support::answer(name))
        })
        .clone()
}

// ---------------------------------------------------------------- wp_map

/// One recorded JSON body, mutated, named after its fixture.
#[derive(Clone, Debug)]
pub struct WpDoc {
    pub name: String,
    pub json: String,
}

fn json_fixtures() -> &'static [(String, Value)] {
    static ALL: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut names: Vec<String> = std::fs::read_dir(dir())
            .expect("fixtures")
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|n| n.ends_with(".json") && !n.ends_with(".headers.json") && !n.starts_with("error-"))
            .map(|n| n.trim_end_matches(".json").to_string())
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|n| {
                let text = std::fs::read_to_string(dir().join(format!("{n}.json"))).expect("fixture");
                let v = serde_json::from_str(&text).expect("fixture json");
                (n, v)
            })
            .collect()
    })
}

pub fn wp_docs() -> impl Strategy<Value = WpDoc> {
    let n = json_fixtures().len();
    (0..n, mutations(), damage()).prop_map(|(i, ms, d)| {
        let (name, base) = &json_fixtures()[i];
        WpDoc {
            name: name.clone(),
            json: mutate(base, &ms, &d),
        }
    })
}

fn links() -> LinkContext {
    LinkContext {
        page_slugs: vec!["a-propos".into(), "mentions-legales".into()],
        ..LinkContext::from_home(ORIGIN)
    }
}

fn each<T: for<'de> Deserialize<'de>>(v: &Value) -> Vec<T> {
    match v {
        Value::Array(a) => wire::parse_each(a),
        other => wire::parse_each(std::slice::from_ref(other)),
    }
}

pub fn check_doc(doc: &WpDoc) {
    let Ok(v) = parse_json::<Value>(&doc.json) else { return };
    let ctx = links();
    let mut out = Mapped::default();
    let kind = doc.name.split(['.', '-']).next().unwrap_or("");
    match kind {
        "posts" => {
            for p in each::<WpPost>(&v) {
                if let Ok(s) = map::summary(&p) {
                    out.summary(&s);
                }
                if let Ok(a) = map::article(&p, &ctx, 3, Vec::new()) {
                    out.article(&a, &doc.name);
                }
            }
            let _ = each::<WpRelated>(&v);
            let _ = each::<WpSlug>(&v);
            if let Value::Array(a) = &v {
                let _: Vec<u64> = a.iter().filter_map(wire::popular_id).collect();
            }
        }
        "pages" => {
            for p in each::<WpPage>(&v) {
                if let Ok(page) = map::page(&p, &ctx) {
                    out.page(&page, &doc.name);
                }
            }
        }
        "categories" | "tags" => {
            let terms = each::<WpTerm>(&v);
            for t in &terms {
                let (c, tg) = (map::category(t), map::tag(t));
                out.texts.extend([c.name, tg.name]);
            }
            out.site(&map::site(&WpRoot::default(), &terms));
        }
        "users" => each::<WpUser>(&v).iter().for_each(|u| out.author(&map::author(u))),
        "index" => {
            let root = WpRoot::deserialize(&v).unwrap_or_default();
            let site = map::site(&root, &[]);
            assert!(!site.timezone.is_empty());
            out.site(&site);
        }
        _ => {}
    }
    out.assert_clean(MARKER, &doc.name);
}

pub fn encode_doc(d: &WpDoc) -> Vec<u8> {
    format!("{}\n{}", d.name, d.json).into_bytes()
}

pub fn decode_doc(bytes: &[u8]) -> WpDoc {
    let text = String::from_utf8_lossy(bytes);
    let (name, json) = text.split_once('\n').unwrap_or((&text, ""));
    WpDoc {
        name: name.trim().to_string(),
        json: json.to_string(),
    }
}

// ------------------------------------------------------------ wp_adapter

/// What the adapter is asked (see `run_op`).
const OPS: &[&str] = &[
    "site",
    "home",
    "article tunisie-bizerte-pecheurs-rarefaction-poisson",
    "article inflation-tunisie-menages-reinventent-panier-de-rentree",
    "article energie-hydrogene-vert-partenariats-nord-sud",
    "page a-propos",
    "page mentions-legales",
    "latest 1",
    "category economie 1",
    "category economie 2",
    "tag tunisie 1",
    "author karim-ouazzani 1",
    "search Tunisie",
    "most-read /wp/v2/posts?per_page=3&categories=6&_fields=id",
    "resolve wp:p=112",
    "resolve wp:page_id=7",
    "resolve wp:cat=2&paged=2",
    "resolve wp:author=3",
];

/// One run of the adapter with one answer replaced.
#[derive(Clone, Debug)]
pub struct AdapterCase {
    pub op: String,
    /// The fixture name of the replaced answer.
    pub answer: String,
    pub total: Option<u32>,
    pub total_pages: Option<u32>,
    pub body: String,
}

/// Answers from the recordings, except `replace`; remembers what was asked.
struct Mutating {
    replace: Option<(String, Fetched)>,
    asked: Mutex<Vec<String>>,
}

impl Transport for Mutating {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        let name = name_of(url);
        self.asked.lock().unwrap_or_else(|e| e.into_inner()).push(name.clone());
        if let Some((n, f)) = &self.replace {
            if *n == name {
                return Ok(f.clone());
            }
        }
        recorded(&name).unwrap_or(Err(FetchError::NotFound))
    }
}

/// Runs `op`; what it produced, for the checks. Routes come back as texts
/// prefixed `route:`.
fn run_op(src: &WordPressSource, op: &str) -> Result<Mapped, FetchError> {
    let mut out = Mapped::default();
    let words: Vec<&str> = op.splitn(3, ' ').collect();
    let arg = |i: usize| words.get(i).copied().unwrap_or("");
    let page = |i: usize| arg(i).parse::<u32>().unwrap_or(1);
    let listing = |l: ListingRequest, p: u32| block_on(src.listing(&l, p));
    match arg(0) {
        "site" => out.site(&block_on(src.site())?),
        "home" => {
            let h = block_on(src.home())?;
            h.lead.iter().chain(&h.latest).for_each(|s| out.summary(s));
            h.sections.iter().flat_map(|s| &s.articles).for_each(|s| out.summary(s));
        }
        "article" => out.article(&block_on(src.article(arg(1)))?, op),
        "page" => out.page(&block_on(src.page(arg(1)))?, op),
        "latest" | "category" | "tag" | "author" => {
            let l = match arg(0) {
                "latest" => listing(ListingRequest::Latest, page(1))?,
                "category" => listing(ListingRequest::Category(arg(1).into()), page(2))?,
                "tag" => listing(ListingRequest::Tag(arg(1).into()), page(2))?,
                _ => listing(ListingRequest::Author(arg(1).into()), page(2))?,
            };
            assert!(
                l.page >= 1 && l.page <= l.total_pages,
                "page {} of {}",
                l.page,
                l.total_pages
            );
            l.articles.iter().for_each(|s| out.summary(s));
            if let kiosque_core::model::ListingKind::Author { author } = &l.kind {
                out.author(author);
            }
        }
        "search" => block_on(src.search(arg(1), 1, 10))?
            .articles
            .iter()
            .for_each(|s| out.summary(s)),
        "most-read" => {
            let src = src.clone().with_most_read_url(arg(1));
            block_on(src.most_read())?.articles.iter().for_each(|s| out.summary(s));
        }
        "resolve" => {
            let route = block_on(src.resolve_legacy(arg(1)))?;
            out.texts.push(format!("route:{route}"));
        }
        other => panic!("unknown op {other:?}"),
    }
    Ok(out)
}

fn source(t: Mutating) -> (WordPressSource, Arc<Mutating>) {
    let t = Arc::new(t);
    (
        WordPressSource::new(ROOT, 8000, kiosque_core::http::Door::default()).with_transport(t.clone()),
        t,
    )
}

/// For each op, the answers it asks for, with their recorded (or, where
/// nothing was recorded, a made-up) JSON body.
fn op_answers() -> &'static [Vec<(String, Value)>] {
    static ALL: OnceLock<Vec<Vec<(String, Value)>>> = OnceLock::new();
    ALL.get_or_init(|| {
        OPS.iter()
            .map(|op| {
                let (src, t) = source(Mutating {
                    replace: None,
                    asked: Mutex::default(),
                });
                let _ = run_op(&src, op);
                let mut asked = t.asked.lock().unwrap_or_else(|e| e.into_inner()).clone();
                asked.dedup();
                asked
                    .into_iter()
                    .map(|name| {
                        let body = match recorded(&name) {
                            Some(Ok(f)) => serde_json::from_str(&f.body).unwrap_or(Value::Null),
                            _ => json!({"id": 7, "slug": "a-propos", "status": "publish", "name": "À propos"}),
                        };
                        (name, body)
                    })
                    .collect()
            })
            .collect()
    })
}

pub fn adapter_cases() -> impl Strategy<Value = AdapterCase> {
    let totals = prop_oneof![
        3 => Just(None),
        1 => select(&[0u32, 1, 2, 10, 100_001, u32::MAX][..]).prop_map(Some),
    ];
    (
        0..OPS.len(),
        any::<Index>(),
        mutations(),
        damage(),
        totals.clone(),
        totals,
    )
        .prop_map(|(op, which, ms, d, total, total_pages)| {
            let answers = &op_answers()[op];
            let (answer, body) = if answers.is_empty() {
                (String::new(), String::new())
            } else {
                let (n, base) = &answers[which.index(answers.len())];
                (n.clone(), mutate(base, &ms, &d))
            };
            AdapterCase {
                op: OPS[op].to_string(),
                answer,
                total,
                total_pages,
                body,
            }
        })
}

pub fn check_case(c: &AdapterCase) {
    let fetched = Fetched {
        body: c.body.as_str().into(),
        total: c.total,
        total_pages: c.total_pages,
    };
    let (src, _) = source(Mutating {
        replace: Some((c.answer.clone(), fetched)),
        asked: Mutex::default(),
    });
    if let Ok(out) = run_op(&src, &c.op) {
        for t in &out.texts {
            if let Some(route) = t.strip_prefix("route:") {
                assert_route(route, &c.op);
            }
        }
        out.assert_clean(MARKER, &c.op);
    }
}

pub fn encode_case(c: &AdapterCase) -> Vec<u8> {
    let mut s = format!("op: {}\nanswer: {}\n", c.op, c.answer);
    if let Some(t) = c.total {
        s.push_str(&format!("total: {t}\n"));
    }
    if let Some(t) = c.total_pages {
        s.push_str(&format!("total-pages: {t}\n"));
    }
    s.push_str("---\n");
    s.push_str(&c.body);
    s.into_bytes()
}

pub fn decode_case(bytes: &[u8]) -> AdapterCase {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text.split_once("---\n").unwrap_or(("", &text));
    let mut c = AdapterCase {
        op: String::new(),
        answer: String::new(),
        total: None,
        total_pages: None,
        body: body.to_string(),
    };
    for line in head.lines() {
        match line.split_once(": ") {
            Some(("op", v)) => c.op = v.to_string(),
            Some(("answer", v)) => c.answer = v.to_string(),
            Some(("total", v)) => c.total = v.parse().ok(),
            Some(("total-pages", v)) => c.total_pages = v.parse().ok(),
            _ => panic!("bad corpus header line {line:?}"),
        }
    }
    c
}

// ---------------------------------------------------------- legacy_route

/// A route must stay on the site: a path (never `//host` or `/\host`,
/// which browsers read as another host), with nothing a URL would not
/// carry literally.
fn assert_route(r: &str, ctx: &str) {
    assert!(r.starts_with('/'), "route {r:?} is not a site path ({ctx})");
    let b = r.as_bytes();
    assert!(
        !matches!(b.get(1), Some(b'/' | b'\\')),
        "route {r:?} would leave the site ({ctx})"
    );
    assert!(
        !r.chars().any(|c| c.is_control() || c.is_whitespace()),
        "route {r:?} has raw whitespace or controls ({ctx})"
    );
}

#[derive(Clone, Debug)]
pub struct OldUrl {
    pub path: String,
    pub query: String,
}

pub fn old_urls() -> impl Strategy<Value = OldUrl> {
    const SEGS: &[&str] = &[
        "",
        "category",
        "tag",
        "author",
        "page",
        "search",
        "article",
        "2026",
        "11",
        "28",
        "wp-admin",
        "index.php",
        "feed",
        "%2F%2Fevil.example",
        "%2f",
        "%",
        "%zz",
        "%C3%A9conomie",
        "%E2%80%AE",
        "..",
        ".",
        "\\",
        "evil.example",
        "é",
        "0",
        "1",
        "2",
        "100001",
        "99999999999999999999",
        "-1",
        "+1",
        " 2",
        "slug-x",
        "%0a",
        "%00",
        "ǅ",
        "İ",
        "a+b",
        "?",
        "#",
    ];
    const KEYS: &[&str] = &[
        "p",
        "page_id",
        "cat",
        "author",
        "s",
        "name",
        "pagename",
        "category_name",
        "tag",
        "author_name",
        "paged",
        "utm_source",
        "P",
        "",
        "=",
    ];
    const VALUES: &[&str] = &[
        "",
        "1",
        "123",
        "0",
        "-3",
        " 7",
        "18446744073709551616",
        "eau",
        "a%26b",
        "caf%C3%A9+noir",
        "%2F%2Fevil.example",
        "a/b",
        "a,b",
        "a+b",
        "/",
        "%",
        "%ff",
        "2",
        "100001",
        "%0d%0aLocation:%20x",
        "\\\\evil",
    ];
    let seg = prop_oneof![5 => select(SEGS).prop_map(str::to_string), 1 => "\\PC{0,8}"];
    let path = (prop::collection::vec(seg, 0..6), any::<bool>(), any::<bool>()).prop_map(|(segs, lead, trail)| {
        let mut p = segs.join("/");
        if lead {
            p.insert(0, '/');
        }
        if trail {
            p.push('/');
        }
        p
    });
    let value = prop_oneof![5 => select(VALUES).prop_map(str::to_string), 1 => "\\PC{0,8}"];
    let pair = (select(KEYS), value).prop_map(|(k, v)| if k.is_empty() { v } else { format!("{k}={v}") });
    let query = (prop::collection::vec(pair, 0..4), any::<bool>()).prop_map(|(pairs, q)| {
        let s = pairs.join("&");
        if q {
            format!("?{s}")
        } else {
            s
        }
    });
    (path, query).prop_map(|(path, query)| OldUrl { path, query })
}

pub fn check_old_url(u: &OldUrl) {
    let Some(out) = legacy_route(&u.path, &u.query) else {
        return;
    };
    let ctx = format!("{:?} {:?}", u.path, u.query);
    if out.starts_with('/') {
        assert_route(&out, &ctx);
        let path = out.split(['?', '#']).next().unwrap_or("");
        assert!(
            is_kiosque_route(path),
            "{out:?} is not a Kiosque route: it would be redirected again ({ctx})"
        );
    } else {
        assert!(out.starts_with("wp:"), "{out:?} is neither a path nor a marker ({ctx})");
        assert!(parse_marker(&out).is_some(), "marker {out:?} does not parse ({ctx})");
    }
}

pub fn encode_url(u: &OldUrl) -> Vec<u8> {
    serde_json::to_vec(&[&u.path, &u.query]).unwrap_or_default()
}

pub fn decode_url(bytes: &[u8]) -> OldUrl {
    let [path, query]: [String; 2] = serde_json::from_slice(bytes).expect("[path, query]");
    OldUrl { path, query }
}
