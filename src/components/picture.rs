use leptos::prelude::*;

use crate::model::Image;

/// An image with its intrinsic size (no layout shift), `srcset`, and lazy
/// loading unless it is above the fold.
#[component]
pub fn Picture(
    image: Image,
    /// The `sizes` attribute: how wide the image is drawn.
    #[prop(into)]
    sizes: String,
    /// Above the fold: load now, with high priority (the hero).
    #[prop(optional)]
    priority: bool,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let srcset = image.srcset();
    view! {
        <img
            class=class
            src=image.url
            srcset=srcset
            sizes=sizes
            width=image.width
            height=image.height
            alt=image.alt
            loading=if priority { "eager" } else { "lazy" }
            fetchpriority=if priority { Some("high") } else { None }
            decoding=if priority { "sync" } else { "async" }
        />
    }
}
