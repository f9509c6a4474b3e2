//! Footnotes: references and notes link to each other by ids of our own
//! (`kq-fn-N`, `kq-fnref-N`: the converter keeps none from the content, so
//! nothing else on the page can carry them). Links are `target="_self"`, so
//! the browser scrolls within the page, before and after hydration alike.

use leptos::prelude::*;

use super::Inlines;
use crate::context::use_ctx;
use kiosque_core::model::Inline;

/// The href of the page the body is on (see `Body`'s `page`).
#[derive(Clone)]
pub struct PageHref(pub String);

fn page() -> String {
    use_context::<PageHref>().map(|p| p.0).unwrap_or_default()
}

/// A reference: the note's number, linking to it.
pub fn reference(number: u32) -> AnyView {
    let href = format!("{}#kq-fn-{number}", page());
    let id = format!("kq-fnref-{number}");
    view! { <sup class="fn-ref"><a href=href id=id target="_self">{number}</a></sup> }.into_any()
}

#[component]
pub fn Footnotes(notes: Vec<Vec<Inline>>) -> impl IntoView {
    let s = use_ctx().strings();
    let page = page();
    let items = notes
        .into_iter()
        .zip(1u32..)
        .map(|(content, n)| {
            let back = format!("{page}#kq-fnref-{n}");
            let label = format!("{} {n}", s.footnote_back);
            view! {
                <li id=format!("kq-fn-{n}")>
                    <Inlines content/>
                    " "
                    <a class="footnotes__back" href=back aria-label=label target="_self">"↩"</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="footnotes" aria-label=s.footnotes>
            <ol>{items}</ol>
        </section>
    }
}
