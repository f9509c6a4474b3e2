//! Where a page sits in the site: its breadcrumb (home, parents, itself) and
//! the links to what sits under it (child categories, child pages).

use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::routes::Route;

/// `Home › parent… › current`. `trail`: the links between home and the
/// current page, top first.
#[component]
pub fn Breadcrumb(trail: Vec<(String, Route)>, current: String) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let links = trail
        .into_iter()
        .map(|(name, route)| view! { <li><a href=ctx.href(&route)>{name}</a></li> })
        .collect_view();
    view! {
        <nav class="breadcrumb" aria-label=s.breadcrumb>
            <ol>
                <li><a href=ctx.href(&Route::home(1))>{s.home}</a></li>
                {links}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}

/// The links to what sits under a page, under a heading; nothing when empty.
#[component]
pub fn SubLinks(label: &'static str, links: Vec<(String, Route)>) -> impl IntoView {
    let ctx = use_ctx();
    (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .map(|(name, route)| view! { <li><a class="tag" href=ctx.href(&route)>{name}</a></li> })
            .collect_view();
        view! {
            <nav class="sublinks" aria-label=label>
                <h2 class="sublinks__title">{label}</h2>
                <ul class="tags">{items}</ul>
            </nav>
        }
    })
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn render(view: impl FnOnce() -> AnyView + 'static) -> String {
        crate::context::render_for_test(view).replace("<!>", "")
    }

    #[test]
    fn the_breadcrumb_runs_from_home_through_the_parents_to_the_page() {
        let trail = vec![
            ("Monde".to_string(), Route::category("monde", 1)),
            ("Sciences".to_string(), Route::category("sciences", 1)),
        ];
        let html = render(move || view! { <Breadcrumb trail current="Génétique".to_string()/> }.into_any());
        let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} not in {html}"));
        assert!(at("href=\"/\"") < at("href=\"/category/monde\""));
        assert!(at("href=\"/category/monde\"") < at("href=\"/category/sciences\""));
        assert!(html.contains("<li aria-current=\"page\">Génétique</li>"), "{html}");
        assert_eq!(html.matches("<li").count(), 4, "{html}");
    }

    #[test]
    fn sub_links_list_the_children_and_nothing_without_them() {
        let links = vec![("من نحن".to_string(), Route::page("من-نحن"))];
        let html = render(move || view! { <SubLinks label="Dans cette section" links/> }.into_any());
        assert!(html.contains("aria-label=\"Dans cette section\""), "{html}");
        assert!(
            html.contains("href=\"/%D9%85%D9%86-%D9%86%D8%AD%D9%86\""),
            "an Arabic slug, percent-encoded: {html}"
        );
        let none = render(|| view! { <SubLinks label="x" links=Vec::new()/> }.into_any());
        assert!(!none.contains("<nav"), "{none}");
    }
}
