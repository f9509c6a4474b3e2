//! Procedural editorial illustrations: flat-vector scenes per motif, in a
//! palette per category, varied by a hash of the slug (layout, sizes, time
//! of day). Drawn at 2× and scaled down for soft edges, with a fine grain.
//! No fonts, no downloads: every pixel comes from the code below.

use std::f32::consts::{PI, TAU};

use image::RgbImage;

use crate::canvas::{fbm, fnv64, hex, lighten, mix, shade, smoothstep, value_noise, Canvas, Paint, Rgb, Rng};

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

/// A smooth 1-D wave, for hill and dune profiles: sum of sines.
fn wave(x: f32, parts: &[(f32, f32, f32)]) -> f32 {
    parts
        .iter()
        .map(|&(amp, freq, phase)| amp * (x * freq + phase).sin())
        .sum()
}

fn wave_parts(rng: &mut Rng, w: f32, n: usize, base_freq: f32) -> Vec<(f32, f32, f32)> {
    (0..n)
        .map(|i| {
            let k = (i + 1) as f32;
            (
                1.0 / k.powf(1.2) * rng.range(0.7, 1.2),
                base_freq * k * rng.range(0.8, 1.25) * TAU / w,
                rng.range(0.0, TAU),
            )
        })
        .collect()
}

/// A palm tree rooted at (x, ground), `height` tall.
fn palm(c: &mut Canvas, s: &mut Scene, x: f32, ground: f32, height: f32, col: Rgb) {
    let bend = s.rng.range(-0.25, 0.25) * height;
    let segs = 10;
    let mut pts = Vec::new();
    for i in 0..=segs {
        let t = i as f32 / segs as f32;
        pts.push((x + bend * t * t, ground - height * t));
    }
    for (i, w2) in pts.windows(2).enumerate() {
        let t = i as f32 / segs as f32;
        let wdt = height * (0.055 - 0.025 * t);
        c.line(w2[0].0, w2[0].1, w2[1].0, w2[1].1 - 1.0, wdt, col, 1.0);
    }
    let (tx, ty) = pts[segs];
    let n = s.rng.int(7, 9);
    for i in 0..n {
        let ang = -PI + (i as f32 + 0.5) / n as f32 * PI + s.rng.range(-0.15, 0.15);
        let len = height * s.rng.range(0.38, 0.52);
        let droop = height * s.rng.range(0.12, 0.25);
        let mut left = Vec::new();
        let mut right = Vec::new();
        let steps = 12;
        for j in 0..=steps {
            let t = j as f32 / steps as f32;
            let cx = tx + ang.cos() * len * t;
            let cy = ty + ang.sin() * len * t * 0.55 + droop * t * t;
            let wd = height * 0.05 * (PI * t).sin().max(0.0) + 0.5;
            // Normal to the frond, roughly.
            let (dx, dy) = (ang.cos(), ang.sin() * 0.55 + 2.0 * droop / len * t);
            let l = (dx * dx + dy * dy).sqrt();
            let (nx, ny) = (-dy / l * wd, dx / l * wd);
            left.push((cx + nx, cy + ny));
            right.push((cx - nx, cy - ny));
        }
        right.reverse();
        left.extend(right);
        c.polygon(&left, col, 1.0);
    }
    c.circle(tx, ty, height * 0.045, col, 1.0);
}

/// A flat-roofed building with optional windows.
#[allow(clippy::too_many_arguments)]
fn building(c: &mut Canvas, s: &mut Scene, x0: f32, x1: f32, top: f32, bottom: f32, col: Rgb, win: f32, lit: f32) {
    c.rect(x0, top, x1, bottom, col, 1.0);
    // A lighter sunlit side.
    let side = (x1 - x0) * 0.18;
    let lit_col = if s.dark() { shade(col, 1.15) } else { lighten(col, 0.12) };
    if s.light_dir > 0.0 {
        c.rect(x0, top, x0 + side, bottom, lit_col, 1.0);
    } else {
        c.rect(x1 - side, top, x1, bottom, lit_col, 1.0);
    }
    if win <= 0.0 {
        return;
    }
    let (gx, gy) = (win * 1.9, win * 2.6);
    let cols = ((x1 - x0 - win) / gx).floor().max(0.0) as i32;
    let rows = ((bottom - top - win * 1.5) / gy).floor().max(0.0) as i32;
    let margin = (x1 - x0 - cols as f32 * gx + (gx - win)) / 2.0;
    for r in 0..rows {
        for k in 0..cols {
            let wx = x0 + margin + k as f32 * gx;
            let wy = top + win * 1.2 + r as f32 * gy;
            if s.rng.chance(lit) {
                c.rect(wx, wy, wx + win, wy + win * 1.4, s.lamp(), 0.92);
                if s.dark() {
                    c.glow(wx + win / 2.0, wy + win * 0.7, win * 2.5, s.lamp(), 0.12);
                }
            } else {
                let glass = if s.dark() {
                    shade(col, 0.7)
                } else {
                    mix(col, s.sky_top, 0.45)
                };
                c.rect(wx, wy, wx + win, wy + win * 1.4, glass, 0.8);
            }
        }
    }
}

fn skyline(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    let hz = h * s.rng.range(0.62, 0.7);
    s.sky(c, hz);
    // Distant hills.
    let hill = wave_parts(&mut s.rng, w, 3, 1.2);
    let far = s.land(s.pal.far, 0.85);
    c.fill_below(|x| hz - h * 0.06 - h * 0.025 * wave(x, &hill), far, 1.0);
    let lit = if s.dark() { 0.45 } else { 0.0 };
    // Far city: low blocks, domes, minarets.
    let col = s.land(s.pal.far, 0.6);
    let mut x = -s.rng.range(0.0, 0.05) * w;
    while x < w {
        let bw = w * s.rng.range(0.025, 0.06);
        let top = hz - h * s.rng.range(0.05, 0.16);
        c.rect(x, top, x + bw, h, col, 1.0);
        if s.rng.chance(0.18) {
            c.ellipse(x + bw / 2.0, top, bw * 0.38, bw * 0.42, col, 1.0);
        } else if s.rng.chance(0.1) {
            let mw = bw * 0.32;
            let mx = x + bw * s.rng.range(0.2, 0.6);
            let mt = top - h * s.rng.range(0.08, 0.14);
            c.rect(mx, mt, mx + mw, top, col, 1.0);
            c.rect(mx - mw * 0.2, mt, mx + mw * 1.2, mt + mw * 0.5, col, 1.0);
            c.rect(mx + mw * 0.2, mt - mw * 0.9, mx + mw * 0.8, mt, col, 1.0);
            c.ellipse(mx + mw / 2.0, mt - mw * 0.9, mw * 0.3, mw * 0.35, col, 1.0);
        }
        x += bw * s.rng.range(0.85, 1.1);
    }
    // Mid: towers with windows.
    let mid = s.land(s.pal.mid, 0.35);
    let n = s.rng.int(5, 9);
    for i in 0..n {
        let cx = (i as f32 + s.rng.range(0.1, 0.9)) / n as f32 * w;
        let bw = w * s.rng.range(0.045, 0.085);
        let top = hz - h * s.rng.range(0.14, 0.42);
        let tone = shade(mid, s.rng.range(0.88, 1.08));
        building(c, s, cx - bw / 2.0, cx + bw / 2.0, top, h, tone, h * 0.011, lit);
        if s.rng.chance(0.3) {
            c.line(cx, top, cx, top - h * 0.05, h * 0.004, tone, 1.0);
            if s.dark() {
                c.circle(cx, top - h * 0.05, h * 0.005, hex(0xff5a4a), 1.0);
            }
        }
    }
    // Near: the old town, white and ochre cubes with arched doors.
    let near = s.land(s.pal.near, 0.0);
    let base = h * s.rng.range(0.82, 0.86);
    let mut x = -s.rng.range(0.0, 0.05) * w;
    while x < w {
        let bw = w * s.rng.range(0.05, 0.1);
        let top = base - h * s.rng.range(0.04, 0.14);
        let t = s.rng.range(0.0, 0.7);
        let tone = s.land(mix(s.pal.near, s.pal.light, t), 0.0);
        c.rect(x, top, x + bw, h, tone, 1.0);
        c.rect(
            x - bw * 0.02,
            top - h * 0.008,
            x + bw * 1.02,
            top,
            shade(tone, 0.85),
            1.0,
        );
        // An arched door or window.
        let dw = bw * s.rng.range(0.14, 0.22);
        let dx = x + bw * s.rng.range(0.2, 0.7);
        let dt = top + (base - top) * s.rng.range(0.3, 0.5);
        let door = if s.dark() && s.rng.chance(0.5) {
            s.lamp()
        } else {
            s.land(s.pal.accent, 0.0)
        };
        c.rect(dx, dt + dw / 2.0, dx + dw, h, door, 1.0);
        c.circle(dx + dw / 2.0, dt + dw / 2.0, dw / 2.0, door, 1.0);
        x += bw * s.rng.range(0.9, 1.05);
    }
    c.fill_below(
        |x| base + h * 0.04 + h * 0.01 * (x / w * 7.0).sin(),
        shade(near, 0.9),
        1.0,
    );
    for _ in 0..s.rng.int(0, 2) {
        let px = s.rng.range(0.05, 0.95) * w;
        let ph = h * s.rng.range(0.25, 0.35);
        palm(c, s, px, h * 0.97, ph, shade(near, 0.55));
    }
}

