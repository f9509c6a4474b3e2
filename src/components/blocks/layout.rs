//! Layout blocks: galleries, columns, media-and-text, cover, group. No
//! inline style (the CSP forbids it): widths and column counts are classes
//! (the layout section of `style/main.css`), rounded to steps of 5 %.

use leptos::prelude::*;

use super::block;
use crate::components::Picture;
use crate::context::use_ctx;
use kiosque_core::model::{Align, Block, Column, GalleryItem, Image, SafeUrl};

/// ` align-left`… for a class list, or nothing.
pub fn align_class(align: Option<Align>) -> String {
    align.map(|a| format!(" {}", a.class())).unwrap_or_default()
}

/// A percentage rounded to a multiple of 5 within `lo..=hi` (the classes that
/// the layout section of `style/main.css` defines).
fn step5(v: u8, lo: u8, hi: u8) -> u8 {
    let r = (u16::from(v) + 2) / 5 * 5;
    u8::try_from(r).unwrap_or(hi).clamp(lo, hi)
}

fn blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block).collect_view()
}

#[component]
pub fn Gallery(items: Vec<GalleryItem>, columns: u8, caption: Option<String>, align: Option<Align>) -> impl IntoView {
    let cols = columns.clamp(1, Block::MAX_GALLERY_COLUMNS);
    // Drawn 720 px wide at most on wide screens, two a row on phones.
    let sizes = format!("(min-width: 800px) {}px, 50vw", 720 / u32::from(cols));
    let ctx = use_ctx();
    let open = ctx.strings().open_media;
    let items = items
        .into_iter()
        .map(|item| {
            // A refused full-image URL falls back to the widest rendition.
            let widest = GalleryItem {
                full: String::new(),
                ..item.clone()
            };
            let href = SafeUrl::new(item.full_url())
                .or_else(|| SafeUrl::new(widest.full_url()))
                .map(|u| ctx.url_href(&u));
            let image: Image = item.image;
            let (cap, credit) = (image.caption.clone(), image.credit.clone());
            // The link's name is the image's alt; an image without one still gets a name.
            let label = image.alt.trim().is_empty().then_some(open);
            let picture = view! { <Picture image sizes=sizes.clone()/> };
            let thumb = match href {
                Some(h) => view! { <a class="gallery__link" href=h aria-label=label>{picture}</a> }.into_any(),
                None => picture.into_any(),
            };
            let has_caption = cap.is_some() || credit.is_some();
            view! {
                <figure class="gallery__item">
                    {thumb}
                    {has_caption
                        .then(|| {
                            view! {
                                <figcaption class="gallery__caption">
                                    {cap}
                                    {credit.map(|c| view! { " " <span class="figure__credit">{c}</span> })}
                                </figcaption>
                            }
                        })}
                </figure>
            }
        })
        .collect_view();
    let class = format!("gallery gallery--cols-{cols}{}", align_class(align));
    view! {
        <figure class=class>
            <div class="gallery__grid">{items}</div>
            {caption.map(|c| view! { <figcaption class="gallery__caption gallery__caption--all">{c}</figcaption> })}
        </figure>
    }
}

/// Each column grows by its share (`columns__col--wN`); columns without a
/// width share what the others leave.
#[component]
pub fn Columns(columns: Vec<Column>) -> impl IntoView {
    let given: u32 = columns.iter().filter_map(|c| c.width).map(u32::from).sum();
    let free = columns.iter().filter(|c| c.width.is_none()).count().max(1);
    let rest = u8::try_from(100u32.saturating_sub(given) / u32::try_from(free).unwrap_or(1)).unwrap_or(100);
    let cols = columns
        .into_iter()
        .map(|c| {
            let w = step5(c.width.unwrap_or(rest), Column::MIN_WIDTH, Column::MAX_WIDTH);
            view! { <div class=format!("columns__col columns__col--w{w}")>{blocks(c.blocks)}</div> }
        })
        .collect_view();
    view! { <div class="columns">{cols}</div> }
}

#[component]
pub fn MediaText(media: Vec<Block>, media_right: bool, media_width: Option<u8>, body: Vec<Block>) -> impl IntoView {
    let w = step5(media_width.unwrap_or(50), 15, 85);
    let side = if media_right { " media-text--right" } else { "" };
    view! {
        <div class=format!("media-text media-text--w{w}{side}")>
            <div class="media-text__media">{blocks(media)}</div>
            <div class="media-text__body">{blocks(body)}</div>
        </div>
    }
}

/// The image is a real, sized `img` (with its alt) under a dark scrim; the
/// text sits on the scrim in light ink.
#[component]
pub fn Cover(image: Option<Image>, body: Vec<Block>, align: Option<Align>) -> impl IntoView {
    let sizes = match align {
        Some(Align::Wide | Align::Full) => "100vw",
        Some(Align::Left | Align::Right | Align::Center) => super::figure::FLOAT_SIZES,
        None => "(min-width: 800px) 720px, 100vw",
    };
    view! {
        <div class=format!("cover{}", align_class(align))>
            {image.map(|image| view! { <Picture image sizes=sizes class="cover__image"/> })}
            <div class="cover__body">{blocks(body)}</div>
        </div>
    }
}

#[component]
pub fn Group(body: Vec<Block>, align: Option<Align>) -> impl IntoView {
    view! { <div class=format!("group{}", align_class(align))>{blocks(body)}</div> }
}

#[cfg(test)]
mod tests {
    use super::step5;

    #[test]
    fn widths_round_to_the_defined_classes() {
        assert_eq!(
            [
                step5(33, 10, 90),
                step5(67, 10, 90),
                step5(1, 10, 90),
                step5(99, 10, 90)
            ],
            [35, 65, 10, 90]
        );
        assert_eq!([step5(50, 15, 85), step5(0, 15, 85), step5(255, 15, 85)], [50, 15, 85]);
    }
}
