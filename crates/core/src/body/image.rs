//! `<img>` attributes → `Image`: safe URLs only, `srcset` width descriptors,
//! an intrinsic size always known so layout never shifts.

use super::text::collapse;
use crate::model::{Image, ImageSource};
use crate::url::safe_url;

/// Decoded attribute values of one `<img>`.
#[derive(Default)]
pub(crate) struct ImgAttrs<'a> {
    pub src: Option<&'a str>,
    pub data_src: Option<&'a str>,
    pub srcset: Option<&'a str>,
    pub data_srcset: Option<&'a str>,
    pub width: Option<&'a str>,
    pub height: Option<&'a str>,
    pub alt: Option<&'a str>,
}

const MAX_DIM: u32 = 10_000;
const MAX_SOURCES: usize = 32;

/// A dimension attribute: digits (optionally `px`), 1..=10000.
pub(crate) fn dim(s: &str) -> Option<u32> {
    let t = s.trim();
    let t = t.strip_suffix("px").unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<u32>().ok().filter(|v| (1..=MAX_DIM).contains(v))
}

/// `x * num / den`, rounded, kept in 1..=10000.
fn scale(x: u32, num: u32, den: u32) -> u32 {
    let den = u64::from(den.max(1));
    let v = (u64::from(x) * u64::from(num) + den / 2) / den;
    u32::try_from(v.clamp(1, u64::from(MAX_DIM))).unwrap_or(MAX_DIM)
}

/// Width and height from the attributes; a missing one follows the
/// fallback's aspect ratio, both missing give the fallback.
fn size(w: Option<u32>, h: Option<u32>, fallback: (u32, u32)) -> (u32, u32) {
    let fb = (fallback.0.clamp(1, MAX_DIM), fallback.1.clamp(1, MAX_DIM));
    match (w, h) {
        (Some(w), Some(h)) => (w, h),
        (Some(w), None) => (w, scale(w, fb.1, fb.0)),
        (None, Some(h)) => (scale(h, fb.0, fb.1), h),
        (None, None) => fb,
    }
}

/// Builds the image, or `None` when no safe URL is available.
pub(crate) fn build(a: &ImgAttrs, fallback: (u32, u32)) -> Option<Image> {
    let (width, height) = size(a.width.and_then(dim), a.height.and_then(dim), fallback);
    let srcset = a.srcset.filter(|s| !s.trim().is_empty()).or(a.data_srcset);
    let sources = srcset.map(|s| parse_srcset(s, width, height)).unwrap_or_default();
    // A lazy-loading placeholder (`data:` src) is refused, so data-src wins then.
    let url = a
        .src
        .and_then(safe_url)
        .or_else(|| a.data_src.and_then(safe_url))
        .or_else(|| sources.last().map(|s| s.url.clone()))?;
    let alt = a.alt.map(collapse).unwrap_or_default();
    Some(Image {
        url,
        width,
        height,
        alt,
        caption: None,
        credit: None,
        sources,
    })
}

/// Parses a `srcset` (WHATWG algorithm, simplified): only candidates with a
/// single `Nw` descriptor and a safe URL; narrowest first, one per width.
pub(crate) fn parse_srcset(s: &str, width: u32, height: u32) -> Vec<ImageSource> {
    let b = s.as_bytes();
    let mut out: Vec<ImageSource> = Vec::new();
    let mut i = 0;
    while out.len() < MAX_SOURCES {
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace() || *c == b',') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        while b.get(i).is_some_and(|c| !c.is_ascii_whitespace()) {
            i += 1;
        }
        let raw_url = s.get(start..i).unwrap_or("");
        let url = raw_url.trim_end_matches(',');
        let mut descriptors = "";
        if url.len() == raw_url.len() {
            // Descriptors run to the next comma outside parentheses.
            let ds = i;
            let mut depth = 0u32;
            while let Some(&c) = b.get(i) {
                match c {
                    b'(' => depth += 1,
                    b')' => depth = depth.saturating_sub(1),
                    b',' if depth == 0 => break,
                    _ => {}
                }
                i += 1;
            }
            descriptors = s.get(ds..i).unwrap_or("");
        }
        let mut parts = descriptors.split_ascii_whitespace();
        let w = match (parts.next(), parts.next()) {
            (Some(d), None) => d.strip_suffix('w').and_then(dim),
            _ => None,
        };
        if let (Some(w), Some(url)) = (w, safe_url(url)) {
            out.push(ImageSource {
                url,
                width: w,
                height: scale(w, height, width),
            });
        }
    }
    out.sort_by_key(|s| s.width);
    out.dedup_by_key(|s| s.width);
    out
}

