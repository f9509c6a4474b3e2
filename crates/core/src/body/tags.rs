//! Element classification: what each tag name means to the converter.

use super::tokenizer::{StartTag, Token};
use crate::model::InlineStyle;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    P,
    /// `h1`..`h6`, with its level.
    H(u8),
    /// `ul`, `menu`, `dir`.
    Ul,
    Ol,
    Li,
    Dl,
    /// `dt`, `dd`.
    DtDd,
    Blockquote,
    Figure,
    Figcaption,
    Table,
    Caption,
    /// `thead`, `tbody`, `tfoot`.
    TSection,
    Tr,
    Td,
    Th,
    /// `pre`, `listing`.
    Pre,
    Hr,
    Br,
    Img,
    Iframe,
    A,
    /// `em`, `i`.
    Em,
    /// `strong`, `b`.
    Strong,
    Cite,
    Small,
    /// `del`, `ins`, `sub`, `sup`, `code`, `kbd`, `mark`, `q`, `abbr`… (not
    /// `cite` and `small`, which captions and quotes read on their own).
    Styled(InlineStyle),
    Footer,
    /// `dt` (`DtDd` is `dd`).
    Dt,
    Details,
    Summary,
    /// `audio`, `video`: kept for their URLs; their fallback content is not text.
    Audio,
    Video,
    /// `source` in `audio`/`video` (a leaf, like `img`).
    Source,
    /// Block containers with no meaning of their own (`div`, `section`, …).
    Block,
    /// Void elements that carry nothing we keep (`input`, `meta`, `wbr`, …).
    Void,
    /// Dropped together with all their content (`script`, `svg`, `form`, …).
    Drop,
    /// Anything else, custom elements included: transparent inline.
    Other,
}

impl Tag {
    pub fn from_name(name: &str) -> Tag {
        let mut buf = [0u8; 12];
        let src = name.as_bytes();
        let Some(dst) = buf.get_mut(..src.len()) else {
            return Tag::Other;
        };
        for (d, s) in dst.iter_mut().zip(src) {
            *d = s.to_ascii_lowercase();
        }
        match &*dst {
            b"p" => Tag::P,
            b"h1" => Tag::H(1),
            b"h2" => Tag::H(2),
            b"h3" => Tag::H(3),
            b"h4" => Tag::H(4),
            b"h5" => Tag::H(5),
            b"h6" => Tag::H(6),
            b"ul" | b"menu" | b"dir" => Tag::Ul,
            b"ol" => Tag::Ol,
            b"li" => Tag::Li,
            b"dl" => Tag::Dl,
            b"dd" => Tag::DtDd,
            b"dt" => Tag::Dt,
            b"details" => Tag::Details,
            b"summary" => Tag::Summary,
            b"audio" => Tag::Audio,
            b"video" => Tag::Video,
            b"source" => Tag::Source,
            b"blockquote" => Tag::Blockquote,
            b"figure" => Tag::Figure,
            b"figcaption" => Tag::Figcaption,
            b"table" => Tag::Table,
            b"caption" => Tag::Caption,
            b"thead" | b"tbody" | b"tfoot" => Tag::TSection,
            b"tr" => Tag::Tr,
            b"td" => Tag::Td,
            b"th" => Tag::Th,
            b"pre" | b"listing" => Tag::Pre,
            b"hr" => Tag::Hr,
            b"br" => Tag::Br,
            b"img" | b"image" => Tag::Img,
            b"iframe" => Tag::Iframe,
            b"a" => Tag::A,
            b"em" | b"i" => Tag::Em,
            b"strong" | b"b" => Tag::Strong,
            b"cite" => Tag::Cite,
            b"small" => Tag::Small,
            b"del" | b"s" | b"strike" => Tag::Styled(InlineStyle::Deleted),
            b"ins" | b"u" => Tag::Styled(InlineStyle::Inserted),
            b"sub" => Tag::Styled(InlineStyle::Subscript),
            b"sup" => Tag::Styled(InlineStyle::Superscript),
            b"code" | b"tt" | b"samp" | b"var" => Tag::Styled(InlineStyle::Code),
            b"kbd" => Tag::Styled(InlineStyle::Keyboard),
            b"mark" => Tag::Styled(InlineStyle::Highlight),
            b"q" => Tag::Styled(InlineStyle::Quotation),
            b"abbr" | b"acronym" => Tag::Styled(InlineStyle::Abbreviation),
            b"footer" => Tag::Footer,
            b"div" | b"section" | b"article" | b"main" | b"header" | b"aside" | b"nav" | b"address" | b"center"
            | b"hgroup" | b"fieldset" | b"search" | b"dialog" | b"body" | b"html" => Tag::Block,
            b"area" | b"base" | b"basefont" | b"bgsound" | b"col" | b"colgroup" | b"embed" | b"frame" | b"input"
            | b"keygen" | b"link" | b"meta" | b"param" | b"track" | b"wbr" => Tag::Void,
            b"script" | b"style" | b"template" | b"noscript" | b"svg" | b"math" | b"object" | b"applet" | b"form"
            | b"button" | b"select" | b"textarea" | b"option" | b"optgroup" | b"datalist" | b"title" | b"frameset"
            | b"canvas" | b"noembed" | b"noframes" | b"xmp" | b"plaintext" | b"map" => Tag::Drop,
            _ => Tag::Other,
        }
    }

