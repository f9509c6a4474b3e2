//! The properties, written independently of the code under test: what a
//! browser would do with a URL, and which shapes the output may take.

use kiosque_core::body::decode_entities;
use kiosque_core::model::{Article, ArticleSummary, Author, Block, Image, Inline, SiteInfo, StaticPage};
use serde_json::Value;

/// The scheme a browser reads from an `href`/`src` value (WHATWG URL
/// parsing: C0 controls and spaces trimmed, tabs and newlines removed, then
/// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`), lowercased.
fn browser_scheme(u: &str) -> Option<String> {
    let t = u.trim_matches(|c: char| c <= ' ');
    let s: String = t.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    for (i, c) in chars {
        if c == ':' {
            return Some(s[..i].to_ascii_lowercase());
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            return None;
        }
    }
    None
}

/// Characters a human (or a lenient parser) might not see: whitespace,
/// controls and Unicode format characters (a superset of what the project
/// strips).
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Why `u` breaks the project's URL rule, if it does: its scheme must be
/// http, https or mailto, or it is relative (to the site: never `//host`);
/// http(s) URLs name a host; no control characters; and no scheme appears
/// either once entities are decoded (three times) and invisible
/// characters are removed.
pub fn url_problem(u: &str) -> Option<&'static str> {
    if u.is_empty() {
        return Some("empty URL");
    }
    if u.chars().any(char::is_control) {
        return Some("control character in URL");
    }
    let allowed = |s: &Option<String>| s.as_deref().is_none_or(|s| matches!(s, "http" | "https" | "mailto"));
    let scheme = browser_scheme(u);
    if !allowed(&scheme) {
        return Some("scheme not in http/https/mailto");
    }
    match scheme.as_deref() {
        Some("http" | "https") => {
            let rest = &u[u.find(':').unwrap_or(0) + 1..];
            let host = rest.strip_prefix("//").unwrap_or("");
            if !rest.starts_with("//") || host.is_empty() || host.starts_with(['/', '\\', '?', '#']) {
                return Some("http(s) URL without //host");
            }
        }
        Some(_) => {}
        None => {
            let b = u.as_bytes();
            if b.len() >= 2 && matches!(b[0], b'/' | b'\\') && matches!(b[1], b'/' | b'\\') {
                return Some("protocol-relative URL");
            }
        }
    }
    let mut decoded = u.to_string();
    for _ in 0..3 {
        decoded = decode_entities(&decoded);
    }
    let squeezed: String = decoded.chars().filter(|c| !invisible(*c)).collect();
    if !allowed(&browser_scheme(&squeezed)) {
        return Some("a disallowed scheme appears once decoded");
    }
    None
}

pub fn assert_url(u: &str, ctx: &str) {
    if let Some(p) = url_problem(u) {
        panic!("{p}: {u:?} ({ctx})");
    }
}

pub fn image_urls(img: &Image, out: &mut Vec<String>) {
    out.push(img.url.clone());
    out.extend(img.sources.iter().map(|s| s.url.clone()));
}

/// Every URL a browser would load or follow in a body.
pub fn block_urls(blocks: &[Block]) -> Vec<String> {
    Block::urls(blocks)
}

/// The serialized output may only hold these object keys and `type` tags:
/// there is no variant that could carry markup, styles or handlers.
const KEYS: [&str; 38] = [
    "type",
    "text",
    "children",
    "href",
    "content",
    "level",
    "ordered",
    "items",
    "cite",
    "image",
    "url",
    "width",
    "height",
    "alt",
    "caption",
    "credit",
    "sources",
    "rows",
    "header",
    "provider",
    "embed_url",
    "title",
    "style",
    "colspan",
    "rowspan",
    "start",
    "reversed",
    "marker",
    "terms",
    "details",
    "summary",
    "body",
    "buttons",
    "name",
    "src",
    "poster",
    "notes",
    "number",
];
const TYPES: [&str; 26] = [
    "paragraph",
    "heading",
    "list",
    "quote",
    "figure",
    "table",
    "embed",
    "text",
    "emphasis",
    "strong",
    "link",
    "line_break",
    "styled",
    "preformatted",
    "separator",
    "definition_list",
    "details",
    "verse",
    "code",
    "pull_quote",
    "buttons",
    "file",
    "audio",
    "video",
    "footnotes",
    "footnote_ref",
];

fn walk_shape(v: &Value, path: &mut String) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                assert!(KEYS.contains(&k.as_str()), "unexpected key {k:?} at {path}");
                if k == "type" {
                    let t = child.as_str().unwrap_or("");
                    assert!(TYPES.contains(&t), "unexpected type {t:?} at {path}");
                }
                let len = path.len();
                path.push('.');
                path.push_str(k);
                walk_shape(child, path);
                path.truncate(len);
            }
        }
        Value::Array(a) => a.iter().for_each(|c| walk_shape(c, path)),
        _ => {}
    }
}

