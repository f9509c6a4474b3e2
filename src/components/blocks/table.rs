use leptos::prelude::*;

use super::Inlines;
use kiosque_core::model::TableCell;

/// A data table, scrollable sideways on narrow screens.
#[component]
pub fn Table(caption: Option<String>, rows: Vec<Vec<TableCell>>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .map(|c| {
                    if c.header {
                        view! { <th scope="col"><Inlines content=c.content/></th> }.into_any()
                    } else {
                        view! { <td><Inlines content=c.content/></td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let label = caption.clone().unwrap_or_else(|| "Tableau".into());
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table>
                {caption.map(|c| view! { <caption>{c}</caption> })}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
