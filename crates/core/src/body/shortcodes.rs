//! Shortcodes WordPress left in the text because no plugin handles them
//! (`[foo bar="x"]text[/foo]`): the tags go, the text stays. A bare `[word]`
//! with no attributes and no closing tag is kept: it is as likely to be
//! prose ("[sic]", "[1]") as a shortcode. Tags are found in a finished
//! inline run (text merged across transparent elements, as a reader sees
//! it), so converting the result again gives the same blocks.

use std::borrow::Cow;

use super::inline::{InlineBuilder, Wrap};
use crate::model::Inline;

/// `run` without shortcode tags; when some went, it is laid out again (the
/// spaces around a removed tag collapse as a browser would).
pub(super) fn strip_run(mut run: Vec<Inline>) -> Vec<Inline> {
    if !strip_texts(&mut run) {
        return run;
    }
    let mut b = InlineBuilder::new(&[]);
    replay(&run, &mut b);
    b.finish()
}

fn strip_texts(v: &mut [Inline]) -> bool {
    let mut changed = false;
    for i in v {
        match i {
            Inline::Text { text } => {
                if let Cow::Owned(s) = strip(text) {
                    *text = s;
                    changed = true;
                }
            }
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Link { children, .. }
            | Inline::Styled { children, .. } => changed |= strip_texts(children),
            Inline::LineBreak | Inline::FootnoteRef { .. } | Inline::Unknown => {}
        }
    }
    changed
}

fn replay(v: &[Inline], b: &mut InlineBuilder) {
    for i in v {
        let (wrap, children) = match i {
            Inline::Text { text } => {
                b.text(text);
                continue;
            }
            Inline::LineBreak => {
                b.line_break();
                continue;
            }
            Inline::FootnoteRef { .. } => {
                b.node(i.clone());
                continue;
            }
            Inline::Unknown => continue,
            Inline::Emphasis { children } => (Wrap::Em, children),
            Inline::Strong { children } => (Wrap::Strong, children),
            Inline::Link { href, children } => (Wrap::Link(href.clone()), children),
            Inline::Styled { style, title, children } => (Wrap::Styled(*style, title.clone()), children),
        };
        let opened = b.open(wrap);
        replay(children, b);
        if opened {
            b.close();
        }
    }
}

/// Longer bracketed runs are not taken for shortcode tags.
const MAX_TAG: usize = 400;

struct TagAt {
    start: usize,
    end: usize,
    name: String,
    kind: Kind,
}

#[derive(PartialEq)]
enum Kind {
    Open { attrs: bool },
    Close,
    SelfClosing,
}

/// `s` without its shortcode tags (borrowed when there are none).
pub(super) fn strip(s: &str) -> Cow<'_, str> {
    if !s.contains('[') {
        return Cow::Borrowed(s);
    }
    let tags = scan(s);
    let mut drop = vec![false; tags.len()];
    for (i, t) in tags.iter().enumerate() {
        match t.kind {
            Kind::Open { attrs } => drop[i] |= attrs,
            Kind::SelfClosing => drop[i] = true,
            Kind::Close => {
                // Pairs with the nearest open tag of the same name.
                let open = (0..i).rev().find(|&j| {
                    tags.get(j)
                        .is_some_and(|o| matches!(o.kind, Kind::Open { .. }) && o.name == t.name)
                });
                if let Some(j) = open {
                    drop[i] = true;
                    if let Some(d) = drop.get_mut(j) {
                        *d = true;
                    }
                }
            }
        }
    }
    if !drop.contains(&true) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for (t, _) in tags.iter().zip(&drop).filter(|(_, d)| **d) {
        out.push_str(s.get(at..t.start).unwrap_or(""));
        at = t.end;
    }
    out.push_str(s.get(at..).unwrap_or(""));
    Cow::Owned(out)
}

/// Every `[name …]`, `[/name]` and `[name … /]` in `s`, in order.
fn scan(s: &str) -> Vec<TagAt> {
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(rel) = s.get(from..).and_then(|r| r.find('[')) {
        let start = from + rel;
        from = start + 1;
        if let Some(tag) = parse(s, start) {
            from = tag.end;
            tags.push(tag);
        }
    }
    tags
}

fn parse(s: &str, start: usize) -> Option<TagAt> {
    let rest = s.get(start + 1..)?;
    let close = rest.find(']').filter(|&n| n <= MAX_TAG)?;
    let inner = rest.get(..close)?;
    if inner.contains('[') {
        return None;
    }
    let (is_close, inner) = match inner.strip_prefix('/') {
        Some(i) => (true, i),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(inner.len());
    let name = inner.get(..name_len)?;
    let after = inner.get(name_len..)?;
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let kind = if is_close {
        if !after.is_empty() {
            return None;
        }
        Kind::Close
    } else if after.is_empty() {
        Kind::Open { attrs: false }
    } else if after.trim() == "/" {
        Kind::SelfClosing
    } else if after.starts_with(char::is_whitespace) {
        let attrs = after.trim_end();
        match attrs.strip_suffix('/') {
            Some(a) if has_attr(a) => Kind::SelfClosing,
            _ if has_attr(attrs) => Kind::Open { attrs: true },
            _ => return None,
        }
    } else {
        return None;
    };
    Some(TagAt {
        start,
        end: start + 1 + close + 1,
        name: name.to_ascii_lowercase(),
        kind,
    })
}

/// Some word is `key=value` with a key of name characters.
fn has_attr(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        w.split_once('=')
            .is_some_and(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    })
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn shortcode_tags_go_and_their_text_stays() {
        assert_eq!(strip(r#"[foo bar="x"]text[/foo]"#), "text");
        assert_eq!(strip("a [note]inside[/note] b"), "a inside b");
        assert_eq!(strip(r#"x [gallery ids="1,2"] y"#), "x  y");
        assert_eq!(strip("x [spacer /] y [hr/]"), "x  y ");
        assert_eq!(strip("[note\n  id=\"2\"]t[/note]"), "t", "attributes may span lines");
        assert_eq!(strip(r#"[outer a="1"][inner]t[/inner][/outer]"#), "t");
    }

    #[test]
    fn prose_in_brackets_stays() {
        for s in [
            "[sic]",
            "see [1] and [2]",
            "f[x=1]",
            "[/orphan]",
            "a [b c] d",
            "[ spaced ]",
            "[",
            "][",
        ] {
            assert_eq!(strip(s), s, "{s}");
        }
        let long = format!("[a {}=1]", "x".repeat(500));
        assert_eq!(strip(&long), long);
        assert_eq!(strip("é [ü k=\"ñ\"]ç[/ü]"), "é [ü k=\"ñ\"]ç[/ü]", "names are ASCII");
    }
}
