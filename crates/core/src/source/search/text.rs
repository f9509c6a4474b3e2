//! The searchable text of an article body, for producers that hold
//! [`Block`]s rather than plain text ([`super::IndexWriter::add_article`]).

use crate::model::{Article, ArticleStub, Block, Inline};

/// The words a reader sees in `blocks`: paragraphs, headings, list items,
/// quotes and their attribution, table cells and captions, figure captions
/// and embed titles, separated by spaces. Image alt texts and URLs are left
/// out (they describe, they are not the story).
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut push = |s: &str| {
        out.push_str(s);
        out.push(' ');
    };
    for b in blocks {
        match b {
            Block::Paragraph { content } | Block::Heading { content, .. } => push(&Inline::plain_text(content)),
            Block::List { items, .. } => items.iter().for_each(|i| push(&Inline::plain_text(i))),
            Block::Quote { content, cite } => {
                push(&Inline::plain_text(content));
                push(cite.as_deref().unwrap_or(""));
            }
            Block::Figure { image } => push(image.caption.as_deref().unwrap_or("")),
            Block::Table { caption, rows } => {
                push(caption.as_deref().unwrap_or(""));
                rows.iter()
                    .flatten()
                    .for_each(|c| push(&Inline::plain_text(&c.content)));
            }
            Block::Embed { title, .. } => push(title),
            Block::Preformatted { text } => push(text),
            Block::Separator | Block::Unknown => {}
        }
    }
    out
}

impl super::IndexWriter {
    /// Indexes a whole article: its stub, tag names and body text.
    pub fn add_article(&mut self, article: &Article) {
        let stub = ArticleStub {
            slug: article.slug.clone(),
            title: article.title.clone(),
            standfirst: article.standfirst.clone(),
            category: article.category.clone(),
            published: article.published.clone(),
            modified: article.modified.clone(),
            wp_id: None,
        };
        let tags: Vec<&str> = article.tags.iter().map(|t| t.name.as_str()).collect();
        self.add(stub, &tags, &blocks_text(&article.body));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TableCell;

    #[test]
    fn blocks_give_their_visible_words() {
        let t = |s: &str| vec![Inline::text(s)];
        let blocks = vec![
            Block::Heading {
                level: 2,
                content: t("Titre"),
            },
            Block::Paragraph {
                content: vec![Inline::Strong { children: t("gras") }, Inline::text(" fin")],
            },
            Block::List {
                ordered: false,
                items: vec![t("un"), t("deux")],
            },
            Block::Quote {
                content: t("cité"),
                cite: Some("Auteur".into()),
            },
            Block::Table {
                caption: Some("Légende".into()),
                rows: vec![vec![TableCell::new(true, t("cellule"))]],
            },
            Block::Unknown,
        ];
        assert_eq!(
            blocks_text(&blocks),
            "Titre gras fin un deux cité Auteur Légende cellule "
        );
    }
}
