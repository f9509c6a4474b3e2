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