fn coast(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    let hz = h * s.rng.range(0.5, 0.58);
    s.sky(c, hz);
    let left = s.rng.chance(0.5);
    // A headland on the horizon.
    let far = s.land(s.pal.far, 0.8);
    let hill = wave_parts(&mut s.rng, w, 3, 1.5);
    let reach = s.rng.range(0.35, 0.6) * w;
    c.fill_cols(
        |x| {
            let d = if left { w - x } else { x };
            let k = 1.0 - smoothstep(0.0, reach, d);
            hz - k * h * (0.07 + 0.015 * wave(x, &hill)) + 0.5
        },
        |_| hz + 1.0,
        |_, _| far,
        1.0,
    );
    // The sea.
    let water = s.land(s.pal.water, 0.0);
    c.rect(
        0.0,
        hz,
        w,
        h,
        Paint::VGrad {
            y0: hz,
            c0: mix(water, s.sky_bottom, 0.45),
            y1: h,
            c1: shade(water, 0.8),
        },
        1.0,
    );
    let (sx, sy, _) = s.sun;
    if sy < hz {
        for k in 0..46 {
            let t = k as f32 / 46.0;
            let y = hz + (h - hz) * t.powf(1.4);
            let half = w * (0.012 + 0.05 * t) * s.rng.range(0.4, 1.0);
            let x = sx + s.rng.range(-1.0, 1.0) * w * 0.015 * (1.0 + t * 3.0);
            c.rect(
                x - half,
                y,
                x + half,
                y + h * (0.002 + 0.004 * t),
                s.sun_color,
                0.55 * (1.0 - t),
            );
        }
    }
    let crest = lighten(water, 0.35);
    for _ in 0..160 {
        let t = s.rng.f().powf(1.5);
        let y = hz + (h - hz) * t;
        let len = w * (0.01 + 0.06 * t) * s.rng.range(0.5, 1.0);
        let x = s.rng.range(-0.05, 1.0) * w;
        c.rect(x, y, x + len, y + h * (0.0015 + 0.004 * t), crest, 0.35);
    }
    // Sailboats.
    for _ in 0..s.rng.int(1, 2) {
        let t = s.rng.range(0.1, 0.4);
        let y = hz + (h - hz) * t;
        let k = h * (0.03 + 0.07 * t);
        let x = s.rng.range(0.25, 0.75) * w;
        let hull = s.land(s.pal.deep, 0.3 * (1.0 - t));
        c.polygon(
            &[
                (x - k * 0.6, y - k * 0.12),
                (x + k * 0.6, y - k * 0.12),
                (x + k * 0.4, y),
                (x - k * 0.45, y),
            ],
            hull,
            1.0,
        );
        let sail = s.land(s.pal.light, 0.2);
        c.polygon(
            &[
                (x - k * 0.05, y - k * 0.16),
                (x - k * 0.05, y - k * 1.2),
                (x + k * 0.5, y - k * 0.16),
            ],
            sail,
            1.0,
        );
        c.polygon(
            &[
                (x - k * 0.12, y - k * 0.16),
                (x - k * 0.12, y - k * 0.9),
                (x - k * 0.45, y - k * 0.16),
            ],
            shade(sail, 0.9),
            1.0,
        );
    }
    // A cliff with a white village on the near side.
    let cliff = s.land(s.pal.near, 0.05);
    let top_y = h * s.rng.range(0.42, 0.52);
    let cliff_w = w * s.rng.range(0.32, 0.45);
    let rough = wave_parts(&mut s.rng, w, 4, 6.0);
    let edge = move |x: f32| -> f32 {
        let d = if left { x } else { w - x };
        let k = smoothstep(cliff_w * 0.55, cliff_w, d);
        top_y + k * (h * 1.1 - top_y) + h * 0.008 * wave(x, &rough)
    };
    let lit_face = shade(cliff, 1.12);
    c.fill_cols(
        &edge,
        |_| h,
        |x, y| {
            let d = if left { x } else { w - x };
            let face = smoothstep(cliff_w * 0.5, cliff_w * 0.9, d);
            let col = mix(
                cliff,
                if s.light_dir > 0.0 { shade(cliff, 0.8) } else { lit_face },
                face,
            );
            mix(col, shade(col, 0.7), (y - top_y) / (h - top_y) * 0.5)
        },
        1.0,
    );
    // Houses on the cliff top.
    let mut d = cliff_w * 0.05;
    while d < cliff_w * 0.62 {
        let bw = w * s.rng.range(0.03, 0.055);
        let x0 = if left { d } else { w - d - bw };
        let ground = edge(x0 + bw / 2.0).min(edge(x0)).min(edge(x0 + bw));
        let bh = h * s.rng.range(0.035, 0.08);
        let wall = s.land(lighten(s.pal.light, 0.3), 0.05);
        c.rect(x0, ground - bh, x0 + bw, ground + h * 0.02, wall, 1.0);
        let side = bw * 0.22;
        let sx0 = if s.light_dir > 0.0 { x0 + bw - side } else { x0 };
        c.rect(sx0, ground - bh, sx0 + side, ground + h * 0.02, shade(wall, 0.86), 1.0);
        if s.rng.chance(0.2) {
            c.ellipse(x0 + bw / 2.0, ground - bh, bw * 0.3, bw * 0.28, wall, 1.0);
        }
        let door_col = if s.dark() { s.lamp() } else { s.land(s.pal.accent, 0.0) };
        let dw = bw * 0.22;
        let dx = x0 + bw * s.rng.range(0.15, 0.55);
        c.rect(dx, ground - bh * 0.55, dx + dw, ground, door_col, 1.0);
        c.circle(dx + dw / 2.0, ground - bh * 0.55, dw / 2.0, door_col, 1.0);
        d += bw * s.rng.range(0.95, 1.3);
    }
    // The beach in front.
    let sand = s.land(mix(s.pal.land, s.pal.light, 0.45), 0.0);
    let beach = wave_parts(&mut s.rng, w, 2, 1.0);
    let by = h * s.rng.range(0.86, 0.92);
    let shore = move |x: f32| by + h * 0.02 * wave(x, &beach);
    c.fill_cols(|x| shore(x) - h * 0.012, &shore, |_, _| lighten(water, 0.55), 0.8);
    c.fill_below(
        &shore,
        Paint::VGrad {
            y0: by,
            c0: sand,
            y1: h,
            c1: shade(sand, 0.88),
        },
        1.0,
    );
    if s.rng.chance(0.6) {
        let px = if left {
            s.rng.range(0.6, 0.9)
        } else {
            s.rng.range(0.1, 0.4)
        } * w;
        let ph = h * s.rng.range(0.35, 0.48);
        let col = shade(s.land(s.pal.deep, 0.0), 0.9);
        palm(c, s, px, shore(px) + h * 0.03, ph, col);
    }
}

fn camel(c: &mut Canvas, x: f32, g: f32, k: f32, dir: f32, col: Rgb) {
    let f = |dx: f32| x + dx * dir;
    for (lx, sway) in [(-0.55, -0.06), (-0.35, 0.05), (0.3, -0.05), (0.5, 0.06)] {
        c.line(f(lx * k), g - k * 0.95, f((lx + sway) * k), g, k * 0.1, col, 1.0);
    }
    c.ellipse(x, g - k * 1.05, k * 0.75, k * 0.33, col, 1.0);
    c.ellipse(f(-0.1 * k), g - k * 1.3, k * 0.38, k * 0.3, col, 1.0);
    c.line(f(0.6 * k), g - k * 1.1, f(1.0 * k), g - k * 1.65, k * 0.2, col, 1.0);
    c.ellipse(f(1.12 * k), g - k * 1.68, k * 0.22, k * 0.11, col, 1.0);
    c.line(
        f(-0.75 * k),
        g - k * 1.05,
        f(-0.85 * k),
        g - k * 0.7,
        k * 0.05,
        col,
        1.0,
    );
}

fn desert(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    let hz = h * s.rng.range(0.5, 0.58);
    s.sky(c, hz);
    // Mesas on the horizon.
    let far = s.land(s.pal.far, 0.85);
    for _ in 0..s.rng.int(1, 3) {
        let x = s.rng.range(0.0, 1.0) * w;
        let mw = w * s.rng.range(0.08, 0.18);
        let mh = h * s.rng.range(0.03, 0.07);
        c.polygon(
            &[
                (x - mw * 0.7, hz + 2.0),
                (x - mw * 0.45, hz - mh),
                (x + mw * 0.45, hz - mh),
                (x + mw * 0.7, hz + 2.0),
            ],
            far,
            1.0,
        );
    }
    let layers = 4;
    let sand_far = mix(hex(0xf1dcb4), s.pal.far, 0.3);
    let sand_near = mix(hex(0xd69a5e), s.pal.mid, 0.25);
    let mut profiles = Vec::new();
    for k in 0..layers {
        let t = k as f32 / (layers - 1) as f32;
        let base = hz + (h - hz) * [0.06, 0.28, 0.52, 0.82][k];
        let amp = h * [0.035, 0.06, 0.09, 0.13][k];
        profiles.push((base, amp, wave_parts(&mut s.rng, w, 3, [2.2, 1.6, 1.2, 0.9][k]), t));
    }
    let dir = s.light_dir;
    for (i, (base, amp, parts, t)) in profiles.iter().enumerate() {
        let col = s.land(mix(sand_far, sand_near, *t), 0.55 * (1.0 - t));
        let f = |x: f32| base - amp * (0.5 + 0.5 * wave(x, parts) / 1.6);
        let bright = lighten(col, 0.22);
        let dim = shade(col, 0.82);
        c.fill_cols(
            f,
            |_| h,
            |x, y| {
                // A light rim under the crest, wider on the sunny slopes,
                // then the body of the dune, darker lower down.
                let slope = (f(x + 4.0) - f(x - 4.0)) / 8.0;
                let lit = smoothstep(-1.0, 1.0, -slope * dir * 2.5);
                let depth = y - f(x);
                let rim = 1.0 - smoothstep(0.0, h * (0.01 + 0.05 * lit), depth);
                let body = mix(
                    mix(dim, col, lit),
                    shade(col, 0.84),
                    (depth / (h * 0.3)).clamp(0.0, 1.0),
                );
                mix(body, bright, rim * (0.4 + 0.6 * lit))
            },
            1.0,
        );
        if i == 1 && s.rng.chance(0.75) {
            // A caravan along the crest.
            let n = s.rng.int(3, 5);
            let x0 = s.rng.range(0.15, 0.55) * w;
            let k = h * 0.028;
            let cdir = if s.rng.chance(0.5) { 1.0 } else { -1.0 };
            let silhouette = shade(s.land(s.pal.deep, 0.4), 0.9);
            for j in 0..n {
                let x = x0 + j as f32 * k * 2.6;
                camel(c, x, f(x) + k * 0.15, k, cdir, silhouette);
            }
        }
        if i == 2 && s.rng.chance(0.45) {
            let x = s.rng.range(0.1, 0.9) * w;
            for j in 0..s.rng.int(2, 4) {
                let px = x + j as f32 * h * 0.05 * s.rng.range(0.7, 1.3);
                let ph = h * s.rng.range(0.12, 0.2);
                let col = s.land(s.pal.near, 0.2);
                palm(c, s, px, f(px) + h * 0.02, ph, col);
            }
        }
        if i == layers - 1 {
            // Wind ripples on the nearest dune.
            let ripple = shade(col, 0.8);
            for r in 0..14 {
                let off = h * 0.025 * (r as f32 + 1.0);
                let mut pts = Vec::new();
                let x0 = s.rng.range(-0.2, 0.8) * w;
                let len = w * s.rng.range(0.15, 0.4);
                for j in 0..=24 {
                    let x = x0 + len * j as f32 / 24.0;
                    pts.push((x, f(x) + off + h * 0.006 * (x / w * 40.0).sin()));
                }
                c.polyline(&pts, h * 0.0025, ripple, 0.35);
            }
        }
    }
}

