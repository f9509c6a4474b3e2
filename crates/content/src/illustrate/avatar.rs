//! Authors' abstract geometric portraits.

use std::f32::consts::PI;

use image::RgbImage;

use crate::canvas::*;

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
