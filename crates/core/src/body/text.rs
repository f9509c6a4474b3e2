//! Plain-text helpers: `html_to_text` for excerpts, `collapse` for attribute
//! and caption text. ASCII whitespace collapses; U+00A0 and other Unicode
//! spaces are content (French typography needs them) except at the ends.

use super::tags::{Skip, Tag};
use super::tokenizer::{Token, Tokenizer};
use crate::entities::decode;

/// Appends `s` with runs of ASCII whitespace turned into one pending space.
pub(crate) fn push_collapsed(out: &mut String, s: &str, space: &mut bool) {
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            *space = true;
        } else {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push(c);
        }
    }
}

/// Whitespace collapsed, ends trimmed.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s, &mut false);
    trim_owned(out)
}

fn trim_owned(s: String) -> String {
    let t = s.trim();
    if t.len() == s.len() {
        s
    } else {
        t.to_string()
    }
}

/// See [`crate::body::html_to_text`].
pub(crate) fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    let mut skip: Option<Skip> = None;
    for tok in Tokenizer::new(html) {
        if Skip::drops(&mut skip, &tok) {
            continue;
        }
        match tok {
            Token::Text(t) => push_collapsed(&mut out, &decode(t), &mut space),
            Token::Start(st) => match Tag::from_name(st.name) {
                // A media element's content is fallback no browser shows.
                Tag::Drop | Tag::Audio | Tag::Video => skip = Skip::start(&st),
                t if t.is_block() || t == Tag::Br => space = true,
                _ => {}
            },
            Token::End(n) => space |= Tag::from_name(n).is_block(),
        }
    }
    trim_owned(out)
}

#[cfg(test)]
mod tests {
    use super::{collapse, html_to_text};

    #[test]
    fn strips_tags_and_decodes() {
        let html = "<p>Il a dit&nbsp;: &laquo;&#8239;oui&#8239;&raquo;</p>\n<p>Puis <em>rien</em>.</p>";
        assert_eq!(html_to_text(html), "Il a dit\u{A0}: «\u{202F}oui\u{202F}» Puis rien.");
    }

    #[test]
    fn blocks_and_breaks_separate_words() {
        assert_eq!(
            html_to_text("<h2>Titre</h2><p>a<br>b</p><ul><li>c</li><li>d</li></ul>"),
            "Titre a b c d"
        );
        assert_eq!(html_to_text("a<b>b</b>c"), "abc");
    }

    #[test]
    fn drops_script_style_and_friends() {
        let html = "a<script>alert(1)</script><style>p{}</style><svg><text>s</text></svg>b<noscript>n</noscript>\
                    <template><p>t</p></template><title>x</title><!-- c -->c";
        assert_eq!(html_to_text(html), "abc");
    }

    #[test]
    fn text_is_never_reparsed() {
        assert_eq!(
            html_to_text("&lt;script&gt;x&lt;/script&gt; &amp;lt;"),
            "<script>x</script> &lt;"
        );
    }

    #[test]
    fn trims_unicode_space_at_ends() {
        assert_eq!(html_to_text("<p>&nbsp;</p>"), "");
        assert_eq!(html_to_text("  "), "");
        assert_eq!(collapse(" a \n\t b\u{A0}c "), "a b\u{A0}c");
    }
}
