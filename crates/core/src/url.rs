//! URL allowlist and [`SafeUrl`], the only kind of URL the app writes into
//! an `href`, `src`, `srcset`, `og:image`, preload or JSON-LD field. The
//! checked string is what gets rendered (escaped), so it is checked in its
//! final form, and the scheme is also checked after extra entity decoding and
//! removal of invisible characters, so no encoding trick can smuggle a
//! `javascript:` past the check.

use std::fmt;

use crate::entities::decode;

/// Longer URLs are refused (they are data blobs or attacks, not links).
const MAX_URL: usize = 8192;

/// A URL that passed the allowlist: absolute http(s), `mailto:`,
/// protocol-relative `//host/…` (made `https:`), or site-relative (`/x`, `x`,
/// `#frag`, `?q`). Any other scheme is refused, including when hidden by
/// case, whitespace, control or invisible characters, or entity encoding.
/// The only `data:` URL is [`SafeUrl::blank_image`], built here.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SafeUrl(String);

impl SafeUrl {
    /// The checked (and normalized) URL, or `None` when it is not allowed.
    pub fn new(raw: &str) -> Option<SafeUrl> {
        safe_url(raw).map(SafeUrl)
    }

    /// A transparent SVG of `width` × `height`: it keeps an image's natural
    /// size and aspect ratio, so the box drawn for a missing image does not
    /// change. Built from two numbers, never from outside text.
    pub fn blank_image(width: u32, height: u32) -> SafeUrl {
        SafeUrl(format!(
            "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}'%3E%3C/svg%3E"
        ))
    }

