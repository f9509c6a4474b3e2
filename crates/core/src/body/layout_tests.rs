//! Galleries, layout containers and alignment (issue 19), classic and
//! block-editor markup, and their hostile variants.

use crate::body::test_support::{b, t};
use crate::model::{Align, Block, Column, Inline};

fn p(s: &str) -> Block {
    Block::Paragraph { content: vec![t(s)] }
}

fn text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        for r in b.inline_runs() {
            out.push_str(&Inline::plain_text(r));
            out.push(' ');
        }
    }
    out
}

#[test]
fn block_editor_gallery_is_one_grid() {
    let html = r#"<figure class="wp-block-gallery has-nested-images columns-3 is-cropped alignwide">
<figure class="wp-block-image size-large"><a href="https://wp.example/up/a.jpg"><img width="1024" height="683" src="https://wp.example/up/a-1024x683.jpg" alt="A" srcset="https://wp.example/up/a-300x200.jpg 300w, https://wp.example/up/a-1024x683.jpg 1024w"></a><figcaption class="wp-element-caption">Cap A</figcaption></figure>
<figure class="wp-block-image size-large"><img width="800" height="600" src="/b.jpg" alt="B"></figure>
<figure class="wp-block-image size-large"><a href="https://wp.example/?attachment_id=4"><img src="/c.jpg" alt="C"></a><figcaption>Cap C — Jean</figcaption></figure>
<figure class="wp-block-image"><img src="/d.jpg" alt="D"></figure>
<figcaption class="blocks-gallery-caption wp-element-caption">Toute la galerie</figcaption></figure>"#;
    let got = b(html);
    let [Block::Gallery {
        items,
        columns,
        caption,
        align,
    }] = got.as_slice()
    else {
        panic!("{got:#?}")
    };
    assert_eq!(
        (*columns, caption.as_deref(), *align),
        (3, Some("Toute la galerie"), Some(Align::Wide))
    );
    let alts: Vec<&str> = items.iter().map(|i| i.image.alt.as_str()).collect();
    assert_eq!(alts, ["A", "B", "C", "D"]);
    assert_eq!(items[0].image.caption.as_deref(), Some("Cap A"));
    assert_eq!((items[0].image.width, items[0].image.height), (1024, 683));
    assert_eq!(
        items[0].full, "https://wp.example/up/a.jpg",
        "a media-file link is the full image"
    );
    assert_eq!(items[2].full, "", "an attachment page is not");
    assert_eq!(items[2].image.credit.as_deref(), Some("Jean"));
    assert_eq!(items[1].full_url(), "/b.jpg");
}

#[test]
fn classic_gallery_shortcode_output() {
    // HTML5 output of `[gallery columns="4"]`, then the older dl/dt/dd one.
    let html5 = r#"<div id='gallery-1' class='gallery galleryid-5 gallery-columns-4 gallery-size-thumbnail'><figure class='gallery-item'><div class='gallery-icon landscape'><a href='https://wp.example/up/x.jpg'><img width="150" height="150" src="https://wp.example/up/x-150x150.jpg" class="attachment-thumbnail" alt="X" /></a></div><figcaption class='wp-caption-text gallery-caption' id='gallery-1-7'>Légende X</figcaption></figure><figure class='gallery-item'><div class='gallery-icon portrait'><a href='https://wp.example/up/y.png'><img width="150" height="150" src="https://wp.example/up/y-150x150.png" alt="Y" /></a></div></figure></div>"#;
    let got = b(html5);
    let [Block::Gallery { items, columns, .. }] = got.as_slice() else {
        panic!("{got:#?}")
    };
    assert_eq!((*columns, items.len()), (4, 2));
    assert_eq!(items[0].image.caption.as_deref(), Some("Légende X"));
    assert_eq!(items[1].full, "https://wp.example/up/y.png");
    let html4 = r#"<div class="gallery gallery-columns-2"><dl class='gallery-item'><dt class='gallery-icon'><a href='/x.jpg'><img src="/x-150.jpg" alt="X"></a></dt><dd class='wp-caption-text gallery-caption'>Un</dd></dl><dl class='gallery-item'><dt class='gallery-icon'><img src="/y-150.jpg" alt="Y"></dt></dl><br style="clear: both" /></div>"#;
    let got = b(html4);
    let [Block::Gallery { items, columns, .. }] = got.as_slice() else {
        panic!("{got:#?}")
    };
    assert_eq!((*columns, items.len()), (2, 2));
    assert_eq!(items[0].image.caption.as_deref(), Some("Un"));
    // Older block galleries: a list of items, `columns-default` is min(count, 3).
    let old = r#"<figure class="wp-block-gallery columns-default"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="/a.jpg" alt="a"><figcaption class="blocks-gallery-item__caption">ca</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="/b.jpg" alt="b"></figure></li></ul></figure>"#;
    let got = b(old);
    assert!(
        matches!(got.as_slice(), [Block::Gallery { items, columns: 2, .. }] if items[0].image.caption.as_deref() == Some("ca")),
        "{got:#?}"
    );
}

