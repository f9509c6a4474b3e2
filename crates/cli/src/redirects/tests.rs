use std::fs;
use std::path::PathBuf;

use kiosque_core::model::Timestamp;
use kiosque_core::routes::Route;
use kiosque_core::source::wordpress::links::{classify, Target};

use super::*;

fn post(slug: &str, date: &str, id: Option<u64>) -> OldPost {
    OldPost::new(slug, &Timestamp::parse(date).unwrap(), id)
}

/// A site moved from WordPress: IDs everywhere, a page, and slugs that
/// collide with a page or a Kiosque route.
pub fn legacy() -> Legacy {
    Legacy {
        posts: vec![
            post("un-article", "2026-11-28T00:30:00+01:00", Some(12)),
            post("ancien", "2019-03-04T10:00:00Z", Some(7)),
            post("a-propos", "2026-01-01T10:00:00Z", None),
            post("search", "2026-01-01T10:00:00Z", None),
            post("économie", "2025-05-06T10:00:00Z", Some(13)),
        ],
        pages: vec![("a-propos".into(), Some(2))],
        categories: vec![("sport".into(), 4)],
        authors: vec![("k-o".into(), 3)],
        paths: Vec::new(),
    }
}

/// The same, with hostile strings where a slug is expected.
fn hostile() -> Legacy {
    let bad = [
        "x\" ; return 302 http://evil;",
        "x y",
        "$host",
        "a}b",
        "a\nb",
        "a\r\n/evil  /x  200!",
        "<script>",
        "a#b",
        "a&b",
        "..",
        "a/../b",
    ];
    Legacy {
        posts: bad.iter().map(|s| post(s, "2026-11-28T10:00:00Z", Some(9))).collect(),
        pages: vec![("p\"a".into(), Some(5))],
        categories: vec![("c x".into(), 6)],
        authors: vec![("a;b".into(), 8)],
        paths: bad
            .iter()
            .map(|s| (format!("/guide/{s}"), Route::page("guide")))
            .collect(),
    }
}

