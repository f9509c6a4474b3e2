use super::*;
use crate::export::state::tests::entry;
use kiosque_core::model::{Listing, Timestamp};

fn post(slug: &str, day: u32, cats: &[u64], tags: &[u64], sticky: bool) -> Entry {
    let mut e = entry(slug, "x");
    e.summary.published = Timestamp::parse(&format!("2026-11-{day:02}T10:00:00Z")).unwrap();
    e.categories = cats.to_vec();
    e.tags = tags.to_vec();
    e.sticky = sticky;
    e
}

fn term(id: u64, slug: &str, count: u32) -> WpTerm {
    WpTerm {
        id,
        name: slug.to_uppercase(),
        slug: slug.into(),
        count,
        ..WpTerm::default()
    }
}

#[test]
fn the_site_is_arranged_as_the_live_source_arranges_it() {
    // 15 posts, newest = highest day; post 3 is sticky.
    let entries: Vec<Entry> = (1..=15)
        .map(|d| {
            let mut e = post(
                &format!("p{d}"),
                d,
                &[if d % 2 == 0 { 10 } else { 11 }],
                &[if d % 3 == 0 { 20 } else { 21 }],
                d == 3,
            );
            // The newest is split in 3 parts (its part URLs get redirects).
            e.parts = if d == 15 { 3 } else { 1 };
            e
        })
        .collect();
    let mut posts: Vec<Post<'_>> = entries.iter().enumerate().map(|(i, e)| (i as u64 + 100, e)).collect();
    sort_newest(&mut posts);
    assert_eq!(posts[0].1.slug, "p15");
    let root = WpRoot::default();
    let cats = [term(10, "even", 7), term(11, "odd", 8)];
    let tags = [term(20, "three", 5), term(21, "other", 10), term(22, "none", 0)];
    let site = Site {
        root: &root,
        categories: &cats,
        tags: &tags,
        users: &[],
        pages: &[],
        links: &LinkContext::from_home("http://wp.test"),
        most_read: &[105, 999, 102],
        menus: &Menus::default(),
        settings: None,
        per_page: PER_PAGE,
        heads: &Default::default(),
    };
    let files = files(&site, &posts, &[]);
    let get = |p: &str| -> serde_json::Value { serde_json::from_slice(&files[p]).unwrap() };
    let home: Home = serde_json::from_value(get("api/home.json")).unwrap();
    assert_eq!(home.lead.unwrap().slug, "p3", "the sticky post leads");
    assert_eq!(home.latest.len(), HOME_LATEST);
    assert!(home.latest.iter().all(|a| a.slug != "p3"));
    assert_eq!(
        home.sections[1]
            .articles
            .iter()
            .map(|a| a.slug.as_str())
            .collect::<Vec<_>>(),
        ["p15", "p13", "p11", "p9"]
    );
    // The home archive continues where the home's block stops.
    let l2: Listing = serde_json::from_value(get("api/latest/page/2.json")).unwrap();
    assert_eq!(l2.articles[0].slug, "p9");
    assert_eq!(l2.total, 14);
    let odd: Listing = serde_json::from_value(get("api/categories/odd/page/2.json")).unwrap();
    assert_eq!((odd.total, odd.total_pages, odd.articles.len()), (8, 2, 2));
    assert!(
        files.contains_key("api/tags/none/page/1.json"),
        "an empty listing keeps its page 1"
    );
    let index = get("api/archive/index.json");
    assert_eq!(
        index["tags"].as_array().unwrap().len(),
        2,
        "only listings with articles"
    );
    let stubs = get("api/archive/articles/page/1.json");
    assert_eq!(stubs["articles"][0]["wp_id"], 114);
    assert_eq!(stubs["articles"][0]["parts"], 3);
    assert_eq!(stubs["articles"][1].get("parts"), None, "one part: nothing to redirect");
    let most: MostRead = serde_json::from_value(get("api/most-read.json")).unwrap();
    assert_eq!(
        most.articles.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(),
        ["p6", "p3"]
    );
    assert_eq!(get("api/search/index.json")["docs"], 15, "every post indexed");
}

