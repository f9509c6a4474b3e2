//! Unit tests of the pure mapping (`map`), on small hand-made wire values.
//! The recorded-WordPress tests are in `tests/it/wordpress_adapter.rs`.

use super::map::*;
use super::wire::{WpMedia, WpPost, WpRoot, WpTerm, WpUser};
use crate::http::FetchError;
use crate::model::{Block, Inline};

fn post(json: &str) -> WpPost {
    serde_json::from_str(json).unwrap()
}

const MINIMAL: &str = r#"{"id":7,"slug":"un-article","status":"publish","date":"2026-10-05T08:15:00",
  "date_gmt":"2026-10-05T07:15:00","modified":"2026-10-05T08:15:30","modified_gmt":"2026-10-05T07:15:30",
  "title":{"rendered":"L&rsquo;&#8217;&#038;&nbsp;co"},"excerpt":{"rendered":"<p>Un chapeau [&hellip;]</p>\n"},
  "content":{"rendered":"<p>Un <a href=\"http://wp.test/blog/2026/10/05/autre/\">lien</a></p>"},
  "categories":[3],"tags":[9],
  "_embedded":{"author":[{"id":2,"name":"A&amp;B","slug":"a-b"}],
  "wp:term":[[{"id":1,"name":"Autre","slug":"autre","taxonomy":"category"},{"id":3,"name":"&Eacute;co","slug":"eco","taxonomy":"category"}],
  [{"id":9,"name":"Eau","slug":"eau","taxonomy":"post_tag"}]]}}"#;

#[test]
fn text_decodes_entities_and_drops_tags() {
    assert_eq!(text("L&rsquo;&#8217;&#038;&nbsp;"), "L’’&");
    assert_eq!(text("Le <em>mot</em> &amp; la&nbsp;chose"), "Le mot & la\u{A0}chose");
    assert_eq!(excerpt("<p>Un chapeau [&hellip;]</p>\n"), "Un chapeau…");
    assert_eq!(excerpt("<p>Court.</p>"), "Court.");
}

#[test]
fn times_keep_the_local_form_and_offset() {
    let t = timestamp("2026-10-05T08:15:00", Some("2026-10-05T07:15:00")).unwrap();
    assert_eq!(t.as_str(), "2026-10-05T08:15:00+01:00");
    let t = timestamp("2026-01-05T03:00:00", Some("2026-01-05T08:30:00")).unwrap();
    assert_eq!(t.as_str(), "2026-01-05T03:00:00-05:30");
    assert_eq!(
        timestamp("2026-01-05T03:00:00", None).unwrap().as_str(),
        "2026-01-05T03:00:00+00:00"
    );
    assert_eq!(
        timestamp("2026-01-05T03:00:00Z", None).unwrap().as_str(),
        "2026-01-05T03:00:00Z"
    );
    assert!(matches!(timestamp("hier", None), Err(FetchError::BadData(_))));
    assert!(matches!(timestamp("", Some("")), Err(FetchError::BadData(_))));
}

#[test]
fn credits_are_split_from_captions() {
    let s = |c: &str| split_credit(c);
    assert_eq!(
        s("Au port. — Illustration Kiosque"),
        (Some("Au port.".into()), Some("Illustration Kiosque".into()))
    );
    assert_eq!(
        s("Une rue. Crédit : AFP"),
        (Some("Une rue.".into()), Some("AFP".into()))
    );
    assert_eq!(
        s("Une rue (Photo : X. Y)"),
        (Some("Une rue".into()), Some("X. Y".into()))
    );
    assert_eq!(s("Sans crédit"), (Some("Sans crédit".into()), None));
    assert_eq!(s(""), (None, None));
}

fn media(json: &str) -> WpMedia {
    serde_json::from_str(json).unwrap()
}

