//! Hostile-input robustness: no panic, bounded time, bounded output.

use std::time::{Duration, Instant};

use super::{html_to_blocks, html_to_text, BodyOptions};
use crate::model::{Block, Inline};

/// Generous: tests run unoptimized on a 2-core machine.
const BUDGET: Duration = Duration::from_secs(10);

fn run(html: &str) -> Vec<Block> {
    let start = Instant::now();
    let blocks = html_to_blocks(html, &BodyOptions::default());
    let _ = html_to_text(html);
    assert!(
        start.elapsed() < BUDGET,
        "took {:?} on {} bytes",
        start.elapsed(),
        html.len()
    );
    blocks
}

fn text_of(blocks: &[Block]) -> String {
    let mut s = String::new();
    for b in blocks {
        match b {
            Block::Paragraph { content } | Block::Heading { content, .. } | Block::Quote { content, .. } => {
                s.push_str(&Inline::plain_text(content))
            }
            Block::List { .. } => b
                .inline_runs()
                .into_iter()
                .for_each(|i| s.push_str(&Inline::plain_text(i))),
            Block::Table { rows, .. } => rows
                .iter()
                .flatten()
                .for_each(|c| s.push_str(&Inline::plain_text(&c.content))),
            _ => {}
        }
    }
    s
}

/// A small deterministic generator (no rand crate).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn noise(seed: u64, len: usize, alphabet: &[&str]) -> String {
    let mut g = Lcg(seed);
    let mut s = String::with_capacity(len + 16);
    while s.len() < len {
        let n = usize::try_from(g.next()).unwrap_or(0) % alphabet.len();
        s.push_str(alphabet[n]);
    }
    s
}

#[test]
fn deep_nesting() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<b>", "</b>"),
        ("<em><a href=/x>", "</a></em>"),
        ("<ul><li>", "</li></ul>"),
        ("<blockquote>", "</blockquote>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<figure>", "</figure>"),
        ("<span><p>", "</p></span>"),
        ("<my-el>", "</my-el>"),
        ("<h2><div>", "</div></h2>"),
    ] {
        let html = format!("{}deep{}", open.repeat(10_000), close.repeat(10_000));
        let blocks = run(&html);
        assert_eq!(text_of(&blocks), "deep", "{open}");
        let unclosed = format!("{}deep", open.repeat(10_000));
        assert_eq!(text_of(&run(&unclosed)), "deep", "{open} unclosed");
    }
}

#[test]
fn unclosed_and_stray_tags() {
    let blocks = run("<p><b><i>text");
    let want = Inline::Strong {
        children: vec![Inline::Emphasis {
            children: vec![Inline::text("text")],
        }],
    };
    assert_eq!(blocks, [Block::Paragraph { content: vec![want] }]);
    assert_eq!(text_of(&run("</p></div></b>a</li></td></table>b")), "ab");
    assert_eq!(text_of(&run("<p>a<a href='x")), "a");
    assert_eq!(text_of(&run("a<!-- b")), "a");
    assert_eq!(text_of(&run("a<script>b")), "a");
    assert_eq!(
        text_of(&run("<table><td>a<tr>b")),
        "ba",
        "stray text goes before the table"
    );
}

/// An unclosed `<audio>` or `<svg>` ends with its parent, as in browsers,
/// instead of swallowing the rest of the body; its own content (fallback
/// text no browser shows) stays dropped. HTML start tags such as `<p>` leave
/// `<svg>`, except inside `<foreignObject>`. `<object>` is a scope boundary.
#[test]
fn unclosed_dropped_elements_end_with_their_parent() {
    let html = "<p>a <audio src=x> fallback</p><p>b</p><ul><li>c <video><source src=v><span>f</span> g</li>\
                <li>d</li></ul><p>e<svg><g>x</g></p><p>h</p><svg><g><p>i</p>";
    assert_eq!(text_of(&run(html)), "abcdehi");
    assert_eq!(html_to_text(html), "a b c d e h i");
    let html = "<p>a<svg><foreignObject><p>x</p></foreignObject><text>y</text></svg>b</p>";
    assert_eq!(text_of(&run(html)), "ab");
    assert_eq!(text_of(&run("<p>a<audio><audio></audio>b</p>c")), "ac");
    assert_eq!(text_of(&run("<p>a<object>b</p><p>c")), "a");
    assert_eq!(text_of(&run("<p>a<script>b</p><p>c")), "a");
}

#[test]
fn lone_angle_brackets() {
    assert_eq!(text_of(&run("a < b > c")), "a < b > c");
    assert_eq!(text_of(&run("<")), "<");
    assert_eq!(text_of(&run("a<")), "a<");
    let lt = "<".repeat(1 << 20);
    assert_eq!(text_of(&run(&lt)).len(), 1 << 20);
    let gt = ">".repeat(1 << 20);
    assert_eq!(run(&gt).len(), 1);
}

#[test]
fn multibyte_around_tag_boundaries() {
    let got = text_of(&run("é<b>ü</b>€<p>日本</p>🎉<br>😀<é>&eacute;<a href=é>ñ</a>"));
    assert_eq!(got, "éü€日本🎉 😀<é>éñ");
    for s in ["<é", "</é", "<!é", "&é", "&#é", "<a é=é>", "<img src=é alt=\"é"] {
        run(s);
    }
}

#[test]
fn random_ascii_soup() {
    let alphabet = [
        "<",
        ">",
        "/",
        "=",
        "\"",
        "'",
        " ",
        "\n",
        "a",
        "p",
        "b",
        "i",
        "img",
        "li",
        "ul",
        "td",
        "tr",
        "table",
        "div",
        "href",
        "src",
        "&",
        "#",
        ";",
        "x",
        "!",
        "-",
        "--",
        "script",
        "style",
        "figure",
        "iframe",
        "blockquote",
        "br",
    ];
    for seed in 0..4 {
        let html = noise(seed, 200_000, &alphabet);
        run(&html);
    }
}

#[test]
fn random_tag_soup_with_multibyte() {
    let alphabet = [
        "<p>",
        "</p>",
        "<li>",
        "<ul>",
        "</ul>",
        "<table>",
        "<tr>",
        "<td>",
        "</table>",
        "<b>",
        "</b>",
        "<a href=/x>",
        "</a>",
        "<blockquote>",
        "</blockquote>",
        "<figure>",
        "<img src=/i.jpg>",
        "<figcaption>",
        "</figure>",
        "é",
        "日本",
        "🎉",
        " ",
        "&nbsp;",
        "&#x1F600;",
        "<br>",
        "<h2>",
        "</h2>",
        "<svg>",
        "</svg>",
        "<script>",
        "</script>",
        "<iframe src=https://youtu.be/abc>",
        "</iframe>",
        "<pre>",
        "\n",
        "<div>",
        "</div>",
    ];
    for seed in 0..4 {
        let html = noise(seed, 200_000, &alphabet);
        run(&html);
    }
}

#[test]
fn many_end_tags_under_deep_stack() {
    let html = format!("{}{}", "<span>".repeat(200), "</x>".repeat(250_000));
    run(&html);
    let html = format!("{}{}", "<span>".repeat(200), "<div>".repeat(250_000));
    run(&html);
}

#[test]
fn many_attributes_and_long_values() {
    let html = format!(
        "<p {}>x</p><a href=\"{}\">y</a>",
        "a=1 ".repeat(100_000),
        "/".repeat(100_000)
    );
    assert_eq!(text_of(&run(&html)), "xy");
}
