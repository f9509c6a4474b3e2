//! A tiny floating-point raster: fills with alpha, drawn at 2× and scaled
//! down for soft edges. Just enough for flat-vector editorial illustrations.

use image::RgbImage;

/// An sRGB colour, components in 0..=1.
pub type Rgb = [f32; 3];

pub fn hex(v: u32) -> Rgb {
    [
        ((v >> 16) & 0xff) as f32 / 255.0,
        ((v >> 8) & 0xff) as f32 / 255.0,
        (v & 0xff) as f32 / 255.0,
    ]
}

pub fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

/// Multiplies the colour (darker below 1).
pub fn shade(c: Rgb, f: f32) -> Rgb {
    [
        (c[0] * f).clamp(0.0, 1.0),
        (c[1] * f).clamp(0.0, 1.0),
        (c[2] * f).clamp(0.0, 1.0),
    ]
}

pub fn lighten(c: Rgb, t: f32) -> Rgb {
    mix(c, [1.0, 1.0, 1.0], t)
}

pub fn smoothstep(e0: f32, e1: f32, x: f32) -> f32 {
    let t = ((x - e0) / (e1 - e0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Deterministic pseudo-random numbers (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Uniform in [a, b).
    pub fn range(&mut self, a: f32, b: f32) -> f32 {
        a + (b - a) * self.f()
    }

    /// Uniform integer in [a, b] (inclusive).
    pub fn int(&mut self, a: i32, b: i32) -> i32 {
        a + (self.next_u64() % ((b - a + 1) as u64)) as i32
    }

    pub fn chance(&mut self, p: f32) -> bool {
        self.f() < p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// Stable 64-bit FNV-1a hash (std's hasher may change between releases).
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A hash of integer coordinates, for grain and value noise.
pub fn hash3(x: i32, y: i32, z: i32, seed: u64) -> u32 {
    let mut h = seed
        ^ (x as u32 as u64).wrapping_mul(0x9e37_79b1)
        ^ (y as u32 as u64).wrapping_mul(0x85eb_ca77) << 1
        ^ (z as u32 as u64).wrapping_mul(0xc2b2_ae3d) << 2;
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h as u32
}

/// Smooth 3-D value noise in [0, 1].
pub fn value_noise(x: f32, y: f32, z: f32, seed: u64) -> f32 {
    let (xi, yi, zi) = (x.floor(), y.floor(), z.floor());
    let (fx, fy, fz) = (x - xi, y - yi, z - zi);
    let (ux, uy, uz) = (
        fx * fx * (3.0 - 2.0 * fx),
        fy * fy * (3.0 - 2.0 * fy),
        fz * fz * (3.0 - 2.0 * fz),
    );
    let (xi, yi, zi) = (xi as i32, yi as i32, zi as i32);
    let v = |dx: i32, dy: i32, dz: i32| hash3(xi + dx, yi + dy, zi + dz, seed) as f32 / u32::MAX as f32;
    let lerp = |a: f32, b: f32, t: f32| a + (b - a) * t;
    let x00 = lerp(v(0, 0, 0), v(1, 0, 0), ux);
    let x10 = lerp(v(0, 1, 0), v(1, 1, 0), ux);
    let x01 = lerp(v(0, 0, 1), v(1, 0, 1), ux);
    let x11 = lerp(v(0, 1, 1), v(1, 1, 1), ux);
    lerp(lerp(x00, x10, uy), lerp(x01, x11, uy), uz)
}

/// Fractal value noise (a few octaves), in about [0, 1].
pub fn fbm(x: f32, y: f32, z: f32, seed: u64, octaves: u32) -> f32 {
    let (mut sum, mut amp, mut freq, mut norm) = (0.0, 1.0, 1.0, 0.0);
    for o in 0..octaves {
        sum += amp * value_noise(x * freq, y * freq, z * freq, seed.wrapping_add(u64::from(o) * 7919));
        norm += amp;
        amp *= 0.5;
        freq *= 2.03;
    }
    sum / norm
}

/// How a shape is coloured: flat, or a vertical gradient.
#[derive(Clone, Copy, Debug)]
pub enum Paint {
    Solid(Rgb),
    /// From colour `c0` at `y0` to `c1` at `y1` (clamped outside).
    VGrad {
        y0: f32,
        c0: Rgb,
        y1: f32,
        c1: Rgb,
    },
}

impl Paint {
    #[inline]
    pub fn at(&self, y: f32) -> Rgb {
        match *self {
            Paint::Solid(c) => c,
            Paint::VGrad { y0, c0, y1, c1 } => mix(c0, c1, (y - y0) / (y1 - y0).max(1e-3)),
        }
    }
}

impl From<Rgb> for Paint {
    fn from(c: Rgb) -> Self {
        Paint::Solid(c)
    }
}

pub struct Canvas {
    pub w: usize,
    pub h: usize,
    px: Vec<Rgb>,
}

impl Canvas {
    pub fn new(w: usize, h: usize) -> Self {
        Canvas {
            w,
            h,
            px: vec![[0.0; 3]; w * h],
        }
    }

    pub fn wf(&self) -> f32 {
        self.w as f32
    }

    pub fn hf(&self) -> f32 {
        self.h as f32
    }

    #[inline]
    pub fn blend(&mut self, x: usize, y: usize, c: Rgb, a: f32) {
        let p = &mut self.px[y * self.w + x];
        if a >= 1.0 {
            *p = c;
        } else if a > 0.0 {
            p[0] += (c[0] - p[0]) * a;
            p[1] += (c[1] - p[1]) * a;
            p[2] += (c[2] - p[2]) * a;
        }
    }

    pub fn get(&self, x: usize, y: usize) -> Rgb {
        self.px[y * self.w + x]
    }

    /// Rows whose pixel centres lie in [y0, y1).
    fn rows(&self, y0: f32, y1: f32) -> std::ops::Range<usize> {
        let a = (y0 - 0.5).ceil().max(0.0) as usize;
        let b = ((y1 - 0.5).ceil().max(0.0) as usize).min(self.h);
        a..b.max(a)
    }

    fn cols(&self, x0: f32, x1: f32) -> std::ops::Range<usize> {
        let a = (x0 - 0.5).ceil().max(0.0) as usize;
        let b = ((x1 - 0.5).ceil().max(0.0) as usize).min(self.w);
        a..b.max(a)
    }

    fn span(&mut self, y: usize, x0: f32, x1: f32, paint: &Paint, a: f32) {
        let c = paint.at(y as f32 + 0.5);
        for x in self.cols(x0, x1) {
            self.blend(x, y, c, a);
        }
    }

    /// Fills the whole canvas with a vertical gradient through `stops`
    /// (position 0..1 from the top, colour).
    pub fn vgradient(&mut self, stops: &[(f32, Rgb)]) {
        for y in 0..self.h {
            let t = (y as f32 + 0.5) / self.h as f32;
            let mut c = stops[0].1;
            for w in stops.windows(2) {
                if t >= w[0].0 {
                    c = mix(w[0].1, w[1].1, (t - w[0].0) / (w[1].0 - w[0].0).max(1e-6));
                }
            }
            if t >= stops[stops.len() - 1].0 {
                c = stops[stops.len() - 1].1;
            }
            for x in 0..self.w {
                self.blend(x, y, c, 1.0);
            }
        }
    }

    pub fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, paint: impl Into<Paint>, a: f32) {
        let paint = paint.into();
        for y in self.rows(y0.min(y1), y0.max(y1)) {
            self.span(y, x0.min(x1), x0.max(x1), &paint, a);
        }
    }

    pub fn ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, paint: impl Into<Paint>, a: f32) {
        let paint = paint.into();
        if rx <= 0.0 || ry <= 0.0 {
            return;
        }
        for y in self.rows(cy - ry, cy + ry) {
            let dy = (y as f32 + 0.5 - cy) / ry;
            let k = 1.0 - dy * dy;
            if k <= 0.0 {
                continue;
            }
            let dx = rx * k.sqrt();
            self.span(y, cx - dx, cx + dx, &paint, a);
        }
    }

    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, paint: impl Into<Paint>, a: f32) {
        self.ellipse(cx, cy, r, r, paint, a);
    }

    /// A soft radial glow: alpha `a` at the centre, fading to 0 at `r`.
    pub fn glow(&mut self, cx: f32, cy: f32, r: f32, c: Rgb, a: f32) {
        for y in self.rows(cy - r, cy + r) {
            let dy = y as f32 + 0.5 - cy;
            for x in self.cols(cx - r, cx + r) {
                let dx = x as f32 + 0.5 - cx;
                let d = (dx * dx + dy * dy).sqrt() / r;
                if d < 1.0 {
                    let f = 1.0 - d;
                    self.blend(x, y, c, a * f * f);
                }
            }
        }
    }

    /// An elliptical ring of width `width`, only where `keep(x, y)` is true.
    #[allow(clippy::too_many_arguments)]
    pub fn ring(
        &mut self,
        cx: f32,
        cy: f32,
        rx: f32,
        ry: f32,
        width: f32,
        c: Rgb,
        a: f32,
        keep: impl Fn(f32, f32) -> bool,
    ) {
        let half = width / 2.0;
        for y in self.rows(cy - ry - half, cy + ry + half) {
            let py = y as f32 + 0.5;
            for x in self.cols(cx - rx - half, cx + rx + half) {
                let px = x as f32 + 0.5;
                let (nx, ny) = ((px - cx) / rx, (py - cy) / ry);
                let q = (nx * nx + ny * ny).sqrt();
                if q == 0.0 {
                    continue;
                }
                // Distance to the ellipse along the ray, in pixels (approximate).
                let scale = ((nx / q * rx).powi(2) + (ny / q * ry).powi(2)).sqrt();
                if ((q - 1.0) * scale).abs() <= half && keep(px, py) {
                    self.blend(x, y, c, a);
                }
            }
        }
    }

    /// A filled polygon (even-odd rule).
    pub fn polygon(&mut self, pts: &[(f32, f32)], paint: impl Into<Paint>, a: f32) {
        let paint = paint.into();
        if pts.len() < 3 {
            return;
        }
        let (mut ymin, mut ymax) = (f32::MAX, f32::MIN);
        for p in pts {
            ymin = ymin.min(p.1);
            ymax = ymax.max(p.1);
        }
        let mut xs: Vec<f32> = Vec::with_capacity(8);
        for y in self.rows(ymin, ymax) {
            let py = y as f32 + 0.5;
            xs.clear();
            for i in 0..pts.len() {
                let (a0, b0) = (pts[i], pts[(i + 1) % pts.len()]);
                if (a0.1 <= py && b0.1 > py) || (b0.1 <= py && a0.1 > py) {
                    xs.push(a0.0 + (py - a0.1) / (b0.1 - a0.1) * (b0.0 - a0.0));
                }
            }
            xs.sort_by(|a, b| a.total_cmp(b));
            for pair in xs.chunks(2) {
                if let [x0, x1] = pair {
                    self.span(y, *x0, *x1, &paint, a);
                }
            }
        }
    }

    /// A straight stroke with square ends.
    #[allow(clippy::too_many_arguments)]
    pub fn line(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, width: f32, paint: impl Into<Paint>, a: f32) {
        let (dx, dy) = (x1 - x0, y1 - y0);
        let len = (dx * dx + dy * dy).sqrt();
        if len == 0.0 {
            return;
        }
        let (nx, ny) = (-dy / len * width / 2.0, dx / len * width / 2.0);
        self.polygon(
            &[
                (x0 + nx, y0 + ny),
                (x1 + nx, y1 + ny),
                (x1 - nx, y1 - ny),
                (x0 - nx, y0 - ny),
            ],
            paint,
            a,
        );
    }

    /// A polyline with round joins.
    pub fn polyline(&mut self, pts: &[(f32, f32)], width: f32, c: Rgb, a: f32) {
        for w in pts.windows(2) {
            self.line(w[0].0, w[0].1, w[1].0, w[1].1, width, c, a);
        }
        for p in pts.iter().skip(1).take(pts.len().saturating_sub(2)) {
            self.circle(p.0, p.1, width / 2.0, c, a);
        }
    }

    /// Fills, per column, from `top(x)` down to `bottom(x)`; the colour may
    /// depend on the position (`color(x, y)`).
    pub fn fill_cols(
        &mut self,
        top: impl Fn(f32) -> f32,
        bottom: impl Fn(f32) -> f32,
        color: impl Fn(f32, f32) -> Rgb,
        a: f32,
    ) {
        for x in 0..self.w {
            let px = x as f32 + 0.5;
            let (t, b) = (top(px), bottom(px));
            for y in self.rows(t, b) {
                let c = color(px, y as f32 + 0.5);
                self.blend(x, y, c, a);
            }
        }
    }

    /// Fills below the curve `top(x)` to the bottom edge.
    pub fn fill_below(&mut self, top: impl Fn(f32) -> f32, paint: impl Into<Paint>, a: f32) {
        let paint = paint.into();
        let h = self.hf();
        self.fill_cols(top, |_| h, |_, y| paint.at(y), a);
    }

    /// Applies `f` to every pixel in the rectangle (for effects such as
    /// shading or per-pixel textures).
    pub fn apply(
        &mut self,
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        mut f: impl FnMut(f32, f32, Rgb) -> Option<(Rgb, f32)>,
    ) {
        for y in self.rows(y0, y1) {
            for x in self.cols(x0, x1) {
                let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
                if let Some((c, a)) = f(px, py, self.get(x, y)) {
                    self.blend(x, y, c, a);
                }
            }
        }
    }

    /// Scales down by `factor` (box filter), adds a soft vignette and a
    /// fine deterministic grain, and returns an 8-bit image.
    pub fn finish(&self, factor: usize, grain: f32, vignette: f32, seed: u64) -> RgbImage {
        let (ow, oh) = (self.w / factor, self.h / factor);
        let n = (factor * factor) as f32;
        let mut out = RgbImage::new(ow as u32, oh as u32);
        for oy in 0..oh {
            for ox in 0..ow {
                let mut acc = [0.0f32; 3];
                for sy in 0..factor {
                    let row = (oy * factor + sy) * self.w + ox * factor;
                    for p in &self.px[row..row + factor] {
                        acc[0] += p[0];
                        acc[1] += p[1];
                        acc[2] += p[2];
                    }
                }
                let (u, v) = ((ox as f32 + 0.5) / ow as f32 - 0.5, (oy as f32 + 0.5) / oh as f32 - 0.5);
                let vig = 1.0 - vignette * (u * u + v * v) * 2.0;
                let g = (hash3(ox as i32, oy as i32, 7, seed) as f32 / u32::MAX as f32 - 0.5) * 2.0 * grain;
                let px = out.get_pixel_mut(ox as u32, oy as u32);
                for (out, a) in px.0.iter_mut().zip(acc) {
                    *out = ((a / n * vig + g).clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
                }
            }
        }
        out
    }
}
