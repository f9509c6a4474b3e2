//! The static export read back: for every exported article, listing and
//! page, the static source over the exported files answers exactly what the
//! live WordPress source answers. Needs a running WordPress and an export of
//! it, so it is ignored by `cargo test`; `scripts/export-wp.sh` runs it with
//! `KIOSQUE_EXPORT_API` (the exported directory) and `KIOSQUE_WP_URL`.

use std::fs;

use futures::executor::block_on;
use kiosque_core::http::Door;
use kiosque_core::source::{ListingRequest, StaticSource, WordPressSource};

#[test]
#[ignore = "needs a WordPress and its export: scripts/export-wp.sh runs it"]
fn the_export_reads_back_as_the_live_source() {
    let api = std::env::var("KIOSQUE_EXPORT_API").expect("KIOSQUE_EXPORT_API");
    let wp = std::env::var("KIOSQUE_WP_URL").expect("KIOSQUE_WP_URL");
    // The types whose items join the rails, from the exported site's
    // config (beside its api/): both sources read it as the site would.
    let config: serde_json::Value = fs::read_to_string(format!("{api}/../config.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let in_related: Vec<String> = config["post_types"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["in_related"] == true)
        .filter_map(|t| t["rest_base"].as_str().map(str::to_string))
        .collect();
    let exported = StaticSource::new(
        "http://export.test".into(),
        5_000,
        "http://export.test/",
        Door::local("http://export.test/", &api),
    )
    .with_related_types(in_related.clone());
    let live = WordPressSource::new(&wp, 20_000, Door::default().with_remote_http()).with_related_types(in_related);
    let slugs: Vec<String> = fs::read_dir(format!("{api}/articles"))
        .unwrap()
        .map(|f| {
            f.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".json")
                .to_string()
        })
        .collect();
    assert!(slugs.len() > 10, "{} articles", slugs.len());
    // Four at a time: the live source asks WordPress several things per article.
    on_threads(&slugs, |slug| {
        let a = block_on(exported.article(slug)).unwrap();
        let b = block_on(live.article(slug)).unwrap();
        assert_eq!(a, b, "article {slug}");
    });
    assert_eq!(
        block_on(exported.home()).unwrap(),
        block_on(live.home()).unwrap(),
        "home"
    );
    assert_eq!(
        block_on(exported.site()).unwrap(),
        block_on(live.site()).unwrap(),
        "site"
    );
    let index: kiosque_core::model::ArchiveIndex =
        serde_json::from_slice(&fs::read(format!("{api}/archive/index.json")).unwrap()).unwrap();
    let mut lists = vec![ListingRequest::Latest];
    lists.extend(
        index
            .categories
            .iter()
            .map(|t| ListingRequest::Category(t.slug.clone())),
    );
    lists.extend(index.tags.iter().map(|t| ListingRequest::Tag(t.slug.clone())));
    lists.extend(index.authors.iter().map(|t| ListingRequest::Author(t.slug.clone())));
    // Page 2 where there is one worth checking (tags rarely have one).
    on_threads(&lists, |list| {
        let pages: &[u32] = if matches!(list, ListingRequest::Tag(_)) {
            &[1]
        } else {
            &[1, 2]
        };
        for &page in pages {
            let a = block_on(exported.listing(list, page));
            let b = block_on(live.listing(list, page));
            assert_eq!(a, b, "{list:?} page {page}");
        }
    });
    for p in &index.pages {
        assert_eq!(
            block_on(exported.page(&p.slug)).unwrap(),
            block_on(live.page(&p.slug)).unwrap(),
            "page {}",
            p.slug
        );
    }
    // Custom post types (config.json's post_types): each listing's first
    // page and every item.
    for dir in fs::read_dir(format!("{api}/types")).into_iter().flatten() {
        let base = dir.unwrap().file_name().to_string_lossy().to_string();
        let list = ListingRequest::PostType(base.clone());
        let page = block_on(exported.listing(&list, 1)).unwrap();
        assert_eq!(Ok(&page), block_on(live.listing(&list, 1)).as_ref(), "{list:?}");
        assert!(!page.articles.is_empty(), "{base}");
        for a in &page.articles {
            assert_eq!(
                block_on(exported.type_item(&base, &a.slug)),
                block_on(live.type_item(&base, &a.slug)),
                "{base} {}",
                a.slug
            );
        }
    }
}

fn on_threads<T: Sync>(items: &[T], check: impl Fn(&T) + Sync) {
    let chunk = items.len().div_ceil(4).max(1);
    std::thread::scope(|s| {
        for part in items.chunks(chunk) {
            s.spawn(|| part.iter().for_each(&check));
        }
    });
}
