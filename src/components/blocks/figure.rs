use leptos::prelude::*;

use crate::components::Picture;
use kiosque_core::model::{Align, Image};

/// How wide a figure is drawn (the article's column); the hero's preload uses
/// the same value so the browser picks the same file.
pub const FIGURE_SIZES: &str = "(min-width: 800px) 720px, 100vw";

/// How wide a figure floated to one side is drawn.
pub(super) const FLOAT_SIZES: &str = "(min-width: 600px) 360px, 100vw";

/// An image with caption and credit; `align` places it beside the text.
#[component]
pub fn Figure(
    image: Image,
    #[prop(optional)] priority: bool,
    #[prop(default = None)] align: Option<Align>,
) -> impl IntoView {
    let sizes = match align {
        Some(Align::Left | Align::Right | Align::Center) => FLOAT_SIZES,
        Some(Align::Wide | Align::Full) => "100vw",
        None => FIGURE_SIZES,
    };
    let class = format!("figure{}", super::layout::align_class(align));
    let caption = image.caption.clone();
    let credit = image.credit.clone();
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class=class>
            <Picture image sizes priority/>
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
