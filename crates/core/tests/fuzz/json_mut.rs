//! Structure-aware JSON mutations, shared by the static-API and WordPress
//! targets: a real document with some of its nodes replaced (types
//! flipped, huge or hostile strings, extreme numbers, deep nesting),
//! dropped or wrapped, then maybe damaged as text (truncated, `NaN`…).

use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Value};

/// Marks content that only ever appears inside dropped elements (script…):
/// no mapped text may contain it.
pub const MARKER: &str = "XMARKX";

const STRINGS: &[&str] = &[
    "",
    " ",
    "0",
    "96",
    "-1",
    "true",
    "null",
    "[]",
    "{}",
    "publish",
    "draft",
    "category",
    "post_tag",
    "image",
    "paragraph",
    "latest",
    "2026-02-30T10:00:00+01:00",
    "2026-11-01T10:00:00",
    "2026-11-01T10:00:00.+01:00",
    "9999-12-31T23:59:60+23:59",
    "0000-01-01T00:00:00-23:59",
    "2026-11-01T10:00:00Z",
    "２０２６-11-01T10:00:00+01:00",
    "2026-11-01T10:00:00+01:00\u{0}",
    "javascript:alert(1)",
    "JaVa&#x09;ScRiPt:alert(1)",
    "//evil.example/x",
    "/\\evil.example",
    "https://",
    "http://127.0.0.1:8081/wp-content/uploads/x.jpg",
    "/wp-content/uploads/x.jpg",
    "../../config",
    "%2e%2e%2f",
    "%C3%A9conomie",
    "%E2%80%AE",
    "%zz",
    "a/b",
    "é",
    "\u{202E}gnp.exe",
    "\u{FEFF}",
    "🦀",
    "L&#8217;&eacute;t&eacute; &#038; co",
    "<p>Un <a href=\"javascript:alert(1)\">lien</a></p><script>XMARKX</script>",
    "<style>XMARKX</style><p>texte</p>",
    "<svg><a href=\"/x\">XMARKX</a></svg>",
    "<template>XMARKX</template>",
    "<textarea>XMARKX</textarea>",
    "<img src=x onerror=alert(1)><noscript>XMARKX</noscript>",
    "<a href=\"http://127.0.0.1:8081//evil.example/\">x</a>",
    "<a href=\"/category/%2F%2Fevil.example/\">x</a>",
    "<a href=\"/?s=%0a\">x</a>",
    "<figure class=\"wp-block-embed is-provider-youtube\"><div class=\"wp-block-embed__wrapper\">https://www.youtube.com/watch?v=x&amp;y</div></figure>",
    "Légende. Crédit : AFP",
    "Photo:",
    "[…]",
    "Europe/Paris",
    "+5.5",
    "-14",
    "1e3",
];

#[derive(Clone, Debug)]
pub enum Replacement {
    Value(Value),
    Str(String),
    Huge(&'static str, usize),
    /// The node nested in `n` arrays (or objects).
    Nest(usize, bool),
    /// The node's type flipped: numbers ↔ strings, bool → string, and so on.
    Flip,
}

#[derive(Clone, Debug)]
pub enum Mutation {
    Replace(Index, Replacement),
    Drop(Index),
    /// A field added next to a node (an unknown one, or a known one twice).
    AddField(Index, String, Value),
}

#[derive(Clone, Debug)]
pub enum TextDamage {
    None,
    Truncate(Index),
    Insert(Index, &'static str),
    Prefix(&'static str),
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        select(
            &[
                0.0,
                -0.0,
                1.5,
                -1.5,
                f64::MAX,
                f64::MIN,
                f64::MIN_POSITIVE,
                5e-324,
                1e20,
                4294967296.0
            ][..]
        )
        .prop_map(Value::from),
        select(&[0u64, 1, 2, 4294967295, 4294967296, u64::MAX, 100_001][..]).prop_map(Value::from),
        select(STRINGS).prop_map(Value::from),
        Just(json!([])),
        Just(json!({})),
        Just(json!({"rendered": "<b>x</b>"})),
        Just(json!([{"code": "rest_forbidden", "data": {"status": 403}}])),
        Just(json!({"type": "sparkle"})),
    ]
}

fn replacement() -> impl Strategy<Value = Replacement> {
    prop_oneof![
        6 => scalar().prop_map(Replacement::Value),
        3 => select(STRINGS).prop_map(|s| Replacement::Str(s.to_string())),
        1 => "\\PC{0,40}".prop_map(Replacement::Str),
        1 => (select(&["a", "é", "&#x6A;", "<b>", "\u{200B}", " "][..]), 1000usize..200_000).prop_map(|(s, n)| Replacement::Huge(s, n)),
        1 => (1usize..300, any::<bool>()).prop_map(|(n, o)| Replacement::Nest(n, o)),
        4 => Just(Replacement::Flip),
    ]
}

pub fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(
        prop_oneof![
            6 => (any::<Index>(), replacement()).prop_map(|(i, r)| Mutation::Replace(i, r)),
            2 => any::<Index>().prop_map(Mutation::Drop),
            1 => (any::<Index>(), select(&["id", "slug", "type", "date", "rendered", "x-unknown", "status", "protected", "url", "text"][..]), scalar())
                .prop_map(|(i, k, v)| Mutation::AddField(i, k.to_string(), v)),
        ],
        1..8,
    )
}

pub fn damage() -> impl Strategy<Value = TextDamage> {
    prop_oneof![
        12 => Just(TextDamage::None),
        1 => any::<Index>().prop_map(TextDamage::Truncate),
        1 => (any::<Index>(), select(&["NaN", "Infinity", "-Infinity", "1e999", "-0", "00", ",", "\"\\ud800\"", "\u{0}", "}", "]", "\\"][..]))
            .prop_map(|(i, s)| TextDamage::Insert(i, s)),
        1 => select(&["\u{FEFF}", " ", "<!doctype html>", "null", ")]}',\n"][..]).prop_map(TextDamage::Prefix),
    ]
}

/// JSON pointers of every node, in document order.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                pointers(c, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                pointers(c, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn flip(v: &Value) -> Value {
    match v {
        Value::Null => json!(0),
        Value::Bool(b) => json!(b.to_string()),
        Value::Number(n) => json!(n.to_string()),
        Value::String(s) => s
            .parse::<f64>()
            .ok()
            .and_then(|f| serde_json::Number::from_f64(f).map(Value::Number))
            .unwrap_or_else(|| json!(s.len())),
        Value::Array(a) => a.first().cloned().unwrap_or(Value::Null),
        Value::Object(m) => Value::Array(m.values().cloned().collect()),
    }
}

