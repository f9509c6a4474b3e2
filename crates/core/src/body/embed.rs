//! Embeds for allowlisted providers only. The player URL is rebuilt from a
//! validated ID (never copied from the input), except SoundCloud's, whose
//! query is kept after checking it, and OpenStreetMap's, rebuilt from
//! validated numbers.

use super::image::dim;
use super::text::collapse;
use crate::model::{Block, EmbedProvider};
use crate::url::safe_url;

/// Where the allowed players live: every `embed_url` starts with one of
/// these (the CSP's `frame-src`).
pub const EMBED_ORIGINS: [&str; 5] = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://w.soundcloud.com",
    "https://www.openstreetmap.org",
];

/// Decoded `<iframe>` attributes (or a bare URL, with the rest `None`).
#[derive(Default)]
pub(crate) struct EmbedAttrs<'a> {
    pub src: &'a str,
    pub title: Option<&'a str>,
    pub width: Option<&'a str>,
    pub height: Option<&'a str>,
}

const MAX_TITLE: usize = 200;

/// The embed, if `src` points to an allowlisted provider.
pub(crate) fn embed(a: &EmbedAttrs) -> Option<Block> {
    let url = safe_url(a.src)?;
    let p = Parsed::new(&url)?;
    let (provider, url, embed_url) = youtube(&p)
        .or_else(|| vimeo(&p))
        .or_else(|| dailymotion(&p))
        .or_else(|| soundcloud(&p))
        .or_else(|| osm(&p))?;
    let (dw, dh, default_title) = match provider {
        EmbedProvider::Youtube => (560, 315, "Vidéo YouTube"),
        EmbedProvider::Vimeo => (560, 315, "Vidéo Vimeo"),
        EmbedProvider::Dailymotion => (560, 315, "Vidéo Dailymotion"),
        EmbedProvider::Soundcloud => (560, 166, "Audio SoundCloud"),
        EmbedProvider::Openstreetmap => (600, 450, "Carte OpenStreetMap"),
    };
    let title = a
        .title
        .map(collapse)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| default_title.to_string());
    let title = title.chars().take(MAX_TITLE).collect();
    let width = a.width.and_then(dim).unwrap_or(dw);
    let height = a.height.and_then(dim).unwrap_or(dh);
    Some(Block::Embed {
        provider,
        url,
        embed_url,
        title,
        width,
        height,
    })
}

type Found = (EmbedProvider, String, String);

struct Parsed<'a> {
    host: String,
    path: &'a str,
    query: &'a str,
}

impl<'a> Parsed<'a> {
    /// Splits an http(s) URL (as normalized by `safe_url`).
    fn new(url: &'a str) -> Option<Parsed<'a>> {
        let after = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
        let end = after.find(['/', '?', '#', '\\']).unwrap_or(after.len());
        let auth = after.get(..end)?;
        if auth.contains(['@', ':']) {
            return None; // credentials or ports: not a provider URL
        }
        let host = auth.to_ascii_lowercase().trim_end_matches('.').to_string();
        let rest = after.get(end..)?;
        let rest = rest.split('#').next().unwrap_or("");
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        Some(Parsed { host, path, query })
    }

    fn segments(&self) -> impl Iterator<Item = &'a str> {
        self.path.split('/').filter(|s| !s.is_empty())
    }

    fn param(&self, key: &str) -> Option<&'a str> {
        self.query.split('&').find_map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (k == key).then_some(v)
        })
    }
}

fn valid_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn youtube(p: &Parsed) -> Option<Found> {
    let mut seg = p.segments();
    let id = match p.host.as_str() {
        "youtu.be" | "www.youtu.be" => seg.next(),
        "youtube.com" | "www.youtube.com" | "m.youtube.com" => match seg.next() {
            Some("watch") => p.param("v"),
            Some("embed" | "shorts" | "live" | "v") => seg.next(),
            _ => None,
        },
        "youtube-nocookie.com" | "www.youtube-nocookie.com" => match seg.next() {
            Some("embed") => seg.next(),
            _ => None,
        },
        _ => None,
    }?;
    (valid_id(id) && id != "videoseries").then(|| {
        let page = format!("https://www.youtube.com/watch?v={id}");
        (
            EmbedProvider::Youtube,
            page,
            format!("https://www.youtube-nocookie.com/embed/{id}"),
        )
    })
}

fn vimeo(p: &Parsed) -> Option<Found> {
    let mut seg = p.segments();
    let id = match p.host.as_str() {
        "player.vimeo.com" => match seg.next() {
            Some("video") => seg.next(),
            _ => None,
        },
        // vimeo.com/ID, vimeo.com/channels/name/ID: the first numeric segment.
        "vimeo.com" | "www.vimeo.com" => seg.find(|s| s.bytes().all(|b| b.is_ascii_digit())),
        _ => None,
    }?;
    (valid_id(id) && id.bytes().all(|b| b.is_ascii_digit())).then(|| {
        (
            EmbedProvider::Vimeo,
            format!("https://vimeo.com/{id}"),
            format!("https://player.vimeo.com/video/{id}"),
        )
    })
}

