//! Tables: rows from `tr` (thead/tbody/tfoot flattened), `th` as header
//! cells, `caption`; cells outside rows form a row; other content found in
//! a table is shown before it, as browsers do.

use super::blocks::{Conv, MAX_RECURSION};
use super::inline::InlineBuilder;
use super::tags::Tag;
use super::tree::AttrName;
use crate::model::{Block, TableCell};

struct TableState {
    rows: Vec<Vec<TableCell>>,
    /// Cells outside any `<tr>`.
    loose: Vec<TableCell>,
    caption: Option<String>,
    /// Content misplaced in the table: browsers show it before the table.
    foster: InlineBuilder,
}

impl Conv<'_> {
    pub(super) fn table(&mut self, id: usize, fallback_caption: Option<String>, depth: usize) {
        let mut st = TableState {
            rows: Vec::new(),
            loose: Vec::new(),
            caption: None,
            foster: self.builder(),
        };
        self.table_part(id, &mut st, depth);
        if !st.loose.is_empty() {
            st.rows.push(std::mem::take(&mut st.loose));
        }
        self.push_para(st.foster.finish());
        if !st.rows.is_empty() {
            self.out.push(Block::Table {
                caption: st.caption.or(fallback_caption),
                rows: st.rows,
            });
        }
        self.flush_after();
    }

    /// Rows of a table or of a thead/tbody/tfoot.
    fn table_part(&mut self, id: usize, st: &mut TableState, depth: usize) {
        if depth > MAX_RECURSION {
            return;
        }
        for c in self.t.children(id) {
            match self.t.tag(c) {
                Some(Tag::Caption) => {
                    let text = self.t.plain(c);
                    if st.caption.is_none() && !text.is_empty() {
                        st.caption = Some(text);
                    }
                }
                Some(Tag::TSection) => self.table_part(c, st, depth + 1),
                Some(Tag::Tr) => {
                    if !st.loose.is_empty() {
                        st.rows.push(std::mem::take(&mut st.loose));
                    }
                    let mut row = Vec::new();
                    for cell in self.t.children(c) {
                        match self.t.tag(cell) {
                            Some(t @ (Tag::Td | Tag::Th)) => row.push(self.cell(cell, t == Tag::Th, depth + 2)),
                            _ => self.inline(cell, &mut st.foster, depth + 2),
                        }
                    }
                    if !row.is_empty() {
                        st.rows.push(row);
                    }
                }
                Some(t @ (Tag::Td | Tag::Th)) => {
                    let cell = self.cell(c, t == Tag::Th, depth + 1);
                    st.loose.push(cell);
                }
                _ => self.inline(c, &mut st.foster, depth + 1),
            }
        }
    }

    fn cell(&mut self, id: usize, header: bool, depth: usize) -> TableCell {
        let mut b = self.builder();
        self.inline_children(id, &mut b, depth);
        // As browsers read them: leading digits; 0, junk or none is 1.
        let span = |name| {
            let raw = self.t.attr(id, name).unwrap_or("").trim();
            let digits: String = raw.chars().take_while(char::is_ascii_digit).take(6).collect();
            digits
                .parse::<u32>()
                .ok()
                .filter(|&n| n > 0)
                .map_or(1, |n| n.min(u32::from(TableCell::MAX_SPAN)) as u16)
        };
        TableCell {
            colspan: span(AttrName::Colspan),
            rowspan: span(AttrName::Rowspan),
            ..TableCell::new(header, b.finish())
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::body::test_support::{b, t};
    use crate::model::{Block, Inline, TableCell};

    fn p(s: &str) -> Block {
        Block::Paragraph { content: vec![t(s)] }
    }

    fn cell(header: bool, content: Vec<Inline>) -> TableCell {
        TableCell::new(header, content)
    }

    #[test]
    fn cells_keep_their_spans() {
        let got = b(r#"<table><tr><th colspan="2">Ville</th><td rowspan=" 3x">a</td></tr>
            <tr><td colspan="0">b</td><td colspan="99999">c</td><td rowspan="-1">d</td></tr></table>"#);
        let Some(Block::Table { rows, .. }) = got.first() else {
            panic!("{got:?}")
        };
        let spans: Vec<Vec<(u16, u16)>> = rows
            .iter()
            .map(|r| r.iter().map(|c| (c.colspan, c.rowspan)).collect())
            .collect();
        assert_eq!(spans, [vec![(2, 1), (1, 3)], vec![(1, 1), (100, 1), (1, 1)]]);
        let json = serde_json::to_string(&rows[1][0]).unwrap();
        assert!(!json.contains("span"), "spans of 1 are not written: {json}");
    }

    #[test]
    fn tables() {
        let html = "<table><caption>Cap</caption><tr><th>H</th></tr><tbody><tr><td>a<br>b</td><td></td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>";
        let rows = vec![
            vec![cell(true, vec![t("H")])],
            vec![
                cell(false, vec![t("a"), Inline::LineBreak, t("b")]),
                cell(false, vec![]),
            ],
            vec![cell(false, vec![t("f")])],
        ];
        assert_eq!(
            b(html),
            [Block::Table {
                caption: Some("Cap".into()),
                rows
            }]
        );
        let got = b("<table>Avant<td>x</td></table>");
        assert_eq!(
            got,
            [
                p("Avant"),
                Block::Table {
                    caption: None,
                    rows: vec![vec![cell(false, vec![t("x")])]]
                }
            ]
        );
        assert_eq!(b("<table><tr></tr></table><table> </table>"), []);
        let got = b("<table><tr><td><table><tr><td>in</td><td>2</td></tr></table></td></tr></table>");
        let Some(Block::Table { rows, .. }) = got.first() else {
            panic!("{got:?}")
        };
        assert_eq!(rows[0][0].content, [t("in"), Inline::LineBreak, t("2")]);
    }
}
