//! Tree → blocks: the allowlist. Block containers are walked in "block
//! context", where consecutive inline-level children form one paragraph;
//! paragraphs, headings, list items, quotes and cells collect inlines, and
//! block elements met there only add line breaks. Media runs, lists and
//! quotes, figures and tables live in their own files.

use super::inline::{is_blank, InlineBuilder, Wrap};
use super::tags::Tag;
use super::tree::{AttrName, Kind, Tree, MAX_DEPTH, ROOT};
use super::BodyOptions;
use crate::model::{Align, Block, Inline, InlineStyle, ListItem};
use crate::url::link_href;

/// Recursion guard, a backstop: the tree depth is already capped at
/// `MAX_DEPTH`, and each tree level costs at most a few units.
pub(super) const MAX_RECURSION: usize = 4 * MAX_DEPTH;

/// Smaller images in running text are icons or spacers, not figures.
const MIN_FIGURE: u32 = 48;

pub(super) struct Conv<'t> {
    pub t: &'t Tree,
    pub opts: &'t BodyOptions,
    pub out: Vec<Block>,
    /// Embeds met inside running text, emitted after the current block.
    pub after: Vec<Block>,
    /// Items of the list being built; nested lists add to it.
    pub items: Vec<ListItem>,
    pub in_list: bool,
    /// Lists open around the current one, and the lists nested in the
    /// item being built (see `lists.rs`).
    pub list_depth: usize,
    pub item_children: Vec<Block>,
    /// `details` open around the current block, and the `summary` of the
    /// innermost one (read as its label, see `text_blocks.rs`).
    pub details_depth: usize,
    pub summary: Option<usize>,
    /// The body's (first) footnote list and its items' ids, in order,
    /// found once (see `footnotes.rs`).
    pub footnote_ids: Option<(Option<usize>, Vec<String>)>,
    /// Inline wrappers around block content (`<a><div>…</div></a>`).
    pub inherit: Vec<Wrap>,
    /// Layout containers open around the current block (see `layout.rs`).
    pub layout_depth: usize,
}

pub(super) fn convert(t: &Tree, opts: &BodyOptions) -> Vec<Block> {
    let mut c = Conv {
        t,
        opts,
        out: Vec::new(),
        after: Vec::new(),
        items: Vec::new(),
        in_list: false,
        list_depth: 0,
        item_children: Vec::new(),
        details_depth: 0,
        summary: None,
        footnote_ids: None,
        inherit: Vec::new(),
        layout_depth: 0,
    };
    c.blocks(ROOT, 0);
    c.flush_after();
    while matches!(c.out.last(), Some(Block::Separator)) {
        c.out.pop();
    }
    c.out
}

