//! What a prerendered page and the bundle agree on: the build that rendered
//! it, the route it was rendered for, and the config it was rendered with.
//! The bundle hydrates a page only when all three match (see `start`), since a
//! mismatched hydration is unrecoverable.

/// The commit this crate was built from (`build.rs`).
pub const BUILD_ID: &str = env!("KIOSQUE_BUILD_ID");

/// The build id as it appears in the wasm binary; `make prerender` looks for
/// it there to refuse a `dist/` built from another commit.
pub const BUILD_MARKER: &str = concat!("kiosque-build:", env!("KIOSQUE_BUILD_ID"), ";");

/// `<meta name=… content="build route config">` in each prerendered head.
pub const STAMP_META: &str = "kiosque-prerender";
/// The `<meta>` naming a prerendered page's data file (its resources, for
/// hydration), which the loader fetches with the app (public/start.js).
pub const DATA_META: &str = "kiosque-data";
/// The `<meta name>` carrying the interface language the prerender used
/// when `config.json` sets none (the source's, e.g. WordPress's language
/// in an export): the app starts in it too, so hydration matches.
pub const LOCALE_META: &str = "kiosque-locale";
/// Likewise the date format (a PHP pattern, `site.date_format`) the
/// prerender wrote dates in when `config.json` sets none: the source's.
pub const DATE_FORMAT_META: &str = "kiosque-date-format";

/// The identity of a prerendered page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub build: String,
    pub route: String,
    pub config: String,
}

impl Stamp {
    pub fn new(route: &str, config_text: &str) -> Stamp {
        Stamp {
            build: BUILD_ID.to_string(),
            route: route_key(route, ""),
            config: config_hash(config_text),
        }
    }

    /// The meta tag's `content`: three space-separated fields (routes are
    /// slugs and slashes, never spaces).
    pub fn to_content(&self) -> String {
        format!("{} {} {}", self.build, self.route, self.config)
    }

    pub fn parse(content: &str) -> Option<Stamp> {
        let mut parts = content.split(' ');
        let stamp = Stamp {
            build: parts.next()?.to_string(),
            route: parts.next()?.to_string(),
            config: parts.next()?.to_string(),
        };
        parts.next().is_none().then_some(stamp)
    }

    /// Whether the running bundle may hydrate this page: same build, same
    /// route, same config.
    pub fn matches(&self, path: &str, base_path: &str, config_text: &str) -> bool {
        self.build == BUILD_ID && self.route == route_key(path, base_path) && self.config == config_hash(config_text)
    }
}

/// A path as a route: without the deploy's base path, query or trailing
/// slash; `/` for the home.
pub fn route_key(path: &str, base_path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let base = base_path.trim_end_matches('/');
    let path = match path.strip_prefix(base) {
        Some(rest) if !base.is_empty() && (rest.is_empty() || rest.starts_with('/')) => rest,
        _ => path,
    };
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else if trimmed.starts_with('/') {
        trimmed.into()
    } else {
        format!("/{trimmed}")
    }
}

/// FNV-1a (64 bits) of the config text, in hex. Not for security: it only
/// tells whether the publisher edited `config.json` since the prerender.
pub fn config_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_normalized() {
        assert_eq!(route_key("/", ""), "/");
        assert_eq!(route_key("", ""), "/");
        assert_eq!(route_key("/article/x/", ""), "/article/x");
        assert_eq!(route_key("/article/x?y=1#z", ""), "/article/x");
        assert_eq!(route_key("/news/article/x", "/news"), "/article/x");
        assert_eq!(route_key("/news/", "/news/"), "/");
        assert_eq!(route_key("/newsroom/x", "/news"), "/newsroom/x");
    }

    #[test]
    fn stamps_round_trip_and_match() {
        let s = Stamp::new("/article/x/", "{}");
        assert_eq!(Stamp::parse(&s.to_content()), Some(s.clone()));
        assert!(s.matches("/news/article/x/", "/news", "{}"));
        assert!(!s.matches("/article/y", "", "{}"));
        assert!(!s.matches("/article/x", "", "{ }"));
        assert_eq!(Stamp::parse("a b"), None);
        assert_eq!(Stamp::parse("a b c d"), None);
    }

    #[test]
    fn config_hash_is_fnv1a() {
        assert_eq!(config_hash(""), "cbf29ce484222325");
        assert_eq!(config_hash("a"), "af63dc4c8601ec8c");
    }

    /// The prerender command finds the id as the bytes between
    /// `kiosque-build:` and the next `;`, and the stamp splits on spaces: an
    /// id holding either separator (say, from `KIOSQUE_BUILD_ID`) would be
    /// read back as another build. (The command's own round trip over wasm
    /// bytes is tested in crates/cli.)
    #[test]
    fn build_marker_frames_the_id() {
        assert!(!BUILD_ID.is_empty());
        assert!(
            !BUILD_ID.contains(';') && !BUILD_ID.contains(char::is_whitespace),
            "{BUILD_ID:?}"
        );
        assert_eq!(
            BUILD_MARKER
                .strip_prefix("kiosque-build:")
                .and_then(|r| r.strip_suffix(';')),
            Some(BUILD_ID)
        );
        let stamp = Stamp::new("/", "{}");
        assert_eq!(
            Stamp::parse(&stamp.to_content()).map(|s| s.build).as_deref(),
            Some(BUILD_ID)
        );
    }
}