fn dailymotion(p: &Parsed) -> Option<Found> {
    let mut seg = p.segments();
    let id = match p.host.as_str() {
        "dailymotion.com" | "www.dailymotion.com" => match seg.next() {
            Some("video") => seg.next(),
            Some("embed") if seg.next() == Some("video") => seg.next(),
            _ => None,
        },
        "dai.ly" => seg.next(),
        "geo.dailymotion.com" => p.param("video"),
        _ => None,
    }?;
    let id = id.split('_').next().unwrap_or(""); // old URLs: ID_title-slug
    valid_id(id).then(|| {
        let page = format!("https://www.dailymotion.com/video/{id}");
        (
            EmbedProvider::Dailymotion,
            page,
            format!("https://www.dailymotion.com/embed/video/{id}"),
        )
    })
}

/// Percent-decoding (for query values); `None` if not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = |j: usize| b.get(j).and_then(|h| char::from(*h).to_digit(16));
        match (c, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).ok()?);
                i += 3;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Printable ASCII without quotes, angle brackets, backslash or backtick.
fn plain_query(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'\\' | b'`'))
}

fn soundcloud(p: &Parsed) -> Option<Found> {
    if p.host != "w.soundcloud.com" || !matches!(p.path, "/player" | "/player/") || !plain_query(p.query) {
        return None;
    }
    let target = percent_decode(p.param("url")?)?;
    let target = target
        .strip_prefix("https://")
        .or_else(|| target.strip_prefix("http://"))?;
    let host = target.split(['/', '?', '#']).next().unwrap_or("");
    if !matches!(host, "api.soundcloud.com" | "soundcloud.com" | "www.soundcloud.com") {
        return None;
    }
    let embed_url = format!("https://w.soundcloud.com/player/?{}", p.query);
    // The public page is known only when the player points to one, not to the API.
    let page = match host {
        "soundcloud.com" | "www.soundcloud.com" if plain_query(target) => format!("https://{target}"),
        _ => embed_url.clone(),
    };
    Some((EmbedProvider::Soundcloud, page, embed_url))
}

/// A coordinate: a plain decimal number within ±180.
fn coord(s: &str) -> bool {
    (1..=24).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'))
        && s.parse::<f64>().is_ok_and(|v| v.is_finite() && v.abs() <= 180.0)
}

fn osm(p: &Parsed) -> Option<Found> {
    if !matches!(p.host.as_str(), "www.openstreetmap.org" | "openstreetmap.org") || p.path != "/export/embed.html" {
        return None;
    }
    let bbox = percent_decode(p.param("bbox")?)?;
    let nums: Vec<&str> = bbox.split(',').map(str::trim).collect();
    if nums.len() != 4 || !nums.iter().all(|n| coord(n)) {
        return None;
    }
    let bbox = nums.join(",");
    let layer = p
        .param("layer")
        .filter(|l| valid_id(l) && l.len() <= 32)
        .unwrap_or("mapnik");
    let marker = p.param("marker").and_then(percent_decode).and_then(|m| {
        let (lat, lon) = m.split_once(',')?;
        let (lat, lon) = (lat.trim(), lon.trim());
        (coord(lat) && coord(lon)).then(|| (lat.to_string(), lon.to_string()))
    });
    let mut embed_url = format!("https://www.openstreetmap.org/export/embed.html?bbox={bbox}&layer={layer}");
    let mut page = format!("https://www.openstreetmap.org/?bbox={bbox}");
    if let Some((lat, lon)) = marker {
        embed_url.push_str(&format!("&marker={lat},{lon}"));
        page.push_str(&format!("&mlat={lat}&mlon={lon}"));
    }
    Some((EmbedProvider::Openstreetmap, page, embed_url))
}

#[cfg(test)]
mod tests {
    use super::{embed, EmbedAttrs};
    use crate::model::{Block, EmbedProvider};

    fn e(src: &str) -> Option<(EmbedProvider, String, String)> {
        match embed(&EmbedAttrs {
            src,
            ..Default::default()
        })? {
            Block::Embed {
                provider,
                url,
                embed_url,
                ..
            } => Some((provider, url, embed_url)),
            _ => None,
        }
    }

    #[test]
    fn every_player_is_under_an_allowed_origin() {
        for src in [
            "https://youtu.be/dQw4w9WgXcQ",
            "https://vimeo.com/76979871",
            "https://www.dailymotion.com/video/x7tgad0",
            "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/1",
            "https://www.openstreetmap.org/export/embed.html?bbox=-7.7,33.5,-7.5,33.6&layer=mapnik",
        ] {
            let (_, _, player) = e(src).unwrap_or_else(|| panic!("{src}"));
            assert!(
                super::EMBED_ORIGINS
                    .iter()
                    .any(|o| player.starts_with(&format!("{o}/"))),
                "{player}"
            );
        }
    }

