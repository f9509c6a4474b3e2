//! `robots.txt` and the RSS feeds: the site's (`/feed.xml`, the newest
//! articles) and one per category (`/category/<slug>/feed.xml`), for either
//! source. All URLs are absolute, under the site URL. The sitemaps are in
//! `sitemaps.rs`.

use std::fmt::Write;

use kiosque_core::model::{ArticleStub, Timestamp};
use kiosque_core::routes::Route;

use crate::plan::FEED_ITEMS;

/// What the feeds need to know about the site.
pub struct Site<'a> {
    /// `https://host/sub` (no trailing slash).
    pub url: &'a str,
    pub name: &'a str,
    pub tagline: &'a str,
    pub locale: &'a str,
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

pub fn w3c_date(t: &Timestamp) -> String {
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

pub fn robots(site: &Site) -> String {
    let path = site.url.split_once("://").map(|(_, r)| r).unwrap_or(site.url);
    let base_path = path.find('/').map(|i| &path[i..]).unwrap_or("");
    format!(
        "User-agent: *\nAllow: /\nDisallow: {base_path}/search\n\nSitemap: {url}/sitemap.xml\nSitemap: {url}/sitemap-news.xml\n",
        url = site.url
    )
}

/// A feed: the site's or a category's.
pub struct Channel<'a> {
    pub title: String,
    /// The listing the feed follows (`/`, `/category/x`).
    pub route: Route,
    /// Where the feed itself is (its `atom:link rel="self"`).
    pub feed_path: &'a str,
}

/// RSS 2.0 of `items` (newest first; the first `FEED_ITEMS`), each with
/// the route its link names (an article's, or a custom type item's).
pub fn rss(site: &Site, channel: &Channel, items: &[(Route, &ArticleStub)]) -> String {
    let mut xml = String::new();
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n\
         <channel>\n<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n\
         <atom:link href=\"{}{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(&channel.title),
        escape(&format!("{}{}", site.url, channel.route)),
        escape(site.tagline),
        escape(site.locale),
        escape(site.url),
        escape(channel.feed_path),
    );
    let items = &items[..items.len().min(FEED_ITEMS)];
    if let Some(newest) = items.iter().map(|(_, a)| &a.published).max() {
        let _ = writeln!(xml, "<lastBuildDate>{}</lastBuildDate>", rfc822(newest));
    }
    for (route, a) in items {
        let link = escape(&format!("{}{route}", site.url));
        // A custom type's item may have no category: then no element (RSS
        // wants a non-empty one).
        let name = a.category.name.trim();
        let category = if name.is_empty() {
            String::new()
        } else {
            format!("<category>{}</category>", escape(name))
        };
        let _ = writeln!(
            xml,
            "<item><title>{}</title><link>{link}</link><guid isPermaLink=\"true\">{link}</guid>\
             <pubDate>{}</pubDate>{category}<description>{}</description></item>",
            escape(&a.title),
            rfc822(&a.published),
            escape(&a.standfirst),
        );
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use kiosque_core::model::CategoryRef;

    pub fn stub(slug: &str, title: &str, published: &str) -> ArticleStub {
        ArticleStub {
            slug: slug.into(),
            title: title.into(),
            standfirst: "Chapeau & <suite>".into(),
            category: CategoryRef {
                slug: "monde".into(),
                name: "Monde".into(),
            },
            published: Timestamp::parse(published).unwrap(),
            modified: None,
            wp_id: None,
            parts: None,
            post_type: None,
        }
    }

    pub fn site() -> Site<'static> {
        Site {
            url: "https://news.example/sub",
            name: "Le <Site>",
            tagline: "Tout",
            locale: "fr",
        }
    }

    #[test]
    fn dates_are_utc() {
        let t = Timestamp::parse("2026-11-29T08:30:15+01:00").unwrap();
        assert_eq!(w3c_date(&t), "2026-11-29T07:30:15Z");
        assert_eq!(rfc822(&t), "Sun, 29 Nov 2026 07:30:15 +0000");
    }

    #[test]
    fn robots_points_at_the_sitemaps() {
        let text = robots(&site());
        assert!(text.contains("Disallow: /sub/search\n"));
        assert!(text.contains("Sitemap: https://news.example/sub/sitemap.xml\n"));
    }

    #[test]
    fn rss_escapes_text() {
        let a = stub("a", "L'été & co", "2026-11-28T10:00:00Z");
        let channel = Channel {
            title: "Monde".into(),
            route: Route::category("monde", 1),
            feed_path: "/category/monde/feed.xml",
        };
        let xml = rss(&site(), &channel, &[(Route::article(a.slug.clone()), &a)]);
        assert!(xml.contains("<title>L&apos;été &amp; co</title>"));
        assert!(xml.contains("<description>Chapeau &amp; &lt;suite&gt;</description>"));
        assert!(xml.contains("<pubDate>Sat, 28 Nov 2026 10:00:00 +0000</pubDate>"));
        assert!(xml.contains("<link>https://news.example/sub/category/monde</link>"));
        assert!(xml.contains("<link>https://news.example/sub/article/a</link>"));
        assert!(xml.contains("href=\"https://news.example/sub/category/monde/feed.xml\" rel=\"self\""));
        assert_eq!(escape("a\u{1}b"), "ab");
        assert!(xml.contains("<category>Monde</category>"));
    }

    #[test]
    fn an_item_without_a_category_has_no_category_element() {
        let mut a = stub("v", "Sans rubrique", "2026-11-28T10:00:00Z");
        a.category = CategoryRef::default();
        let channel = Channel {
            title: "Vidéos".into(),
            route: Route::home(1),
            feed_path: "/video/feed.xml",
        };
        let xml = rss(&site(), &channel, &[(Route::article(a.slug.clone()), &a)]);
        assert!(!xml.contains("<category>"), "{xml}");
        assert!(xml.contains("<title>Sans rubrique</title>"));
    }
}
