use leptos::prelude::*;

use super::Inlines;
use kiosque_core::model::{Block, ListItem, ListMarker};

/// A list and the lists nested in its items (the converter caps the depth).
/// Only lists are rendered inside an item: that is all the model puts there.
#[component]
pub fn List(
    ordered: bool,
    items: Vec<ListItem>,
    start: Option<i32>,
    reversed: bool,
    marker: Option<ListMarker>,
) -> impl IntoView {
    let items = items.into_iter().map(item).collect_view();
    if ordered {
        let kind = marker.map(ListMarker::attr);
        view! { <ol start=start reversed=reversed type=kind>{items}</ol> }.into_any()
    } else {
        view! { <ul>{items}</ul> }.into_any()
    }
}

fn item(i: ListItem) -> impl IntoView {
    let nested = i.children.into_iter().filter_map(nested).collect_view();
    view! { <li><Inlines content=i.content/>{nested}</li> }
}

fn nested(b: Block) -> Option<AnyView> {
    match b {
        Block::List {
            ordered,
            items,
            start,
            reversed,
            marker,
        } => Some(view! { <List ordered items start reversed marker/> }.into_any()),
        _ => None,
    }
}
