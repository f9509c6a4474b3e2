//! The arena tree the converter walks (built in `builder.rs`): nodes in one
//! `Vec`, linked by index; text and kept attributes in one shared buffer.
//! Its depth is at most `MAX_DEPTH`, so recursion over it is bounded.

use super::tags::Tag;
use super::text::collapse;

/// Maximum number of open elements.
pub(crate) const MAX_DEPTH: usize = 128;
pub(crate) const ROOT: usize = 0;
pub(super) const NONE: usize = usize::MAX;

/// The attributes the converter reads; all others are discarded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AttrName {
    Href,
    Src,
    Srcset,
    Width,
    Height,
    Alt,
    Title,
    Class,
    /// `data-src`, `data-lazy-src`, `data-original` (lazy-loading plugins).
    DataSrc,
    /// `data-srcset`, `data-lazy-srcset`.
    DataSrcset,
    Colspan,
    Rowspan,
    /// `ol`'s `start`, `reversed`, `type`.
    Start,
    Reversed,
    Type,
    /// `video`'s poster image.
    Poster,
    /// Footnotes' ids (their references point at them).
    Id,
    /// Read only for a column's or media's width (see `layout.rs`).
    Style,
}

impl AttrName {
    pub(super) fn from_name(n: &str) -> Option<AttrName> {
        const NAMES: [(&str, AttrName); 22] = [
            ("href", AttrName::Href),
            ("src", AttrName::Src),
            ("srcset", AttrName::Srcset),
            ("width", AttrName::Width),
            ("height", AttrName::Height),
            ("alt", AttrName::Alt),
            ("title", AttrName::Title),
            ("class", AttrName::Class),
            ("data-src", AttrName::DataSrc),
            ("data-lazy-src", AttrName::DataSrc),
            ("data-original", AttrName::DataSrc),
            ("data-srcset", AttrName::DataSrcset),
            ("data-lazy-srcset", AttrName::DataSrcset),
            ("data-original-set", AttrName::DataSrcset),
            ("colspan", AttrName::Colspan),
            ("rowspan", AttrName::Rowspan),
            ("start", AttrName::Start),
            ("reversed", AttrName::Reversed),
            ("type", AttrName::Type),
            ("poster", AttrName::Poster),
            ("id", AttrName::Id),
            ("style", AttrName::Style),
        ];
        NAMES.iter().find(|(k, _)| k.eq_ignore_ascii_case(n)).map(|(_, a)| *a)
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    Root,
    /// A range of `Tree::text`.
    Text(usize, usize),
    /// Tag and range of `Tree::attrs`.
    Elem(Tag, usize, usize),
}

pub(super) struct Node {
    pub kind: Kind,
    pub first: usize,
    pub last: usize,
    pub next: usize,
    /// Has a block-level descendant (so an inline wrapper acts as a container).
    pub has_block: bool,
}

pub(crate) struct Tree {
    pub(super) nodes: Vec<Node>,
    pub(super) text: String,
    pub(super) attrs: Vec<(AttrName, usize, usize)>,
}

impl Tree {
    pub fn kind(&self, id: usize) -> Option<Kind> {
        self.nodes.get(id).map(|n| n.kind)
    }

    pub fn tag(&self, id: usize) -> Option<Tag> {
        match self.kind(id)? {
            Kind::Elem(t, ..) => Some(t),
            _ => None,
        }
    }

    pub fn text(&self, id: usize) -> Option<&str> {
        match self.kind(id)? {
            Kind::Text(a, b) => self.text.get(a..b),
            _ => None,
        }
    }

    pub fn attr(&self, id: usize, name: AttrName) -> Option<&str> {
        let Kind::Elem(_, a, b) = self.kind(id)? else {
            return None;
        };
        let (_, s, e) = self.attrs.get(a..b)?.iter().find(|(n, ..)| *n == name)?;
        self.text.get(*s..*e)
    }

    pub fn has_block(&self, id: usize) -> bool {
        self.nodes.get(id).is_some_and(|n| n.has_block)
    }

    pub fn children(&self, id: usize) -> Siblings<'_> {
        let first = self.nodes.get(id).map_or(NONE, |n| n.first);
        Siblings {
            tree: self,
            cur: first,
            last: NONE,
        }
    }

