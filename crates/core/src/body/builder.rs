//! Builds the arena tree from tokens, with the HTML tree-builder rules that
//! matter for real content (implied `</p>`, `</li>`, `</td>`, heading and
//! table scopes, `<a>` never nested) and none of the rest. Dropped elements
//! never enter the tree; past `MAX_DEPTH` open elements, start tags are
//! ignored (content goes to the deepest one), so recursion stays bounded.
//! Text and the few attributes kept are decoded into one shared buffer.

use super::tags::{Skip, Tag};
use super::tokenizer::{StartTag, Token, Tokenizer};
use super::tree::{AttrName, Kind, Node, Tree, MAX_DEPTH, NONE, ROOT};
use crate::entities::decode_into;

struct Open<'a> {
    id: usize,
    tag: Tag,
    name: &'a str,
}

struct Builder<'a> {
    tree: Tree,
    stack: Vec<Open<'a>>,
    skip: Option<Skip<'a>>,
}

fn default_scope(t: Tag) -> bool {
    matches!(t, Tag::Table | Tag::Td | Tag::Th | Tag::Caption)
}

fn list_scope(t: Tag) -> bool {
    default_scope(t) || matches!(t, Tag::Ul | Tag::Ol | Tag::Dl)
}

fn table_scope(t: Tag) -> bool {
    t == Tag::Table
}

impl Tree {
    pub fn parse(html: &str) -> Tree {
        let root = Node {
            kind: Kind::Root,
            first: NONE,
            last: NONE,
            next: NONE,
            has_block: false,
        };
        let tree = Tree {
            nodes: vec![root],
            text: String::with_capacity(html.len() / 2),
            attrs: Vec::new(),
        };
        let mut b = Builder {
            tree,
            stack: vec![Open {
                id: ROOT,
                tag: Tag::Block,
                name: "",
            }],
            skip: None,
        };
        for tok in Tokenizer::new(html) {
            b.token(tok);
        }
        while b.stack.len() > 1 {
            b.pop();
        }
        b.tree
    }
}

impl<'a> Builder<'a> {
    fn token(&mut self, tok: Token<'a>) {
        if Skip::drops(&mut self.skip, &tok) {
            return;
        }
        match tok {
            Token::Text(t) => self.text(t),
            Token::Start(st) => self.start(st),
            Token::End(name) => self.end(name),
        }
    }

    fn top(&self) -> usize {
        self.stack.last().map_or(ROOT, |o| o.id)
    }

    fn top_tag(&self) -> Option<Tag> {
        self.stack.last().map(|o| o.tag)
    }

    fn new_node(&mut self, kind: Kind) -> usize {
        self.tree.nodes.push(Node {
            kind,
            first: NONE,
            last: NONE,
            next: NONE,
            has_block: false,
        });
        self.tree.nodes.len() - 1
    }

    fn append(&mut self, parent: usize, child: usize) {
        let nodes = &mut self.tree.nodes;
        let Some(p) = nodes.get_mut(parent) else { return };
        let prev = p.last;
        p.last = child;
        if prev == NONE {
            p.first = child;
        } else if let Some(n) = nodes.get_mut(prev) {
            n.next = child;
        }
    }

    fn text(&mut self, raw: &str) {
        let parent = self.top();
        let t = &mut self.tree;
        let last = t.nodes.get(parent).map_or(NONE, |n| n.last);
        let start = t.text.len();
        // Adjacent text (split by a dropped comment or tag) merges into one node.
        if let Some(Node {
            kind: Kind::Text(_, end),
            ..
        }) = t.nodes.get_mut(last)
        {
            if *end == start {
                decode_into(raw, &mut t.text);
                *end = t.text.len();
                return;
            }
        }
        decode_into(raw, &mut t.text);
        let end = t.text.len();
        if end > start {
            let id = self.new_node(Kind::Text(start, end));
            self.append(parent, id);
        }
    }

