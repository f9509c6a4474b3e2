//! `sitemap.xml`, the Google News sitemap (the last 48 hours), `robots.txt`
//! and, for the static source, an RSS feed. All URLs are absolute, under the
//! site URL.

use std::fmt::Write;

use kiosque_core::model::{ArticleSummary, Timestamp};
use kiosque_core::routes::Route;

/// What the feeds need to know about the site.
pub struct Site<'a> {
    /// `https://host/sub` (no trailing slash).
    pub url: &'a str,
    pub name: &'a str,
    pub tagline: &'a str,
    pub locale: &'a str,
    /// Routes written this run, for the sitemap.
    pub routes: &'a [String],
    pub articles: &'a [ArticleSummary],
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn w3c_date(t: &Timestamp) -> String {
    let (y, m, d, h, min) = t.civil_at(0);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{:02}Z", t.unix().rem_euclid(60))
}

fn rfc822(t: &Timestamp) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, m, d, h, min) = t.civil_at(0);
    let weekday = DAYS[t.unix().div_euclid(86_400).rem_euclid(7) as usize];
    let month = MONTHS[(m.clamp(1, 12) - 1) as usize];
    format!(
        "{weekday}, {d:02} {month} {y} {h:02}:{min:02}:{:02} +0000",
        t.unix().rem_euclid(60)
    )
}

pub fn sitemap(site: &Site) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for route in site.routes {
        let article = site
            .articles
            .iter()
            .find(|a| Route::article(a.slug.clone()).path() == *route);
        let lastmod = article
            .map(|a| w3c_date(a.modified.as_ref().unwrap_or(&a.published)))
            .map(|d| format!("<lastmod>{d}</lastmod>"))
            .unwrap_or_default();
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc>{lastmod}</url>",
            escape(&format!("{}{route}", site.url))
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Articles published in the 48 hours before `now` (Unix seconds).
pub fn news_sitemap(site: &Site, now: i64) -> String {
    let mut xml = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ",
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
    ));
    let recent = site
        .articles
        .iter()
        .filter(|a| a.published.unix() <= now && now - a.published.unix() <= 48 * 3600);
    for a in recent {
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc><news:news><news:publication><news:name>{}</news:name>\
             <news:language>{}</news:language></news:publication>\
             <news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>",
            escape(&format!("{}{}", site.url, Route::article(a.slug.clone()))),
            escape(site.name),
            escape(site.locale),
            w3c_date(&a.published),
            escape(&a.title),
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(site: &Site) -> String {
    let path = site.url.split_once("://").map(|(_, r)| r).unwrap_or(site.url);
    let base_path = path.find('/').map(|i| &path[i..]).unwrap_or("");
    format!(
        "User-agent: *\nAllow: /\nDisallow: {base_path}/search\n\nSitemap: {url}/sitemap.xml\nSitemap: {url}/sitemap-news.xml\n",
        url = site.url
    )
}

/// RSS 2.0 of the latest articles.
pub fn rss(site: &Site) -> String {
    let mut xml = String::new();
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n\
         <channel>\n<title>{}</title>\n<link>{}/</link>\n<description>{}</description>\n<language>{}</language>\n\
         <atom:link href=\"{}/feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(site.name),
        escape(site.url),
        escape(site.tagline),
        escape(site.locale),
        escape(site.url),
    );
    if let Some(newest) = site.articles.iter().map(|a| &a.published).max_by_key(|t| t.unix()) {
        let _ = writeln!(xml, "<lastBuildDate>{}</lastBuildDate>", rfc822(newest));
    }
    for a in site.articles.iter().take(30) {
        let link = escape(&format!("{}{}", site.url, Route::article(a.slug.clone())));
        let _ = writeln!(
            xml,
            "<item><title>{}</title><link>{link}</link><guid isPermaLink=\"true\">{link}</guid>\
             <pubDate>{}</pubDate><category>{}</category><description>{}</description></item>",
            escape(&a.title),
            rfc822(&a.published),
            escape(&a.category.name),
            escape(&a.standfirst),
        );
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiosque_core::model::CategoryRef;

    fn summary(slug: &str, title: &str, published: &str) -> ArticleSummary {
        ArticleSummary {
            slug: slug.into(),
            title: title.into(),
            standfirst: "Chapeau & <suite>".into(),
            category: CategoryRef {
                slug: "monde".into(),
                name: "Monde".into(),
            },
            authors: vec![],
            published: Timestamp::parse(published).unwrap(),
            modified: None,
            image: None,
            reading_minutes: 3,
        }
    }

    fn site<'a>(routes: &'a [String], articles: &'a [ArticleSummary]) -> Site<'a> {
        Site {
            url: "https://news.example/sub",
            name: "Le <Site>",
            tagline: "Tout",
            locale: "fr",
            routes,
            articles,
        }
    }

    #[test]
    fn dates_are_utc() {
        let t = Timestamp::parse("2026-11-29T08:30:15+01:00").unwrap();
        assert_eq!(w3c_date(&t), "2026-11-29T07:30:15Z");
        assert_eq!(rfc822(&t), "Sun, 29 Nov 2026 07:30:15 +0000");
    }

    #[test]
    fn sitemap_lists_routes_with_lastmod_for_articles() {
        let articles = [summary("a", "A", "2026-11-28T10:00:00Z")];
        let routes = ["/".to_string(), "/article/a".to_string()];
        let xml = sitemap(&site(&routes, &articles));
        assert!(xml.contains("<url><loc>https://news.example/sub/</loc></url>"));
        assert!(xml.contains("<loc>https://news.example/sub/article/a</loc><lastmod>2026-11-28T10:00:00Z</lastmod>"));
    }

    #[test]
    fn news_sitemap_keeps_the_last_48_hours() {
        let now = Timestamp::parse("2026-11-29T12:00:00Z").unwrap().unix();
        let articles = [
            summary("new", "Nouveau <b>", "2026-11-29T10:00:00Z"),
            summary("old", "Ancien", "2026-11-26T10:00:00Z"),
            summary("future", "Futur", "2026-12-01T10:00:00Z"),
        ];
        let xml = news_sitemap(&site(&[], &articles), now);
        assert!(xml.contains("/article/new</loc>"));
        assert!(xml.contains("<news:title>Nouveau &lt;b&gt;</news:title>"));
        assert!(xml.contains("<news:name>Le &lt;Site&gt;</news:name>"));
        assert!(!xml.contains("/article/old"));
        assert!(!xml.contains("/article/future"));
    }

    #[test]
    fn robots_points_at_the_sitemaps() {
        let text = robots(&site(&[], &[]));
        assert!(text.contains("Disallow: /sub/search\n"));
        assert!(text.contains("Sitemap: https://news.example/sub/sitemap.xml\n"));
    }

    #[test]
    fn rss_escapes_text() {
        let articles = [summary("a", "L'été & co", "2026-11-28T10:00:00Z")];
        let xml = rss(&site(&[], &articles));
        assert!(xml.contains("<title>L&apos;été &amp; co</title>"));
        assert!(xml.contains("<description>Chapeau &amp; &lt;suite&gt;</description>"));
        assert!(xml.contains("<pubDate>Sat, 28 Nov 2026 10:00:00 +0000</pubDate>"));
        assert_eq!(escape("a\u{1}b"), "ab");
    }
}