    /// Siblings from `first` to `last`, both included.
    pub fn run(&self, first: usize, last: usize) -> Siblings<'_> {
        Siblings {
            tree: self,
            cur: first,
            last,
        }
    }

    pub fn first_last(&self, id: usize) -> (usize, usize) {
        self.nodes.get(id).map_or((NONE, NONE), |n| (n.first, n.last))
    }

    pub fn class(&self, id: usize) -> &str {
        self.attr(id, AttrName::Class).unwrap_or("")
    }

    /// Plain text of a subtree, whitespace collapsed; blocks and breaks
    /// separate words.
    pub fn plain(&self, id: usize) -> String {
        let mut s = String::new();
        self.plain_into(id, &mut s, 0);
        collapse(&s)
    }

    fn plain_into(&self, id: usize, s: &mut String, depth: usize) {
        if depth > MAX_DEPTH + 2 {
            return;
        }
        if let Some(text) = self.text(id) {
            return s.push_str(text);
        }
        let sep = self.tag(id).is_some_and(|t| t.is_block() || t == Tag::Br);
        if sep {
            s.push(' ');
        }
        for c in self.children(id) {
            self.plain_into(c, s, depth + 1);
        }
        if sep {
            s.push(' ');
        }
    }

    /// First descendant (document order) whose tag matches; figcaptions are
    /// searched only if `in_captions`.
    pub fn find(&self, id: usize, want: &dyn Fn(Tag) -> bool, in_captions: bool) -> Option<usize> {
        self.find_from(id, want, in_captions, 0)
    }

    fn find_from(&self, id: usize, want: &dyn Fn(Tag) -> bool, in_captions: bool, depth: usize) -> Option<usize> {
        if depth > MAX_DEPTH + 2 {
            return None;
        }
        for c in self.children(id) {
            let Some(tag) = self.tag(c) else { continue };
            if want(tag) {
                return Some(c);
            }
            if tag == Tag::Figcaption && !in_captions {
                continue;
            }
            if let Some(found) = self.find_from(c, want, in_captions, depth + 1) {
                return Some(found);
            }
        }
        None
    }
}

pub(crate) struct Siblings<'t> {
    tree: &'t Tree,
    cur: usize,
    last: usize,
}

impl Iterator for Siblings<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        let id = self.cur;
        let n = self.tree.nodes.get(id)?;
        self.cur = if id == self.last { NONE } else { n.next };
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::{AttrName, Tree, ROOT};
    use crate::body::tags::Tag;

    fn first(t: &Tree) -> usize {
        t.children(ROOT).next().unwrap_or(usize::MAX)
    }

    #[test]
    fn attributes_are_decoded_first_wins() {
        let t = Tree::parse(r#"<a HREF="/a?b=1&amp;c=2" href="/evil" data-x=1>x</a>"#);
        let a = t.children(ROOT).next().unwrap_or(usize::MAX);
        assert_eq!(t.attr(a, AttrName::Href), Some("/a?b=1&c=2"));
        assert_eq!(t.attr(a, AttrName::Src), None);
    }

    #[test]
    fn has_block_propagates() {
        let t = Tree::parse("<span><em><div>x</div></em></span><span>y</span>");
        let mut kids = t.children(ROOT);
        let (a, b) = (kids.next().unwrap_or(0), kids.next().unwrap_or(0));
        assert!(t.has_block(a));
        assert!(!t.has_block(b));
    }

    #[test]
    fn plain_text_and_find() {
        let t = Tree::parse("<div>a<p>b<br>c</p><figure><figcaption><img></figcaption><img></figure></div>");
        let div = first(&t);
        assert_eq!(t.plain(div), "a b c");
        let fig = t.find(div, &|g| g == Tag::Figure, false).unwrap_or(usize::MAX);
        let in_caption = t.find(fig, &|g| g == Tag::Img, true);
        let outside = t.find(fig, &|g| g == Tag::Img, false);
        assert!(in_caption.is_some() && outside.is_some() && in_caption != outside);
        assert_eq!(t.class(div), "");
    }
}
