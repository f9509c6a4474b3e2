//! Old WordPress URLs answered by the host with a 301, not only by the app in
//! the browser: `make prerender` writes what each deploy recipe reads.
//!
//! - `redirects.nginx.conf`: nginx `map`s included by `deploy/nginx/kiosque.conf`
//!   (one regex for every dated permalink, a line per `/slug` and per ID);
//! - `_redirects`: a generated block, between marker comments, in the file the
//!   kit ships for Netlify (the publisher's own lines are kept);
//! - small redirect pages at `/YYYY/MM/DD/slug/` and `/slug/` for hosts that
//!   cannot redirect (GitHub Pages); query forms (`?p=ID`) cannot be files:
//!   there the app's browser redirect remains.
//!
//! The old forms are WordPress's (`kiosque_core::source::wordpress::links`),
//! the new ones Kiosque's routes (`Route::path`). Every file is written under
//! a temporary name and renamed, and only when its text changed.

mod netlify;
mod nginx;
mod pages;
mod staged;

use std::collections::HashSet;
use std::path::Path;

use kiosque_core::model::Timestamp;
use kiosque_core::routes::{self, Route};
use kiosque_core::source::wordpress::links;

/// An article as its old URLs need it.
#[derive(Clone, Debug, PartialEq)]
pub struct OldPost {
    pub slug: String,
    /// Its WordPress permalink, `/2026/11/28/slug/` (from its local date).
    pub dated: Option<String>,
    pub wp_id: Option<u64>,
}

impl OldPost {
    pub fn new(slug: &str, published: &Timestamp, wp_id: Option<u64>) -> OldPost {
        OldPost {
            slug: slug.to_string(),
            dated: links::dated_permalink(published, slug),
            wp_id,
        }
    }
}

/// What the old URLs point at, gathered by the plan while it walks the site.
#[derive(Clone, Debug, Default)]
pub struct Legacy {
    pub posts: Vec<OldPost>,
    /// Static pages: slug and WordPress page ID.
    pub pages: Vec<(String, Option<u64>)>,
    /// Categories and authors with a WordPress ID.
    pub categories: Vec<(String, u64)>,
    pub authors: Vec<(String, u64)>,
    /// Other old paths the source knows: a nested page's
    /// (`/parent/child` → `/child`) and a split post's parts (`/slug/2` →
    /// `/article/slug/2`). Paths are encoded as `Route::path` encodes.
    pub paths: Vec<(String, Route)>,
}

/// Most parts of a split post given a redirect each (the rest still reach
/// the app's browser redirect).
pub const MAX_PARTS: u32 = 100;

impl Legacy {
    /// Notes a page's nested path, when it has parents.
    pub fn nested_page(&mut self, slug: &str, parents: &[String]) {
        if parents.is_empty() {
            return;
        }
        let from: String = parents
            .iter()
            .chain([&slug.to_string()])
            .map(|s| Route::page(s.clone()).path())
            .collect();
        self.paths.push((from, Route::page(slug.to_string())));
    }

    /// Notes the part URLs (`/slug/N`, N ≥ 2) of a post in `parts` parts.
    pub fn split_post(&mut self, slug: &str, parts: Option<u32>) {
        let bare = Route::page(slug.to_string()).path();
        for n in 2..=parts.unwrap_or(1).min(MAX_PARTS) {
            self.paths
                .push((format!("{bare}/{n}"), Route::article_page(slug.to_string(), n)));
        }
    }
}

/// An old URL by ID: `/?p=12` (`key` "p", `id` 12).
#[derive(Clone, Debug, PartialEq)]
pub struct ById {
    pub key: &'static str,
    pub id: u64,
    pub to: Route,
}

/// The redirects of a site, as every recipe writes them.
pub struct Redirects {
    /// `/slug` (WordPress's `/%postname%/`) → `/article/slug`, for articles
    /// whose slug names no static page and no other Kiosque route; then the
    /// other old paths (`Legacy::paths`) that are no Kiosque route.
    pub postname: Vec<(String, Route)>,
    /// Each article's dated permalink (for hosts without rules).
    pub dated: Vec<(String, Route)>,
    /// The parts of a split post under its dated permalink
    /// (`/2026/11/28/slug/2/` → `/article/slug/2`), one by one: nginx's
    /// regex takes them all, Netlify's placeholders cannot tell a part
    /// number from any other segment (`/feed/`), pages are per path.
    pub dated_parts: Vec<(String, Route)>,
    pub by_id: Vec<ById>,
    /// Left out: not safe in a path (never expected from a checked slug).
    pub refused: usize,
}

/// Characters every written path is made of: letters (any script), digits,
/// `/ - _ . ~ %`. Nothing that nginx, `_redirects` or HTML would read as
/// syntax (quotes, spaces, `$`, `;`, `{`, `#`, `<`, `&`…) can get through.
pub fn is_safe_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.contains("//")
        && !path.split('/').any(|s| s == "." || s == "..")
        && path.chars().all(|c| c.is_alphanumeric() || "/-_.~%".contains(c))
}

/// A path as a URL: every byte but unreserved ones and `/` percent-encoded.
/// Idempotent: routes are already encoded (`Route::path`), and an escape is
/// written once, never as `%25…`.
pub fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|seg| match routes::percent_decode(seg, false) {
            Some(decoded) => routes::encode_component(&decoded),
            None => routes::encode_component(seg),
        })
        .collect::<Vec<_>>()
        .join("/")
}

