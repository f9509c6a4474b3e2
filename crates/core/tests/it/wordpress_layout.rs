//! The layout blocks of issue 19 as the test WordPress renders them
//! (fixtures recorded from scripts/wordpress/seed-layout.php's posts).

#![allow(clippy::panic)]

use crate::wp_support::{body_fixture, ORIGIN};
use kiosque_core::model::Block;

fn convert(name: &str) -> Vec<Block> {
    body_fixture("layout", name)
}

fn kind(b: &Block) -> String {
    match b {
        Block::Paragraph { .. } => "paragraph".into(),
        Block::Figure { align, .. } => format!("figure {align:?}"),
        Block::Gallery { items, columns, .. } => format!("gallery {}x{columns}", items.len()),
        Block::Columns { columns } => format!("columns {}", columns.len()),
        Block::MediaText { .. } => "media_text".into(),
        Block::Cover { .. } => "cover".into(),
        Block::Group { .. } => "group".into(),
        other => format!("{other:?}"),
    }
}

#[test]
fn block_editor_post() {
    let blocks = convert("mise-en-page-editeur-de-blocs");
    let kinds: Vec<String> = blocks.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "gallery 6x3",
            "columns 2",
            "media_text",
            "cover",
            "group",
            "figure Some(Left)",
            "paragraph",
            "figure Some(Right)",
            "paragraph",
            "figure Some(Center)",
            "figure Some(Wide)",
            "figure Some(Full)",
            "paragraph",
        ]
    );
    let Block::Gallery { items, caption, .. } = &blocks[1] else {
        panic!("{:?}", blocks[1])
    };
    assert_eq!(caption.as_deref(), Some("Six paysages accrochés côte à côte."));
    for item in items {
        assert!(item.image.sources.len() >= 3, "WordPress's srcset: {:?}", item.image);
        assert!(
            item.full.starts_with(ORIGIN) && item.full.ends_with(".jpg"),
            "{}",
            item.full
        );
        assert!(item.image.caption.is_some() && !item.image.alt.is_empty());
    }
    let Block::Columns { columns } = &blocks[2] else {
        panic!("{:?}", blocks[2])
    };
    assert_eq!(
        columns.iter().map(|c| c.width).collect::<Vec<_>>(),
        [Some(33), Some(67)]
    );
    assert!(
        matches!(&blocks[3], Block::MediaText { media_right: true, media_width: Some(40), media, .. } if matches!(media.as_slice(), [Block::Figure { .. }])),
        "{:?}",
        blocks[3]
    );
    assert!(
        matches!(&blocks[4], Block::Cover { image: Some(i), body, .. } if !i.alt.is_empty() && body.len() == 1),
        "{:?}",
        blocks[4]
    );
}

#[test]
fn classic_editor_post() {
    let blocks = convert("mise-en-page-editeur-classique");
    let kinds: Vec<String> = blocks.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "gallery 6x3",
            "figure Some(Left)",
            "paragraph",
            // The floated image in running text comes first, so the text wraps around it.
            "figure Some(Right)",
            "paragraph",
            "figure Some(Center)",
            "figure None",
            "paragraph",
        ]
    );
    let Block::Gallery { items, .. } = &blocks[1] else {
        panic!("{:?}", blocks[1])
    };
    // [gallery link="file"]: thumbnails open the original upload.
    assert!(
        items
            .iter()
            .all(|i| i.full.ends_with("-1200.jpg") && i.image.width == 150),
        "{items:?}"
    );
    assert!(items
        .iter()
        .all(|i| i.image.credit.as_deref() == Some("Illustration Kiosque")));
    let Block::Figure { image, .. } = &blocks[2] else {
        panic!("{:?}", blocks[2])
    };
    assert_eq!(image.caption.as_deref(), Some("Une légende à gauche."));
}
