//! Lists (nested up to `Block::MAX_LIST_DEPTH`, with their numbering)
//! and quotes: both collect inlines from their children.

use super::blocks::{Conv, MAX_RECURSION};
use super::inline::{is_blank, InlineBuilder};
use super::tags::Tag;
use super::tree::AttrName;
use crate::model::{Block, Inline, ListItem, ListMarker};

/// Larger `start` values are cut to this (a list numbered from a billion
/// is a typing error, and the number must fit the marker box).
const MAX_START: i64 = 1_000_000;

impl Conv<'_> {
    pub(super) fn push_item(&mut self, content: Vec<Inline>, children: Vec<Block>) {
        if !is_blank(&content) || !children.is_empty() {
            self.items.push(ListItem { content, children });
        }
    }

    pub(super) fn list(&mut self, id: usize, ordered: bool, depth: usize) {
        // Old WordPress galleries are lists of figures: keep them as figures.
        if self.t.find(id, &|t| t == Tag::Figure, false).is_some() {
            return self.blocks(id, depth);
        }
        let list = self.list_block(id, ordered, depth);
        self.out.extend(list);
        self.flush_after();
    }

    /// List `id` as a block (`None` when it has no item), with the lists
    /// nested in its items.
    fn list_block(&mut self, id: usize, ordered: bool, depth: usize) -> Option<Block> {
        let saved = std::mem::take(&mut self.items);
        let was_in_list = std::mem::replace(&mut self.in_list, true);
        self.list_depth += 1;
        self.list_items(id, depth);
        self.list_depth -= 1;
        let items = std::mem::replace(&mut self.items, saved);
        self.in_list = was_in_list;
        if items.is_empty() {
            return None;
        }
        let (start, reversed, marker) = if ordered {
            self.numbering(id)
        } else {
            (None, false, None)
        };
        Some(Block::List {
            ordered,
            items,
            start,
            reversed,
            marker,
        })
    }

    /// `start` (capped to ±[`MAX_START`]; 1 is the default and not kept),
    /// `reversed`, and `type` (1 is the default and not kept).
    fn numbering(&self, id: usize) -> (Option<i32>, bool, Option<ListMarker>) {
        let start = self
            .t
            .attr(id, AttrName::Start)
            .and_then(|s| s.trim().parse::<i64>().ok())
            .map(|n| n.clamp(-MAX_START, MAX_START))
            .and_then(|n| i32::try_from(n).ok());
        let reversed = self.t.attr(id, AttrName::Reversed).is_some();
        let marker = self.t.attr(id, AttrName::Type).and_then(ListMarker::from_attr);
        (
            start.filter(|&n| n != 1 || reversed),
            reversed,
            marker.filter(|&m| m != ListMarker::Decimal),
        )
    }

    /// A list met inside a list item: it becomes a child of that item, or,
    /// past [`Block::MAX_LIST_DEPTH`], its items follow the current item in
    /// the same list.
    pub(super) fn nested_list(&mut self, id: usize, ordered: bool, b: &mut InlineBuilder, depth: usize) {
        if self.list_depth >= Block::MAX_LIST_DEPTH {
            let current = b.split();
            let children = std::mem::take(&mut self.item_children);
            self.push_item(current, children);
            return self.list_items(id, depth);
        }
        let list = self.list_block(id, ordered, depth);
        self.item_children.extend(list);
        // Text after the nested list goes on a line of its own.
        b.soft_break();
    }

    /// Adds the items of list `id` to `self.items`; stray content between
    /// items becomes an item of its own, and a stray list nests in the item
    /// before it.
    pub(super) fn list_items(&mut self, id: usize, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        let mut stray = self.builder();
        for c in self.t.children(id) {
            let tag = self.t.tag(c);
            if tag == Some(Tag::Li) {
                let before = stray.split();
                self.push_item(before, Vec::new());
                let saved = std::mem::take(&mut self.item_children);
                let mut b = self.builder();
                self.inline_children(c, &mut b, depth + 1);
                let children = std::mem::replace(&mut self.item_children, saved);
                self.push_item(b.finish(), children);
            } else if matches!(tag, Some(Tag::Ul | Tag::Ol)) && self.list_depth < Block::MAX_LIST_DEPTH {
                let before = stray.split();
                self.push_item(before, Vec::new());
                let list = self.list_block(c, tag == Some(Tag::Ol), depth + 1);
                match self.items.last_mut() {
                    Some(last) => last.children.extend(list),
                    None => self.push_item(Vec::new(), list.into_iter().collect()),
                }
            } else {
                self.inline(c, &mut stray, depth + 1);
            }
        }
        let rest = stray.finish();
        self.push_item(rest, Vec::new());
    }

    pub(super) fn quote(&mut self, id: usize, depth: usize) {
        let mut b = self.builder();
        let mut cite = None;
        let mut cite_ids = Vec::new();
        for c in self.t.children(id) {
            if let Some(text) = self.cite_child(c) {
                cite = Some(text);
                cite_ids.push(c);
                continue;
            }
            self.inline(c, &mut b, depth + 1);
        }
        let mut content = b.finish();
        if is_blank(&content) && !cite_ids.is_empty() {
            // Only an attribution: it is the quote (its text is never lost).
            let mut b = self.builder();
            for c in cite_ids {
                self.inline(c, &mut b, depth + 1);
            }
            content = b.finish();
            cite = None;
        }
        let cite = cite
            .filter(|c| !strip_dash(c).is_empty())
            .or_else(|| dash_cite(&mut content));
        let cite = cite.map(|c| strip_dash(&c).to_string()).filter(|c| !c.is_empty());
        if !is_blank(&content) {
            self.out.push(Block::Quote { content, cite });
        }
        self.flush_after();
    }

    /// The attribution of a quote: a `<cite>` or `<footer>` child, or a
    /// paragraph holding only a `<cite>`.
    fn cite_child(&self, id: usize) -> Option<String> {
        let t = self.t;
        match t.tag(id)? {
            Tag::Cite | Tag::Footer => Some(self.t.plain(id)),
            Tag::P => {
                let mut kids = t
                    .children(id)
                    .filter(|&c| !t.text(c).is_some_and(|s| s.trim().is_empty()));
                match (kids.next(), kids.next()) {
                    (Some(c), None) if t.tag(c) == Some(Tag::Cite) => Some(self.t.plain(c)),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// "— Author" as the last line of a quote becomes its attribution (not
/// when nothing visible precedes it: then it is the quote; not when it
/// holds a link, which a plain-text attribution would lose: a tweet's
/// "— Name (@handle) <date linking to the original>").
fn dash_cite(content: &mut Vec<Inline>) -> Option<String> {
    let at = content.iter().rposition(|i| matches!(i, Inline::LineBreak))?;
    if is_blank(content.get(..at)?) || has_link(content.get(at + 1..)?) {
        return None;
    }
    let last = Inline::plain_text(content.get(at + 1..)?);
    let last = last.trim();
    if !last.starts_with(['—', '–']) || strip_dash(last).is_empty() {
        return None; // a bare dash names no one
    }
    let cite = strip_dash(last).to_string();
    content.truncate(at);
    while matches!(content.last(), Some(Inline::LineBreak)) {
        content.pop();
    }
    Some(cite)
}

fn has_link(content: &[Inline]) -> bool {
    content.iter().any(|i| match i {
        Inline::Link { .. } => true,
        Inline::Emphasis { children } | Inline::Strong { children } | Inline::Styled { children, .. } => {
            has_link(children)
        }
        _ => false,
    })
}

fn strip_dash(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-'))
        .trim_end()
}

#[cfg(test)]
mod tests {
    use crate::body::test_support::{b, t};
    use crate::model::{Block, EmbedProvider, Inline};

    fn quote(content: Vec<Inline>, cite: Option<&str>) -> Block {
        Block::Quote {
            content,
            cite: cite.map(String::from),
        }
    }

    #[test]
    fn ordered_and_unordered() {
        let got = b("<ol><li>a</li><li><p>b1</p><p>b2</p></li><li> </li></ol><ul><li></li></ul>");
        let want = vec![vec![t("a")], vec![t("b1"), Inline::LineBreak, t("b2")]];
        assert_eq!(got, [Block::list(true, want)]);
        let got = b("<ul><li><strong>a</strong> b</li></ul>");
        let want = vec![vec![Inline::Strong { children: vec![t("a")] }, t(" b")]];
        assert_eq!(got, [Block::list(false, want)]);
    }

    #[test]
    fn gallery_lists_keep_figures() {
        let html = r#"<ul class="blocks-gallery-grid"><li><figure><img src="/a.jpg"></figure></li><li><figure><img src="/b.jpg"></figure></li></ul>"#;
        let got = b(html);
        assert!(
            matches!(got.as_slice(), [Block::Figure { .. }, Block::Figure { .. }]),
            "{got:?}"
        );
    }

    #[test]
    fn quote_citations() {
        assert_eq!(
            b("<blockquote><p>Q</p><cite>A</cite></blockquote>"),
            [quote(vec![t("Q")], Some("A"))]
        );
        let got = b("<blockquote><p>Q1</p><p>Q2</p><p>— Victor Hugo</p></blockquote>");
        assert_eq!(
            got,
            [quote(vec![t("Q1"), Inline::LineBreak, t("Q2")], Some("Victor Hugo"))]
        );
        assert_eq!(
            b("<blockquote>Q<br>– Anonyme</blockquote>"),
            [quote(vec![t("Q")], Some("Anonyme"))]
        );
        let got = b("<blockquote><p>Q</p><footer>— <cite>Auteur</cite></footer></blockquote>");
        assert_eq!(got, [quote(vec![t("Q")], Some("Auteur"))]);
        assert_eq!(
            b("<blockquote><p>Q</p><p> <cite>X</cite> </p></blockquote>"),
            [quote(vec![t("Q")], Some("X"))]
        );
    }

    #[test]
    fn quotes_without_citation() {
        let got = b("<blockquote><p>— Seule ligne</p></blockquote>");
        assert_eq!(got, [quote(vec![t("— Seule ligne")], None)]);
        let got = b("<blockquote><p>Q<br>—</p></blockquote>");
        assert_eq!(got, [quote(vec![t("Q"), Inline::LineBreak, t("—")], None)]);
        let got = b("<blockquote><footer></footer><p>Q</p><p>— Hugo</p></blockquote>");
        assert_eq!(
            got,
            [quote(vec![t("Q")], Some("Hugo"))],
            "an empty footer is no attribution"
        );
        let got = b("<blockquote><p>&nbsp;<br>— Seule ligne</p></blockquote>");
        assert_eq!(
            got,
            [quote(vec![t("\u{A0}"), Inline::LineBreak, t("— Seule ligne")], None)]
        );
        let got = b("<blockquote><p>Comme <cite>Le Monde</cite> dit</p></blockquote><blockquote> </blockquote>");
        let cite = Inline::Styled {
            style: crate::model::InlineStyle::Cite,
            title: None,
            children: vec![t("Le Monde")],
        };
        assert_eq!(got, [quote(vec![t("Comme "), cite, t(" dit")], None)]);
        // Only an attribution: it is the quote, never dropped.
        let only = Inline::Styled {
            style: crate::model::InlineStyle::Cite,
            title: None,
            children: vec![t("Bonjour")],
        };
        for html in [
            "<blockquote><p><cite>Bonjour</cite></p></blockquote>",
            "<blockquote><cite>Bonjour</cite></blockquote>",
        ] {
            assert_eq!(b(html), [quote(vec![only.clone()], None)], "{html}");
        }
        let got = b("<blockquote><p>Q</p><blockquote>inner</blockquote><img src=/a.jpg></blockquote>");
        assert!(
            matches!(got.as_slice(), [q, Block::Figure { .. }] if *q == quote(vec![t("Q"), Inline::LineBreak, t("inner")], None)),
            "{got:?}"
        );
    }

    #[test]
    fn wordpress_quote_and_tweet() {
        let html = r#"<blockquote class="wp-block-quote is-layout-flow wp-block-quote-is-layout-flow"><p>Nous irons jusqu&rsquo;au bout.</p><cite>Marie Dupont, <em>Le Livre</em></cite></blockquote>"#;
        assert_eq!(
            b(html),
            [quote(
                vec![t("Nous irons jusqu’au bout.")],
                Some("Marie Dupont, Le Livre")
            )]
        );
        let tweet = r#"<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet" data-width="550"><p lang="fr" dir="ltr">Texte <a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; Nom (@nom) <a href="https://twitter.com/nom/status/1">1 janvier 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script></div></figure>"#;
        let link = Inline::Link {
            href: "https://t.co/x".into(),
            children: vec![t("pic.twitter.com/x")],
        };
        // The attribution keeps its link to the original post, so it stays
        // in the quote rather than becoming a plain-text citation.
        let original = Inline::Link {
            href: "https://twitter.com/nom/status/1".into(),
            children: vec![t("1 janvier 2024")],
        };
        assert_eq!(
            b(tweet),
            [quote(
                vec![t("Texte "), link, Inline::LineBreak, t("— Nom (@nom) "), original],
                None
            )]
        );
    }

    #[test]
    fn embeds_in_quotes_follow_them() {
        let got = b(r#"<blockquote><p>Q</p><iframe src="https://youtu.be/abc"></iframe></blockquote>"#);
        assert_eq!(got.len(), 2);
        assert!(matches!(
            got[1],
            Block::Embed {
                provider: EmbedProvider::Youtube,
                ..
            }
        ));
    }
}
