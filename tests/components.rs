//! Components rendered in headless Chromium (wasm_bindgen_test).
#![cfg(target_arch = "wasm32")]
// Test code: a panic is a failed test, not a broken page.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kiosque::components::blocks::Body;
use kiosque::components::{ErrorView, Pagination, Rail};
use kiosque::context::Ctx;
use kiosque_core::config::Config;
use kiosque_core::http::FetchError;
use kiosque_core::i18n::Locale;
use kiosque_core::model::{ArticleSummary, Block, CategoryRef, EmbedProvider, Inline, TableCell, Timestamp};
use kiosque_core::routes;
use kiosque_core::source::Source;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn ctx(locale: Locale) -> Ctx {
    let config = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"}}"#).expect("valid config");
    Ctx::new(
        Source::from_config(&config, "http://localhost/", Default::default()),
        locale,
        config.into(),
        "http://localhost/",
    )
}

/// Mounts a view in a fresh container and returns the container.
fn mount<V: IntoView + 'static>(locale: Locale, f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(ctx(locale));
        f()
    });
    handle.forget();
    el
}

fn text(s: &str) -> Inline {
    Inline::text(s)
}

/// Lets the reactive system flush (effects run in a later task).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn body_blocks_render_one_element_per_type_and_escape_text() {
    let blocks = vec![
        Block::Heading {
            level: 2,
            content: vec![text("Intertitre")],
        },
        Block::Paragraph {
            content: vec![
                text("<script>window.__pwned=1</script> et "),
                Inline::Strong {
                    children: vec![text("fort")],
                },
                Inline::Link {
                    href: "/article/x".into(),
                    children: vec![text("lien")],
                },
            ],
        },
        Block::list(true, vec![vec![text("un")], vec![text("deux")]]),
        Block::Quote {
            content: vec![text("Citation")],
            cite: Some("Une source".into()),
        },
        Block::Table {
            caption: Some("Chiffres".into()),
            rows: vec![
                vec![TableCell::new(true, vec![text("A")])],
                vec![TableCell::new(false, vec![text("1")])],
            ],
        },
        Block::Embed {
            provider: EmbedProvider::Openstreetmap,
            url: "https://www.openstreetmap.org/".into(),
            embed_url: "https://www.openstreetmap.org/export/embed.html?bbox=1,2,3,4".into(),
            title: "Carte".into(),
            width: 600,
            height: 450,
        },
        Block::Unknown,
    ];
    let el = mount(Locale::Fr, move || view! { <Body blocks/> });
    let q = |sel: &str| el.query_selector_all(sel).unwrap().length();
    assert_eq!(q(".prose > h2"), 1);
    assert_eq!(q(".prose > p"), 1);
    assert_eq!(q(".prose > ol > li"), 2);
    assert_eq!(q(".quote blockquote"), 1);
    assert_eq!(q("table th"), 1);
    assert_eq!(q("script"), 0, "text must never become markup");
    assert!(el.text_content().unwrap().contains("<script>window.__pwned=1</script>"));
    // Embeds load nothing until asked.
    assert_eq!(q("iframe"), 0);
    let button: web_sys::HtmlElement = el.query_selector(".embed__load").unwrap().unwrap().unchecked_into();
    button.click();
    settle().await;
    let iframe = el.query_selector("iframe").unwrap().expect("iframe after click");
    assert_eq!(
        iframe.get_attribute("sandbox").unwrap(),
        "allow-scripts allow-same-origin allow-popups allow-presentation"
    );
    assert_eq!(iframe.get_attribute("width").as_deref(), Some("600"));
}

#[wasm_bindgen_test]
fn error_view_shows_the_localized_message_and_retries() {
    let count = RwSignal::new(0);
    let el = mount(
        Locale::Fr,
        move || view! { <ErrorView error=FetchError::Timeout on_retry=move |_| count.update(|c| *c += 1)/> },
    );
    assert!(el
        .text_content()
        .unwrap()
        .contains("Le serveur met trop de temps à répondre."));
    let button: web_sys::HtmlElement = el.query_selector("button").unwrap().unwrap().unchecked_into();
    button.click();
    button.click();
    assert_eq!(count.get_untracked(), 2);
    assert!(el.query_selector("[role=alert]").unwrap().is_some());
}