impl Conv<'_> {
    pub fn flush_after(&mut self) {
        self.out.append(&mut self.after);
    }

    pub fn push_para(&mut self, content: Vec<Inline>) {
        if !is_blank(&content) {
            self.out.push(Block::Paragraph { content });
        }
    }

    pub fn builder(&self) -> InlineBuilder {
        InlineBuilder::new(&self.inherit)
    }

    /// Block context: runs of inline-level children become paragraphs.
    pub fn blocks(&mut self, parent: usize, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        let t = self.t;
        let mut run: Option<(usize, usize)> = None;
        for id in t.children(parent) {
            if self.is_inline_level(id) {
                run = Some((run.map_or(id, |r| r.0), id));
                continue;
            }
            if let Some((first, last)) = run.take() {
                self.run(first, last, depth);
            }
            self.block(id, depth + 1);
        }
        if let Some((first, last)) = run {
            self.run(first, last, depth);
        }
    }

    pub(super) fn is_inline_level(&self, id: usize) -> bool {
        match self.t.kind(id) {
            Some(Kind::Text(..)) => true,
            Some(Kind::Elem(tag, ..)) => {
                matches!(tag, Tag::Img | Tag::Iframe | Tag::Br | Tag::Audio | Tag::Video)
                    || (tag.is_inline_wrapper() && !self.t.has_block(id))
            }
            _ => false,
        }
    }

    pub(super) fn block(&mut self, id: usize, depth: usize) {
        let Some(tag) = self.t.tag(id) else { return };
        if self.layout_block(id, tag, depth) || self.text_block(id, tag, depth) {
            return;
        }
        match tag {
            Tag::P => {
                let (first, last) = self.t.first_last(id);
                self.run(first, last, depth);
            }
            Tag::H(n) => self.heading(id, n, depth),
            Tag::Ul | Tag::Ol => self.list(id, tag == Tag::Ol, depth),
            Tag::Blockquote => self.quote(id, depth),
            Tag::Figure => self.figure(id, depth),
            Tag::Block if self.t.class(id).split_ascii_whitespace().any(|c| c == "wp-caption") => {
                self.figure(id, depth)
            }
            Tag::Table => self.table(id, None, depth),
            Tag::Pre => {
                let mut text = String::new();
                self.raw_text(id, &mut text, depth);
                // As browsers do: the newline right after `<pre>` is not content.
                let text = text.replace("\r\n", "\n");
                let text = text.strip_prefix('\n').unwrap_or(&text).trim_end();
                if !text.trim().is_empty() {
                    self.out.push(Block::Preformatted { text: text.to_string() });
                }
                self.flush_after();
            }
            // Only between blocks: never first, never twice in a row (the
            // end is trimmed by `convert`).
            Tag::Hr => {
                if self.out.last().is_some_and(|b| !matches!(b, Block::Separator)) {
                    self.out.push(Block::Separator);
                }
            }
            Tag::Br => {}
            Tag::A | Tag::Em | Tag::Strong => {
                // An inline wrapper around blocks: its meaning carries into them.
                let wrap = match tag {
                    Tag::Em => Some(Wrap::Em),
                    Tag::Strong => Some(Wrap::Strong),
                    _ => self.href(id).map(Wrap::Link),
                };
                let pushed = wrap.is_some();
                self.inherit.extend(wrap);
                self.blocks(id, depth);
                if pushed {
                    self.inherit.pop();
                }
            }
            _ => self.blocks(id, depth),
        }
    }

    pub fn inline_children(&mut self, id: usize, b: &mut InlineBuilder, depth: usize) {
        for c in self.t.children(id) {
            self.inline(c, b, depth + 1);
        }
    }

    /// Inline context: everything becomes inlines; blocks add line breaks,
    /// emoji keep their alt, images and embeds go after the block.
    pub fn inline(&mut self, id: usize, b: &mut InlineBuilder, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        let Some(kind) = self.t.kind(id) else { return };
        let tag = match kind {
            Kind::Text(..) => return b.text(self.t.text(id).unwrap_or("")),
            Kind::Root => return self.inline_children(id, b, depth),
            Kind::Elem(tag, ..) => tag,
        };
        let wrap = match tag {
            Tag::Br => return b.line_break(),
            Tag::Img => {
                if self.is_emoji(id) {
                    b.text(self.t.attr(id, AttrName::Alt).unwrap_or(""));
                } else if let Some(image) = self.image(id).filter(|i| i.width.min(i.height) >= MIN_FIGURE) {
                    // A classic-editor image in running text (`<p><img
                    // class=alignleft>Texte`): a figure after the block, or
                    // before it when it floats, so the text wraps around it.
                    let align = self.align_of(id);
                    let float = matches!(align, Some(Align::Left | Align::Right));
                    let figure = Block::Figure { image, align };
                    if float {
                        self.out.push(figure)
                    } else {
                        self.after.push(figure)
                    }
                }
                return;
            }
            Tag::Iframe => return self.after.extend(self.embed(id)),
            Tag::Audio | Tag::Video => return self.after.extend(self.media_element(id, tag, None, depth)),
            Tag::Hr => return b.soft_break(),
            Tag::Ul | Tag::Ol if self.in_list => return self.nested_list(id, tag == Tag::Ol, b, depth),
            Tag::Em => Some(Wrap::Em),
            Tag::Strong => Some(Wrap::Strong),
            Tag::A => self.href(id).map(Wrap::Link),
            Tag::Styled(InlineStyle::Superscript) if self.footnote_ref(id, b, depth) => return,
            Tag::Styled(style) => Some(Wrap::Styled(style, self.title(id, style))),
            Tag::Cite => Some(Wrap::Styled(InlineStyle::Cite, None)),
            Tag::Small => Some(Wrap::Styled(InlineStyle::Small, None)),
            _ => None,
        };
        if let Some(w) = wrap {
            let opened = b.open(w);
            self.inline_children(id, b, depth);
            if opened {
                b.close();
            }
        } else if tag.is_block() {
            let pre = b.pre;
            b.pre |= tag == Tag::Pre;
            b.soft_break();
            self.inline_children(id, b, depth);
            b.soft_break();
            b.pre = pre;
        } else {
            self.inline_children(id, b, depth);
        }
    }

    fn heading(&mut self, id: usize, n: u8, depth: usize) {
        let level = n.clamp(2, 4);
        let mut b = self.builder();
        self.inline_children(id, &mut b, depth);
        let content = b.finish();
        if !is_blank(&content) {
            self.out.push(Block::Heading { level, content });
        }
        self.flush_after();
    }

    /// The text of `id` exactly as written (inside `<pre>`): `<br>` is a
    /// newline, markup is dropped, dropped elements (`script`…) give nothing.
    pub(super) fn raw_text(&self, id: usize, out: &mut String, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        for c in self.t.children(id) {
            match self.t.kind(c) {
                Some(Kind::Text(..)) => out.push_str(self.t.text(c).unwrap_or("")),
                Some(Kind::Elem(Tag::Br, ..)) => out.push('\n'),
                Some(Kind::Elem(Tag::Drop | Tag::Void | Tag::Img | Tag::Iframe | Tag::Audio | Tag::Video, ..)) => {}
                Some(Kind::Elem(..)) => self.raw_text(c, out, depth + 1),
                Some(Kind::Root) | None => {}
            }
        }
    }

    /// An abbreviation's expansion (its `title`), as plain text; other
    /// styles carry none.
    fn title(&self, id: usize, style: InlineStyle) -> Option<String> {
        let title = self.t.attr(id, AttrName::Title)?;
        let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
        (style == InlineStyle::Abbreviation && !title.is_empty()).then(|| title.chars().take(200).collect())
    }

    pub fn href(&self, id: usize) -> Option<String> {
        link_href(self.t.attr(id, AttrName::Href)?, &self.opts.internal_origins)
    }
}

