use leptos::prelude::*;

use crate::components::Picture;
use crate::model::Image;

/// An image with caption and credit.
#[component]
pub fn Figure(image: Image, #[prop(optional)] priority: bool) -> impl IntoView {
    let caption = image.caption.clone();
    let credit = image.credit.clone();
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class="figure">
            <Picture image sizes="(min-width: 800px) 720px, 100vw" priority/>
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
