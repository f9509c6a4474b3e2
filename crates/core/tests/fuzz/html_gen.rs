//! Hostile HTML from a grammar: nested elements from a list of dangerous and
//! ordinary tags, attributes (event handlers included) whose URLs hide
//! other schemes behind case, entities and invisible characters, unclosed
//! and misnested tags, comments, CDATA, entities and stray markup.

use proptest::prelude::*;
use proptest::sample::select;

pub const TAGS: &[&str] = &[
    "p",
    "div",
    "span",
    "a",
    "img",
    "em",
    "strong",
    "b",
    "i",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "caption",
    "blockquote",
    "cite",
    "figure",
    "figcaption",
    "pre",
    "code",
    "iframe",
    "script",
    "style",
    "svg",
    "math",
    "mtext",
    "base",
    "form",
    "button",
    "input",
    "meta",
    "link",
    "object",
    "embed",
    "video",
    "audio",
    "source",
    "picture",
    "template",
    "noscript",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "noembed",
    "select",
    "option",
    "dl",
    "dt",
    "dd",
    "hr",
    "small",
    "footer",
    "section",
    "my-el",
    "image",
    "listing",
    "frameset",
    "body",
    "html",
    "head",
];

/// Elements the converter drops with all their content.
pub const DROPPED: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "svg",
    "math",
    "object",
    "form",
    "button",
    "select",
    "textarea",
    "title",
    "canvas",
    "audio",
    "video",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "map",
    "option",
];

const ATTRS: &[&str] = &[
    "href",
    "src",
    "srcset",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "style",
    "class",
    "id",
    "alt",
    "title",
    "width",
    "height",
    "data-src",
    "action",
    "formaction",
    "xlink:href",
    "srcdoc",
    "poster",
    "background",
    "content",
    "http-equiv",
    "rel",
    "target",
    "sizes",
    "loading",
    "allowfullscreen",
];

const HOSTILE_URLS: &[&str] = &[
    "javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "livescript:alert(1)",
    "file:///etc/passwd",
    "jar:https://x!/",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "https://news.example.com//evil.example/",
    "https://news.example.com@evil.example/",
    "http:evil.example",
    "https:///evil.example",
    "mailto:",
    "mailto:a@example.com",
    "javascript://%0aalert(1)",
];

const OTHER_VALUES: &[&str] = &[
    "https://example.com/a?b=1&c=2#d",
    "https://news.example.com/2024/01/autre/",
    "/relatif",
    "relatif.jpg",
    "#frag",
    "?q=1",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://youtu.be/dQw4w9WgXcQ?t=3",
    "https://www.youtube.com/embed/x\"onload=\"alert(1)",
    "https://vimeo.com/123456",
    "https://player.vimeo.com/video/1?x=<script>",
    "https://www.dailymotion.com/video/x7abc",
    "https://soundcloud.com/a/b",
    "https://www.openstreetmap.org/export/embed.html?bbox=1,2,3,4",
    "a.jpg 300w, b.jpg 600w",
    "javascript:alert(1) 1w, /ok.jpg 2w",
    "wp-block-embed is-provider-youtube is-type-video",
    "emoji",
    "wp-smiley",
    "0",
    "-5",
    "99999999999999999999",
    "100%",
    "1e9",
    "",
    "\u{0}",
    "</script><script>alert(1)</script>",
    "x\" onerror=\"alert(1)",
    "background:url(javascript:alert(1))",
    "0;url=javascript:alert(1)",
];

/// Fragments of text: words, entities good and bad, invisible and
/// bidirectional characters, stray markup.
const TEXT: &[&str] = &[
    "Bonjour",
    "le monde",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "&nbsp;",
    "&amp;",
    "&amp;lt;",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    "&#0;",
    "&#xD800;",
    "&#x110000;",
    "&#99999999999;",
    "&#",
    "&#x;",
    "&",
    "&amp",
    "&NotAnEntity;",
    "&eacute;",
    "&rsquo;",
    "&#8239;",
    "&laquo;",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{0}",
    "\u{1}",
    "\u{7F}",
    "\u{85}",
    "é",
    "🦀",
    "e\u{301}",
    "\u{FFFD}",
    "\u{A0}",
    "<",
    ">",
    "</",
    "<!",
    "<?",
    "]]>",
    "-->",
    "--!>",
    "<a",
    "javascript:alert(1)",
    "https://example.com/x",
    "Crédit : AFP",
    " — ",
    "[…]",
    "\u{2028}",
    "ـ",
    "مرحبا",
];

/// Text without anything that opens markup (for well-formed documents).
const SAFE_TEXT: &[&str] = &[
    "Bonjour",
    "le monde",
    " ",
    "\n",
    "&nbsp;",
    "&amp;",
    "&lt;script&gt;",
    "&#60;",
    "&#0;",
    "é",
    "🦀",
    "\u{200B}",
    "\u{A0}",
    "Crédit : AFP",
    " — ",
    "javascript:alert(1)",
    "&eacute;",
    ">",
];

