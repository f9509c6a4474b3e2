use serde::{Deserialize, Serialize};

use super::tagged::tagged_by_type;

use super::{Align, Button, Column, Definition, GalleryItem, Image, ListItem, ListMarker};

/// Inline content inside a paragraph, heading, list item, quote or table cell.
/// Text is plain text: it is escaped when rendered, never parsed as HTML.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "snake_case")]
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
    /// A reference to note `number` (from 1) of the body's
    /// [`Block::Footnotes`]; shown as that number, linked both ways.
    FootnoteRef {
        number: u32,
    },
    /// An inline kind this build does not know: skipped when rendered.
    #[serde(other)]
    Unknown,
}

tagged_by_type!(Inline);

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
            // The number means nothing without its note.
            Inline::FootnoteRef { .. } | Inline::Unknown => {}
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
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    /// `level` is 2 to 4: the page title is the only `h1`.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    /// `start`, `reversed` and `marker` only for ordered lists; items may
    /// hold nested lists (at most [`Block::MAX_LIST_DEPTH`] levels).
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<ListItem>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<i32>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        reversed: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        marker: Option<ListMarker>,
    },
    Quote {
        content: Vec<Inline>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
    Figure {
        image: Image,
        /// Where it sits beside the text (none: the column's width).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        align: Option<Align>,
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
    /// `dl`: terms and their descriptions.
    DefinitionList {
        items: Vec<Definition>,
    },
    /// `details`: a disclosure widget, closed until the reader opens it.
    /// `body` holds no further `Details` past [`Block::MAX_DETAILS_DEPTH`].
    Details {
        summary: Vec<Inline>,
        body: Vec<Block>,
    },
    /// A poem (`wp-block-verse`): line breaks kept, set in the text font.
    Verse {
        content: Vec<Inline>,
    },
    /// Source code (`wp-block-code`, `<pre><code>`), shown as written.
    Code {
        text: String,
    },
    /// A pull quote (`wp-block-pullquote`): a highlighted excerpt.
    PullQuote {
        content: Vec<Inline>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
    /// `wp-block-buttons`: links drawn as buttons.
    Buttons {
        buttons: Vec<Button>,
    },
    /// `wp-block-file`: a link to a file, by its name.
    File {
        href: String,
        name: String,
    },
    /// Audio with native controls, never autoplayed; `src` is a checked URL.
    Audio {
        src: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
    },
    /// Video with native controls, never autoplayed; URLs are checked.
    Video {
        src: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        poster: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        width: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        height: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
    },
    /// Footnotes (`wp-block-footnotes`): note `n` is `notes[n - 1]`.
    Footnotes {
        notes: Vec<Vec<Inline>>,
    },
    /// A grid of thumbnails (`[gallery]`, `wp-block-gallery`), each opening
    /// its full image; `columns` is 1 to [`Block::MAX_GALLERY_COLUMNS`].
    Gallery {
        items: Vec<GalleryItem>,
        columns: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        align: Option<Align>,
    },
    /// Columns side by side (`wp-block-columns`), stacked on phones.
    Columns {
        columns: Vec<Column>,
    },
    /// Media beside text (`wp-block-media-text`); `media_width` is the
    /// media's share in percent (15 to 85; none: half).
    MediaText {
        media: Vec<Block>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        media_right: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        media_width: Option<u8>,
        body: Vec<Block>,
    },
    /// Text over an image (`wp-block-cover`), on a dark scrim.
    Cover {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        image: Option<Image>,
        body: Vec<Block>,
        /// Wide, full or floated, as the editor set it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        align: Option<Align>,
    },
    /// Blocks kept together (`wp-block-group`).
    Group {
        body: Vec<Block>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        align: Option<Align>,
    },
    #[serde(other)]
    Unknown,
}

tagged_by_type!(Block);

impl Block {
    /// Lists nest at most this deep; deeper items join the deepest level.
    pub const MAX_LIST_DEPTH: usize = 8;
    /// `details` nest at most this deep; deeper ones become plain blocks.
    pub const MAX_DETAILS_DEPTH: usize = 4;

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
        fn into(blocks: &[Block], media: bool, out: &mut Vec<String>) {
            for b in blocks {
                match b {
                    // Nested blocks are walked once, here.
                    Block::List { items, .. } => items.iter().for_each(|i| {
                        walk(&i.content, out);
                        into(&i.children, media, out);
                    }),
                    Block::Details { summary, body } => {
                        walk(summary, out);
                        into(body, media, out);
                    }
                    Block::Buttons { buttons } => out.extend(buttons.iter().map(|b| b.href.clone())),
                    Block::File { href, .. } => out.push(href.clone()),
                    Block::Audio { src, .. } if media => out.push(src.clone()),
                    Block::Video { src, poster, .. } if media => {
                        out.push(src.clone());
                        out.extend(poster.clone());
                    }
                    Block::Figure { .. } | Block::Gallery { .. } | Block::Cover { .. } => {
                        if let Block::Gallery { items, .. } = b {
                            out.extend(items.iter().filter(|i| !i.full.is_empty()).map(|i| i.full.clone()));
                        }
                        for image in b.own_images().into_iter().filter(|_| media) {
                            out.push(image.url.clone());
                            out.extend(image.sources.iter().map(|s| s.url.clone()));
                        }
                        for c in b.layout_children() {
                            into(std::slice::from_ref(c), media, out);
                        }
                    }
                    Block::Columns { .. } | Block::MediaText { .. } | Block::Group { .. } => {
                        for c in b.layout_children() {
                            into(std::slice::from_ref(c), media, out);
                        }
                    }
                    Block::Embed { url, embed_url, .. } if media => {
                        out.push(url.clone());
                        out.push(embed_url.clone());
                    }
                    _ => b.inline_runs().into_iter().for_each(|r| walk(r, out)),
                }
            }
        }
        let mut out = Vec::new();
        into(blocks, media, &mut out);
        out
    }
}
