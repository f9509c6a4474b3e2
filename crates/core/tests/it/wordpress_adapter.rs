//! The WordPress adapter against answers recorded from the test WordPress
//! (`scripts/wordpress/up.sh`, seeded with content/; re-record with
//! `scripts/wordpress/record.sh`). See `wp_support`.

use crate::wp_support::{block_on, source, source_with, Canned, Fixed, Override, LINKING_POST, LINKING_ROUTES, ROOT};
use kiosque_core::http::{FetchError, Fetched};
use kiosque_core::model::{Article, ArticleSummary, Block};
use kiosque_core::source::wordpress::urls::{PostQuery, Urls};
use kiosque_core::source::{ListingRequest, Source};

/// The sticky post (a featured article that is not the newest).
const STICKY: &str = "education-rapport-manque-enseignants-2030";
const NEWEST: &str = "tunisie-bizerte-pecheurs-rarefaction-poisson";
const AMPERSAND: &str = "energie-hydrogene-vert-partenariats-nord-sud";
const HIDDEN: [&str; 3] = [
    "brouillon-enquete-ports",
    "note-interne-planning-redaction",
    "a-paraitre-bilan-annuel",
];

fn article(slug: &str) -> Article {
    block_on(source().article(slug)).unwrap_or_else(|e| panic!("{slug}: {e:?}"))
}

fn all_summaries(home: &kiosque_core::model::Home) -> Vec<&ArticleSummary> {
    let mut all: Vec<&ArticleSummary> = home.lead.iter().chain(home.latest.iter()).collect();
    all.extend(home.sections.iter().flat_map(|s| s.articles.iter()));
    all
}

#[test]
fn site_info_from_the_index_and_categories() {
    let site = block_on(source().site()).unwrap();
    assert_eq!(site.name, "Maghreb Daily News");
    assert_eq!(
        site.tagline,
        "L’actualité du Maghreb, de l’Afrique et du monde, chaque jour."
    );
    assert_eq!(site.timezone, "Africa/Casablanca");
    let nav: Vec<&str> = site.nav.iter().map(|n| n.slug.as_str()).collect();
    assert_eq!(
        nav,
        ["maghreb", "afrique", "monde", "economie", "sport", "culture"],
        "creation order"
    );
    assert_eq!(site.nav[3].name, "Économie");
}

#[test]
fn sticky_post_leads_the_home() {
    let home = block_on(source().home()).unwrap();
    let lead = home.lead.as_ref().expect("a lead");
    assert_eq!(lead.slug, STICKY);
    assert_eq!(home.latest.len(), 10);
    assert_eq!(
        home.latest[0].slug, NEWEST,
        "latest is newest first, whatever is sticky"
    );
    assert!(home.latest.windows(2).all(|w| w[0].published >= w[1].published));
    assert!(home.latest.iter().all(|a| a.slug != STICKY), "the lead is not repeated");
    assert_eq!(home.sections.len(), 6);
    for s in &home.sections {
        assert!(!s.articles.is_empty() && s.articles.len() <= 4, "{}", s.category.slug);
        assert!(s
            .articles
            .iter()
            .all(|a| a.category.slug == s.category.slug && a.slug != STICKY));
    }
    for a in all_summaries(&home) {
        assert!(!HIDDEN.contains(&a.slug.as_str()), "{}", a.slug);
        assert!(!a.title.contains('&') || a.title.contains(" & "), "{}", a.title);
        assert!(a.image.is_some(), "{} has its featured image", a.slug);
    }
}

#[test]
fn titles_are_decoded_to_plain_text() {
    let raw = crate::wp_support::recorded_json(&Urls::new(ROOT).posts(&PostQuery {
        slug: Some(AMPERSAND.into()),
        full: true,
        ..PostQuery::list(1, 1)
    }));
    let rendered = raw[0]["title"]["rendered"].as_str().unwrap_or_default().to_string();
    for entity in ["&#8217;", "&#8220;", "&#038;"] {
        assert!(rendered.contains(entity), "WordPress sent {entity}: {rendered}");
    }
    let a = article(AMPERSAND);
    assert_eq!(
        a.title,
        "Énergie : l’hydrogène vert, “nouvelle monnaie” des partenariats Nord & Sud"
    );
    let b = article(NEWEST);
    assert_eq!(
        b.title,
        "Tunisie : à Bizerte, les pêcheurs s’organisent face à la raréfaction du poisson"
    );
}