#[cfg(test)]
mod tests {
    use super::{build, dim, parse_srcset, ImgAttrs};

    #[test]
    fn dimensions() {
        assert_eq!(dim("640"), Some(640));
        assert_eq!(dim(" 640px "), Some(640));
        for bad in ["0", "10001", "-5", "+5", "50%", "1e3", "", "abc", "99999999999"] {
            assert_eq!(dim(bad), None, "{bad}");
        }
    }

    #[test]
    fn srcset_width_descriptors_only_sorted() {
        let s = "https://e.com/b.jpg 1024w, https://e.com/a.jpg 300w,https://e.com/c.jpg 2x, \
                 javascript:alert(1) 500w, data:image/png;base64,AAA 600w, /d.jpg 768w, /e.jpg, /f.jpg 300w";
        let v = parse_srcset(s, 1200, 800);
        let got: Vec<(&str, u32, u32)> = v.iter().map(|s| (s.url.as_str(), s.width, s.height)).collect();
        assert_eq!(
            got,
            [
                ("https://e.com/a.jpg", 300, 200),
                ("/d.jpg", 768, 512),
                ("https://e.com/b.jpg", 1024, 683)
            ]
        );
    }

    #[test]
    fn srcset_urls_with_commas() {
        let v = parse_srcset(
            "https://e.com/w_300,h_200/x.jpg 300w, https://e.com/y.jpg 600w",
            600,
            400,
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].url, "https://e.com/w_300,h_200/x.jpg");
    }

    #[test]
    fn image_from_attributes() {
        let a = ImgAttrs {
            src: Some("https://e.com/x.jpg"),
            width: Some("800"),
            height: Some("600"),
            alt: Some("  Un   chat "),
            ..Default::default()
        };
        let img = build(&a, (1200, 800)).unwrap_or_else(|| panic!("image"));
        assert_eq!(
            (img.url.as_str(), img.width, img.height, img.alt.as_str()),
            ("https://e.com/x.jpg", 800, 600, "Un chat")
        );
        assert!(img.sources.is_empty());
    }

    #[test]
    fn sizes_fall_back() {
        let only_w = ImgAttrs {
            src: Some("/x.jpg"),
            width: Some("600"),
            ..Default::default()
        };
        let img = build(&only_w, (1200, 800)).unwrap_or_else(|| panic!("image"));
        assert_eq!((img.width, img.height), (600, 400));
        let none = ImgAttrs {
            src: Some("/x.jpg"),
            width: Some("100%"),
            ..Default::default()
        };
        let img = build(&none, (1200, 800)).unwrap_or_else(|| panic!("image"));
        assert_eq!((img.width, img.height), (1200, 800));
        let zero = build(
            &ImgAttrs {
                src: Some("/x.jpg"),
                ..Default::default()
            },
            (0, 0),
        );
        assert_eq!(zero.map(|i| (i.width, i.height)), Some((1, 1)));
    }

    #[test]
    fn unsafe_src_is_refused_or_replaced() {
        let bad = ImgAttrs {
            src: Some("javascript:alert(1)"),
            ..Default::default()
        };
        assert!(build(&bad, (1, 1)).is_none());
        let data = ImgAttrs {
            src: Some("data:image/gif;base64,R0lGOD"),
            ..Default::default()
        };
        assert!(build(&data, (1, 1)).is_none());
        let lazy = ImgAttrs {
            src: Some("data:image/gif;base64,R0"),
            data_src: Some("/real.jpg"),
            ..Default::default()
        };
        assert_eq!(build(&lazy, (1, 1)).map(|i| i.url), Some("/real.jpg".to_string()));
        let only_set = ImgAttrs {
            srcset: Some("/a.jpg 300w, /b.jpg 600w"),
            ..Default::default()
        };
        assert_eq!(build(&only_set, (1, 1)).map(|i| i.url), Some("/b.jpg".to_string()));
    }
}
