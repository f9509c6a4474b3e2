//! WordPress wire types → Kiosque's model. Pure: no I/O, so every rule here
//! is tested natively on recorded responses.
//!
//! - Titles, names and excerpts are HTML in WordPress (`L&#8217;été &#038;
//!   co`): they become plain text through `body::html_to_text`.
//! - Bodies go through `body::html_to_blocks` with the WordPress origin as
//!   internal, then links into the WordPress site are rewritten to Kiosque
//!   routes (see `links`), and any other site-relative URL is made absolute
//!   on the WordPress origin (uploads, admin…), since Kiosque does not serve it.
//! - Times: WordPress sends `date` (site-local, no offset) and `date_gmt`;
//!   the offset is their difference, so the written local time is kept.
//! - Only `publish` is ever mapped; any other status is "not found".

use super::links::{classify, percent_decode, route, slug_of, Target};
pub use super::media::{author, image, split_credit};
use super::wire::{WpPage, WpPost, WpRoot, WpTerm};
use crate::body::{html_to_blocks, html_to_text, BodyOptions};
use crate::http::FetchError;
use crate::model::{
    Article, ArticleSummary, AuthorRef, Block, CategoryRef, Inline, NavItem, SiteInfo, StaticPage, TagRef, Timestamp,
};
use crate::routes::Route;

/// Words per minute for reading time.
pub const WORDS_PER_MINUTE: usize = 220;
/// At most this many navigation categories.
pub const NAV_MAX: usize = 8;

/// What body mapping needs to know about the WordPress site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkContext {
    /// `scheme://host[:port]` of the WordPress site.
    pub origin: String,
    /// The path WordPress lives under (`""`, or `/blog`).
    pub home_path: String,
    /// Slugs of the site's pages: `/slug/` links to them stay `/slug`, the
    /// others become `/article/slug`.
    pub page_slugs: Vec<String>,
}

impl LinkContext {
    /// From the WordPress home URL (`https://example.com/blog`).
    pub fn from_home(home: &str) -> LinkContext {
        let home = home.trim().trim_end_matches('/');
        let after = home.find("://").map(|i| i + 3).unwrap_or(0);
        let (origin, path) = match home.get(after..).and_then(|r| r.find('/')) {
            Some(i) => home.split_at(after + i),
            None => (home, ""),
        };
        LinkContext {
            origin: origin.to_string(),
            home_path: path.to_string(),
            page_slugs: Vec::new(),
        }
    }

    /// A site-relative href from the body → a Kiosque route, or an absolute
    /// URL on the WordPress site.
    pub fn rewrite(&self, href: &str) -> String {
        if !href.starts_with('/') {
            return href.to_string();
        }
        let (rest, frag) = match href.split_once('#') {
            Some((r, f)) => (r, format!("#{f}")),
            None => (href, String::new()),
        };
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let local = match path.strip_prefix(self.home_path.as_str()) {
            Some(l) if self.home_path.is_empty() || l.is_empty() || l.starts_with('/') => l,
            _ => return format!("{}{href}", self.origin),
        };
        let routed = match classify(local, query) {
            Some(Target::Slug(s)) if self.page_slugs.contains(&s) => Some(Route::page(s).path()),
            Some(Target::Slug(s)) => Some(Route::article(s).path()),
            // A page's part N: the page (Kiosque does not split pages).
            Some(Target::Part(s, _)) if self.page_slugs.contains(&s) => Some(Route::page(s).path()),
            // A nested path is Kiosque's only when it names a known page.
            Some(Target::NestedPage(s)) if self.page_slugs.contains(&s) => Some(Route::page(s).path()),
            Some(Target::NestedPage(_)) => None,
            Some(t) => route(&t).map(|r| r.path()),
            None => None,
        };
        match routed {
            Some(r) => format!("{r}{frag}"),
            None => format!("{}{href}", self.origin),
        }
    }

    fn absolute(&self, url: &mut String) {
        if url.starts_with('/') && !url.starts_with("//") {
            *url = format!("{}{url}", self.origin);
        }
    }
}

/// HTML → one line of plain text.
pub fn text(html: &str) -> String {
    html_to_text(html).trim().to_string()
}

/// An excerpt as text, without WordPress's "read more" tail (`[…]`).
pub fn excerpt(html: &str) -> String {
    let t = text(html);
    for tail in ["[…]", "[&hellip;]", "[...]"] {
        if let Some(head) = t.strip_suffix(tail) {
            return format!("{}…", head.trim_end());
        }
    }
    t
}

/// A WordPress slug as a Kiosque slug: decoded, lowercased; kept as sent
/// when it cannot be routed.
pub fn clean_slug(s: &str) -> String {
    slug_of(s).unwrap_or_else(|| percent_decode(s, false).unwrap_or_else(|| s.to_string()))
}

