//! Image assets: their renditions, the manifest of input hashes that lets
//! re-runs skip unchanged images, and the JPEG encoding.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use image::imageops::{resize, FilterType};
use image::RgbImage;
use serde::{Deserialize, Serialize};

use crate::canvas::fnv64;
use crate::illustrate::{render_avatar, render_scene, Motif};
use crate::output::{Problem, Tree};
use kiosque_core::model::{Image, ImageSource};

pub const JPEG_QUALITY: u8 = 78;
pub const FEATURED_WIDTHS: [u32; 5] = [240, 480, 800, 1200, 1600];
pub const FIGURE_WIDTHS: [u32; 3] = [480, 800, 1200];
pub const AVATAR_SIZES: [u32; 2] = [128, 256];
/// The manifest, under the media directory.
pub const MANIFEST: &str = ".manifest.json";

/// The drawing code (every file under `src/`, by name): an input of every
/// image, so changing it redraws them all. A test checks that no drawing file
/// is missing from the list.
const GENERATOR_SOURCES: [(&str, &str); 11] = [
    ("illustrate/mod.rs", include_str!("illustrate/mod.rs")),
    ("illustrate/parts.rs", include_str!("illustrate/parts.rs")),
    ("illustrate/city.rs", include_str!("illustrate/city.rs")),
    ("illustrate/land.rs", include_str!("illustrate/land.rs")),
    ("illustrate/stadium.rs", include_str!("illustrate/stadium.rs")),
    ("illustrate/stage.rs", include_str!("illustrate/stage.rs")),
    ("illustrate/charts.rs", include_str!("illustrate/charts.rs")),
    ("illustrate/port.rs", include_str!("illustrate/port.rs")),
    ("illustrate/avatar.rs", include_str!("illustrate/avatar.rs")),
    ("canvas.rs", include_str!("canvas.rs")),
    ("media.rs", include_str!("media.rs")),
];