    #[test]
    fn youtube_forms() {
        let want = Some((
            EmbedProvider::Youtube,
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ".to_string(),
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ".to_string(),
        ));
        for src in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42",
            "http://youtube.com/watch?feature=x&v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=abc",
            "https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed",
            "//www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://m.youtube.com/shorts/dQw4w9WgXcQ",
            "HTTPS://WWW.YOUTUBE.COM/embed/dQw4w9WgXcQ",
        ] {
            assert_eq!(e(src), want, "{src}");
        }
        for bad in [
            "https://www.youtube.com/watch?v=<script>",
            "https://www.youtube.com/watch?v=",
            "https://www.youtube.com/embed/videoseries?list=PL1",
            "https://evil.example/embed/dQw4w9WgXcQ",
            "https://youtube.com.evil.example/embed/x",
            "https://user@www.youtube.com/embed/dQw4w9WgXcQ",
            "javascript:alert('youtube.com/embed/x')",
        ] {
            assert_eq!(e(bad), None, "{bad}");
        }
    }

    #[test]
    fn vimeo_and_dailymotion() {
        let v = e("https://player.vimeo.com/video/76979871?h=8272103f6e").map(|x| (x.1, x.2));
        let want = (
            "https://vimeo.com/76979871".to_string(),
            "https://player.vimeo.com/video/76979871".to_string(),
        );
        assert_eq!(v, Some(want.clone()));
        assert_eq!(
            e("https://vimeo.com/channels/staffpicks/76979871").map(|x| (x.1, x.2)),
            Some(want)
        );
        assert_eq!(e("https://player.vimeo.com/video/abc"), None);
        let d = e("https://www.dailymotion.com/video/x7tgad0_some-title").map(|x| x.2);
        assert_eq!(d.as_deref(), Some("https://www.dailymotion.com/embed/video/x7tgad0"));
        assert!(e("https://dai.ly/x7tgad0").is_some());
        assert!(e("https://www.dailymotion.com/embed/video/x7tgad0").is_some());
        assert!(e("https://geo.dailymotion.com/player.html?video=x7tgad0").is_some());
    }

    #[test]
    fn soundcloud_player_only() {
        let src = "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&color=%23ff5500";
        let got = e(src).unwrap_or_else(|| panic!("soundcloud"));
        assert_eq!(got.0, EmbedProvider::Soundcloud);
        assert_eq!(got.2, src);
        assert_eq!(
            e("http://w.soundcloud.com/player/?url=https%3A//soundcloud.com/a/b")
                .map(|x| x.1)
                .as_deref(),
            Some("https://soundcloud.com/a/b")
        );
        assert_eq!(e("https://w.soundcloud.com/player/?url=https%3A//evil.example/x"), None);
        assert_eq!(e("https://soundcloud.com/a/b"), None);
        assert_eq!(
            e("https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/a\"onload=x"),
            None
        );
    }

    #[test]
    fn openstreetmap_bbox_validated() {
        let src = "https://www.openstreetmap.org/export/embed.html?bbox=2.29%2C48.85%2C2.30%2C48.86&layer=mapnik&marker=48.855%2C2.295";
        let got = e(src).unwrap_or_else(|| panic!("osm"));
        assert_eq!(got.2, "https://www.openstreetmap.org/export/embed.html?bbox=2.29,48.85,2.30,48.86&layer=mapnik&marker=48.855,2.295");
        assert_eq!(
            got.1,
            "https://www.openstreetmap.org/?bbox=2.29,48.85,2.30,48.86&mlat=48.855&mlon=2.295"
        );
        for bad in [
            "bbox=1,2,3",
            "bbox=1,2,3,x",
            "bbox=1,2,3,400",
            "bbox=1,2,3,4,5",
            "bbox=NaN,1,2,3",
            "layer=x",
        ] {
            let u = format!("https://www.openstreetmap.org/export/embed.html?{bad}");
            assert_eq!(e(&u), None, "{bad}");
        }
    }

    #[test]
    fn title_and_size() {
        let a = EmbedAttrs {
            src: "https://youtu.be/abc",
            title: Some(" Mon  titre "),
            width: Some("640"),
            height: Some("100%"),
        };
        let Some(Block::Embed {
            title, width, height, ..
        }) = embed(&a)
        else {
            panic!("embed")
        };
        assert_eq!((title.as_str(), width, height), ("Mon titre", 640, 315));
        let osm = EmbedAttrs {
            src: "https://openstreetmap.org/export/embed.html?bbox=1,2,3,4",
            ..Default::default()
        };
        let Some(Block::Embed {
            title, width, height, ..
        }) = embed(&osm)
        else {
            panic!("embed")
        };
        assert_eq!((title.as_str(), width, height), ("Carte OpenStreetMap", 600, 450));
    }
}
