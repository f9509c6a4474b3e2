//! Sitemaps that scale: `sitemap.xml` is a sitemap index pointing at
//! `sitemap-<n>.xml` children of at most `limit` URLs each (50,000, the
//! protocol's maximum), every article with its `lastmod`; `sitemap-news.xml`
//! holds the articles of the last 48 hours, at most 1,000 (Google News).

use std::fmt::Write;

use kiosque_core::model::{ArticleStub, Timestamp};
use kiosque_core::routes::Route;

use crate::feeds::{escape, w3c_date, Site};
use crate::plan::{is_news, NEWS_MAX};

/// URLs per child sitemap at most (the sitemaps.org limit).
pub const SITEMAP_LIMIT: usize = 50_000;

const XMLNS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// A child sitemap's file name (`n` from 1).
pub fn child_name(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// The children, then the index: `(file, text)` in the order to write them
/// (so the index never points at a child not written yet). `urls`: route
/// and last change, in a stable order.
pub fn sitemaps(site: &Site, urls: &[(String, Option<&Timestamp>)], limit: usize) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut index = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"{XMLNS}\">\n");
    // An empty site still gets one (empty) child: the index may not be empty.
    let chunks: Vec<&[(String, Option<&Timestamp>)]> = if urls.is_empty() {
        vec![&[]]
    } else {
        urls.chunks(limit.max(1)).collect()
    };
    for (i, chunk) in chunks.into_iter().enumerate() {
        let name = child_name(i + 1);
        let mut xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{XMLNS}\">\n");
        for (route, lastmod) in chunk {
            let lastmod = lastmod
                .map(|t| format!("<lastmod>{}</lastmod>", w3c_date(t)))
                .unwrap_or_default();
            let _ = writeln!(
                xml,
                "  <url><loc>{}</loc>{lastmod}</url>",
                escape(&format!("{}{route}", site.url))
            );
        }
        xml.push_str("</urlset>\n");
        let newest = chunk.iter().filter_map(|(_, t)| *t).max();
        let lastmod = newest
            .map(|t| format!("<lastmod>{}</lastmod>", w3c_date(t)))
            .unwrap_or_default();
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc>{lastmod}</sitemap>",
            escape(&format!("{}/{name}", site.url))
        );
        files.push((name, xml));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".to_string(), index));
    files
}

/// Articles published in the 48 hours before `now` (Unix seconds), newest
/// first, at most 1,000.
/// Google News wants an ISO 639 code ("fr", not "fr-FR"); Chinese is the
/// exception, told apart as zh-cn and zh-tw.
fn news_language(locale: &str) -> String {
    let lower = locale.trim().to_ascii_lowercase().replace('_', "-");
    match lower.as_str() {
        "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant" => "zh-tw".into(),
        l if l.starts_with("zh-hant") => "zh-tw".into(),
        l if l == "zh" || l.starts_with("zh-") => "zh-cn".into(),
        l => l.split('-').next().unwrap_or(l).to_string(),
    }
}

pub fn news_sitemap(site: &Site, recent: &[ArticleStub], now: i64) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{XMLNS}\" \
         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
    );
    let news = recent.iter().filter(|a| is_news(now, &a.published)).take(NEWS_MAX);
    for a in news {
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc><news:news><news:publication><news:name>{}</news:name>\
             <news:language>{}</news:language></news:publication>\
             <news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>",
            escape(&format!("{}{}", site.url, Route::article(a.slug.clone()))),
            escape(site.name),
            escape(&news_language(site.locale)),
            w3c_date(&a.published),
            escape(&a.title),
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feeds::tests::site;

    #[test]
    fn children_hold_at_most_the_limit_and_come_before_the_index() {
        let t = Timestamp::parse("2026-11-28T10:00:00+01:00").unwrap();
        let urls: Vec<(String, Option<&Timestamp>)> = (0..5)
            .map(|i| (format!("/article/a{i}"), (i == 3).then_some(&t)))
            .collect();
        let files = sitemaps(&site(), &urls, 2);
        let names: Vec<&str> = files.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            names,
            ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
        );
        assert_eq!(files[0].1.matches("<url>").count(), 2);
        assert_eq!(files[2].1.matches("<url>").count(), 1);
        assert!(files[1]
            .1
            .contains("<loc>https://news.example/sub/article/a3</loc><lastmod>2026-11-28T09:00:00Z</lastmod>"));
        let index = &files[3].1;
        assert_eq!(index.matches("<sitemap>").count(), 3);
        assert!(index.contains(
            "<sitemap><loc>https://news.example/sub/sitemap-2.xml</loc><lastmod>2026-11-28T09:00:00Z</lastmod></sitemap>"
        ));
        assert!(index.contains("<sitemap><loc>https://news.example/sub/sitemap-1.xml</loc></sitemap>"));
    }

    #[test]
    fn news_language_is_an_iso_639_code() {
        assert_eq!(news_language("fr"), "fr");
        assert_eq!(news_language("fr-FR"), "fr");
        assert_eq!(news_language("pt_BR"), "pt");
        assert_eq!(news_language("zh-Hant-TW"), "zh-tw");
        assert_eq!(news_language("zh-CN"), "zh-cn");
    }

    #[test]
    fn news_keeps_the_last_48_hours() {
        let now = Timestamp::parse("2026-11-29T12:00:00Z").unwrap().unix();
        let stub = |slug: &str, published: &str| ArticleStub {
            slug: slug.into(),
            title: format!("{slug} <b>"),
            standfirst: String::new(),
            category: kiosque_core::model::CategoryRef {
                slug: "c".into(),
                name: "C".into(),
            },
            published: Timestamp::parse(published).unwrap(),
            modified: None,
            wp_id: None,
            parts: None,
            post_type: None,
        };
        let recent = [
            stub("future", "2026-12-01T10:00:00Z"),
            stub("new", "2026-11-29T10:00:00Z"),
            stub("old", "2026-11-26T10:00:00Z"),
        ];
        let xml = news_sitemap(&site(), &recent, now);
        assert!(xml.contains("/article/new</loc>"));
        assert!(xml.contains("<news:title>new &lt;b&gt;</news:title>"));
        assert!(xml.contains("<news:name>Le &lt;Site&gt;</news:name>"));
        assert!(!xml.contains("/article/old") && !xml.contains("/article/future"));
    }
}
