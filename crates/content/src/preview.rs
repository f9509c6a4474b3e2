//! `--preview DIR`: contact sheets of the illustrations (every motif in
//! every category palette, and sample portraits) as PNG files, to review
//! the drawing code. Writes nothing under the output directory.

use std::path::Path;

use image::{imageops, RgbImage};

use crate::illustrate::{render_avatar, render_scene, Motif};

const CATEGORIES: [&str; 6] = ["maghreb", "afrique", "monde", "economie", "sport", "culture"];

pub fn write_sheets(dir: &Path, seed: &str) -> Result<Vec<String>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = Vec::new();
    let (w, h) = (480u32, 270u32);
    for motif in Motif::ALL {
        let mut sheet = RgbImage::from_pixel(w * 3 + 8, h * 2 + 4, image::Rgb([255, 255, 255]));
        for (i, cat) in CATEGORIES.iter().enumerate() {
            let img = render_scene(motif, cat, &format!("{seed}-{cat}"), w, h);
            let (x, y) = ((i as u32 % 3) * (w + 4), (i as u32 / 3) * (h + 4));
            imageops::replace(&mut sheet, &img, i64::from(x), i64::from(y));
        }
        let path = dir.join(format!("{}.png", motif.name()));
        std::fs::write(&path, png(&sheet)).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path.display().to_string());
    }
    // Body figures are 3:2: one per motif.
    let (fw, fh) = (300u32, 200u32);
    let mut sheet = RgbImage::from_pixel(fw * 5 + 16, fh * 2 + 4, image::Rgb([255, 255, 255]));
    for (i, motif) in Motif::ALL.into_iter().enumerate() {
        let cat = CATEGORIES[i % CATEGORIES.len()];
        let img = render_scene(motif, cat, &format!("{seed}-fig"), fw, fh);
        let (x, y) = ((i as u32 % 5) * (fw + 4), (i as u32 / 5) * (fh + 4));
        imageops::replace(&mut sheet, &img, i64::from(x), i64::from(y));
    }
    let path = dir.join("figures.png");
    std::fs::write(&path, png(&sheet)).map_err(|e| format!("{}: {e}", path.display()))?;
    written.push(path.display().to_string());
    let s = 160u32;
    let mut sheet = RgbImage::from_pixel(s * 6 + 20, s * 2 + 4, image::Rgb([255, 255, 255]));
    for i in 0..12u32 {
        let img = render_avatar(&format!("{seed}-{i}"), s);
        imageops::replace(
            &mut sheet,
            &img,
            i64::from((i % 6) * (s + 4)),
            i64::from((i / 6) * (s + 4)),
        );
    }
    let path = dir.join("avatars.png");
    std::fs::write(&path, png(&sheet)).map_err(|e| format!("{}: {e}", path.display()))?;
    written.push(path.display().to_string());
    Ok(written)
}

/// A minimal PNG encoder (RGB8, filter 0, stored deflate blocks).
fn png(img: &RgbImage) -> Vec<u8> {
    let (w, h) = img.dimensions();
    let mut raw = Vec::with_capacity(((w * 3 + 1) * h) as usize);
    for row in img.as_raw().chunks(w as usize * 3) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, b) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = b.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(b);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &x in &raw {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xffff_ffffu32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
        }
    }
    !c
}
