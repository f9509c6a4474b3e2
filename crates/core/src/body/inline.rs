//! Builds a run of `Inline`s the way a browser lays out text: ASCII
//! whitespace collapses to one space and is trimmed at the start and end,
//! adjacent text merges, empty wrappers vanish, links never nest.

use crate::model::{Inline, InlineStyle};

/// An inline wrapper that may be open around text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Wrap {
    Em,
    Strong,
    Link(String),
    /// A styled run and its `title` (an abbreviation's expansion).
    Styled(InlineStyle, Option<String>),
}

struct Frame {
    wrap: Option<Wrap>,
    kids: Vec<Inline>,
}

/// Deeper wrappers are ignored (their text is kept).
const MAX_FRAMES: usize = 64;
/// At most this many line breaks in a row.
const MAX_BREAKS: u8 = 2;

pub(crate) struct InlineBuilder {
    frames: Vec<Frame>,
    /// Frames opened by `new` (inherited from an enclosing inline element).
    base: usize,
    space: bool,
    /// The last character pushed is a collapsed space.
    trailing_space: bool,
    started: bool,
    line_start: bool,
    want_break: bool,
    breaks: u8,
    links: usize,
    /// Inside `<pre>`: newlines are line breaks.
    pub pre: bool,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

impl InlineBuilder {
    pub fn new(inherit: &[Wrap]) -> Self {
        let mut b = InlineBuilder {
            frames: vec![Frame {
                wrap: None,
                kids: Vec::new(),
            }],
            base: 1,
            space: false,
            trailing_space: false,
            started: false,
            line_start: false,
            want_break: false,
            breaks: 0,
            links: 0,
            pre: false,
        };
        for w in inherit {
            b.open(w.clone());
        }
        b.base = b.frames.len();
        b
    }

    /// Opens a wrapper; false if it was ignored (a link inside a link, or
    /// too deep), in which case the caller must not `close` it.
    pub fn open(&mut self, w: Wrap) -> bool {
        let link = matches!(w, Wrap::Link(_));
        if (link && self.links > 0) || self.frames.len() >= MAX_FRAMES {
            return false;
        }
        self.emit_break();
        self.flush_space(); // "a <em>b</em>": the space goes before the wrapper
        self.links += usize::from(link);
        self.frames.push(Frame {
            wrap: Some(w),
            kids: Vec::new(),
        });
        true
    }

    pub fn close(&mut self) {
        if self.frames.len() > self.base {
            self.close_top();
        }
    }

    fn close_top(&mut self) {
        if self.frames.len() <= 1 {
            return;
        }
        let Some(f) = self.frames.pop() else { return };
        if matches!(f.wrap, Some(Wrap::Link(_))) {
            self.links = self.links.saturating_sub(1);
        }
        if f.kids.is_empty() {
            return; // empty wrappers vanish
        }
        let node = match f.wrap {
            Some(Wrap::Em) => Inline::Emphasis { children: f.kids },
            Some(Wrap::Strong) => Inline::Strong { children: f.kids },
            Some(Wrap::Link(href)) => Inline::Link { href, children: f.kids },
            Some(Wrap::Styled(style, title)) => Inline::Styled {
                style,
                title,
                children: f.kids,
            },
            None => return,
        };
        if let Some(top) = self.frames.last_mut() {
            top.kids.push(node);
        }
    }

    pub fn text(&mut self, s: &str) {
        let mut rest = s;
        while !rest.is_empty() {
            let ws = rest.bytes().take_while(|b| is_ws(*b)).count();
            if ws > 0 {
                let Some((spaces, tail)) = rest.split_at_checked(ws) else {
                    return;
                };
                for b in spaces.bytes() {
                    match (self.pre, b) {
                        (true, b'\n') => self.line_break(),
                        (true, b'\r') => {}
                        _ => self.space = true,
                    }
                }
                rest = tail;
                continue;
            }
            let len = rest.bytes().take_while(|b| !is_ws(*b)).count();
            let Some((word, tail)) = rest.split_at_checked(len) else {
                return;
            };
            self.word(word);
            rest = tail;
        }
    }

