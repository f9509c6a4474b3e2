//! Incremental runs: a page is rendered again only when something it read
//! changed (or the run's fingerprint did, or its file is gone); every other
//! page is left as it is without being rendered.

use std::fs;

use crate::support::{dist, prerender};

/// The "N rendered, M not rendered" counts of a run's report.
fn counts(report: &str) -> (usize, usize) {
    let line = report
        .lines()
        .find(|l| l.contains(" not rendered "))
        .unwrap_or_else(|| panic!("{report}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (numbers[0], numbers[1])
}

#[test]
fn only_pages_whose_inputs_changed_are_rendered() {
    let dist = dist("incremental", kiosque_core::stamp::BUILD_ID);
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let (all, none) = counts(&report);
    assert!(all > 100 && none == 0, "{report}");

    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    assert_eq!(counts(&report), (0, all), "nothing changed: nothing rendered");

    // One article's file changes: its page (and only pages that read that
    // file) are rendered again, and show the change.
    let articles = dist.join("api/articles");
    let file = fs::read_dir(&articles).unwrap().next().unwrap().unwrap().path();
    let slug = file.file_stem().unwrap().to_string_lossy().to_string();
    let mut article: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    article["title"] = "Un titre tout neuf".into();
    fs::write(&file, article.to_string()).unwrap();
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let (rendered, reused) = counts(&report);
    assert!((1..=5).contains(&rendered) && rendered + reused == all, "{report}");
    assert!(report.contains(&format!("wrote    /article/{slug}")), "{report}");
    let page = fs::read_to_string(dist.join(format!("article/{slug}/index.html"))).unwrap();
    assert!(page.contains("Un titre tout neuf"));

    // A page file removed by hand is written again.
    fs::remove_file(dist.join(format!("article/{slug}/index.html"))).unwrap();
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    assert_eq!(counts(&report), (1, all - 1), "{report}");
    assert!(dist.join(format!("article/{slug}/index.html")).exists());

    // The config is part of every page: all of them are rendered.
    let config = fs::read_to_string(dist.join("config.json")).unwrap();
    fs::write(
        dist.join("config.json"),
        config.replace("Kiosque Actu", "Kiosque Actu Plus"),
    )
    .unwrap();
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    assert_eq!(counts(&report), (all, 0), "{report}");
    fs::remove_dir_all(dist).unwrap();
}
