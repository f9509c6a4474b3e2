//! WordPress hierarchies: categories and pages name their `parent` by ID.
//! That data comes from outside, so a chain is walked with a depth cap and
//! stops at a cycle or a missing parent, never looping.

use std::collections::{HashMap, HashSet};

use super::map::{category, clean_slug, text};
use super::wire::{WpPageNode, WpTerm};
use crate::model::{CategoryRef, PageRef};

/// Deeper chains are cut: WordPress allows any depth, no reader needs more.
pub const MAX_DEPTH: usize = 16;

/// Something with an ID and a parent ID (0: top level).
pub trait Node {
    fn id(&self) -> u64;
    fn parent(&self) -> u64;
}

impl Node for WpTerm {
    fn id(&self) -> u64 {
        self.id
    }
    fn parent(&self) -> u64 {
        self.parent
    }
}

impl Node for WpPageNode {
    fn id(&self) -> u64 {
        self.id
    }
    fn parent(&self) -> u64 {
        self.parent
    }
}

/// The ancestors of `id`, the top one first. A parent that is not in `all`
/// ends the chain; so do a cycle and `MAX_DEPTH`.
pub fn ancestors<T: Node>(all: &[T], id: u64) -> Vec<&T> {
    let by_id: HashMap<u64, &T> = all.iter().map(|n| (n.id(), n)).collect();
    let mut seen = HashSet::from([id]);
    let mut chain = Vec::new();
    let mut parent = by_id.get(&id).map_or(0, |n| n.parent());
    while parent != 0 && chain.len() < MAX_DEPTH && seen.insert(parent) {
        let Some(node) = by_id.get(&parent) else { break };
        chain.push(*node);
        parent = node.parent();
    }
    chain.reverse();
    chain
}

/// The direct children of `id`, in `all`'s order.
pub fn children<T: Node>(all: &[T], id: u64) -> Vec<&T> {
    all.iter().filter(|n| n.parent() == id && n.id() != id).collect()
}

/// The categories worth a link (navigation, sitemaps, the prerender): those
/// with posts and their ancestors, which is what WordPress's `hide_empty`
/// keeps in a hierarchical taxonomy (its counts leave out the children's).
pub fn non_empty(terms: &[WpTerm]) -> HashSet<u64> {
    let mut keep = HashSet::new();
    for t in terms.iter().filter(|t| t.count > 0) {
        keep.insert(t.id);
        keep.extend(ancestors(terms, t.id).iter().map(|a| a.id));
    }
    keep
}

/// A category's parents and its children that have posts.
pub fn category_family(terms: &[WpTerm], id: u64) -> (Vec<CategoryRef>, Vec<CategoryRef>) {
    let keep = non_empty(terms);
    let parents = ancestors(terms, id).into_iter().map(category).collect();
    let children = children(terms, id)
        .into_iter()
        .filter(|c| keep.contains(&c.id))
        .map(category)
        .collect();
    (parents, children)
}

/// The parents of the category whose slug is `slug` (a post's category).
pub fn category_parents(terms: &[WpTerm], slug: &str) -> Vec<CategoryRef> {
    terms
        .iter()
        .find(|t| clean_slug(&t.slug) == slug)
        .map(|t| ancestors(terms, t.id).into_iter().map(category).collect())
        .unwrap_or_default()
}

