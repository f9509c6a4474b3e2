//! Converter tests for the text-level blocks (`text_blocks.rs`,
//! `media_blocks.rs`, `shortcodes.rs`), in block-editor and classic markup.

use crate::body::test_support::{b, t};
use crate::model::{Block, Button, Definition, Inline};

fn p(s: &str) -> Block {
    Block::Paragraph { content: vec![t(s)] }
}

#[test]
fn definition_lists() {
    let got = b("<dl><dt>Terme</dt><dd>Sens <em>un</em></dd><dd>Sens deux</dd><dt>A</dt><dt>B</dt><dd>AB</dd></dl>");
    let want = vec![
        Definition {
            terms: vec![vec![t("Terme")]],
            details: vec![
                vec![
                    t("Sens "),
                    Inline::Emphasis {
                        children: vec![t("un")],
                    },
                ],
                vec![t("Sens deux")],
            ],
        },
        Definition {
            terms: vec![vec![t("A")], vec![t("B")]],
            details: vec![vec![t("AB")]],
        },
    ];
    assert_eq!(got, [Block::DefinitionList { items: want }]);
    // div groups, a description with no term, unclosed tags, loose text kept.
    let got = b("<dl>loose<div><dt>T<dd>D</div><dd>orphan</dl>");
    let want = vec![Definition {
        terms: vec![vec![t("T")]],
        details: vec![vec![t("D")], vec![t("orphan")]],
    }];
    assert_eq!(got, [Block::DefinitionList { items: want }, p("loose")]);
    assert_eq!(b("<dl><dt> </dt><dd></dd></dl>"), []);
}

