//! Validation of `site.toml` and of each article's front matter: every
//! problem is a `SourceError` naming the file and the field.

use super::*;

pub(super) fn check_site(file: &Path, site: &SiteToml, errors: &mut Vec<SourceError>) {
    if site.name.trim().is_empty() {
        errors.push(SourceError::new(file, Some("name"), "must not be empty"));
    }
    if site.per_page == 0 {
        errors.push(SourceError::new(file, Some("per_page"), "must be at least 1"));
    }
    if site.categories.is_empty() {
        errors.push(SourceError::new(
            file,
            Some("categories"),
            "at least one category is needed",
        ));
    }
    for (i, c) in site.categories.iter().enumerate() {
        let field = format!("categories[{i}].slug");
        if !valid_slug(&c.slug) {
            errors.push(SourceError::new(
                file,
                Some(&field),
                format!("`{}` is not a slug (a-z, 0-9, -)", c.slug),
            ));
        }
        if site.categories[..i].iter().any(|o| o.slug == c.slug) {
            errors.push(SourceError::new(
                file,
                Some(&field),
                format!("duplicate category slug `{}`", c.slug),
            ));
        }
        if c.name.trim().is_empty() {
            errors.push(SourceError::new(
                file,
                Some(&format!("categories[{i}].name")),
                "must not be empty",
            ));
        }
    }
    for (i, s) in site.social.iter().enumerate() {
        if !s.url.starts_with("https://") && !s.url.starts_with("http://") && !s.url.starts_with('/') {
            errors.push(SourceError::new(
                file,
                Some(&format!("social[{i}].url")),
                "must be an http(s) URL or a site path",
            ));
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn check_article(
    slug: String,
    file: &Path,
    a: ArticleFront,
    body_md: String,
    site: Option<&SiteToml>,
    authors: &BTreeMap<String, AuthorSrc>,
    errors: &mut Vec<SourceError>,
) -> Option<ArticleSrc> {
    let before = errors.len();
    let err =
        |errors: &mut Vec<SourceError>, field: &str, msg: String| errors.push(SourceError::new(file, Some(field), msg));
    if a.title.trim().is_empty() {
        err(errors, "title", "must not be empty".into());
    }
    if let Some(site) = site {
        if !site.categories.iter().any(|c| c.slug == a.category) {
            let known = site
                .categories
                .iter()
                .map(|c| c.slug.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            err(
                errors,
                "category",
                format!("unknown category slug `{}` (site.toml has: {known})", a.category),
            );
        }
    }
    for au in &a.authors {
        if !authors.contains_key(au) {
            let known = authors.keys().map(String::as_str).collect::<Vec<_>>().join(", ");
            err(
                errors,
                "authors",
                format!("unknown author slug `{au}` (authors/ has: {known})"),
            );
        }
    }
    for (i, au) in a.authors.iter().enumerate() {
        if a.authors[..i].contains(au) {
            err(errors, "authors", format!("author `{au}` is listed twice"));
        }
    }
    let mut tags: Vec<String> = Vec::new();
    let mut tag_slugs: Vec<String> = Vec::new();
    for t in &a.tags {
        let name = t.trim();
        let ts = kiosque_core::source::search::slugify(name);
        if ts.is_empty() {
            err(errors, "tags", format!("tag `{t}` has no letters or digits"));
        } else if tag_slugs.contains(&ts) {
            err(errors, "tags", format!("tag `{t}` is listed twice"));
        } else {
            tag_slugs.push(ts);
            tags.push(name.to_string());
        }
    }
    let published = timestamp(file, "published", &a.published, errors);
    let modified = a
        .modified
        .as_deref()
        .and_then(|m| timestamp(file, "modified", m, errors));
    if let (Some(p), Some(m)) = (&published, &modified) {
        if m.unix() < p.unix() {
            err(
                errors,
                "modified",
                format!("{} is before published ({})", m.as_str(), p.as_str()),
            );
        }
    }
    let image = a.image.and_then(|img| {
        let motif = Motif::parse(img.motif.trim());
        if motif.is_none() {
            err(
                errors,
                "image.motif",
                format!("unknown motif `{}` (known: {})", img.motif, Motif::names()),
            );
        }
        let alt = img.alt.map(|s| s.trim().to_string()).unwrap_or_default();
        if alt.is_empty() {
            err(
                errors,
                "image.alt",
                "missing alt text: describe the illustration for screen readers".into(),
            );
        }
        let opt = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Some(ImageSrc {
            motif: motif?,
            alt,
            caption: opt(img.caption),
            credit: opt(img.credit),
        })
    });
    if errors.len() > before {
        return None;
    }
    Some(ArticleSrc {
        slug,
        file: file.to_path_buf(),
        title: a.title.trim().into(),
        standfirst: a.standfirst.trim().into(),
        category: a.category,
        tags,
        authors: a.authors,
        published: published?,
        modified,
        source: a.source.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        comments: a.comments,
        views: a.views,
        featured: a.featured,
        image,
        body_md,
    })
}

pub(super) fn timestamp(file: &Path, field: &str, s: &str, errors: &mut Vec<SourceError>) -> Option<Timestamp> {
    match Timestamp::parse(s) {
        Ok(t) => Some(t),
        Err(_) => {
            errors.push(SourceError::new(
                file,
                Some(field),
                format!("`{s}` is not an RFC 3339 timestamp with offset, e.g. 2026-10-02T08:15:00+01:00"),
            ));
            None
        }
    }
}
