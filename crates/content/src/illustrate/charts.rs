//! Abstract scenes: a chart (economy) and a globe (world).

use super::*;

#[allow(clippy::too_many_arguments)]
pub(super) fn wedge(c: &mut Canvas, cx: f32, cy: f32, r0: f32, r1: f32, a0: f32, a1: f32, col: Rgb) {
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
pub(super) fn chart(c: &mut Canvas, s: &mut Scene) {
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

pub(super) fn globe(c: &mut Canvas, s: &mut Scene) {
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
