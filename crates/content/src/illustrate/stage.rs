//! The stage scene (culture), with its standing figures.

use super::*;

/// A standing figure, feet at (x, g), `k` tall.
pub(super) fn figure(c: &mut Canvas, s: &mut Scene, x: f32, g: f32, k: f32, col: Rgb) {
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

pub(super) fn stage(c: &mut Canvas, s: &mut Scene) {
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
