//! The search entries of exported articles and the sharded index built from
//! them with the core's writer ([`IndexWriter`], as the content command
//! builds the demo's). An entry is kept in the export's state, so an
//! incremental run rebuilds the index without fetching every body again.

use std::collections::BTreeSet;

use kiosque_core::model::{Article, ArticleStub, ArticleSummary};
use kiosque_core::source::search::{blocks_text, fold, IndexWriter};
use serde::{Deserialize, Serialize};

/// What the index needs of an article besides its summary: its tag names
/// and the distinct folded words of its body (the writer drops stop words
/// and one-letter words itself).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchEntry {
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub words: String,
}

pub fn search_entry(a: &Article) -> SearchEntry {
    let folded = fold(&blocks_text(&a.body));
    let words: BTreeSet<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    SearchEntry {
        tags: a.tags.iter().map(|t| t.name.clone()).collect(),
        words: words.into_iter().collect::<Vec<_>>().join(" "),
    }
}

/// The index files (paths under `api/`) for these articles.
pub fn index<'a>(posts: impl IntoIterator<Item = (&'a ArticleSummary, &'a SearchEntry)>) -> Vec<(String, Vec<u8>)> {
    let mut writer = IndexWriter::new();
    for (summary, entry) in posts {
        writer.add(ArticleStub::from(summary), &entry.tags, &entry.words);
    }
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiosque_core::model::{Block, CategoryRef, Inline, TagRef, Timestamp};

    #[test]
    fn body_words_are_kept_once_and_indexed_by_the_core_writer() {
        let a = Article {
            version: 1,
            slug: "s".into(),
            title: "Le dessalement".into(),
            standfirst: String::new(),
            category: CategoryRef {
                slug: "c".into(),
                name: "Économie".into(),
            },
            category_parents: Vec::new(),
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
                Block::list(false, vec![vec![Inline::text("pompes solaires")]]),
            ],
            source: None,
            comment_count: 0,
            reading_minutes: 1,
            related: vec![],
            seo: None,
            format: Default::default(),
            protected: false,
            page_starts: vec![],
        };
        let e = search_entry(&a);
        assert_eq!(e.words, "a dessalement l le pompes sfax solaires usine");
        assert_eq!(e.tags, ["Eau"]);
        let summary = ArticleSummary {
            slug: a.slug.clone(),
            title: a.title.clone(),
            standfirst: String::new(),
            category: a.category.clone(),
            authors: vec![],
            published: a.published.clone(),
            modified: None,
            image: None,
            reading_minutes: 1,
            format: Default::default(),
            link: None,
            post_type: None,
        };
        let files = index([(&summary, &e)]);
        assert!(
            files.iter().any(|(p, _)| p == "search/index.json"),
            "{:?}",
            files.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
    }
}
