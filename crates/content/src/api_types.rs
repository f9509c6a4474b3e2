//! The demo's custom post types in the static API (docs/content-api.md,
//! "Custom post types"): each item at `types/<rest_base>/<slug>.json` (an
//! `Article`), its listing at `types/<rest_base>/page/<n>.json`. Items stay
//! out of the home, the category, tag and author listings, the archive and
//! the search index: they are shown under their type's own URLs.

use kiosque_core::model::Article;
use kiosque_core::source::static_files::{write_type, Files};

/// Items a type's listing page holds: few, so the demo's small type still
/// has a second page to show.
pub const TYPE_PER_PAGE: usize = 3;

/// Writes every type's items and listing pages.
pub fn write(files: &mut Files, types: Vec<(String, Vec<Article>)>) {
    for (rest_base, items) in types {
        let items = items.into_iter().map(|a| (a.summary(), a)).collect();
        write_type(files, &rest_base, items, TYPE_PER_PAGE);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use kiosque_core::model::{Listing, ListingKind, Timestamp};

    fn item(slug: &str, published: &str) -> Article {
        let p = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/api/types/videos");
        let text = std::fs::read_to_string(format!("{p}/dakar-la-pirogue-des-pecheurs-de-soumbedioune.json")).unwrap();
        let mut a: Article = serde_json::from_str(&text).unwrap();
        a.slug = slug.into();
        a.published = Timestamp::parse(published).unwrap();
        a
    }

    #[test]
    fn a_type_gets_its_items_and_paged_listing_newest_first() {
        let items = vec![
            item("b", "2026-01-02T00:00:00Z"),
            item("d", "2026-01-04T00:00:00Z"),
            item("a", "2026-01-01T00:00:00Z"),
            item("c", "2026-01-03T00:00:00Z"),
        ];
        let mut files = Files::new();
        write(&mut files, vec![("clips".into(), items)]);
        for slug in ["a", "b", "c", "d"] {
            assert!(files.contains_key(&format!("api/types/clips/{slug}.json")), "{slug}");
        }
        let page =
            |n: u32| -> Listing { serde_json::from_slice(&files[&format!("api/types/clips/page/{n}.json")]).unwrap() };
        let (one, two) = (page(1), page(2));
        assert_eq!(
            one.kind,
            ListingKind::PostType {
                rest_base: "clips".into()
            }
        );
        assert_eq!((one.total, one.total_pages), (4, 2));
        let slugs = |l: &Listing| l.articles.iter().map(|a| a.slug.clone()).collect::<Vec<_>>();
        assert_eq!(slugs(&one), ["d", "c", "b"]);
        assert_eq!(slugs(&two), ["a"]);
        assert!(
            !files.keys().any(|k| k.starts_with("api/articles/")),
            "items are not articles"
        );
    }

    #[test]
    fn the_demo_s_items_are_found_by_search_with_their_type() {
        use kiosque_core::source::search::MemoryIndex;
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/api"));
        let mut files = Vec::new();
        for dir in ["search", "search/terms", "search/docs"] {
            for f in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
                if f.path().is_file() {
                    files.push((
                        format!("{dir}/{}", f.file_name().to_string_lossy()),
                        std::fs::read(f.path()).unwrap(),
                    ));
                }
            }
        }
        let index = MemoryIndex::new(files);
        let found = index.search("gnaoua répétition", 1, 10).unwrap();
        let (stub, _) = found
            .hits
            .iter()
            .find(|(s, _)| s.slug == "festival-gnaoua-essaouira-repetition-generale")
            .expect("the video is found");
        assert_eq!(stub.post_type.as_deref(), Some("videos"));
        let article = index.search("photographes paysages", 1, 10).unwrap();
        assert!(
            article.hits.iter().all(|(s, _)| s.post_type.is_none()),
            "articles carry no type"
        );
        assert!(!article.hits.is_empty());
    }
}
