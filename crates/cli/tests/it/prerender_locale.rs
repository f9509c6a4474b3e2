//! The interface language when `config.json` names none: the source's (an
//! export from WordPress writes the site's language into `site.json`), in
//! every prerendered page and in the SPA fallback, with the `<meta>` the app
//! starts from so that hydration speaks the same language.

use std::fs;

use crate::support::{dist, edit_json as edit, prerender, read};

const META: &str = "<meta name=\"kiosque-locale\" content=\"ar\"/>";

#[test]
fn without_a_configured_locale_the_source_language_is_used_and_announced() {
    let dist = dist("locale", kiosque_core::stamp::BUILD_ID);
    edit(&dist, "config.json", |c| {
        c["site"].as_object_mut().unwrap().remove("locale");
        // The home and a few articles are enough.
        c["prerender"] = serde_json::json!({ "latest": 2 });
    });
    edit(&dist, "api/site.json", |s| s["locale"] = "ar_MA".into());
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let home = read(&dist, "index.html");
    assert!(home.contains("<html lang=\"ar\" dir=\"rtl\""), "{}", &home[..300]);
    assert!(home.contains(META), "the app's start-up reads it");
    assert!(read(&dist, "shell.html").contains(META), "the SPA fallback too");

    // config.json's own locale wins, and then no meta is needed.
    edit(&dist, "config.json", |c| c["site"]["locale"] = "en".into());
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let home = read(&dist, "index.html");
    assert!(home.contains("<html lang=\"en\" dir=\"ltr\""), "{}", &home[..300]);
    assert!(!home.contains("kiosque-locale") && !read(&dist, "shell.html").contains("kiosque-locale"));
    let _ = fs::remove_dir_all(&dist);
}
