//! WordPress menus (`/wp/v2/menu-locations`, `/wp/v2/menu-items`, WordPress
//! 5.9+) → the site's [`Menus`]. WordPress guards both routes behind a login
//! (`edit_theme_options`): the export reads them with its application
//! password; the live source asks once and takes a refusal as "no menus".
//! Pure: the requests are the callers'.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::map::{text, LinkContext};
use super::tree::{ancestors, Node};
use crate::model::{MenuItem, MenuLink, Menus, SafeUrl};
use crate::routes::Route;

/// Items read per menu (one request; WordPress's own cap).
pub const MENU_ITEMS_PER_REQUEST: u32 = 100;

#[derive(Clone, Debug, Deserialize)]
pub struct WpMenuItem {
    pub id: u64,
    #[serde(default)]
    pub title: super::wire::Rendered,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub parent: u64,
    #[serde(default)]
    pub menu_order: i64,
    #[serde(default)]
    pub status: String,
}

impl Node for WpMenuItem {
    fn id(&self) -> u64 {
        self.id
    }
    fn parent(&self) -> u64 {
        self.parent
    }
}

/// The menu IDs of the header's and the footer's locations. Themes name
/// locations freely: `primary`, `main`, `header`, `menu-1`… for the header,
/// anything with `footer` for the footer.
pub fn locations(index: &Value) -> (Option<u64>, Option<u64>) {
    let Some(map) = index.as_object() else {
        return (None, None);
    };
    let menu_of = |key: &str| map.get(key)?.get("menu")?.as_u64().filter(|id| *id > 0);
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    let primary = ["primary", "main", "header", "menu-1", "top"]
        .iter()
        .find_map(|k| menu_of(k))
        .or_else(|| {
            keys.iter()
                .filter(|k| ["primary", "main", "header"].iter().any(|w| k.contains(w)))
                .find_map(|k| menu_of(k))
        });
    let footer = keys.iter().filter(|k| k.contains("footer")).find_map(|k| menu_of(k));
    (primary, footer)
}

/// A menu's items as a tree (WordPress's `parent` and `menu_order`). An item
/// whose parent is missing, or that sits in a cycle, joins the top level, so
/// nothing loops and nothing is lost.
pub fn tree(raw: &[Value], links: &LinkContext) -> Vec<MenuItem> {
    let mut items: Vec<WpMenuItem> = super::wire::parse_each::<WpMenuItem>(raw)
        .into_iter()
        .filter(|i| i.status.is_empty() || i.status == "publish")
        .collect();
    items.sort_by_key(|i| (i.menu_order, i.id));
    // Top level: an item whose chain of parents does not reach the top (a
    // missing parent, a cycle, deeper than tree::MAX_DEPTH); the walk is
    // tree.rs's, shared with categories and pages.
    let is_root = |item: &WpMenuItem| match ancestors(&items, item.id).first() {
        None => true,
        Some(top) => top.parent != 0,
    };
    let mut children: HashMap<u64, Vec<&WpMenuItem>> = HashMap::new();
    let mut top = Vec::new();
    for item in &items {
        if is_root(item) {
            top.push(item);
        } else {
            children.entry(item.parent).or_default().push(item);
        }
    }
    let built: Vec<MenuItem> = top.into_iter().map(|i| build(i, &children, links)).collect();
    MenuItem::bounded(built)
}

/// An item and its subtree; bounded in depth by `is_root` (no chain is
/// longer than tree::MAX_DEPTH), so nothing below it is dropped here.
fn build(item: &WpMenuItem, children: &HashMap<u64, Vec<&WpMenuItem>>, links: &LinkContext) -> MenuItem {
    let kids = children
        .get(&item.id)
        .map(|list| list.iter().map(|c| build(c, children, links)).collect())
        .unwrap_or_default();
    MenuItem {
        label: text(&item.title.rendered),
        link: link(&item.url, links),
        children: kids,
    }
}

