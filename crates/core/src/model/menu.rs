//! The site's menus: the editors' own navigation (WordPress menus, or
//! `config.json`'s `site.nav`), which replaces the list of categories.

use serde::{Deserialize, Serialize};

use crate::routes::Route;
use crate::url::SafeUrl;

/// How deep a menu goes: a top row and one level of submenus. Deeper items
/// join their ancestor's submenu (WordPress allows any depth; a header does
/// not), so no entry is lost.
pub const MENU_DEPTH: usize = 2;
/// Items kept per menu level: a hostile or broken menu stays bounded.
pub const MENU_ITEMS_MAX: usize = 60;
/// A label longer than this is cut (at a character boundary).
pub const MENU_LABEL_MAX: usize = 120;

/// Where a menu entry leads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MenuLink {
    /// A page of this site, as its route's path (`/category/maghreb`): the
    /// view formats it again through [`Route`], under the deploy's base path.
    Route(String),
    /// Another site: a plain link.
    External(SafeUrl),
}

impl MenuLink {
    /// A route's entry.
    pub fn route(route: &Route) -> MenuLink {
        MenuLink::Route(route.path())
    }

    /// The route of an internal entry, when its path is one.
    pub fn as_route(&self) -> Option<Route> {
        match self {
            MenuLink::Route(path) => {
                let (path, query) = path.split_once('?').unwrap_or((path, ""));
                Route::parse(path, query)
            }
            MenuLink::External(_) => None,
        }
    }
}

/// One entry: a label, a link (a parent may have none: it only opens its
/// submenu) and its children.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MenuItem {
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<MenuLink>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<MenuItem>,
}

impl MenuItem {
    /// Caps a tree to [`MENU_DEPTH`] levels (deeper entries join their
    /// ancestor's last level, in order), [`MENU_ITEMS_MAX`] entries a level
    /// and labels to [`MENU_LABEL_MAX`]; drops entries with neither a label
    /// nor a link.
    pub fn bounded(items: Vec<MenuItem>) -> Vec<MenuItem> {
        bound(items, 1)
    }
}

fn bound(items: Vec<MenuItem>, level: usize) -> Vec<MenuItem> {
    let mut out = Vec::new();
    for mut item in items {
        item.label = cut(item.label.trim());
        if item.label.is_empty() && item.link.is_none() {
            continue;
        }
        let children = std::mem::take(&mut item.children);
        if level >= MENU_DEPTH {
            out.push(item);
            out.extend(flatten(children));
        } else {
            item.children = bound(children, level + 1);
            out.push(item);
        }
    }
    out.retain(|i| !i.label.is_empty() || i.link.is_some());
    out.truncate(MENU_ITEMS_MAX);
    out
}

/// A subtree in reading order, one level (labels cut).
fn flatten(items: Vec<MenuItem>) -> Vec<MenuItem> {
    let mut out = Vec::new();
    let mut stack: Vec<MenuItem> = items.into_iter().rev().collect();
    while let Some(mut item) = stack.pop() {
        if out.len() >= MENU_ITEMS_MAX {
            break;
        }
        stack.extend(std::mem::take(&mut item.children).into_iter().rev());
        item.label = cut(item.label.trim());
        if !item.label.is_empty() || item.link.is_some() {
            out.push(item);
        }
    }
    out
}

fn cut(label: &str) -> String {
    match label.char_indices().nth(MENU_LABEL_MAX) {
        Some((i, _)) => format!("{}…", label[..i].trim_end()),
        None => label.to_string(),
    }
}

/// The site's menus; empty means "none": the header lists the categories.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Menus {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub primary: Vec<MenuItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footer: Vec<MenuItem>,
}

impl Menus {
    pub fn is_empty(&self) -> bool {
        self.primary.is_empty() && self.footer.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, children: Vec<MenuItem>) -> MenuItem {
        MenuItem {
            label: label.into(),
            link: Some(MenuLink::route(&Route::home(1))),
            children,
        }
    }

    #[test]
    fn deeper_entries_join_their_ancestors_submenu_in_order() {
        let tree = vec![item(
            "A",
            vec![
                item("B", vec![item("C", vec![item("D", vec![])]), item("E", vec![])]),
                item("F", vec![]),
            ],
        )];
        let b = MenuItem::bounded(tree);
        let labels: Vec<&str> = b[0].children.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["B", "C", "D", "E", "F"]);
        assert!(b[0].children.iter().all(|i| i.children.is_empty()));
    }

    #[test]
    fn hostile_menus_stay_bounded() {
        // A chain 10,000 deep and a level of 10,000 entries.
        let mut deep = item("leaf", vec![]);
        for n in 0..10_000 {
            deep = item(&format!("n{n}"), vec![deep]);
        }
        let wide: Vec<MenuItem> = (0..10_000).map(|n| item(&format!("w{n}"), vec![])).collect();
        let b = MenuItem::bounded(vec![deep, item("wide", wide)]);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].children.len(), MENU_ITEMS_MAX);
        assert_eq!(b[1].children.len(), MENU_ITEMS_MAX);
        let long = MenuItem::bounded(vec![item(&"é".repeat(500), vec![])]);
        assert_eq!(long[0].label.chars().count(), MENU_LABEL_MAX + 1);
        let blank = MenuItem {
            label: "  ".into(),
            link: None,
            children: vec![],
        };
        assert!(MenuItem::bounded(vec![blank]).is_empty());
    }

    #[test]
    fn internal_links_are_routes_again() {
        let link = MenuLink::route(&Route::category("économie", 1));
        assert_eq!(link.as_route(), Some(Route::category("économie", 1)));
        assert_eq!(MenuLink::Route("/nowhere/at/all/x/y".into()).as_route(), None);
        let json = serde_json::to_string(&MenuLink::External(SafeUrl::new("https://a.example/").unwrap())).unwrap();
        assert_eq!(json, r#"{"external":"https://a.example/"}"#);
        assert!(serde_json::from_str::<MenuLink>(r#"{"external":"javascript:alert(1)"}"#).is_err());
    }
}
