//! The URL prefixes of the site's custom post types (`config.json`'s
//! `post_types`): which first path segments name a type's listing
//! (`/<prefix>`) and its items (`/<prefix>/<slug>`). A value built from the
//! config and handed to [`Route::parse_in`], so parsing needs no global state.

use super::Route;

/// First path segments of the built-in routes (and of the files a deploy
/// serves beside them): a type's prefix must be none of these.
pub const RESERVED_PREFIXES: [&str; 12] = [
    "article",
    "category",
    "tag",
    "author",
    "search",
    "page",
    "comments",
    "preview",
    "api",
    "assets",
    "media",
    "page-data",
];

/// At most this many custom types (each adds a listing and a feed to every build).
pub const TYPES_MAX: usize = 8;
/// A prefix is at most this long.
pub const PREFIX_MAX: usize = 32;

/// Why a prefix cannot name a type's pages.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PrefixError {
    #[error("must be 1 to {PREFIX_MAX} characters")]
    Length,
    #[error("{0:?} may hold only lowercase ASCII letters, digits and '-', and must start with a letter")]
    Shape(String),
    #[error("{0:?} is already a route of the site (reserved: {reserved})", reserved = RESERVED_PREFIXES.join(", "))]
    Reserved(String),
    #[error("{0:?} is WordPress's own path (wp-…)")]
    WordPress(String),
}

/// Checks one prefix on its own (duplicates are the caller's to find).
pub fn check_prefix(prefix: &str) -> Result<(), PrefixError> {
    if prefix.is_empty() || prefix.len() > PREFIX_MAX {
        return Err(PrefixError::Length);
    }
    let shaped = prefix.starts_with(|c: char| c.is_ascii_lowercase())
        && prefix
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !shaped {
        return Err(PrefixError::Shape(prefix.into()));
    }
    if RESERVED_PREFIXES.contains(&prefix) {
        return Err(PrefixError::Reserved(prefix.into()));
    }
    if prefix.starts_with("wp-") {
        return Err(PrefixError::WordPress(prefix.into()));
    }
    Ok(())
}

/// The prefixes [`Route::parse_in`] reads as custom types. Prefixes that
/// fail [`check_prefix`] and repeats are left out, so a type can never
/// shadow a built-in route even if the config was not validated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypePrefixes(Vec<String>);

impl TypePrefixes {
    pub fn new<S: AsRef<str>>(prefixes: impl IntoIterator<Item = S>) -> TypePrefixes {
        let mut kept: Vec<String> = Vec::new();
        for p in prefixes {
            let p = p.as_ref();
            if check_prefix(p).is_ok() && !kept.iter().any(|k| k == p) && kept.len() < TYPES_MAX {
                kept.push(p.to_string());
            }
        }
        TypePrefixes(kept)
    }

    /// The prefix as configured, when `segment` is one.
    pub fn find(&self, segment: &str) -> Option<&str> {
        self.0.iter().find(|p| p.as_str() == segment).map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl Route {
    /// Page `page` of the listing of the type whose prefix is `prefix`.
    pub fn type_listing(prefix: impl Into<String>, page: u32) -> Route {
        Route::TypeListing {
            prefix: prefix.into(),
            page: page.max(1),
        }
    }

    /// An item of the type whose prefix is `prefix`.
    pub fn type_item(prefix: impl Into<String>, slug: impl Into<String>) -> Route {
        Route::TypeItem {
            prefix: prefix.into(),
            slug: slug.into(),
        }
    }
}
