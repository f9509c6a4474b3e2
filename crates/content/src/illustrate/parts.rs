//! Shapes several scenes share: wave profiles, palms, buildings.

use super::*;

/// A smooth 1-D wave, for hill and dune profiles: sum of sines.
pub(super) fn wave(x: f32, parts: &[(f32, f32, f32)]) -> f32 {
    parts
        .iter()
        .map(|&(amp, freq, phase)| amp * (x * freq + phase).sin())
        .sum()
}

pub(super) fn wave_parts(rng: &mut Rng, w: f32, n: usize, base_freq: f32) -> Vec<(f32, f32, f32)> {
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
pub(super) fn palm(c: &mut Canvas, s: &mut Scene, x: f32, ground: f32, height: f32, col: Rgb) {
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
pub(super) fn building(
    c: &mut Canvas,
    s: &mut Scene,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    col: Rgb,
    win: f32,
    lit: f32,
) {
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
