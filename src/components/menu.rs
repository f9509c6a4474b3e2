use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::model::{MenuItem, MenuLink};

/// The entries of an editors' menu, as `<li>`s. A parent's submenu is a
/// `<details>` beside its link, so it opens and closes by touch, click or
/// keyboard before the app arrives (or without JavaScript); the app adds
/// Escape (`Header`). `on_follow` runs when a link is followed (the header
/// closes its disclosure).
#[component]
pub fn MenuEntries(items: Vec<MenuItem>, #[prop(into)] on_follow: Callback<()>) -> impl IntoView {
    items
        .into_iter()
        .map(|item| view! { <MenuEntry item on_follow/> })
        .collect_view()
}

#[component]
fn MenuEntry(item: MenuItem, on_follow: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let label = item.label.clone();
    let link = match item.link {
        Some(MenuLink::External(url)) => {
            Some(view! { <a class="nav__link" href=url.into_string() dir="auto">{item.label}</a> }.into_any())
        }
        Some(internal) => internal.as_route().map(|route| {
            view! {
                <a class="nav__link" href=ctx.href(&route) dir="auto" on:click=move |_| on_follow.run(())>
                    {item.label}
                </a>
            }
            .into_any()
        }),
        None => None,
    };
    if item.children.is_empty() {
        // An entry whose link was refused keeps its text.
        let link = link.unwrap_or_else(|| view! { <span class="nav__label" dir="auto">{label}</span> }.into_any());
        return view! { <li class="nav__item">{link}</li> }.into_any();
    }
    // A parent without a link is its submenu's toggle; with one, the toggle
    // sits beside it and says whose submenu it opens.
    let toggle = match link {
        Some(_) => view! {
            <span class="nav__sub-chevron" aria-hidden="true"></span>
            <span class="visually-hidden">{ctx.locale.labelled(&label, s.submenu)}</span>
        }
        .into_any(),
        None => view! {
            <span dir="auto">{label}</span>
            <span class="nav__sub-chevron" aria-hidden="true"></span>
        }
        .into_any(),
    };
    let has_link = link.is_some();
    view! {
        <li class="nav__item nav__item--parent">
            {link}
            <details class="nav__sub" class:nav__sub--bare=!has_link>
                <summary class="nav__sub-toggle">{toggle}</summary>
                <ul class="nav__sublist">
                    <MenuEntries items=item.children on_follow/>
                </ul>
            </details>
        </li>
    }
    .into_any()
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use leptos::prelude::*;

    use super::MenuEntries;
    use crate::components::Footer;
    use kiosque_core::config::Config;

    /// The primary menu's entries and the footer of a site configured with
    /// `site` (JSON keys). (The header itself needs a router: e2e.)
    fn render(site: &str) -> (String, String) {
        let config = Config::parse(&format!(
            r#"{{"api":{{"kind":"static","base_url":"/api"}},"site":{site}}}"#
        ))
        .unwrap();
        let info = crate::app::merge_site(None, &config);
        let items = info.menus.primary.clone();
        let menu = crate::context::render_for_test(|| view! { <ul><MenuEntries items on_follow=|_| ()/></ul> });
        let footer = crate::context::render_for_test(|| view! { <Footer site=info year=2026/> });
        (menu.replace("<!>", ""), footer.replace("<!>", ""))
    }

    #[test]
    fn without_a_menu_the_footer_has_no_menu() {
        let (menu, footer) = render(r#"{"name":"N"}"#);
        assert_eq!(menu, "<ul></ul>");
        assert!(!footer.contains("site-footer__nav"), "{footer}");
    }

    #[test]
    fn a_configured_menu_has_submenus_and_plain_outside_links() {
        let (menu, footer) = render(
            r#"{"name":"N","nav":[
                 {"label":"Maghreb","url":"/category/maghreb","children":[{"label":"Eau","url":"/tag/eau"}]},
                 {"label":"Dossiers","children":[{"label":"À propos","url":"/a-propos"}]},
                 {"label":"Agence","url":"https://agence.example/"}],
               "footer_nav":[{"label":"Charte","url":"https://agence.example/charte"}]}"#,
        );
        assert!(
            menu.contains(r#"href="/category/maghreb""#) && menu.contains(r#"href="/tag/eau""#),
            "{menu}"
        );
        // A parent with a link: a toggle beside it, named after it.
        assert!(menu.contains(r#"<details class="nav__sub">"#), "{menu}");
        assert!(menu.contains("Maghreb\u{202f}: sous-menu"), "{menu}");
        // A parent without a link is its toggle.
        assert!(
            menu.contains(r#"class="nav__sub nav__sub--bare""#) && menu.contains(r#"<span dir="auto">Dossiers</span>"#),
            "{menu}"
        );
        assert!(menu.contains(r#"href="https://agence.example/""#), "{menu}");
        assert!(
            footer.contains(r#"<nav aria-label="Liens du pied de page" class="site-footer__nav">"#),
            "{footer}"
        );
        assert!(footer.contains(r#"href="https://agence.example/charte""#), "{footer}");
    }

    #[test]
    fn an_invalid_menu_names_its_key() {
        let text =
            r#"{"api":{"kind":"static","base_url":"/api"},"site":{"nav":[{"label":"x","url":"javascript:alert(1)"}]}}"#;
        match Config::parse(text) {
            Err(kiosque_core::config::ConfigError::Invalid { key, .. }) => assert_eq!(key, "site.nav[0].url"),
            other => panic!("{other:?}"),
        }
    }
}