    /// Starts a new block: loose text before and after it is a separate paragraph.
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::H(_)
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Dl
                | Tag::DtDd
                | Tag::Dt
                | Tag::Details
                | Tag::Summary
                | Tag::Blockquote
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Table
                | Tag::Caption
                | Tag::TSection
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Pre
                | Tag::Hr
                | Tag::Footer
                | Tag::Block
        )
    }

    /// Its start tag implicitly closes an open `<p>` (as in the HTML spec).
    pub fn closes_p(self) -> bool {
        self.is_block() && !matches!(self, Tag::Caption | Tag::TSection | Tag::Tr | Tag::Td | Tag::Th)
    }

    /// Inline elements that only wrap their content.
    pub fn is_inline_wrapper(self) -> bool {
        matches!(
            self,
            Tag::A | Tag::Em | Tag::Strong | Tag::Cite | Tag::Small | Tag::Other
        )
    }
}

/// Skips a dropped element's content, counting nested same-name elements.
/// Elements that a browser closes along with an ancestor (`<audio>`,
/// `<video>`, `<svg>`, `<form>`, …) end at an end tag of an element opened
/// before them, so an unclosed one cannot swallow the rest of the body;
/// scope boundaries (`<object>`, `<template>`, `<select>`, …) do not.
pub(crate) struct Skip<'a> {
    name: &'a str,
    depth: u32,
    scoped: bool,
    /// `<svg>`/`<math>`: some HTML start tags leave them (see [`breaks_out`]).
    foreign: bool,
    /// Elements opened inside, innermost last (bounded: past it, nesting is
    /// no longer tracked and any end tag is taken as theirs).
    inner: Vec<&'a str>,
}

/// What a token means to the element being skipped.
#[derive(Debug, PartialEq, Eq)]
enum Fed {
    /// Still inside: the token is dropped.
    Inside,
    /// The element's own end tag: dropped, and skipping ends.
    Ended,
    /// An ancestor's end tag: skipping ends and the token is processed.
    Escaped,
}

const MAX_INNER: usize = 64;