impl Redirects {
    pub fn of(legacy: &Legacy) -> Redirects {
        let page_slugs: HashSet<&str> = legacy.pages.iter().map(|(s, _)| s.as_str()).collect();
        let mut refused = 0;
        let mut keep = |from: &str, to: &Route| {
            // The target must be a route Kiosque reads back as itself: a slug
            // no source could have (`a"b`) is refused even though its path,
            // percent-encoded, is harmless.
            let to_path = to.path();
            let ok = is_safe_path(from) && is_safe_path(&to_path) && Route::parse(&to_path, "").as_ref() == Some(to);
            refused += usize::from(!ok);
            ok
        };
        let mut postname = Vec::new();
        let mut dated = Vec::new();
        let mut seen_slugs = HashSet::new();
        for post in &legacy.posts {
            let to = Route::article(post.slug.clone());
            let bare = Route::page(post.slug.clone()).path();
            // `/slug` is Kiosque's own page route: only when no page has it
            // and it is not another route (`/search`…).
            let free = !page_slugs.contains(post.slug.as_str())
                && Route::parse(&bare, "") == Some(Route::page(post.slug.clone()));
            if free && seen_slugs.insert(post.slug.as_str()) && keep(&bare, &to) {
                postname.push((bare, to.clone()));
            }
            if let Some(old) = &post.dated {
                if keep(old, &to) {
                    dated.push((old.clone(), to));
                }
            }
        }
        let dated_parts = dated_parts(legacy, &dated, &mut keep);
        let mut seen_paths: HashSet<String> = postname.iter().map(|(from, _)| from.clone()).collect();
        for (from, to) in &legacy.paths {
            // A path Kiosque serves itself (`/category/x`, `/page/2`) stays its own.
            if Route::parse(from, "").is_none() && seen_paths.insert(from.clone()) && keep(from, to) {
                postname.push((from.clone(), to.clone()));
            }
        }
        let mut by_id = Vec::new();
        let mut seen = HashSet::new();
        let mut add = |key: &'static str, id: Option<u64>, to: Route, keep: &mut dyn FnMut(&str, &Route) -> bool| {
            if let Some(id) = id.filter(|&id| id > 0) {
                if keep("/", &to) && seen.insert((key, id)) {
                    by_id.push(ById { key, id, to });
                }
            }
        };
        for p in &legacy.posts {
            add("p", p.wp_id, Route::article(p.slug.clone()), &mut keep);
        }
        for (slug, id) in &legacy.pages {
            add("page_id", *id, Route::page(slug.clone()), &mut keep);
        }
        for (slug, id) in &legacy.categories {
            add("cat", Some(*id), Route::category(slug.clone(), 1), &mut keep);
        }
        for (slug, id) in &legacy.authors {
            add("author", Some(*id), Route::author(slug.clone(), 1), &mut keep);
        }
        Redirects {
            postname,
            dated,
            dated_parts,
            by_id,
            refused,
        }
    }
}

/// The dated permalinks of the split posts' parts (`Legacy::split_post`
/// noted as `/slug/N`), for the posts whose dated permalink is in `dated`.
fn dated_parts(
    legacy: &Legacy,
    dated: &[(String, Route)],
    keep: &mut dyn FnMut(&str, &Route) -> bool,
) -> Vec<(String, Route)> {
    let parts: HashSet<&str> = legacy.paths.iter().map(|(from, _)| from.as_str()).collect();
    let mut out = Vec::new();
    for (old, to) in dated {
        let Route::Article { slug, .. } = to else { continue };
        let bare = Route::page(slug.clone()).path();
        for n in 2..=MAX_PARTS {
            if !parts.contains(format!("{bare}/{n}").as_str()) {
                break;
            }
            let (from, to) = (format!("{old}{n}/"), Route::article_page(slug.clone(), n));
            if keep(&from, &to) {
                out.push((from, to));
            }
        }
    }
    out
}

/// What a run wrote, for its summary.
#[derive(Debug, Default, PartialEq)]
pub struct Summary {
    pub rules: usize,
    pub pages_written: usize,
    pub pages_deleted: usize,
    pub refused: usize,
}

/// Writes the three forms into `dist/`. `base_url`: the deploy's public URL
/// (`https://host/news`); `lang`: the site's locale.
pub fn write(dist: &Path, legacy: &Legacy, base_url: &str, lang: &str) -> Result<Summary, String> {
    let base = routes::base_path(base_url);
    if !base.is_empty() && !is_safe_path(&base) {
        return Err(format!(
            "redirects: the base path {base:?} cannot be written into a rule"
        ));
    }
    let redirects = Redirects::of(legacy);
    nginx::write(dist, &base, &redirects).map_err(|e| format!("{}: {e}", nginx::FILE))?;
    netlify::write(dist, &base, &redirects).map_err(|e| format!("_redirects: {e}"))?;
    let site = pages::Site {
        base: &base,
        base_url,
        lang,
    };
    let (pages_written, pages_deleted) =
        pages::write(dist, &site, &redirects).map_err(|e| format!("redirect pages: {e}"))?;
    Ok(Summary {
        rules: redirects.postname.len() + redirects.by_id.len(),
        pages_written,
        pages_deleted,
        refused: redirects.refused,
    })
}

#[cfg(test)]
pub(crate) mod tests;
