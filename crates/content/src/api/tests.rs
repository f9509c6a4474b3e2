use super::*;
use crate::sources;
use kiosque_core::model::Listing;
use std::path::PathBuf;

fn write(root: &std::path::Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn article(cat: &str, tags: &str, published: &str, extra: &str) -> String {
    format!(
        "+++\ntitle = \"Titre {published}\"\nstandfirst = \"Chapeau.\"\ncategory = \"{cat}\"\ntags = [{tags}]\n\
         authors = [\"ana\"]\npublished = \"{published}\"\n{extra}\n[image]\nmotif = \"coast\"\nalt = \"Une côte\"\n+++\n\
         Un texte **court** sur l’économie.\n\n![Des dunes](motif:desert \"Le soir — Illustration\")\n\n[lien](/article/a)\n"
    )
}

/// A small newsroom: 3 articles in 2 of 3 categories, one featured.
fn fixture() -> PathBuf {
    let root = std::env::temp_dir().join(format!("kiosque-content-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    write(
        &root,
        "site.toml",
        "name = \"Test\"\nper_page = 2\nlatest_count = 5\n\
         [[categories]]\nslug = \"maghreb\"\nname = \"Maghreb\"\ndescription = \"Desc\"\n\
         [[categories]]\nslug = \"economie\"\nname = \"Économie\"\n\
         [[categories]]\nslug = \"culture\"\nname = \"Culture\"\n",
    );
    write(
        &root,
        "authors/ana.md",
        "+++\nname = \"Ana B\"\nrole = \"Cheffe\"\n+++\nUne **bio**.\n\nDeux.\n",
    );
    write(
        &root,
        "articles/a.md",
        &article(
            "maghreb",
            "\"Eau\", \"Énergie\"",
            "2026-10-01T08:00:00+01:00",
            "views = 10",
        ),
    );
    write(
        &root,
        "articles/b.md",
        &article(
            "economie",
            "\"Énergie\"",
            "2026-10-02T08:00:00+01:00",
            "views = 30\nfeatured = true",
        ),
    );
    write(
        &root,
        "articles/c.md",
        &article("maghreb", "\"eau\"", "2026-10-03T08:00:00+01:00", "views = 20"),
    );
    write(&root, "pages/a-propos.md", "+++\ntitle = \"À propos\"\n+++\nBonjour.\n");
    root
}

fn get<T: serde::de::DeserializeOwned>(b: &Built, path: &str) -> T {
    serde_json::from_slice(b.files.get(path).unwrap_or_else(|| panic!("{path} missing"))).unwrap()
}

#[test]
fn builds_a_complete_api_from_sources() {
    let root = fixture();
    let (src, errors) = sources::load(&root);
    assert!(errors.is_empty(), "{errors:?}");
    let b = build(&src.unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
    let home: Home = get(&b, "api/home.json");
    assert_eq!(home.lead.as_ref().unwrap().slug, "b");
    assert_eq!(home.sections.len(), 3);
    assert_eq!(
        home.sections[0]
            .articles
            .iter()
            .map(|a| a.slug.as_str())
            .collect::<Vec<_>>(),
        ["c", "a"]
    );
    assert!(home.sections[1].articles.is_empty());
    assert_eq!(
        home.latest.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(),
        ["c", "a"]
    );
    // The home archive: the lead is on the home, page 1 is the home's
    // latest block (see archive.rs for the later pages).
    let l1: Listing = get(&b, "api/latest/page/1.json");
    assert_eq!((l1.page, l1.total_pages, l1.total, l1.articles.len()), (1, 1, 2, 2));
    assert!(l1.articles.iter().all(|a| a.slug != "b"));
    assert!(!b.files.contains_key("api/latest/page/2.json"));
    let index: kiosque_core::model::ArchiveIndex = get(&b, "api/archive/index.json");
    assert_eq!(index.categories.len(), 3);
    assert!(index
        .tags
        .iter()
        .any(|t| t.slug == "eau" && t.total == 2 && t.total_pages == Some(1)));
    let stubs: kiosque_core::model::ArticleIndexPage = get(&b, "api/archive/articles/page/1.json");
    assert_eq!(stubs.articles.len(), 3, "every article, the lead too");
    let empty: Listing = get(&b, "api/categories/culture/page/1.json");
    assert_eq!((empty.total_pages, empty.total), (1, 0));
    let cat: Listing = get(&b, "api/categories/maghreb/page/1.json");
    assert!(matches!(cat.kind, ListingKind::Category { ref description, .. } if description == "Desc"));
    // "Eau" and "eau" are one tag; the most used spelling wins the tie by order.
    let eau: Listing = get(&b, "api/tags/eau/page/1.json");
    assert_eq!(eau.total, 2);
    let energie: Listing = get(&b, "api/tags/energie/page/1.json");
    assert!(matches!(energie.kind, ListingKind::Tag { ref tag, .. } if tag.name == "Énergie"));
    let author: Listing = get(&b, "api/authors/ana/page/1.json");
    match author.kind {
        ListingKind::Author { author } => {
            assert_eq!(author.bio, "Une bio.\n\nDeux.");
            assert_eq!(author.avatar.unwrap().url, "/media/authors/ana-256.jpg");
        }
        k => panic!("{k:?}"),
    }
    let a: Article = get(&b, "api/articles/a.json");
    assert_eq!(a.reading_minutes, 1);
    let related: Vec<&str> = a.related.iter().map(|r| r.slug.as_str()).collect();
    assert_eq!(related, ["c", "b"]);
    assert_eq!(a.image.as_ref().unwrap().url, "/media/a-1200.jpg");
    let fig = a.body.iter().find_map(|b| match b {
        Block::Figure { image, .. } => Some(image.clone()),
        _ => None,
    });
    let fig = fig.expect("a figure block");
    assert_eq!(fig.url, "/media/fig/a-1-1200.jpg");
    assert_eq!(
        (fig.caption.as_deref(), fig.credit.as_deref()),
        (Some("Le soir"), Some("Illustration"))
    );
    assert_eq!(fig.sources.len(), 3);
    let most: MostRead = get(&b, "api/most-read.json");
    assert_eq!(
        most.articles.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(),
        ["b", "c", "a"]
    );
    let index = kiosque_core::source::search::MemoryIndex::new(
        b.files
            .iter()
            .filter_map(|(p, f)| Some((p.strip_prefix("api/")?.to_string(), f.clone()))),
    );
    let found = index.search("eco", 1, 10).expect("the index reads back");
    assert_eq!(found.hits[0].0.slug, "b");
    // Every test article has the same body: found by a body word, at the body's score.
    let court = index.search("court", 1, 10).expect("the index reads back");
    assert_eq!(court.total, 3);
    assert!(court.hits.iter().all(|(_, score)| *score == 4));
    let page: StaticPage = get(&b, "api/pages/a-propos.json");
    assert_eq!(page.title, "À propos");
    // 3 lead images, 3 figures, 1 portrait.
    assert_eq!(b.assets.len(), 7);
    // Every file is pretty JSON with a trailing newline; the build is repeatable.
    assert!(b.files.values().all(|f| f.ends_with(b"}\n")));
    let again = build(&sources::load(&root).0.unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(again.files, b.files);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn reading_time_rounds_up_with_a_minimum_of_one() {
    assert_eq!(reading_minutes(""), 1);
    assert_eq!(reading_minutes(&"mot ".repeat(220)), 1);
    assert_eq!(reading_minutes(&"mot ".repeat(221)), 2);
    assert_eq!(reading_minutes(&format!("{} — « »", "mot ".repeat(440))), 2);
}
