use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::components::{MenuEntries, SearchForm, ThemeToggle};
use crate::context::use_ctx;
use kiosque_core::model::SiteInfo;
use kiosque_core::routes::Route;

/// Site name and tagline, search, and the navigation: the editors' menu
/// (`site.menus.primary`) or else the home, the categories and the custom
/// post types' listings. Below 768 px
/// the navigation is a disclosure menu: a `<details>`, so it opens and
/// closes before the app is there (or without JavaScript at all); the app
/// adds Escape to close it and closes it when a link is followed.
#[component]
pub fn Header(site: SiteInfo) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let home = ctx.href(&Route::home(1));
    let menu = NodeRef::<html::Details>::new();
    let summary = NodeRef::<html::Summary>::new();
    let close = move || {
        if let Some(d) = menu.get_untracked() {
            let _ = d.remove_attribute("open");
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let open = menu.get_untracked().is_some_and(|d| d.has_attribute("open"));
        if ev.key() != "Escape" {
            return;
        }
        // An open submenu closes first, focus back on its toggle.
        if crate::platform::close_disclosure(".nav__sub[open]") {
            return;
        }
        if open {
            close();
            if let Some(s) = summary.get_untracked() {
                let _ = s.focus();
            }
        }
    };
    let entries = if site.menus.primary.is_empty() {
        let categories = site
            .nav
            .into_iter()
            .map(|item| {
                view! {
                    <li>
                        <a class="nav__link" href=ctx.href(&Route::category(item.slug.clone(), 1)) on:click=move |_| close()>
                            {item.name}
                        </a>
                    </li>
                }
            })
            .collect_view();
        // Without editors' menu, each custom post type's listing follows
        // the categories (with a menu, the editors place them).
        let types = ctx
            .config
            .post_types
            .iter()
            .map(|t| {
                let href = ctx.href(&Route::type_listing(t.prefix.clone(), 1));
                let label = t.label_for(ctx.locale.code()).to_string();
                view! {
                    <li>
                        <a class="nav__link" href=href on:click=move |_| close()>{label}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <li>
                <a class="nav__link" href=home.clone() on:click=move |_| close()>{s.home}</a>
            </li>
            {categories}
            {types}
        }
        .into_any()
    } else {
        view! { <MenuEntries items=site.menus.primary on_follow=move |_| close()/> }.into_any()
    };
    view! {
        <header class="site-header">
            <div class="site-header__top container">
                <div class="site-header__brand">
                    <a class="site-header__name" href=home.clone()>{site.name}</a>
                    <p class="site-header__tagline">{site.tagline}</p>
                </div>
                <SearchForm id="site-search"/>
                <ThemeToggle/>
            </div>
            <nav class="nav" aria-label=s.main_nav on:keydown=on_key>
                <div class="container nav__inner">
                    <details node_ref=menu class="nav__menu">
                        <summary node_ref=summary class="nav__toggle">
                            <span class="nav__toggle-icon" aria-hidden="true"></span>
                            {s.menu}
                        </summary>
                        <ul id="nav-list" class="nav__list">{entries}</ul>
                    </details>
                </div>
            </nav>
        </header>
    }
}
