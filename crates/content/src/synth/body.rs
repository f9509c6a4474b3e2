//! A synthetic article's body, from its stub's plan: paragraphs with
//! emphasis and links to older articles, headings, lists, quotes and
//! figures with sized images.

use kiosque_core::model::{Block, Inline};

use super::meta::{self, Plan, Stub, BODY};
use super::text::{self, Rng};

/// The body blocks and their plain text (for the search index).
/// `older`: the slug of an older article to link to, if any.
pub fn body(seed: u64, i: usize, stub: &Stub, older: Option<&str>) -> (Vec<Block>, String) {
    // Its own stream, past the plan's draws: the words never shift the plan.
    let mut rng = Rng::new(seed, BODY + 100, i as u64);
    let mut blocks = Vec::with_capacity(stub.plan.len() + 1);
    let mut plain: Vec<String> = Vec::new();
    let mut linked = false;
    for &block in &stub.plan {
        match block {
            Plan::Paragraph(words) => {
                let sentences = text::sentences(&mut rng, words);
                plain.extend(sentences.iter().cloned());
                let link = older.filter(|_| !linked && rng.chance(40));
                linked |= link.is_some();
                blocks.push(Block::Paragraph {
                    content: inlines(&mut rng, &sentences.join(" "), link),
                });
            }
            Plan::Heading(words) => {
                let h = text::sentence(&mut rng, words).trim_end_matches('.').to_string();
                plain.push(h.clone());
                blocks.push(Block::Heading {
                    level: 2,
                    content: vec![Inline::text(h)],
                });
            }
            Plan::List(items, words) => {
                let items: Vec<String> = (0..items)
                    .map(|_| text::sentence(&mut rng, words).trim_end_matches('.').to_string())
                    .collect();
                plain.extend(items.iter().cloned());
                blocks.push(Block::list(
                    rng.chance(30),
                    items.into_iter().map(|t| vec![Inline::text(t)]).collect(),
                ));
            }
            Plan::Quote(words) => {
                let q = text::sentences(&mut rng, words).join(" ");
                plain.push(q.clone());
                let cite = meta::author_ref(rng.below(meta::AUTHORS)).name;
                blocks.push(Block::Quote {
                    content: vec![Inline::text(q)],
                    cite: Some(cite),
                });
            }
            Plan::Figure(k) => {
                let caption = text::heading(&mut rng);
                blocks.push(Block::Figure {
                    image: meta::figure_image(k, &caption),
                    align: None,
                });
            }
        }
    }
    if stub.touched {
        let update = format!(
            "Mise à jour : {}",
            text::sentences(&mut rng, stub.update_words() - 3).join(" ")
        );
        plain.push(update.clone());
        blocks.push(Block::Paragraph {
            content: vec![Inline::Emphasis {
                children: vec![Inline::text(update)],
            }],
        });
    }
    (blocks, plain.join("\n"))
}

/// A paragraph's text as inlines: a few words in bold or italics, and
/// maybe a link to an older article.
fn inlines(rng: &mut Rng, text: &str, link: Option<&str>) -> Vec<Inline> {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() < 12 {
        return vec![Inline::text(text)];
    }
    let at = rng.range(2, words.len() - 6);
    let len = rng.range(2, 4);
    let before = format!("{} ", words[..at].join(" "));
    let middle = vec![Inline::text(words[at..at + len].join(" "))];
    let after = format!(" {}", words[at + len..].join(" "));
    let marked = match link {
        Some(slug) => Inline::Link {
            href: format!("/article/{slug}"),
            children: middle,
        },
        None if rng.chance(50) => Inline::Strong { children: middle },
        None => Inline::Emphasis { children: middle },
    };
    vec![Inline::text(before), marked, Inline::text(after)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::reading_minutes;

    #[test]
    fn the_body_has_the_planned_words() {
        let seed = text::seed_of("b");
        for i in 0..40 {
            for touched in [false, true] {
                let stub = meta::stub(seed, i, touched);
                let (blocks, plain) = body(seed, i, &stub, Some("older-1"));
                assert_eq!(reading_minutes(&plain), stub.reading_minutes(), "article {i}");
                assert!(!blocks.is_empty());
            }
        }
    }
}
