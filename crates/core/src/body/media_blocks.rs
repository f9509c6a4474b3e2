//! Buttons, the file block, audio and video. Every URL goes through the
//! allowlist; media never autoplay (the model has no such flag at all).

use super::blocks::{Conv, MAX_RECURSION};
use super::tags::Tag;
use super::tree::AttrName;
use crate::model::{Block, Button};
use crate::url::safe_url;

/// Larger video sizes are cut to this (only the aspect ratio matters).
const MAX_VIDEO_SIDE: u32 = 4096;

impl Conv<'_> {
    /// Converts `id` if it is a button group, file block or media; false
    /// otherwise.
    pub(super) fn media_block(&mut self, id: usize, tag: Tag, depth: usize) -> bool {
        match tag {
            Tag::Block if self.has_class(id, "wp-block-buttons") => self.buttons(id, depth),
            Tag::Block if self.has_class(id, "wp-block-file") => self.file(id, depth),
            Tag::Figure if self.has_class(id, "wp-block-audio") || self.has_class(id, "wp-block-video") => {
                let caption = self
                    .t
                    .children(id)
                    .find(|&c| self.t.tag(c) == Some(Tag::Figcaption))
                    .map(|c| self.t.plain(c))
                    .filter(|c| !c.is_empty());
                match self.t.find(id, &|t| matches!(t, Tag::Audio | Tag::Video), false) {
                    Some(m) => {
                        let tag = self.t.tag(m).unwrap_or(Tag::Audio);
                        let block = self.media_element(m, tag, caption, depth);
                        self.out.extend(block);
                    }
                    None => return false,
                }
            }
            Tag::Audio | Tag::Video => {
                let block = self.media_element(id, tag, None, depth);
                self.out.extend(block);
            }
            _ => return false,
        }
        self.flush_after();
        true
    }

    /// The links of a button group as buttons; a link whose target is
    /// refused keeps its text, as a paragraph after them.
    fn buttons(&mut self, id: usize, depth: usize) {
        let mut links = Vec::new();
        self.links_in(id, &mut links, depth);
        let mut buttons = Vec::new();
        let mut refused = Vec::new();
        for a in links {
            let text = self.t.plain(a);
            match self.href(a) {
                Some(href) if !text.is_empty() => buttons.push(Button { href, text }),
                _ => refused.push(text),
            }
        }
        if !buttons.is_empty() {
            self.out.push(Block::Buttons { buttons });
        }
        for text in refused {
            self.push_para(vec![crate::model::Inline::text(text)]);
        }
    }

    /// `<a>` descendants of `id`, in document order.
    fn links_in(&self, id: usize, out: &mut Vec<usize>, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        for c in self.t.children(id) {
            if self.t.tag(c) == Some(Tag::A) {
                out.push(c);
            } else {
                self.links_in(c, out, depth + 1);
            }
        }
    }

    /// The file's own link (not the "Download" button, which the view
    /// draws itself); its name is the link text, else the URL's last part.
    fn file(&mut self, id: usize, depth: usize) {
        let mut links = Vec::new();
        self.links_in(id, &mut links, depth);
        let own = links
            .iter()
            .copied()
            .find(|&a| !self.has_class(a, "wp-block-file__button"))
            .or_else(|| links.first().copied());
        let Some(a) = own else {
            return self.blocks(id, depth);
        };
        let Some(href) = self.href(a) else {
            return self.blocks(id, depth);
        };
        let mut name = self.t.plain(a);
        if name.is_empty() {
            name = file_name(&href);
        }
        self.out.push(Block::File { href, name });
    }

    /// An `audio` or `video` element: its `src`, else its first allowed
    /// `source`; nothing when no URL is allowed.
    pub(super) fn media_element(&self, id: usize, tag: Tag, caption: Option<String>, depth: usize) -> Option<Block> {
        if depth > MAX_RECURSION {
            return None;
        }
        let src = std::iter::once(id)
            .chain(self.t.children(id).filter(|&c| self.t.tag(c) == Some(Tag::Source)))
            .find_map(|n| self.t.attr(n, AttrName::Src).and_then(media_url))?;
        if tag != Tag::Video {
            return Some(Block::Audio { src, caption });
        }
        let side = |n| {
            self.t
                .attr(id, n)
                .and_then(|v: &str| v.trim().parse::<u32>().ok())
                .filter(|&v| v > 0)
                .map(|v| v.min(MAX_VIDEO_SIDE))
        };
        Some(Block::Video {
            src,
            poster: self.t.attr(id, AttrName::Poster).and_then(media_url),
            width: side(AttrName::Width),
            height: side(AttrName::Height),
            caption,
        })
    }
}

/// A media URL: allowed as a link, and not `mailto:`.
fn media_url(raw: &str) -> Option<String> {
    safe_url(raw).filter(|u| !u.starts_with("mailto:"))
}

/// The last path segment of a URL, for a file link without text.
fn file_name(href: &str) -> String {
    let path = href.split(['?', '#']).next().unwrap_or(href);
    let name = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or(path);
    name.to_string()
}
