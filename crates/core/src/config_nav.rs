//! `config.json`'s `site.nav` and `site.footer_nav`: menus a publisher writes
//! by hand (a live WordPress rarely lets its menus be read without a login).
//! Each entry links to a page of the site (a path: `/category/maghreb`) or to
//! another site (an absolute http(s) URL); a parent may have no link.

use serde::{Deserialize, Serialize};

use crate::model::{MenuItem, MenuLink, SafeUrl, MENU_DEPTH, MENU_ITEMS_MAX};
use crate::routes::Route;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NavEntry {
    pub label: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub children: Vec<NavEntry>,
}

/// What `url` names: a route of this site, or another site.
fn link(url: &str) -> Result<MenuLink, String> {
    let url = url.trim();
    if url.starts_with('/') && !url.starts_with("//") {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        return Route::parse(path, query)
            .map(|r| MenuLink::route(&r))
            .ok_or_else(|| format!("{url:?} is not a page of this site (a path such as /category/slug)"));
    }
    if url.starts_with("https://") || url.starts_with("http://") {
        return SafeUrl::new(url)
            .map(MenuLink::External)
            .ok_or_else(|| format!("{url:?} is not an allowed URL"));
    }
    Err(format!(
        "{url:?} must be a site path (/category/slug) or an absolute http(s) URL"
    ))
}

/// Checks a configured menu, naming the first bad key (`site.nav[1].children[0].url`).
pub fn check(entries: &[NavEntry], key: &str) -> Result<(), (String, String)> {
    check_level(entries, key, 1)
}

fn check_level(entries: &[NavEntry], key: &str, level: usize) -> Result<(), (String, String)> {
    if entries.len() > MENU_ITEMS_MAX {
        return Err((key.into(), format!("more than {MENU_ITEMS_MAX} entries")));
    }
    for (i, e) in entries.iter().enumerate() {
        let here = format!("{key}[{i}]");
        if e.label.trim().is_empty() {
            return Err((format!("{here}.label"), "must not be empty".into()));
        }
        if let Some(url) = &e.url {
            link(url).map_err(|m| (format!("{here}.url"), m))?;
        }
        if !e.children.is_empty() && level >= MENU_DEPTH {
            return Err((
                format!("{here}.children"),
                format!("menus have {MENU_DEPTH} levels: a row and its submenus"),
            ));
        }
        check_level(&e.children, &format!("{here}.children"), level + 1)?;
    }
    Ok(())
}

/// The menu a checked list describes.
pub fn menu(entries: &[NavEntry]) -> Vec<MenuItem> {
    let items = entries
        .iter()
        .map(|e| MenuItem {
            label: e.label.clone(),
            link: e.url.as_deref().and_then(|u| link(u).ok()),
            children: menu(&e.children),
        })
        .collect();
    MenuItem::bounded(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(json: &str) -> Vec<NavEntry> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn paths_become_routes_and_urls_external_links() {
        let m = menu(&entries(
            r#"[{"label":"Maghreb","url":"/category/maghreb","children":[
                   {"label":"Tunisie","url":"/tag/tunisie/"},
                   {"label":"Partenaire","url":"https://partner.example/x"}]},
                {"label":"Rubriques"}]"#,
        ));
        assert_eq!(
            m[0].link.as_ref().unwrap().as_route(),
            Some(Route::category("maghreb", 1))
        );
        assert_eq!(m[0].children[0].link, Some(MenuLink::route(&Route::tag("tunisie", 1))));
        assert!(
            matches!(&m[0].children[1].link, Some(MenuLink::External(u)) if u.as_str() == "https://partner.example/x")
        );
        assert_eq!(m[1].link, None);
    }

    #[test]
    fn bad_entries_are_named() {
        let bad = |json: &str| check(&entries(json), "site.nav").unwrap_err().0;
        assert_eq!(bad(r#"[{"label":"x","url":"javascript:alert(1)"}]"#), "site.nav[0].url");
        assert_eq!(
            bad(r#"[{"label":"x","url":"/no/such/route/at/all"}]"#),
            "site.nav[0].url"
        );
        assert_eq!(
            bad(r#"[{"label":"x","children":[{"label":" "}]}]"#),
            "site.nav[0].children[0].label"
        );
        assert_eq!(
            bad(r#"[{"label":"x","children":[{"label":"y","children":[{"label":"z"}]}]}]"#),
            "site.nav[0].children[0].children"
        );
        assert!(check(&entries(r#"[{"label":"Accueil","url":"/"}]"#), "site.nav").is_ok());
    }
}
