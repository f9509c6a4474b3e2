//! One article (or custom type's item) from its source: metadata, body
//! blocks through the shared converter, generated images.

use std::collections::BTreeMap;

use crate::markdown;
use crate::media::Asset;
use crate::sources::{ArticleSrc, SourceError};
use kiosque_core::body::{html_to_blocks, BodyOptions};
use kiosque_core::model::{Article, Author, AuthorRef, Block, CategoryRef, Image, TagRef, API_VERSION};
use kiosque_core::source::search::slugify;

use super::reading_minutes;

/// One article once converted, before cross-article data (related).
pub(super) struct Built1 {
    pub article: Article,
    pub text: String,
    pub views: u64,
    pub featured: bool,
}

pub(super) fn build_article(
    a: &ArticleSrc,
    categories: &BTreeMap<&str, (CategoryRef, &str)>,
    authors: &BTreeMap<&str, Author>,
    tag_names: &BTreeMap<String, String>,
    opts: &BodyOptions,
    assets: &mut Vec<Asset>,
) -> Result<Built1, SourceError> {
    let (category, _) = &categories[a.category.as_str()];
    let image = a.image.as_ref().map(|img| {
        let asset = Asset::featured(img.motif, &a.category, &a.slug);
        let image = asset.image(&img.alt, img.caption.clone(), img.credit.clone());
        assets.push(asset);
        image
    });
    let (body, text) = body_blocks(&a.body_md, &a.category, &a.slug, opts, assets)
        .map_err(|m| SourceError::new(&a.file, Some("body"), m))?;
    let tags = a
        .tags
        .iter()
        .map(|t| {
            let slug = slugify(t);
            TagRef {
                name: tag_names.get(&slug).cloned().unwrap_or_else(|| t.clone()),
                slug,
            }
        })
        .collect();
    let article = Article {
        version: API_VERSION,
        slug: a.slug.clone(),
        title: a.title.clone(),
        standfirst: a.standfirst.clone(),
        category: category.clone(),
        category_parents: Vec::new(),
        tags,
        authors: a
            .authors
            .iter()
            .map(|s| AuthorRef {
                slug: s.clone(),
                name: authors[s.as_str()].name.clone(),
            })
            .collect(),
        published: a.published.clone(),
        modified: a.modified.clone(),
        image,
        body,
        source: a.source.clone(),
        comment_count: a.comments,
        reading_minutes: reading_minutes(&text),
        related: Vec::new(),
        seo: None,
        format: Default::default(),
        protected: false,
        page_starts: Vec::new(),
    };
    Ok(Built1 {
        article,
        text,
        views: a.views,
        featured: a.featured,
    })
}

/// Markdown → blocks (through HTML and the shared converter), with the
/// generated figures. Returns the blocks and the plain text.
pub(super) fn body_blocks(
    md: &str,
    category: &str,
    slug: &str,
    opts: &BodyOptions,
    assets: &mut Vec<Asset>,
) -> Result<(Vec<Block>, String), String> {
    let image_for = |n: usize, f: &markdown::FigureSrc| {
        Asset::figure(f.motif, category, slug, n).image(&f.alt, f.caption.clone(), f.credit.clone())
    };
    let r = markdown::render(md, &image_for)?;
    let mut blocks = html_to_blocks(&r.html, opts);
    let images: Vec<Image> = r.figures.iter().enumerate().map(|(i, f)| image_for(i + 1, f)).collect();
    // The converter parses the figure back; make sure the image is exactly
    // the generated one (all renditions, caption and credit as written).
    let mut found = vec![false; images.len()];
    for b in &mut blocks {
        if let Block::Figure { image, .. } = b {
            if let Some(i) = images.iter().position(|m| m.url == image.url) {
                *image = images[i].clone();
                found[i] = true;
            }
        }
    }
    if let Some(i) = found.iter().position(|f| !f) {
        return Err(format!("figure {} was lost by the body converter", i + 1));
    }
    for (i, f) in r.figures.iter().enumerate() {
        assets.push(Asset::figure(f.motif, category, slug, i + 1));
    }
    Ok((blocks, r.text))
}
