//! Issue #19's site structure through the WordPress adapter: nested
//! categories and pages, empty categories, Arabic slugs, HTML in term
//! descriptions and biographies; on answers recorded from the test
//! WordPress's `seed-structure.php` into `tests/fixtures/wordpress/structure/`
//! (record with `KIOSQUE_WP_RECORD=1`; `scripts/wordpress/record.sh` does it).

use crate::wp_support::{block_on, source_with, Recorded};
use kiosque_core::http::FetchError;
use kiosque_core::model::{CategoryRef, Listing, ListingKind, PageRef, StaticPage};
use kiosque_core::source::ListingRequest;

/// The recorded answers of this file live in their own directory.
const STRUCTURE: Recorded = Recorded("structure/");

fn category(slug: &str) -> Listing {
    block_on(source_with(STRUCTURE).listing(&ListingRequest::Category(slug.into()), 1))
        .unwrap_or_else(|e| panic!("{slug}: {e:?}"))
}

fn family(l: &Listing) -> (Vec<&str>, Vec<&str>) {
    let ListingKind::Category { parents, children, .. } = &l.kind else {
        panic!("not a category: {:?}", l.kind)
    };
    (slugs(parents), slugs(children))
}

fn slugs(v: &[CategoryRef]) -> Vec<&str> {
    v.iter().map(|c| c.slug.as_str()).collect()
}

fn page(slug: &str) -> StaticPage {
    block_on(source_with(STRUCTURE).page(slug)).unwrap_or_else(|e| panic!("{slug}: {e:?}"))
}

fn titles(v: &[PageRef]) -> Vec<&str> {
    v.iter().map(|p| p.title.as_str()).collect()
}

#[test]
fn the_deepest_category_knows_its_parents_top_first() {
    let l = category("structure-epigenetique");
    let (parents, children) = family(&l);
    assert_eq!(parents, ["monde", "structure-sciences", "structure-genetique"]);
    assert!(children.is_empty(), "{children:?}");
    assert_eq!(l.articles.len(), 2);
}

#[test]
fn a_parent_without_posts_of_its_own_lists_its_children() {
    let l = category("structure-sciences");
    let (parents, children) = family(&l);
    assert_eq!(parents, ["monde"]);
    assert_eq!(children, ["structure-genetique"]);
    assert!(l.articles.is_empty());
    assert_eq!((l.page, l.total_pages), (1, 1));
}

#[test]
fn an_articles_breadcrumb_has_its_categorys_parents() {
    let a = block_on(source_with(STRUCTURE).article("structure-memoire-des-cellules")).unwrap();
    assert_eq!(a.category.slug, "structure-epigenetique");
    let parents: Vec<&str> = a.category_parents.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(parents, ["Monde", "Sciences", "Génétique"]);
}

#[test]
fn empty_categories_are_left_out_but_parents_of_full_ones_kept() {
    let s = source_with(STRUCTURE);
    let site = block_on(s.site()).unwrap();
    let nav: Vec<&str> = site.nav.iter().map(|n| n.slug.as_str()).collect();
    assert!(nav.contains(&"monde"), "{nav:?}");
    assert!(
        !nav.contains(&"uncategorized") && !nav.contains(&"structure-vide"),
        "{nav:?}"
    );
    let archive = block_on(s.archive()).unwrap();
    let cats: Vec<&str> = archive.categories.iter().map(|c| c.slug.as_str()).collect();
    for kept in [
        "structure-sciences",
        "structure-genetique",
        "structure-epigenetique",
        "ثقافة-عربية",
    ] {
        assert!(cats.contains(&kept), "{kept} not in {cats:?}");
    }
    for empty in ["uncategorized", "structure-vide"] {
        assert!(!cats.contains(&empty), "{empty} in {cats:?}");
    }
}

#[test]
fn a_description_with_html_is_text_without_its_hostile_markup() {
    let l = category("structure-genetique");
    let ListingKind::Category { description, .. } = &l.kind else {
        panic!()
    };
    assert!(description.contains("La génétique étudie l’hérédité"), "{description}");
    assert!(
        !description.contains('<') && !description.contains("onerror"),
        "{description}"
    );
}

#[test]
fn a_child_page_has_its_parents_and_a_parent_its_children_in_menu_order() {
    let guide = page("structure-guide");
    assert!(guide.parents.is_empty());
    assert_eq!(titles(&guide.children), ["Archives", "Abonnement"]);
    let archives = page("structure-archives");
    assert_eq!(titles(&archives.parents), ["Guide du lecteur"]);
    assert_eq!(titles(&archives.children), ["Anciens numéros"]);
    let leaf = page("structure-anciens-numeros");
    assert_eq!(titles(&leaf.parents), ["Guide du lecteur", "Archives"]);
    assert_eq!(leaf.parents[0].slug, "structure-guide");
    assert!(leaf.children.is_empty());
}

#[test]
fn arabic_slugs_are_read_decoded() {
    let l = category("ثقافة-عربية");
    let ListingKind::Category { category, parents, .. } = &l.kind else {
        panic!()
    };
    assert_eq!(category.slug, "ثقافة-عربية");
    assert_eq!(parents.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(), ["monde"]);
    assert_eq!(l.articles[0].category.slug, "ثقافة-عربية");
    let p = page("من-نحن");
    assert_eq!(p.slug, "من-نحن");
    assert_eq!(p.title, "من نحن");
}

fn about_text(about: &[kiosque_core::model::Block]) -> String {
    kiosque_core::source::search::blocks_text(about)
}

#[test]
fn html_descriptions_and_biographies_become_blocks_without_hostile_markup() {
    let l = category("structure-genetique");
    let ListingKind::Category { about, .. } = &l.kind else {
        panic!()
    };
    let text = about_text(about);
    assert!(text.contains("La génétique étudie l’hérédité"), "{text}");
    let json = serde_json::to_string(about).unwrap();
    assert!(
        json.contains("\"strong\"") || json.contains("Strong"),
        "emphasis kept: {json}"
    );
    assert!(json.contains("fr.wikipedia.org"), "the link kept: {json}");
    assert!(!json.contains("onerror") && !json.contains("__xss"), "{json}");

    let s = source_with(STRUCTURE);
    let tag = block_on(s.listing(&ListingRequest::Tag("structure-adn".into()), 1)).unwrap();
    let ListingKind::Tag { about, .. } = &tag.kind else {
        panic!()
    };
    assert!(about_text(about).contains("porte l’information génétique"));

    let author = block_on(s.listing(&ListingRequest::Author("structure-auteur".into()), 1)).unwrap();
    let ListingKind::Author { author } = &author.kind else {
        panic!()
    };
    assert!(about_text(&author.about).contains("Biologiste et journaliste"));
    assert!(!author.bio.contains('<'), "{}", author.bio);
    let json = serde_json::to_string(&author.about).unwrap();
    assert!(!json.contains("onerror") && !json.contains("__xss"), "{json}");
}

#[test]
fn an_author_without_posts_has_no_page() {
    let s = source_with(STRUCTURE);
    let missing = block_on(s.listing(&ListingRequest::Author("structure-sans-articles".into()), 1));
    assert_eq!(missing, Err(FetchError::NotFound));
    let archive = block_on(s.archive()).unwrap();
    assert!(archive.authors.iter().all(|a| a.slug != "structure-sans-articles"));
    assert!(archive.authors.iter().any(|a| a.slug == "structure-auteur"));
}