#[cfg(test)]
mod tests {
    use crate::body::test_support::{b, t};
    use crate::model::{Block, Inline, InlineStyle};

    fn p(content: Vec<Inline>) -> Block {
        Block::Paragraph { content }
    }

    fn em(children: Vec<Inline>) -> Inline {
        Inline::Emphasis { children }
    }

    fn strong(children: Vec<Inline>) -> Inline {
        Inline::Strong { children }
    }

    fn styled(style: InlineStyle, children: Vec<Inline>) -> Inline {
        Inline::Styled {
            style,
            title: None,
            children,
        }
    }

    fn link(href: &str, children: Vec<Inline>) -> Inline {
        Inline::Link {
            href: href.into(),
            children,
        }
    }

    #[test]
    fn heading_levels_are_clamped() {
        let got = b("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6><h2> </h2>");
        let levels: Vec<u8> = got
            .iter()
            .map(|x| match x {
                Block::Heading { level, .. } => *level,
                _ => 0,
            })
            .collect();
        assert_eq!(levels, [2, 2, 3, 4, 4, 4]);
    }

    #[test]
    fn inline_formatting() {
        let got = b("<p><em>a</em> <i>b</i> <strong>c</strong><b>d <em>e</em></b>f<br>g</p>");
        let want = vec![
            em(vec![t("a")]),
            t(" "),
            em(vec![t("b")]),
            t(" "),
            strong(vec![t("c")]),
            strong(vec![t("d "), em(vec![t("e")])]),
            t("f"),
            Inline::LineBreak,
            t("g"),
        ];
        assert_eq!(got, [p(want)]);
    }

    #[test]
    fn whitespace_merging_and_empty_wrappers() {
        let got = b("<p>  Hello \n  <span> big </span>  world&nbsp;! <em></em><a href=/x> </a></p>");
        assert_eq!(got, [p(vec![t("Hello big world\u{A0}!")])]);
        assert_eq!(
            b("<p>a<span>b</span><font>c</font><my-el>d</my-el></p>"),
            [p(vec![t("abcd")])]
        );
        assert_eq!(b("<p> </p><p><br></p><p>&nbsp;</p><p><em> </em></p>"), []);
    }

