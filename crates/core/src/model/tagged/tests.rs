use serde_json::{from_str, json, to_string, Value};

use crate::model::{Block, Inline, ListItem, ListingKind, TagRef};

fn para(text: &str) -> Block {
    Block::Paragraph {
        content: vec![Inline::text(text)],
    }
}

#[test]
fn writes_the_tag_first_as_before() {
    assert_eq!(
        to_string(&para("a")).unwrap(),
        r#"{"type":"paragraph","content":[{"type":"text","text":"a"}]}"#
    );
    assert_eq!(to_string(&Block::Separator).unwrap(), r#"{"type":"separator"}"#);
    assert_eq!(to_string(&ListingKind::Latest).unwrap(), r#"{"type":"latest"}"#);
    // Skipped fields stay skipped.
    let q = Block::Quote {
        content: vec![],
        cite: None,
    };
    assert_eq!(to_string(&q).unwrap(), r#"{"type":"quote","content":[]}"#);
}

#[test]
fn reads_what_it_writes() {
    let blocks = vec![
        para("a"),
        Block::Separator,
        Block::Details {
            summary: vec![Inline::LineBreak],
            body: vec![Block::List {
                ordered: true,
                items: vec![
                    ListItem::new(vec![Inline::text("x")]),
                    ListItem {
                        content: vec![],
                        children: vec![para("nested")],
                    },
                ],
                start: Some(3),
                reversed: true,
                marker: None,
            }],
        },
    ];
    let back: Vec<Block> = from_str(&to_string(&blocks).unwrap()).unwrap();
    assert_eq!(back, blocks);
    let kind = ListingKind::Tag {
        tag: TagRef {
            slug: "s".into(),
            name: "S".into(),
        },
        about: vec![para("b")],
    };
    assert_eq!(from_str::<ListingKind>(&to_string(&kind).unwrap()).unwrap(), kind);
}

#[test]
fn reads_the_tag_anywhere_in_the_object() {
    // Sorted keys, as `jq -S` or Python's `sort_keys` write them.
    let sorted = r#"[{"content":[{"children":[{"text":"a","type":"text"}],"type":"strong"}],"type":"paragraph"},
        {"body":[{"content":[],"type":"verse"}],"summary":[],"type":"details"}]"#;
    let blocks: Vec<Block> = from_str(sorted).unwrap();
    assert_eq!(
        blocks[0],
        Block::Paragraph {
            content: vec![Inline::Strong {
                children: vec![Inline::text("a")]
            }]
        }
    );
    assert_eq!(
        blocks[1],
        Block::Details {
            summary: vec![],
            body: vec![Block::Verse { content: vec![] }],
        }
    );
    // An escaped tag is still the tag.
    let escaped: Block = from_str(r#"{"typ\u0065":"separ\u0061tor"}"#).unwrap();
    assert_eq!(escaped, Block::Separator);
}

#[test]
fn an_unknown_type_is_skipped_with_its_fields_and_the_rest_is_read() {
    let json =
        r#"[{"type":"hologram","depth":{"deep":[1,{"type":"x"}]}},{"stuff":1,"type":"hologram"},{"type":"separator"}]"#;
    let blocks: Vec<Block> = from_str(json).unwrap();
    assert_eq!(blocks, vec![Block::Unknown, Block::Unknown, Block::Separator]);
    let inl: Vec<Inline> = from_str(r#"[{"type":"sparkle","text":"t"},{"type":"line_break"}]"#).unwrap();
    assert_eq!(inl, vec![Inline::Unknown, Inline::LineBreak]);
}

#[test]
fn refuses_what_is_not_a_tagged_object() {
    for bad in [
        r#"{"content":[]}"#,
        r#"{}"#,
        r#"{"type":3,"content":[]}"#,
        r#"{"content":[],"type":null}"#,
        r#"["paragraph"]"#,
        r#""separator""#,
        r#"{"type":"paragraph"}"#,
        r#"{"type":"paragraph","content":[{"type":"text"}]}"#,
    ] {
        assert!(from_str::<Block>(bad).is_err(), "{bad}");
    }
}

#[test]
fn list_items_keep_both_shapes() {
    let plain = ListItem::new(vec![Inline::text("a")]);
    assert_eq!(to_string(&plain).unwrap(), r#"[{"type":"text","text":"a"}]"#);
    let nested = ListItem {
        content: vec![Inline::text("a")],
        children: vec![Block::Separator],
    };
    let v: Value = serde_json::to_value(&nested).unwrap();
    assert_eq!(
        v,
        json!({"content": [{"type": "text", "text": "a"}], "children": [{"type": "separator"}]})
    );
    assert_eq!(from_str::<ListItem>(&v.to_string()).unwrap(), nested);
    assert_eq!(
        from_str::<ListItem>(r#"{"children":[]}"#).unwrap(),
        ListItem::new(vec![])
    );
    assert!(from_str::<ListItem>(r#""a""#).is_err());
}
