//! WordPress's own site settings, where `config.json` does not set them.
//!
//! - The REST index (public) gives the name, tagline, time zone and, since
//!   WordPress 5.9, the Site Icon's URL: the live source and the export read
//!   those.
//! - `/wp/v2/settings` (an administrator's application password) adds the
//!   language and "Blog pages show at most": only the export can ask, and it
//!   writes them into the static API's `site.json`.
//! - The date format (a PHP pattern such as `j F Y`) goes to `site.json`
//!   when it maps onto an `i18n::DateStyle` (the prerender and the browser
//!   write dates that way); any other pattern is left out and dates keep
//!   the locale's long form, see `docs/config.md`.

use serde::Deserialize;

use super::wire::WpRoot;
use crate::model::SiteInfo;

/// `/wp/v2/settings`, the fields Kiosque reads. Every field is optional:
/// a plugin may remove any of them.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpSettings {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// An IANA name, or `UTC+1`-style for a bare offset.
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub date_format: Option<String>,
    /// `WPLANG`: `fr_FR`, `ar`…; `""` is WordPress's default, `en_US`.
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub posts_per_page: Option<serde_json::Value>,
}

impl WpSettings {
    /// "Blog pages show at most", when it is a usable listing size (1–100).
    pub fn per_page(&self) -> Option<u32> {
        let n = match self.posts_per_page.as_ref()? {
            serde_json::Value::Number(n) => n.as_u64()?,
            serde_json::Value::String(s) => s.trim().parse().ok()?,
            _ => return None,
        };
        u32::try_from(n).ok().filter(|n| (1..=100).contains(n))
    }

    /// The interface locale for the site's language, when Kiosque has it.
    pub fn locale(&self) -> Option<&'static str> {
        locale_of(self.language.as_deref()?)
    }
}

/// A WordPress locale (`fr_FR`, `fr_BE`, `en_GB`, `ar`, `""` for `en_US`)
/// → one of Kiosque's interface locales; any other language is `None` (the
/// configured or default locale stays).
pub fn locale_of(language: &str) -> Option<&'static str> {
    let lang = language.trim();
    if lang.is_empty() {
        return Some("en");
    }
    let primary = lang.split(['_', '-']).next().unwrap_or(lang).to_ascii_lowercase();
    match primary.as_str() {
        "fr" => Some("fr"),
        "en" => Some("en"),
        "ar" | "ary" => Some("ar"),
        _ => None,
    }
}

/// The Site Icon's URL, when it is an http(s) URL (the head writes it
/// through `SafeUrl` again).
pub fn icon(url: &str) -> Option<String> {
    let url = url.trim();
    (url.starts_with("https://") || url.starts_with("http://"))
        .then(|| crate::url::SafeUrl::new(url))
        .flatten()
        .map(crate::url::SafeUrl::into_string)
}

/// The site document with what the settings add: the language (when
/// Kiosque has it), the listing size, the date format (when Kiosque can
/// write it, in its canonical spelling), and the time zone when the index
/// gave none.
pub fn apply(site: &mut SiteInfo, root: &WpRoot, settings: &WpSettings) {
    if let Some(locale) = settings.locale() {
        site.locale = locale.into();
    }
    site.posts_per_page = settings.per_page();
    site.date_format = settings
        .date_format
        .as_deref()
        .and_then(crate::i18n::DateStyle::from_php)
        .map(|s| s.to_php());
    let zone = settings.timezone.as_deref().map(str::trim).unwrap_or("");
    if root.timezone_string.trim().is_empty() && zone.contains('/') {
        site.timezone = zone.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_map_to_interface_locales() {
        assert_eq!(locale_of("fr_FR"), Some("fr"));
        assert_eq!(locale_of("fr_BE"), Some("fr"));
        assert_eq!(locale_of(""), Some("en"), "WordPress's default is en_US");
        assert_eq!(locale_of("en_GB"), Some("en"));
        assert_eq!(locale_of("ar"), Some("ar"));
        assert_eq!(locale_of("ary"), Some("ar"));
        assert_eq!(locale_of("de_DE"), None);
        assert_eq!(locale_of("frr"), None, "North Frisian is not French");
    }

    #[test]
    fn posts_per_page_is_read_leniently_and_bounded() {
        let s = |v: serde_json::Value| WpSettings {
            posts_per_page: Some(v),
            ..WpSettings::default()
        };
        assert_eq!(s(serde_json::json!(10)).per_page(), Some(10));
        assert_eq!(s(serde_json::json!("12")).per_page(), Some(12));
        assert_eq!(s(serde_json::json!(0)).per_page(), None);
        assert_eq!(s(serde_json::json!(500)).per_page(), None);
        assert_eq!(s(serde_json::json!(-1)).per_page(), None);
        assert_eq!(WpSettings::default().per_page(), None);
    }

    #[test]
    fn date_formats_kiosque_can_write_reach_the_site_document() {
        let root: WpRoot = serde_json::from_value(serde_json::json!({"name": "N"})).unwrap();
        let with = |format: &str| {
            let mut site: SiteInfo = serde_json::from_value(serde_json::json!({"name": "N"})).unwrap();
            let settings = WpSettings {
                date_format: Some(format.into()),
                ..WpSettings::default()
            };
            apply(&mut site, &root, &settings);
            site.date_format
        };
        assert_eq!(with("d/m/Y").as_deref(), Some("d/m/Y"));
        assert_eq!(with(" F j, Y ").as_deref(), Some("F j, Y"));
        assert_eq!(with("l, F jS, Y"), None, "not one Kiosque writes: the locale's form");
    }

    #[test]
    fn only_http_icons_are_kept() {
        assert_eq!(
            icon(" https://s.example/wp-content/uploads/icon.png "),
            Some("https://s.example/wp-content/uploads/icon.png".into())
        );
        assert_eq!(icon(""), None);
        assert_eq!(icon("javascript:alert(1)"), None);
        assert_eq!(icon("/relative.png"), None);
    }
}