    #[test]
    fn links() {
        let got =
            b(r#"<p><a href="javascript:alert(1)">click</a> <a>me</a> <a href="">now</a> <a href="/ok">ok</a></p>"#);
        assert_eq!(got, [p(vec![t("click me now "), link("/ok", vec![t("ok")])])]);
        let got = b(r#"<p><a href="https://a.example"><em>x</em><a href="/b">y</a></a></p>"#);
        assert_eq!(
            got,
            [p(vec![
                link("https://a.example", vec![em(vec![t("x")])]),
                link("/b", vec![t("y")])
            ])]
        );
        let got = b(r#"<p><a href="mailto:a@b.example">m</a></p>"#);
        assert_eq!(got, [p(vec![link("mailto:a@b.example", vec![t("m")])])]);
    }

    #[test]
    fn transparent_containers_and_loose_text() {
        let got = b("<div><section>Loose <b>text</b><p>Para</p>tail</section></div><article><main>x</main></article>");
        assert_eq!(
            got,
            [
                p(vec![t("Loose "), strong(vec![t("text")])]),
                p(vec![t("Para")]),
                p(vec![t("tail")]),
                p(vec![t("x")])
            ]
        );
        assert_eq!(
            b("<my-widget><p>a</p><p>b</p></my-widget>"),
            [p(vec![t("a")]), p(vec![t("b")])]
        );
        let got = b("<center>C</center><aside>A</aside><header>H</header>");
        let texts: Vec<String> = got
            .iter()
            .map(|b| match b {
                Block::Paragraph { content } => Inline::plain_text(content),
                _ => String::new(),
            })
            .collect();
        assert_eq!(texts, ["C", "A", "H"]);
    }

    #[test]
    fn dropped_elements_keep_surrounding_text() {
        let html = "a<script>alert(1)</script>b<style>x</style><template><p>t</p></template><noscript>n</noscript>\
            <svg><text>s</text></svg><math><mi>m</mi></math><object>o</object><applet>ap</applet>\
            <form><p>f</p></form><button>btn</button><select><option>o</option></select><textarea>ta</textarea>\
            <input value=i><canvas>c</canvas><video>v</video><audio>au</audio><embed src=x><title>ti</title>c";
        assert_eq!(b(html), [p(vec![t("abc")])]);
    }

    #[test]
    fn block_level_breaks_are_dropped() {
        assert_eq!(b("<hr><br><p>a</p><br/><hr/>"), [p(vec![t("a")])]);
    }

    #[test]
    fn wrappers_around_blocks_carry_over() {
        let got = b(r#"<a href="/x"><div>Titre</div><p>Texte</p></a>"#);
        assert_eq!(
            got,
            [
                p(vec![link("/x", vec![t("Titre")])]),
                p(vec![link("/x", vec![t("Texte")])])
            ]
        );
        let got = b("<em><h3>H</h3></em>");
        assert_eq!(
            got,
            [Block::Heading {
                level: 3,
                content: vec![em(vec![t("H")])]
            }]
        );
    }

    #[test]
    fn pre_and_text_are_plain() {
        assert_eq!(
            b("<pre>line1\n  line2\n</pre>"),
            [Block::Preformatted {
                text: "line1\n  line2".into()
            }]
        );
        let got = b("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;</p>");
        assert_eq!(got, [p(vec![t("<script>alert(1)</script> &lt;")])]);
    }

    #[test]
    fn markdown_renderer_output() {
        let html = "<h1>Titre</h1>\n<p>Un <em>mot</em> et <code>code</code>.</p>\n<ol start=\"2\">\n<li>un</li>\n<li>deux\n<ul>\n<li>sous</li>\n</ul>\n</li>\n</ol>\n<blockquote>\n<p>Cité</p>\n</blockquote>\n<p><img src=\"/img/a.jpg\" alt=\"Alt\" /></p>\n<hr />\n<pre><code class=\"language-rust\">fn main() {}\n</code></pre>\n";
        let got = b(html);
        assert_eq!(got.len(), 7, "{got:#?}");
        assert_eq!(
            got[0],
            Block::Heading {
                level: 2,
                content: vec![t("Titre")]
            }
        );
        assert_eq!(
            got[1],
            p(vec![
                t("Un "),
                em(vec![t("mot")]),
                t(" et "),
                styled(InlineStyle::Code, vec![t("code")]),
                t(".")
            ])
        );
        let sub = Block::list(false, vec![vec![t("sous")]]);
        let mut want = Block::list(true, vec![vec![t("un")], vec![t("deux")]]);
        if let Block::List { items, start, .. } = &mut want {
            items[1].children.push(sub);
            *start = Some(2);
        }
        assert_eq!(got[2], want);
        assert_eq!(
            got[3],
            Block::Quote {
                content: vec![t("Cité")],
                cite: None
            }
        );
        assert!(matches!(&got[4], Block::Figure { image, .. } if image.alt == "Alt"));
        assert_eq!(got[5], Block::Separator);
        assert_eq!(
            got[6],
            Block::Code {
                text: "fn main() {}".into()
            }
        );
    }
}
