//! Sites whose plugin caps `per_page` below WordPress's 100: such a site
//! answers a larger page with 400 `rest_invalid_param` ("per_page must be
//! between 1 (inclusive) and N (inclusive)"). The network door keeps the
//! status, not the text, so the size is found by halving the request until
//! WordPress accepts it (100, 50, 25, 12…), then every later request of the
//! source (live) or the run (export) asks at most that many. Lists follow
//! `X-WP-TotalPages`, so they simply take more requests.

use serde::de::DeserializeOwned;

use super::WordPressSource;
use crate::http::{FetchError, Paging};

/// Whether a list goes on past page `page` of the `stated` pages
/// (`X-WP-TotalPages`): before the last stated page, yes; from it on, while
/// a page (`len` items) is as full as the first (`first`). WordPress's term
/// lists with `hide_empty` list an empty parent of a non-empty child but do
/// not count it, so they can state fewer pages than they hold. A list of one
/// stated page cannot tell a full page from a short one: it ends there.
/// An empty page ends any list. Past the real end, posts answer 400 and
/// terms an empty list.
pub fn list_goes_on(page: u32, stated: u32, first: usize, len: usize) -> bool {
    len > 0 && (page < stated || (stated > 1 && len == first))
}

impl WordPressSource {
    /// `url`, asking no more than the site's `per_page` cap; a first page
    /// refused with 400 is asked again smaller until WordPress accepts it,
    /// and that size is kept for every later request (`cap`).
    pub(super) async fn fetch<T: DeserializeOwned>(&self, url: &str) -> Result<(T, Paging), FetchError> {
        let url = self.list_cap().map_or_else(|| url.to_string(), |c| capped(url, c));
        let first = self.fetch_once::<T>(&url).await;
        if !matches!(first, Err(FetchError::Status(400))) {
            return first;
        }
        let mut size = smaller(&url);
        while let Some(n) = size {
            let asked = capped(&url, n);
            match self.fetch_once::<T>(&asked).await {
                Ok(ok) => {
                    self.keep_list_cap(n);
                    return Ok(ok);
                }
                Err(FetchError::Status(400)) => size = smaller(&asked),
                Err(e) => return Err(e),
            }
        }
        first
    }
}

/// `per_page=N` of a REST URL.
pub fn per_page_of(url: &str) -> Option<u32> {
    param(url, "per_page")?.parse().ok()
}

fn param<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let query = url.split_once('?')?.1;
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// `url` asking at most `cap` a page (unchanged when it asks fewer).
pub fn capped(url: &str, cap: u32) -> String {
    let (Some(n), Some((base, query))) = (per_page_of(url), url.split_once('?')) else {
        return url.to_string();
    };
    if n <= cap {
        return url.to_string();
    }
    let query: Vec<String> = query
        .split('&')
        .map(|p| match p.split_once('=') {
            Some(("per_page", _)) => format!("per_page={}", cap.max(1)),
            _ => p.to_string(),
        })
        .collect();
    format!("{base}?{}", query.join("&"))
}

/// After a 400 to `url`: the smaller size to try, when `url` is a first
/// page asking more than one item (a later page's 400 means "past the end").
pub fn smaller(url: &str) -> Option<u32> {
    let page = param(url, "page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(1);
    let n = per_page_of(url)?;
    (page <= 1 && n > 1).then_some(n / 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_capped_and_sizes_halved() {
        let u = "https://s/wp-json/wp/v2/categories?per_page=100&hide_empty=true&orderby=id&_fields=id";
        assert_eq!(per_page_of(u), Some(100));
        assert_eq!(
            capped(u, 50),
            "https://s/wp-json/wp/v2/categories?per_page=50&hide_empty=true&orderby=id&_fields=id"
        );
        assert_eq!(capped(u, 200), u);
        assert_eq!(smaller(u), Some(50));
        assert_eq!(smaller("https://s/wp-json/wp/v2/posts?per_page=6&page=3"), None);
        assert_eq!(smaller("https://s/wp-json/wp/v2/posts?per_page=1"), None);
        assert_eq!(smaller("https://s/wp-json/wp/v2/settings"), None);
        // `related` asks `per_page=20` after an `exclude=`: only the parameter changes.
        assert_eq!(
            capped("https://s/x?exclude=100&per_page=20", 10),
            "https://s/x?exclude=100&per_page=10"
        );
    }
}

#[cfg(test)]
mod list_tests {
    use super::list_goes_on;

    #[test]
    fn a_list_goes_on_while_stated_or_full() {
        assert!(list_goes_on(1, 3, 6, 6), "before the last stated page");
        assert!(list_goes_on(3, 3, 6, 6), "a full last stated page");
        assert!(!list_goes_on(3, 3, 6, 4), "a short last page");
        assert!(!list_goes_on(1, 1, 6, 6), "one stated page cannot tell");
        assert!(!list_goes_on(2, 3, 6, 0), "an empty page ends it");
    }
}
