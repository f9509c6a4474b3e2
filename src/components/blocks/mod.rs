//! One component per body block type, and one dispatcher that picks it.
//! Blocks arrive sanitized from `kiosque_core::body`; text is always escaped.

mod embed;
mod figure;
mod heading;
mod inline;
mod list;
mod paragraph;
mod quote;
mod table;

pub use figure::{Figure, FIGURE_SIZES};
pub use inline::Inlines;

use leptos::prelude::*;

use kiosque_core::model::Block;

/// Renders a whole body.
#[component]
pub fn Body(blocks: Vec<Block>) -> impl IntoView {
    view! { <div class="prose" dir="auto">{blocks.into_iter().map(block).collect_view()}</div> }
}

/// The dispatcher: one arm per block type.
fn block(b: Block) -> AnyView {
    match b {
        Block::Paragraph { content } => view! { <paragraph::Paragraph content/> }.into_any(),
        Block::Heading { level, content } => view! { <heading::Heading level content/> }.into_any(),
        Block::List { ordered, items } => view! { <list::List ordered items/> }.into_any(),
        Block::Quote { content, cite } => view! { <quote::Quote content cite/> }.into_any(),
        Block::Figure { image } => view! { <figure::Figure image/> }.into_any(),
        Block::Table { caption, rows } => view! { <table::Table caption rows/> }.into_any(),
        // Focusable so a keyboard reader can scroll a wide listing sideways.
        Block::Preformatted { text } => view! { <pre tabindex="0">{text}</pre> }.into_any(),
        Block::Separator => view! { <hr/> }.into_any(),
        Block::Embed {
            provider,
            url,
            embed_url,
            title,
            width,
            height,
        } => match embed::checked_urls(&url, &embed_url) {
            Some((url, embed_url)) => view! { <embed::Embed provider url embed_url title width height/> }.into_any(),
            None => ().into_any(),
        },
        Block::Unknown => ().into_any(),
    }
}
