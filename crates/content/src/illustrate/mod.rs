//! Procedural editorial illustrations: flat-vector scenes per motif, in a
//! palette per category, varied by a hash of the slug (layout, sizes, time
//! of day). Drawn at 2× and scaled down for soft edges, with a fine grain.
//! No fonts, no downloads: every pixel comes from the code below.

use std::f32::consts::{PI, TAU};

use image::RgbImage;

use crate::canvas::{fbm, fnv64, hex, lighten, mix, shade, smoothstep, value_noise, Canvas, Paint, Rgb, Rng};

mod avatar;
mod charts;
mod city;
mod land;
mod parts;
mod port;
mod stadium;
mod stage;
#[cfg(test)]
mod tests;

pub use avatar::render_avatar;
use charts::{chart, globe};
use city::{coast, skyline};
use land::{desert, fields, mountains};
use parts::{building, palm, wave, wave_parts};
use port::port;
use stadium::stadium;
use stage::stage;

/// The scenes an article can ask for (`motif = "…"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Motif {
    Skyline,
    Coast,
    Desert,
    Mountains,
    Stadium,
    Chart,
    Globe,
    Stage,
    Fields,
    Port,
}

impl Motif {
    pub const ALL: [Motif; 10] = [
        Motif::Skyline,
        Motif::Coast,
        Motif::Desert,
        Motif::Mountains,
        Motif::Stadium,
        Motif::Chart,
        Motif::Globe,
        Motif::Stage,
        Motif::Fields,
        Motif::Port,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Motif::Skyline => "skyline",
            Motif::Coast => "coast",
            Motif::Desert => "desert",
            Motif::Mountains => "mountains",
            Motif::Stadium => "stadium",
            Motif::Chart => "chart",
            Motif::Globe => "globe",
            Motif::Stage => "stage",
            Motif::Fields => "fields",
            Motif::Port => "port",
        }
    }

    pub fn parse(s: &str) -> Option<Motif> {
        Motif::ALL.into_iter().find(|m| m.name() == s)
    }

    pub fn names() -> String {
        Motif::ALL.iter().map(|m| m.name()).collect::<Vec<_>>().join(", ")
    }
}

/// Colours of a category.
#[derive(Clone, Copy, Debug)]
struct Palette {
    sky_top: Rgb,
    sky_bottom: Rgb,
    /// Land, far to near.
    far: Rgb,
    mid: Rgb,
    near: Rgb,
    deep: Rgb,
    accent: Rgb,
    accent2: Rgb,
    light: Rgb,
    water: Rgb,
    land: Rgb,
}

fn palette(category: &str) -> Palette {
    let known = ["maghreb", "afrique", "monde", "economie", "sport", "culture"];
    let cat = if known.contains(&category) {
        category
    } else {
        known[(fnv64(category.as_bytes()) % known.len() as u64) as usize]
    };
    match cat {
        // Warm sand and terracotta, a touch of zellige teal.
        "maghreb" => Palette {
            sky_top: hex(0x7fb3c8),
            sky_bottom: hex(0xf6e3c3),
            far: hex(0xe3b98a),
            mid: hex(0xd08a5c),
            near: hex(0xb0573a),
            deep: hex(0x5e2a22),
            accent: hex(0x1f8a84),
            accent2: hex(0xe9c46a),
            light: hex(0xfaf0e0),
            water: hex(0x2f8fa3),
            land: hex(0xd9a066),
        },
        // Ochre and savanna green.
        "afrique" => Palette {
            sky_top: hex(0x86b8c9),
            sky_bottom: hex(0xf7e2b5),
            far: hex(0xc9a86a),
            mid: hex(0x8a9a48),
            near: hex(0x4f6b2c),
            deep: hex(0x2c3b1c),
            accent: hex(0xd9822b),
            accent2: hex(0xf2c14e),
            light: hex(0xfbf1dc),
            water: hex(0x3e8a9a),
            land: hex(0xa5a04a),
        },
        // Blues, with a red accent.
        "monde" => Palette {
            sky_top: hex(0x4a7fb5),
            sky_bottom: hex(0xd6e6f2),
            far: hex(0x8fb0cc),
            mid: hex(0x4f7aa3),
            near: hex(0x27476e),
            deep: hex(0x14213d),
            accent: hex(0xe63946),
            accent2: hex(0xa8dadc),
            light: hex(0xf1faee),
            water: hex(0x1d4e89),
            land: hex(0x7fb685),
        },
        // Teal and gold.
        "economie" => Palette {
            sky_top: hex(0x3d8c95),
            sky_bottom: hex(0xe8f1e4),
            far: hex(0x8fbcb5),
            mid: hex(0x2a9d8f),
            near: hex(0x1d5c63),
            deep: hex(0x0f3a40),
            accent: hex(0xe9b949),
            accent2: hex(0xf4a261),
            light: hex(0xf6f1e1),
            water: hex(0x1f6f78),
            land: hex(0xc9b26b),
        },
        // Pitch green and white.
        "sport" => Palette {
            sky_top: hex(0x4f9bd1),
            sky_bottom: hex(0xe3f1ea),
            far: hex(0x9cc9a4),
            mid: hex(0x4c9a5e),
            near: hex(0x2d6a3f),
            deep: hex(0x163d26),
            accent: hex(0xf8f9fa),
            accent2: hex(0xe85d4a),
            light: hex(0xf4faf4),
            water: hex(0x2b7bb9),
            land: hex(0x6fae5c),
        },
        // Violet and rose.
        _ => Palette {
            sky_top: hex(0x6a4c9c),
            sky_bottom: hex(0xf6d6e3),
            far: hex(0xb49bc8),
            mid: hex(0x8a5fa8),
            near: hex(0x5a3478),
            deep: hex(0x2a1340),
            accent: hex(0xe8579b),
            accent2: hex(0xffc857),
            light: hex(0xfbeff5),
            water: hex(0x5b6fb5),
            land: hex(0xc48fb8),
        },
    }
}

