use serde::{Deserialize, Serialize};

use super::Image;

/// Inline content inside a paragraph, heading, list item, quote or table cell.
/// Text is plain text: it is escaped when rendered, never parsed as HTML.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        children: Vec<Inline>,
    },
    Strong {
        children: Vec<Inline>,
    },
    /// `href` is already checked: http(s), mailto or a site-relative path.
    Link {
        href: String,
        children: Vec<Inline>,
    },
    LineBreak,
    /// Text with a meaning of its own: struck out, inserted, code, a key,
    /// an abbreviation (with its expansion as `title`)…
    Styled {
        style: InlineStyle,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        children: Vec<Inline>,
    },
    /// An inline kind this build does not know: skipped when rendered.
    #[serde(other)]
    Unknown,
}

/// What a [`Inline::Styled`] run means; each is rendered as its HTML element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InlineStyle {
    /// `del`, `s`, `strike`.
    Deleted,
    /// `ins`, `u`.
    Inserted,
    Subscript,
    Superscript,
    /// `code`, `tt`, `samp`, `var`.
    Code,
    /// `kbd`.
    Keyboard,
    /// `mark`.
    Highlight,
    Small,
    /// `cite`: the title of a work.
    Cite,
    /// `q`: an inline quotation (the browser adds the quotation marks).
    Quotation,
    /// `abbr`, `acronym`.
    Abbreviation,
}

impl InlineStyle {
    /// The HTML element it is written as.
    pub fn tag(self) -> &'static str {
        match self {
            InlineStyle::Deleted => "del",
            InlineStyle::Inserted => "ins",
            InlineStyle::Subscript => "sub",
            InlineStyle::Superscript => "sup",
            InlineStyle::Code => "code",
            InlineStyle::Keyboard => "kbd",
            InlineStyle::Highlight => "mark",
            InlineStyle::Small => "small",
            InlineStyle::Cite => "cite",
            InlineStyle::Quotation => "q",
            InlineStyle::Abbreviation => "abbr",
        }
    }
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Self {
        Inline::Text { text: s.into() }
    }

    /// The plain text of a run of inlines (for search, excerpts, titles).
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for i in inlines {
            i.push_text(&mut out);
        }
        out
    }

    fn push_text(&self, out: &mut String) {
        match self {
            Inline::Text { text } => out.push_str(text),
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Link { children, .. }
            | Inline::Styled { children, .. } => {
                for c in children {
                    c.push_text(out);
                }
            }
            Inline::LineBreak => out.push(' '),
            Inline::Unknown => {}
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableCell {
    #[serde(default)]
    pub header: bool,
    #[serde(default)]
    pub content: Vec<Inline>,
    /// Columns and rows the cell spans (1 to [`TableCell::MAX_SPAN`]).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub colspan: u16,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub rowspan: u16,
}

impl TableCell {
    /// A larger span is cut to this: no table lays out hundreds of columns.
    pub const MAX_SPAN: u16 = 100;

    /// A cell spanning one column and one row.
    pub fn new(header: bool, content: Vec<Inline>) -> TableCell {
        TableCell {
            header,
            content,
            colspan: 1,
            rowspan: 1,
        }
    }
}

fn one() -> u16 {
    1
}

fn is_one(n: &u16) -> bool {
    *n == 1
}

/// The providers whose embeds Kiosque will load (click-to-load, sandboxed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmbedProvider {
    Youtube,
    Vimeo,
    Dailymotion,
    Soundcloud,
    Openstreetmap,
}

/// One block of an article body. Unknown block types are skipped, not fatal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    /// `level` is 2 to 4: the page title is the only `h1`.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Quote {
        content: Vec<Inline>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
    Figure {
        image: Image,
    },
    Table {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        rows: Vec<Vec<TableCell>>,
    },
    /// Text whose spaces and line breaks matter (code, poetry laid out by
    /// hand): shown as written, in a box that scrolls sideways.
    Preformatted {
        text: String,
    },
    /// A thematic break between sections (`<hr>`).
    Separator,
    /// `embed_url` is the provider's player URL (built by the adapter);
    /// `url` is the public page, the fallback link.
    Embed {
        provider: EmbedProvider,
        url: String,
        embed_url: String,
        title: String,
        width: u32,
        height: u32,
    },
    #[serde(other)]
    Unknown,
}

impl Block {
    /// Every link target in a body, in reading order (for link checks).
    pub fn links(blocks: &[Block]) -> Vec<String> {
        Self::collect(blocks, false)
    }

    /// Every URL a browser would load or follow in a body: links, images
    /// and their sources, embeds (for URL safety checks).
    pub fn urls(blocks: &[Block]) -> Vec<String> {
        Self::collect(blocks, true)
    }

    fn collect(blocks: &[Block], media: bool) -> Vec<String> {
        fn walk(inlines: &[Inline], out: &mut Vec<String>) {
            for i in inlines {
                match i {
                    Inline::Link { href, children } => {
                        out.push(href.clone());
                        walk(children, out);
                    }
                    Inline::Emphasis { children } | Inline::Strong { children } | Inline::Styled { children, .. } => {
                        walk(children, out)
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        for b in blocks {
            match b {
                Block::Paragraph { content } | Block::Heading { content, .. } | Block::Quote { content, .. } => {
                    walk(content, &mut out)
                }
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, &mut out)),
                Block::Table { rows, .. } => rows.iter().flatten().for_each(|c| walk(&c.content, &mut out)),
                Block::Figure { image } if media => {
                    out.push(image.url.clone());
                    out.extend(image.sources.iter().map(|s| s.url.clone()));
                }
                Block::Embed { url, embed_url, .. } if media => {
                    out.push(url.clone());
                    out.push(embed_url.clone());
                }
                _ => {}
            }
        }
        out
    }
}
