//! Classic `[gallery]` thumbnails get their attachment's renditions (a
//! `srcset` and the size that goes with it) from one media request per post.
//! Recorded from seed-layout.php's classic post into `fixtures/wordpress/gallery/`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::wp_support::{answer, block_on, fixture_in, record, recording, source_with};
use kiosque_core::http::{FetchError, Fetched};
use kiosque_core::model::{Block, GalleryItem};
use kiosque_core::source::wordpress::Transport;

const CLASSIC: &str = "mise-en-page-editeur-classique";

/// Answers from `gallery/` (recording there when recording), counting the
/// media requests; with `fail_media`, those answer 500.
#[derive(Default)]
struct Gallery {
    media: Arc<AtomicUsize>,
    fail_media: bool,
}

impl Transport for Gallery {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        if url.contains("/wp/v2/media") {
            self.media.fetch_add(1, Ordering::Relaxed);
            if self.fail_media {
                return Err(FetchError::Server(500));
            }
        }
        let name = fixture_in("gallery/", url);
        if recording() {
            record(url, &name, None);
        }
        answer(&name)
    }
}

fn gallery_items(t: Gallery) -> Vec<GalleryItem> {
    let article = block_on(source_with(t).article(CLASSIC)).expect("the classic post");
    let Some(Block::Gallery { items, .. }) = article.body.into_iter().find(|b| matches!(b, Block::Gallery { .. }))
    else {
        panic!("no gallery")
    };
    items
}

#[test]
fn classic_gallery_thumbnails_get_their_attachments_renditions_in_one_request() {
    let media = Arc::new(AtomicUsize::new(0));
    let items = gallery_items(Gallery {
        media: media.clone(),
        ..Gallery::default()
    });
    assert_eq!(items.len(), 6);
    for item in &items {
        let img = &item.image;
        assert!(img.sources.len() >= 3, "renditions: {img:?}");
        // The thumbnail's crop is gone: width and height are the default
        // rendition's, in the attachment's proportions.
        let default = img
            .sources
            .iter()
            .find(|s| s.url == img.url)
            .expect("the default is a rendition");
        assert_eq!((img.width, img.height), (default.width, default.height));
        assert!(img.width > 150 && img.width != img.height, "{img:?}");
        assert!(!img.url.contains("150x150"), "{}", img.url);
        assert!(
            !img.alt.is_empty() && img.caption.is_some(),
            "the post's own alt and caption stay"
        );
    }
    assert_eq!(media.load(Ordering::Relaxed), 1, "one media request for the whole post");
}

#[test]
fn a_failed_media_request_keeps_the_thumbnails() {
    let items = gallery_items(Gallery {
        fail_media: true,
        ..Gallery::default()
    });
    assert_eq!(items.len(), 6);
    for item in &items {
        let img = &item.image;
        assert!(img.sources.is_empty() && img.url.ends_with("-150x150.jpg"), "{img:?}");
        assert_eq!((img.width, img.height), (150, 150));
    }
}