#[test]
fn excerpts_are_text() {
    let a = article(LINKING_POST);
    assert!(
        a.standfirst.starts_with("Fournitures scolaires, huile, viande"),
        "{}",
        a.standfirst
    );
    assert!(
        !a.standfirst.contains('<') && !a.standfirst.contains("&#"),
        "{}",
        a.standfirst
    );
    let listing = block_on(source().listing(&ListingRequest::Latest, 1)).unwrap();
    assert!(listing
        .articles
        .iter()
        .all(|s| !s.standfirst.is_empty() && !s.standfirst.contains("<p")));
}

#[test]
fn article_body_holds_blocks_not_html() {
    let a = article(LINKING_POST);
    let json = serde_json::to_string(&a.body).unwrap();
    for raw in ["<p", "</", "<a ", "<!--", "wp:paragraph", "&nbsp;", "&#"] {
        assert!(!json.contains(raw), "raw {raw:?} in the body");
    }
    let kinds: Vec<&str> = a
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph { .. } => "p",
            Block::Heading { .. } => "h",
            Block::List { .. } => "list",
            Block::Quote { .. } => "quote",
            _ => "other",
        })
        .collect();
    for k in ["p", "h", "list", "quote"] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }
    assert!(a.reading_minutes >= 2, "{}", a.reading_minutes);
    assert_eq!(a.authors[0].slug, "karim-ouazzani");
    assert_eq!(a.category.slug, "economie");
    let tags: Vec<&str> = a.tags.iter().map(|t| t.slug.as_str()).collect();
    assert!(tags.contains(&"tunisie") && tags.contains(&"inflation"), "{tags:?}");
    assert_eq!(
        a.published.as_str(),
        "2026-10-05T08:15:00+01:00",
        "local time and offset kept"
    );
}

#[test]
fn featured_image_has_a_srcset_with_sizes() {
    let a = article(NEWEST);
    let img = a.image.expect("featured image");
    assert!(img.sources.len() >= 4, "{:?}", img.sources);
    assert!(
        img.sources.windows(2).all(|w| w[0].width < w[1].width),
        "narrowest first"
    );
    for s in &img.sources {
        assert!(s.width > 0 && s.height > 0);
        let ratio = f64::from(s.width) / f64::from(s.height);
        assert!(
            (ratio - 16.0 / 9.0).abs() < 0.05,
            "cropped thumbnails are left out: {s:?}"
        );
        assert!(s.url.starts_with(crate::wp_support::ORIGIN), "{}", s.url);
    }
    assert_eq!((img.width, img.height), (1200, 675));
    assert!(img
        .srcset()
        .is_some_and(|s| s.contains(" 300w") && s.contains(" 1200w")));
    assert!(img.alt.starts_with("Illustration"), "{}", img.alt);
    assert_eq!(img.credit.as_deref(), Some("Illustration Kiosque"));
    assert!(
        img.caption
            .as_deref()
            .is_some_and(|c| c.starts_with("Au port de Bizerte")),
        "{:?}",
        img.caption
    );
}

#[test]
fn body_figures_get_wordpress_sizes() {
    let a = article("algerie-oasis-jeunes-agriculteurs-goutte-a-goutte");
    let fig = a
        .body
        .iter()
        .find_map(|b| match b {
            Block::Figure { image, .. } => Some(image),
            _ => None,
        })
        .expect("a body figure");
    assert!(fig.sources.len() >= 3, "WordPress's srcset: {:?}", fig.sources);
    assert!(
        fig.url.starts_with("http://127.0.0.1:8081/wp-content/uploads/"),
        "{}",
        fig.url
    );
    assert!(fig.caption.is_some());
}

