use serde::{Deserialize, Serialize};

use super::Menus;

/// A navigation entry (a category).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NavItem {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SocialLink {
    /// e.g. "facebook", "x", "instagram", "youtube", "rss".
    pub network: String,
    pub url: String,
}

/// What a source says about the site. `config.json`'s `site` overrides it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteInfo {
    #[serde(default = "super::listing::default_version")]
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub tagline: String,
    #[serde(default = "default_locale")]
    pub locale: String,
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(default)]
    pub nav: Vec<NavItem>,
    #[serde(default)]
    pub social: Vec<SocialLink>,
    /// The editors' menus (WordPress menus, or `config.json`'s `site.nav`);
    /// without them the header lists `nav`.
    #[serde(default, skip_serializing_if = "Menus::is_empty")]
    pub menus: Menus,
    /// The site's icon (WordPress's Site Icon): an absolute http(s) URL or
    /// a site-relative one, written into the head through `SafeUrl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Articles a listing page holds, as the producer cut them (WordPress's
    /// "Blog pages show at most"); informational, the pages are already cut.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posts_per_page: Option<u32>,
    /// The site's date format as a PHP pattern Kiosque can write (see
    /// `i18n::DateStyle`): WordPress's, written by the export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_format: Option<String>,
}

/// The locale a site has when its source says none.
pub const DEFAULT_LOCALE: &str = "fr";
/// The time zone a site has when its source says none.
pub const DEFAULT_TIMEZONE: &str = "Africa/Casablanca";

fn default_locale() -> String {
    DEFAULT_LOCALE.into()
}

fn default_timezone() -> String {
    DEFAULT_TIMEZONE.into()
}
