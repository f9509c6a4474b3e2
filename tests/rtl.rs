//! Direction glyphs in right-to-left pages, against the real stylesheet in
//! headless Chromium. ‹ and › are Bidi_Mirrored: in an RTL run the browser
//! already draws each as the other, so the markup and CSS must keep the
//! same characters in both directions; flipping them again (another
//! `content`, a `scaleX(-1)`) points them backwards. A screenshot of an
//! Arabic page showed exactly that double flip before.
#![cfg(target_arch = "wasm32")]
// Test code: a panic is a failed test, not a broken page.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kiosque::components::Pagination;
use kiosque::context::Ctx;
use kiosque_core::config::Config;
use kiosque_core::i18n::Locale;
use kiosque_core::routes;
use kiosque_core::source::Source;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A container with `dir`, under the site's own stylesheet.
fn container(dir: &str) -> web_sys::HtmlElement {
    let d = document();
    if d.get_element_by_id("site-css").is_none() {
        let style = d.create_element("style").unwrap();
        style.set_id("site-css");
        style.set_text_content(Some(include_str!("../style/main.css")));
        d.head().unwrap().append_child(&style).unwrap();
    }
    let el: web_sys::HtmlElement = d.create_element("div").unwrap().unchecked_into();
    el.set_attribute("dir", dir).unwrap();
    d.body().unwrap().append_child(&el).unwrap();
    el
}

fn pagination(locale: Locale, dir: &str) -> web_sys::HtmlElement {
    let el = container(dir);
    let config = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"}}"#).unwrap();
    let ctx = Ctx::new(
        Source::from_config(&config, "http://localhost/", Default::default()),
        locale,
        config.into(),
        "http://localhost/",
    );
    leptos::mount::mount_to(el.clone(), move || {
        provide_context(ctx);
        view! { <Pagination page=2 total_pages=3 route=routes::Route::category("sport", 2)/> }
    })
    .forget();
    el
}

fn style_of(el: &web_sys::Element, pseudo: &str) -> web_sys::CssStyleDeclaration {
    web_sys::window()
        .unwrap()
        .get_computed_style_with_pseudo_elt(el, pseudo)
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
fn pagination_arrows_are_left_to_bidi_mirroring() {
    let mut seen = Vec::new();
    for (locale, dir) in [(Locale::Fr, "ltr"), (Locale::Ar, "rtl")] {
        let el = pagination(locale, dir);
        for sel in [".pagination__prev span", ".pagination__next span"] {
            let span = el.query_selector(sel).unwrap().unwrap();
            let transform = style_of(&span, "").get_property_value("transform").unwrap();
            assert_eq!(transform, "none", "{sel} in {dir} must not be flipped again");
            seen.push(span.text_content().unwrap());
        }
    }
    assert_eq!(seen, ["‹ ", " ›", "‹ ", " ›"]);
}

#[wasm_bindgen_test]
fn breadcrumb_separators_are_the_same_character_in_both_directions() {
    let content = |dir: &str| {
        let el = container(dir);
        el.set_inner_html(r#"<nav class="breadcrumb"><ol><li><a href="/">الرئيسية</a></li><li>عنوان</li></ol></nav>"#);
        let li = el.query_selector(".breadcrumb li").unwrap().unwrap();
        style_of(&li, "::after").get_property_value("content").unwrap()
    };
    assert_eq!(content("ltr"), "\"›\"");
    assert_eq!(content("rtl"), "\"›\"");
}
