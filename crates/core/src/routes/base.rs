//! The bundle's base path: routes are written without it, `href`s and the
//! browser's paths carry it (a deploy under `https://host/news/`).

/// The path of the bundle's base URL without its trailing slash: `""` for
/// `https://host/`, `/news` for `https://host/news/`.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map(|(_, r)| r).unwrap_or(base_url);
    let path = after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    path.trim_end_matches('/').to_string()
}

/// The `href` of a site-relative URL (a route, or a file such as
/// `/media/x.jpg`) for a bundle served under `base` (a [`base_path`]):
/// `/article/x` becomes `/news/article/x`, the home `/` becomes `/news/`.
/// Anything else (`https://…`, `//host/…`, `#id`, `mailto:…`) is unchanged.
pub fn with_base(base: &str, url: &str) -> String {
    if base.is_empty() || !url.starts_with('/') || url.starts_with("//") {
        return url.to_string();
    }
    format!("{base}{url}")
}

/// The route of a browser path under `base` (a [`base_path`]):
/// `/news/article/x` is `/article/x`, `/news` and `/news/` are `/`. A path
/// outside the base is returned as it is.
pub fn within_base<'a>(base: &str, path: &'a str) -> &'a str {
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if !base.is_empty() && rest.starts_with('/') => rest,
        _ => path,
    }
}