/// Structure and URL rules for converter output.
pub fn assert_blocks(blocks: &[Block], ctx: &str) {
    for u in block_urls(blocks) {
        assert_url(&u, ctx);
    }
    for b in blocks {
        match b {
            Block::Heading { level, .. } => assert!((2..=4).contains(level), "heading level {level} ({ctx})"),
            Block::Figure { image, .. } => assert!(image.width > 0 && image.height > 0, "figure without size ({ctx})"),
            Block::Gallery { items, columns, .. } => {
                assert!(
                    (1..=Block::MAX_GALLERY_COLUMNS).contains(columns),
                    "gallery columns {columns} ({ctx})"
                );
                assert!(
                    !items.is_empty() && items.len() <= Block::MAX_GALLERY_IMAGES,
                    "gallery size ({ctx})"
                );
            }
            Block::Embed { embed_url, .. } => {
                assert!(
                    embed_url.starts_with("https://"),
                    "embed not over https: {embed_url:?} ({ctx})"
                )
            }
            _ => {}
        }
    }
    let json = serde_json::to_value(blocks).unwrap_or_else(|e| panic!("blocks do not serialize: {e}"));
    walk_shape(&json, &mut String::new());
}

/// All the plain text of blocks, one string per text node (and captions,
/// alt texts, cites).
pub fn block_texts(blocks: &[Block], out: &mut Vec<String>) {
    fn inl(v: &[Inline], out: &mut Vec<String>) {
        for i in v {
            match i {
                Inline::Text { text } => out.push(text.clone()),
                Inline::Emphasis { children }
                | Inline::Strong { children }
                | Inline::Link { children, .. }
                | Inline::Styled { children, .. } => inl(children, out),
                _ => {}
            }
        }
    }
    for b in blocks {
        match b {
            Block::Paragraph { content } | Block::Heading { content, .. } => inl(content, out),
            Block::Quote { content, cite } => {
                inl(content, out);
                out.extend(cite.clone());
            }
            Block::List { items, .. } => items.iter().for_each(|i| {
                inl(&i.content, out);
                block_texts(&i.children, out);
            }),
            Block::Table { rows, caption } => {
                rows.iter().flatten().for_each(|c| inl(&c.content, out));
                out.extend(caption.clone());
            }
            Block::Figure { image, .. } => image_texts(image, out),
            Block::Gallery { items, caption, .. } => {
                items.iter().for_each(|i| image_texts(&i.image, out));
                out.extend(caption.clone());
            }
            Block::Cover { image, body, .. } => {
                image.iter().for_each(|i| image_texts(i, out));
                block_texts(body, out);
            }
            Block::Columns { .. } | Block::MediaText { .. } | Block::Group { .. } => {
                block_texts(&b.layout_children().into_iter().cloned().collect::<Vec<_>>(), out)
            }
            Block::Embed { title, .. } => out.push(title.clone()),
            Block::Preformatted { text } => out.push(text.clone()),
            _ => b.inline_runs().into_iter().for_each(|r| inl(r, out)),
        }
    }
}

pub fn image_texts(img: &Image, out: &mut Vec<String>) {
    out.push(img.alt.clone());
    out.extend(img.caption.clone());
    out.extend(img.credit.clone());
}

/// Texts and URLs of mapped content (what the views show and follow).
#[derive(Default)]
pub struct Mapped {
    pub texts: Vec<String>,
    pub urls: Vec<String>,
}

impl Mapped {
    pub fn image(&mut self, img: &Option<Image>) {
        if let Some(i) = img {
            image_texts(i, &mut self.texts);
            image_urls(i, &mut self.urls);
        }
    }

    pub fn summary(&mut self, s: &ArticleSummary) {
        self.texts
            .extend([s.title.clone(), s.standfirst.clone(), s.category.name.clone()]);
        self.texts.extend(s.authors.iter().map(|a| a.name.clone()));
        self.image(&s.image);
    }

    pub fn blocks(&mut self, body: &[Block], ctx: &str) {
        assert_blocks(body, ctx);
        block_texts(body, &mut self.texts);
        self.urls.extend(block_urls(body));
    }

    pub fn article(&mut self, a: &Article, ctx: &str) {
        self.texts
            .extend([a.title.clone(), a.standfirst.clone(), a.category.name.clone()]);
        self.texts.extend(a.tags.iter().map(|t| t.name.clone()));
        self.texts.extend(a.authors.iter().map(|t| t.name.clone()));
        self.image(&a.image);
        self.blocks(&a.body, ctx);
        a.related.iter().for_each(|r| self.summary(r));
    }

    pub fn page(&mut self, p: &StaticPage, ctx: &str) {
        self.texts.push(p.title.clone());
        self.blocks(&p.body, ctx);
    }

    pub fn author(&mut self, a: &Author) {
        self.texts.extend([a.name.clone(), a.bio.clone()]);
        self.image(&a.avatar);
    }