    fn word(&mut self, w: &str) {
        self.emit_break();
        self.flush_space();
        self.push_str(w);
        self.trailing_space = false;
        self.started = true;
        self.line_start = false;
        self.breaks = 0;
    }

    fn flush_space(&mut self) {
        if self.space && self.started && !self.line_start && !self.trailing_space {
            self.push_str(" ");
            self.trailing_space = true;
        }
        self.space = false;
    }

    fn push_str(&mut self, s: &str) {
        let Some(top) = self.frames.last_mut() else { return };
        match top.kids.last_mut() {
            Some(Inline::Text { text }) => text.push_str(s),
            _ => top.kids.push(Inline::text(s)),
        }
    }

    /// A node with no text of its own (a footnote reference).
    pub fn node(&mut self, node: Inline) {
        self.emit_break();
        self.flush_space();
        if let Some(top) = self.frames.last_mut() {
            top.kids.push(node);
        }
        self.trailing_space = false;
        self.started = true;
        self.line_start = false;
        self.breaks = 0;
    }

    /// An explicit `<br>`: ignored at the start, at most two in a row.
    pub fn line_break(&mut self) {
        self.want_break = false;
        self.space = false;
        if !self.started || self.breaks >= MAX_BREAKS {
            return;
        }
        let trailing_space = std::mem::take(&mut self.trailing_space);
        if let Some(top) = self.frames.last_mut() {
            // No space before a line break.
            let mut emptied = false;
            if let (true, Some(Inline::Text { text })) = (trailing_space, top.kids.last_mut()) {
                if text.ends_with(' ') {
                    text.pop();
                }
                emptied = text.is_empty();
            }
            if emptied {
                top.kids.pop();
            }
            top.kids.push(Inline::LineBreak);
        }
        self.breaks += 1;
        self.line_start = true;
    }

    /// A block boundary inside inline content: one line break, added only
    /// if more content follows.
    pub fn soft_break(&mut self) {
        if self.started && !self.line_start {
            self.want_break = true;
        }
    }

    fn emit_break(&mut self) {
        if std::mem::take(&mut self.want_break) {
            self.line_break();
        }
    }

    /// Closes everything and returns the content.
    pub fn finish(mut self) -> Vec<Inline> {
        self.take()
    }

    /// Returns the content so far and starts afresh with the same wrappers
    /// open (used when a nested list splits a list item).
    pub fn split(&mut self) -> Vec<Inline> {
        let wraps: Vec<Wrap> = self.frames.iter().filter_map(|f| f.wrap.clone()).collect();
        let base = self.base;
        let out = self.take();
        self.space = false;
        self.trailing_space = false;
        self.started = false;
        self.line_start = false;
        self.want_break = false;
        self.breaks = 0;
        self.links = 0;
        for w in wraps {
            self.open(w);
        }
        self.base = base;
        out
    }

    fn take(&mut self) -> Vec<Inline> {
        while self.frames.len() > 1 {
            self.close_top();
        }
        let mut out = self
            .frames
            .first_mut()
            .map(|f| std::mem::take(&mut f.kids))
            .unwrap_or_default();
        trim_trailing(&mut out);
        super::shortcodes::strip_run(out)
    }
}

/// Removes trailing line breaks and collapsed spaces, also inside wrappers.
fn trim_trailing(v: &mut Vec<Inline>) {
    loop {
        let remove = match v.last_mut() {
            Some(Inline::LineBreak) => true,
            Some(Inline::Text { text }) => {
                let kept = text.trim_end_matches(' ').len();
                text.truncate(kept);
                text.is_empty()
            }
            Some(
                Inline::Emphasis { children }
                | Inline::Strong { children }
                | Inline::Link { children, .. }
                | Inline::Styled { children, .. },
            ) => {
                trim_trailing(children);
                children.is_empty()
            }
            _ => false,
        };
        if !remove {
            return;
        }
        v.pop();
    }
}

/// True when there is nothing visible (only whitespace, breaks, empties).
pub(crate) fn is_blank(v: &[Inline]) -> bool {
    v.iter().all(|i| match i {
        Inline::Text { text } => text.chars().all(char::is_whitespace),
        Inline::Emphasis { children }
        | Inline::Strong { children }
        | Inline::Link { children, .. }
        | Inline::Styled { children, .. } => is_blank(children),
        Inline::FootnoteRef { .. } => false,
        Inline::LineBreak | Inline::Unknown => true,
    })
}

#[cfg(test)]
mod tests {
    use super::{is_blank, InlineBuilder, Wrap};
    use crate::body::test_support::t;
    use crate::model::Inline;