pub fn text_from(pieces: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(
        prop_oneof![4 => select(pieces).prop_map(str::to_string), 1 => "\\PC{0,6}"],
        0..6,
    )
    .prop_map(|v| v.concat())
}

fn mixed_case(s: &str, mask: u64) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if mask >> (i % 64) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// One character of a URL, possibly disguised.
fn disguise(c: char, how: u8, out: &mut String) {
    match how {
        0 => out.push_str(&format!("&#{};", c as u32)),
        1 => out.push_str(&format!("&#{:07}", c as u32)),
        2 => out.push_str(&format!("&#x{:X};", c as u32)),
        3 => out.push_str(match c {
            ':' => "&colon;",
            '(' => "&lpar;",
            ')' => "&rpar;",
            '/' => "&sol;",
            '.' => "&period;",
            _ => return out.push(c),
        }),
        4 => {
            out.push('\t');
            out.push(c);
        }
        5 => {
            out.push_str("&#x0A;");
            out.push(c);
        }
        6 => {
            out.push('\u{200B}');
            out.push(c);
        }
        7 => {
            out.push_str("&Tab;");
            out.push(c);
        }
        8 => out.push_str(&format!("&amp;#{};", c as u32)),
        9 => {
            out.push('\u{AD}');
            out.push(c);
        }
        10 => out.push_str(&format!("&#x26;#x{:x};", c as u32)),
        _ => out.push(c),
    }
}

/// A hostile URL: mixed case, some characters entity-encoded or split by
/// invisible characters, maybe a junk prefix.
pub fn hostile_url() -> impl Strategy<Value = String> {
    (
        select(HOSTILE_URLS),
        any::<u64>(),
        prop::collection::vec(0u8..40, 0..40),
        select(&["", " ", "\u{1}", "\n", "&#14;", "\u{FEFF}", "\u{0}", "  \t"][..]),
    )
        .prop_map(|(base, mask, hows, prefix)| {
            let mut out = prefix.to_string();
            for (i, c) in mixed_case(base, mask).chars().enumerate() {
                disguise(c, hows.get(i).copied().unwrap_or(99), &mut out);
            }
            out
        })
}

pub fn attr_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => hostile_url(),
        3 => select(OTHER_VALUES).prop_map(str::to_string),
        1 => text_from(TEXT),
    ]
}

#[derive(Clone, Copy, Debug)]
pub enum Quote {
    Double,
    Single,
    Bare,
}

fn quote() -> impl Strategy<Value = Quote> {
    prop_oneof![Just(Quote::Double), Just(Quote::Single), Just(Quote::Bare)]
}

