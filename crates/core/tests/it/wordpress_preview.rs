//! Editor previews on WordPress's answers recorded from the test WordPress
//! (`scripts/wordpress/record-preview.sh` into
//! `tests/fixtures/wordpress/preview/`): refusals become their preview
//! errors, and a draft or a published post's autosave maps to the article a
//! reader would see once it is published.

use std::path::PathBuf;

use kiosque_core::http::{check_answer, Answer};
use kiosque_core::model::{Article, Block, Inline};
use kiosque_core::routes::Route;
use kiosque_core::source::preview::PreviewError;
use kiosque_core::source::wordpress::map::{self, LinkContext};
use kiosque_core::source::wordpress::preview::{draft_post, read};
use serde_json::Value;

/// The recorded answer `<status>-<case>.json`, through the door's own check.
fn recorded(status: u16, case: &str) -> Answer {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress/preview");
    let body = std::fs::read_to_string(dir.join(format!("{status}-{case}.json"))).unwrap();
    check_answer(status, "application/json; charset=UTF-8", &body).unwrap()
}

fn article(post: &str, autosaves: Value) -> Article {
    let post = draft_post(read(recorded(200, post)).unwrap(), &autosaves).unwrap();
    map::article(&post, &LinkContext::from_home("http://127.0.0.1:8081"), 0, Vec::new()).unwrap()
}

fn paragraphs(a: &Article) -> Vec<String> {
    a.body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content } => Some(Inline::plain_text(content)),
            _ => None,
        })
        .collect()
}

#[test]
fn refusals_are_told_apart_by_status() {
    for case in ["wrong-password", "unknown-user", "no-login"] {
        assert_eq!(read(recorded(401, case)), Err(PreviewError::WrongCredentials), "{case}");
    }
    assert_eq!(read(recorded(403, "subscriber")), Err(PreviewError::Forbidden));
    assert_eq!(read(recorded(404, "missing")), Err(PreviewError::NotFound));
}

#[test]
fn a_draft_maps_like_a_published_article() {
    let a = article("draft", Value::Null);
    assert_eq!(a.slug, "apercu-brouillon-seed");
    assert_eq!(a.title, "Brouillon : le marché couvert rouvre ses portes");
    assert_eq!(a.category.slug, "zone-apercu");
    assert_eq!(a.authors.first().map(|p| p.name.as_str()), Some("Rédaction aperçu"));
    assert_eq!(
        paragraphs(&a),
        [
            "Un brouillon que seule la rédaction voit.",
            "Deuxième paragraphe, identique dans toutes les versions."
        ]
    );
    let pending = article("pending", Value::Null);
    assert_eq!(pending.title, "En attente : la régate des lycéens");
}

#[test]
fn a_published_post_shows_its_newer_autosave() {
    let autosaves = read(recorded(200, "autosaves")).unwrap();
    // The link Gutenberg's Preview button opens (`preview_link`, through
    // mu-plugins/kiosque-preview-link.php) is Kiosque's route for the post.
    let parent = autosaves[0]["parent"].as_u64().unwrap();
    let link = autosaves[0]["preview_link"].as_str().unwrap();
    assert!(link.ends_with(&Route::preview(parent).path()), "{link}");
    let a = article("published", autosaves.clone());
    assert_eq!(a.title, "Modifié : la bibliothèque ouvre aussi le dimanche");
    assert_eq!(
        paragraphs(&a).last().map(String::as_str),
        Some("Nouveau paragraphe ajouté dans la sauvegarde automatique.")
    );
    // An autosave older than the post is stale: the post shows as it is.
    let mut stale = autosaves;
    stale[0]["modified_gmt"] = "2019-01-01T00:00:00".into();
    let a = article("published", stale);
    assert_eq!(a.title, "Publié : la bibliothèque prolonge ses horaires");
    assert_eq!(paragraphs(&a).len(), 2);
}

#[test]
fn a_draft_without_a_slug_gets_one() {
    let mut post = read(recorded(200, "draft")).unwrap();
    post["slug"] = "".into();
    let p = draft_post(post.clone(), &Value::Null).unwrap();
    assert_eq!(p.slug, "brouillon-le-marche-couvert-rouvre-ses-portes");
    post["generated_slug"] = "".into();
    let p = draft_post(post, &Value::Null).unwrap();
    assert_eq!(p.slug, p.id.to_string());
}
