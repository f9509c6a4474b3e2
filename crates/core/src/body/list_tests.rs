//! Nested lists and their numbering (`lists.rs`).

use crate::body::test_support::{b, t};
use crate::model::{Block, Inline, ListItem, ListMarker};

fn items(v: &[&str]) -> Vec<Vec<Inline>> {
    v.iter().map(|s| vec![t(s)]).collect()
}

fn list(ordered: bool, v: &[&str]) -> Block {
    Block::list(ordered, items(v))
}

/// `parent` with `child` nested in its item `at`.
fn nest(mut parent: Block, at: usize, child: Block) -> Block {
    if let Block::List { items, .. } = &mut parent {
        if let Some(i) = items.get_mut(at) {
            i.children.push(child);
        }
    }
    parent
}

#[test]
fn nested_lists_nest() {
    let html = "<ul><li>a<ul><li>a1</li><li>a2<ol><li>deep</li></ol></li></ul>after</li><li>b</li></ul>";
    let inner = nest(list(false, &["a1", "a2"]), 1, list(true, &["deep"]));
    // Text after a nested list stays in its item, on a line of its own.
    let outer = Block::list(false, vec![vec![t("a"), Inline::LineBreak, t("after")], vec![t("b")]]);
    assert_eq!(b(html), [nest(outer, 0, inner)]);
    // A list straight inside a list nests in the item before it.
    let got = b("<ul>loose<li>x</li><ul><li>y</li></ul></ul>");
    assert_eq!(got, [nest(list(false, &["loose", "x"]), 1, list(false, &["y"]))]);
    let got = b("<ul><ul><li>y</li></ul></ul>");
    let mut want = list(false, &[]);
    if let Block::List { items: i, .. } = &mut want {
        i.push(ListItem {
            content: Vec::new(),
            children: vec![list(false, &["y"])],
        });
    }
    assert_eq!(got, [want]);
}

/// Depth of the deepest nested list in `b` (1 for a flat list).
fn depth(b: &Block) -> usize {
    match b {
        Block::List { items, .. } => 1 + items.iter().flat_map(|i| &i.children).map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

#[test]
fn deep_nesting_is_capped_and_keeps_every_item() {
    let n = 1000;
    let html = "<ul><li>x".repeat(n) + &"</li></ul>".repeat(n);
    let got = b(&html);
    assert_eq!(got.len(), 1);
    assert_eq!(depth(&got[0]), Block::MAX_LIST_DEPTH);
    // The tree keeps `MAX_DEPTH` open elements; every item it holds is
    // shown, the deepest ones flattened into the last level.
    let words = got[0]
        .inline_runs()
        .iter()
        .map(|r| Inline::plain_text(r))
        .filter(|s| s == "x")
        .count();
    assert!(words >= 60, "{words}");
    let json = serde_json::to_string(&got).unwrap_or_default();
    let back: Vec<Block> = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back, got, "round-trips under serde_json's recursion limit");
}

#[test]
fn numbering_attributes() {
    let num = |html: &str| match b(html).first() {
        Some(Block::List {
            start,
            reversed,
            marker,
            ..
        }) => (*start, *reversed, *marker),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        num("<ol start=3 type=a><li>x</ol>"),
        (Some(3), false, Some(ListMarker::LowerAlpha))
    );
    assert_eq!(num("<ol reversed><li>x</ol>"), (None, true, None));
    assert_eq!(
        num("<ol reversed start=1 type=I><li>x</ol>"),
        (Some(1), true, Some(ListMarker::UpperRoman))
    );
    assert_eq!(
        num("<ol start=1 type=1><li>x</ol>"),
        (None, false, None),
        "defaults are not kept"
    );
    assert_eq!(
        num("<ol start=-4 type=i><li>x</ol>"),
        (Some(-4), false, Some(ListMarker::LowerRoman))
    );
    assert_eq!(
        num("<ol type=A><li>x</ol>"),
        (None, false, Some(ListMarker::UpperAlpha))
    );
    // Absurd or broken values.
    assert_eq!(
        num("<ol start=99999999999999999999><li>x</ol>").0,
        None,
        "beyond i64: ignored"
    );
    assert_eq!(num("<ol start=4000000000><li>x</ol>").0, Some(1_000_000));
    assert_eq!(num("<ol start=-4000000000><li>x</ol>").0, Some(-1_000_000));
    assert_eq!(num("<ol start=abc type=disc><li>x</ol>"), (None, false, None));
    assert_eq!(
        num("<ul start=5 reversed type=a><li>x</ul>"),
        (None, false, None),
        "only ol is numbered"
    );
}
