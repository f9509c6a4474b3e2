//! The port scene.

use super::*;

pub(super) fn port(c: &mut Canvas, s: &mut Scene) {
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