impl<'a> Skip<'a> {
    /// Skipping starts at a dropped element unless it closes itself; only
    /// foreign elements (`<svg/>`, `<math/>`) can, as in browsers.
    pub fn start(st: &StartTag<'a>) -> Option<Skip<'a>> {
        let is = |n: &str| st.name.eq_ignore_ascii_case(n);
        let foreign = is("svg") || is("math");
        let scoped = [
            "audio", "video", "canvas", "map", "svg", "math", "form", "datalist", "option", "optgroup",
        ]
        .into_iter()
        .any(is);
        (!(st.self_closing && foreign)).then_some(Skip {
            name: st.name,
            depth: 1,
            scoped,
            foreign,
            inner: Vec::new(),
        })
    }

    /// Feeds `tok` to the element being skipped, if any; true when the
    /// token is dropped with it (the element's content or own end tag).
    pub fn drops(skip: &mut Option<Skip<'a>>, tok: &Token<'a>) -> bool {
        let Some(s) = skip.as_mut() else { return false };
        let fed = s.feed(tok);
        if fed != Fed::Inside {
            *skip = None;
        }
        fed != Fed::Escaped
    }

    fn feed(&mut self, tok: &Token<'a>) -> Fed {
        match tok {
            Token::Start(st) if !st.self_closing && st.name.eq_ignore_ascii_case(self.name) => {
                self.depth = self.depth.saturating_add(1);
            }
            Token::End(n) if n.eq_ignore_ascii_case(self.name) => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    return Fed::Ended;
                }
            }
            Token::Start(st) if self.foreign && breaks_out(st.name) && !self.in_integration_point() => {
                return Fed::Escaped;
            }
            Token::Start(st)
                if self.scoped
                    && !st.self_closing
                    && !matches!(
                        Tag::from_name(st.name),
                        Tag::Void | Tag::Img | Tag::Br | Tag::Hr | Tag::Source
                    )
                    && self.inner.len() < MAX_INNER =>
            {
                self.inner.push(st.name);
            }
            Token::End(n) if self.scoped && self.inner.len() < MAX_INNER => {
                match self.inner.iter().rposition(|o| o.eq_ignore_ascii_case(n)) {
                    Some(i) => self.inner.truncate(i),
                    None => return Fed::Escaped,
                }
            }
            _ => {}
        }
        Fed::Inside
    }

    /// Inside `<foreignObject>`, `<desc>`, `<title>` or MathML text, HTML
    /// start tags stay in the foreign element.
    fn in_integration_point(&self) -> bool {
        const POINTS: [&str; 8] = ["foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext"];
        self.inner
            .iter()
            .any(|o| POINTS.iter().any(|p| o.eq_ignore_ascii_case(p)))
    }
}

/// HTML start tags that end foreign content (`<svg>`, `<math>`) in a
/// browser's tree builder: `<svg><p>text` shows the text.
#[rustfmt::skip]
const BREAKOUT: [&str; 44] = [
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr",
    "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
    "ul", "var",
];

fn breaks_out(name: &str) -> bool {
    BREAKOUT.iter().any(|n| name.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::super::tokenizer::{Token, Tokenizer};
    use super::{Skip, Tag};

    #[test]
    fn names_are_case_insensitive() {
        assert_eq!(Tag::from_name("P"), Tag::P);
        assert_eq!(Tag::from_name("H3"), Tag::H(3));
        assert_eq!(Tag::from_name("StRoNg"), Tag::Strong);
        assert_eq!(Tag::from_name("SCRIPT"), Tag::Drop);
        assert_eq!(Tag::from_name("my-widget"), Tag::Other);
        assert_eq!(Tag::from_name("a-very-long-custom-element"), Tag::Other);
        assert_eq!(Tag::from_name(""), Tag::Other);
        assert_eq!(Tag::from_name("é"), Tag::Other);
    }

    #[test]
    fn classification() {
        assert!(Tag::Block.is_block() && Tag::Block.closes_p());
        assert!(Tag::Td.is_block() && !Tag::Td.closes_p());
        assert!(!Tag::Other.is_block() && Tag::Other.is_inline_wrapper());
        assert!(!Tag::Img.is_block());
    }

    #[test]
    fn skip_counts_nesting() {
        let html = "<svg><svg></svg><svg/><g>in</svg>out";
        let mut toks = Tokenizer::new(html);
        let Some(Token::Start(st)) = toks.next() else {
            panic!("start")
        };
        let mut skip = Skip::start(&st);
        let mut rest = Vec::new();
        for t in toks.by_ref() {
            Skip::drops(&mut skip, &t);
            if skip.is_none() {
                break;
            }
        }
        rest.extend(toks);
        assert_eq!(rest, [Token::Text("out")]);
    }

    #[test]
    fn self_closing_only_for_foreign() {
        let mut t = Tokenizer::new("<svg/><form/>");
        let (Some(Token::Start(svg)), Some(Token::Start(form))) = (t.next(), t.next()) else {
            panic!("tags")
        };
        assert!(Skip::start(&svg).is_none());
        assert!(Skip::start(&form).is_some());
    }
}
