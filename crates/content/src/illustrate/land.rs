//! Landscapes: desert (with its camel), mountains, fields.

use super::*;

pub(super) fn desert(c: &mut Canvas, s: &mut Scene) {
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

pub(super) fn camel(c: &mut Canvas, x: f32, g: f32, k: f32, dir: f32, col: Rgb) {
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

pub(super) fn mountains(c: &mut Canvas, s: &mut Scene) {
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

pub(super) fn fields(c: &mut Canvas, s: &mut Scene) {
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
