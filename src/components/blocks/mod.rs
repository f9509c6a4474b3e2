//! One component per body block type, and one dispatcher that picks it.
//! Blocks arrive sanitized from `kiosque_core::body`; text is always escaped.

mod embed;
mod figure;
mod footnotes;
mod heading;
mod inline;
mod layout;
#[cfg(all(test, feature = "ssr"))]
mod layout_tests;
mod list;
mod media_blocks;
mod paragraph;
mod quote;
mod table;
mod text_blocks;
#[cfg(all(test, feature = "ssr"))]
mod text_blocks_tests;

pub use figure::{Figure, FIGURE_SIZES};
pub use inline::Inlines;

use leptos::prelude::*;

use kiosque_core::model::Block;

/// Renders a whole body. `page`: the page's own href, which in-page links
/// (footnotes) need: the document's `<base href>` would send a bare
/// `#fragment` to the site's root.
#[component]
pub fn Body(blocks: Vec<Block>, #[prop(optional, into)] page: Option<String>) -> impl IntoView {
    provide_context(footnotes::PageHref(page.unwrap_or_default()));
    view! { <div class="prose" dir="auto">{blocks.into_iter().map(block).collect_view()}</div> }
}

/// The dispatcher: one arm per block type.
fn block(b: Block) -> AnyView {
    match b {
        Block::Paragraph { content } => view! { <paragraph::Paragraph content/> }.into_any(),
        Block::Heading { level, content } => view! { <heading::Heading level content/> }.into_any(),
        Block::List {
            ordered,
            items,
            start,
            reversed,
            marker,
        } => view! { <list::List ordered items start reversed marker/> }.into_any(),
        Block::Quote { content, cite } => view! { <quote::Quote content cite/> }.into_any(),
        Block::Figure { image, align } => view! { <figure::Figure image align/> }.into_any(),
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
        Block::DefinitionList { items } => view! { <text_blocks::DefinitionList items/> }.into_any(),
        Block::Details { summary, body } => view! { <text_blocks::Details summary body/> }.into_any(),
        Block::Verse { content } => view! { <text_blocks::Verse content/> }.into_any(),
        Block::Code { text } => view! { <text_blocks::Code text/> }.into_any(),
        Block::PullQuote { content, cite } => view! { <text_blocks::PullQuote content cite/> }.into_any(),
        Block::Buttons { buttons } => view! { <media_blocks::Buttons buttons/> }.into_any(),
        Block::File { href, name } => view! { <media_blocks::File href name/> }.into_any(),
        Block::Audio { src, caption } => view! { <media_blocks::Audio src caption/> }.into_any(),
        Block::Video {
            src,
            poster,
            width,
            height,
            caption,
        } => view! { <media_blocks::Video src poster width height caption/> }.into_any(),
        Block::Footnotes { notes } => view! { <footnotes::Footnotes notes/> }.into_any(),
        Block::Gallery {
            items,
            columns,
            caption,
            align,
        } => view! { <layout::Gallery items columns caption align/> }.into_any(),
        Block::Columns { columns } => view! { <layout::Columns columns/> }.into_any(),
        Block::MediaText {
            media,
            media_right,
            media_width,
            body,
        } => view! { <layout::MediaText media media_right media_width body/> }.into_any(),
        Block::Cover { image, body, align } => view! { <layout::Cover image body align/> }.into_any(),
        Block::Group { body, align } => view! { <layout::Group body align/> }.into_any(),
        Block::Unknown => ().into_any(),
    }
}
