//! Images and people: WordPress attachments and users → `Image`, `Author`.

use super::map::{clean_slug, text};
use super::wire::{WpMedia, WpUser};
use crate::model::{Author, Image, ImageSource};
use crate::url::safe_url;

/// Splits "Légende — Crédit" or "Légende. Crédit : AFP".
pub fn split_credit(caption: &str) -> (Option<String>, Option<String>) {
    let c = caption.trim();
    let some = |s: &str| {
        let s = s.trim().trim_end_matches([',', ';', '—', '–', '|']).trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let lower = c.to_lowercase();
    for label in ["crédits", "crédit", "credits", "credit", "photos", "photo"] {
        if let Some(i) = lower.find(label) {
            let after = lower.get(i + label.len()..).unwrap_or("").trim_start();
            let at_word = i == 0 || lower.get(..i).is_some_and(|b| b.ends_with([' ', '(', '.', '—']));
            if at_word && after.starts_with(':') && lower.len() == c.len() {
                let value = c
                    .get(i + label.len()..)
                    .unwrap_or("")
                    .trim_start()
                    .trim_start_matches(':');
                let before = c.get(..i).unwrap_or("").trim_end().trim_end_matches('(');
                return (some(before), some(value.trim_end_matches(')')));
            }
        }
    }
    match c.rsplit_once(" — ") {
        Some((before, credit)) => (some(before), some(credit)),
        None => (some(c), None),
    }
}

/// A featured image: its same-proportion sizes become `sources` (cropped
/// thumbnails are left out); the default rendition is the widest up to 1200 px.
pub fn image(m: &WpMedia) -> Option<Image> {
    if !(m.media_type.is_empty() || m.media_type == "image") {
        return None;
    }
    let d = &m.media_details;
    let mut sources: Vec<ImageSource> = d
        .sizes
        .values()
        .filter(|s| s.width > 0 && s.height > 0)
        .filter_map(|s| {
            Some(ImageSource {
                url: safe_url(&s.source_url)?,
                width: s.width,
                height: s.height,
            })
        })
        .collect();
    if let Some(url) = safe_url(&m.source_url).filter(|_| d.width > 0 && d.height > 0) {
        sources.push(ImageSource {
            url,
            width: d.width,
            height: d.height,
        });
    }
    let (w, h) = sources.iter().max_by_key(|s| s.width).map(|s| (s.width, s.height))?;
    let ratio = f64::from(w) / f64::from(h);
    sources.retain(|s| (f64::from(s.width) / f64::from(s.height) / ratio - 1.0).abs() < 0.02);
    sources.sort_by_key(|s| s.width);
    sources.dedup_by_key(|s| s.width);
    let default = sources
        .iter()
        .rev()
        .find(|s| s.width <= 1200)
        .or(sources.first())?
        .clone();
    let (caption, credit) = split_credit(&text(&m.caption.rendered));
    Some(Image {
        url: default.url,
        width: default.width,
        height: default.height,
        alt: text(&m.alt_text),
        caption,
        credit,
        sources,
    })
}

/// Gravatar over https, whatever the site's scheme: a WordPress served over
/// http links `http://0.gravatar.com/…`, which an https front end would block
/// as mixed content (and the CSP allows only `https://secure.gravatar.com`).
pub fn secure_gravatar(url: &str) -> String {
    for host in [
        "http://0.gravatar.com/",
        "http://1.gravatar.com/",
        "http://2.gravatar.com/",
        "http://secure.gravatar.com/",
        "https://0.gravatar.com/",
        "https://1.gravatar.com/",
        "https://2.gravatar.com/",
    ] {
        if let Some(rest) = url.strip_prefix(host) {
            return format!("https://secure.gravatar.com/{rest}");
        }
    }
    url.to_string()
}

/// A user's profile. Avatars are WordPress's `avatar_urls` (Gravatar by
/// default), square, every size a source.
pub fn author(u: &WpUser) -> Author {
    let mut sizes: Vec<ImageSource> = u
        .avatar_urls
        .iter()
        .filter_map(|(k, v)| {
            let n = k.parse::<u32>().ok().filter(|&n| n > 0)?;
            Some(ImageSource {
                url: secure_gravatar(&safe_url(v)?),
                width: n,
                height: n,
            })
        })
        .collect();
    sizes.sort_by_key(|s| s.width);
    let avatar = sizes.last().cloned().map(|big| Image {
        url: big.url,
        width: big.width,
        height: big.height,
        alt: String::new(),
        caption: None,
        credit: None,
        sources: sizes,
    });
    Author {
        slug: clean_slug(&u.slug),
        name: text(&u.name),
        role: String::new(),
        bio: text(&u.description),
        avatar,
        about: Vec::new(),
    }
}