#[wasm_bindgen_test]
fn pagination_links_prev_and_next() {
    let el = mount(
        Locale::Fr,
        || view! { <Pagination page=2 total_pages=5 route=routes::Route::category("sport", 2)/> },
    );
    let prev = el.query_selector("a[rel=prev]").unwrap().unwrap();
    let next = el.query_selector("a[rel=next]").unwrap().unwrap();
    assert_eq!(prev.get_attribute("href").as_deref(), Some("/category/sport"));
    assert_eq!(next.get_attribute("href").as_deref(), Some("/category/sport/page/3"));
    assert!(el.text_content().unwrap().contains("Page 2 sur 5"));
    let first = mount(
        Locale::En,
        || view! { <Pagination page=1 total_pages=1 route=routes::Route::tag("eau", 1)/> },
    );
    assert_eq!(
        first.query_selector("nav").unwrap(),
        None,
        "a single page has no pagination"
    );
}

#[wasm_bindgen_test]
fn search_pagination_links_carry_the_query() {
    let el = mount(
        Locale::Fr,
        || view! { <Pagination page=2 total_pages=3 route=routes::Route::search("café noir", 2)/> },
    );
    let prev = el.query_selector("a[rel=prev]").unwrap().unwrap();
    let next = el.query_selector("a[rel=next]").unwrap().unwrap();
    assert_eq!(
        prev.get_attribute("href").as_deref(),
        Some("/search?q=caf%C3%A9%20noir")
    );
    assert_eq!(
        next.get_attribute("href").as_deref(),
        Some("/search/page/3?q=caf%C3%A9%20noir")
    );
    assert!(el.text_content().unwrap().contains("Page 2 sur 3"));
}

fn summary(slug: &str) -> ArticleSummary {
    ArticleSummary {
        slug: slug.into(),
        title: format!("Titre {slug}"),
        standfirst: String::new(),
        category: CategoryRef {
            slug: "monde".into(),
            name: "Monde".into(),
        },
        authors: Vec::new(),
        published: Timestamp::parse("2026-11-01T10:00:00+01:00").unwrap(),
        modified: None,
        image: None,
        reading_minutes: 1,
        format: Default::default(),
        link: None,
        post_type: None,
    }
}

#[wasm_bindgen_test]
fn rail_shows_at_most_six_and_never_the_current_article() {
    let articles: Vec<_> = ["a", "cur", "b", "c", "d", "e", "f", "g"]
        .into_iter()
        .map(summary)
        .collect();
    let el = mount(Locale::Fr, move || view! { <Rail articles current="cur"/> });
    let links = el.query_selector_all(".rail a").unwrap();
    assert_eq!(links.length(), 6);
    for i in 0..links.length() {
        let href = links
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .get_attribute("href")
            .unwrap();
        assert_ne!(href, "/article/cur");
    }
    assert!(el.text_content().unwrap().contains("Vous aimerez aussi"));
    let empty = mount(
        Locale::Fr,
        || view! { <Rail articles=vec![summary("cur")] current="cur"/> },
    );
    assert_eq!(
        empty.query_selector("section").unwrap(),
        None,
        "no rail without related articles"
    );
}

#[wasm_bindgen_test]
fn the_platform_stores_sets_the_root_and_says_relative_times() {
    use kiosque::platform;
    // Read back as the inline script in index.html reads it.
    let stored = || {
        let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        storage.get_item("kiosque-test").unwrap()
    };
    platform::storage_set("kiosque-test", Some("dark"));
    assert_eq!(stored().as_deref(), Some("dark"));
    platform::storage_set("kiosque-test", None);
    assert_eq!(stored(), None);

    let root = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    platform::set_root_attribute("data-kiosque-test", Some("x"));
    assert_eq!(root.get_attribute("data-kiosque-test").as_deref(), Some("x"));
    assert_eq!(platform::root_attribute("data-kiosque-test").as_deref(), Some("x"));
    platform::set_root_attribute("data-kiosque-test", None);
    assert_eq!(root.get_attribute("data-kiosque-test"), None);
    assert_eq!(platform::root_attribute("data-kiosque-test"), None);

    assert_eq!(
        platform::relative_time(3 * 3600 + 5, "en").as_deref(),
        Some("3 hours ago")
    );
    assert_eq!(platform::relative_time(8 * 86_400, "en"), None);
    assert!(platform::now_unix() > 1_700_000_000);
}