    pub fn site(&mut self, s: &SiteInfo) {
        self.texts.extend([s.name.clone(), s.tagline.clone()]);
        self.texts.extend(s.nav.iter().map(|n| n.name.clone()));
    }

    /// URL rule on every URL; no text holds `marker` (it only ever appears
    /// inside dropped elements of the input).
    pub fn assert_clean(&self, marker: &str, ctx: &str) {
        for u in &self.urls {
            assert_url(u, ctx);
        }
        for t in &self.texts {
            assert!(!t.contains(marker), "dropped content leaked into text {t:?} ({ctx})");
        }
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn render_inlines(v: &[Inline], out: &mut String) {
    for i in v {
        match i {
            Inline::Text { text } => out.push_str(&esc(text)),
            Inline::LineBreak => out.push_str("<br>"),
            Inline::Emphasis { children } => {
                out.push_str("<em>");
                render_inlines(children, out);
                out.push_str("</em>");
            }
            Inline::Strong { children } => {
                out.push_str("<strong>");
                render_inlines(children, out);
                out.push_str("</strong>");
            }
            Inline::Link { href, children } => {
                out.push_str(&format!("<a href=\"{}\">", esc(href)));
                render_inlines(children, out);
                out.push_str("</a>");
            }
            Inline::Styled { style, title, children } => {
                match title {
                    Some(t) => out.push_str(&format!("<{} title=\"{}\">", style.tag(), esc(t))),
                    None => out.push_str(&format!("<{}>", style.tag())),
                }
                render_inlines(children, out);
                out.push_str(&format!("</{}>", style.tag()));
            }
            Inline::FootnoteRef { .. } | Inline::Unknown => {}
        }
    }
}

/// Whether a block is rendered by `render_text_blocks` (figures and embeds
/// are not: their HTML form is not unique).
pub fn is_text_block(b: &Block) -> bool {
    matches!(
        b,
        Block::Paragraph { .. }
            | Block::Heading { .. }
            | Block::List { .. }
            | Block::Quote { .. }
            | Block::Table { .. }
            | Block::Preformatted { .. }
    )
}

/// Text blocks back to the plainest HTML that means them.
pub fn render_text_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Paragraph { content } => {
                out.push_str("<p>");
                render_inlines(content, &mut out);
                out.push_str("</p>\n");
            }
            Block::Heading { level, content } => {
                out.push_str(&format!("<h{level}>"));
                render_inlines(content, &mut out);
                out.push_str(&format!("</h{level}>\n"));
            }
            Block::List { .. } => {
                render_list(b, &mut out);
                out.push('\n');
            }
            Block::Quote { content, cite } => {
                out.push_str("<blockquote><p>");
                render_inlines(content, &mut out);
                out.push_str("</p>");
                if let Some(c) = cite {
                    out.push_str(&format!("<cite>{}</cite>", esc(c)));
                }
                out.push_str("</blockquote>\n");
            }
            Block::Table { caption, rows } => {
                out.push_str("<table>");
                if let Some(c) = caption {
                    out.push_str(&format!("<caption>{}</caption>", esc(c)));
                }
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let tag = if cell.header { "th" } else { "td" };
                        let span = |name, n: u16| {
                            if n > 1 {
                                format!(" {name}=\"{n}\"")
                            } else {
                                String::new()
                            }
                        };
                        out.push_str(&format!(
                            "<{tag}{}{}>",
                            span("colspan", cell.colspan),
                            span("rowspan", cell.rowspan)
                        ));
                        render_inlines(&cell.content, &mut out);
                        out.push_str(&format!("</{tag}>"));
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</table>\n");
            }
            // The newline after `<pre>` is not content: one is added so a
            // text starting with its own newline keeps it.
            Block::Preformatted { text } => out.push_str(&format!("<pre>\n{}</pre>\n", esc(text))),
            _ => {}
        }
    }
    out
}

/// A list with its numbering attributes and nested lists.
fn render_list(b: &Block, out: &mut String) {
    let Block::List {
        ordered,
        items,
        start,
        reversed,
        marker,
    } = b
    else {
        return;
    };
    let tag = if *ordered { "ol" } else { "ul" };
    out.push_str(&format!("<{tag}"));
    if let Some(n) = start {
        out.push_str(&format!(" start=\"{n}\""));
    }
    if *reversed {
        out.push_str(" reversed");
    }
    if let Some(m) = marker {
        out.push_str(&format!(" type=\"{}\"", m.attr()));
    }
    out.push('>');
    for item in items {
        out.push_str("<li>");
        render_inlines(&item.content, out);
        item.children.iter().for_each(|c| render_list(c, out));
        out.push_str("</li>");
    }
    out.push_str(&format!("</{tag}>"));
}

/// Text as HTML text: `&`, `<` and `>` escaped.
pub fn escape_text(s: &str) -> String {
    esc(s)
}