fn mountains(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    let hz = h * s.rng.range(0.55, 0.66);
    s.sky(c, hz);
    let dir = s.light_dir;
    let ranges = 3;
    for k in 0..ranges {
        let t = k as f32 / (ranges - 1) as f32;
        let base = hz + h * 0.05 * k as f32;
        let n = s.rng.int(3, 5);
        let peaks: Vec<(f32, f32, f32)> = (0..n)
            .map(|i| {
                (
                    (i as f32 + s.rng.range(0.0, 1.0)) / n as f32 * w * 1.2 - w * 0.1,
                    h * (0.36 - 0.08 * k as f32) * s.rng.range(0.5, 1.0),
                    w * s.rng.range(0.12, 0.24),
                )
            })
            .collect();
        let seed = s.seed.wrapping_add(k as u64 * 101);
        let clean = move |x: f32| {
            let mut m: f32 = 0.0;
            for &(px, ph, pw) in &peaks {
                let d = 1.0 - (x - px).abs() / pw;
                m = m.max(ph * d.max(0.0).powf(0.9));
            }
            base - m
        };
        let f = |x: f32| {
            let m = base - clean(x);
            clean(x) - h * 0.016 * (value_noise(x / w * 18.0, k as f32, 0.0, seed) - 0.5) * (1.0 + m / h * 3.0)
        };
        let col = s.land(mix(s.pal.far, s.pal.near, t * 0.8), 0.7 * (1.0 - t));
        let sunny = lighten(col, 0.14);
        let shadow = shade(col, 0.74);
        let snowline = hz - h * 0.2;
        let snow = s.land(hex(0xf7f9fb), 0.4 * (1.0 - t));
        let snowy = k < 2;
        c.fill_cols(
            f,
            |_| h,
            |x, y| {
                let slope = (clean(x + 3.0) - clean(x - 3.0)) / 6.0;
                let fade = 1.0 - 0.6 * smoothstep(0.0, h * 0.35, y - f(x));
                let lit = (-slope * dir * 30.0).clamp(-1.0, 1.0) * fade;
                let mut base_col = if lit > 0.0 {
                    mix(col, sunny, lit)
                } else {
                    mix(col, shadow, -lit)
                };
                if snowy {
                    let cap = snowline + h * 0.03 * (value_noise(x / w * 30.0, 3.0, 0.0, seed) - 0.3);
                    if y < cap && y < f(x) + h * 0.09 {
                        base_col = if lit > 0.0 { snow } else { mix(snow, shadow, 0.35) };
                    }
                }
                base_col
            },
            1.0,
        );
        s.mist(c, base + h * 0.02, h * 0.06, s.sky_bottom, 0.35 * (1.0 - t * 0.5));
    }
    // A near hill with a pine forest.
    let near = s.land(s.pal.near, 0.0);
    let hill = wave_parts(&mut s.rng, w, 3, 0.8);
    let hy = h * s.rng.range(0.8, 0.86);
    let g = move |x: f32| hy - h * 0.04 * wave(x, &hill);
    let pine = shade(mix(near, hex(0x1f4d2e), 0.5), 0.8);
    let mut x = -w * 0.02;
    while x < w * 1.02 {
        let ph = h * s.rng.range(0.06, 0.14);
        let pw = ph * 0.36;
        let gy = g(x) + h * s.rng.range(0.0, 0.03);
        for tier in 0..3 {
            let tt = tier as f32 / 3.0;
            let top = gy - ph * (1.0 - tt * 0.45) - ph * 0.1;
            let bot = gy - ph * 0.25 * (1.0 - tt) + ph * 0.05;
            let hw = pw * (0.55 + tt * 0.5);
            c.polygon(&[(x, top), (x + hw, bot), (x - hw, bot)], pine, 1.0);
        }
        x += pw * s.rng.range(0.5, 1.3);
    }
    c.fill_below(
        &g,
        Paint::VGrad {
            y0: hy - h * 0.05,
            c0: near,
            y1: h,
            c1: shade(near, 0.75),
        },
        1.0,
    );
}

