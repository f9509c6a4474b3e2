//! The stadium scene (sport).

use super::*;

pub(super) fn stadium(c: &mut Canvas, s: &mut Scene) {
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
