//! Server-rendered HTML of the layout blocks (as the prerender writes it).

use leptos::prelude::*;

use super::Body;
use kiosque_core::model::{Align, Block, Column, GalleryItem, Image, ImageSource, Inline};

fn html(blocks: Vec<Block>) -> String {
    crate::context::render_for_test(|| view! { <Body blocks/> }).replace("<!>", "")
}

fn p(s: &str) -> Block {
    Block::Paragraph {
        content: vec![Inline::text(s)],
    }
}

fn image(url: &str, alt: &str) -> Image {
    Image {
        url: url.into(),
        width: 300,
        height: 200,
        alt: alt.into(),
        caption: None,
        credit: None,
        sources: vec![
            ImageSource {
                url: format!("{url}?w=300"),
                width: 300,
                height: 200,
            },
            ImageSource {
                url: format!("{url}?w=1200"),
                width: 1200,
                height: 800,
            },
        ],
    }
}

#[test]
fn gallery_is_a_grid_of_lazy_sized_linked_thumbnails() {
    let mut first = image("/a.jpg", "A");
    first.caption = Some("Cap".into());
    let items = vec![
        GalleryItem {
            image: first,
            full: "/a-full.jpg".into(),
        },
        GalleryItem {
            image: image("/b.jpg", ""),
            full: String::new(),
        },
        GalleryItem {
            image: image("/c.jpg", "C"),
            full: "javascript:alert(1)".into(),
        },
    ];
    let out = html(vec![Block::Gallery {
        items,
        columns: 12,
        caption: Some("Tout".into()),
        align: Some(Align::Wide),
    }]);
    assert!(
        out.contains(r#"<figure class="gallery gallery--cols-9 align-wide">"#),
        "{out}"
    );
    assert!(out.contains(r#"<a href="/a-full.jpg" class="gallery__link">"#), "{out}");
    assert!(
        out.contains(r#"href="/b.jpg?w=1200" aria-label="#),
        "no full link: the widest rendition, named though its alt is empty: {out}"
    );
    assert!(!out.contains("javascript"), "{out}");
    assert!(
        out.contains(r#"<a href="/c.jpg?w=1200" class="gallery__link">"#),
        "a refused link falls back: {out}"
    );
    assert_eq!(out.matches(r#"loading="lazy""#).count(), 3, "{out}");
    assert_eq!(out.matches(r#"decoding="async""#).count(), 3, "{out}");
    assert!(
        out.contains(r#"width="300" height="200""#) && out.contains("srcset="),
        "{out}"
    );
    assert!(
        out.contains(r#"<figcaption class="gallery__caption">Cap</figcaption>"#),
        "{out}"
    );
    assert!(out.contains(r#"gallery__caption--all">Tout</figcaption>"#), "{out}");
}

#[test]
fn containers_hold_their_blocks() {
    let out = html(vec![
        Block::Columns {
            columns: vec![
                Column {
                    width: Some(33),
                    blocks: vec![p("un")],
                },
                Column {
                    width: None,
                    blocks: vec![p("deux")],
                },
            ],
        },
        Block::MediaText {
            media: vec![Block::Figure {
                image: image("/m.jpg", "M"),
                align: None,
            }],
            media_right: true,
            media_width: Some(31),
            body: vec![p("texte")],
        },
        Block::Cover {
            image: Some(image("/bg.jpg", "Fond")),
            body: vec![p("dessus")],
            align: Some(Align::Full),
        },
        Block::Group {
            body: vec![p("g")],
            align: Some(Align::Wide),
        },
        Block::Figure {
            image: image("/l.jpg", "L"),
            align: Some(Align::Left),
        },
    ]);
    assert!(
        out.contains(r#"<div class="columns"><div class="columns__col columns__col--w35"><p>un</p></div><div class="columns__col columns__col--w65"><p>deux</p></div></div>"#),
        "{out}"
    );
    assert!(out.contains(r#"<div class="media-text media-text--w30 media-text--right"><div class="media-text__media"><figure class="figure">"#), "{out}");
    assert!(
        out.contains(r#"<div class="media-text__body"><p>texte</p></div>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"class="cover__image""#) && out.contains(r#"alt="Fond""#),
        "{out}"
    );
    assert!(out.contains(r#"<div class="cover__body"><p>dessus</p></div>"#), "{out}");
    assert!(out.contains(r#"<div class="group align-wide"><p>g</p></div>"#), "{out}");
    // A full-width cover spans the page and its image is drawn that wide.
    assert!(out.contains(r#"<div class="cover align-full">"#), "{out}");
    assert!(out.contains(r#"sizes="100vw""#), "{out}");
    assert!(out.contains(r#"<figure class="figure align-left">"#), "{out}");
    assert!(out.contains(r#"sizes="(min-width: 600px) 360px, 100vw""#), "{out}");
}