    fn element(&mut self, tag: Tag, st: Option<&StartTag<'a>>) -> usize {
        let first = self.tree.attrs.len();
        for (name, value) in st.into_iter().flat_map(|s| s.attrs()) {
            let Some(an) = AttrName::from_name(name) else { continue };
            if self
                .tree
                .attrs
                .get(first..)
                .is_some_and(|a| a.iter().any(|(n, ..)| *n == an))
            {
                continue; // the first occurrence wins, as in browsers
            }
            let start = self.tree.text.len();
            decode_into(value, &mut self.tree.text);
            self.tree.attrs.push((an, start, self.tree.text.len()));
        }
        self.new_node(Kind::Elem(tag, first, self.tree.attrs.len()))
    }

    fn leaf(&mut self, tag: Tag, st: Option<&StartTag<'a>>) {
        let parent = self.top();
        let id = self.element(tag, st);
        self.append(parent, id);
        if tag.is_block() {
            if let Some(p) = self.tree.nodes.get_mut(parent) {
                p.has_block = true;
            }
        }
    }

    fn pop(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(o) = self.stack.pop() else { return };
        let block = o.tag.is_block() || self.tree.has_block(o.id);
        let parent = self.top();
        if let (true, Some(p)) = (block, self.tree.nodes.get_mut(parent)) {
            p.has_block = true;
        }
    }

    fn pop_to(&mut self, i: usize) {
        let i = i.max(1);
        while self.stack.len() > i {
            self.pop();
        }
    }