fn stadium(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    let roof = h * s.rng.range(0.15, 0.22);
    s.sky(c, roof + h * 0.1);
    let pitch_top = h * s.rng.range(0.5, 0.56);
    // Floodlight masts behind the stands.
    let lamp = hex(0xfffbe8);
    let masts = [s.rng.range(0.04, 0.14) * w, s.rng.range(0.86, 0.96) * w];
    for &mx in &masts {
        let top = h * s.rng.range(0.03, 0.07);
        c.line(
            mx,
            top,
            mx + (w / 2.0 - mx) * 0.04,
            roof + h * 0.05,
            h * 0.012,
            shade(s.pal.deep, 0.6),
            1.0,
        );
        let (bw, bh) = (h * 0.11, h * 0.05);
        c.rect(
            mx - bw / 2.0,
            top - bh / 2.0,
            mx + bw / 2.0,
            top + bh / 2.0,
            shade(s.pal.deep, 0.5),
            1.0,
        );
        let a = if s.dark() { 0.55 } else { 0.25 };
        c.glow(mx, top, h * 0.35, lamp, a);
        for i in 0..4 {
            for j in 0..2 {
                let lx = mx - bw / 2.0 + bw * (i as f32 + 0.5) / 4.0;
                let ly = top - bh / 2.0 + bh * (j as f32 + 0.5) / 2.0;
                c.circle(lx, ly, bh * 0.2, lamp, 1.0);
            }
        }
    }
    // Stands: a deep bowl with a roof edge.
    let stand = shade(s.land(s.pal.deep, 0.2), 0.9);
    let bow = h * 0.03;
    let stand_top = move |x: f32| roof + bow * (1.0 - ((2.0 * x / w - 1.0) * (2.0 * x / w - 1.0)));
    c.fill_cols(
        stand_top,
        |_| pitch_top,
        |_, y| mix(shade(stand, 0.7), stand, (y - roof) / (pitch_top - roof)),
        1.0,
    );
    // The crowd.
    let crowd = [
        s.pal.accent,
        s.pal.accent2,
        s.pal.light,
        s.pal.mid,
        hex(0xf1e3c8),
        hex(0x3a3a4a),
        s.pal.accent2,
    ];
    let row_h = h * 0.014;
    let light = if s.dark() { 0.75 } else { 0.95 };
    let mut y = roof + bow + h * 0.04;
    while y < pitch_top - h * 0.04 {
        let mut x = s.rng.range(0.0, 1.0) * row_h;
        while x < w {
            if s.rng.chance(0.9) {
                let col = shade(s.rng.pick(&crowd), light * s.rng.range(0.75, 1.0));
                c.circle(x, y + s.rng.range(-0.2, 0.2) * row_h, row_h * 0.36, col, 0.95);
            }
            x += row_h * s.rng.range(0.75, 1.0);
        }
        y += row_h;
        if s.rng.chance(0.08) {
            c.rect(0.0, y - row_h * 0.4, w, y + row_h * 0.3, shade(stand, 0.6), 1.0);
            y += row_h * 0.8;
        }
    }
    // The roof edge and its lights.
    let roof_col = shade(s.pal.deep, 0.45);
    c.fill_cols(
        |x| stand_top(x) - h * 0.04,
        |x| stand_top(x) + h * 0.012,
        |_, _| roof_col,
        1.0,
    );
    let n = 24;
    for i in 0..n {
        let x = (i as f32 + 0.5) / n as f32 * w;
        c.circle(x, stand_top(x) + h * 0.004, h * 0.005, lamp, 0.9);
    }
    // Advertising boards.
    let boards = [s.pal.accent2, s.pal.accent, s.pal.mid, s.pal.light];
    let bt = pitch_top - h * 0.03;
    let mut x = 0.0;
    let mut i = s.rng.int(0, 3) as usize;
    while x < w {
        let bw = w * s.rng.range(0.08, 0.16);
        c.rect(x, bt, x + bw - h * 0.003, pitch_top, boards[i % boards.len()], 1.0);
        c.rect(
            x + bw * 0.15,
            bt + h * 0.011,
            x + bw * 0.7,
            bt + h * 0.019,
            shade(boards[i % boards.len()], 0.6),
            0.8,
        );
        x += bw;
        i += 1;
    }
    // The pitch, striped in perspective.
    let grass = if s.dark() { hex(0x3f8f4c) } else { hex(0x4e9f52) };
    let bands = 9;
    for b in 0..bands {
        let t0 = b as f32 / bands as f32;
        let t1 = (b + 1) as f32 / bands as f32;
        let y0 = pitch_top + (h - pitch_top) * t0.powf(1.5);
        let y1 = pitch_top + (h - pitch_top) * t1.powf(1.5);
        let col = if b % 2 == 0 { grass } else { shade(grass, 0.88) };
        c.rect(
            0.0,
            y0,
            w,
            y1 + 1.0,
            Paint::VGrad {
                y0: pitch_top,
                c0: shade(col, 0.85),
                y1: h,
                c1: col,
            },
            1.0,
        );
    }
    let chalk = hex(0xf4f7f2);
    let lw = h * 0.005;
    let top_line = pitch_top + h * 0.035;
    c.rect(0.0, top_line, w, top_line + lw * 0.8, chalk, 0.85);
    let mx = s.rng.range(0.4, 0.6) * w;
    let vx = (mx - w / 2.0) * 0.5;
    c.line(mx, top_line, mx + vx, h, lw, chalk, 0.85);
    let cy = top_line + (h - top_line) * 0.48;
    let cx = mx + vx * 0.48;
    c.ring(cx, cy, w * 0.15, h * 0.13, lw * 1.2, chalk, 0.85, |_, _| true);
    c.circle(cx, cy, lw * 1.6, chalk, 0.9);
    // Players and the ball.
    let kit_a = s.pal.accent2;
    let kit_b = if s.pal.accent[0] + s.pal.accent[1] > 1.6 {
        hex(0xf5f5f0)
    } else {
        s.pal.accent
    };
    let mut ball_done = false;
    for i in 0..s.rng.int(7, 12) {
        let py = top_line + (h - top_line) * s.rng.range(0.1, 0.85);
        let px = s.rng.range(0.08, 0.92) * w;
        let k = h * 0.05 * (0.45 + 0.9 * (py - top_line) / (h - top_line));
        let kit = if i % 2 == 0 { kit_a } else { kit_b };
        let skin = s
            .rng
            .pick(&[hex(0x6b4430), hex(0x8d5a3b), hex(0xc28860), hex(0x4a2e22)]);
        c.ellipse(px, py, k * 0.35, k * 0.08, hex(0x0f2a14), 0.35);
        let stride = s.rng.range(-0.25, 0.25);
        c.line(
            px - k * 0.08,
            py - k * 0.55,
            px - k * (0.1 + stride),
            py,
            k * 0.1,
            skin,
            1.0,
        );
        c.line(
            px + k * 0.08,
            py - k * 0.55,
            px + k * (0.1 + stride),
            py,
            k * 0.1,
            skin,
            1.0,
        );
        c.rect(
            px - k * 0.16,
            py - k * 0.62,
            px + k * 0.16,
            py - k * 0.45,
            shade(kit, 0.5),
            1.0,
        );
        c.polygon(
            &[
                (px - k * 0.2, py - k * 1.05),
                (px + k * 0.2, py - k * 1.05),
                (px + k * 0.16, py - k * 0.6),
                (px - k * 0.16, py - k * 0.6),
            ],
            kit,
            1.0,
        );
        c.line(
            px - k * 0.18,
            py - k * 1.0,
            px - k * 0.35,
            py - k * 0.7,
            k * 0.08,
            skin,
            1.0,
        );
        c.line(
            px + k * 0.18,
            py - k * 1.0,
            px + k * 0.35,
            py - k * 0.7,
            k * 0.08,
            skin,
            1.0,
        );
        c.circle(px, py - k * 1.18, k * 0.13, skin, 1.0);
        if !ball_done && py > top_line + (h - top_line) * 0.3 {
            c.ellipse(px + k * 0.35, py + k * 0.02, k * 0.12, k * 0.03, hex(0x0f2a14), 0.3);
            c.circle(px + k * 0.35, py - k * 0.08, k * 0.09, hex(0xfdfdfd), 1.0);
            ball_done = true;
        }
    }
    if s.dark() {
        // Light falling from the masts.
        for &mx in &masts {
            c.polygon(
                &[
                    (mx - h * 0.03, h * 0.05),
                    (mx + h * 0.03, h * 0.05),
                    (w / 2.0 + (mx - w / 2.0) * 0.2, h),
                    (mx, h),
                ],
                lamp,
                0.05,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn wedge(c: &mut Canvas, cx: f32, cy: f32, r0: f32, r1: f32, a0: f32, a1: f32, col: Rgb) {
    c.apply(cx - r1, cy - r1, cx + r1, cy + r1, |x, y, _| {
        let (dx, dy) = (x - cx, y - cy);
        let d = (dx * dx + dy * dy).sqrt();
        if d < r0 || d > r1 {
            return None;
        }
        let mut a = dy.atan2(dx);
        if a < a0 {
            a += TAU;
        }
        (a >= a0 && a <= a1).then_some((col, 1.0))
    });
}

#[allow(clippy::needless_range_loop)]
fn chart(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    let dark = s.rng.chance(0.45);
    let (bg0, bg1, ink) = if dark {
        (shade(s.pal.deep, 1.15), shade(s.pal.deep, 0.75), s.pal.light)
    } else {
        (lighten(s.pal.light, 0.4), mix(s.pal.light, s.pal.far, 0.25), s.pal.deep)
    };
    c.vgradient(&[(0.0, bg0), (1.0, bg1)]);
    // Big soft shapes in the background.
    for _ in 0..3 {
        let (x, y) = (s.rng.range(0.0, 1.0) * w, s.rng.range(0.0, 1.0) * h);
        c.circle(x, y, h * s.rng.range(0.2, 0.5), s.pal.mid, 0.07);
    }
    let donut = s.rng.chance(0.55);
    let (x0, x1) = (w * 0.08, if donut { w * 0.6 } else { w * 0.92 });
    let (y0, y1) = (h * 0.14, h * 0.84);
    for i in 0..=5 {
        let y = y1 - (y1 - y0) * i as f32 / 5.0;
        c.rect(
            x0,
            y - h * 0.002,
            x1,
            y + h * 0.002,
            ink,
            if i == 0 { 0.6 } else { 0.13 },
        );
    }
    let n = s.rng.int(6, 10) as usize;
    let mut v = s.rng.range(0.2, 0.4);
    let mut vals = Vec::new();
    for _ in 0..n {
        v = (v + s.rng.range(-0.12, 0.2)).clamp(0.12, 0.95);
        vals.push(v);
    }
    let slot = (x1 - x0) / n as f32;
    let bar = s.pal.mid;
    for i in 0..n {
        let bx = x0 + slot * (i as f32 + 0.2);
        let top = y1 - (y1 - y0) * vals[i];
        let col = if i == n - 1 { s.pal.accent } else { bar };
        c.rect(
            bx,
            top,
            bx + slot * 0.6,
            y1,
            Paint::VGrad {
                y0: top,
                c0: col,
                y1,
                c1: shade(col, 0.72),
            },
            1.0,
        );
        c.rect(bx, top, bx + slot * 0.6, top + h * 0.008, lighten(col, 0.35), 1.0);
    }
    // A second series as a line over the bars.
    let mut pts = Vec::new();
    let mut u = s.rng.range(0.4, 0.6);
    for i in 0..n {
        u = (u + s.rng.range(-0.15, 0.15)).clamp(0.2, 0.95);
        pts.push((x0 + slot * (i as f32 + 0.5), y1 - (y1 - y0) * u));
    }
    let line_col = if dark {
        s.pal.accent2
    } else {
        shade(s.pal.accent2, 0.85)
    };
    let mut area = pts.clone();
    area.push((pts[n - 1].0, y1));
    area.push((pts[0].0, y1));
    c.polygon(&area, line_col, 0.14);
    c.polyline(&pts, h * 0.009, line_col, 1.0);
    for p in &pts {
        c.circle(p.0, p.1, h * 0.016, line_col, 1.0);
        c.circle(p.0, p.1, h * 0.008, bg0, 1.0);
    }
    if donut {
        let (cx, cy) = (w * 0.8, h * 0.48);
        let (r0, r1) = (h * 0.16, h * 0.28);
        let parts: Vec<f32> = (0..4).map(|_| s.rng.range(0.5, 1.5)).collect();
        let total: f32 = parts.iter().sum();
        let cols = [s.pal.accent, s.pal.mid, s.pal.accent2, mix(s.pal.far, bg0, 0.3)];
        let mut a = -PI / 2.0;
        for (i, p) in parts.iter().enumerate() {
            let span = p / total * TAU;
            wedge(c, cx, cy, r0, r1, a + 0.02, a + span - 0.02, cols[i]);
            a += span;
        }
        c.circle(cx, cy, r0 * 0.45, s.pal.accent, 0.9);
    } else {
        // A rising arrow across the chart.
        let (ax0, ay0) = (x0 + (x1 - x0) * 0.1, y1 - (y1 - y0) * 0.15);
        let (ax1, ay1) = (x1 - (x1 - x0) * 0.08, y0 + (y1 - y0) * 0.05);
        let arrow = s.pal.accent;
        c.line(ax0, ay0, ax1, ay1, h * 0.018, arrow, 0.9);
        let ang = (ay1 - ay0).atan2(ax1 - ax0);
        let k = h * 0.06;
        c.polygon(
            &[
                (ax1 + ang.cos() * k * 0.6, ay1 + ang.sin() * k * 0.6),
                (ax1 + (ang + 2.4).cos() * k, ay1 + (ang + 2.4).sin() * k),
                (ax1 + (ang - 2.4).cos() * k, ay1 + (ang - 2.4).sin() * k),
            ],
            arrow,
            0.9,
        );
    }
    // Coins.
    if s.rng.chance(0.6) {
        let gold = hex(0xe9b949);
        let cx = if donut { w * 0.8 } else { w * 0.86 };
        for stack in 0..2 {
            let sx = cx + (stack as f32 - 0.5) * h * 0.16;
            let base = h * 0.93 - stack as f32 * h * 0.01;
            let cnt = s.rng.int(3, 7);
            for i in 0..cnt {
                let y = base - i as f32 * h * 0.022;
                c.ellipse(sx, y + h * 0.01, h * 0.065, h * 0.022, shade(gold, 0.7), 1.0);
                c.rect(sx - h * 0.065, y, sx + h * 0.065, y + h * 0.01, shade(gold, 0.75), 1.0);
                c.ellipse(sx, y, h * 0.065, h * 0.022, gold, 1.0);
            }
        }
    }
}

fn globe(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    s.sky_top = shade(mix(s.pal.deep, hex(0x0a1030), 0.5), 0.8);
    s.sky_bottom = mix(s.pal.deep, s.pal.mid, 0.25);
    c.vgradient(&[(0.0, s.sky_top), (1.0, s.sky_bottom)]);
    for _ in 0..(w * h / 9000.0) as usize {
        let (x, y) = (s.rng.range(0.0, w), s.rng.range(0.0, h));
        c.circle(
            x,
            y,
            s.rng.range(0.6, 2.4) * h / 900.0,
            hex(0xfdf8e6),
            s.rng.range(0.25, 0.9),
        );
    }
    let (cx, cy) = (w * s.rng.range(0.42, 0.58), h * s.rng.range(0.5, 0.56));
    let r = h * s.rng.range(0.35, 0.4);
    c.glow(cx, cy, r * 1.45, lighten(s.pal.water, 0.45), 0.5);
    let tilt = 0.35f32;
    let (ox, oy) = (r * 1.65, r * 0.36);
    let ring_col = lighten(s.pal.accent2, 0.2);
    c.ring(cx, cy, ox, oy, h * 0.006, ring_col, 0.55, |_, y| y < cy);
    // The sphere, lit from the top left, with noise continents and a grid.
    let rot = s.rng.range(0.0, TAU);
    let seed = s.seed;
    let (ocean, land) = (s.pal.water, s.pal.land);
    let grid = lighten(s.pal.water, 0.5);
    let lgt = {
        let v = [-0.55f32, 0.55, 0.63];
        let n = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
        [v[0] / n, v[1] / n, v[2] / n]
    };
    c.apply(cx - r, cy - r, cx + r, cy + r, |x, y, _| {
        let (nx, ny) = ((x - cx) / r, (y - cy) / r);
        let d2 = nx * nx + ny * ny;
        if d2 > 1.0 {
            return None;
        }
        let nz = (1.0 - d2).sqrt();
        let (vx, vy, vz) = (nx, -ny, nz);
        // Tilt about x, then spin about y.
        let (y1, z1) = (vy * tilt.cos() - vz * tilt.sin(), vy * tilt.sin() + vz * tilt.cos());
        let (x2, z2) = (vx * rot.cos() + z1 * rot.sin(), -vx * rot.sin() + z1 * rot.cos());
        let n = fbm(x2 * 1.6 + 5.0, y1 * 1.6 + 5.0, z2 * 1.6 + 5.0, seed, 4);
        let mut col = if n > 0.53 {
            let k = ((n - 0.53) * 6.0).clamp(0.0, 1.0);
            mix(land, shade(mix(land, hex(0x8a7a4a), 0.4), 0.85), k)
        } else {
            mix(ocean, shade(ocean, 0.8), ((0.53 - n) * 4.0).clamp(0.0, 1.0))
        };
        if (0.515..=0.53).contains(&n) {
            col = lighten(ocean, 0.25);
        }
        let lat = y1.clamp(-1.0, 1.0).asin();
        let lon = x2.atan2(z2);
        let step = PI / 9.0;
        let dl = ((lon / step) - (lon / step).round()).abs() * step * lat.cos() * nz.max(0.2);
        let dp = ((lat / step) - (lat / step).round()).abs() * step * nz.max(0.2);
        let lw = 0.0045;
        if dl < lw || dp < lw {
            col = mix(col, grid, 0.35);
        }
        let lambert = (vx * lgt[0] + vy * lgt[1] + vz * lgt[2]).max(0.0);
        let lit = 0.3 + 0.85 * lambert;
        col = shade(col, lit);
        // Rim light and atmosphere at the edge.
        let rim = smoothstep(0.86, 1.0, d2.sqrt());
        col = mix(col, lighten(ocean, 0.5), rim * 0.45);
        Some((col, 1.0))
    });
    // Front half of the orbit, with a satellite.
    c.ring(cx, cy, ox, oy, h * 0.006, ring_col, 0.85, |_, y| y >= cy);
    let a = s.rng.range(0.2, 0.8) * PI;
    let (sx, sy) = (cx + ox * a.cos(), cy + oy * a.sin());
    c.rect(
        sx - h * 0.012,
        sy - h * 0.008,
        sx + h * 0.012,
        sy + h * 0.008,
        s.pal.light,
        1.0,
    );
    c.rect(
        sx - h * 0.045,
        sy - h * 0.006,
        sx - h * 0.016,
        sy + h * 0.006,
        s.pal.accent2,
        1.0,
    );
    c.rect(
        sx + h * 0.016,
        sy - h * 0.006,
        sx + h * 0.045,
        sy + h * 0.006,
        s.pal.accent2,
        1.0,
    );
    // Routes arcing over the face of the globe.
    let route = s.pal.accent;
    for _ in 0..s.rng.int(2, 4) {
        let p = |rng: &mut Rng| {
            let (a, d) = (rng.range(0.0, TAU), rng.range(0.1, 0.75) * r);
            (cx + a.cos() * d, cy + a.sin() * d)
        };
        let (a0, a1) = (p(&mut s.rng), p(&mut s.rng));
        let mid = ((a0.0 + a1.0) / 2.0, (a0.1 + a1.1) / 2.0);
        let dist = ((a1.0 - a0.0).powi(2) + (a1.1 - a0.1).powi(2)).sqrt();
        let ctrl = (mid.0, mid.1 - dist * 0.45);
        let pts: Vec<(f32, f32)> = (0..=30)
            .map(|i| {
                let t = i as f32 / 30.0;
                let u = 1.0 - t;
                (
                    u * u * a0.0 + 2.0 * u * t * ctrl.0 + t * t * a1.0,
                    u * u * a0.1 + 2.0 * u * t * ctrl.1 + t * t * a1.1,
                )
            })
            .collect();
        c.polyline(&pts, h * 0.005, route, 0.9);
        for e in [a0, a1] {
            c.circle(e.0, e.1, h * 0.012, route, 1.0);
            c.circle(e.0, e.1, h * 0.005, s.pal.light, 1.0);
        }
    }
}

/// A standing figure, feet at (x, g), `k` tall.
fn figure(c: &mut Canvas, s: &mut Scene, x: f32, g: f32, k: f32, col: Rgb) {
    let spread = s.rng.range(0.06, 0.14) * k;
    c.line(x - k * 0.05, g - k * 0.5, x - spread, g, k * 0.075, col, 1.0);
    c.line(x + k * 0.05, g - k * 0.5, x + spread, g, k * 0.075, col, 1.0);
    c.polygon(
        &[
            (x - k * 0.13, g - k * 0.82),
            (x + k * 0.13, g - k * 0.82),
            (x + k * 0.1, g - k * 0.46),
            (x - k * 0.1, g - k * 0.46),
        ],
        col,
        1.0,
    );
    let raise = s.rng.chance(0.4);
    let side = if s.rng.chance(0.5) { 1.0 } else { -1.0 };
    if raise {
        c.line(
            x + side * k * 0.1,
            g - k * 0.8,
            x + side * k * 0.28,
            g - k * 1.1,
            k * 0.06,
            col,
            1.0,
        );
    } else {
        c.line(
            x + side * k * 0.1,
            g - k * 0.8,
            x + side * k * 0.22,
            g - k * 0.52,
            k * 0.06,
            col,
            1.0,
        );
    }
    c.line(
        x - side * k * 0.1,
        g - k * 0.8,
        x - side * k * 0.2,
        g - k * 0.55,
        k * 0.06,
        col,
        1.0,
    );
    c.circle(x, g - k * 0.92, k * 0.085, col, 1.0);
}

fn stage(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    let back = shade(s.pal.deep, 0.8);
    c.vgradient(&[(0.0, shade(back, 0.6)), (0.6, back), (1.0, shade(back, 0.7))]);
    // A backdrop: a large disc and rays.
    let (bx, by) = (w * s.rng.range(0.4, 0.6), h * s.rng.range(0.35, 0.45));
    c.glow(bx, by, h * 0.6, s.pal.accent, 0.35);
    c.circle(
        bx,
        by,
        h * s.rng.range(0.2, 0.26),
        mix(s.pal.accent2, s.pal.accent, 0.3),
        0.55,
    );
    let floor_back = h * 0.62;
    let floor_front = h * 0.8;
    // Beams.
    let beam = lighten(s.pal.accent2, 0.5);
    let n = s.rng.int(3, 5);
    let mut pools = Vec::new();
    for i in 0..n {
        let ox = w * (0.15 + 0.7 * (i as f32 + s.rng.range(0.2, 0.8)) / n as f32);
        let tx = w * s.rng.range(0.3, 0.7);
        let ty = s.rng.range(floor_back + h * 0.03, floor_front - h * 0.03);
        let half = w * 0.06;
        let col = if i % 2 == 0 { beam } else { lighten(s.pal.accent, 0.5) };
        c.polygon(
            &[
                (ox - w * 0.008, -h * 0.02),
                (ox + w * 0.008, -h * 0.02),
                (tx + half, ty),
                (tx - half, ty),
            ],
            col,
            0.13,
        );
        pools.push((tx, ty, half, col));
    }
    // The stage floor.
    let wood = mix(s.pal.near, hex(0x6b4226), 0.55);
    let inset = w * 0.12;
    c.polygon(
        &[
            (inset, floor_back),
            (w - inset, floor_back),
            (w, floor_front),
            (0.0, floor_front),
        ],
        Paint::VGrad {
            y0: floor_back,
            c0: shade(wood, 0.55),
            y1: floor_front,
            c1: wood,
        },
        1.0,
    );
    for i in 0..=16 {
        let t = i as f32 / 16.0;
        c.line(
            inset + (w - 2.0 * inset) * t,
            floor_back,
            w * t,
            floor_front,
            h * 0.002,
            shade(wood, 0.6),
            0.5,
        );
    }
    c.rect(0.0, floor_front, w, h, shade(wood, 0.4), 1.0);
    for (tx, ty, half, col) in &pools {
        c.ellipse(*tx, *ty, *half * 1.1, h * 0.03, *col, 0.35);
    }
    // Performers.
    let silhouette = shade(s.pal.deep, 0.35);
    let m = s.rng.int(1, 3);
    for i in 0..m {
        let x = w * (0.5 + (i as f32 - (m - 1) as f32 / 2.0) * s.rng.range(0.13, 0.18));
        let g = s.rng.range(floor_back + h * 0.06, floor_front - h * 0.04);
        let k = h * s.rng.range(0.3, 0.36);
        c.glow(x, g - k * 0.6, k * 0.8, beam, 0.18);
        figure(c, s, x, g, k, silhouette);
        if i == 0 {
            // A microphone stand.
            let mx = x + k * 0.3;
            c.line(mx, g, mx, g - k * 0.75, k * 0.02, silhouette, 1.0);
            c.line(mx, g - k * 0.75, mx - k * 0.15, g - k * 0.85, k * 0.02, silhouette, 1.0);
            c.circle(mx - k * 0.16, g - k * 0.86, k * 0.03, silhouette, 1.0);
        }
    }
    // Curtains and valance.
    let curtain = mix(s.pal.accent, s.pal.deep, 0.45);
    let tie = h * s.rng.range(0.5, 0.62);
    let edge = move |y: f32| -> f32 {
        if y < tie {
            w * 0.17 - w * 0.09 * (y / tie).powf(1.6)
        } else {
            w * 0.08 + w * 0.05 * ((y - tie) / (h - tie)).powf(0.8)
        }
    };
    for left in [true, false] {
        c.apply(0.0, 0.0, w, h, |x, y, _| {
            let d = if left { x } else { w - x };
            let e = edge(y);
            if d > e {
                return None;
            }
            let fold = (d / (w * 0.022) * PI).sin();
            let k = 0.62 + 0.38 * fold * fold;
            let edge_dark = 1.0 - 0.35 * smoothstep(e * 0.7, e, d);
            Some((shade(curtain, k * edge_dark), 1.0))
        });
    }
    c.apply(0.0, 0.0, w, h * 0.16, |x, y, _| {
        let bottom = h * 0.1 + h * 0.035 * (x / (w / 7.0) * PI).sin().abs();
        if y > bottom {
            return None;
        }
        let fold = (x / (w * 0.03) * PI).sin();
        Some((shade(curtain, 0.7 + 0.25 * fold * fold), 1.0))
    });
    // The audience, in silhouette.
    let crowd = shade(s.pal.deep, 0.18);
    for row in 0..2 {
        let base = h * (0.95 + row as f32 * 0.06);
        let mut x = s.rng.range(-0.03, 0.0) * w;
        while x < w * 1.03 {
            let hr = h * s.rng.range(0.034, 0.045) * (1.0 + row as f32 * 0.15);
            let y = base - hr * s.rng.range(1.4, 1.9);
            c.ellipse(x, base, hr * 1.9, hr * 1.1, crowd, 1.0);
            c.circle(x, y, hr, crowd, 1.0);
            if s.rng.chance(0.08) {
                c.line(
                    x + hr * 0.8,
                    base - hr,
                    x + hr * 1.4,
                    y - hr * 2.2,
                    hr * 0.35,
                    crowd,
                    1.0,
                );
                c.rect(
                    x + hr * 1.2,
                    y - hr * 3.0,
                    x + hr * 1.7,
                    y - hr * 2.2,
                    lighten(beam, 0.5),
                    0.95,
                );
            }
            x += hr * s.rng.range(2.4, 3.2);
        }
    }
}

fn fields(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    let hz = h * s.rng.range(0.4, 0.48);
    s.sky(c, hz);
    for k in 0..2 {
        let parts = wave_parts(&mut s.rng, w, 3, 1.0 + k as f32);
        let col = s.land(mix(s.pal.far, s.pal.land, 0.4 + k as f32 * 0.3), 0.8 - k as f32 * 0.3);
        let base = hz + h * 0.02 * k as f32;
        c.fill_below(
            |x| base - h * (0.05 - 0.02 * k as f32) * (1.0 + wave(x, &parts) / 1.8),
            col,
            1.0,
        );
    }
    let crops = [
        mix(s.pal.land, hex(0x9cb86a), 0.5),
        hex(0xd9b75e),
        mix(s.pal.mid, hex(0x6b8f3a), 0.5),
        hex(0xc49a5a),
        hex(0x8fae5a),
        mix(s.pal.far, hex(0xe2c87e), 0.5),
    ];
    // Patchwork fields, in perspective towards a vanishing point.
    let vp = w * s.rng.range(0.3, 0.7);
    let f_top = hz + h * 0.04;
    let f_bot = h * s.rng.range(0.7, 0.76);
    let rows = 3;
    let solar_row = if s.rng.chance(0.5) { s.rng.int(1, 2) } else { -1 };
    let mut farm = None;
    for r in 0..rows {
        let t0 = (r as f32 / rows as f32).powf(1.4);
        let t1 = ((r + 1) as f32 / rows as f32).powf(1.4);
        let (ya, yb) = (f_top + (f_bot - f_top) * t0, f_top + (f_bot - f_top) * t1);
        let k = |y: f32| 0.35 + 2.6 * (y - hz) / (h - hz);
        let mut u = -1.6;
        while u < 1.6 {
            let du = s.rng.range(0.18, 0.45);
            let (ua, ub) = (u, u + du);
            let pt = |uu: f32, y: f32| (vp + uu * w * 0.5 * k(y), y);
            let quad = [pt(ua, ya), pt(ub, ya), pt(ub, yb), pt(ua, yb)];
            let crop = {
                let picked = s.rng.pick(&crops);
                s.land(picked, 0.35 * (1.0 - t1))
            };
            c.polygon(&quad, crop, 1.0);
            let furrow = shade(crop, 0.82);
            let lines = s.rng.int(6, 12);
            let across = s.rng.chance(0.5);
            for j in 1..lines {
                let t = j as f32 / lines as f32;
                if across {
                    let y = ya + (yb - ya) * t;
                    let (p, q) = (pt(ua, y), pt(ub, y));
                    c.line(p.0, p.1, q.0, q.1, h * 0.002 * (0.5 + t1), furrow, 0.6);
                } else {
                    let uu = ua + (ub - ua) * t;
                    let (p, q) = (pt(uu, ya), pt(uu, yb));
                    c.line(p.0, p.1, q.0, q.1, h * 0.002 * (0.5 + t1), furrow, 0.6);
                }
            }
            if r == solar_row && (ua + ub).abs() < 1.2 && s.rng.chance(0.7) {
                // Rows of solar panels.
                let panel = hex(0x1e3a5f);
                let rows_n = 4;
                for pr in 0..rows_n {
                    let y = ya + (yb - ya) * (pr as f32 + 0.35) / rows_n as f32;
                    let ph = (yb - ya) / rows_n as f32 * 0.5;
                    let (p, q) = (pt(ua + du * 0.08, y), pt(ub - du * 0.08, y));
                    c.polygon(
                        &[
                            (p.0 + ph * 0.3, p.1 - ph),
                            (q.0 + ph * 0.3, q.1 - ph),
                            (q.0, q.1),
                            (p.0, p.1),
                        ],
                        panel,
                        1.0,
                    );
                    c.line(
                        p.0 + ph * 0.15,
                        p.1 - ph * 0.5,
                        q.0 + ph * 0.15,
                        q.1 - ph * 0.5,
                        h * 0.0015,
                        lighten(panel, 0.4),
                        0.8,
                    );
                    c.line(
                        p.0 + ph * 0.3,
                        p.1 - ph,
                        q.0 + ph * 0.3,
                        q.1 - ph,
                        h * 0.002,
                        lighten(s.sky_bottom, 0.3),
                        0.9,
                    );
                }
            }
            // A hedge of round trees along the top edge.
            if s.rng.chance(0.35) {
                let tk = h * 0.012 * k(ya);
                let mut uu = ua;
                while uu < ub {
                    let p = pt(uu, ya);
                    let tree = s.land(shade(s.pal.near, 0.8), 0.3 * (1.0 - t0));
                    c.circle(p.0, p.1 - tk, tk, tree, 1.0);
                    uu += tk * 1.5 / (w * 0.5 * k(ya));
                }
            }
            if farm.is_none() && r == 1 && (ua + ub).abs() < 1.6 && s.rng.chance(0.3) {
                farm = Some(pt((ua + ub) / 2.0, (ya + yb) / 2.0));
            }
            u = ub;
        }
    }
    if let Some((fx, fy)) = farm {
        let k = h * 0.06;
        let wall = s.land(s.pal.light, 0.2);
        c.rect(fx - k, fy - k * 0.7, fx + k, fy, wall, 1.0);
        c.rect(fx + k * 0.2, fy - k * 0.7, fx + k, fy, shade(wall, 0.85), 1.0);
        c.polygon(
            &[
                (fx - k * 1.1, fy - k * 0.7),
                (fx + k * 1.1, fy - k * 0.7),
                (fx + k * 0.8, fy - k * 1.1),
                (fx - k * 0.8, fy - k * 1.1),
            ],
            s.land(s.pal.near, 0.2),
            1.0,
        );
        c.rect(
            fx - k * 0.6,
            fy - k * 0.4,
            fx - k * 0.35,
            fy,
            s.land(s.pal.accent, 0.2),
            1.0,
        );
    }
    // The near field: alternating furrows converging to the vanishing point.
    let soil = s.land(mix(s.pal.deep, hex(0x6b4a2e), 0.55), 0.0);
    let crop = {
        let picked = s.rng.pick(&crops);
        s.land(picked, 0.0)
    };
    let n = 26;
    let at = |u: f32, y: f32| vp + (u - vp) * (y - hz) / (h - hz);
    for i in 0..n {
        let u0 = -w + 3.0 * w * i as f32 / n as f32;
        let u1 = -w + 3.0 * w * (i as f32 + 1.0) / n as f32;
        let col = if i % 2 == 0 { soil } else { crop };
        c.polygon(
            &[(at(u0, f_bot), f_bot), (at(u1, f_bot), f_bot), (u1, h), (u0, h)],
            Paint::VGrad {
                y0: f_bot,
                c0: shade(col, 0.85),
                y1: h,
                c1: col,
            },
            1.0,
        );
    }
    c.rect(
        0.0,
        f_bot - h * 0.006,
        w,
        f_bot + h * 0.004,
        s.land(shade(s.pal.near, 0.7), 0.0),
        1.0,
    );
    // Trees at the edge of the near field: cypresses and round crowns.
    for _ in 0..s.rng.int(2, 5) {
        let x = s.rng.range(0.0, 1.0) * w;
        let th = h * s.rng.range(0.1, 0.18);
        let tree = s.land(shade(s.pal.near, 0.75), 0.0);
        if s.rng.chance(0.5) {
            c.ellipse(x, f_bot - th * 0.5, th * 0.14, th * 0.55, tree, 1.0);
        } else {
            c.line(x, f_bot, x, f_bot - th * 0.5, th * 0.07, shade(tree, 0.6), 1.0);
            c.circle(x, f_bot - th * 0.65, th * 0.3, tree, 1.0);
            c.circle(x - th * 0.1, f_bot - th * 0.75, th * 0.18, lighten(tree, 0.08), 1.0);
        }
    }
}

fn port(c: &mut Canvas, s: &mut Scene) {
    let (w, h) = (c.wf(), c.hf());
    let hz = h * s.rng.range(0.5, 0.56);
    s.sky(c, hz);
    // The far shore.
    let far = s.land(s.pal.far, 0.8);
    let mut x = 0.0;
    while x < w {
        let bw = w * s.rng.range(0.015, 0.05);
        let top = hz - h * s.rng.range(0.01, 0.05);
        c.rect(x, top, x + bw, hz + 1.0, far, 1.0);
        x += bw;
    }
    let water = s.land(s.pal.water, 0.0);
    c.rect(
        0.0,
        hz,
        w,
        h,
        Paint::VGrad {
            y0: hz,
            c0: mix(water, s.sky_bottom, 0.4),
            y1: h,
            c1: shade(water, 0.75),
        },
        1.0,
    );
    for _ in 0..120 {
        let t = s.rng.f().powf(1.3);
        let y = hz + (h - hz) * t;
        let len = w * (0.01 + 0.05 * t) * s.rng.range(0.5, 1.0);
        let x = s.rng.range(-0.05, 1.0) * w;
        c.rect(x, y, x + len, y + h * (0.0015 + 0.003 * t), lighten(water, 0.3), 0.3);
    }
    let quay = h * s.rng.range(0.8, 0.85);
    let crane_col = if s.dark() {
        shade(s.pal.deep, 0.5)
    } else {
        {
            let picked = s.rng.pick(&[s.pal.accent, s.pal.accent2, hex(0xd9482b)]);
            s.land(picked, 0.0)
        }
    };
    // Cranes behind the ship.
    let cranes = s.rng.int(2, 3);
    let mut crane_x = Vec::new();
    for i in 0..cranes {
        let cx = w * (0.25 + 0.55 * (i as f32 + s.rng.range(0.2, 0.8)) / cranes as f32);
        crane_x.push(cx);
        let top = h * s.rng.range(0.1, 0.18);
        let boom = top + h * 0.09;
        let lw = h * 0.012;
        let span = h * 0.14;
        for leg in [-1.0, 1.0] {
            c.line(
                cx + leg * span / 2.0,
                quay,
                cx + leg * span / 2.0,
                boom,
                lw,
                crane_col,
                1.0,
            );
        }
        c.line(
            cx - span / 2.0,
            boom + h * 0.12,
            cx + span / 2.0,
            boom + h * 0.12,
            lw * 0.8,
            crane_col,
            1.0,
        );
        c.line(
            cx - span / 2.0,
            boom + h * 0.12,
            cx + span / 2.0,
            quay - h * 0.08,
            lw * 0.5,
            crane_col,
            1.0,
        );
        let (b0, b1) = (cx - span * 2.6, cx + span * 0.9);
        c.rect(b0, boom - lw * 0.9, b1, boom + lw * 0.9, crane_col, 1.0);
        c.line(cx - span / 2.0, boom, cx, top, lw * 0.8, crane_col, 1.0);
        c.line(cx + span / 2.0, boom, cx, top, lw * 0.8, crane_col, 1.0);
        c.line(cx, top, b0 + span * 0.3, boom, lw * 0.35, crane_col, 1.0);
        c.line(cx, top, b1, boom, lw * 0.35, crane_col, 1.0);
        let trolley = b0 + (cx - b0) * s.rng.range(0.2, 0.7);
        c.rect(
            trolley - lw * 1.5,
            boom,
            trolley + lw * 1.5,
            boom + lw * 2.0,
            shade(crane_col, 0.7),
            1.0,
        );
        c.line(
            trolley,
            boom + lw * 2.0,
            trolley,
            boom + h * 0.16,
            h * 0.002,
            shade(crane_col, 0.5),
            1.0,
        );
        if s.dark() {
            c.circle(cx, top, h * 0.006, hex(0xff4a3a), 1.0);
            c.glow(cx, top, h * 0.03, hex(0xff4a3a), 0.5);
        }
    }
    // The ship alongside the quay.
    let waterline = quay - h * s.rng.range(0.01, 0.03);
    let deck = waterline - h * s.rng.range(0.09, 0.12);
    let (x0, x1) = (w * s.rng.range(-0.05, 0.12), w * s.rng.range(0.72, 0.9));
    let bow_right = s.rng.chance(0.5);
    let hull = {
        let picked = s.rng.pick(&[hex(0x1d2d44), hex(0x7a1f1f), hex(0x22313f), s.pal.deep]);
        s.land(picked, 0.0)
    };
    let pts = if bow_right {
        vec![
            (x0, deck),
            (x1 + h * 0.06, deck - h * 0.02),
            (x1, waterline),
            (x0 + h * 0.02, waterline),
        ]
    } else {
        vec![
            (x0 - h * 0.06, deck - h * 0.02),
            (x1, deck),
            (x1 - h * 0.02, waterline),
            (x0, waterline),
        ]
    };
    c.polygon(&pts, hull, 1.0);
    c.rect(
        x0 + h * 0.02,
        waterline - h * 0.02,
        x1 - h * 0.01,
        waterline,
        hex(0x9b2d20),
        1.0,
    );
    c.rect(x0, deck, x1, deck + h * 0.008, lighten(hull, 0.25), 1.0);
    let containers = s.rng.chance(0.6);
    let (bridge_x0, bridge_x1) = if bow_right {
        (x0 + w * 0.03, x0 + w * 0.09)
    } else {
        (x1 - w * 0.09, x1 - w * 0.03)
    };
    let cargo0 = if bow_right { bridge_x1 + w * 0.01 } else { x0 + w * 0.05 };
    let cargo1 = if bow_right { x1 - w * 0.05 } else { bridge_x0 - w * 0.01 };
    if containers {
        let box_cols = [
            hex(0xd9622b),
            hex(0x2b6cb0),
            hex(0xc53030),
            hex(0x2f855a),
            hex(0x718096),
            hex(0xd69e2e),
            s.pal.accent,
        ];
        let (cw, ch) = (w * 0.028, h * 0.026);
        let mut x = cargo0;
        while x + cw < cargo1 {
            let stack = s.rng.int(2, 5);
            for j in 0..stack {
                let col = {
                    let picked = s.rng.pick(&box_cols);
                    s.land(picked, 0.05)
                };
                let y = deck - (j + 1) as f32 * ch;
                c.rect(x, y, x + cw - h * 0.003, y + ch - h * 0.003, col, 1.0);
                c.rect(
                    x + cw * 0.15,
                    y + ch * 0.2,
                    x + cw * 0.2,
                    y + ch * 0.75,
                    shade(col, 0.75),
                    1.0,
                );
                c.rect(
                    x + cw * 0.55,
                    y + ch * 0.2,
                    x + cw * 0.6,
                    y + ch * 0.75,
                    shade(col, 0.75),
                    1.0,
                );
            }
            x += cw;
        }
    } else {
        // A bulk carrier: hatches and deck cranes.
        let mut x = cargo0;
        let hw = w * 0.06;
        while x + hw < cargo1 {
            c.rect(x, deck - h * 0.02, x + hw * 0.8, deck, shade(hull, 1.4), 1.0);
            c.line(
                x + hw * 0.9,
                deck,
                x + hw * 0.9,
                deck - h * 0.08,
                h * 0.006,
                s.land(s.pal.accent2, 0.0),
                1.0,
            );
            c.line(
                x + hw * 0.9,
                deck - h * 0.08,
                x + hw * 0.3,
                deck - h * 0.05,
                h * 0.004,
                s.land(s.pal.accent2, 0.0),
                1.0,
            );
            x += hw;
        }
    }
    let white = s.land(hex(0xf4f4ef), 0.0);
    let bridge_top = deck - h * 0.14;
    c.rect(bridge_x0, bridge_top, bridge_x1, deck, white, 1.0);
    c.rect(
        bridge_x0 - w * 0.008,
        bridge_top,
        bridge_x1 + w * 0.008,
        bridge_top + h * 0.012,
        white,
        1.0,
    );
    for r in 0..3 {
        let y = bridge_top + h * 0.025 + r as f32 * h * 0.035;
        let glass = if s.dark() { s.lamp() } else { hex(0x2d3748) };
        c.rect(
            bridge_x0 + w * 0.006,
            y,
            bridge_x1 - w * 0.006,
            y + h * 0.012,
            glass,
            0.9,
        );
    }
    let fx = (bridge_x0 + bridge_x1) / 2.0;
    c.rect(
        fx - w * 0.01,
        bridge_top - h * 0.05,
        fx + w * 0.01,
        bridge_top,
        s.land(s.pal.accent, 0.0),
        1.0,
    );
    c.rect(
        fx - w * 0.01,
        bridge_top - h * 0.05,
        fx + w * 0.01,
        bridge_top - h * 0.04,
        shade(hull, 0.6),
        1.0,
    );
    // Reflection of the hull.
    c.rect(x0, waterline, x1, quay, shade(hull, 0.7), 0.35);
    // The quay, with stacked containers and bollards.
    let concrete = s.land(mix(s.pal.light, hex(0x8a8f94), 0.45), 0.0);
    c.rect(
        0.0,
        quay,
        w,
        h,
        Paint::VGrad {
            y0: quay,
            c0: concrete,
            y1: h,
            c1: shade(concrete, 0.78),
        },
        1.0,
    );
    c.rect(0.0, quay, w, quay + h * 0.01, lighten(concrete, 0.3), 1.0);
    for i in 0..12 {
        let bx = (i as f32 + 0.5) / 12.0 * w;
        c.rect(
            bx - h * 0.008,
            quay - h * 0.012,
            bx + h * 0.008,
            quay,
            shade(concrete, 0.4),
            1.0,
        );
    }
    let box_cols = [
        hex(0xd9622b),
        hex(0x2b6cb0),
        hex(0xc53030),
        hex(0x2f855a),
        s.pal.accent2,
    ];
    let (cw, ch) = (w * 0.06, h * 0.045);
    let mut x = s.rng.range(-0.05, 0.3) * w;
    let end = x + w * s.rng.range(0.3, 0.6);
    while x < end {
        for j in 0..s.rng.int(1, 3) {
            let col = {
                let picked = s.rng.pick(&box_cols);
                s.land(picked, 0.0)
            };
            let y = h * 0.97 - (j + 1) as f32 * ch;
            c.rect(x, y, x + cw - h * 0.004, y + ch - h * 0.004, col, 1.0);
            for r in 1..6 {
                let lx = x + cw * r as f32 / 6.0;
                c.rect(
                    lx - h * 0.001,
                    y + ch * 0.1,
                    lx + h * 0.001,
                    y + ch * 0.85,
                    shade(col, 0.75),
                    1.0,
                );
            }
        }
        x += cw;
    }
    // Gulls.
    for _ in 0..s.rng.int(2, 5) {
        let (gx, gy) = (s.rng.range(0.05, 0.95) * w, s.rng.range(0.08, 0.35) * h);
        let k = h * s.rng.range(0.012, 0.022);
        let col = if s.dark() {
            lighten(s.sky_top, 0.3)
        } else {
            shade(s.pal.deep, 0.6)
        };
        c.polyline(
            &[(gx - k, gy - k * 0.3), (gx - k * 0.4, gy - k * 0.45), (gx, gy)],
            h * 0.003,
            col,
            1.0,
        );
        c.polyline(
            &[(gx, gy), (gx + k * 0.4, gy - k * 0.45), (gx + k, gy - k * 0.3)],
            h * 0.003,
            col,
            1.0,
        );
    }
    let _ = crane_x;
}

/// An abstract geometric portrait for an author, `size`×`size` pixels.
pub fn render_avatar(slug: &str, size: u32) -> RgbImage {
    let seed = fnv64(format!("avatar|{slug}").as_bytes());
    let mut rng = Rng::new(seed);
    let n = size as usize * 2;
    let mut c = Canvas::new(n, n);
    let z = n as f32;
    let schemes: [(u32, u32, u32, u32); 6] = [
        (0xf2d0a9, 0xd98e5f, 0x1f8a84, 0x3d2c2e),
        (0xcfe3e8, 0x4a7fb5, 0xe63946, 0x1d3557),
        (0xe8f1e4, 0x2a9d8f, 0xe9b949, 0x264653),
        (0xf6d6e3, 0x8a5fa8, 0xffc857, 0x2a1340),
        (0xf7e2b5, 0xd9822b, 0x4f6b2c, 0x3b2a1a),
        (0xdfe7f0, 0x5b6fb5, 0xf4a261, 0x22313f),
    ];
    let (bg, a1, a2, dark) = schemes[(seed % 6) as usize];
    let (bg, a1, a2, dark) = (hex(bg), hex(a1), hex(a2), hex(dark));
    c.vgradient(&[(0.0, lighten(bg, 0.2)), (1.0, bg)]);
    // Background geometry: a large disc, a diagonal band, small dots.
    let (dx, dy) = (rng.range(0.2, 0.8) * z, rng.range(0.15, 0.5) * z);
    c.circle(dx, dy, z * rng.range(0.3, 0.45), a1, 0.35);
    let k = rng.range(-0.6, 0.6);
    c.polygon(
        &[
            (0.0, z * (0.7 + k * 0.2)),
            (z, z * (0.35 - k * 0.2)),
            (z, z * (0.5 - k * 0.2)),
            (0.0, z * (0.85 + k * 0.2)),
        ],
        a2,
        0.25,
    );
    for i in 0..5 {
        let (x, y) = (z * (0.08 + 0.05 * i as f32), z * 0.12);
        c.circle(x, y, z * 0.012, dark, 0.35);
    }
    let skins = [0xf1c9a5, 0xe0ac84, 0xc68642, 0x8d5524, 0x6b4430, 0xd9a47c];
    let skin = hex(skins[rng.int(0, 5) as usize]);
    let hairs = [0x1c1410, 0x3b2417, 0x6a4328, 0x2e2a28, 0x8a5a34, 0x4a4a4a];
    let hair = hex(hairs[rng.int(0, 5) as usize]);
    let cloth = mix(rng.pick(&[a1, a2, dark]), dark, 0.25);
    let (cx, cy) = (z * 0.5, z * 0.45);
    let (hw, hh) = (z * 0.15, z * 0.19);
    let style = rng.int(0, 4);
    // Long hair falls behind the shoulders.
    if style == 2 {
        c.rect(cx - hw * 1.25, cy - hh * 0.3, cx + hw * 1.25, cy + hh * 1.6, hair, 1.0);
        c.ellipse(cx, cy + hh * 1.6, hw * 1.25, hh * 0.3, hair, 1.0);
    }
    // Shoulders and neck.
    c.ellipse(cx, z * 1.02, z * 0.36, z * 0.3, cloth, 1.0);
    c.polygon(
        &[(cx - z * 0.1, z * 0.74), (cx + z * 0.1, z * 0.74), (cx, z * 0.86)],
        shade(cloth, 0.75),
        1.0,
    );
    c.rect(
        cx - hw * 0.42,
        cy + hh * 0.6,
        cx + hw * 0.42,
        z * 0.76,
        shade(skin, 0.88),
        1.0,
    );
    c.ellipse(cx, z * 0.75, hw * 0.42, hh * 0.14, shade(skin, 0.88), 1.0);
    // Hair volume behind the head.
    match style {
        0 => c.ellipse(cx, cy - hh * 0.25, hw * 1.12, hh * 0.9, hair, 1.0),
        1 => {
            for i in 0..9 {
                let a = PI + i as f32 / 8.0 * PI;
                c.circle(
                    cx + a.cos() * hw * 0.95,
                    cy - hh * 0.15 + a.sin() * hh * 0.85,
                    hw * 0.38,
                    hair,
                    1.0,
                );
            }
        }
        2 => c.ellipse(cx, cy - hh * 0.2, hw * 1.2, hh * 1.0, hair, 1.0),
        3 => {
            c.circle(cx, cy - hh * 1.15, hw * 0.45, hair, 1.0);
            c.ellipse(cx, cy - hh * 0.25, hw * 1.08, hh * 0.9, hair, 1.0);
        }
        _ => c.ellipse(cx, cy - hh * 0.35, hw * 1.05, hh * 0.75, hair, 1.0),
    }
    // The face: an oval with a geometric half-shadow.
    c.ellipse(cx, cy, hw, hh, skin, 1.0);
    let side = if rng.chance(0.5) { 1.0 } else { -1.0 };
    c.apply(cx - hw, cy - hh, cx + hw, cy + hh, |x, y, _| {
        let inside = ((x - cx) / hw).powi(2) + ((y - cy) / hh).powi(2) <= 1.0;
        (inside && (x - cx) * side > 0.0).then_some((shade(skin, 0.82), 0.6))
    });
    c.ellipse(
        cx - hw * 0.98,
        cy + hh * 0.05,
        hw * 0.14,
        hh * 0.2,
        shade(skin, 0.9),
        1.0,
    );
    c.ellipse(
        cx + hw * 0.98,
        cy + hh * 0.05,
        hw * 0.14,
        hh * 0.2,
        shade(skin, 0.9),
        1.0,
    );
    // Fringe over the forehead.
    match style {
        0 | 3 => c.polygon(
            &[
                (cx - hw * 1.02, cy - hh * 0.2),
                (cx - hw * 0.9, cy - hh * 0.85),
                (cx + hw * 0.9, cy - hh * 0.85),
                (cx + hw * 1.02, cy - hh * 0.3),
                (cx + hw * 0.2 * side, cy - hh * 0.5),
            ],
            hair,
            1.0,
        ),
        1 => {
            for i in 0..5 {
                c.circle(cx + (i as f32 - 2.0) * hw * 0.42, cy - hh * 0.78, hw * 0.3, hair, 1.0);
            }
        }
        2 => c.polygon(
            &[
                (cx - hw * 1.05, cy + hh * 0.2),
                (cx - hw, cy - hh * 0.8),
                (cx + hw, cy - hh * 0.8),
                (cx + hw * 0.2, cy - hh * 0.55),
            ],
            hair,
            1.0,
        ),
        _ => c.ellipse(cx, cy - hh * 0.78, hw * 0.92, hh * 0.3, hair, 1.0),
    }
    // Minimal features: eyes, brows, and sometimes glasses.
    let eye_y = cy + hh * 0.05;
    let ink = shade(hair, 0.8);
    for ex in [-1.0, 1.0] {
        c.ellipse(cx + ex * hw * 0.4, eye_y, hw * 0.09, hh * 0.05, ink, 1.0);
        c.line(
            cx + ex * hw * 0.25,
            eye_y - hh * 0.17,
            cx + ex * hw * 0.58,
            eye_y - hh * 0.2,
            hh * 0.04,
            ink,
            1.0,
        );
    }
    c.line(
        cx + side * hw * 0.05,
        cy + hh * 0.1,
        cx + side * hw * 0.12,
        cy + hh * 0.35,
        hh * 0.03,
        shade(skin, 0.75),
        1.0,
    );
    c.line(
        cx - hw * 0.2,
        cy + hh * 0.55,
        cx + hw * 0.2,
        cy + hh * 0.55,
        hh * 0.04,
        shade(skin, 0.6),
        1.0,
    );
    if rng.chance(0.35) {
        for ex in [-1.0, 1.0] {
            c.ring(
                cx + ex * hw * 0.4,
                eye_y,
                hw * 0.28,
                hh * 0.17,
                hh * 0.035,
                dark,
                1.0,
                |_, _| true,
            );
        }
        c.line(cx - hw * 0.13, eye_y, cx + hw * 0.13, eye_y, hh * 0.03, dark, 1.0);
    }
    c.finish(2, 0.012, 0.1, seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn motifs_parse_by_name() {
        for m in Motif::ALL {
            assert_eq!(Motif::parse(m.name()), Some(m));
        }
        assert_eq!(Motif::parse("volcano"), None);
    }

    #[test]
    fn scenes_are_deterministic_and_colourful() {
        for m in Motif::ALL {
            let a = render_scene(m, "maghreb", "une-slug", 96, 54);
            let b = render_scene(m, "maghreb", "une-slug", 96, 54);
            assert_eq!(a.as_raw(), b.as_raw(), "{m:?}");
            assert_eq!(a.dimensions(), (96, 54));
            // Not a flat box: many distinct colours and some contrast.
            let mut colours: Vec<[u8; 3]> = a.pixels().map(|p| p.0).collect();
            colours.sort();
            colours.dedup();
            assert!(colours.len() > 300, "{m:?}: {} colours", colours.len());
            let luma: Vec<f32> = a
                .pixels()
                .map(|p| 0.3 * p.0[0] as f32 + 0.59 * p.0[1] as f32 + 0.11 * p.0[2] as f32)
                .collect();
            let (lo, hi) = luma.iter().fold((255f32, 0f32), |(l, h), &v| (l.min(v), h.max(v)));
            assert!(hi - lo > 60.0, "{m:?}: contrast {}", hi - lo);
        }
    }

    #[test]
    fn the_slug_and_category_vary_the_scene() {
        let a = render_scene(Motif::Coast, "maghreb", "a", 64, 36);
        assert_ne!(a.as_raw(), render_scene(Motif::Coast, "maghreb", "b", 64, 36).as_raw());
        assert_ne!(a.as_raw(), render_scene(Motif::Coast, "culture", "a", 64, 36).as_raw());
    }

    #[test]
    fn avatars_are_deterministic() {
        let a = render_avatar("karim-ouazzani", 64);
        assert_eq!(a.as_raw(), render_avatar("karim-ouazzani", 64).as_raw());
        assert_ne!(a.as_raw(), render_avatar("leila-benali", 64).as_raw());
    }
}
