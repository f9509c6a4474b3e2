//! Galleries: the classic editor's `[gallery]` output (`div.gallery` of
//! `figure`/`dl` items) and the block editor's (`wp-block-gallery`, nested
//! `wp-block-image` figures or an older `ul` of items) become one
//! `Block::Gallery`: thumbnails, their captions, the image each opens.

use super::blocks::{Conv, MAX_RECURSION};
use super::tags::Tag;
use super::tree::AttrName;
use crate::model::{Block, GalleryItem, Inline};
use crate::url::safe_url;

/// One image found in a gallery: its `img`, caption and link elements.
struct Found {
    img: usize,
    caption: Option<usize>,
    link: Option<usize>,
}

/// Classes that make an element one gallery item.
const ITEM_CLASSES: [&str; 3] = ["gallery-item", "blocks-gallery-item", "tiled-gallery-item"];
/// Classes of an item's caption besides `figcaption`.
const CAPTION_CLASSES: [&str; 3] = ["gallery-caption", "wp-caption-text", "blocks-gallery-item__caption"];
/// What a linked file must end with to be "the full image".
const IMAGE_EXTENSIONS: [&str; 7] = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"];

impl Conv<'_> {
    pub(super) fn is_gallery(&self, id: usize) -> bool {
        self.has_class(id, "wp-block-gallery") || self.has_class(id, "gallery")
    }

    /// Converts the gallery `id`; false (nothing written) when it holds no
    /// usable image, so it is read as ordinary content instead.
    pub(super) fn gallery(&mut self, id: usize, depth: usize) -> bool {
        let mut found = Vec::new();
        self.gallery_items(id, &mut found, depth);
        let mut items = Vec::new();
        // Captions of images past the cap, or refused, are kept as text.
        let mut spare = Vec::new();
        for f in found {
            let image = (items.len() < Block::MAX_GALLERY_IMAGES)
                .then(|| self.image(f.img))
                .flatten();
            let Some(mut image) = image else {
                spare.extend(f.caption.map(|c| self.t.plain(c)).filter(|s| !s.is_empty()));
                continue;
            };
            if let Some(c) = f.caption {
                (image.caption, image.credit) = self.caption_parts(c);
            }
            let full = f
                .link
                .and_then(|a| self.t.attr(a, AttrName::Href))
                .and_then(full_image_url)
                .unwrap_or_default();
            items.push(GalleryItem { image, full });
        }
        if items.is_empty() {
            return false;
        }
        let caption = self
            .t
            .children(id)
            .find(|&c| self.t.tag(c) == Some(Tag::Figcaption))
            .map(|c| self.t.plain(c))
            .filter(|s| !s.is_empty());
        let columns = self.gallery_columns(id, items.len());
        let align = self.align_of(id);
        self.out.push(Block::Gallery {
            items,
            columns,
            caption,
            align,
        });
        if !spare.is_empty() {
            self.push_para(vec![Inline::text(spare.join(" "))]);
        }
        self.flush_after();
        true
    }

    /// `columns-N` (block editor) or `gallery-columns-N` (classic), kept in
    /// 1..=9; without one, the editors' defaults: 3, or fewer images.
    fn gallery_columns(&self, id: usize, count: usize) -> u8 {
        let max = Block::MAX_GALLERY_COLUMNS;
        let given = self.t.class(id).split_ascii_whitespace().find_map(|c| {
            let n = c
                .strip_prefix("gallery-columns-")
                .or_else(|| c.strip_prefix("columns-"))?;
            n.parse::<u32>().ok()
        });
        match given {
            Some(n) => u8::try_from(n.clamp(1, u32::from(max))).unwrap_or(max),
            None => u8::try_from(count.clamp(1, 3)).unwrap_or(3),
        }
    }

    fn gallery_items(&self, id: usize, out: &mut Vec<Found>, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        for c in self.t.children(id) {
            match self.t.tag(c) {
                Some(Tag::Img) if !self.is_emoji(c) => out.push(Found {
                    img: c,
                    caption: None,
                    link: None,
                }),
                // The gallery's own caption, read by `gallery`.
                Some(Tag::Figcaption) | None => {}
                Some(tag) if self.is_gallery_item(c, tag) || tag == Tag::A => {
                    if let Some(img) = self.t.find(c, &|t| t == Tag::Img, false) {
                        let link = match tag {
                            Tag::A => Some(c),
                            _ => self.t.find(c, &|t| t == Tag::A, false),
                        };
                        let caption = self.item_caption(c, depth + 1);
                        out.push(Found { img, caption, link });
                    }
                }
                Some(_) => self.gallery_items(c, out, depth + 1),
            }
        }
    }

    fn is_gallery_item(&self, id: usize, tag: Tag) -> bool {
        matches!(tag, Tag::Figure | Tag::Li | Tag::Dl) || ITEM_CLASSES.iter().any(|k| self.has_class(id, k))
    }

    /// The first caption element inside a gallery item.
    fn item_caption(&self, id: usize, depth: usize) -> Option<usize> {
        if depth > MAX_RECURSION {
            return None;
        }
        self.t.children(id).find_map(|c| {
            let tag = self.t.tag(c)?;
            if tag == Tag::Figcaption || CAPTION_CLASSES.iter().any(|k| self.has_class(c, k)) {
                return Some(c);
            }
            self.item_caption(c, depth + 1)
        })
    }
}

/// A link's target when it is an image file (WordPress's "link to: media
/// file"); an attachment page is not an image and gives none.
fn full_image_url(href: &str) -> Option<String> {
    let url = safe_url(href)?;
    let path = url.split(['?', '#']).next().unwrap_or("").to_ascii_lowercase();
    IMAGE_EXTENSIONS.iter().any(|e| path.ends_with(e)).then_some(url)
}