#[test]
fn hostile_galleries() {
    let html = r#"<div class="gallery gallery-columns-99"><a href="javascript:alert(1)"><img src="/a.jpg" alt="a"></a><img src="javascript:alert(2)" alt="bad"><img src="/b.jpg"></div>"#;
    let got = b(html);
    let [Block::Gallery { items, columns, .. }] = got.as_slice() else {
        panic!("{got:#?}")
    };
    assert_eq!((*columns, items.len()), (9, 2), "columns clamped, bad image dropped");
    assert!(Block::urls(&got).iter().all(|u| !u.contains("javascript")), "{got:#?}");
    assert_eq!(
        b(r#"<div class="gallery gallery-columns-0"><img src="/a.jpg"></div>"#).len(),
        1
    );
    assert!(matches!(
        b(r#"<div class="gallery gallery-columns-0"><img src="/a.jpg"></div>"#).as_slice(),
        [Block::Gallery { columns: 1, .. }]
    ));
    // A "gallery" without images is ordinary content.
    assert_eq!(b(r#"<div class="gallery"><p>Texte</p></div>"#), [p("Texte")]);
}

#[test]
fn ten_thousand_images_stay_bounded() {
    let item = r#"<figure class="wp-block-image"><img src="/i.jpg" width="10" height="10" alt=""><figcaption>c</figcaption></figure>"#;
    let html = format!(r#"<figure class="wp-block-gallery">{}</figure>"#, item.repeat(10_000));
    let start = std::time::Instant::now();
    let got = b(&html);
    let Some(Block::Gallery { items, .. }) = got.first() else {
        panic!("no gallery")
    };
    assert_eq!(items.len(), Block::MAX_GALLERY_IMAGES);
    // The captions of the images left out are kept as text.
    let Some(Block::Paragraph { content }) = got.get(1) else {
        panic!("{:?}", got.get(1))
    };
    assert_eq!(
        Inline::plain_text(content).split(' ').count(),
        10_000 - Block::MAX_GALLERY_IMAGES
    );
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn columns_keep_their_blocks_and_widths() {
    let html = r#"<div class="wp-block-columns is-layout-flex"><div class="wp-block-column" style="flex-basis:33.33%"><h3>Un</h3><p>Texte un</p></div>
<div class="wp-block-column" style="flex-basis:66.66%"><p>Texte deux</p><figure class="wp-block-image"><img src="/a.jpg" alt="a"></figure></div></div>"#;
    let got = b(html);
    let [Block::Columns { columns }] = got.as_slice() else {
        panic!("{got:#?}")
    };
    assert_eq!(
        columns.iter().map(|c| c.width).collect::<Vec<_>>(),
        [Some(33), Some(67)]
    );
    assert_eq!(columns[0].blocks.len(), 2);
    assert!(matches!(
        columns[1].blocks.as_slice(),
        [Block::Paragraph { .. }, Block::Figure { .. }]
    ));
    // Widths out of bounds are clamped; a width in pixels is ignored.
    let html = r#"<div class="wp-block-columns"><div class="wp-block-column" style="flex-basis:1%">a</div><div class="wp-block-column" style="flex-basis:250%">b</div><div class="wp-block-column" style="flex-basis:200px">c</div></div>"#;
    let got = b(html);
    let [Block::Columns { columns }] = got.as_slice() else {
        panic!("{got:#?}")
    };
    let widths: Vec<Option<u8>> = columns.iter().map(|c| c.width).collect();
    assert_eq!(widths, [Some(Column::MIN_WIDTH), Some(Column::MAX_WIDTH), None]);
    // One non-empty column is no layout at all.
    assert_eq!(
        b(
            r#"<div class="wp-block-columns"><div class="wp-block-column"><p>seul</p></div><div class="wp-block-column"></div></div>"#
        ),
        [p("seul")]
    );
}

#[test]
fn too_many_columns_keep_their_text() {
    let col = |i: usize| format!(r#"<div class="wp-block-column"><p>c{i}</p></div>"#);
    let html = format!(
        r#"<div class="wp-block-columns">{}</div>"#,
        (0..20).map(col).collect::<String>()
    );
    let got = b(&html);
    let [Block::Columns { columns }] = got.as_slice() else {
        panic!("{got:#?}")
    };
    assert_eq!(columns.len(), Block::MAX_COLUMNS);
    let all = text(&got);
    assert!((0..20).all(|i| all.contains(&format!("c{i} "))), "{all}");
}

#[test]
fn media_text_and_cover() {
    let html = r#"<div class="wp-block-media-text has-media-on-the-right is-stacked-on-mobile" style="grid-template-columns:auto 30%"><div class="wp-block-media-text__content"><p>À côté</p></div><figure class="wp-block-media-text__media"><img src="/m.jpg" width="600" height="400" alt="M"></figure></div>"#;
    let got = b(html);
    let [Block::MediaText {
        media,
        media_right,
        media_width,
        body,
    }] = got.as_slice()
    else {
        panic!("{got:#?}")
    };
    assert!(*media_right);
    assert_eq!(*media_width, Some(30));
    assert!(matches!(media.as_slice(), [Block::Figure { image, .. }] if image.alt == "M"));
    assert_eq!(body, &[p("À côté")]);
    let html = r#"<div class="wp-block-cover alignfull"><span aria-hidden="true" class="wp-block-cover__background has-background-dim"></span><img class="wp-block-cover__image-background wp-image-9" alt="Fond" src="/bg.jpg" width="1600" height="900" data-object-fit="cover"/><div class="wp-block-cover__inner-container"><h2>Titre</h2><p>Sur l'image</p></div></div>"#;
    let got = b(html);
    let [Block::Cover {
        image: Some(image),
        body,
        align: Some(Align::Full),
    }] = got.as_slice()
    else {
        panic!("{got:#?}")
    };
    assert_eq!(
        (image.url.as_str(), image.alt.as_str(), image.width),
        ("/bg.jpg", "Fond", 1600)
    );
    assert_eq!(body.len(), 2);
    let old = r#"<div class="wp-block-cover has-background-dim" style="background-image:url(&quot;/old.jpg&quot;)"><div class="wp-block-cover__inner-container"><p>Ancien</p></div></div>"#;
    let got = b(old);
    assert!(
        matches!(got.as_slice(), [Block::Cover { image: Some(i), body, align: None }] if i.url == "/old.jpg" && body == &[p("Ancien")]),
        "{got:#?}"
    );
    let bad = r#"<div class="wp-block-cover" style="background-image:url(javascript:alert(1))"><p>Texte</p></div>"#;
    assert_eq!(
        b(bad),
        [Block::Cover {
            image: None,
            body: vec![p("Texte")],
            align: None,
        }]
    );
}

#[test]
fn group_and_deep_nesting_keep_text() {
    assert_eq!(
        b(r#"<div class="wp-block-group"><div class="wp-block-group__inner-container"><p>a</p><p>b</p></div></div>"#),
        [Block::Group {
            body: vec![p("a"), p("b")],
            align: None,
        }]
    );
    assert_eq!(
        b(r#"<div class="wp-block-group alignwide has-background"><p>large</p></div>"#),
        [Block::Group {
            body: vec![p("large")],
            align: Some(Align::Wide),
        }]
    );
    let n = 200;
    let html = format!(
        "{}<p>fond</p>{}",
        r#"<div class="wp-block-group"><div class="wp-block-columns"><div class="wp-block-column"><p>x</p>"#.repeat(n),
        "</div></div></div>".repeat(n)
    );
    let got = b(&html);
    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| 1 + depth(&b.layout_children().into_iter().cloned().collect::<Vec<_>>()))
            .max()
            .unwrap_or(0)
    }
    assert!(depth(&got) <= Block::MAX_LAYOUT_DEPTH + 1, "{}", depth(&got));
    assert!(text(&got).contains("fond"), "the deepest text is kept");
}

#[test]
fn alignments() {
    let got = b(concat!(
        r#"<figure class="wp-block-image alignleft size-medium"><img src="/l.jpg" alt=""></figure>"#,
        r#"<div class="wp-block-image"><figure class="alignright"><img src="/r.jpg" alt=""></figure></div>"#,
        r#"<div class="wp-caption aligncenter"><img src="/c.jpg" width="300" height="200"><p class="wp-caption-text">C</p></div>"#,
        r#"<p><a href="/x"><img class="alignright size-medium" src="/p.jpg" width="300" height="200"></a></p>"#,
        r#"<p>Texte <img class="alignleft" src="/i.jpg" width="300" height="200"> suite</p>"#,
        r#"<figure class="wp-block-image alignfull"><img src="/f.jpg"></figure>"#,
        r#"<figure class="wp-block-image alignnone"><img src="/n.jpg"></figure>"#,
    ));
    let aligns: Vec<Option<Align>> = got
        .iter()
        .filter_map(|b| match b {
            Block::Figure { align, .. } => Some(*align),
            _ => None,
        })
        .collect();
    // A floated image in running text comes before its paragraph.
    assert!(
        matches!(
            &got[4..6],
            [
                Block::Figure {
                    align: Some(Align::Left),
                    ..
                },
                Block::Paragraph { .. }
            ]
        ),
        "{got:#?}"
    );
    use Align::*;
    assert_eq!(
        aligns,
        [
            Some(Left),
            Some(Right),
            Some(Center),
            Some(Right),
            Some(Left),
            Some(Full),
            None
        ]
    );
}

#[test]
fn layout_blocks_serialize() {
    let got = b(
        r#"<div class="wp-block-columns"><div class="wp-block-column" style="flex-basis:25%"><p>a</p></div><div class="wp-block-column"><figure class="alignleft"><img src="/a.jpg" width="2" height="1"></figure></div></div>"#,
    );
    let json = serde_json::to_string(&got).unwrap_or_default();
    assert_eq!(
        json,
        r#"[{"type":"columns","columns":[{"width":25,"blocks":[{"type":"paragraph","content":[{"type":"text","text":"a"}]}]},{"blocks":[{"type":"figure","image":{"url":"/a.jpg","width":2,"height":1,"alt":""},"align":"left"}]}]}]"#
    );
    let back: Vec<Block> = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back, got);
}