    #[test]
    fn collapses_and_trims_whitespace() {
        let mut b = InlineBuilder::new(&[]);
        b.text("  \n Hello \t  ");
        b.text("  world\u{A0}! ");
        assert_eq!(b.finish(), [t("Hello world\u{A0}!")]);
    }

    #[test]
    fn wrappers_merge_and_vanish() {
        let mut b = InlineBuilder::new(&[]);
        b.text("a ");
        assert!(b.open(Wrap::Em));
        b.close();
        b.text("b");
        b.open(Wrap::Strong);
        b.text(" c ");
        b.close();
        b.text(" d");
        let want = [
            t("a b"),
            Inline::Strong {
                children: vec![t(" c")],
            },
            t(" d"),
        ];
        assert_eq!(b.finish(), want);
    }

    #[test]
    fn links_do_not_nest() {
        let mut b = InlineBuilder::new(&[]);
        assert!(b.open(Wrap::Link("/a".into())));
        b.text("x");
        assert!(!b.open(Wrap::Link("/b".into())));
        b.text("y");
        b.close();
        assert_eq!(
            b.finish(),
            [Inline::Link {
                href: "/a".into(),
                children: vec![t("xy")]
            }]
        );
    }

    #[test]
    fn line_breaks_are_trimmed_and_capped() {
        let mut b = InlineBuilder::new(&[]);
        b.line_break();
        b.text("a");
        for _ in 0..5 {
            b.line_break();
        }
        b.text(" b");
        b.open(Wrap::Em);
        b.text("c");
        b.line_break();
        b.close();
        b.line_break();
        let want = [
            t("a"),
            Inline::LineBreak,
            Inline::LineBreak,
            t("b"),
            Inline::Emphasis { children: vec![t("c")] },
        ];
        assert_eq!(b.finish(), want);
    }

    #[test]
    fn soft_breaks_only_between_content() {
        let mut b = InlineBuilder::new(&[]);
        b.soft_break();
        b.text("a");
        b.soft_break();
        b.soft_break();
        b.text("b");
        b.soft_break();
        assert_eq!(b.finish(), [t("a"), Inline::LineBreak, t("b")]);
    }

    #[test]
    fn pre_keeps_newlines() {
        let mut b = InlineBuilder::new(&[]);
        b.pre = true;
        b.text("a  b\r\nc\n");
        assert_eq!(b.finish(), [t("a b"), Inline::LineBreak, t("c")]);
    }

    #[test]
    fn inherited_wrappers_and_split() {
        let mut b = InlineBuilder::new(&[Wrap::Strong]);
        b.text("a");
        let first = b.split();
        b.text("b");
        b.close(); // cannot close an inherited wrapper
        b.text("c");
        assert_eq!(first, [Inline::Strong { children: vec![t("a")] }]);
        assert_eq!(
            b.finish(),
            [Inline::Strong {
                children: vec![t("bc")]
            }]
        );
    }

    #[test]
    fn blank_detection() {
        assert!(is_blank(&[
            t(" \u{A0}"),
            Inline::LineBreak,
            Inline::Emphasis { children: vec![] }
        ]));
        assert!(!is_blank(&[Inline::Strong { children: vec![t("x")] }]));
    }
}
