//! The text-level blocks of issue 19 as the test WordPress renders them
//! (fixtures recorded from scripts/wordpress/seed-blocks-a.php's posts).

#![allow(clippy::panic)]

use crate::wp_support::{body_fixture, ORIGIN};
use kiosque_core::model::{Block, Inline, ListMarker};

fn convert(name: &str) -> Vec<Block> {
    body_fixture("blocks-a", name)
}

fn kind(b: &Block) -> &'static str {
    match b {
        Block::Paragraph { .. } => "paragraph",
        Block::Heading { .. } => "heading",
        Block::List { .. } => "list",
        Block::Quote { .. } => "quote",
        Block::DefinitionList { .. } => "definition_list",
        Block::Details { .. } => "details",
        Block::Verse { .. } => "verse",
        Block::Code { .. } => "code",
        Block::Preformatted { .. } => "preformatted",
        Block::PullQuote { .. } => "pull_quote",
        Block::Buttons { .. } => "buttons",
        Block::File { .. } => "file",
        Block::Audio { .. } => "audio",
        Block::Video { .. } => "video",
        _ => "other",
    }
}

#[test]
fn block_editor_post() {
    let blocks = convert("blocs-texte-editeur-de-blocs");
    let kinds: Vec<&str> = blocks.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "heading",
            "list",
            "details",
            "verse",
            "quote",
            "pull_quote",
            "code",
            "buttons",
            "paragraph", // the refused button keeps its text
            "file",
            "audio",
            "video",
            "paragraph", // the unknown block's text
        ],
        "{blocks:#?}"
    );
    assert!(matches!(&blocks[1], Block::Heading { level: 2, .. }), "h1 demoted");
    // Fruits > Pommes > (c, reversed, a) Reinette, Golden.
    let Block::List { items, .. } = &blocks[2] else {
        panic!()
    };
    let Some(Block::List { items: inner, .. }) = items[0].children.first() else {
        panic!("{items:?}")
    };
    let Some(Block::List {
        ordered,
        start,
        reversed,
        marker,
        items: deepest,
    }) = inner[0].children.first()
    else {
        panic!("{inner:?}")
    };
    assert_eq!(
        (*ordered, *start, *reversed, *marker),
        (true, Some(3), true, Some(ListMarker::LowerAlpha))
    );
    assert_eq!(deepest.len(), 2);
    assert!(matches!(&blocks[6], Block::PullQuote { cite: Some(c), .. } if c == "La rédaction"));
    assert!(matches!(&blocks[7], Block::Code { text } if text.contains("[pas_un_shortcode]")));
    assert!(
        matches!(&blocks[10], Block::File { href, name } if name == "Rapport annuel" && href.ends_with("/rapport.pdf"))
    );
    let Block::Video { src, poster, width, .. } = &blocks[12] else {
        panic!()
    };
    assert!(src.starts_with(ORIGIN) && poster.as_deref().is_some_and(|p| p.ends_with("affiche.jpg")));
    assert_eq!(*width, Some(1280));
    assert_eq!(
        Block::links(&blocks)
            .iter()
            .filter(|l| l.contains("javascript"))
            .count(),
        0
    );
}

#[test]
fn classic_editor_post() {
    let blocks = convert("blocs-texte-editeur-classique");
    let kinds: Vec<&str> = blocks.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "list",
            "definition_list",
            "quote",
            "code",
            "paragraph",
            "audio",
            "video"
        ],
        "{blocks:#?}"
    );
    let Block::List {
        start, marker, items, ..
    } = &blocks[1]
    else {
        panic!()
    };
    assert_eq!((*start, *marker), (Some(4), Some(ListMarker::UpperRoman)));
    assert_eq!(items[0].children.len(), 1, "the nested ul");
    assert!(matches!(&blocks[3], Block::Quote { cite: Some(c), .. } if c == "Victor Hugo"));
    // WordPress texturized the shortcode's quotes; its tags still go.
    let Block::Paragraph { content } = &blocks[5] else {
        panic!()
    };
    assert_eq!(Inline::plain_text(content), "Le texte d’un code court inconnu.");
    let Block::Audio { src, .. } = &blocks[6] else { panic!() };
    assert!(src.ends_with("chronique.mp3?_=1"), "{src}");
    let Block::Video {
        width, height, poster, ..
    } = &blocks[7]
    else {
        panic!()
    };
    assert_eq!((*width, *height), (Some(640), Some(360)));
    assert!(poster.is_some());
}
