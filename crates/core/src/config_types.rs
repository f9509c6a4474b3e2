//! `config.json`'s `post_types`: the WordPress custom post types the site
//! shows beside its articles, each under its own URL prefix (`/video`,
//! `/video/<slug>`; the shapes are in `routes::types`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::config::LOCALES;
use crate::routes::{check_prefix, TypePrefixes, TYPES_MAX};

/// A label is at most this many characters (it sits in breadcrumbs and menus).
pub const LABEL_MAX: usize = 60;
/// A REST base is at most this many characters.
pub const REST_BASE_MAX: usize = 64;
/// WordPress's own collections under `/wp/v2/`: never a custom type's.
const WP_COLLECTIONS: [&str; 12] = [
    "posts",
    "pages",
    "media",
    "users",
    "comments",
    "categories",
    "tags",
    "search",
    "menus",
    "menu-items",
    "menu-locations",
    "settings",
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostTypeConfig {
    /// The type's collection under WordPress's `/wp/v2/` (its `rest_base`), and
    /// its name in the static API.
    pub rest_base: String,
    /// The first segment of its URLs: `/<prefix>` and `/<prefix>/<slug>`.
    pub prefix: String,
    /// Its name by locale (`fr`, `en`, `ar`), for breadcrumbs and menus.
    pub label: BTreeMap<String, String>,
    /// Whether its items may appear in articles' related rails.
    #[serde(default)]
    pub in_related: bool,
    /// Whether its items go into the site's feeds.
    #[serde(default)]
    pub in_feeds: bool,
}

impl PostTypeConfig {
    /// The label for `locale`, else the first given.
    pub fn label_for(&self, locale: &str) -> &str {
        self.label
            .get(locale)
            .or_else(|| self.label.values().next())
            .map_or(self.prefix.as_str(), String::as_str)
    }
}

/// Checks the configured types, naming the first bad key (`post_types[1].prefix`).
pub fn check(types: &[PostTypeConfig]) -> Result<(), (String, String)> {
    if types.len() > TYPES_MAX {
        return Err(("post_types".into(), format!("more than {TYPES_MAX} types")));
    }
    for (i, t) in types.iter().enumerate() {
        let here = format!("post_types[{i}]");
        check_prefix(&t.prefix).map_err(|e| (format!("{here}.prefix"), e.to_string()))?;
        if let Some(j) = types[..i].iter().position(|o| o.prefix == t.prefix) {
            return Err((
                format!("{here}.prefix"),
                format!("{:?} is already post_types[{j}]'s prefix", t.prefix),
            ));
        }
        check_rest_base(&t.rest_base).map_err(|m| (format!("{here}.rest_base"), m))?;
        if let Some(j) = types[..i].iter().position(|o| o.rest_base == t.rest_base) {
            return Err((
                format!("{here}.rest_base"),
                format!("{:?} is already post_types[{j}]'s", t.rest_base),
            ));
        }
        if t.label.is_empty() {
            return Err((format!("{here}.label"), "needs at least one locale's label".into()));
        }
        for (locale, label) in &t.label {
            let key = format!("{here}.label.{locale}");
            if !LOCALES.contains(&locale.as_str()) {
                return Err((key, format!("unknown locale; one of {}", LOCALES.join(", "))));
            }
            let n = label.trim().chars().count();
            if n == 0 || n > LABEL_MAX {
                return Err((key, format!("must be 1 to {LABEL_MAX} characters")));
            }
        }
    }
    Ok(())
}

fn check_rest_base(base: &str) -> Result<(), String> {
    let shaped = !base.is_empty()
        && base.len() <= REST_BASE_MAX
        && base
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !shaped {
        return Err(format!(
            "{base:?} must be 1 to {REST_BASE_MAX} lowercase ASCII letters, digits, '-' or '_'"
        ));
    }
    if WP_COLLECTIONS.contains(&base) {
        return Err(format!(
            "{base:?} is a built-in WordPress collection, not a custom type"
        ));
    }
    Ok(())
}

/// The prefixes routes are parsed with.
pub fn prefixes(types: &[PostTypeConfig]) -> TypePrefixes {
    TypePrefixes::new(types.iter().map(|t| t.prefix.as_str()))
}

#[cfg(test)]
mod tests;
