//! The site's date format (issue #19, item 5): WordPress's, carried by an
//! export in `site.json`, or `config.json`'s `site.date_format`, writes every
//! prerendered date (cards, the article's line) and, when it is the
//! source's, is announced in a `<meta>` the app starts from so that the
//! hydrated dates are the same bytes.

use std::fs;

use crate::support::{dist, edit_json as edit, prerender, read};
use serde_json::Value;

/// The texts of the home's card dates.
fn card_dates(html: &str) -> Vec<String> {
    html.split("class=\"card__date\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('>')?.1.split('<').next().map(str::to_string))
        .collect()
}

/// `dd/mm/yyyy` (with `sep`) or, with `year_first`, `yyyy-mm-dd`.
fn is_numeric_date(s: &str, sep: char, year_first: bool) -> bool {
    let parts: Vec<&str> = s.split(sep).collect();
    let widths: &[usize] = if year_first { &[4, 2, 2] } else { &[2, 2, 4] };
    parts.len() == 3
        && parts
            .iter()
            .zip(widths)
            .all(|(p, w)| p.len() == *w && p.chars().all(|c| c.is_ascii_digit()))
}

const META: &str = "<meta name=\"kiosque-date-format\" content=\"d/m/Y\"/>";

#[test]
fn the_source_or_configured_date_format_writes_the_dates() {
    let dist = dist("datefmt", kiosque_core::stamp::BUILD_ID);
    edit(&dist, "config.json", |c| {
        c["prerender"] = serde_json::json!({ "latest": 2 });
    });
    edit(&dist, "api/site.json", |s| s["date_format"] = "d/m/Y".into());
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let home = read(&dist, "index.html");
    let dates = card_dates(&home);
    assert!(dates.len() > 3, "{dates:?}");
    assert!(dates.iter().all(|d| is_numeric_date(d, '/', false)), "{dates:?}");
    assert!(home.contains(META), "the app's start-up reads it");
    assert!(read(&dist, "shell.html").contains(META), "the SPA fallback too");
    let manifest: Value = serde_json::from_str(&read(&dist, "prerender.json")).unwrap();
    let article = manifest["pages"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(route, _)| route.starts_with("/article/"))
        .map(|(_, files)| read(&dist, files["html"].as_str().unwrap()))
        .unwrap();
    let line = article.split("Publié le ").nth(1).unwrap();
    assert!(is_numeric_date(&line[..10], '/', false), "{}", &line[..40]);

    // config.json's own format wins, and then no meta is needed.
    edit(&dist, "config.json", |c| c["site"]["date_format"] = "Y-m-d".into());
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let home = read(&dist, "index.html");
    let dates = card_dates(&home);
    assert!(dates.iter().all(|d| is_numeric_date(d, '-', true)), "{dates:?}");
    assert!(!home.contains("kiosque-date-format") && !read(&dist, "shell.html").contains("kiosque-date-format"));
    let _ = fs::remove_dir_all(&dist);
}