fn temp_dist(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kiosque-redirects-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn old_forms_point_at_kiosque_routes() {
    let r = Redirects::of(&legacy());
    let postname: Vec<&str> = r.postname.iter().map(|(f, _)| f.as_str()).collect();
    // `/a-propos` is a page, `/search` a Kiosque route: neither is taken.
    // Percent-encoded, as `Route::path` writes every path.
    assert_eq!(postname, ["/un-article", "/ancien", "/%C3%A9conomie"]);
    assert_eq!(r.postname[0].1, Route::article("un-article"));
    assert_eq!(r.dated[0].0, "/2026/11/28/un-article/", "the local date");
    for (old, to) in &r.dated {
        // What the browser's mapping reads from the same URL.
        let Some(Target::Article(slug)) = classify(old, "") else {
            panic!("{old}")
        };
        assert_eq!(&Route::article(slug), to);
    }
    let ids: Vec<(&str, u64, String)> = r.by_id.iter().map(|e| (e.key, e.id, e.to.path())).collect();
    assert_eq!(
        ids,
        [
            ("p", 12, "/article/un-article".to_string()),
            ("p", 7, "/article/ancien".into()),
            ("p", 13, "/article/%C3%A9conomie".into()),
            ("page_id", 2, "/a-propos".into()),
            ("cat", 4, "/category/sport".into()),
            ("author", 3, "/author/k-o".into()),
        ]
    );
    // Each key is the one WordPress reads.
    for (key, target) in [("p", Target::PostId(1, 1)), ("page_id", Target::PageId(1))] {
        assert_eq!(classify("/", &format!("{key}=1")), Some(target));
    }
    assert_eq!(classify("/", "cat=1"), Some(Target::CategoryId(1, 1)));
    assert_eq!(classify("/", "author=1"), Some(Target::AuthorId(1, 1)));
    assert_eq!(r.refused, 0);
}

#[test]
fn unsafe_paths_are_refused() {
    assert!(is_safe_path("/2026/11/28/économie/"));
    for bad in [
        "x", "/a b", "/a\"b", "/$x", "/a;b", "/a{b", "/a#b", "/a&b", "/a/../b", "//x", "/a\nb", "/<a>",
    ] {
        assert!(!is_safe_path(bad), "{bad:?}");
    }
    let r = Redirects::of(&hostile());
    assert!(r.postname.is_empty() && r.dated.is_empty() && r.by_id.is_empty());
    assert!(r.refused > 0);
}

/// Every line of the nginx file is a comment, a directive, a map head, a
/// `"key" "value";` pair or a closing brace: nothing else can be read.
fn nginx_lines_are_well_formed(text: &str) {
    let pair = |l: &str| {
        let l = l.trim();
        let Some(body) = l.strip_suffix(';') else { return false };
        let parts: Vec<&str> = body.split(' ').collect();
        let quoted =
            |s: &str| s.len() >= 2 && s.starts_with('"') && s.ends_with('"') && !s[1..s.len() - 1].contains('"');
        match parts.as_slice() {
            ["default", v] => v.starts_with('$') || *v == "0" || *v == "\"\"",
            [k, v] => quoted(k) && (quoted(v) || v.bytes().all(|b| b.is_ascii_digit())),
            _ => false,
        }
    };
    for line in text.lines() {
        let ok = line.is_empty()
            || line.starts_with('#')
            || line == "}"
            || (line.starts_with("map ") && line.ends_with(" {"))
            || line.starts_with("map_hash_")
            || pair(line);
        assert!(ok, "unexpected nginx line: {line:?}");
    }
}

#[test]
fn the_nginx_maps() {
    let mut out = Vec::new();
    nginx::render(&mut out, "/news", &Redirects::of(&legacy())).unwrap();
    let text = String::from_utf8(out).unwrap();
    nginx_lines_are_well_formed(&text);
    for line in [
        "    \"/news/\" 1;",
        "    \"/news/index.php\" 1;",
        "map \"$kiosque_wp_front:$arg_p\" $kiosque_redirect {",
        "    \"1:12\" \"/news/article/un-article\";",
        "    \"1:13\" \"/news/article/%C3%A9conomie\";",
        "    \"1:2\" \"/news/a-propos\";",
        "    \"1:4:\" \"/news/category/sport\";",
        "    \"1:3:\" \"/news/author/k-o\";",
        // `$uri` is decoded: the key is too; the Location is encoded.
        "    \"/news/économie/\" \"/news/article/%C3%A9conomie\";",
        "    \"/news/un-article\" \"/news/article/un-article\";",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
    assert!(text.contains("\"~^/news/[0-9]{4}/[0-9]{2}/[0-9]{2}/(?<kiosque_slug>"));
    // A split post's part keeps its number (tried with nginx 1.22: `/…/slug/2/`
    // → `/article/slug/2`, `/…/slug/1/` → `/article/slug`, `/…/slug/0/` → 404).
    assert!(text.contains(
        "(?<kiosque_part>/(?:[2-9]|[1-9][0-9]+))?(?:/1)?/?(?:\\?.*)?$\" \"/news/article/$kiosque_slug$kiosque_part\";"
    ));
    assert!(!text.contains("\"/news/search\""), "a Kiosque route");
    assert!(!text.contains("\"/news/a-propos\" \"/news/article"), "a page");

    let mut out = Vec::new();
    nginx::render(&mut out, "", &Redirects::of(&hostile())).unwrap();
    let text = String::from_utf8(out).unwrap();
    nginx_lines_are_well_formed(&text);
    for evil in ["evil", "$host", "<script>", "a;b", "c x"] {
        assert!(!text.contains(evil), "{evil} in\n{text}");
    }
}

const KIT: &str = "# kit\n/api/*  /404.html  404\n/old-promo  /tag/promo  301\n\n/*  /shell.html  200\n";

#[test]
fn the_netlify_block_keeps_the_other_rules() {
    let dist = temp_dist("netlify");
    fs::write(dist.join("_redirects"), KIT).unwrap();
    let r = Redirects::of(&legacy());
    assert!(netlify::write(&dist, "", &r).unwrap());
    let text = fs::read_to_string(dist.join("_redirects")).unwrap();
    let block = |t: &str| t.find(netlify::BEGIN).unwrap();
    assert!(text.starts_with("# kit\n/api/*  /404.html  404\n/old-promo  /tag/promo  301\n\n"));
    assert!(
        text.ends_with(&format!("{}\n/*  /shell.html  200\n", netlify::END)),
        "before the catch-all"
    );
    for line in [
        "/2026/:month/:day/:slug  /article/:slug  301!",
        "/2019/:month/:day/:slug  /article/:slug  301!",
        "/  p=12  /article/un-article  301!",
        "/index.php  p=12  /article/un-article  301!",
        "/  cat=4  /category/sport  301!",
        "/%C3%A9conomie  /article/%C3%A9conomie  301!",
        "/ancien  /article/ancien  301!",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
    assert!(!netlify::write(&dist, "", &r).unwrap(), "unchanged: not rewritten");
    // A publisher's line added after the block, and fewer articles: the
    // block is replaced in place, the line kept.
    fs::write(
        dist.join("_redirects"),
        text.replace("/*  /shell", "/mine  /x  302\n/*  /shell"),
    )
    .unwrap();
    let mut fewer = legacy();
    fewer.posts.truncate(1);
    assert!(netlify::write(&dist, "", &Redirects::of(&fewer)).unwrap());
    let text = fs::read_to_string(dist.join("_redirects")).unwrap();
    assert_eq!(text.matches(netlify::BEGIN).count(), 1);
    assert!(!text.contains("/ancien") && text.contains("/mine  /x  302\n/*  /shell.html  200\n"));
    assert!(block(&text) > text.find("/old-promo").unwrap());

    // Hostile slugs add no rule; under a sub-path every rule carries it.
    fs::write(dist.join("_redirects"), KIT).unwrap();
    netlify::write(&dist, "/news", &Redirects::of(&hostile())).unwrap();
    let text = fs::read_to_string(dist.join("_redirects")).unwrap();
    assert_eq!(
        text,
        KIT.replace(
            "/*  /shell",
            &format!("{}\n{}\n/*  /shell", netlify::BEGIN, netlify::END)
        )
    );
    netlify::write(&dist, "/news", &r).unwrap();
    let text = fs::read_to_string(dist.join("_redirects")).unwrap();
    assert!(text.contains("\n/news/2026/:month/:day/:slug  /news/article/:slug  301!\n"));
    assert!(text.contains("\n/news/  p=12  /news/article/un-article  301!\n"));
    fs::remove_dir_all(dist).unwrap();
}

#[test]
fn redirect_pages_for_hosts_without_rules() {
    let dist = temp_dist("pages");
    // A prerendered page where an old path would go is never replaced.
    fs::create_dir_all(dist.join("ancien")).unwrap();
    fs::write(dist.join("ancien/index.html"), "<p>prerendered</p>").unwrap();
    let site = pages::Site {
        base: "/news",
        base_url: "https://h.example/news/",
        lang: "fr",
    };
    let r = Redirects::of(&legacy());
    let (wrote, deleted) = pages::write(&dist, &site, &r).unwrap();
    // 5 dated (the non-ASCII one under its decoded name, as hosts look it
    // up), 2 `/slug` (`/ancien` is taken).
    assert_eq!((wrote, deleted), (7, 0));
    assert!(dist.join("2025/05/06/économie/index.html").exists());
    assert!(dist.join("économie/index.html").exists());
    let page = fs::read_to_string(dist.join("2026/11/28/un-article/index.html")).unwrap();
    for part in [
        "<link rel=\"canonical\" href=\"https://h.example/news/article/un-article\">",
        "<meta http-equiv=\"refresh\" content=\"0; url=/news/article/un-article\">",
        "<meta name=\"robots\" content=\"noindex\">",
        "<a href=\"/news/article/un-article\">https://h.example/news/article/un-article</a>",
        "<html lang=\"fr\">",
    ] {
        assert!(page.contains(part), "{part} in\n{page}");
    }
    for forbidden in ["<script", "style", "javascript:"] {
        assert!(!page.contains(forbidden), "{forbidden}");
    }
    assert!(dist.join("un-article/index.html").exists());
    assert_eq!(
        fs::read_to_string(dist.join("ancien/index.html")).unwrap(),
        "<p>prerendered</p>"
    );
    assert!(!dist.join("a-propos").exists() && !dist.join("search").exists());
    assert_eq!(
        pages::write(&dist, &site, &r).unwrap(),
        (0, 0),
        "a second run writes nothing"
    );
    let mut fewer = legacy();
    fewer.posts.truncate(1);
    assert_eq!(pages::write(&dist, &site, &Redirects::of(&fewer)).unwrap(), (0, 5));
    assert!(!dist.join("2019").exists(), "empty folders go too");
    assert!(dist.join("ancien/index.html").exists());
    fs::remove_dir_all(dist).unwrap();
}

#[test]
fn html_is_escaped() {
    let site = pages::Site {
        base: "",
        base_url: "https://h.example/?a=1&b=\"<x>",
        lang: "fr\"><script>",
    };
    let page = pages::page(&site, &Route::article("x"));
    assert!(!page.contains("<script>") && !page.contains("&b=\""), "{page}");
}

#[test]
fn write_refuses_a_base_path_it_cannot_quote() {
    let dist = temp_dist("base");
    assert!(write(&dist, &legacy(), "https://h.example/a b/", "fr").is_err());
    let s = write(&dist, &legacy(), "https://h.example/", "fr").unwrap();
    assert_eq!((s.rules, s.refused), (9, 0));
    assert!(dist.join(nginx::FILE).exists() && !dist.join("_redirects").exists());
    fs::remove_dir_all(dist).unwrap();
}

#[test]
fn nested_pages_and_split_post_parts_get_their_own_rules() {
    let mut legacy = legacy();
    legacy.nested_page("archives", &["guide".into(), "rubriques".into()]);
    legacy.nested_page("a-propos", &[]);
    legacy.nested_page("مقالات", &["دليل".into()]);
    // A nested path that is Kiosque's own route stays Kiosque's.
    legacy.nested_page("economie", &["category".into()]);
    legacy.split_post("un-article", Some(3));
    legacy.split_post("ancien", None);
    legacy.split_post("long", Some(10_000));
    let r = Redirects::of(&legacy);
    let paths: Vec<(&str, String)> = r.postname[3..].iter().map(|(f, t)| (f.as_str(), t.path())).collect();
    assert_eq!(paths[0], ("/guide/rubriques/archives", "/archives".into()));
    assert_eq!(
        paths[1],
        (
            "/%D8%AF%D9%84%D9%8A%D9%84/%D9%85%D9%82%D8%A7%D9%84%D8%A7%D8%AA",
            "/%D9%85%D9%82%D8%A7%D9%84%D8%A7%D8%AA".into()
        )
    );
    assert_eq!(paths[2], ("/un-article/2", "/article/un-article/2".into()));
    assert_eq!(paths[3], ("/un-article/3", "/article/un-article/3".into()));
    assert_eq!(
        paths.len(),
        4 + MAX_PARTS as usize - 1,
        "at most {MAX_PARTS} parts: {paths:?}"
    );
    assert!(!paths.iter().any(|(f, _)| f.starts_with("/category/")));

    let mut out = Vec::new();
    nginx::render(&mut out, "", &r).unwrap();
    let text = String::from_utf8(out).unwrap();
    nginx_lines_are_well_formed(&text);
    assert!(
        text.contains("    \"/guide/rubriques/archives/\" \"/archives\";"),
        "{text}"
    );
    assert!(text.contains("    \"/un-article/2/\" \"/article/un-article/2\";"));
    assert!(
        text.contains("    \"/دليل/مقالات\" \"/%D9%85%D9%82%D8%A7%D9%84%D8%A7%D8%AA\";"),
        "decoded, as $uri is"
    );
    let mut out = Vec::new();
    netlify::block(&mut out, "", &r).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("/guide/rubriques/archives  /archives  301!"), "{text}");
    assert!(text.contains("/un-article/2  /article/un-article/2  301!"));
    // Under their dated permalink too (nginx's regex already takes them):
    // one Netlify rule and one redirect page a part, none for a post in one part.
    assert_eq!(
        r.dated_parts
            .iter()
            .map(|(f, t)| (f.as_str(), t.path()))
            .collect::<Vec<_>>()[..2],
        [
            ("/2026/11/28/un-article/2/", "/article/un-article/2".to_string()),
            ("/2026/11/28/un-article/3/", "/article/un-article/3".to_string())
        ]
    );
    assert_eq!(r.dated_parts.len(), 2, "{:?}", r.dated_parts);
    for line in [
        "/2026/11/28/un-article/2  /article/un-article/2  301!",
        "/2026/11/28/un-article/3  /article/un-article/3  301!",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
    assert!(!text.contains("/2019/03/04/ancien/2"));
    let dist = temp_dist("parts");
    let site = pages::Site {
        base: "",
        base_url: "https://h.example/",
        lang: "fr",
    };
    pages::write(&dist, &site, &r).unwrap();
    let page = fs::read_to_string(dist.join("2026/11/28/un-article/2/index.html")).unwrap();
    assert!(
        page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/article/un-article/2\">"),
        "{page}"
    );
    assert!(dist.join("2026/11/28/un-article/3/index.html").exists());
    assert!(!dist.join("2026/11/28/un-article/4").exists());
    fs::remove_dir_all(dist).unwrap();
}