/// `date` (local, no offset) and `date_gmt` → a timestamp with the site's offset.
pub fn timestamp(local: &str, gmt: Option<&str>) -> Result<Timestamp, FetchError> {
    let bad = || FetchError::BadData(format!("date: {:?}", local.chars().take(40).collect::<String>()));
    if let Ok(t) = Timestamp::parse(local) {
        return Ok(t); // already has an offset
    }
    let as_utc = Timestamp::parse(&format!("{local}Z")).map_err(|_| bad())?;
    let offset = gmt
        .and_then(|g| Timestamp::parse(&format!("{g}Z")).ok())
        .map(|g| (as_utc.unix() - g.unix()) / 60)
        .filter(|m| m.abs() < 18 * 60)
        .unwrap_or(0);
    let sign = if offset < 0 { '-' } else { '+' };
    let m = offset.abs();
    Timestamp::parse(&format!("{local}{sign}{:02}:{:02}", m / 60, m % 60)).map_err(|_| bad())
}

pub fn category(t: &WpTerm) -> CategoryRef {
    CategoryRef {
        slug: clean_slug(&t.slug),
        name: text(&t.name),
    }
}

pub fn tag(t: &WpTerm) -> TagRef {
    TagRef {
        slug: clean_slug(&t.slug),
        name: text(&t.name),
    }
}

/// A draft, private or scheduled post that reached us anyway (an
/// authenticated proxy, a plugin) is never shown.
fn check_public(status: &str) -> Result<(), FetchError> {
    if status == "publish" {
        Ok(())
    } else {
        Err(FetchError::NotFound)
    }
}

/// The post's category: the first of `categories` that is embedded.
fn post_category(p: &WpPost) -> Result<CategoryRef, FetchError> {
    let terms = p.embedded.terms();
    let cats: Vec<&WpTerm> = terms.iter().filter(|t| t.taxonomy == "category").collect();
    p.categories
        .iter()
        .find_map(|id| cats.iter().find(|t| t.id == *id))
        .or(cats.first())
        .map(|t| category(t))
        .ok_or_else(|| FetchError::BadData(format!("post {}: no embedded category (is _embed blocked?)", p.id)))
}

/// A post without a title still needs a readable link and heading: its
/// opening words (from the excerpt), else its slug in words.
fn title_or_opening(title: &str, standfirst: &str, slug: &str) -> String {
    if !title.is_empty() {
        return title.to_string();
    }
    let words: Vec<&str> = standfirst.trim_end_matches('…').split_whitespace().collect();
    match words.len() {
        0 => slug.replace(['-', '_'], " "),
        n if n <= TITLE_WORDS => words.join(" "),
        _ => format!("{}…", words[..TITLE_WORDS].join(" ")),
    }
}

/// Words of the opening that stand in for a missing title.
const TITLE_WORDS: usize = 10;

/// Whether a standfirst only repeats the body: WordPress generates an
/// excerpt from the content when the editor wrote none (and the REST API
/// does not say which it is), and printing it above that same text would
/// say it twice. Compared on letters and digits alone, so markup, entities,
/// spacing and the cut-off tail do not matter (and the browser bundle needs
/// no folding table for it). Listings still show it.
fn repeats_body(standfirst: &str, body: &[Block]) -> bool {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let head = letters(standfirst);
    // The converted body's text: the HTML is not parsed a second time.
    !head.is_empty() && letters(&crate::source::search::blocks_text(body)).contains(&head)
}

/// A card's worth of a post. Errors: `NotFound` (not public), `BadData`
/// (no category among others: a post always has one in WordPress).
pub fn summary(p: &WpPost) -> Result<ArticleSummary, FetchError> {
    summary_of(p, false)
}

/// A card's worth of a custom type's item: as a post's, but an item with no
/// category at all (a type without the `category` taxonomy, or an item left
/// without one) maps with an empty `category`; its pages show the type's
/// label instead. Categories listed but not embedded are still an error.
pub fn item_summary(p: &WpPost) -> Result<ArticleSummary, FetchError> {
    summary_of(p, true)
}