#[test]
fn details_and_summary() {
    let html = r#"<details class="wp-block-details"><summary>Voir <strong>plus</strong></summary><p>Un</p><ul><li>x</li></ul></details>"#;
    let want = Block::Details {
        summary: vec![
            t("Voir "),
            Inline::Strong {
                children: vec![t("plus")],
            },
        ],
        body: vec![p("Un"), Block::list(false, vec![vec![t("x")]])],
    };
    assert_eq!(b(html), [want]);
    // No summary: left to the view's word; no content at all: nothing.
    let got = b("<details>Texte</details><details> </details>");
    assert_eq!(
        got,
        [Block::Details {
            summary: vec![],
            body: vec![p("Texte")]
        }]
    );
    // Nesting is capped; deeper ones keep their text as plain blocks.
    let html = "<details><summary>s</summary>".repeat(10) + "fin" + &"</details>".repeat(10);
    let got = b(&html);
    fn depth(b: &[Block]) -> usize {
        b.iter()
            .map(|x| match x {
                Block::Details { body, .. } => 1 + depth(body),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    assert_eq!(depth(&got), Block::MAX_DETAILS_DEPTH);
    let text = crate::source::search::blocks_text(&got);
    assert_eq!(text.matches('s').count(), 10, "{text}");
    assert!(text.contains("fin"));
}

#[test]
fn verse_code_and_pull_quotes() {
    let got = b("<pre class=\"wp-block-verse\">Premier vers\n  <em>second</em>\n\nstrophe</pre>");
    let want = vec![
        t("Premier vers"),
        Inline::LineBreak,
        Inline::Emphasis {
            children: vec![t("second")],
        },
        Inline::LineBreak,
        Inline::LineBreak,
        t("strophe"),
    ];
    assert_eq!(got, [Block::Verse { content: want }]);
    let got =
        b("<pre class=\"wp-block-code\"><code>fn a() {\n    &lt;b&gt;\n}</code></pre><pre><code>x</code> y</pre>");
    assert_eq!(
        got,
        [
            Block::Code {
                text: "fn a() {\n    <b>\n}".into()
            },
            Block::Preformatted { text: "x y".into() }
        ]
    );
    let html = r#"<figure class="wp-block-pullquote"><blockquote><p>Dit fort.</p><cite>Elle</cite></blockquote></figure><blockquote class="wp-block-pullquote"><p>Ancien</p></blockquote>"#;
    assert_eq!(
        b(html),
        [
            Block::PullQuote {
                content: vec![t("Dit fort.")],
                cite: Some("Elle".into())
            },
            Block::PullQuote {
                content: vec![t("Ancien")],
                cite: None
            }
        ]
    );
}

#[test]
fn buttons_keep_only_allowed_links() {
    let html = r#"<div class="wp-block-buttons is-layout-flex"><div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://ex.example/s">S’abonner</a></div><div class="wp-block-button"><a class="wp-block-button__link" href="javascript:alert(1)">Piège</a></div><div class="wp-block-button"><a class="wp-block-button__link">Sans lien</a></div></div>"#;
    let want = Block::Buttons {
        buttons: vec![Button {
            href: "https://ex.example/s".into(),
            text: "S’abonner".into(),
        }],
    };
    assert_eq!(b(html), [want, p("Piège"), p("Sans lien")]);
}

#[test]
fn file_block() {
    let html = r#"<div class="wp-block-file"><object class="wp-block-file__embed" data="https://wp.example/r.pdf" type="application/pdf" style="width:100%;height:600px"></object><a id="wp-block-file--media-1" href="https://wp.example/r.pdf">Rapport annuel</a><a href="https://wp.example/r.pdf" class="wp-block-file__button wp-element-button" download aria-describedby="wp-block-file--media-1">Télécharger</a></div>"#;
    let want = Block::File {
        href: "https://wp.example/r.pdf".into(),
        name: "Rapport annuel".into(),
    };
    assert_eq!(b(html), [want]);
    let got = b(r#"<div class="wp-block-file"><a href="/up/x.zip?v=2"></a></div>"#);
    assert_eq!(
        got,
        [Block::File {
            href: "/up/x.zip?v=2".into(),
            name: "x.zip".into()
        }]
    );
    let got = b(r#"<div class="wp-block-file"><a href="javascript:alert(1)">Nom</a></div>"#);
    assert_eq!(got, [p("Nom")], "a refused file keeps its name as text");
}

#[test]
fn audio_and_video() {
    // Block editor.
    let html = r#"<figure class="wp-block-audio"><audio controls autoplay loop src="https://wp.example/a.mp3"></audio><figcaption class="wp-element-caption">Entretien</figcaption></figure>"#;
    let want = Block::Audio {
        src: "https://wp.example/a.mp3".into(),
        caption: Some("Entretien".into()),
    };
    assert_eq!(b(html), [want]);
    let html = r#"<figure class="wp-block-video"><video controls autoplay muted loop poster="https://wp.example/p.jpg" src="https://wp.example/v.mp4" width="1920" height="99999"></video></figure>"#;
    let want = Block::Video {
        src: "https://wp.example/v.mp4".into(),
        poster: Some("https://wp.example/p.jpg".into()),
        width: Some(1920),
        height: Some(4096),
        caption: None,
    };
    assert_eq!(b(html), [want]);
    // Classic [audio]/[video] shortcode output: a source child, fallback link.
    let html = r#"<!--[if lt IE 9]><script>document.createElement('audio');</script><![endif]-->
<audio class="wp-audio-shortcode" id="audio-1-1" preload="none" style="width: 100%;" controls="controls"><source type="audio/mpeg" src="https://wp.example/a.mp3?_=1" /><a href="https://wp.example/a.mp3">https://wp.example/a.mp3</a></audio>
<p>Après.</p><div style="width: 640px;" class="wp-video"><video class="wp-video-shortcode" id="video-1-1" width="640" height="360" preload="metadata" controls="controls"><source type="video/mp4" src="javascript:alert(1)" /><source type="video/webm" src="https://wp.example/v.webm?_=1" /><a href="https://wp.example/v.webm">v</a></video></div>"#;
    let got = b(html);
    assert_eq!(
        got,
        [
            Block::Audio {
                src: "https://wp.example/a.mp3?_=1".into(),
                caption: None
            },
            p("Après."),
            Block::Video {
                src: "https://wp.example/v.webm?_=1".into(),
                poster: None,
                width: Some(640),
                height: Some(360),
                caption: None
            }
        ]
    );
    // Hostile URLs: no media at all; an audio inside text follows it.
    let got = b(
        r#"<video src="javascript:alert(1)" poster="javascript:alert(2)"></video><audio src="mailto:a@b.c"></audio>"#,
    );
    assert_eq!(got, []);
    let got = b(r#"<video src="/v.mp4" poster="javascript:x"></video><p>Écoutez <audio src="/a.ogg"></audio> ici</p>"#);
    assert!(
        matches!(got.as_slice(), [Block::Video { poster: None, .. }, para, Block::Audio { .. }] if *para == p("Écoutez ici")),
        "{got:?}"
    );
}

#[test]
fn unregistered_shortcodes_degrade_to_their_text() {
    let got = b(r#"<p>[foo bar="x"]texte[/foo] et [sic] [1]</p><p>[contact-form-7 id="12" title="Contact"]</p>"#);
    assert_eq!(got, [p("texte et [sic] [1]")]);
    // Code shows shortcodes as written.
    let got = b(r#"<pre class="wp-block-code"><code>[foo bar="x"]</code></pre>"#);
    assert_eq!(
        got,
        [Block::Code {
            text: r#"[foo bar="x"]"#.into()
        }]
    );
}

#[test]
fn unknown_blocks_keep_their_text() {
    let html = r#"<!-- wp:acme/widget {"a":1} --><div class="wp-block-acme-widget"><span class="x">Texte du bloc</span><my-el>suite</my-el></div><!-- /wp:acme/widget --><h1>Titre</h1>"#;
    let got = b(html);
    assert_eq!(
        got,
        [
            p("Texte du blocsuite"),
            Block::Heading {
                level: 2,
                content: vec![t("Titre")]
            }
        ]
    );
}

#[test]
fn block_editor_footnotes() {
    let html = r##"<p>Un fait<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">1</a></sup> et un autre <sup data-fn="b2" class="fn"><a href="#b2" id="b2-link">2</a></sup>.</p><p>Exposant <sup>2</sup> et <sup class="fn"><a href="#absent">9</a></sup>.</p>
<ol class="wp-block-footnotes"><li id="a1">Source <em>un</em>. <a href="#a1-link" aria-label="Jump to footnote reference 1">↩︎</a></li><li id="b2">Source deux. <a href="#b2-link">↩︎</a></li></ol>"##;
    let sup = |children: Vec<Inline>| Inline::Styled {
        style: crate::model::InlineStyle::Superscript,
        title: None,
        children,
    };
    let got = b(html);
    let want = vec![
        Block::Paragraph {
            content: vec![
                t("Un fait"),
                Inline::FootnoteRef { number: 1 },
                t(" et un autre "),
                Inline::FootnoteRef { number: 2 },
                t("."),
            ],
        },
        Block::Paragraph {
            content: vec![
                t("Exposant "),
                sup(vec![t("2")]),
                t(" et "),
                // Not a known note: an ordinary link, as before.
                sup(vec![Inline::Link {
                    href: "#absent".into(),
                    children: vec![t("9")],
                }]),
                t("."),
            ],
        },
        Block::Footnotes {
            notes: vec![
                vec![
                    t("Source "),
                    Inline::Emphasis {
                        children: vec![t("un")],
                    },
                    t("."),
                ],
                vec![t("Source deux.")],
            ],
        },
    ];
    assert_eq!(got, want);
}
