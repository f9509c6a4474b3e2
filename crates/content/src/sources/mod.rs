//! Reading and validating the sources: `site.toml`, `authors/*.md`,
//! `articles/*.md`, `pages/*.md`. Every error names the file and the field.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::illustrate::Motif;
use kiosque_core::model::{SocialLink, Timestamp};

mod check;
mod files;

use check::{check_article, check_site, timestamp};
#[cfg(test)]
use files::split_front_matter;
use files::{markdown_files, parse_toml, read_front};

/// A problem in a source file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceError {
    pub file: PathBuf,
    pub field: Option<String>,
    pub message: String,
}

impl SourceError {
    pub fn new(file: &Path, field: Option<&str>, message: impl Into<String>) -> Self {
        SourceError {
            file: file.to_path_buf(),
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{}: field `{field}`: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteToml {
    pub name: String,
    #[serde(default)]
    pub tagline: String,
    #[serde(default = "default_locale")]
    pub locale: String,
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(default = "default_per_page")]
    pub per_page: u32,
    #[serde(default = "default_latest")]
    pub latest_count: u32,
    #[serde(default)]
    pub categories: Vec<CategoryToml>,
    #[serde(default)]
    pub social: Vec<SocialLink>,
}

fn default_locale() -> String {
    kiosque_core::model::DEFAULT_LOCALE.into()
}
fn default_timezone() -> String {
    kiosque_core::model::DEFAULT_TIMEZONE.into()
}
fn default_per_page() -> u32 {
    10
}
fn default_latest() -> u32 {
    10
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryToml {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorFront {
    name: String,
    #[serde(default)]
    role: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleFront {
    title: String,
    #[serde(default)]
    standfirst: String,
    category: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    authors: Vec<String>,
    published: String,
    modified: Option<String>,
    source: Option<String>,
    #[serde(default)]
    comments: u32,
    #[serde(default)]
    views: u64,
    #[serde(default)]
    featured: bool,
    image: Option<ImageFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImageFront {
    motif: String,
    alt: Option<String>,
    caption: Option<String>,
    credit: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFront {
    title: String,
    modified: Option<String>,
}

pub struct AuthorSrc {
    pub slug: String,
    pub name: String,
    pub role: String,
    pub bio_md: String,
}

pub struct ImageSrc {
    pub motif: Motif,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

pub struct ArticleSrc {
    pub slug: String,
    pub file: PathBuf,
    pub title: String,
    pub standfirst: String,
    pub category: String,
    /// Tag names as written, de-duplicated by slug.
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    pub published: Timestamp,
    pub modified: Option<Timestamp>,
    pub source: Option<String>,
    pub comments: u32,
    pub views: u64,
    pub featured: bool,
    pub image: Option<ImageSrc>,
    pub body_md: String,
}

pub struct PageSrc {
    pub slug: String,
    pub file: PathBuf,
    pub title: String,
    pub modified: Option<Timestamp>,
    pub body_md: String,
}

pub struct Sources {
    pub site: SiteToml,
    pub authors: BTreeMap<String, AuthorSrc>,
    /// Sorted by slug.
    pub articles: Vec<ArticleSrc>,
    pub pages: Vec<PageSrc>,
    /// Custom post types' items by REST base (`types/<rest_base>/`), each
    /// sorted by slug.
    pub types: BTreeMap<String, Vec<ArticleSrc>>,
}

/// Paths that a static page's slug (served at `/<slug>`) may not take.
const RESERVED_PAGE_SLUGS: &[&str] = &["api", "article", "author", "category", "media", "page", "search", "tag"];

/// A slug is lowercase ASCII letters, digits and single inner hyphens.
pub fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Loads and validates everything under `root`. All errors are collected;
/// the sources that are valid are returned too (when `site.toml` is), so
/// later stages can report their own errors in the same run.
pub fn load(root: &Path) -> (Option<Sources>, Vec<SourceError>) {
    let mut errors = Vec::new();
    let site_path = root.join("site.toml");
    let site = match std::fs::read_to_string(&site_path) {
        Ok(text) => match parse_toml::<SiteToml>(&site_path, &text, 0) {
            Ok(site) => {
                check_site(&site_path, &site, &mut errors);
                Some(site)
            }
            Err(e) => {
                errors.push(e);
                None
            }
        },
        Err(e) => {
            errors.push(SourceError::new(&site_path, None, format!("cannot read: {e}")));
            None
        }
    };
    let mut authors = BTreeMap::new();
    for (slug, file) in markdown_files(&root.join("authors"), &mut errors) {
        let Some((front, body, offset)) = read_front(&file, &mut errors) else {
            continue;
        };
        match parse_toml::<AuthorFront>(&file, &front, offset) {
            Ok(a) => {
                if a.name.trim().is_empty() {
                    errors.push(SourceError::new(&file, Some("name"), "must not be empty"));
                }
                authors.insert(
                    slug.clone(),
                    AuthorSrc {
                        slug,
                        name: a.name.trim().into(),
                        role: a.role.trim().into(),
                        bio_md: body,
                    },
                );
            }
            Err(e) => errors.push(e),
        }
    }
    let articles = load_articles(&root.join("articles"), site.as_ref(), &authors, &mut errors);
    // A custom post type's items: `types/<rest_base>/*.md`, written like articles.
    let mut types = BTreeMap::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("types"))
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    for dir in dirs {
        let rest_base = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if !valid_slug(&rest_base) {
            errors.push(SourceError::new(&dir, None, "a type's folder is its REST base: a slug"));
            continue;
        }
        let items = load_articles(&dir, site.as_ref(), &authors, &mut errors);
        types.insert(rest_base, items);
    }
    let mut pages = Vec::new();
    for (slug, file) in markdown_files(&root.join("pages"), &mut errors) {
        let Some((front, body, offset)) = read_front(&file, &mut errors) else {
            continue;
        };
        if RESERVED_PAGE_SLUGS.contains(&slug.as_str()) {
            errors.push(SourceError::new(
                &file,
                None,
                format!("the page slug `{slug}` is a reserved route"),
            ));
        }
        match parse_toml::<PageFront>(&file, &front, offset) {
            Ok(p) => {
                if p.title.trim().is_empty() {
                    errors.push(SourceError::new(&file, Some("title"), "must not be empty"));
                }
                let modified = p
                    .modified
                    .as_deref()
                    .and_then(|m| timestamp(&file, "modified", m, &mut errors));
                pages.push(PageSrc {
                    slug,
                    file,
                    title: p.title.trim().into(),
                    modified,
                    body_md: body,
                });
            }
            Err(e) => errors.push(e),
        }
    }
    errors.sort();
    errors.dedup();
    (
        site.map(|site| Sources {
            site,
            authors,
            articles,
            pages,
            types,
        }),
        errors,
    )
}

/// The articles written in `dir` (`*.md`), sorted by slug.
fn load_articles(
    dir: &Path,
    site: Option<&SiteToml>,
    authors: &BTreeMap<String, AuthorSrc>,
    errors: &mut Vec<SourceError>,
) -> Vec<ArticleSrc> {
    let mut articles = Vec::new();
    for (slug, file) in markdown_files(dir, errors) {
        let Some((front, body, offset)) = read_front(&file, errors) else {
            continue;
        };
        match parse_toml::<ArticleFront>(&file, &front, offset) {
            Ok(a) => {
                if let Some(art) = check_article(slug, &file, a, body, site, authors, errors) {
                    articles.push(art);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    articles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split() {
        assert_eq!(
            split_front_matter("+++\na = 1\n+++\nBody\n"),
            Some(("a = 1\n", "Body\n"))
        );
        assert_eq!(split_front_matter("+++\r\na = 1\r\n+++\r\nB"), Some(("a = 1\r\n", "B")));
        assert_eq!(split_front_matter("a = 1\n+++\n"), None);
        assert_eq!(split_front_matter("+++\na = 1\n"), None);
    }

    #[test]
    fn slugs_are_strict() {
        assert!(valid_slug("can-2027-supporters"));
        for bad in ["", "A", "a b", "-a", "a-", "a--b", "é", "a_b"] {
            assert!(!valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn toml_errors_name_line_and_field() {
        let e = parse_toml::<PageFront>(Path::new("p.md"), "title = 3\n", 1).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("title"));
        assert!(e.message.starts_with("line 2:"), "{}", e.message);
        let e = parse_toml::<PageFront>(Path::new("p.md"), "modified = \"x\"\n", 1).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("title"), "{e}");
        let e = parse_toml::<PageFront>(Path::new("p.md"), "title = \"a\"\ncolour = 1\n", 1).unwrap_err();
        assert!(e.message.contains("colour"), "{e}");
    }
}