fn summary_of(p: &WpPost, item: bool) -> Result<ArticleSummary, FetchError> {
    check_public(&p.status)?;
    let published = timestamp(&p.date, p.date_gmt.as_deref())?;
    let modified = p
        .modified
        .as_deref()
        .and_then(|m| timestamp(m, p.modified_gmt.as_deref()).ok())
        .filter(|m| m.unix() > published.unix() + 60);
    let slug = clean_slug(&p.slug);
    if slug.is_empty() {
        return Err(FetchError::BadData(format!("post {}: empty slug", p.id)));
    }
    let standfirst = if p.excerpt.protected {
        String::new()
    } else {
        excerpt(&p.excerpt.rendered)
    };
    Ok(ArticleSummary {
        title: title_or_opening(&text(&p.title.rendered), &standfirst, &slug),
        slug,
        standfirst,
        category: if item && p.categories.is_empty() {
            CategoryRef::default()
        } else {
            post_category(p)?
        },
        authors: p
            .embedded
            .authors()
            .iter()
            .map(|u| AuthorRef {
                slug: clean_slug(&u.slug),
                name: text(&u.name),
            })
            .collect(),
        published,
        modified,
        image: p.embedded.media().as_ref().and_then(image),
        reading_minutes: 0,
        format: crate::model::PostFormat::from_wordpress(&p.format),
        // A list carries no body to find the link in (an article does).
        link: None,
        post_type: None,
    })
}

/// The posts of a list that map; the others (not public, malformed) are skipped.
pub fn summaries(posts: &[WpPost]) -> Vec<ArticleSummary> {
    posts.iter().filter_map(|p| summary(p).ok()).collect()
}

/// [`item_summary`] of each item that maps.
pub fn item_summaries(posts: &[WpPost]) -> Vec<ArticleSummary> {
    posts.iter().filter_map(|p| item_summary(p).ok()).collect()
}

/// Body HTML → blocks, links rewritten.
pub fn body(html: &str, links: &LinkContext) -> Vec<Block> {
    let opts = BodyOptions {
        internal_origins: vec![links.origin.clone()],
        ..Default::default()
    };
    let mut blocks = html_to_blocks(html, &opts);
    for b in &mut blocks {
        rewrite_block(b, links);
    }
    blocks
}

fn rewrite_block(b: &mut Block, links: &LinkContext) {
    match b {
        Block::Details { summary, body } => {
            rewrite_inlines(summary, links);
            body.iter_mut().for_each(|b| rewrite_block(b, links));
        }
        Block::Figure { .. } | Block::Gallery { .. } | Block::Cover { .. } => {
            if let Block::Gallery { items, .. } = b {
                items
                    .iter_mut()
                    .filter(|i| !i.full.is_empty())
                    .for_each(|i| links.absolute(&mut i.full));
            }
            for image in b.own_images_mut() {
                links.absolute(&mut image.url);
                image.sources.iter_mut().for_each(|s| links.absolute(&mut s.url));
            }
            b.layout_children_mut()
                .into_iter()
                .for_each(|c| rewrite_block(c, links));
        }
        Block::Columns { .. } | Block::MediaText { .. } | Block::Group { .. } => {
            b.layout_children_mut()
                .into_iter()
                .for_each(|c| rewrite_block(c, links));
        }
        Block::Buttons { buttons } => buttons.iter_mut().for_each(|b| b.href = links.rewrite(&b.href)),
        Block::File { href, .. } => links.absolute(href),
        Block::Audio { src, .. } => links.absolute(src),
        Block::Video { src, poster, .. } => {
            links.absolute(src);
            poster.iter_mut().for_each(|p| links.absolute(p));
        }
        _ => b.inline_runs_mut().into_iter().for_each(|r| rewrite_inlines(r, links)),
    }
}

fn rewrite_inlines(inlines: &mut [Inline], links: &LinkContext) {
    for i in inlines {
        match i {
            Inline::Link { href, children } => {
                *href = links.rewrite(href);
                rewrite_inlines(children, links);
            }
            Inline::Emphasis { children } | Inline::Strong { children } | Inline::Styled { children, .. } => {
                rewrite_inlines(children, links)
            }
            Inline::Text { .. } | Inline::LineBreak | Inline::FootnoteRef { .. } | Inline::Unknown => {}
        }
    }
}

/// Reading time: words / 220, rounded up, at least 1.
/// A term description or a biography (WordPress keeps their HTML) as
/// blocks; none when it is plain text, which `text` shows as well.
pub fn about(html: &str, links: &LinkContext) -> Vec<Block> {
    if !html.contains('<') {
        return Vec::new();
    }
    body(html, links)
}

pub fn reading_minutes(blocks: &[Block]) -> u32 {
    let count = |inl: &[Inline]| Inline::plain_text(inl).split_whitespace().count();
    let words: usize = blocks
        .iter()
        .map(|b| match b {
            Block::Preformatted { text } | Block::Code { text } => text.split_whitespace().count(),
            _ => b.inline_runs().into_iter().map(count).sum(),
        })
        .sum();
    u32::try_from(words.div_ceil(WORDS_PER_MINUTE).max(1)).unwrap_or(u32::MAX)
}

/// A full article. `related`: best first.
pub fn article(
    p: &WpPost,
    links: &LinkContext,
    comment_count: u32,
    related: Vec<ArticleSummary>,
) -> Result<Article, FetchError> {
    article_from(p, summary(p)?, links, comment_count, related)
}