#[test]
fn map_embeds_and_tables_survive() {
    let a = article("dakar-terminal-fruitier-veut-raccourcir-route-europe");
    let embed = a.body.iter().find_map(|b| match b {
        Block::Embed {
            provider, embed_url, ..
        } => Some((*provider, embed_url.clone())),
        _ => None,
    });
    let (provider, url) = embed.expect("the map embed");
    assert_eq!(provider, kiosque_core::model::EmbedProvider::Openstreetmap);
    assert!(
        url.starts_with("https://www.openstreetmap.org/export/embed.html"),
        "{url}"
    );
    let t = article("caire-musee-numerique-ouvre-manuscrits-au-grand-public");
    let rows = t.body.iter().find_map(|b| match b {
        Block::Table { rows, .. } => Some(rows.len()),
        _ => None,
    });
    assert_eq!(rows, Some(5), "header row + 4");
}

#[test]
fn internal_links_become_kiosque_routes() {
    let a = article(LINKING_POST);
    let hrefs = Block::links(&a.body);
    for want in LINKING_ROUTES {
        assert!(hrefs.iter().any(|h| h == want), "{want} in {hrefs:?}");
    }
    // Links to other posts by their WordPress permalink (`/%postname%/`).
    let all: Vec<String> = ["can-2027-supporters-preparent-deja-voyage-afrique-est", LINKING_POST]
        .iter()
        .flat_map(|s| Block::links(&article(s).body))
        .collect();
    assert!(
        all.iter().filter(|h| h.starts_with("/article/")).count() >= 2,
        "{all:?}"
    );
    assert!(
        all.iter().all(|h| !h.contains("127.0.0.1")),
        "no link to the WordPress host: {all:?}"
    );
}

#[test]
fn drafts_private_and_scheduled_posts_never_appear() {
    for slug in HIDDEN {
        assert_eq!(block_on(source().article(slug)), Err(FetchError::NotFound), "{slug}");
    }
    let eco = block_on(source().listing(&ListingRequest::Category("economie".into()), 1)).unwrap();
    assert!(eco.articles.iter().all(|a| !HIDDEN.contains(&a.slug.as_str())));
    let found = block_on(source().search("jamais apparaître", 1, 10)).unwrap();
    assert_eq!(found.total, 0, "{:?}", found.articles);
}

#[test]
fn pagination_totals_come_from_the_headers() {
    let s = source();
    let p1 = block_on(s.listing(&ListingRequest::Category("economie".into()), 1)).unwrap();
    assert_eq!((p1.page, p1.total, p1.total_pages, p1.articles.len()), (1, 8, 2, 6));
    match &p1.kind {
        kiosque_core::model::ListingKind::Category {
            category, description, ..
        } => {
            assert_eq!(category.name, "Économie");
            assert!(description.starts_with("Entreprises, marchés"), "{description}");
        }
        other => panic!("{other:?}"),
    }
    let p2 = block_on(s.listing(&ListingRequest::Category("economie".into()), 2)).unwrap();
    assert_eq!((p2.page, p2.total_pages, p2.articles.len()), (2, 2, 2));
    assert!(p2.articles.iter().all(|a| p1.articles.iter().all(|b| a.slug != b.slug)));
    let past = block_on(s.listing(&ListingRequest::Category("economie".into()), 3));
    assert_eq!(past, Err(FetchError::NotFound));
    let latest = block_on(s.listing(&ListingRequest::Latest, 1)).unwrap();
    // Every post but the home's lead (the home archive continues the home).
    assert_eq!((latest.total, latest.total_pages), (47, 8));
    assert_eq!(
        block_on(s.listing(&ListingRequest::Latest, 0)),
        Err(FetchError::NotFound)
    );
}