    /// A route's path. Routes format as site-relative paths of checked slugs,
    /// which the allowlist accepts; the check still runs (the home if it
    /// ever refused), so this stays a checked way in.
    pub fn of_route(route: &crate::routes::Route) -> SafeUrl {
        SafeUrl::new(&route.path()).unwrap_or_else(|| SafeUrl("/".into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether it leaves the site (an absolute or protocol-relative URL).
    pub fn is_external(&self) -> bool {
        self.0.contains("://") || self.0.starts_with("//")
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for SafeUrl {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl serde::Serialize for SafeUrl {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Deserializing checks again: page data read back by the browser is
/// outside data like any other.
impl<'de> serde::Deserialize<'de> for SafeUrl {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        if raw.starts_with("data:image/svg+xml,%3Csvg xmlns=") && raw == blank_of(&raw) {
            return Ok(SafeUrl(raw));
        }
        SafeUrl::new(&raw).ok_or_else(|| serde::de::Error::custom("URL not allowed"))
    }
}

/// The blank image a string would be if it were one (to re-admit exactly those).
fn blank_of(raw: &str) -> String {
    let size = |key: &str| -> Option<u32> {
        let start = raw.find(key)? + key.len();
        raw.get(start..)?.split('\'').next()?.parse().ok()
    };
    match (size("width='"), size("height='")) {
        (Some(w), Some(h)) => SafeUrl::blank_image(w, h).0,
        _ => String::new(),
    }
}

/// The allowlist check behind [`SafeUrl::new`].
pub(crate) fn safe_url(raw: &str) -> Option<String> {
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    if trimmed.is_empty() || trimmed.len() > MAX_URL {
        return None;
    }
    // Browsers drop tabs and newlines anywhere in a URL; other controls are junk.
    let clean: String = trimmed.chars().filter(|c| !c.is_control()).collect();
    if !decoded_scheme_ok(&clean) {
        return None;
    }
    normalize(&clean)
}

/// A safe link target, with links to an internal origin made site-relative.
pub(crate) fn link_href(raw: &str, internal: &[String]) -> Option<String> {
    let url = safe_url(raw)?;
    Some(internalize(&url, internal).unwrap_or(url))
}

/// Stricter second look: decode entities up to three times, drop anything
/// invisible, then the scheme (if any) must still be allowed.
fn decoded_scheme_ok(s: &str) -> bool {
    let mut cur = s.to_string();
    for _ in 0..3 {
        let next = decode(&cur).into_owned();
        if next == cur {
            break;
        }
        cur = next;
    }
    let squeezed: String = cur
        .chars()
        .filter(|c| !(c.is_whitespace() || c.is_control() || invisible(*c)))
        .collect();
    match scheme_of(&squeezed) {
        Scheme::None => true,
        Scheme::Named(n) => ["http", "https", "mailto"].iter().any(|a| a.eq_ignore_ascii_case(n)),
        Scheme::Bad => false,
    }
}

fn invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

enum Scheme<'a> {
    None,
    Named(&'a str),
    Bad,
}

/// WHATWG scheme detection, but stricter: any `:` before the first `/`, `?`,
/// `#` or `\` must end a well-formed scheme, or the URL is refused.
fn scheme_of(s: &str) -> Scheme<'_> {
    let end = s.find(['/', '?', '#', '\\']).unwrap_or(s.len());
    let head = s.get(..end).unwrap_or("");
    let Some(colon) = head.find(':') else {
        return Scheme::None;
    };
    let name = head.get(..colon).unwrap_or("");
    let mut chars = name.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if well_formed {
        Scheme::Named(name)
    } else {
        Scheme::Bad
    }
}

fn is_slash(b: u8) -> bool {
    b == b'/' || b == b'\\'
}

/// Browsers read `\` as `/` in http(s) URLs, so `/\host` is protocol-relative too.
fn starts_with_two_slashes(s: &str) -> bool {
    let b = s.as_bytes();
    matches!((b.first(), b.get(1)), (Some(&x), Some(&y)) if is_slash(x) && is_slash(y))
}

fn has_host(after_slashes: &str) -> bool {
    let host = after_slashes.split(['/', '?', '#', '\\']).next().unwrap_or("");
    !host.is_empty()
}

fn normalize(clean: &str) -> Option<String> {
    if starts_with_two_slashes(clean) {
        let rest = clean.get(2..)?;
        return has_host(rest).then(|| format!("https://{rest}"));
    }
    match scheme_of(clean) {
        Scheme::Bad => None,
        Scheme::None => Some(clean.to_string()),
        Scheme::Named(name) => {
            let scheme = name.to_ascii_lowercase();
            let rest = clean.get(name.len() + 1..)?;
            match scheme.as_str() {
                "http" | "https" if starts_with_two_slashes(rest) => {
                    let after = rest.get(2..)?;
                    has_host(after).then(|| format!("{scheme}://{after}"))
                }
                "mailto" if !rest.is_empty() => Some(format!("mailto:{rest}")),
                _ => None,
            }
        }
    }
}

/// `(authority, rest)` of an http(s) URL.
fn split_http(u: &str) -> Option<(&str, &str)> {
    let lower_prefix = |p: &str| u.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let after = if lower_prefix("https://") {
        u.get(8..)?
    } else if lower_prefix("http://") {
        u.get(7..)?
    } else {
        return None;
    };
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    Some((after.get(..end)?, after.get(end..)?))
}

/// Lowercased authority without a default port. http and https compare equal:
/// old posts often link to the `http://` form of the site.
fn norm_authority(a: &str) -> String {
    let mut l = a.to_ascii_lowercase();
    for port in [":443", ":80"] {
        if l.ends_with(port) {
            l.truncate(l.len() - port.len());
        }
    }
    l
}

fn internalize(url: &str, origins: &[String]) -> Option<String> {
    let (auth, rest) = split_http(url)?;
    let auth = norm_authority(auth);
    let internal = origins.iter().any(|o| {
        let o = o.trim().trim_end_matches('/');
        split_http(o).is_some_and(|(a, _)| !a.is_empty() && norm_authority(a) == auth)
    });
    if !internal {
        return None;
    }
    // Collapse leading slashes: "//evil.example" must not become protocol-relative.
    let rest = rest.trim_start_matches(['/', '\\']);
    Some(format!("/{rest}"))
}

#[cfg(test)]
mod tests {
    use super::{link_href, safe_url};

    fn s(u: &str) -> Option<String> {
        safe_url(u)
    }

    #[test]
    fn allows_web_mail_and_relative() {
        assert_eq!(
            s("https://example.com/a?b=1#c").as_deref(),
            Some("https://example.com/a?b=1#c")
        );
        assert_eq!(s("HTTP://Example.com").as_deref(), Some("http://Example.com"));
        assert_eq!(s("mailto:a@example.com").as_deref(), Some("mailto:a@example.com"));
        assert_eq!(
            s("//cdn.example.com/x.jpg").as_deref(),
            Some("https://cdn.example.com/x.jpg")
        );
        for rel in ["/x", "x", "x/y:z", "#frag", "?q=1", "../up", "a?b=c:d"] {
            assert_eq!(s(rel).as_deref(), Some(rel), "{rel}");
        }
        assert_eq!(
            s("  \n https://example.com/ \t").as_deref(),
            Some("https://example.com/")
        );
        assert_eq!(s("https://exa\nmple.com/").as_deref(), Some("https://example.com/"));
    }

    #[test]
    fn rejects_other_schemes() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \n\tjavascript:alert(1)",
            "java\tscript:alert(1)",
            "java\u{0}script:alert(1)",
            "\u{0E}javascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;&#x61;&#x76;&#x61;script:alert(1)",
            "javascript&colon;alert(1)",
            "java&Tab;script:alert(1)",
            "&amp;#106;avascript:alert(1)",
            "java\u{200B}script:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "tel:+33100000000",
            "ftp://example.com",
            "1x:foo",
            "http:example.com",
            "https://",
            "//",
            "///x",
            "mailto:",
            "",
            "   ",
        ] {
            assert_eq!(s(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rejects_overlong() {
        let long = format!("https://example.com/{}", "a".repeat(9000));
        assert_eq!(s(&long), None);
    }

    #[test]
    fn backslash_forms_are_protocol_relative() {
        assert_eq!(s("\\\\evil.example/x").as_deref(), Some("https://evil.example/x"));
        assert_eq!(s("/\\evil.example").as_deref(), Some("https://evil.example"));
        assert_eq!(s("https:\\\\example.com").as_deref(), Some("https://example.com"));
    }

    #[test]
    fn internal_links_become_paths() {
        let o = vec!["https://news.example.com/".to_string()];
        let l = |u: &str| link_href(u, &o);
        assert_eq!(l("https://news.example.com/a/b?c=1#d").as_deref(), Some("/a/b?c=1#d"));
        assert_eq!(l("http://NEWS.example.com:443").as_deref(), Some("/"));
        assert_eq!(l("https://news.example.com?x").as_deref(), Some("/?x"));
        assert_eq!(l("//news.example.com/p").as_deref(), Some("/p"));
        assert_eq!(
            l("https://news.example.com//evil.example/").as_deref(),
            Some("/evil.example/")
        );
        assert_eq!(
            l("https://news.example.com@evil.example/").as_deref(),
            Some("https://news.example.com@evil.example/")
        );
        assert_eq!(l("https://other.example/a").as_deref(), Some("https://other.example/a"));
        assert_eq!(l("javascript:alert(1)"), None);
        assert_eq!(
            link_href("https://news.example.com/a", &[]).as_deref(),
            Some("https://news.example.com/a")
        );
    }
}
