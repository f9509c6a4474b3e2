//! Layout blocks: galleries (`gallery.rs`), and containers whose children
//! are blocks of their own: columns, media-and-text, cover, group. Past
//! `Block::MAX_LAYOUT_DEPTH` containers, a container is read as a plain
//! `div` (its blocks join its parent's), so hostile nesting keeps its text.
//! Also the alignment classes of figures and galleries.

use super::blocks::Conv;
use super::image::{build, ImgAttrs};
use super::tags::Tag;
use super::tree::AttrName;
use crate::model::{Align, Block, Column, Image};

/// A media-and-text block's media share, in percent.
const MEDIA_WIDTH: (u8, u8) = (15, 85);

impl Conv<'_> {
    /// Converts `id` if it is a gallery or a layout container; false otherwise.
    pub(super) fn layout_block(&mut self, id: usize, tag: Tag, depth: usize) -> bool {
        if !matches!(tag, Tag::Block | Tag::Figure) {
            return false;
        }
        if self.is_gallery(id) {
            return self.gallery(id, depth);
        }
        if self.layout_depth >= Block::MAX_LAYOUT_DEPTH {
            return false;
        }
        self.flush_after();
        if self.has_class(id, "wp-block-columns") {
            self.columns(id, depth);
        } else if self.has_class(id, "wp-block-media-text") {
            self.media_text(id, depth);
        } else if self.has_class(id, "wp-block-cover") || self.has_class(id, "wp-block-cover-image") {
            self.cover(id, depth);
        } else if self.has_class(id, "wp-block-group") {
            let body = self.nested(|c| c.blocks(id, depth + 1));
            if !body.is_empty() {
                let align = self.align_of(id);
                self.out.push(Block::Group { body, align });
            }
        } else {
            return false;
        }
        true
    }

    /// Where a figure or image sits, from its classes.
    pub(super) fn align_of(&self, id: usize) -> Option<Align> {
        Align::from_classes(self.t.class(id))
    }

    /// The blocks `f` writes, one container level down, apart from the
    /// blocks already written.
    fn nested(&mut self, f: impl FnOnce(&mut Self)) -> Vec<Block> {
        let saved = std::mem::take(&mut self.out);
        self.layout_depth += 1;
        f(self);
        self.flush_after();
        self.layout_depth -= 1;
        std::mem::replace(&mut self.out, saved)
    }

    /// One child of a container, as blocks (text and inline markup as a paragraph).
    fn child(&mut self, id: usize, depth: usize) {
        if self.is_inline_level(id) {
            self.run(id, id, depth);
        } else {
            self.block(id, depth + 1);
        }
    }

    fn columns(&mut self, id: usize, depth: usize) {
        let mut columns: Vec<Column> = Vec::new();
        for c in self.t.children(id) {
            if self.t.text(c).is_some_and(|s| s.trim().is_empty()) {
                continue;
            }
            let is_column = self.has_class(c, "wp-block-column");
            if is_column && columns.len() < Block::MAX_COLUMNS {
                let width = self
                    .t
                    .attr(c, AttrName::Style)
                    .and_then(|s| style_percent(s, "flex-basis"))
                    .map(|w| w.clamp(Column::MIN_WIDTH, Column::MAX_WIDTH));
                let blocks = self.nested(|s| s.blocks(c, depth + 1));
                columns.push(Column { width, blocks });
                continue;
            }
            // Stray content, or columns past the cap, join the last column.
            let blocks = self.nested(|s| match is_column {
                true => s.blocks(c, depth + 1),
                false => s.child(c, depth),
            });
            match columns.last_mut() {
                Some(col) => col.blocks.extend(blocks),
                None => columns.push(Column { width: None, blocks }),
            }
        }
        columns.retain(|c| !c.blocks.is_empty());
        match columns.len() {
            0 => {}
            1 => self.out.extend(columns.into_iter().flat_map(|c| c.blocks)),
            _ => self.out.push(Block::Columns { columns }),
        }
    }

    fn media_text(&mut self, id: usize, depth: usize) {
        let (mut media, mut body) = (Vec::new(), Vec::new());
        for c in self.t.children(id) {
            if self.t.text(c).is_some_and(|s| s.trim().is_empty()) {
                continue;
            }
            if self.has_class(c, "wp-block-media-text__media") {
                media.extend(self.nested(|s| s.blocks(c, depth + 1)));
            } else if self.has_class(c, "wp-block-media-text__content") {
                body.extend(self.nested(|s| s.blocks(c, depth + 1)));
            } else {
                body.extend(self.nested(|s| s.child(c, depth)));
            }
        }
        if media.is_empty() {
            return self.out.extend(body);
        }
        let media_width = self
            .t
            .attr(id, AttrName::Style)
            .and_then(|s| style_percent(s, "grid-template-columns"))
            .map(|w| w.clamp(MEDIA_WIDTH.0, MEDIA_WIDTH.1));
        self.out.push(Block::MediaText {
            media,
            media_right: self.has_class(id, "has-media-on-the-right"),
            media_width,
            body,
        });
    }

    fn cover(&mut self, id: usize, depth: usize) {
        let mut image = None;
        let mut body = Vec::new();
        for c in self.t.children(id) {
            match self.t.tag(c) {
                Some(Tag::Img) if image.is_none() => image = self.image(c),
                // The dimming layer and background video carry no content.
                Some(Tag::Img | Tag::Video) => {}
                Some(_) if self.has_class(c, "wp-block-cover__background") => {}
                Some(_) => body.extend(self.nested(|s| s.child(c, depth))),
                None if self.t.text(c).is_some_and(|s| s.trim().is_empty()) => {}
                None => body.extend(self.nested(|s| s.child(c, depth))),
            }
        }
        // Older covers set the image as a CSS background.
        let image = image.or_else(|| self.t.attr(id, AttrName::Style).and_then(|s| self.style_image(s)));
        if image.is_none() && body.is_empty() {
            return;
        }
        let align = self.align_of(id);
        self.out.push(Block::Cover { image, body, align });
    }

    /// `background-image:url(…)` in a style attribute, as a decorative image.
    fn style_image(&self, style: &str) -> Option<Image> {
        let value = style_value(style, "background-image")?;
        let inner = value.trim().strip_prefix("url(")?.strip_suffix(')')?;
        let src = inner.trim().trim_matches(['"', '\'']);
        let attrs = ImgAttrs {
            src: Some(src),
            ..Default::default()
        };
        build(&attrs, self.opts.fallback_image_size)
    }
}

/// The value of one declaration of a `style` attribute.
fn style_value<'a>(style: &'a str, prop: &str) -> Option<&'a str> {
    style.split(';').find_map(|decl| {
        let (k, v) = decl.split_once(':')?;
        k.trim().eq_ignore_ascii_case(prop).then_some(v)
    })
}

/// The first percentage of a declaration (`flex-basis:33.33%`,
/// `grid-template-columns:30% auto`), rounded, within 0..=100.
pub(super) fn style_percent(style: &str, prop: &str) -> Option<u8> {
    let value = style_value(style, prop)?;
    let n = value.split_ascii_whitespace().find_map(|w| w.strip_suffix('%'))?;
    let v = n.trim().parse::<f32>().ok().filter(|v| v.is_finite())?;
    // Cast after clamping: the value is in 0..=100.
    Some(v.clamp(0.0, 100.0).round() as u8)
}
