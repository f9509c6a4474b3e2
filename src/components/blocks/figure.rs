use leptos::prelude::*;

use crate::components::Picture;
use kiosque_core::model::Image;

/// How wide a figure is drawn (the article's column); the hero's preload uses
/// the same value so the browser picks the same file.
pub const FIGURE_SIZES: &str = "(min-width: 800px) 720px, 100vw";

/// An image with caption and credit.
#[component]
pub fn Figure(image: Image, #[prop(optional)] priority: bool) -> impl IntoView {
    let caption = image.caption.clone();
    let credit = image.credit.clone();
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class="figure">
            <Picture image sizes=FIGURE_SIZES priority/>
            {has_caption
                .then(|| {
                    view! {
                        <figcaption class="figure__caption">
                            {caption}
                            {credit.map(|c| view! { " " <span class="figure__credit">{c}</span> })}
                        </figcaption>
                    }
                })}
        </figure>
    }
}
