//! Parts of the text-level blocks: list items (which may hold nested
//! lists), list markers, definition-list entries and buttons.

use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{Block, Inline};

/// One list item: its text, then the lists nested in it. Written as a bare
/// array of inlines when it has no nested list (the format's original
/// shape, which is still read).
#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    pub content: Vec<Inline>,
    /// Nested lists ([`Block::List`]); other blocks are skipped when rendered.
    pub children: Vec<Block>,
}

impl ListItem {
    pub fn new(content: Vec<Inline>) -> ListItem {
        ListItem {
            content,
            children: Vec::new(),
        }
    }
}

/// The object form, for items with nested lists.
#[derive(Serialize, Deserialize)]
struct Nested<C, B> {
    #[serde(default)]
    content: C,
    #[serde(default)]
    children: B,
}

impl Serialize for ListItem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.children.is_empty() {
            self.content.serialize(s)
        } else {
            Nested {
                content: &self.content,
                children: &self.children,
            }
            .serialize(s)
        }
    }
}

/// Chosen by the value's shape (array or object), not by trying each form
/// on a buffered copy as `#[serde(untagged)]` does (see `model/tagged`).
impl<'de> Deserialize<'de> for ListItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Shape;
        impl<'de> Visitor<'de> for Shape {
            type Value = ListItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list item: an array of inlines or an object")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<ListItem, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(seq)).map(ListItem::new)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ListItem, A::Error> {
                let Nested { content, children } = Nested::deserialize(MapAccessDeserializer::new(map))?;
                Ok(ListItem { content, children })
            }
        }
        d.deserialize_any(Shape)
    }
}

/// The numbering of an ordered list (HTML's `type` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListMarker {
    /// `1`
    Decimal,
    /// `a`
    LowerAlpha,
    /// `A`
    UpperAlpha,
    /// `i`
    LowerRoman,
    /// `I`
    UpperRoman,
}

impl ListMarker {
    /// From the `type` attribute (case matters: `a` and `A` differ).
    pub fn from_attr(s: &str) -> Option<ListMarker> {
        match s.trim() {
            "1" => Some(ListMarker::Decimal),
            "a" => Some(ListMarker::LowerAlpha),
            "A" => Some(ListMarker::UpperAlpha),
            "i" => Some(ListMarker::LowerRoman),
            "I" => Some(ListMarker::UpperRoman),
            _ => None,
        }
    }

    /// The value written back as `type`.
    pub fn attr(self) -> &'static str {
        match self {
            ListMarker::Decimal => "1",
            ListMarker::LowerAlpha => "a",
            ListMarker::UpperAlpha => "A",
            ListMarker::LowerRoman => "i",
            ListMarker::UpperRoman => "I",
        }
    }
}

/// One entry of a definition list: its terms (`dt`), then their
/// descriptions (`dd`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    #[serde(default)]
    pub terms: Vec<Vec<Inline>>,
    #[serde(default)]
    pub details: Vec<Vec<Inline>>,
}

/// A link drawn as a button; `href` is already checked like any link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Button {
    pub href: String,
    pub text: String,
}

impl Block {
    /// The inline runs of a block a reader sees as text, nested blocks
    /// included (list items' lists, a details' body), in reading order.
    pub fn inline_runs(&self) -> Vec<&[Inline]> {
        let mut out = Vec::new();
        self.runs_into(&mut out);
        out
    }

    fn runs_into<'a>(&'a self, out: &mut Vec<&'a [Inline]>) {
        match self {
            Block::Paragraph { content }
            | Block::Heading { content, .. }
            | Block::Quote { content, .. }
            | Block::Verse { content }
            | Block::PullQuote { content, .. } => out.push(content),
            Block::List { items, .. } => {
                for i in items {
                    out.push(&i.content);
                    i.children.iter().for_each(|c| c.runs_into(out));
                }
            }
            Block::Table { rows, .. } => rows.iter().flatten().for_each(|c| out.push(&c.content)),
            Block::DefinitionList { items } => {
                for d in items {
                    d.terms.iter().chain(&d.details).for_each(|r| out.push(r));
                }
            }
            Block::Details { summary, body } => {
                out.push(summary);
                body.iter().for_each(|b| b.runs_into(out));
            }
            Block::Footnotes { notes } => notes.iter().for_each(|n| out.push(n)),
            _ => self.layout_children().into_iter().for_each(|c| c.runs_into(out)),
        }
    }

    /// Mutable form of [`Block::inline_runs`] (for link rewriting).
    pub fn inline_runs_mut(&mut self) -> Vec<&mut Vec<Inline>> {
        let mut out = Vec::new();
        self.runs_into_mut(&mut out);
        out
    }

    fn runs_into_mut<'a>(&'a mut self, out: &mut Vec<&'a mut Vec<Inline>>) {
        match self {
            Block::Paragraph { content }
            | Block::Heading { content, .. }
            | Block::Quote { content, .. }
            | Block::Verse { content }
            | Block::PullQuote { content, .. } => out.push(content),
            Block::List { items, .. } => {
                for i in items {
                    out.push(&mut i.content);
                    i.children.iter_mut().for_each(|c| c.runs_into_mut(out));
                }
            }
            Block::Table { rows, .. } => rows.iter_mut().flatten().for_each(|c| out.push(&mut c.content)),
            Block::DefinitionList { items } => {
                for d in items {
                    d.terms.iter_mut().chain(&mut d.details).for_each(|r| out.push(r));
                }
            }
            Block::Details { summary, body } => {
                out.push(summary);
                body.iter_mut().for_each(|b| b.runs_into_mut(out));
            }
            Block::Footnotes { notes } => notes.iter_mut().for_each(|n| out.push(n)),
            _ => self
                .layout_children_mut()
                .into_iter()
                .for_each(|c| c.runs_into_mut(out)),
        }
    }

    /// A flat list with default numbering.
    pub fn list(ordered: bool, items: Vec<Vec<Inline>>) -> Block {
        Block::List {
            ordered,
            items: items.into_iter().map(ListItem::new).collect(),
            start: None,
            reversed: false,
            marker: None,
        }
    }
}
