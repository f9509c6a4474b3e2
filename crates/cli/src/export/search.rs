//! The search entry of an exported article, built with the core's index
//! builder (`index_words`) as the content command builds the demo's. The
//! one place the export makes search entries (a sharded index writer can
//! take over here).

use kiosque_core::model::{Article, Block, Inline, SearchDoc, SearchIndex, API_VERSION};
use kiosque_core::source::search::index_words;

pub fn search_doc(a: &Article) -> SearchDoc {
    let mut already: Vec<&str> = vec![&a.title, &a.standfirst, &a.category.name];
    already.extend(a.tags.iter().map(|t| t.name.as_str()));
    SearchDoc {
        slug: a.slug.clone(),
        title: a.title.clone(),
        standfirst: a.standfirst.clone(),
        tags: a.tags.iter().map(|t| t.name.clone()).collect(),
        words: index_words(&body_text(&a.body), &already),
        category: a.category.clone(),
        published: a.published.clone(),
    }
}

/// `search-index.json` from entries newest first.
pub fn index(docs: Vec<SearchDoc>) -> SearchIndex {
    SearchIndex {
        version: API_VERSION,
        docs,
    }
}

/// The words a reader can read in a body: text blocks, lists, tables,
/// quote attributions and figure captions.
fn body_text(blocks: &[Block]) -> String {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph { content } | Block::Heading { content, .. } => out.push(Inline::plain_text(content)),
            Block::Quote { content, cite } => {
                out.push(Inline::plain_text(content));
                out.extend(cite.clone());
            }
            Block::List { items, .. } => out.extend(items.iter().map(|i| Inline::plain_text(i))),
            Block::Table { caption, rows } => {
                out.extend(caption.clone());
                out.extend(rows.iter().flatten().map(|c| Inline::plain_text(&c.content)));
            }
            Block::Figure { image } => out.extend(image.caption.clone()),
            Block::Preformatted { text } => out.push(text.clone()),
            Block::Embed { .. } | Block::Separator | Block::Unknown => {}
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiosque_core::model::{CategoryRef, TagRef, Timestamp};

    #[test]
    fn body_words_are_indexed_once_and_not_those_of_the_title() {
        let a = Article {
            version: 1,
            slug: "s".into(),
            title: "Le dessalement".into(),
            standfirst: String::new(),
            category: CategoryRef {
                slug: "c".into(),
                name: "Économie".into(),
            },
            tags: vec![TagRef {
                slug: "eau".into(),
                name: "Eau".into(),
            }],
            authors: vec![],
            published: Timestamp::parse("2026-11-01T10:00:00Z").unwrap(),
            modified: None,
            image: None,
            body: vec![
                Block::Paragraph {
                    content: vec![Inline::text("Le dessalement à Sfax, l’usine")],
                },
                Block::List {
                    ordered: false,
                    items: vec![vec![Inline::text("pompes solaires")]],
                },
            ],
            source: None,
            comment_count: 0,
            reading_minutes: 1,
            related: vec![],
        };
        let d = search_doc(&a);
        assert_eq!(d.words, "pompes sfax solaires usine");
        assert_eq!(d.tags, ["Eau"]);
    }
}