fn generator_hash() -> u64 {
    let sources: Vec<&str> = GENERATOR_SOURCES.iter().map(|(_, text)| *text).collect();
    fnv64(sources.concat().as_bytes())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An article's lead image, 16:9.
    Featured {
        motif: Motif,
        category: String,
        slug: String,
    },
    /// A figure in an article's body, 3:2.
    Figure {
        motif: Motif,
        category: String,
        slug: String,
        n: usize,
    },
    /// An author's portrait, square.
    Avatar { slug: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendition {
    /// Path under the output directory, e.g. `media/fig/x-1-480.jpg`.
    pub rel: String,
    pub width: u32,
    pub height: u32,
    /// Hex hash of everything the file depends on.
    pub hash: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asset {
    pub kind: Kind,
    /// Narrowest first; the last one is the drawn size.
    pub renditions: Vec<Rendition>,
}

impl Asset {
    pub fn featured(motif: Motif, category: &str, slug: &str) -> Asset {
        let kind = Kind::Featured {
            motif,
            category: category.into(),
            slug: slug.into(),
        };
        Asset::new(kind, &FEATURED_WIDTHS, |w| {
            ((w * 9 + 8) / 16, format!("media/{slug}-{w}.jpg"))
        })
    }

    pub fn figure(motif: Motif, category: &str, slug: &str, n: usize) -> Asset {
        let kind = Kind::Figure {
            motif,
            category: category.into(),
            slug: slug.into(),
            n,
        };
        Asset::new(kind, &FIGURE_WIDTHS, |w| {
            ((w * 2 + 1) / 3, format!("media/fig/{slug}-{n}-{w}.jpg"))
        })
    }

    pub fn avatar(slug: &str) -> Asset {
        let kind = Kind::Avatar { slug: slug.into() };
        Asset::new(kind, &AVATAR_SIZES, |w| (w, format!("media/authors/{slug}-{w}.jpg")))
    }

    fn new(kind: Kind, widths: &[u32], f: impl Fn(u32) -> (u32, String)) -> Asset {
        let gen = generator_hash();
        let (max_w, max_h) = {
            let w = widths.iter().copied().max().unwrap_or(1);
            (w, f(w).0)
        };
        let renditions = widths
            .iter()
            .map(|&w| {
                let (h, rel) = f(w);
                let key = format!("{gen:016x}|{kind:?}|{w}x{h}|from {max_w}x{max_h}|q{JPEG_QUALITY}");
                Rendition {
                    rel,
                    width: w,
                    height: h,
                    hash: format!("{:016x}", fnv64(key.as_bytes())),
                }
            })
            .collect();
        Asset { kind, renditions }
    }

    /// The model image: the widest rendition not above 1200 px as `url`.
    pub fn image(&self, alt: &str, caption: Option<String>, credit: Option<String>) -> Image {
        let main = self
            .renditions
            .iter()
            .rev()
            .find(|r| r.width <= 1200)
            .unwrap_or(&self.renditions[0]);
        Image {
            url: format!("/{}", main.rel),
            width: main.width,
            height: main.height,
            alt: alt.to_string(),
            caption,
            credit,
            sources: self
                .renditions
                .iter()
                .map(|r| ImageSource {
                    url: format!("/{}", r.rel),
                    width: r.width,
                    height: r.height,
                })
                .collect(),
        }
    }

    fn draw(&self) -> RgbImage {
        let Some(big) = self.renditions.last() else {
            return RgbImage::new(1, 1);
        };
        match &self.kind {
            Kind::Featured { motif, category, slug } => render_scene(*motif, category, slug, big.width, big.height),
            Kind::Figure {
                motif,
                category,
                slug,
                n,
            } => render_scene(*motif, category, &format!("{slug}#{n}"), big.width, big.height),
            Kind::Avatar { slug } => render_avatar(slug, big.width),
        }
    }
}

/// Progressive JPEG, 4:2:0 with box-averaged chroma and Huffman tables fitted
/// to the image: what libjpeg's `-optimize -progressive` gives. `image`'s own
/// encoder writes baseline 4:4:4 with the standard tables, about 28 % heavier
/// for the same quality; the listing's lead and the grid's thumbnails share a
/// phone's first seconds of bandwidth.
pub fn encode_jpeg(img: &RgbImage) -> Result<Vec<u8>, String> {
    let (width, height) = img.dimensions();
    let (w, h) = (
        u16::try_from(width).map_err(|_| format!("JPEG encoding: {width} px is too wide"))?,
        u16::try_from(height).map_err(|_| format!("JPEG encoding: {height} px is too tall"))?,
    );
    let mut buf = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut buf, JPEG_QUALITY);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_2_0);
    encoder.set_chroma_subsampling_method(jpeg_encoder::ChromaSubsamplingMethod::Average);
    encoder.set_optimized_huffman_tables(true);
    encoder.set_progressive(true);
    encoder
        .encode(img.as_raw(), w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| format!("JPEG encoding: {e}"))?;
    Ok(buf)
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    version: u32,
    /// Output path (under the output directory) → input hash.
    files: BTreeMap<String, String>,
}

fn manifest_bytes(assets: &[Asset]) -> Vec<u8> {
    let files = assets
        .iter()
        .flat_map(|a| a.renditions.iter().map(|r| (r.rel.clone(), r.hash.clone())))
        .collect();
    crate::api::json(&Manifest { version: 1, files })
}

pub struct MediaReport {
    pub encoded: usize,
    pub total_files: usize,
    pub total_bytes: u64,
    pub deleted: usize,
}

/// Brings `out/media` in line with `assets`. In check mode nothing is
/// written: problems are returned instead.
pub fn sync(out: &Path, assets: &[Asset], check: bool, problems: &mut Vec<Problem>) -> Result<MediaReport, String> {
    let manifest_rel = format!("media/{MANIFEST}");
    let old: Manifest = std::fs::read(out.join(&manifest_rel))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let up_to_date = |r: &Rendition| old.files.get(&r.rel) == Some(&r.hash) && out.join(&r.rel).is_file();
    let mut expected: Vec<String> = vec![manifest_rel.clone()];
    let mut todo: Vec<(&Asset, Vec<&Rendition>)> = Vec::new();
    for a in assets {
        let stale: Vec<&Rendition> = a.renditions.iter().filter(|r| !up_to_date(r)).collect();
        for r in &a.renditions {
            expected.push(r.rel.clone());
        }
        if !stale.is_empty() {
            todo.push((a, stale));
        }
    }
    let new_manifest = manifest_bytes(assets);
    let mut tree = Tree::new(out, "media");
    if check {
        for (_, rs) in &todo {
            for r in rs {
                problems.push(if out.join(&r.rel).is_file() {
                    Problem::Differs(r.rel.clone())
                } else {
                    Problem::Missing(r.rel.clone())
                });
            }
        }
        tree.check_file(&manifest_rel, &new_manifest, problems);
        tree.check_stale(&expected, problems);
    } else {
        encode_all(out, &todo)?;
        tree.write_file(&manifest_rel, &new_manifest)?;
        tree.delete_stale(&expected)?;
    }
    let mut total_bytes = 0;
    let mut total_files = 0;
    for a in assets {
        for r in &a.renditions {
            if let Ok(m) = std::fs::metadata(out.join(&r.rel)) {
                total_bytes += m.len();
                total_files += 1;
            }
        }
    }
    Ok(MediaReport {
        encoded: todo.iter().map(|(_, r)| r.len()).sum(),
        total_files,
        total_bytes,
        deleted: tree.deleted,
    })
}

/// Draws and encodes the out-of-date renditions, on every core.
fn encode_all(out: &Path, todo: &[(&Asset, Vec<&Rendition>)]) -> Result<(), String> {
    let next = AtomicUsize::new(0);
    let errors = Mutex::new(Vec::<String>::new());
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((asset, renditions)) = todo.get(i) else { break };
                if let Err(e) = encode_asset(out, asset, renditions) {
                    if let Ok(mut errors) = errors.lock() {
                        errors.push(e);
                    }
                }
            });
        }
    });
    let errors = errors.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
    match errors.first() {
        Some(e) => Err(e.clone()),
        None => Ok(()),
    }
}

