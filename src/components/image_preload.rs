//! The page's largest image, announced in the head: the browser fetches it
//! with the HTML, beside the stylesheet, instead of after layout has found
//! the `<img>`. Its candidates and `sizes` are the `<img>`'s own, so the
//! browser picks the same file for both.

use leptos::prelude::*;
use leptos_meta::Link;

use crate::components::checked_image;
use kiosque_core::model::{Image, SafeUrl};

#[component]
pub fn ImagePreload(image: Image, sizes: &'static str) -> impl IntoView {
    let image = checked_image(image);
    let url = SafeUrl::new(&image.url);
    let srcset = image.srcset().unwrap_or_default();
    url.map(|url| {
        view! {
            <Link
                rel="preload"
                as_="image"
                href=url.into_string()
                imagesrcset=srcset
                imagesizes=sizes
                fetchpriority="high"
            />
        }
    })
}
