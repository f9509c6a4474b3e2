use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::components::{SearchForm, ThemeToggle};
use crate::context::use_ctx;
use kiosque_core::model::SiteInfo;
use kiosque_core::routes::Route;

/// Site name and tagline, search, and the category navigation. Below 768 px
/// the navigation is a disclosure menu (button + aria-expanded; Escape closes).
#[component]
pub fn Header(site: SiteInfo) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let home = ctx.href(&Route::home(1));
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let items = site
        .nav
        .into_iter()
        .map(|item| {
            view! {
                <li>
                    <a class="nav__link" href=ctx.href(&Route::category(item.slug.clone(), 1)) on:click=move |_| open.set(false)>
                        {item.name}
                    </a>
                </li>
            }
        })
        .collect_view();
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
                    <button
                        node_ref=button
                        type="button"
                        class="nav__toggle"
                        aria-expanded=move || if open.get() { "true" } else { "false" }
                        aria-controls="nav-list"
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        <span class="nav__toggle-icon" aria-hidden="true"></span>
                        {s.menu}
                    </button>
                    <ul id="nav-list" class="nav__list" class:nav__list--open=move || open.get()>
                        <li>
                            <a class="nav__link" href=home on:click=move |_| open.set(false)>{s.home}</a>
                        </li>
                        {items}
                    </ul>
                </div>
            </nav>
        </header>
    }
}