/// Whether a category's permalink (`wp:term`'s `link`) may hide parents:
/// `/category/a/b/` shows nesting, `/category/b/` shows none, a plain
/// permalink (`?cat=3`) cannot tell. Saves a request per article on a site
/// without nested categories.
pub fn link_may_nest(link: &str) -> bool {
    let path = link.split_once("://").map_or(link, |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.split('/').filter(|s| !s.is_empty()).count() != 2
}

fn page_ref(p: &WpPageNode) -> PageRef {
    PageRef {
        slug: clean_slug(&p.slug),
        title: text(&p.title.rendered),
    }
}

/// A page's parents (top first) and its published children, by menu order
/// then title, as WordPress's own page lists sort them.
pub fn page_family(pages: &[WpPageNode], id: u64) -> (Vec<PageRef>, Vec<PageRef>) {
    let owned: Vec<WpPageNode> = pages.iter().filter(|p| p.status == "publish").cloned().collect();
    let parents = ancestors(&owned, id).into_iter().map(page_ref).collect();
    let mut kids: Vec<&WpPageNode> = children(&owned, id);
    kids.sort_by_cached_key(|p| (p.menu_order, text(&p.title.rendered).to_lowercase()));
    (parents, kids.into_iter().map(page_ref).collect())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::source::wordpress::wire::Rendered;

    fn term(id: u64, parent: u64, count: u32) -> WpTerm {
        WpTerm {
            id,
            parent,
            count,
            slug: format!("c{id}"),
            name: format!("C{id}"),
            ..Default::default()
        }
    }

    fn ids(v: &[&WpTerm]) -> Vec<u64> {
        v.iter().map(|t| t.id).collect()
    }

    #[test]
    fn a_chain_is_read_top_first() {
        let t = [term(3, 2, 1), term(1, 0, 0), term(2, 1, 0)];
        assert_eq!(ids(&ancestors(&t, 3)), [1, 2]);
        assert_eq!(ids(&ancestors(&t, 1)), Vec::<u64>::new());
        assert_eq!(ids(&children(&t, 1)), [2]);
    }

    #[test]
    fn a_cycle_or_a_self_parent_ends_the_chain() {
        let t = [term(1, 2, 1), term(2, 3, 0), term(3, 1, 0)];
        assert_eq!(ids(&ancestors(&t, 1)), [3, 2]);
        let me = [term(5, 5, 1)];
        assert!(ancestors(&me, 5).is_empty());
        assert!(children(&me, 5).is_empty());
    }

    #[test]
    fn an_absurd_depth_is_cut() {
        let t: Vec<WpTerm> = (1..=1000).map(|i| term(i, i - 1, 1)).collect();
        assert_eq!(ancestors(&t, 1000).len(), MAX_DEPTH);
        assert_eq!(ancestors(&t, 1000).last().map(|t| t.id), Some(999));
    }

    #[test]
    fn a_missing_parent_ends_the_chain() {
        let t = [term(3, 2, 1), term(2, 99, 0)];
        assert_eq!(ids(&ancestors(&t, 3)), [2]);
    }

    #[test]
    fn empty_means_no_posts_below_either() {
        let t = [
            term(1, 0, 0),
            term(2, 1, 0),
            term(3, 2, 4),
            term(4, 0, 0),
            term(5, 1, 0),
        ];
        let keep = non_empty(&t);
        assert!(keep.contains(&1) && keep.contains(&2) && keep.contains(&3));
        assert!(!keep.contains(&4), "no posts, no children: empty");
        assert!(!keep.contains(&5), "an empty child of a kept parent");
        let (parents, children) = category_family(&t, 1);
        assert!(parents.is_empty());
        assert_eq!(children.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(), ["c2"]);
    }

    #[test]
    fn only_a_single_segment_link_is_known_flat() {
        assert!(!link_may_nest("http://127.0.0.1:8081/category/economie/"));
        assert!(link_may_nest("http://127.0.0.1:8081/category/a/b/"));
        assert!(link_may_nest("http://site.example/?cat=3"));
        assert!(link_may_nest(""));
    }

    #[test]
    fn children_pages_sort_by_menu_order_then_title() {
        let page = |id, parent, order, title: &str, status: &str| WpPageNode {
            id,
            parent,
            menu_order: order,
            slug: title.to_lowercase(),
            status: status.into(),
            title: Rendered {
                rendered: title.into(),
                ..Default::default()
            },
        };
        let p = [
            page(1, 0, 0, "Top", "publish"),
            page(2, 1, 2, "Beta", "publish"),
            page(3, 1, 1, "Zeta", "publish"),
            page(4, 1, 2, "alpha", "publish"),
            page(5, 1, 0, "Draft", "draft"),
            page(6, 2, 0, "Leaf", "publish"),
        ];
        let (parents, kids) = page_family(&p, 1);
        assert!(parents.is_empty());
        let titles: Vec<&str> = kids.iter().map(|k| k.title.as_str()).collect();
        assert_eq!(titles, ["Zeta", "alpha", "Beta"]);
        let (parents, kids) = page_family(&p, 6);
        assert_eq!(
            parents.iter().map(|k| k.slug.as_str()).collect::<Vec<_>>(),
            ["top", "beta"]
        );
        assert!(kids.is_empty());
    }
}
