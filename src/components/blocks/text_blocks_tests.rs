//! Server-rendered HTML of the text-level blocks (as the prerender writes it).

use leptos::prelude::*;

use super::Body;
use kiosque_core::model::{Block, Button, Definition, Inline, ListItem, ListMarker};

fn html(blocks: Vec<Block>) -> String {
    crate::context::render_for_test(|| view! { <Body blocks/> }).replace("<!>", "")
}

fn t(s: &str) -> Vec<Inline> {
    vec![Inline::text(s)]
}

#[test]
fn nested_numbered_lists() {
    let inner = Block::List {
        ordered: true,
        items: vec![ListItem::new(t("i1"))],
        start: Some(-3),
        reversed: true,
        marker: Some(ListMarker::UpperRoman),
    };
    let mut outer = Block::list(false, vec![t("a"), t("b")]);
    if let Block::List { items, .. } = &mut outer {
        items[0].children = vec![inner, Block::Paragraph { content: t("skipped") }];
    }
    let out = html(vec![outer]);
    assert!(
        out.contains(r#"<ul><li>a<ol start="-3" reversed type="I"><li>i1</li></ol></li><li>b</li></ul>"#),
        "{out}"
    );
    assert!(!out.contains("skipped"), "only lists nest in items: {out}");
    let out = html(vec![Block::list(true, vec![t("x")])]);
    assert!(
        out.contains("<ol><li>x</li></ol>"),
        "defaults write no attribute: {out}"
    );
}

#[test]
fn definitions_details_verse_code_pull_quote() {
    let out = html(vec![
        Block::DefinitionList {
            items: vec![Definition {
                terms: vec![t("T")],
                details: vec![t("D1"), t("D2")],
            }],
        },
        Block::Details {
            summary: vec![],
            body: vec![Block::Code { text: "<b>&".into() }],
        },
        Block::Verse {
            content: vec![Inline::text("v1"), Inline::LineBreak, Inline::text("v2")],
        },
        Block::PullQuote {
            content: t("Fort"),
            cite: Some("Elle".into()),
        },
    ]);
    assert!(
        out.contains(r#"<dl class="deflist"><div><dt>T</dt><dd>D1</dd><dd>D2</dd></div></dl>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"<details class="details"><summary>Détails</summary><div class="details__body"><pre tabindex="0" class="code"><code>&lt;b&gt;&amp;</code></pre></div></details>"#),
        "{out}"
    );
    assert!(out.contains(r#"<p class="verse">v1<br>v2</p>"#), "{out}");
    assert!(out.contains(r#"<figure class="quote quote--pull"><blockquote><p>Fort</p></blockquote><figcaption class="quote__cite">Elle</figcaption>"#), "{out}");
}

#[test]
fn buttons_and_files_check_their_urls() {
    let out = html(vec![
        Block::Buttons {
            buttons: vec![
                Button {
                    href: "/article/x".into(),
                    text: "Lire".into(),
                },
                Button {
                    href: "javascript:alert(1)".into(),
                    text: "Piège".into(),
                },
            ],
        },
        Block::File {
            href: "https://wp.example/r.pdf".into(),
            name: "Rapport".into(),
        },
        Block::File {
            href: "javascript:alert(1)".into(),
            name: "Mauvais".into(),
        },
    ]);
    assert!(
        out.contains(r#"<a href="/article/x" class="button">Lire</a><span>Piège</span>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"<a href="https://wp.example/r.pdf" class="file__name">Rapport</a> <a href="https://wp.example/r.pdf" download="" class="button">Télécharger</a>"#),
        "{out}"
    );
    assert!(out.contains(r#"<p class="file">Mauvais</p>"#), "{out}");
    assert!(!out.contains("javascript"), "{out}");
    assert!(
        !out.contains("<object") && !out.contains("<embed"),
        "no embedded viewer: {out}"
    );
}

#[test]
fn media_never_autoplay_and_check_their_urls() {
    let out = html(vec![
        Block::Audio {
            src: "https://wp.example/a.mp3".into(),
            caption: Some("Son".into()),
        },
        Block::Video {
            src: "/v.mp4".into(),
            poster: Some("javascript:alert(1)".into()),
            width: Some(640),
            height: Some(360),
            caption: None,
        },
        Block::Video {
            src: "javascript:alert(1)".into(),
            poster: None,
            width: None,
            height: None,
            caption: Some("Légende seule".into()),
        },
        Block::Audio {
            src: "mailto:a@b.example".into(),
            caption: None,
        },
    ]);
    assert!(
        out.contains(r#"<audio controls preload="none" src="https://wp.example/a.mp3"><a href="https://wp.example/a.mp3">Ouvrir le fichier</a></audio>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"<video controls playsinline preload="none" src="/v.mp4" width="640" height="360">"#),
        "{out}"
    );
    assert!(out.contains("<p>Légende seule</p>"), "{out}");
    assert_eq!(
        out.matches("<audio").count() + out.matches("<video").count(),
        2,
        "{out}"
    );
    for bad in ["autoplay", "loop", "muted", "javascript", "mailto", "poster"] {
        assert!(!out.contains(bad), "{bad}: {out}");
    }
}

#[test]
fn footnotes_link_both_ways_on_the_page_itself() {
    let blocks = vec![
        Block::Paragraph {
            content: vec![Inline::text("Fait"), Inline::FootnoteRef { number: 1 }],
        },
        Block::Footnotes {
            notes: vec![t("Source.")],
        },
    ];
    let out = crate::context::render_for_test(|| view! { <Body blocks page="/article/x/"/> }).replace("<!>", "");
    assert!(
        out.contains(
            r##"Fait<sup class="fn-ref"><a href="/article/x/#kq-fn-1" id="kq-fnref-1" target="_self">1</a></sup>"##
        ),
        "{out}"
    );
    assert!(
        out.contains(r##"<li id="kq-fn-1">Source. <a href="/article/x/#kq-fnref-1" aria-label="Retour à l’appel de note 1" target="_self" class="footnotes__back">↩</a></li>"##),
        "{out}"
    );
    assert!(
        out.contains(r#"<section aria-label="Notes" class="footnotes">"#),
        "{out}"
    );
}