    /// Index in the stack of the nearest open element matching `want`,
    /// unless a `boundary` element comes first.
    fn find(&self, want: impl Fn(Tag) -> bool, boundary: fn(Tag) -> bool) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().skip(1).rev() {
            if want(o.tag) {
                return Some(i);
            }
            if boundary(o.tag) {
                return None;
            }
        }
        None
    }

    fn close(&mut self, want: impl Fn(Tag) -> bool, boundary: fn(Tag) -> bool) {
        if let Some(i) = self.find(want, boundary) {
            self.pop_to(i);
        }
    }

    fn start(&mut self, st: StartTag<'a>) {
        let tag = Tag::from_name(st.name);
        match tag {
            Tag::Drop => {
                self.skip = Skip::start(&st);
                return;
            }
            Tag::Void => return,
            _ => {}
        }
        if tag.closes_p() {
            self.close(|t| t == Tag::P, default_scope);
        }
        match tag {
            Tag::Li => self.close(|t| t == Tag::Li, list_scope),
            Tag::DtDd | Tag::Dt => self.close(|t| matches!(t, Tag::DtDd | Tag::Dt), list_scope),
            Tag::H(_) if matches!(self.top_tag(), Some(Tag::H(_))) => self.pop(),
            Tag::Tr => {
                self.close(|t| matches!(t, Tag::Td | Tag::Th), table_scope);
                self.close(|t| t == Tag::Tr, table_scope);
            }
            Tag::Td | Tag::Th => self.close(|t| matches!(t, Tag::Td | Tag::Th), table_scope),
            Tag::TSection => {
                self.close(|t| matches!(t, Tag::Td | Tag::Th), table_scope);
                self.close(|t| t == Tag::Tr, table_scope);
                self.close(|t| t == Tag::TSection, table_scope);
            }
            Tag::A => self.close(|t| t == Tag::A, default_scope),
            _ => {}
        }
        match tag {
            Tag::Br | Tag::Hr | Tag::Img | Tag::Iframe | Tag::Source => self.leaf(tag, Some(&st)),
            _ if self.stack.len() > MAX_DEPTH => {}
            _ => {
                let parent = self.top();
                let id = self.element(tag, Some(&st));
                self.append(parent, id);
                self.stack.push(Open { id, tag, name: st.name });
            }
        }
    }

    fn end(&mut self, name: &'a str) {
        let tag = Tag::from_name(name);
        let boundary: fn(Tag) -> bool = match tag {
            Tag::Br => return self.leaf(Tag::Br, None), // `</br>` is a `<br>`, as in browsers
            Tag::Drop | Tag::Void | Tag::Img | Tag::Iframe | Tag::Hr | Tag::Source => return,
            Tag::Table => |_| false,
            Tag::Tr | Tag::TSection | Tag::Td | Tag::Th | Tag::Caption => table_scope,
            _ => default_scope,
        };
        let mut hit = None;
        for (i, o) in self.stack.iter().enumerate().skip(1).rev() {
            let same = match tag {
                Tag::H(_) => matches!(o.tag, Tag::H(_)), // any heading end tag closes any heading
                _ => o.name.eq_ignore_ascii_case(name),
            };
            if same {
                hit = Some(i);
                break;
            }
            if boundary(o.tag) {
                break;
            }
        }
        if let Some(i) = hit {
            self.pop_to(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::body::tree::{Kind, Tree, MAX_DEPTH, ROOT};

    /// Compact dump: elements as `tag[children]`, text quoted.
    fn dump(t: &Tree, id: usize) -> String {
        let kids: Vec<String> = t.children(id).map(|c| dump(t, c)).collect();
        match t.kind(id) {
            Some(Kind::Text(..)) => format!("{:?}", t.text(id).unwrap_or("")),
            Some(Kind::Elem(tag, ..)) => format!("{tag:?}[{}]", kids.join(",")),
            _ => kids.join(","),
        }
    }

    fn d(html: &str) -> String {
        let t = Tree::parse(html);
        dump(&t, ROOT)
    }

    #[test]
    fn implied_end_tags() {
        assert_eq!(d("<p>a<p>b"), r#"P["a"],P["b"]"#);
        assert_eq!(d("<p>a<div>b</div>c</p>"), r#"P["a"],Block["b"],"c""#);
        assert_eq!(d("<ul><li>a<li>b</ul>"), r#"Ul[Li["a"],Li["b"]]"#);
        assert_eq!(d("<ul><li>a<ul><li>b</ul></ul>"), r#"Ul[Li["a",Ul[Li["b"]]]]"#);
        assert_eq!(
            d("<table><tr><td>a<td>b<tr><td>c</table>"),
            r#"Table[Tr[Td["a"],Td["b"]],Tr[Td["c"]]]"#
        );
        assert_eq!(d("<h2>a</h3>b"), r#"H(2)["a"],"b""#);
        assert_eq!(d("<a href=x>a<a href=y>b"), r#"A["a"],A["b"]"#);
    }

    #[test]
    fn end_tags_respect_scope() {
        assert_eq!(
            d("<div><table><tr><td>a</div>b</td></tr></table>c</div>"),
            r#"Block[Table[Tr[Td["ab"]]],"c"]"#
        );
        assert_eq!(d("<b>x</i>y</b>"), r#"Strong["xy"]"#);
    }

    #[test]
    fn dropped_elements_and_text_merging() {
        assert_eq!(d("a<script>x</script>b<!-- c -->c"), r#""abc""#);
        assert_eq!(d("a<svg><g>x</g></svg>b<form><p>y</form>c"), r#""abc""#);
        // `<p>` leaves foreign content, as in browsers; the stray `</svg>` is ignored.
        assert_eq!(d("a<svg><p>x</p></svg>b"), r#""a",P["x"],"b""#);
        assert_eq!(d("a<svg/>b"), r#""ab""#);
        assert_eq!(d("<p>&lt;b&gt; &amp;amp;</p>"), r#"P["<b> &amp;"]"#);
    }

    #[test]
    fn depth_is_capped() {
        let html = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        let t = Tree::parse(&html);
        let mut depth = 0;
        let mut id = ROOT;
        while let Some(c) = t.children(id).next() {
            depth += 1;
            id = c;
        }
        assert!(depth <= MAX_DEPTH + 1, "{depth}");
        assert_eq!(t.text(id), Some("deep"));
    }
}
