//! Extreme images of issue 19 as the test WordPress renders them (fixture
//! recorded from scripts/wordpress/seed-media.php's post): each keeps its
//! intrinsic size (so the page reserves its box at the right ratio) and the
//! renditions WordPress generated, each at the original's ratio.

#![allow(clippy::panic)]

use kiosque_core::body::{html_to_blocks, BodyOptions};
use kiosque_core::model::{Block, Image};

fn figures() -> Vec<Image> {
    let path = format!(
        "{}/tests/fixtures/wordpress/media/images-extremes-mise-en-page.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let opts = BodyOptions {
        internal_origins: vec!["http://127.0.0.1:8081".into()],
        ..Default::default()
    };
    html_to_blocks(&html, &opts)
        .into_iter()
        .filter_map(|b| match b {
            Block::Figure { image, .. } => Some(image),
            _ => None,
        })
        .collect()
}

#[test]
fn extreme_images_keep_their_size_and_renditions() {
    let figures = figures();
    let sizes: Vec<(u32, u32)> = figures.iter().map(|i| (i.width, i.height)).collect();
    assert_eq!(sizes, [(10_000, 10_000), (4000, 200), (200, 3000)]);
    let widths: Vec<Vec<u32>> = figures
        .iter()
        .map(|i| i.sources.iter().map(|s| s.width).collect())
        .collect();
    assert_eq!(
        widths,
        [
            vec![150, 300, 480, 768, 1024, 1536, 2048, 10_000],
            vec![300, 480, 768, 1024, 1536, 2048, 4000],
            vec![20, 200],
        ]
    );
    for image in &figures {
        for s in &image.sources {
            // Same ratio as the original, to the pixel WordPress rounds to.
            let expected = u64::from(s.width) * u64::from(image.height) / u64::from(image.width);
            assert!(
                u64::from(s.height).abs_diff(expected) <= 1,
                "{}: {}×{}",
                s.url,
                s.width,
                s.height
            );
        }
    }
}