#[test]
fn images_keep_same_proportion_sizes() {
    let m = media(
        r#"{"id":1,"source_url":"https://s/a.jpg","alt_text":"Alt &amp; co","media_type":"image",
        "caption":{"rendered":"<p>Légende — Crédit</p>"},
        "media_details":{"width":1600,"height":900,"sizes":{
          "thumbnail":{"source_url":"https://s/a-150x150.jpg","width":150,"height":150},
          "medium":{"source_url":"https://s/a-300x169.jpg","width":300,"height":169},
          "large":{"source_url":"https://s/a-1024x576.jpg","width":1024,"height":576},
          "evil":{"source_url":"javascript:alert(1)","width":500,"height":281},
          "full":{"source_url":"https://s/a.jpg","width":1600,"height":900}}}}"#,
    );
    let img = image(&m).unwrap();
    let widths: Vec<u32> = img.sources.iter().map(|s| s.width).collect();
    assert_eq!(widths, [300, 1024, 1600]);
    assert_eq!(
        (img.url.as_str(), img.width, img.height),
        ("https://s/a-1024x576.jpg", 1024, 576)
    );
    assert_eq!(img.alt, "Alt & co");
    assert_eq!(
        (img.caption.as_deref(), img.credit.as_deref()),
        (Some("Légende"), Some("Crédit"))
    );
    let bare =
        media(r#"{"id":2,"source_url":"https://s/b.jpg","media_details":{"width":800,"height":600,"sizes":[]}}"#);
    assert_eq!(image(&bare).map(|i| (i.width, i.sources.len())), Some((800, 1)));
    assert!(image(&media(r#"{"id":3,"source_url":"https://s/c.jpg","media_details":[]}"#)).is_none());
    assert!(image(&media(r#"{"id":4,"source_url":"https://s/v.mp4","media_type":"file"}"#)).is_none());
}

#[test]
fn internal_links_are_rewritten() {
    let mut l = LinkContext::from_home("http://wp.test/blog/");
    assert_eq!((l.origin.as_str(), l.home_path.as_str()), ("http://wp.test", "/blog"));
    l.page_slugs = vec!["a-propos".into(), "archives".into()];
    let r = |h: &str| l.rewrite(h);
    assert_eq!(r("/blog/guide/archives/"), "/archives", "a nested page's path");
    assert_eq!(
        r("/blog/shop/cart/"),
        "http://wp.test/blog/shop/cart/",
        "a nested path that names no page stays on WordPress"
    );
    assert_eq!(r("/blog/2026/10/05/autre/"), "/article/autre");
    assert_eq!(r("/blog/autre/#suite"), "/article/autre#suite");
    assert_eq!(r("/blog/a-propos/"), "/a-propos");
    assert_eq!(r("/blog/category/eco/"), "/category/eco");
    assert_eq!(r("/blog/tag/eau/page/2/"), "/tag/eau/page/2");
    assert_eq!(r("/blog/author/a-b/"), "/author/a-b");
    assert_eq!(r("/blog/?s=eau"), "/search?q=eau");
    assert_eq!(
        r("/blog/?p=12"),
        "http://wp.test/blog/?p=12",
        "an id needs a look-up: WordPress redirects"
    );
    assert_eq!(
        r("/blog/wp-content/uploads/doc.pdf"),
        "http://wp.test/blog/wp-content/uploads/doc.pdf"
    );
    assert_eq!(
        r("/blogroll/"),
        "http://wp.test/blogroll/",
        "outside the WordPress home"
    );
    assert_eq!(r("/blog"), "/");
    for keep in ["#note", "https://ext.example/a/", "mailto:a@b.c"] {
        assert_eq!(r(keep), keep);
    }
    let root = LinkContext::from_home("https://wp.test");
    assert_eq!((root.origin.as_str(), root.home_path.as_str()), ("https://wp.test", ""));
    assert_eq!(root.rewrite("/x/"), "/article/x");
}

#[test]
fn bodies_are_blocks_with_routes_and_absolute_media() {
    let l = LinkContext::from_home("http://wp.test");
    let html = r#"<p>Voir <a href="http://wp.test/category/eco/">l’éco</a> et <strong><a href="/2026/01/02/x/">x</a></strong>.</p>
<figure class="wp-block-image"><img src="/wp-content/uploads/a.jpg" width="800" height="600" alt="a"></figure>
<ul><li><a href="http://wp.test/tag/eau/">eau</a></li></ul>"#;
    let blocks = body(html, &l);
    let Block::Paragraph { content } = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert!(matches!(&content[1], Inline::Link { href, .. } if href == "/category/eco"));
    assert!(
        matches!(&content[3], Inline::Strong { children } if matches!(&children[0], Inline::Link { href, .. } if href == "/article/x"))
    );
    let Block::Figure { image, .. } = &blocks[1] else {
        panic!("{blocks:?}")
    };
    assert_eq!(image.url, "http://wp.test/wp-content/uploads/a.jpg");
    assert!(
        matches!(&blocks[2], Block::List { items, .. } if matches!(&items[0].content[0], Inline::Link { href, .. } if href == "/tag/eau"))
    );
}

#[test]
fn reading_time_counts_words() {
    let para = |n: usize| Block::Paragraph {
        content: vec![Inline::text("mot ".repeat(n))],
    };
    assert_eq!(reading_minutes(&[]), 1);
    assert_eq!(reading_minutes(&[para(220)]), 1);
    assert_eq!(reading_minutes(&[para(221)]), 2);
    assert_eq!(reading_minutes(&[para(300), para(300)]), 3);
}

#[test]
fn posts_map_to_summaries_and_articles() {
    let p = post(MINIMAL);
    let s = summary(&p).unwrap();
    assert_eq!(s.title, "L’’&\u{A0}co");
    assert_eq!(s.standfirst, "Un chapeau…");
    assert_eq!(
        (s.category.slug.as_str(), s.category.name.as_str()),
        ("eco", "Éco"),
        "the post's own category"
    );
    assert_eq!(s.authors[0].name, "A&B");
    assert_eq!(s.modified, None, "a modification within a minute is no modification");
    let a = article(&p, &LinkContext::from_home("http://wp.test/blog"), 4, Vec::new()).unwrap();
    assert_eq!((a.comment_count, a.tags.len(), a.reading_minutes), (4, 1, 1));
    assert!(
        matches!(&a.body[0], Block::Paragraph { content } if matches!(&content[1], Inline::Link { href, .. } if href == "/article/autre"))
    );
}

/// A post whose excerpt WordPress generated from its content.
fn with_generated_excerpt(excerpt_html: &str) -> WpPost {
    post(&MINIMAL
        .replace(
            r#""excerpt":{"rendered":"<p>Un chapeau [&hellip;]</p>\n"}"#,
            &format!(r#""excerpt":{{"rendered":"{excerpt_html}"}}"#),
        )
        .replace(
            r#""content":{"rendered":"<p>Un <a href=\"http://wp.test/blog/2026/10/05/autre/\">lien</a></p>"}"#,
            r#""content":{"rendered":"<figure><figcaption>Photo&nbsp;: AFP</figcaption></figure><p>L&rsquo;<strong>été</strong> fut long, très long, et les prix montèrent encore.</p><p>Suite.</p>"}"#,
        ))
}

#[test]
fn a_standfirst_that_repeats_the_body_is_not_printed_above_it() {
    let links = LinkContext::default();
    // Generated: the body's opening words, cut, with WordPress's tail.
    let p = with_generated_excerpt("<p>L&#8217;été fut long, très long, et les [&hellip;]</p>");
    assert_eq!(
        summary(&p).unwrap().standfirst,
        "L’été fut long, très long, et les…",
        "listings keep it"
    );
    assert_eq!(article(&p, &links, 0, Vec::new()).unwrap().standfirst, "");
    // Hand-written: says something the body does not.
    let p = with_generated_excerpt("<p>Chaleur record : les prix s&#8217;envolent.</p>");
    assert_eq!(
        article(&p, &links, 0, Vec::new()).unwrap().standfirst,
        "Chaleur record : les prix s’envolent."
    );
}

#[test]
fn a_post_without_a_title_gets_a_readable_one() {
    let untitled = |excerpt: &str| {
        post(
            &MINIMAL
                .replace(
                    r#""title":{"rendered":"L&rsquo;&#8217;&#038;&nbsp;co"}"#,
                    r#""title":{"rendered":""}"#,
                )
                .replace("<p>Un chapeau [&hellip;]</p>", excerpt),
        )
    };
    let s = summary(&untitled(
        "<p>Un deux trois quatre cinq six sept huit neuf dix onze douze [&hellip;]</p>",
    ))
    .unwrap();
    assert_eq!(s.title, "Un deux trois quatre cinq six sept huit neuf dix…");
    assert_eq!(summary(&untitled("<p>Bref.</p>")).unwrap().title, "Bref.");
    assert_eq!(summary(&untitled("")).unwrap().title, "un article");
}

#[test]
fn non_public_or_incomplete_posts_do_not_map() {
    for status in ["draft", "private", "future", "pending", "trash"] {
        let p = post(&MINIMAL.replace(r#""status":"publish""#, &format!(r#""status":"{status}""#)));
        assert_eq!(summary(&p), Err(FetchError::NotFound), "{status}");
    }
    let mut no_terms = post(MINIMAL);
    no_terms.embedded.terms.clear();
    assert!(matches!(summary(&no_terms), Err(FetchError::BadData(m)) if m.contains("category")));
    let mut protected = post(MINIMAL);
    if let Some(c) = protected.content.as_mut() {
        c.protected = true;
    }
    assert!(article(&protected, &LinkContext::default(), 0, Vec::new())
        .unwrap()
        .body
        .is_empty());
    assert_eq!(summaries(&[post(MINIMAL), no_terms]).len(), 1);
}

fn term(id: u64, slug: &str, count: u32, parent: u64) -> WpTerm {
    WpTerm {
        id,
        slug: slug.into(),
        name: slug.to_uppercase(),
        count,
        parent,
        ..Default::default()
    }
}

#[test]
fn nav_is_top_level_categories_with_posts_in_creation_order() {
    let mut cats: Vec<WpTerm> = (1..=10).map(|i| term(i, &format!("c{i}"), i as u32, 0)).collect();
    cats.push(term(11, "child", 50, 3));
    cats.push(term(12, "empty", 0, 0));
    let nav: Vec<u64> = nav(&cats).iter().map(|t| t.id).collect();
    assert_eq!(nav, [3, 4, 5, 6, 7, 8, 9, 10], "the 8 biggest, by ID");
}

#[test]
fn site_timezone_and_names() {
    let root = |tz: &str, off: serde_json::Value| WpRoot {
        name: "A &amp; B".into(),
        timezone_string: tz.into(),
        gmt_offset: off,
        ..Default::default()
    };
    assert_eq!(timezone(&root("Africa/Casablanca", 1.into())), "Africa/Casablanca");
    assert_eq!(timezone(&root("", 1.into())), "Etc/GMT-1");
    assert_eq!(timezone(&root("", serde_json::json!("-5"))), "Etc/GMT+5");
    assert_eq!(timezone(&root("", serde_json::json!(5.5))), "+05:30");
    assert_eq!(timezone(&root("", serde_json::json!("5.75"))), "+05:45");
    assert_eq!(timezone(&root("", serde_json::json!(-9.5))), "-09:30");
    assert_eq!(timezone(&root("", serde_json::json!(30))), "UTC");
    assert_eq!(timezone(&root("", serde_json::Value::Null)), "UTC");
    assert_eq!(site(&root("", 0.into()), &[]).name, "A & B");
}

#[test]
fn authors_get_their_avatar_sizes() {
    let u: WpUser = serde_json::from_str(
        r#"{"id":1,"slug":"k","name":"K","description":"<p>Bio &amp; co</p>",
        "avatar_urls":{"96":"https://g/96","24":"https://g/24","48":"https://g/48","x":"https://g/x"}}"#,
    )
    .unwrap();
    let a = author(&u);
    assert_eq!(a.bio, "Bio & co");
    let avatar = a.avatar.unwrap();
    assert_eq!((avatar.url.as_str(), avatar.width), ("https://g/96", 96));
    assert_eq!(avatar.sources.iter().map(|s| s.width).collect::<Vec<_>>(), [24, 48, 96]);
    assert_eq!(clean_slug("%D8%B3%D9%84%D8%A7%D9%85"), "سلام");
    assert_eq!(clean_slug("Mixed-Case"), "mixed-case");
}

#[test]
fn gravatars_are_fetched_over_https() {
    use super::media::secure_gravatar;
    assert_eq!(
        secure_gravatar("http://0.gravatar.com/avatar/abc?s=96&d=mm"),
        "https://secure.gravatar.com/avatar/abc?s=96&d=mm"
    );
    assert_eq!(
        secure_gravatar("https://secure.gravatar.com/avatar/x"),
        "https://secure.gravatar.com/avatar/x"
    );
    assert_eq!(secure_gravatar("http://example.com/a.png"), "http://example.com/a.png");
}
