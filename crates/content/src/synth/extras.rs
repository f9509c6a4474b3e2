//! The synthetic archive's static pages and its few shared image files.

use std::path::Path;

use image::RgbImage;
use kiosque_core::model::{Block, Inline, StaticPage, API_VERSION};

use super::meta;

pub fn static_pages() -> Vec<StaticPage> {
    let page = |slug: &str, title: &str, text: &str| StaticPage {
        version: API_VERSION,
        slug: slug.into(),
        title: title.into(),
        body: vec![Block::Paragraph {
            content: vec![Inline::text(text)],
        }],
        modified: Some(meta::timestamp(1_790_000_000)),
        seo: None,
        parents: Vec::new(),
        children: Vec::new(),
    };
    vec![
        page(
            "a-propos",
            "À propos",
            "Une archive synthétique pour mesurer Kiosque à grande échelle.",
        ),
        page(
            "mentions-legales",
            "Mentions légales",
            "Contenu généré automatiquement, sans valeur éditoriale.",
        ),
    ]
}

/// Writes the shared images under `out/media/synth/` (a soft gradient per
/// file) unless they exist; returns how many there are.
pub fn write_media(out: &Path) -> Result<usize, String> {
    let dir = out.join("media/synth");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files = meta::image_files();
    for (k, (name, width, height)) in files.iter().enumerate() {
        let path = dir.join(name);
        if path.exists() {
            continue;
        }
        let hue = (k * 53 % 200) as u32;
        let img = RgbImage::from_fn(*width, *height, |x, y| {
            let shade = |base: u32, v: u32, size: u32| (base + 80 * v / size.max(1)).min(255) as u8;
            image::Rgb([
                shade(hue, x, *width),
                shade(120, y, *height),
                shade(200 - hue / 2, x + y, width + height),
            ])
        });
        let bytes = crate::media::encode_jpeg(&img)?;
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(files.len())
}