/// Time of day: the light of the scene.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tod {
    Day,
    Golden,
    Dusk,
    Night,
}

struct Scene {
    pal: Palette,
    tod: Tod,
    rng: Rng,
    seed: u64,
    sky_top: Rgb,
    sky_mid: Rgb,
    sky_bottom: Rgb,
    /// Sun or moon centre and radius (canvas px), set by `sky`.
    sun: (f32, f32, f32),
    sun_color: Rgb,
    /// +1 when the light comes from the left, -1 from the right.
    light_dir: f32,
}

impl Scene {
    fn new(category: &str, seed: u64, tod_weights: [f32; 4]) -> Scene {
        let pal = palette(category);
        let mut rng = Rng::new(seed);
        let total: f32 = tod_weights.iter().sum();
        let mut r = rng.f() * total;
        let mut tod = Tod::Day;
        for (t, w) in [Tod::Day, Tod::Golden, Tod::Dusk, Tod::Night]
            .into_iter()
            .zip(tod_weights)
        {
            if r < w {
                tod = t;
                break;
            }
            r -= w;
        }
        let (sky_top, sky_mid, sky_bottom, sun_color) = match tod {
            Tod::Day => (
                pal.sky_top,
                mix(pal.sky_top, pal.sky_bottom, 0.55),
                pal.sky_bottom,
                hex(0xfff4d6),
            ),
            Tod::Golden => (
                mix(pal.sky_top, hex(0xe9a66b), 0.3),
                mix(hex(0xf7c98b), pal.sky_bottom, 0.3),
                hex(0xfbe3b8),
                hex(0xffe1a0),
            ),
            Tod::Dusk => (
                mix(hex(0x2e2a5c), pal.deep, 0.3),
                mix(hex(0xc0607e), pal.accent, 0.15),
                hex(0xf7a072),
                hex(0xffd3a0),
            ),
            Tod::Night => (
                hex(0x0a0f26),
                mix(hex(0x1c2450), pal.deep, 0.35),
                mix(hex(0x3b3f73), pal.deep, 0.3),
                hex(0xf4f0dc),
            ),
        };
        let light_dir = if rng.chance(0.5) { 1.0 } else { -1.0 };
        Scene {
            pal,
            tod,
            rng,
            seed,
            sky_top,
            sky_mid,
            sky_bottom,
            sun: (0.0, 0.0, 0.0),
            sun_color,
            light_dir,
        }
    }

    fn dark(&self) -> bool {
        matches!(self.tod, Tod::Dusk | Tod::Night)
    }

    /// A land colour at a depth (0 near, 1 far): hazier with distance,
    /// darker and bluer at night.
    fn land(&self, c: Rgb, depth: f32) -> Rgb {
        let haze = mix(c, self.sky_bottom, depth * 0.55);
        match self.tod {
            Tod::Day => haze,
            Tod::Golden => mix(haze, hex(0xd9874a), 0.12),
            Tod::Dusk => mix(shade(haze, 0.62 + depth * 0.15), hex(0x4a2c5e), 0.22 + depth * 0.1),
            Tod::Night => mix(shade(haze, 0.3 + depth * 0.12), hex(0x1a2448), 0.35),
        }
    }

    /// Window or lamp light.
    fn lamp(&self) -> Rgb {
        hex(0xffd98a)
    }

