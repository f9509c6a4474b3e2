//! Issue #19's post-level cases through the prerender command: a multi-page
//! article writes one page per page (and page 1 links them), and a
//! password-protected article's text reaches no file of `dist/`.

use std::fs;
use std::path::Path;

use crate::support::{dist, prerender};

const PAGED: &str = "alger-jeunes-pousses-livraison-se-disputent-dernier-kilometre";
const PROTECTED: &str = "algerie-oasis-jeunes-agriculteurs-goutte-a-goutte";
const SECRET: &str = "zanzibarite";

fn edit(dist: &Path, slug: &str, change: impl Fn(&mut serde_json::Value)) {
    let file = dist.join(format!("api/articles/{slug}.json"));
    let mut a: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    change(&mut a);
    fs::write(&file, serde_json::to_string(&a).unwrap()).unwrap();
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn pages_are_written_and_protected_text_is_not() {
    let dist = dist("post-cases", kiosque_core::stamp::BUILD_ID);
    edit(&dist, PAGED, |a| a["page_starts"] = serde_json::json!([4, 8]));
    edit(&dist, PROTECTED, |a| {
        a["protected"] = true.into();
        a["standfirst"] = format!("Chapeau {SECRET}").into();
        a["body"] = serde_json::json!([{"type": "paragraph", "content": [{"type": "text", "text": SECRET}]}]);
    });
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("prerender.json")).unwrap()).unwrap();
    let pages = manifest["pages"].as_object().unwrap();
    for n in ["", "/2", "/3"] {
        let route = format!("/article/{PAGED}{n}");
        let html = fs::read_to_string(dist.join(pages[&route]["html"].as_str().unwrap())).unwrap();
        assert!(
            html.contains(&format!(
                "<link href=\"https://news.example{route}\" rel=\"canonical\">"
            )),
            "{route}: its own canonical"
        );
        assert!(html.contains("class=\"article-pages\""), "{route}: page links");
    }
    assert!(!pages.contains_key(&format!("/article/{PAGED}/4")));

    let mut all = Vec::new();
    files(&dist, &mut all);
    let source = dist.join(format!("api/articles/{PROTECTED}.json"));
    for f in all.iter().filter(|f| **f != source) {
        let text = String::from_utf8_lossy(&fs::read(f).unwrap()).to_string();
        assert!(!text.contains(SECRET), "{} carries the protected text", f.display());
    }
    let html =
        fs::read_to_string(dist.join(pages[&format!("/article/{PROTECTED}")]["html"].as_str().unwrap())).unwrap();
    assert!(html.contains("class=\"article__protected\""), "the protected message");

    // A second run renders nothing again and keeps pages 2 and 3.
    let (ok, report) = prerender(&dist);
    assert!(ok, "{report}");
    let again: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("prerender.json")).unwrap()).unwrap();
    assert!(
        again["pages"]
            .as_object()
            .unwrap()
            .contains_key(&format!("/article/{PAGED}/3")),
        "{report}"
    );
    assert!(report.contains(" 0 deleted"), "{report}");
    let _ = fs::remove_dir_all(&dist);
}