#[wasm_bindgen_test]
async fn a_submit_takes_what_the_fields_show_even_without_input_events() {
    use kiosque::components::take_shown;
    let name = RwSignal::new(String::from("typed"));
    let body = RwSignal::new(String::new());
    let (name_ref, body_ref) = (
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Textarea>::new(),
    );
    let away = NodeRef::<leptos::html::Input>::new();
    let el = mount(Locale::Fr, move || {
        view! { <input node_ref=name_ref bind:value=name/> <textarea node_ref=body_ref bind:value=body></textarea> }
    });
    settle().await;
    // What a password manager does: values put in, no input event.
    let input: web_sys::HtmlInputElement = el.query_selector("input").unwrap().unwrap().unchecked_into();
    input.set_value("filled");
    let area: web_sys::HtmlTextAreaElement = el.query_selector("textarea").unwrap().unwrap().unchecked_into();
    area.set_value("texte");
    assert_eq!(name.get_untracked(), "typed");
    assert_eq!(take_shown(&name_ref, name), "filled");
    assert_eq!(name.get_untracked(), "filled");
    assert_eq!(take_shown(&body_ref, body), "texte");
    assert_eq!(body.get_untracked(), "texte");
    // A field not in the document leaves the signal as it is.
    assert_eq!(take_shown(&away, name), "filled");
}

#[wasm_bindgen_test]
async fn the_reader_is_writing_when_a_field_of_main_is_focused_or_edited() {
    use kiosque::platform::reader_is_writing;
    let el = mount(Locale::Fr, || {
        view! {
            <main>
                <input id="w-name" value="prérempli"/>
                <textarea id="w-text">"défaut"</textarea>
            </main>
            <input id="w-outside"/>
        }
    });
    settle().await;
    let field = |id: &str| el.query_selector(&format!("#{id}")).unwrap().unwrap();
    // Fields as the page brought them, none focused: not writing.
    assert!(!reader_is_writing());
    // Outside <main> (the header's search box) does not count.
    let outside: web_sys::HtmlInputElement = field("w-outside").unchecked_into();
    outside.set_value("tunis");
    outside.focus().unwrap();
    assert!(!reader_is_writing());
    outside.blur().unwrap();
    let text: web_sys::HtmlTextAreaElement = field("w-text").unchecked_into();
    text.set_value("Un commentaire commencé");
    assert!(reader_is_writing(), "edited textarea");
    text.set_value("défaut");
    assert!(!reader_is_writing());
    let name: web_sys::HtmlInputElement = field("w-name").unchecked_into();
    name.focus().unwrap();
    assert!(reader_is_writing(), "focused field, still as it came");
    name.blur().unwrap();
    name.set_value("Léa");
    assert!(reader_is_writing(), "edited input");
    el.remove();
}

#[wasm_bindgen_test]
async fn newer_data_is_offered_and_swapped_in_only_when_the_reader_asks() {
    use kiosque::components::{NewerPage, UpdateNotice};
    let swapped = RwSignal::new(0);
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let provided = slot.clone();
    let el = mount(Locale::Fr, move || {
        provided.set(Some(NewerPage::provide()));
        view! { <UpdateNotice/> }
    });
    let newer = slot.take().unwrap();
    let notice = el.query_selector(".update-notice[role=status]").unwrap().unwrap();
    let shown = || notice.class_list().contains("update-notice--shown");
    let said = || notice.query_selector("p").unwrap().unwrap().text_content().unwrap();
    assert!(!shown() && said().is_empty(), "the live region is there, silent");
    let click = |selector: &str| {
        let button: web_sys::HtmlElement = notice.query_selector(selector).unwrap().unwrap().unchecked_into();
        button.click();
    };
    // Two offers (the page's data and the site's): one notice.
    newer.offer(move || swapped.update(|n| *n += 1));
    newer.offer(move || swapped.update(|n| *n += 10));
    settle().await;
    assert!(shown());
    assert_eq!(said(), "Cette page a été mise à jour.");
    // Dismissed: nothing is swapped in.
    click(".update-notice__dismiss");
    settle().await;
    assert_eq!((shown(), said(), swapped.get_untracked()), (false, String::new(), 0));
    // Shown: both are, once.
    newer.offer(move || swapped.update(|n| *n += 1));
    newer.offer(move || swapped.update(|n| *n += 10));
    settle().await;
    click(".update-notice__show");
    settle().await;
    assert_eq!((shown(), said(), swapped.get_untracked()), (false, String::new(), 11));
}
