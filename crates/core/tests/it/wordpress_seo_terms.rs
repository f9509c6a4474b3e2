//! SEO-plugin heads of listings and pages (issue 20 item 1), against answers
//! recorded from the test WordPress (scripts/wordpress/seed-seo-terms.php
//! through mu-plugins/kiosque-seo-emulation.php) into
//! `fixtures/wordpress/seo-terms/` (`KIOSQUE_WP_RECORD=seo-terms cargo test
//! -p kiosque-core --test it wordpress_seo_terms::`).
#![cfg(feature = "wordpress-source")]

use crate::wp_support::{answer, block_on, fixture_in, record, recording_seo_terms, source_with, SEO_TERMS};
use kiosque_core::http::{FetchError, Fetched};
use kiosque_core::model::{Listing, SeoHead};
use kiosque_core::source::wordpress::Transport;
use kiosque_core::source::ListingRequest;

/// Every answer from `seo-terms/`.
struct SeoTerms;

impl Transport for SeoTerms {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        let name = fixture_in(SEO_TERMS, url);
        if recording_seo_terms() {
            record(url, &name, None);
        }
        answer(&name)
    }
}

fn listing(list: ListingRequest) -> Listing {
    block_on(source_with(SeoTerms).listing(&list, 1)).unwrap()
}

fn seo(l: &Listing) -> &SeoHead {
    l.seo.as_deref().expect("a plugin head")
}

#[test]
fn a_categorys_yoast_head() {
    let l = listing(ListingRequest::Category("referencement".into()));
    let h = seo(&l);
    assert_eq!(
        h.title.as_deref(),
        Some("Référencement : nos fiches pratiques | Édition test")
    );
    assert_eq!(
        h.description.as_deref(),
        Some("Toutes les fiches pratiques de la rédaction sur le référencement.")
    );
    assert_eq!(h.og_title.as_deref(), Some("Les fiches référencement"));
    // WordPress's nested category link becomes Kiosque's category route.
    assert_eq!(h.canonical.as_deref(), Some("/category/referencement"));
    assert!(!h.noindex);
    let types: Vec<&str> = h.schema.iter().filter_map(|n| n["@type"].as_str()).collect();
    assert_eq!(types, ["CollectionPage", "BreadcrumbList", "WebSite"]);
    assert_eq!(h.schema[0]["url"], "/category/referencement");
}

#[test]
fn a_noindex_tag_and_a_rank_math_tag() {
    let hidden = listing(ListingRequest::Tag("seo-etiquette-cachee".into()));
    assert!(seo(&hidden).noindex && !seo(&hidden).nofollow);
    assert_eq!(seo(&hidden).canonical.as_deref(), Some("/tag/seo-etiquette-cachee"));

    let rank = listing(ListingRequest::Tag("seo-etiquette-rank-math".into()));
    let h = seo(&rank);
    assert_eq!(h.title.as_deref(), Some("Étiquette décrite par Rank Math"));
    assert_eq!(h.description.as_deref(), Some("Description Rank Math de l’étiquette."));
    assert_eq!(h.canonical.as_deref(), Some("/tag/seo-etiquette-rank-math"));
}

#[test]
fn an_authors_yoast_head() {
    let l = listing(ListingRequest::Author("redaction-seo".into()));
    let h = seo(&l);
    assert_eq!(
        h.title.as_deref(),
        Some("Rédaction SEO, auteur de fiches | Édition test")
    );
    assert_eq!(h.canonical.as_deref(), Some("/author/redaction-seo"));
    assert_eq!(h.schema[0]["@type"], "ProfilePage");
}

#[test]
fn a_pages_rank_math_head() {
    let p = block_on(source_with(SeoTerms).page("seo-page-rank-math")).unwrap();
    let h = p.seo.expect("Rank Math's head");
    assert_eq!(h.title.as_deref(), Some("Page Rank Math choisie par la rédaction"));
    assert_eq!(h.description.as_deref(), Some("Description Rank Math de la page."));
    // Its schema graph, for the page's JSON-LD (src/pages/slug.rs).
    let types: Vec<&str> = h.schema.iter().filter_map(|n| n["@type"].as_str()).collect();
    assert_eq!(types, ["WebPage", "Article", "WebSite"]);
    assert_eq!(h.schema[0]["@id"], "/seo-page-rank-math");
}

#[test]
fn without_a_plugin_a_listing_keeps_its_own_head() {
    // The category holding the comments' test posts has no SEO meta.
    let l = listing(ListingRequest::Category("zone-commentaires".into()));
    assert_eq!(l.seo, None);
}

#[test]
fn a_failing_plugin_request_leaves_the_listing_whole() {
    struct NoSeo;
    impl Transport for NoSeo {
        fn get(&self, url: &str) -> Result<Fetched, FetchError> {
            if url.contains("yoast_head_json") {
                return Err(FetchError::Status(500));
            }
            SeoTerms.get(url)
        }
    }
    let l = block_on(source_with(NoSeo).listing(&ListingRequest::Category("referencement".into()), 1)).unwrap();
    assert_eq!(l.seo, None);
    assert!(!l.articles.is_empty());
}
