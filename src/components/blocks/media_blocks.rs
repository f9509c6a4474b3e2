//! Buttons, file links, audio and video. Every URL is checked again (the
//! static API's documents did not go through the converter); a refused URL
//! leaves the text, never a link. Media never autoplay and load nothing
//! until played (`preload="none"`).

use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::model::{Button, SafeUrl};

/// The href to write for `raw`, when it is allowed; media also refuse `mailto:`.
fn href(raw: &str, media: bool) -> Option<String> {
    let url = SafeUrl::new(raw).filter(|u| !(media && u.as_str().starts_with("mailto:")))?;
    Some(use_ctx().url_href(&url))
}

#[component]
pub fn Buttons(buttons: Vec<Button>) -> impl IntoView {
    let links = buttons
        .into_iter()
        .map(|b| match href(&b.href, false) {
            Some(h) => view! { <a class="button" href=h>{b.text}</a> }.into_any(),
            None => view! { <span>{b.text}</span> }.into_any(),
        })
        .collect_view();
    view! { <div class="buttons">{links}</div> }
}

/// The file's name as a link, and a download button; no embedded viewer.
#[component]
pub fn File(href: String, name: String) -> impl IntoView {
    let Some(h) = self::href(&href, false) else {
        return view! { <p class="file">{name}</p> }.into_any();
    };
    let s = use_ctx().strings();
    view! {
        <p class="file">
            <a class="file__name" href=h.clone()>{name}</a>
            " "
            <a class="button" href=h download="">{s.download_file}</a>
        </p>
    }
    .into_any()
}

#[component]
pub fn Audio(src: String, caption: Option<String>) -> impl IntoView {
    let Some(src) = href(&src, true) else {
        return caption.map(|c| view! { <p>{c}</p> }).into_any();
    };
    let s = use_ctx().strings();
    view! {
        <figure class="media">
            <audio controls preload="none" src=src.clone()>
                <a href=src.clone()>{s.open_media}</a>
            </audio>
            <figcaption class="media__caption">
                {caption.map(|c| view! { <span>{c}</span> " " })}
                <a href=src>{s.open_media}</a>
            </figcaption>
        </figure>
    }
    .into_any()
}

#[component]
pub fn Video(
    src: String,
    poster: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    caption: Option<String>,
) -> impl IntoView {
    let Some(src) = href(&src, true) else {
        return caption.map(|c| view! { <p>{c}</p> }).into_any();
    };
    let poster = poster.and_then(|p| href(&p, true));
    let s = use_ctx().strings();
    view! {
        <figure class="media">
            <video controls playsinline preload="none" src=src.clone() poster=poster width=width height=height>
                <a href=src.clone()>{s.open_media}</a>
            </video>
            <figcaption class="media__caption">
                {caption.map(|c| view! { <span>{c}</span> " " })}
                <a href=src>{s.open_media}</a>
            </figcaption>
        </figure>
    }
    .into_any()
}