fn encode_asset(out: &Path, asset: &Asset, renditions: &[&Rendition]) -> Result<(), String> {
    let big = asset.draw();
    for r in renditions {
        let img = if (r.width, r.height) == big.dimensions() {
            big.clone()
        } else {
            resize(&big, r.width, r.height, FilterType::CatmullRom)
        };
        let bytes = encode_jpeg(&img)?;
        let path = out.join(&r.rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_drawing_file_is_an_input_of_the_images() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/illustrate");
        let mut missing = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = format!("illustrate/{}", entry.unwrap().file_name().to_string_lossy());
            let listed = GENERATOR_SOURCES.iter().any(|(n, _)| *n == name);
            if name != "illustrate/tests.rs" && !listed {
                missing.push(name);
            }
        }
        assert!(missing.is_empty(), "not in GENERATOR_SOURCES: {missing:?}");
    }

    #[test]
    fn renditions_have_the_documented_sizes_and_urls() {
        let a = Asset::featured(Motif::Coast, "maghreb", "un-article");
        let sizes: Vec<_> = a.renditions.iter().map(|r| (r.width, r.height)).collect();
        assert_eq!(sizes, [(240, 135), (480, 270), (800, 450), (1200, 675), (1600, 900)]);
        let img = a.image("alt", None, None);
        assert_eq!(img.url, "/media/un-article-1200.jpg");
        assert_eq!((img.width, img.height), (1200, 675));
        assert_eq!(img.sources.len(), 5);
        let f = Asset::figure(Motif::Port, "economie", "x", 2);
        assert_eq!(
            f.renditions.iter().map(|r| r.height).collect::<Vec<_>>(),
            [320, 533, 800]
        );
        assert_eq!(f.image("a", None, None).url, "/media/fig/x-2-1200.jpg");
        let v = Asset::avatar("karim");
        assert_eq!(v.image("Karim", None, None).url, "/media/authors/karim-256.jpg");
    }

    /// Peak signal-to-noise ratio of `b` against `a`, in dB.
    fn psnr(a: &RgbImage, b: &RgbImage) -> f64 {
        let sum: f64 = a
            .as_raw()
            .iter()
            .zip(b.as_raw())
            .map(|(x, y)| (f64::from(*x) - f64::from(*y)).powi(2))
            .sum();
        let mse = sum / a.as_raw().len() as f64;
        10.0 * (255.0_f64 * 255.0 / mse).log10()
    }

    #[test]
    fn jpegs_are_progressive_subsampled_and_lighter_for_the_same_quality() {
        let drawn = render_scene(Motif::Skyline, "afrique", "un-article", 800, 450);
        let ours = encode_jpeg(&drawn).unwrap();
        // Start of frame: progressive (C2), luma sampled 2x2 (4:2:0).
        let sof = ours
            .windows(2)
            .position(|w| w == [0xFF, 0xC2])
            .expect("a progressive frame");
        assert_eq!(ours[sof + 11], 0x22, "luma sampling factors");
        let back = image::load_from_memory(&ours).unwrap().to_rgb8();
        assert_eq!(back.dimensions(), (800, 450));
        let quality = psnr(&drawn, &back);
        assert!(quality > 30.0, "PSNR {quality:.1} dB");
        // The `image` crate's baseline 4:4:4 encoder at the same quality.
        let mut baseline = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut baseline, JPEG_QUALITY)
            .encode_image(&drawn)
            .unwrap();
        assert!(
            ours.len() * 100 < baseline.len() * 85,
            "{} bytes against the baseline's {}",
            ours.len(),
            baseline.len()
        );
    }

    #[test]
    fn hashes_depend_on_inputs_only() {
        let a = Asset::featured(Motif::Coast, "maghreb", "x");
        assert_eq!(a, Asset::featured(Motif::Coast, "maghreb", "x"));
        assert_ne!(
            a.renditions[0].hash,
            Asset::featured(Motif::Port, "maghreb", "x").renditions[0].hash
        );
        assert_ne!(
            a.renditions[0].hash,
            Asset::featured(Motif::Coast, "sport", "x").renditions[0].hash
        );
    }
}
