//! Text-level blocks beyond paragraphs: definition lists, details, verse,
//! code, pull quotes (and, routed from here, `media_blocks.rs`). One entry
//! point, [`Conv::text_block`], keeps the shared dispatcher's edit small.

use super::blocks::{Conv, MAX_RECURSION};
use super::inline::{is_blank, InlineBuilder};
use super::tags::Tag;
use crate::model::{Block, Definition};

impl Conv<'_> {
    /// Converts `id` if it is one of this file's blocks; false otherwise.
    pub(super) fn text_block(&mut self, id: usize, tag: Tag, depth: usize) -> bool {
        match tag {
            Tag::Dl => self.definition_list(id, depth),
            Tag::Ol if self.footnote_list().0 == Some(id) => self.footnotes(id, depth),
            Tag::Details if self.details_depth < Block::MAX_DETAILS_DEPTH => self.details(id, depth),
            // The summary of the details being built is its label, read there.
            Tag::Summary if self.summary == Some(id) => {}
            Tag::Pre if self.has_class(id, "wp-block-verse") => self.verse(id, depth),
            Tag::Pre if self.is_code(id) => self.code(id, depth),
            Tag::Figure | Tag::Blockquote if self.has_class(id, "wp-block-pullquote") => self.pull_quote(id, depth),
            _ => return self.media_block(id, tag, depth),
        }
        true
    }

    pub(super) fn has_class(&self, id: usize, class: &str) -> bool {
        self.t.class(id).split_ascii_whitespace().any(|c| c == class)
    }

    fn definition_list(&mut self, id: usize, depth: usize) {
        let mut items = Vec::new();
        let mut loose = self.builder();
        self.definitions(id, &mut items, &mut loose, depth);
        if !items.is_empty() {
            self.out.push(Block::DefinitionList { items });
        }
        // Text outside any dt/dd is kept, after the list.
        self.push_para(loose.finish());
        self.flush_after();
    }

    /// Adds the dt/dd children of `id` (through `div` groups) to `items`:
    /// a term after a description starts a new entry.
    fn definitions(&mut self, id: usize, items: &mut Vec<Definition>, loose: &mut InlineBuilder, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        for c in self.t.children(id) {
            let tag = self.t.tag(c);
            if tag == Some(Tag::Block) {
                self.definitions(c, items, loose, depth + 1);
                continue;
            }
            if !matches!(tag, Some(Tag::Dt | Tag::DtDd)) {
                self.inline(c, loose, depth + 1);
                continue;
            }
            let mut b = self.builder();
            self.inline_children(c, &mut b, depth + 1);
            let content = b.finish();
            if is_blank(&content) {
                continue;
            }
            let is_term = tag == Some(Tag::Dt);
            match items.last_mut() {
                Some(d) if !is_term => d.details.push(content),
                Some(d) if d.details.is_empty() => d.terms.push(content),
                _ if is_term => items.push(Definition {
                    terms: vec![content],
                    details: Vec::new(),
                }),
                _ => items.push(Definition {
                    terms: Vec::new(),
                    details: vec![content],
                }),
            }
        }
    }

    /// A disclosure: its first `summary` child is the label (empty when
    /// missing: the view shows its own word, as browsers do), the rest its body.
    fn details(&mut self, id: usize, depth: usize) {
        let summary_id = self.t.children(id).find(|&c| self.t.tag(c) == Some(Tag::Summary));
        let mut summary = Vec::new();
        if let Some(s) = summary_id {
            let mut b = self.builder();
            self.inline_children(s, &mut b, depth + 1);
            summary = b.finish();
        }
        self.flush_after();
        let saved_out = std::mem::take(&mut self.out);
        let saved_summary = std::mem::replace(&mut self.summary, summary_id);
        self.details_depth += 1;
        self.blocks(id, depth + 1);
        self.flush_after();
        self.details_depth -= 1;
        self.summary = saved_summary;
        let body = std::mem::replace(&mut self.out, saved_out);
        if is_blank(&summary) && body.is_empty() {
            return;
        }
        self.out.push(Block::Details { summary, body });
    }

    fn verse(&mut self, id: usize, depth: usize) {
        let mut b = self.builder();
        b.pre = true;
        self.inline_children(id, &mut b, depth);
        let content = b.finish();
        if !is_blank(&content) {
            self.out.push(Block::Verse { content });
        }
        self.flush_after();
    }

    /// `<pre class="wp-block-code">`, or a `pre` holding only a `code`.
    fn is_code(&self, id: usize) -> bool {
        if self.has_class(id, "wp-block-code") {
            return true;
        }
        let t = self.t;
        let mut kids = t
            .children(id)
            .filter(|&c| !t.text(c).is_some_and(|s| s.trim().is_empty()));
        matches!((kids.next(), kids.next()), (Some(c), None) if t.tag(c) == Some(Tag::Styled(crate::model::InlineStyle::Code)))
    }

    fn code(&mut self, id: usize, depth: usize) {
        let mut text = String::new();
        self.raw_text(id, &mut text, depth);
        let text = text.replace("\r\n", "\n");
        let text = text.strip_prefix('\n').unwrap_or(&text).trim_end();
        if !text.trim().is_empty() {
            self.out.push(Block::Code { text: text.to_string() });
        }
        self.flush_after();
    }

    /// A pull quote is read as a quote (its citation kept), then marked.
    fn pull_quote(&mut self, id: usize, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        let inner = (self.t.tag(id) == Some(Tag::Figure))
            .then(|| self.t.find(id, &|t| t == Tag::Blockquote, false))
            .flatten()
            .unwrap_or(id);
        let at = self.out.len();
        self.quote(inner, depth);
        if let Some(b) = self.out.get_mut(at) {
            if let Block::Quote { content, cite } = b {
                *b = Block::PullQuote {
                    content: std::mem::take(content),
                    cite: cite.take(),
                };
            }
        }
    }
}
