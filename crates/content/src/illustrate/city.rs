//! Town scenes: a skyline and a coast.

use super::*;

pub(super) fn skyline(c: &mut Canvas, s: &mut Scene) {
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

pub(super) fn coast(c: &mut Canvas, s: &mut Scene) {
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