/// A menu item's URL: a page of the WordPress site becomes its Kiosque route
/// (as body links do); anything else stays a checked external link; `#` and
/// empty URLs (a parent that only opens its submenu) have none.
fn link(url: &str, links: &LinkContext) -> Option<MenuLink> {
    let url = url.trim();
    if url.is_empty() || url.starts_with('#') {
        return None;
    }
    let local = url
        .strip_prefix(links.origin.as_str())
        .filter(|r| r.is_empty() || r.starts_with('/'));
    if let Some(rest) = local {
        let rest = if rest.is_empty() { "/" } else { rest };
        let rewritten = links.rewrite(rest);
        if rewritten.starts_with('/') {
            let without_fragment = rewritten.split('#').next().unwrap_or("/");
            let (path, query) = without_fragment.split_once('?').unwrap_or((without_fragment, ""));
            if let Some(route) = Route::parse(path, query) {
                return Some(MenuLink::route(&route));
            }
        }
    }
    SafeUrl::new(url).filter(SafeUrl::is_external).map(MenuLink::External)
}

/// Both menus from the locations' answer and each menu's items.
pub fn menus(primary: &[Value], footer: &[Value], links: &LinkContext) -> Menus {
    Menus {
        primary: tree(primary, links),
        footer: tree(footer, links),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn links() -> LinkContext {
        let mut l = LinkContext::from_home("https://wp.example");
        l.page_slugs = vec!["a-propos".into()];
        l
    }

    fn item(id: u64, parent: u64, order: i64, title: &str, url: &str) -> Value {
        json!({"id": id, "parent": parent, "menu_order": order, "title": {"rendered": title}, "url": url, "status": "publish"})
    }

    #[test]
    fn locations_are_found_by_the_names_themes_use() {
        let index = json!({"primary": {"menu": 4}, "footer-links": {"menu": 7}, "social": {"menu": 9}});
        assert_eq!(locations(&index), (Some(4), Some(7)));
        assert_eq!(locations(&json!({"menu-1": {"menu": 2}})), (Some(2), None));
        assert_eq!(locations(&json!({"primary": {"menu": 0}})), (None, None));
        assert_eq!(locations(&json!({"code": "rest_forbidden"})), (None, None));
        assert_eq!(locations(&json!([1, 2])), (None, None));
    }

    #[test]
    fn items_become_a_tree_of_routes_and_external_links() {
        let raw = vec![
            item(12, 10, 3, "Tunisie", "https://wp.example/tag/tunisie/"),
            item(10, 0, 1, "Maghreb &amp; Sahel", "https://wp.example/category/maghreb/"),
            item(11, 10, 2, "À propos", "https://wp.example/a-propos/"),
            item(13, 0, 4, "Partenaire", "https://partner.example/x?y=1"),
            item(14, 0, 5, "Rubriques", "#"),
            item(15, 14, 6, "Un article", "https://wp.example/2026/11/28/un-article/"),
            item(16, 0, 7, "Piège", "javascript:alert(1)"),
        ];
        let m = tree(&raw, &links());
        let labels: Vec<&str> = m.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Maghreb & Sahel", "Partenaire", "Rubriques", "Piège"]);
        assert_eq!(m[0].link, Some(MenuLink::route(&Route::category("maghreb", 1))));
        assert_eq!(m[0].children[0].link, Some(MenuLink::route(&Route::page("a-propos"))));
        assert_eq!(m[0].children[1].link, Some(MenuLink::route(&Route::tag("tunisie", 1))));
        assert!(matches!(&m[1].link, Some(MenuLink::External(u)) if u.as_str() == "https://partner.example/x?y=1"));
        assert_eq!(m[2].link, None);
        assert_eq!(
            m[2].children[0].link,
            Some(MenuLink::route(&Route::article("un-article")))
        );
        // A refused URL keeps its text, without a link.
        assert_eq!(m[3].link, None);
    }

    #[test]
    fn cycles_and_orphans_join_the_top_level() {
        let raw = vec![
            item(1, 2, 1, "A", "https://wp.example/"),
            item(2, 1, 2, "B", "https://wp.example/"),
            item(3, 99, 3, "Orphan", "https://wp.example/"),
            json!({"id": "not a number"}),
        ];
        let m = tree(&raw, &links());
        let labels: Vec<&str> = m.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["A", "B", "Orphan"]);
        assert_eq!(m[0].link, Some(MenuLink::route(&Route::home(1))));
    }

    #[test]
    fn a_deep_chain_loses_no_entry() {
        // Twelve levels: the header shows two, the deeper ones join the submenu.
        let raw: Vec<Value> = (1..=12)
            .map(|n| item(n, n - 1, n as i64, &format!("L{n}"), "#"))
            .collect();
        let m = tree(&raw, &links());
        assert_eq!(m.len(), 1);
        let labels: Vec<&str> = m[0].children.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, (2..=12).map(|n| format!("L{n}")).collect::<Vec<_>>());
    }
}
