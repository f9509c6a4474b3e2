//! Parts of the layout blocks (issue 19): where a figure or gallery sits,
//! a gallery's images, a column of a columns block.

use serde::{Deserialize, Serialize};

use super::{Block, Image};

/// Where a figure or gallery sits beside the text (WordPress's `alignleft`
/// … `alignfull`); none is the text column's own width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Floats at the start of the line on wide screens.
    Left,
    /// Floats at the end of the line on wide screens.
    Right,
    Center,
    /// Wider than the text column.
    Wide,
    /// As wide as the page.
    Full,
}

impl Align {
    /// From an element's classes (`alignleft`, `alignwide`…): the first one
    /// found; `alignnone` is none.
    pub fn from_classes(classes: &str) -> Option<Align> {
        classes.split_ascii_whitespace().find_map(|c| match c {
            "alignleft" => Some(Align::Left),
            "alignright" => Some(Align::Right),
            "aligncenter" => Some(Align::Center),
            "alignwide" => Some(Align::Wide),
            "alignfull" => Some(Align::Full),
            _ => None,
        })
    }

    /// The class a view writes for it.
    pub fn class(self) -> &'static str {
        match self {
            Align::Left => "align-left",
            Align::Right => "align-right",
            Align::Center => "align-center",
            Align::Wide => "align-wide",
            Align::Full => "align-full",
        }
    }
}

/// One gallery image: its thumbnail and the full image it opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GalleryItem {
    pub image: Image,
    /// The full-size image (a checked URL); empty: the widest rendition.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub full: String,
}

impl GalleryItem {
    /// The URL the thumbnail links to.
    pub fn full_url(&self) -> &str {
        if !self.full.is_empty() {
            return &self.full;
        }
        self.image
            .sources
            .iter()
            .max_by_key(|s| s.width)
            .filter(|s| s.width > self.image.width)
            .map_or(self.image.url.as_str(), |s| s.url.as_str())
    }
}

/// One column of a [`Block::Columns`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Share of the row in percent ([`Column::MIN_WIDTH`]..=[`Column::MAX_WIDTH`]);
    /// none: the columns share the row equally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u8>,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

impl Column {
    pub const MIN_WIDTH: u8 = 10;
    pub const MAX_WIDTH: u8 = 90;
}

/// Bounds of the layout blocks, shared by the converter and the views.
impl Block {
    /// Columns, media-and-text, cover and group nest at most this deep;
    /// deeper ones give their blocks to their parent.
    pub const MAX_LAYOUT_DEPTH: usize = 4;
    /// A gallery keeps at most this many images (the rest keep their captions' text).
    pub const MAX_GALLERY_IMAGES: usize = 120;
    /// A gallery's column count is kept in 1..=9 (WordPress offers 1 to 8).
    pub const MAX_GALLERY_COLUMNS: u8 = 9;
    /// A columns block keeps at most this many columns.
    pub const MAX_COLUMNS: usize = 6;
}

impl Block {
    /// The blocks a layout container holds, in reading order (columns in
    /// turn, media before text); none for any other block.
    pub fn layout_children(&self) -> Vec<&Block> {
        match self {
            Block::Columns { columns } => columns.iter().flat_map(|c| &c.blocks).collect(),
            Block::MediaText { media, body, .. } => media.iter().chain(body).collect(),
            Block::Cover { body, .. } | Block::Group { body, .. } => body.iter().collect(),
            _ => Vec::new(),
        }
    }

    /// Mutable form of [`Block::layout_children`].
    pub fn layout_children_mut(&mut self) -> Vec<&mut Block> {
        match self {
            Block::Columns { columns } => columns.iter_mut().flat_map(|c| &mut c.blocks).collect(),
            Block::MediaText { media, body, .. } => media.iter_mut().chain(body).collect(),
            Block::Cover { body, .. } | Block::Group { body, .. } => body.iter_mut().collect(),
            _ => Vec::new(),
        }
    }

    /// The images a block shows itself (a figure's, a gallery's, a cover's
    /// background), not those of the blocks it holds.
    pub fn own_images(&self) -> Vec<&Image> {
        match self {
            Block::Figure { image, .. } => vec![image],
            Block::Gallery { items, .. } => items.iter().map(|i| &i.image).collect(),
            Block::Cover { image, .. } => image.iter().collect(),
            _ => Vec::new(),
        }
    }

    /// Mutable form of [`Block::own_images`].
    pub fn own_images_mut(&mut self) -> Vec<&mut Image> {
        match self {
            Block::Figure { image, .. } => vec![image],
            Block::Gallery { items, .. } => items.iter_mut().map(|i| &mut i.image).collect(),
            Block::Cover { image, .. } => image.iter_mut().collect(),
            _ => Vec::new(),
        }
    }
}
