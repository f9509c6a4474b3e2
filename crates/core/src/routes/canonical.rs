//! Non-canonical URLs and where they go instead.

use super::{parse_page, Route, TypePrefixes};

/// Where a non-canonical URL should go instead (history entry replaced):
/// `?page=N` becomes `/…/page/N`, `/…/page/1` becomes `/…`, and a trailing
/// slash is dropped. `None` when the URL is already canonical, or names no
/// route (old WordPress URLs are the source's business).
pub fn canonical_redirect(path: &str, query: &str) -> Option<String> {
    canonical_redirect_in(path, query, &TypePrefixes::default())
}

/// [`canonical_redirect`], knowing the custom post types' prefixes: their
/// listings' `/<prefix>/page/1` and trailing slashes go where a category's do.
pub fn canonical_redirect_in(path: &str, query: &str, types: &TypePrefixes) -> Option<String> {
    let mut page_param = None;
    let mut rest = Vec::new();
    for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        match pair.strip_prefix("page=") {
            Some(v) if page_param.is_none() => page_param = Some(parse_page(v).unwrap_or(1)),
            _ => rest.push(pair),
        }
    }
    let route = Route::parse_in(path, query, types)?;
    let route = match page_param {
        Some(n) => route.with_page(n),
        None => route,
    };
    // A search carries its query in the route; other parameters ride along.
    let (mut target, carried) = match &route {
        Route::Search { .. } => (
            route.path(),
            rest.iter().filter(|p| !p.starts_with("q=")).copied().collect(),
        ),
        _ => (route.path(), rest),
    };
    if !carried.is_empty() {
        target.push(if target.contains('?') { '&' } else { '?' });
        target.push_str(&carried.join("&"));
    }
    let original = if query.trim_start_matches('?').is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.trim_start_matches('?'))
    };
    (target != original).then_some(target)
}
