//! The searchable text of an article body, for producers that hold
//! [`Block`]s rather than plain text ([`super::IndexWriter::add_article`]).

use crate::model::{Article, ArticleStub, Block, Inline};

/// The words a reader sees in `blocks`: paragraphs, headings, list items,
/// quotes and their attribution, table cells and captions, figure captions
/// and embed titles, separated by spaces. Image alt texts and URLs are left
/// out (they describe, they are not the story).
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    push_blocks(blocks, &mut out);
    out
}

fn push_blocks(blocks: &[Block], out: &mut String) {
    for b in blocks {
        if let Block::Details { summary, body } = b {
            out.push_str(&Inline::plain_text(summary));
            out.push(' ');
            push_blocks(body, out);
            continue;
        }
        let children = b.layout_children();
        if !children.is_empty() {
            children
                .into_iter()
                .for_each(|c| push_blocks(std::slice::from_ref(c), out));
            continue;
        }
        let mut push = |s: &str| {
            out.push_str(s);
            out.push(' ');
        };
        if let Block::Table { caption, .. } = b {
            push(caption.as_deref().unwrap_or(""));
        }
        for run in b.inline_runs() {
            push(&Inline::plain_text(run));
        }
        match b {
            Block::Quote { cite, .. } | Block::PullQuote { cite, .. } => push(cite.as_deref().unwrap_or("")),
            Block::Figure { image, .. } => push(image.caption.as_deref().unwrap_or("")),
            Block::Gallery { items, caption, .. } => {
                items
                    .iter()
                    .for_each(|i| push(i.image.caption.as_deref().unwrap_or("")));
                push(caption.as_deref().unwrap_or(""));
            }
            Block::Embed { title, .. } => push(title),
            Block::Preformatted { text } | Block::Code { text } => push(text),
            Block::Buttons { buttons } => buttons.iter().for_each(|b| push(&b.text)),
            Block::File { name, .. } => push(name),
            Block::Audio { caption, .. } | Block::Video { caption, .. } => push(caption.as_deref().unwrap_or("")),
            _ => {}
        }
    }
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
            parts: None,
            post_type: None,
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
            Block::list(false, vec![t("un"), t("deux")]),
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
