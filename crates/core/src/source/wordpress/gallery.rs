//! Renditions for the classic editor's `[gallery]` thumbnails.
//!
//! WordPress prints each one as a cropped thumbnail (`size=` of the
//! shortcode) without the `wp-image-ID` class that gives block-editor images
//! their `srcset`, and its shortcode's `ids` are gone from `content.rendered`.
//! The attachments are found in one `/wp/v2/media` request per post: by the
//! IDs WordPress leaves in each caption's `id` (`gallery-1-43`), else those
//! attached to the post; each thumbnail is then matched to its attachment by
//! its file URL. A failed request leaves the thumbnails as they were.

use serde_json::Value;

use super::media::image;
use super::urls::{Urls, LIST_MAX, MEDIA_FIELDS};
use super::wire::{parse_each, WpMedia};
use crate::model::{Block, Image};
use crate::url::safe_url;

/// The gallery images of `blocks` (containers' included) without renditions.
fn bare_images(blocks: &mut [Block]) -> Vec<&mut Image> {
    let mut out = Vec::new();
    for b in blocks {
        if let Block::Gallery { items, .. } = b {
            out.extend(items.iter_mut().map(|i| &mut i.image).filter(|i| i.sources.is_empty()));
        } else {
            for child in b.layout_children_mut() {
                out.extend(bare_images(std::slice::from_mut(child)));
            }
        }
    }
    out
}

/// Whether a gallery image of `blocks` lacks renditions (a request is due).
pub fn lacks_renditions(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Gallery { items, .. } => items.iter().any(|i| i.image.sources.is_empty()),
        _ => b
            .layout_children()
            .into_iter()
            .any(|c| lacks_renditions(std::slice::from_ref(c))),
    })
}

/// Attachment IDs from classic gallery captions' `id`s (`gallery-N-ID`).
pub fn caption_ids(html: &str) -> Vec<u64> {
    let mut ids: Vec<u64> = html
        .match_indices("gallery-")
        .filter(|(at, _)| {
            at.checked_sub(1)
                .and_then(|i| html.as_bytes().get(i))
                .is_some_and(|c| matches!(c, b'\'' | b'"'))
        })
        .filter_map(|(at, m)| {
            let rest = html.get(at + m.len()..)?;
            let (instance, rest) = rest.split_once('-')?;
            let end = rest.find(['\'', '"'])?;
            let id = rest.get(..end)?;
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            (digits(instance) && digits(id)).then(|| id.parse().ok()).flatten()
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.truncate(LIST_MAX as usize);
    ids
}

/// The one request for post `post_id`'s gallery attachments.
pub fn media_url(urls: &Urls, post_id: u64, html: &str) -> String {
    let ids = caption_ids(html);
    let by = if ids.is_empty() {
        format!("parent={post_id}&per_page={LIST_MAX}")
    } else {
        let list: Vec<String> = ids.iter().map(u64::to_string).collect();
        format!("include={}&per_page={}", list.join(","), ids.len())
    };
    urls.at("wp/v2/media", &format!("{by}&_fields={MEDIA_FIELDS}"))
}

/// Gives each gallery image without renditions those of its attachment in
/// `media` (a `/wp/v2/media` list), matched by the thumbnail's URL; the alt
/// text and caption the post wrote are kept.
pub fn fill_renditions(blocks: &mut [Block], media: &[Value]) {
    let media: Vec<WpMedia> = parse_each(media);
    for img in bare_images(blocks) {
        let Some(found) = media.iter().find(|m| shows(m, &img.url)).and_then(image) else {
            continue;
        };
        img.url = found.url;
        img.width = found.width;
        img.height = found.height;
        img.sources = found.sources;
        if img.alt.trim().is_empty() {
            img.alt = found.alt;
        }
    }
}

/// Whether `url` is one of attachment `m`'s files.
fn shows(m: &WpMedia, url: &str) -> bool {
    let same = |u: &str| safe_url(u).is_some_and(|u| u == url);
    same(&m.source_url) || m.media_details.sizes.values().any(|s| same(&s.source_url))
}

#[cfg(test)]
mod tests {
    use super::caption_ids;

    #[test]
    fn caption_ids_are_read_from_gallery_item_ids_only() {
        let html = r#"<div id='gallery-1' class='gallery gallery-columns-3'><figcaption id='gallery-1-43'>a</figcaption>
            <img aria-describedby="gallery-2-16"><p id="gallery-1-x">b</p><i id='my-gallery-1-9'></i>
            <figcaption id='gallery-1-43'>again</figcaption></div>"#;
        assert_eq!(caption_ids(html), [16, 43]);
        assert!(caption_ids("gallery-1-5 in text").is_empty());
    }
}
