//! Block-editor footnotes: `<sup class="fn"><a href="#ID">1</a></sup>` in
//! the text, `<ol class="wp-block-footnotes"><li id="ID">…<a href="#ID-link">↩︎</a></li></ol>`
//! at the end. References become numbers, the list a `Footnotes` block; the
//! views write their own ids (WordPress's are dropped), so links work both
//! ways and cannot clash with anything else on the page.

use super::blocks::{Conv, MAX_RECURSION};
use super::inline::InlineBuilder;
use super::tags::Tag;
use super::tree::AttrName;
use crate::model::{Block, Inline};

/// More notes than this are not numbered (their text stays, unlinked).
const MAX_NOTES: usize = 1000;

impl Conv<'_> {
    /// A `sup.fn` whose link points at a footnote: its number goes into
    /// `b`; false (nothing done) otherwise.
    pub(super) fn footnote_ref(&mut self, id: usize, b: &mut InlineBuilder, depth: usize) -> bool {
        if !self.has_class(id, "fn") || depth > MAX_RECURSION {
            return false;
        }
        let Some(a) = self.t.children(id).find(|&c| self.t.tag(c) == Some(Tag::A)) else {
            return false;
        };
        let Some(target) = self.t.attr(a, AttrName::Href).and_then(|h| h.trim().strip_prefix('#')) else {
            return false;
        };
        let target = target.to_string();
        let number = self.footnote_list().1.iter().position(|i| *i == target);
        match number.and_then(|n| u32::try_from(n + 1).ok()) {
            Some(number) => {
                b.node(Inline::FootnoteRef { number });
                true
            }
            None => false,
        }
    }

    /// The first footnote list and its items' ids, found once: only that
    /// list is numbered (a second would repeat the numbers and ids).
    pub(super) fn footnote_list(&mut self) -> (Option<usize>, &[String]) {
        if self.footnote_ids.is_none() {
            let t = self.t;
            let list =
                (0..t.nodes.len()).find(|&n| t.tag(n) == Some(Tag::Ol) && self.has_class(n, "wp-block-footnotes"));
            let ids = list
                .map(|l| {
                    t.children(l)
                        .filter(|&c| t.tag(c) == Some(Tag::Li))
                        .take(MAX_NOTES)
                        .map(|c| t.attr(c, AttrName::Id).unwrap_or("").trim().to_string())
                        .collect()
                })
                .unwrap_or_default();
            self.footnote_ids = Some((list, ids));
        }
        match &self.footnote_ids {
            Some((list, ids)) => (*list, ids),
            None => (None, &[]),
        }
    }

    /// The footnote list: one note per item, in order (numbers must match
    /// the references), without WordPress's "back" links (the view draws
    /// its own).
    pub(super) fn footnotes(&mut self, id: usize, depth: usize) {
        let mut notes = Vec::new();
        for li in self
            .t
            .children(id)
            .filter(|&c| self.t.tag(c) == Some(Tag::Li))
            .take(MAX_NOTES)
        {
            let mut b = self.builder();
            for c in self.t.children(li) {
                let back = self.t.tag(c) == Some(Tag::A)
                    && self
                        .t
                        .attr(c, AttrName::Href)
                        .is_some_and(|h| h.trim().starts_with('#'));
                if !back {
                    self.inline(c, &mut b, depth + 1);
                }
            }
            notes.push(b.finish());
        }
        if notes.iter().any(|n| !super::inline::is_blank(n)) {
            self.out.push(Block::Footnotes { notes });
        }
        self.flush_after();
    }
}