#[derive(Clone, Copy, Debug)]
pub enum Close {
    Normal,
    Missing,
    SelfClosing,
    Wrong(&'static str),
    Shouting,
}

#[derive(Clone, Debug)]
pub enum Node {
    Text(String),
    Element {
        tag: String,
        attrs: Vec<(String, String, Quote)>,
        children: Vec<Node>,
        close: Close,
    },
    Comment(String, bool),
    Cdata(String),
    Junk(&'static str),
}

fn attr(name: &str, value: &str, q: Quote, out: &mut String) {
    out.push(' ');
    out.push_str(name);
    out.push('=');
    let bare_ok = !value.is_empty() && !value.contains(|c: char| c.is_ascii_whitespace() || "\"'=<>`".contains(c));
    match q {
        Quote::Bare if bare_ok => out.push_str(value),
        Quote::Single => {
            out.push('\'');
            out.push_str(&value.replace('\'', "&#39;"));
            out.push('\'');
        }
        _ => {
            out.push('"');
            out.push_str(&value.replace('"', "&quot;"));
            out.push('"');
        }
    }
}

pub fn render(nodes: &[Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element {
                tag,
                attrs,
                children,
                close,
            } => {
                out.push('<');
                out.push_str(tag);
                for (k, v, q) in attrs {
                    attr(k, v, *q, out);
                }
                if matches!(close, Close::SelfClosing) {
                    out.push_str(" />");
                }
                out.push('>');
                render(children, out);
                match close {
                    Close::Normal => out.push_str(&format!("</{tag}>")),
                    Close::Wrong(other) => out.push_str(&format!("</{other}>")),
                    Close::Shouting => out.push_str(&format!("</{} foo=bar >", tag.to_ascii_uppercase())),
                    Close::Missing | Close::SelfClosing => {}
                }
            }
            Node::Comment(c, closed) => {
                out.push_str("<!--");
                out.push_str(c);
                if *closed {
                    out.push_str("-->");
                }
            }
            Node::Cdata(c) => {
                out.push_str("<![CDATA[");
                out.push_str(c);
                out.push_str("]]>");
            }
            Node::Junk(j) => out.push_str(j),
        }
    }
}

pub fn to_html(nodes: &[Node]) -> String {
    let mut s = String::new();
    render(nodes, &mut s);
    s
}

fn close() -> impl Strategy<Value = Close> {
    prop_oneof![
        6 => Just(Close::Normal),
        2 => Just(Close::Missing),
        1 => Just(Close::SelfClosing),
        1 => select(TAGS).prop_map(Close::Wrong),
        1 => Just(Close::Shouting),
    ]
}

fn tag_name() -> impl Strategy<Value = String> {
    (select(TAGS), any::<u64>(), 0u8..10).prop_map(|(t, mask, odd)| match odd {
        0 => mixed_case(t, mask),
        1 => format!("{t}/"),
        _ => t.to_string(),
    })
}

fn attrs() -> impl Strategy<Value = Vec<(String, String, Quote)>> {
    prop::collection::vec(
        (
            (select(ATTRS), any::<u64>()).prop_map(|(a, m)| mixed_case(a, m)),
            attr_value(),
            quote(),
        ),
        0..4,
    )
}

fn leaf() -> impl Strategy<Value = Node> {
    prop_oneof![
        6 => text_from(TEXT).prop_map(Node::Text),
        1 => (text_from(TEXT), any::<bool>()).prop_map(|(c, closed)| Node::Comment(c, closed)),
        1 => text_from(TEXT).prop_map(Node::Cdata),
        1 => select(&["<", "</", "<!", "<?xml ?>", "</>", "<!doctype html>", "< p>", "<p", "<a href=", "\"", "'", "<<script>", "<scr<script>ipt>", "]]>", "<br/>", "</br>", "</p>"][..]).prop_map(Node::Junk),
        2 => (tag_name(), attrs(), close()).prop_map(|(tag, attrs, close)| Node::Element { tag, attrs, children: Vec::new(), close }),
    ]
}

/// A forest of hostile nodes.
pub fn hostile_doc() -> impl Strategy<Value = Vec<Node>> {
    let node = leaf().prop_recursive(6, 80, 6, |inner| {
        (tag_name(), attrs(), prop::collection::vec(inner, 0..6), close()).prop_map(|(tag, attrs, children, close)| {
            Node::Element {
                tag,
                attrs,
                children,
                close,
            }
        })
    });
    prop::collection::vec(node, 0..8)
}

/// The same tag opened `depth` times, maybe closed, around some text.
pub fn deep_doc() -> impl Strategy<Value = String> {
    (select(TAGS), attrs(), 1usize..3000, any::<bool>(), text_from(TEXT)).prop_map(|(t, a, depth, closed, text)| {
        let mut open = format!("<{t}");
        for (k, v, q) in &a {
            attr(k, v, *q, &mut open);
        }
        open.push('>');
        let mut s = open.repeat(depth);
        s.push_str(&text);
        if closed {
            s.push_str(&format!("</{t}>").repeat(depth));
        }
        s
    })
}

/// Text without `<`: it opens no markup (`<a<script>` is one start tag,
/// whose content a browser shows too).
fn safe_text() -> impl Strategy<Value = String> + Clone {
    text_from(SAFE_TEXT).prop_map(|t| t.replace('<', ""))
}

/// Well-formed documents (every element closed, text that opens no markup,
/// no raw-text elements outside the dropped ones) in which `marker` only
/// ever appears inside elements the converter drops.
pub fn marked_doc(marker: &'static str) -> impl Strategy<Value = Vec<Node>> {
    let keep: Vec<&'static str> = TAGS
        .iter()
        .copied()
        .filter(|t| {
            !DROPPED.contains(t) && !matches!(*t, "plaintext" | "iframe" | "head" | "frameset" | "html" | "body")
        })
        .collect();
    let plain = safe_text().prop_map(Node::Text).prop_recursive(4, 40, 5, move |inner| {
        (select(keep.clone()), attrs(), prop::collection::vec(inner, 0..5)).prop_map(|(tag, attrs, children)| {
            Node::Element {
                tag: tag.to_string(),
                attrs,
                children,
                close: Close::Normal,
            }
        })
    });
    let dropped = (select(DROPPED), attrs(), safe_text()).prop_map(move |(tag, attrs, t)| Node::Element {
        tag: tag.to_string(),
        attrs,
        children: vec![Node::Text(format!("{t}{marker}{t}"))],
        close: Close::Normal,
    });
    let node = prop_oneof![3 => plain, 1 => dropped];
    node.prop_recursive(3, 60, 5, |inner| {
        (
            select(&["div", "p", "li", "td", "blockquote", "figure", "a", "em", "span"][..]),
            prop::collection::vec(inner, 0..5),
        )
            .prop_map(|(tag, children)| Node::Element {
                tag: tag.to_string(),
                attrs: Vec::new(),
                children,
                close: Close::Normal,
            })
    })
    .prop_map(|n| vec![n])
}