#[test]
fn wordpress_settings_land_in_the_site_document_and_cut_the_listings() {
    let entries: Vec<Entry> = (1..=15).map(|d| post(&format!("p{d}"), d, &[10], &[], false)).collect();
    let mut posts: Vec<Post<'_>> = entries.iter().enumerate().map(|(i, e)| (i as u64 + 1, e)).collect();
    sort_newest(&mut posts);
    let root: WpRoot = serde_json::from_value(serde_json::json!({
        "name": "N", "gmt_offset": 5.5, "timezone_string": "",
        "site_icon_url": "https://wp.example/wp-content/uploads/icon.png",
    }))
    .unwrap();
    // As WordPress answers an administrator (the shape recorded in
    // crates/core/tests/fixtures/wordpress/settings/wp-settings.admin.json).
    let settings: WpSettings = serde_json::from_value(serde_json::json!({
        "title": "N", "timezone": "UTC+5.5", "date_format": "j F Y", "language": "fr_FR",
        "posts_per_page": 10,
    }))
    .unwrap();
    let cats = [term(10, "all", 15)];
    let no_menus = Menus::default();
    let no_links = LinkContext::from_home("http://wp.test");
    let no_heads = Default::default();
    let site = |settings, per_page| Site {
        root: &root,
        categories: &cats,
        tags: &[],
        users: &[],
        pages: &[],
        links: &no_links,
        most_read: &[],
        menus: &no_menus,
        settings,
        per_page,
        heads: &no_heads,
    };
    let files = files(
        &site(Some(&settings), settings.per_page().unwrap_or(PER_PAGE)),
        &posts,
        &[],
    );
    let get = |p: &str| -> serde_json::Value { serde_json::from_slice(&files[p]).unwrap() };
    let info = get("api/site.json");
    assert_eq!(info["locale"], "fr");
    assert_eq!(info["posts_per_page"], 10);
    assert_eq!(info["date_format"], "j F Y");
    assert_eq!(info["icon"], "https://wp.example/wp-content/uploads/icon.png");
    assert_eq!(info["timezone"], "+05:30", "a bare offset, no city");
    let all: Listing = serde_json::from_value(get("api/categories/all/page/1.json")).unwrap();
    assert_eq!((all.articles.len(), all.total_pages), (10, 2));
    // The home archive continues the home's block, whatever the setting.
    let latest: Listing = serde_json::from_value(get("api/latest/page/2.json")).unwrap();
    assert_eq!(latest.articles.len(), PER_PAGE as usize);
    // Without the settings (no administrator's password): 6 a page.
    let files = super::files(&site(None, PER_PAGE), &posts, &[]);
    let all: Listing = serde_json::from_slice(&files["api/categories/all/page/1.json"]).unwrap();
    assert_eq!(all.total_pages, 3);
}

#[test]
fn nested_categories_carry_their_family_and_empty_ones_stay_out_of_the_index() {
    let entries = [post("a", 1, &[3], &[], false), post("b", 2, &[3], &[], false)];
    let posts: Vec<Post<'_>> = entries.iter().enumerate().map(|(i, e)| (i as u64 + 1, e)).collect();
    let child = |id, slug, parent, count| WpTerm {
        parent,
        ..term(id, slug, count)
    };
    let cats = [
        term(1, "top", 0),
        child(2, "mid", 1, 0),
        WpTerm {
            description: "<p>Une <strong>rubrique</strong>.</p>".into(),
            ..child(3, "leaf", 2, 2)
        },
        term(4, "vide", 0),
    ];
    let root = WpRoot::default();
    let site = Site {
        root: &root,
        categories: &cats,
        tags: &[],
        users: &[],
        pages: &[],
        links: &LinkContext::from_home("http://wp.test"),
        most_read: &[],
        menus: &Menus::default(),
        settings: None,
        per_page: PER_PAGE,
        heads: &Default::default(),
    };
    let files = files(&site, &posts, &[]);
    let get = |p: &str| -> Listing { serde_json::from_slice(&files[p]).unwrap() };
    let ListingKind::Category { parents, about, .. } = get("api/categories/leaf/page/1.json").kind else {
        panic!()
    };
    assert_eq!(
        parents.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(),
        ["top", "mid"]
    );
    assert!(!about.is_empty(), "the description's markup as blocks");
    let ListingKind::Category { children, .. } = get("api/categories/top/page/1.json").kind else {
        panic!()
    };
    assert_eq!(children.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(), ["mid"]);
    let index: serde_json::Value = serde_json::from_slice(&files["api/archive/index.json"]).unwrap();
    let listed: Vec<&str> = index["categories"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["slug"].as_str())
        .collect();
    assert_eq!(
        listed,
        ["top", "mid", "leaf"],
        "the parents of a full category, not the empty one"
    );
}