#[test]
fn tag_and_author_listings() {
    let s = source();
    let tag = block_on(s.listing(&ListingRequest::Tag("tunisie".into()), 1)).unwrap();
    assert!(tag.total >= 3 && tag.articles.len() <= 6);
    assert!(matches!(&tag.kind, kiosque_core::model::ListingKind::Tag { tag, .. } if tag.name == "Tunisie"));
    let author = block_on(s.listing(&ListingRequest::Author("karim-ouazzani".into()), 1)).unwrap();
    match &author.kind {
        kiosque_core::model::ListingKind::Author { author } => {
            assert_eq!(author.name, "Karim Ouazzani");
            assert!(
                author.bio.contains("Karim Ouazzani") && !author.bio.contains("**"),
                "{}",
                author.bio
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(author
        .articles
        .iter()
        .all(|a| a.authors.first().is_some_and(|x| x.slug == "karim-ouazzani")));
}

#[test]
fn comment_counts_are_real_totals() {
    assert_eq!(
        article(NEWEST).comment_count,
        3,
        "3 approved, the pending one is not counted"
    );
    assert_eq!(article(LINKING_POST).comment_count, 2);
    assert_eq!(article(AMPERSAND).comment_count, 0);
}

#[test]
fn related_articles_share_a_category_or_a_tag() {
    let a = article(LINKING_POST);
    assert!(!a.related.is_empty() && a.related.len() <= 6, "{}", a.related.len());
    assert!(a.related.iter().all(|r| r.slug != a.slug));
    let tags: Vec<String> = a.tags.iter().map(|t| t.slug.clone()).collect();
    let first = article(&a.related[0].slug);
    assert!(
        first.category == a.category || first.tags.iter().any(|t| tags.contains(&t.slug)),
        "{} is related",
        first.slug
    );
}

#[test]
fn unknown_slugs_are_not_found() {
    let s = source();
    assert_eq!(
        block_on(s.article("cet-article-n-existe-pas")),
        Err(FetchError::NotFound)
    );
    assert_eq!(block_on(s.page("page-inconnue")), Err(FetchError::NotFound));
    let cat = block_on(s.listing(&ListingRequest::Category("rubrique-inconnue".into()), 1));
    assert_eq!(cat, Err(FetchError::NotFound));
    // Not even asked: these cannot be slugs.
    let never = source_with(Fixed(Err(FetchError::Server(500))));
    assert_eq!(block_on(never.article("../wp-admin")), Err(FetchError::NotFound));
    assert_eq!(block_on(never.page("a/b")), Err(FetchError::NotFound));
}

#[test]
fn pages_map_to_static_pages() {
    let p = block_on(source().page("a-propos")).unwrap();
    assert_eq!(p.title, "À propos");
    assert!(p.body.len() > 3);
    assert!(p.modified.is_some());
    let m = block_on(source().page("mentions-legales")).unwrap();
    assert_eq!(m.title, "Mentions légales");
}

#[test]
fn search_uses_wordpress_search_and_its_total() {
    let r = block_on(source().search("Tunisie", 1, 5)).unwrap();
    assert_eq!(r.query, "Tunisie");
    assert!(
        r.articles.len() <= 5 && r.total >= r.articles.len() && r.total > 5,
        "{}",
        r.total
    );
    let none = block_on(source().search("   ", 1, 5)).unwrap();
    assert_eq!((none.total, none.articles.len()), (0, 0));
}

/// Page 2 of a search: asked with `page=2`, totals from the headers. (No
/// recorded page 2: the page-1 answer stands in for it, with its headers.)
#[test]
fn search_pages_ask_for_their_page_and_read_the_totals() {
    use std::sync::{Arc, Mutex};
    struct Asked(Arc<Mutex<Vec<String>>>);
    impl kiosque_core::source::wordpress::Transport for Asked {
        fn get(&self, url: &str) -> Result<Fetched, FetchError> {
            self.0.lock().unwrap().push(url.to_string());
            let page1 = Urls::new(ROOT).posts(&PostQuery {
                search: Some("Tunisie".into()),
                ..PostQuery::list(5, 1)
            });
            crate::wp_support::answer(&crate::wp_support::fixture_name(&page1))
        }
    }
    let asked = Arc::new(Mutex::new(Vec::new()));
    let s = source_with(Asked(asked.clone()));
    let r = block_on(s.search("Tunisie", 2, 5)).unwrap();
    assert_eq!((r.page, r.total, r.total_pages, r.articles.len()), (2, 13, 3, 5));
    let urls = asked.lock().unwrap().clone();
    assert_eq!(urls.len(), 1);
    assert!(urls[0].contains("search=Tunisie&per_page=5&page=2&"), "{}", urls[0]);
    // Without the headers, the totals are what the pages show.
    let bare = Fetched::new(
        crate::wp_support::answer(&crate::wp_support::fixture_name(&Urls::new(ROOT).posts(&PostQuery {
            search: Some("Tunisie".into()),
            ..PostQuery::list(5, 1)
        })))
        .unwrap()
        .body,
    );
    let r = block_on(source_with(Fixed(Ok(bare))).search("Tunisie", 3, 5)).unwrap();
    assert_eq!((r.page, r.total, r.total_pages), (3, 15, 3));
}

#[test]
fn most_read_is_empty_without_a_route_and_ordered_with_one() {
    assert!(block_on(source().most_read()).unwrap().articles.is_empty());
    // Any route answering post IDs best first, as popular-posts plugins do.
    let s = source().with_most_read_url("/wp/v2/posts?per_page=3&categories=6&_fields=id");
    let mr = block_on(s.most_read()).unwrap();
    assert_eq!(mr.articles.len(), 3);
    assert!(mr.articles.iter().all(|a| a.category.slug == "sport"));
}

#[test]
fn old_post_ids_resolve_to_routes() {
    let url = Urls::new(ROOT).posts(&PostQuery {
        slug: Some(NEWEST.into()),
        full: true,
        ..PostQuery::list(1, 1)
    });
    let id = crate::wp_support::recorded_json(&url)[0]["id"]
        .as_u64()
        .expect("post id");
    let s = source();
    assert_eq!(block_on(s.post_slug_by_id(id)).as_deref(), Ok(NEWEST));
    let marker = kiosque_core::source::wordpress::legacy_route("/", &format!("p={id}")).unwrap();
    assert_eq!(block_on(s.resolve_legacy(&marker)), Ok(format!("/article/{NEWEST}")));
    assert_eq!(block_on(s.resolve_legacy("/not-a-marker")), Err(FetchError::NotFound));
}

#[test]
fn rest_disabled_html_is_bad_data() {
    // The site answered the REST URL with its HTML home page.
    let s = source_with(Canned("error-rest-disabled"));
    assert!(matches!(block_on(s.site()), Err(FetchError::BadData(m)) if m.contains("text/html")));
    assert!(matches!(block_on(s.home()), Err(FetchError::BadData(_))));
    assert!(matches!(block_on(s.article("x")), Err(FetchError::BadData(_))));
}

#[test]
fn refusals_are_denied() {
    for (name, status) in [("error-unauthorized", 401), ("error-forbidden", 403)] {
        let s = source_with(Canned(name));
        assert_eq!(block_on(s.home()), Err(FetchError::Denied(status)), "{name}");
        assert_eq!(block_on(s.article("x")), Err(FetchError::Denied(status)), "{name}");
        assert_eq!(
            block_on(s.listing(&ListingRequest::Tag("x".into()), 1)),
            Err(FetchError::Denied(status))
        );
    }
    let s = source_with(Canned("error-no-route"));
    assert_eq!(block_on(s.site()), Err(FetchError::NotFound));
}

#[test]
fn wordpress_down_is_offline() {
    let s = source_with(Fixed(Err(FetchError::Offline)));
    assert_eq!(block_on(s.home()), Err(FetchError::Offline));
    assert_eq!(block_on(s.site()), Err(FetchError::Offline));
    assert_eq!(block_on(s.search("x", 1, 3)).map(|r| r.total), Err(FetchError::Offline));
}

/// The recorded article answer for `slug`, edited by `edit`.
fn edited_article(slug: &str, edit: impl Fn(&mut serde_json::Value)) -> Result<Fetched, FetchError> {
    let url = Urls::new(ROOT).posts(&PostQuery {
        slug: Some(slug.into()),
        full: true,
        ..PostQuery::list(1, 1)
    });
    let mut v = crate::wp_support::recorded_json(&url);
    edit(&mut v);
    Ok(Fetched::new(v.to_string()))
}

type Edit = fn(&mut serde_json::Value);

#[test]
fn malformed_posts_are_typed_errors() {
    let cases: [(&str, Edit); 4] = [
        ("date", |v| drop(v[0].as_object_mut().map(|o| o.remove("date")))),
        ("title", |v| v[0]["title"] = serde_json::json!(42)),
        ("id", |v| v[0]["id"] = serde_json::json!("douze")),
        ("date", |v| v[0]["date"] = serde_json::json!("hier")),
    ];
    for (field, edit) in cases {
        let s = source_with(Override("slug=", edited_article(NEWEST, edit)));
        match block_on(s.article(NEWEST)) {
            Err(FetchError::BadData(m)) => assert!(m.contains(field), "{field}: {m}"),
            other => panic!("{field}: {other:?}"),
        }
    }
    for body in ["{}", "null", "<html></html>", "", "[[]]"] {
        let s = source_with(Fixed(Ok(Fetched::new(body))));
        let r = block_on(s.article(NEWEST));
        assert!(
            matches!(r, Err(FetchError::BadData(_)) | Err(FetchError::NotFound)),
            "{body:?}: {r:?}"
        );
        assert!(block_on(s.home()).is_err() || body == "[[]]");
    }
    // In a list, a malformed post is skipped and the others stay.
    let mut list = crate::wp_support::recorded_json(&Urls::new(ROOT).posts(&PostQuery::list(6, 1)));
    list[0]["title"] = serde_json::json!(null);
    list[1]["status"] = serde_json::json!("draft");
    let s = source_with(Override("per_page=6&_embed", Ok(Fetched::new(list.to_string()))));
    let l = block_on(s.listing(&ListingRequest::Latest, 1)).unwrap();
    assert_eq!(l.articles.len(), 4);
}

#[test]
fn source_wiring() {
    fn shareable<T: Clone + Send + Sync + 'static>() {}
    shareable::<kiosque_core::source::WordPressSource>();
    let config = kiosque_core::config::Config::parse(
        r#"{"api":{"kind":"wordpress","base_url":"http://127.0.0.1:8081/wp-json/"}}"#,
    )
    .unwrap();
    match Source::from_config(&config, "http://127.0.0.1:8080/", kiosque_core::http::Door::default()) {
        Source::WordPress(s) => assert_eq!(s.root(), ROOT),
        other => panic!("{other:?}"),
    }
}

/// Records the canned error answers (only with KIOSQUE_WP_RECORD set).
#[test]
fn record_error_answers() {
    if !crate::wp_support::recording() {
        return;
    }
    let index = "/?_fields=name,description,url,home,gmt_offset,timezone_string";
    // base_url without /wp-json: the site's HTML home page answers.
    crate::wp_support::record(
        &format!("{}{index}", crate::wp_support::ORIGIN),
        "error-rest-disabled",
        None,
    );
    // Signed out, asking for what needs an account (as a REST API locked to members answers).
    crate::wp_support::record(
        &format!("{ROOT}/wp/v2/posts?per_page=1&context=edit"),
        "error-unauthorized",
        None,
    );
    // A signed-in reader asking for more than allowed.
    let reader = std::env::var("KIOSQUE_WP_READER").unwrap_or_default();
    crate::wp_support::record(
        &format!("{ROOT}/wp/v2/users?context=edit"),
        "error-forbidden",
        Some(&reader),
    );
    crate::wp_support::record(&format!("{ROOT}/kiosque/v1/nothing-here"), "error-no-route", None);
}

#[test]
fn look_ups_never_route_to_a_malformed_or_foreign_path() {
    // A backend (or a proxy) answering a look-up with a slug that no route
    // can hold: not found, rather than `//evil.example` (another site).
    for slug in ["/evil.example", "%2F%2Fevil.example", "a b", "x\u{0}", ""] {
        let body = serde_json::json!({"id": 7, "slug": slug, "status": "publish"}).to_string();
        let s = source_with(Fixed(Ok(Fetched::new(body))));
        for marker in ["wp:page_id=7", "wp:p=7", "wp:cat=7", "wp:author=7"] {
            assert_eq!(
                block_on(s.resolve_legacy(marker)),
                Err(FetchError::NotFound),
                "{marker} {slug:?}"
            );
        }
    }
}
