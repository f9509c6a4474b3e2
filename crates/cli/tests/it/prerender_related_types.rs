//! A custom type's items in the "Vous aimerez aussi" rails (`post_types[].in_related`),
//! through the prerender command on the demo API: its static files rank the
//! `videos` items with the articles, marked with their type; with
//! `in_related: true` an article's rail links to the video at `/video/<slug>`
//! and the video's own page has a rail of articles, with `false` (the demo's
//! config) neither.

use std::fs;

use crate::support::{dist, edit_json, page_html, prerender};
use serde_json::Value;

/// An article whose related list in the demo API holds this video.
const ARTICLE: &str = "exposition-six-photographes-paysages-cote-a-cote";
const VIDEO: &str = "festival-gnaoua-essaouira-repetition-generale";

/// The rail's part of a page (empty without one).
fn rail(html: &str) -> &str {
    html.find("class=\"rail\"").map_or("", |i| {
        &html[i..i + html[i..].find("</section>").unwrap_or(html.len() - i)]
    })
}

fn rails(in_related: bool) -> (String, String) {
    let dist = dist(&format!("related-types-{in_related}"), kiosque_core::stamp::BUILD_ID);
    edit_json(&dist, "config.json", |c| {
        c["post_types"][0]["in_related"] = Value::Bool(in_related)
    });
    let (ok, out) = prerender(&dist);
    assert!(ok, "{out}");
    let out = (
        rail(&page_html(&dist, &format!("/article/{ARTICLE}"))).to_string(),
        rail(&page_html(&dist, &format!("/video/{VIDEO}"))).to_string(),
    );
    let _ = fs::remove_dir_all(&dist);
    out
}

#[test]
fn an_allowed_type_s_items_share_the_rails_with_articles() {
    let (article, video) = rails(true);
    assert!(article.contains(&format!("href=\"/video/{VIDEO}\"")), "{article}");
    assert!(!article.contains(&format!("href=\"/article/{VIDEO}\"")), "{article}");
    assert!(video.contains("href=\"/article/"), "the item's own rail: {video}");
    assert!(!video.contains(&format!("href=\"/video/{VIDEO}\"")), "never itself");
}

#[test]
fn a_type_not_allowed_never_shows_in_a_rail() {
    let (article, video) = rails(false);
    assert!(article.contains("href=\"/article/"), "the rail is there: {article}");
    assert!(!article.contains("/video/"), "{article}");
    assert!(video.is_empty(), "no rail on the item's page: {video}");
}