fn apply_one(doc: &mut Value, m: &Mutation) {
    let mut ptrs = Vec::new();
    pointers(doc, String::new(), &mut ptrs);
    let pick = |i: &Index| ptrs[i.index(ptrs.len())].clone();
    match m {
        Mutation::Replace(i, r) => {
            let p = pick(i);
            let Some(node) = doc.pointer_mut(&p) else { return };
            *node = match r {
                Replacement::Value(v) => v.clone(),
                Replacement::Str(s) => Value::String(s.clone()),
                Replacement::Huge(s, n) => Value::String(s.repeat(*n / s.len().max(1))),
                Replacement::Nest(n, obj) => {
                    let mut v = node.take();
                    for _ in 0..*n {
                        v = if *obj { json!({ "x": v }) } else { json!([v]) };
                    }
                    v
                }
                Replacement::Flip => flip(node),
            };
        }
        Mutation::Drop(i) => {
            let p = pick(i);
            let Some((parent, last)) = p.rsplit_once('/') else {
                return;
            };
            match doc.pointer_mut(parent) {
                Some(Value::Object(m)) => {
                    m.remove(&last.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(a)) => {
                    if let Ok(n) = last.parse::<usize>() {
                        if n < a.len() {
                            a.remove(n);
                        }
                    }
                }
                _ => {}
            }
        }
        Mutation::AddField(i, k, v) => {
            let p = pick(i);
            let parent = p.rsplit_once('/').map_or("", |(a, _)| a);
            if let Some(Value::Object(m)) = doc.pointer_mut(parent) {
                m.insert(k.clone(), v.clone());
            }
        }
    }
}

/// `base` mutated, as JSON text, maybe damaged.
pub fn mutate(base: &Value, ms: &[Mutation], dmg: &TextDamage) -> String {
    let mut doc = base.clone();
    for m in ms {
        apply_one(&mut doc, m);
    }
    let mut text = serde_json::to_string(&doc).unwrap_or_default();
    let boundary = |t: &str, i: &Index| {
        let mut at = i.index(t.len() + 1);
        while !t.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match dmg {
        TextDamage::None => {}
        TextDamage::Truncate(i) => {
            let at = boundary(&text, i);
            text.truncate(at);
        }
        TextDamage::Insert(i, s) => {
            let at = boundary(&text, i);
            text.insert_str(at, s);
        }
        TextDamage::Prefix(p) => text.insert_str(0, p),
    }
    text
}

/// Arbitrary JSON with the model's vocabulary, so that some of it gets deep
/// into the types before it fails.
pub fn arbitrary_json() -> impl Strategy<Value = Value> {
    const KEYS: &[&str] = &[
        "slug",
        "title",
        "category",
        "published",
        "modified",
        "body",
        "type",
        "content",
        "text",
        "href",
        "children",
        "items",
        "rows",
        "image",
        "url",
        "width",
        "height",
        "sources",
        "kind",
        "page",
        "total_pages",
        "total",
        "articles",
        "lead",
        "latest",
        "sections",
        "docs",
        "nav",
        "name",
        "version",
        "authors",
        "tags",
        "related",
        "level",
        "ordered",
        "provider",
        "embed_url",
        "caption",
        "credit",
        "alt",
        "header",
        "cite",
        "standfirst",
        "reading_minutes",
        "comment_count",
        "locale",
        "timezone",
        "social",
        "tag",
        "author",
        "description",
        "words",
        "social",
        "network",
    ];
    const TYPES: &[&str] = &[
        "paragraph",
        "heading",
        "list",
        "quote",
        "figure",
        "table",
        "embed",
        "text",
        "link",
        "emphasis",
        "strong",
        "line_break",
        "latest",
        "category",
        "tag",
        "author",
        "youtube",
        "vimeo",
        "unknown",
    ];
    let leaf = prop_oneof![
        4 => scalar(),
        2 => select(TYPES).prop_map(Value::from),
        1 => "\\PC{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(8, 120, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((select(KEYS), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}
