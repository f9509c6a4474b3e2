//! Text-level semantics through the converter (issue 19, point 2).

use crate::body::test_support::{b, t};
use crate::model::{Block, Inline, InlineStyle};

fn styled(style: InlineStyle, children: Vec<Inline>) -> Inline {
    Inline::Styled {
        style,
        title: None,
        children,
    }
}

/// Text-level semantics keep their meaning (issue 19, point 2); what
/// has none of its own (`span`, `font`) stays transparent.
#[test]
fn inline_semantics_are_kept() {
    use InlineStyle::*;
    let got = b(
        "<p><del>a</del><s>b</s><ins>c</ins><sub>2</sub><sup>e</sup><code>f()</code><kbd>Ctrl</kbd>\
        <mark>m</mark><small>s</small><cite>Œuvre</cite><q>dit</q><span>x</span><font>y</font></p>",
    );
    let want = vec![
        styled(Deleted, vec![t("a")]),
        styled(Deleted, vec![t("b")]),
        styled(Inserted, vec![t("c")]),
        styled(Subscript, vec![t("2")]),
        styled(Superscript, vec![t("e")]),
        styled(Code, vec![t("f()")]),
        styled(Keyboard, vec![t("Ctrl")]),
        styled(Highlight, vec![t("m")]),
        styled(Small, vec![t("s")]),
        styled(Cite, vec![t("Œuvre")]),
        styled(Quotation, vec![t("dit")]),
        t("xy"),
    ];
    assert_eq!(b_first(&got), want);
    let got = b(r#"<p>L’<abbr title=" Organisation   des &amp; Nations unies ">ONU</abbr> et <abbr>UE</abbr></p>"#);
    assert_eq!(
        b_first(&got),
        vec![
            t("L’"),
            Inline::Styled {
                style: Abbreviation,
                title: Some("Organisation des & Nations unies".into()),
                children: vec![t("ONU")]
            },
            t(" et "),
            styled(Abbreviation, vec![t("UE")]),
        ]
    );
    // Empty runs vanish; styles nest.
    assert_eq!(
        b_first(&b("<p>a<del></del><sup><code>x</code></sup></p>")),
        vec![t("a"), styled(Superscript, vec![styled(Code, vec![t("x")])])]
    );
}

fn b_first(blocks: &[Block]) -> Vec<Inline> {
    match blocks {
        [Block::Paragraph { content }] => content.clone(),
        other => panic!("one paragraph expected: {other:?}"),
    }
}

/// `<pre>` keeps its spaces and line breaks (indentation is meaning in code
/// and in verse laid out by hand); markup inside gives its text.
#[test]
fn preformatted_text_is_kept_as_written() {
    let got = b("<pre>\n  fn main() {\r\n\t<b>println!</b>(\"&lt;a&gt;\");<br>}<script>x</script>\n\n</pre>");
    assert_eq!(
        got,
        [Block::Preformatted {
            text: "  fn main() {\n\tprintln!(\"<a>\");\n}".into()
        }]
    );
    assert_eq!(b("<pre>\n \n</pre>"), [], "blank: nothing");
}

/// `<hr>` is a separator between blocks: never first, last or doubled.
#[test]
fn separators_sit_between_blocks() {
    let sep = || Block::Separator;
    let p = |s: &str| Block::Paragraph { content: vec![t(s)] };
    assert_eq!(b("<hr><p>a</p><hr><hr/><p>b</p><hr>"), [p("a"), sep(), p("b")]);
    assert_eq!(b("<hr>"), []);
}