    /// Sky gradient, stars, sun or moon, clouds. `hz` is the horizon (px).
    fn sky(&mut self, c: &mut Canvas, hz: f32) {
        let (w, h) = (c.wf(), c.hf());
        let t = (hz / h).clamp(0.2, 0.95);
        c.vgradient(&[
            (0.0, self.sky_top),
            (t * 0.62, self.sky_mid),
            (t, self.sky_bottom),
            (1.0, self.sky_bottom),
        ]);
        if self.tod == Tod::Night {
            for _ in 0..(w * hz / 9000.0) as usize {
                let (x, y) = (self.rng.range(0.0, w), self.rng.range(0.0, hz * 0.9));
                let r = self.rng.range(0.6, 2.2) * h / 900.0;
                c.circle(x, y, r, hex(0xfdf8e6), self.rng.range(0.35, 0.95));
            }
        }
        let x = self.rng.range(0.14, 0.86) * w;
        let (y, r) = match self.tod {
            Tod::Day => (self.rng.range(0.1, 0.22) * h, self.rng.range(0.045, 0.06) * h),
            Tod::Golden => (hz - self.rng.range(0.12, 0.22) * h, self.rng.range(0.055, 0.075) * h),
            Tod::Dusk => (hz - self.rng.range(0.0, 0.08) * h, self.rng.range(0.07, 0.095) * h),
            Tod::Night => (self.rng.range(0.1, 0.22) * h, self.rng.range(0.035, 0.05) * h),
        };
        self.sun = (x, y, r);
        self.light_dir = if x < w / 2.0 { 1.0 } else { -1.0 };
        let glow_alpha = match self.tod {
            Tod::Day => 0.35,
            Tod::Golden => 0.55,
            Tod::Dusk => 0.6,
            Tod::Night => 0.22,
        };
        c.glow(x, y, r * 5.0, self.sun_color, glow_alpha);
        if self.tod == Tod::Night {
            // A crescent: the disc minus an offset disc.
            let (ox, oy, rr) = (x + r * 0.45 * self.light_dir, y - r * 0.18, r * 0.9);
            let col = self.sun_color;
            c.apply(x - r, y - r, x + r, y + r, |px, py, _| {
                let inside = (px - x).powi(2) + (py - y).powi(2) <= r * r;
                let shadow = (px - ox).powi(2) + (py - oy).powi(2) <= rr * rr;
                (inside && !shadow).then_some((col, 1.0))
            });
        } else {
            c.circle(x, y, r * 1.25, self.sun_color, 0.25);
            c.circle(x, y, r, self.sun_color, 1.0);
        }
        if matches!(self.tod, Tod::Day | Tod::Golden) {
            for _ in 0..self.rng.int(1, 3) {
                let cx = self.rng.range(0.0, w);
                let cy = self.rng.range(0.08, 0.6) * hz;
                let size = self.rng.range(0.05, 0.09) * h;
                self.cloud(c, cx, cy, size);
            }
        }
    }

    fn cloud(&mut self, c: &mut Canvas, cx: f32, cy: f32, s: f32) {
        let col = lighten(self.sky_bottom, 0.55);
        let a = self.rng.range(0.55, 0.85);
        let n = self.rng.int(3, 5);
        let mut puffs = Vec::new();
        for i in 0..n {
            let t = i as f32 / (n - 1) as f32 - 0.5;
            let r = s * (1.0 - t.abs() * 0.9) * self.rng.range(0.75, 1.05);
            puffs.push((cx + t * s * 3.2, cy - r * 0.35, r));
        }
        // The union of the puffs and a flat base, at one alpha.
        c.apply(cx - s * 2.6, cy - s * 1.6, cx + s * 2.6, cy + 1.0, |px, py, _| {
            let inside = py <= cy
                && (puffs
                    .iter()
                    .any(|&(qx, qy, r)| (px - qx).powi(2) + (py - qy).powi(2) <= r * r)
                    || (py >= cy - s * 0.35 && px > cx - s * 1.9 && px < cx + s * 1.9));
            inside.then_some((col, a))
        });
    }

    /// Mist: a soft horizontal band of `col`, strongest at `yc`.
    fn mist(&self, c: &mut Canvas, yc: f32, half: f32, col: Rgb, a: f32) {
        let w = c.wf();
        c.apply(0.0, yc - half, w, yc + half, |_, y, _| {
            let t = 1.0 - ((y - yc) / half).abs();
            Some((col, a * t * t))
        });
    }
}

/// Draws the illustration of `motif` for `category`, seeded by `seed`
/// (e.g. the slug), at `w`×`h` pixels.
pub fn render_scene(motif: Motif, category: &str, seed: &str, w: u32, h: u32) -> RgbImage {
    let seed = fnv64(format!("{}|{}|{}", motif.name(), category, seed).as_bytes());
    let mut c = Canvas::new(w as usize * 2, h as usize * 2);
    let tods = match motif {
        Motif::Stadium => [0.2, 0.1, 0.3, 0.4],
        Motif::Stage | Motif::Chart => [1.0, 0.0, 0.0, 0.0],
        Motif::Globe => [0.0, 0.0, 0.0, 1.0],
        Motif::Desert => [0.35, 0.4, 0.25, 0.0],
        Motif::Skyline | Motif::Port => [0.35, 0.25, 0.25, 0.15],
        _ => [0.45, 0.3, 0.18, 0.07],
    };
    let mut s = Scene::new(category, seed, tods);
    match motif {
        Motif::Skyline => skyline(&mut c, &mut s),
        Motif::Coast => coast(&mut c, &mut s),
        Motif::Desert => desert(&mut c, &mut s),
        Motif::Mountains => mountains(&mut c, &mut s),
        Motif::Stadium => stadium(&mut c, &mut s),
        Motif::Chart => chart(&mut c, &mut s),
        Motif::Globe => globe(&mut c, &mut s),
        Motif::Stage => stage(&mut c, &mut s),
        Motif::Fields => fields(&mut c, &mut s),
        Motif::Port => port(&mut c, &mut s),
    }
    c.finish(2, 0.014, 0.16, seed)
}
