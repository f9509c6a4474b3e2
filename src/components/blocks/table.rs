use leptos::prelude::*;

use super::Inlines;
use kiosque_core::model::TableCell;

/// A data table, scrollable sideways on narrow screens.
#[component]
pub fn Table(caption: Option<String>, rows: Vec<Vec<TableCell>>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(r, row)| {
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let colspan = (c.colspan > 1).then_some(c.colspan);
                    let rowspan = (c.rowspan > 1).then_some(c.rowspan);
                    if c.header {
                        // The first row heads columns; a header opening a later row heads that row.
                        let scope = if r == 0 || i > 0 { "col" } else { "row" };
                        view! { <th scope=scope colspan=colspan rowspan=rowspan><Inlines content=c.content/></th> }
                            .into_any()
                    } else {
                        view! { <td colspan=colspan rowspan=rowspan><Inlines content=c.content/></td> }.into_any()
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
