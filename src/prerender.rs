//! The prerender command's side channel into the views: a page that must not
//! be written (a 404, a failed fetch) says so here. The stamp that ties a
//! page to its build lives in `kiosque_core::stamp`.

use std::sync::{Arc, Mutex};

/// Why a route must not be written as a prerendered page (a 404, a failed
/// fetch). Provided only by the prerender command; views report through
/// `report_unprerenderable`, which does nothing in the browser.
#[derive(Clone, Debug, Default)]
pub struct RenderIssues(Arc<Mutex<Vec<String>>>);

impl RenderIssues {
    pub fn report(&self, what: String) {
        if let Ok(mut v) = self.0.lock() {
            v.push(what);
        }
    }

    pub fn take(&self) -> Vec<String> {
        self.0.lock().map(|mut v| std::mem::take(&mut *v)).unwrap_or_default()
    }
}

/// Tells the prerender command (if it is the one rendering) that this page is
/// an error or a 404 and must be skipped.
pub fn report_unprerenderable(what: impl Into<String>) {
    if let Some(issues) = leptos::prelude::use_context::<RenderIssues>() {
        issues.report(what.into());
    }
}

/// Head links the prerender writes into the shell's own part of the head,
/// before leptos_meta's `<!--HEAD-->` marker: the site icon. They come from
/// the site's data, which a `Suspense` resolves; leptos_meta hydrates the
/// head in the order its tags register, and that order between two
/// `Suspense`s is not fixed in the browser, so these stay out of its range.
#[derive(Clone, Debug, Default)]
pub struct StaticHead(Arc<Mutex<Option<String>>>);

impl StaticHead {
    /// The `<link>` tags to write, or nothing.
    pub fn html(&self) -> String {
        let icon = self.0.lock().ok().and_then(|i| i.clone());
        icon.map(|href| {
            let href = escape_attribute(&href);
            format!("<link rel=\"icon\" href=\"{href}\"/><link rel=\"apple-touch-icon\" href=\"{href}\"/>")
        })
        .unwrap_or_default()
    }
}

/// Tells the prerender command the site icon's URL (already checked).
pub fn report_site_icon(href: &str) {
    if let Some(head) = leptos::prelude::use_context::<StaticHead>() {
        if let Ok(mut icon) = head.0.lock() {
            *icon = Some(href.to_string());
        }
    }
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_links_are_escaped_attributes() {
        let head = StaticHead::default();
        assert_eq!(head.html(), "");
        if let Ok(mut i) = head.0.lock() {
            *i = Some("https://x.test/i.png?a=1&b=\"2\"".into());
        }
        assert_eq!(
            head.html(),
            "<link rel=\"icon\" href=\"https://x.test/i.png?a=1&amp;b=&quot;2&quot;\"/>\
             <link rel=\"apple-touch-icon\" href=\"https://x.test/i.png?a=1&amp;b=&quot;2&quot;\"/>"
        );
    }
}