/// A custom type's item as a full article (its card by [`item_summary`]).
pub fn item_article(p: &WpPost, links: &LinkContext, related: Vec<ArticleSummary>) -> Result<Article, FetchError> {
    article_from(p, item_summary(p)?, links, 0, related)
}

fn article_from(
    p: &WpPost,
    s: ArticleSummary,
    links: &LinkContext,
    comment_count: u32,
    related: Vec<ArticleSummary>,
) -> Result<Article, FetchError> {
    // A protected post's text never enters the model, even if an answer
    // carried it (a cookie, a password): only the app's password form reads it.
    let protected = p.content.as_ref().is_some_and(|c| c.protected);
    let body_html = p
        .content
        .as_ref()
        .filter(|c| !c.protected)
        .map(|c| c.rendered.as_str())
        .unwrap_or("");
    let (body, page_starts) = super::paging::paged_body(body_html, links);
    let terms = p.embedded.terms();
    let tags = p
        .tags
        .iter()
        .filter_map(|id| terms.iter().find(|t| t.id == *id && t.taxonomy == "post_tag"))
        .map(tag)
        .collect();
    Ok(Article {
        version: crate::model::API_VERSION,
        reading_minutes: reading_minutes(&body),
        standfirst: if repeats_body(&s.standfirst, &body) {
            String::new()
        } else {
            s.standfirst
        },
        slug: s.slug,
        title: s.title,
        category: s.category,
        category_parents: Vec::new(),
        tags,
        authors: s.authors,
        published: s.published,
        modified: s.modified,
        image: s.image,
        body,
        source: None,
        comment_count,
        related,
        seo: p
            .yoast_head_json
            .as_ref()
            .and_then(|v| super::seo::yoast(v, links))
            .map(Box::new),
        format: s.format,
        protected,
        page_starts,
    })
}

pub fn page(p: &WpPage, links: &LinkContext) -> Result<StaticPage, FetchError> {
    check_public(&p.status)?;
    let modified = p
        .modified
        .as_deref()
        .and_then(|m| timestamp(m, p.modified_gmt.as_deref()).ok());
    Ok(StaticPage {
        version: crate::model::API_VERSION,
        slug: clean_slug(&p.slug),
        title: text(&p.title.rendered),
        body: if p.content.protected {
            Vec::new()
        } else {
            body(&p.content.rendered, links)
        },
        modified,
        seo: p
            .yoast_head_json
            .as_ref()
            .and_then(|v| super::seo::yoast(v, links))
            .map(Box::new),
        parents: Vec::new(),
        children: Vec::new(),
    })
}

/// Navigation: top-level categories that have posts (theirs or their
/// children's: `tree::non_empty`), in creation order (term ID, which an
/// editor controls by creating them in menu order); when there are more than
/// `NAV_MAX`, the ones with most posts.
pub fn nav(categories: &[WpTerm]) -> Vec<WpTerm> {
    let keep = super::tree::non_empty(categories);
    let mut top: Vec<WpTerm> = categories
        .iter()
        .filter(|c| c.parent == 0 && keep.contains(&c.id))
        .cloned()
        .collect();
    top.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
    top.truncate(NAV_MAX);
    top.sort_by_key(|c| c.id);
    top
}

/// An IANA zone for the site: `timezone_string`, else `Etc/GMT±N` from a
/// whole-hour `gmt_offset`, else that offset as `+05:30` (a site in India
/// or Nepal sets no city), else `UTC`.
pub fn timezone(root: &WpRoot) -> String {
    if !root.timezone_string.trim().is_empty() {
        return root.timezone_string.trim().to_string();
    }
    let hours = match &root.gmt_offset {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
    .unwrap_or(0.0);
    if hours == 0.0 || !hours.is_finite() || hours.abs() > 14.0 {
        return "UTC".into();
    }
    if hours.fract() != 0.0 {
        let minutes = (hours.abs() * 60.0).round() as u32;
        let sign = if hours < 0.0 { '-' } else { '+' };
        return format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60);
    }
    // POSIX-style names invert the sign: UTC+1 is Etc/GMT-1.
    format!("Etc/GMT{:+}", -(hours as i32))
}

pub fn site(root: &WpRoot, categories: &[WpTerm]) -> SiteInfo {
    SiteInfo {
        version: crate::model::API_VERSION,
        name: text(&root.name),
        tagline: text(&root.description),
        locale: "fr".into(),
        timezone: timezone(root),
        nav: nav(categories)
            .iter()
            .map(|c| NavItem {
                slug: clean_slug(&c.slug),
                name: text(&c.name),
            })
            .collect(),
        social: Vec::new(),
        menus: Default::default(),
        icon: super::settings::icon(&root.site_icon_url),
        posts_per_page: None,
        date_format: None,
    }
}
