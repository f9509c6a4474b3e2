//! For hosts without redirect rules (GitHub Pages): a small page at each old
//! path form that has a file of its own (`/2026/11/28/slug/`, a split post's
//! `/2026/11/28/slug/2/`, and `/slug/`),
//! sending the reader and crawlers on with `<meta http-equiv="refresh">`,
//! naming the new URL with `<link rel="canonical">`, kept out of indexes with
//! `noindex`, and with a visible link. No script, no style, nothing loaded:
//! it passes the site's strict policy, and carries a stricter one
//! (`default-src 'none'`). `?p=ID` cannot be a file: there the app's
//! browser redirect remains.
//!
//! The files written are listed in `dist/redirect-pages.txt`, so the next run
//! deletes those it no longer writes. A file without this module's mark (a
//! prerendered page, a file of the build) is never replaced nor deleted.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use kiosque_core::routes::Route;

use super::staged::Staged;
use super::{encode_path, Redirects};
use crate::feeds::escape;
use crate::output;
use crate::plan::route_file;

pub const LIST: &str = "redirect-pages.txt";

/// In every page this writes: only such a file is ever replaced or deleted.
const MARK: &str = "<!-- kiosque-publish: redirect page -->";

fn is_ours(path: &Path) -> bool {
    fs::read_to_string(path).is_ok_and(|t| t.contains(MARK))
}

pub struct Site<'a> {
    /// The base path, `""` or `/news`.
    pub base: &'a str,
    /// The deploy's public URL with its trailing slash.
    pub base_url: &'a str,
    pub lang: &'a str,
}

/// Nothing to load, no form, no base: the page only points elsewhere.
const POLICY: &str = "default-src 'none'; base-uri 'none'; form-action 'none'";

/// The page sending `/old` on to `to`.
pub fn page(site: &Site, to: &Route) -> String {
    let path = encode_path(&to.path());
    let here = escape(&format!("{}{path}", site.base));
    let canonical = escape(&format!("{}{}", site.base_url.trim_end_matches('/'), path));
    format!(
        "<!DOCTYPE html>\n{MARK}\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={here}\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n<title>{canonical}</title>\n</head>\n\
         <body>\n<p><a href=\"{here}\">{canonical}</a></p>\n</body>\n</html>\n",
        lang = escape(site.lang),
    )
}

/// Writes the pages; returns how many were written and deleted.
pub fn write(dist: &Path, site: &Site, r: &Redirects) -> io::Result<(usize, usize)> {
    let old: HashSet<String> = fs::read_to_string(dist.join(LIST))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect();
    let mut list = Staged::create(&dist.join(LIST))?;
    let mut kept: HashSet<String> = HashSet::new();
    let mut wrote = 0;
    for (from, to) in r.dated.iter().chain(&r.dated_parts).chain(&r.postname) {
        let Some(file) = route_file(from.trim_end_matches('/')) else {
            continue;
        };
        // Someone else's file (a prerendered page, the build's): left alone.
        // (A file listed by the last run is ours: not read twice. An old path
        // never is a page's: `/slug` of a page is left out, dated ones have
        // four segments.)
        let taken = !old.contains(&file) && dist.join(&file).exists() && !is_ours(&dist.join(&file));
        if kept.contains(&file) || taken {
            continue;
        }
        if output::write_if_changed(&dist.join(&file), &page(site, to))? {
            wrote += 1;
        }
        writeln!(list, "{file}")?;
        kept.insert(file);
    }
    list.finish()?;
    let mut deleted = 0;
    for stale in old.difference(&kept) {
        // Listed files carry decoded names (`économie/index.html`); only a
        // name that is exactly the file of a safe route is deleted.
        let path = encode_path(&format!("/{}", stale.trim_end_matches("/index.html")));
        let safe = route_file(&path).as_deref() == Some(stale.as_str());
        if safe && is_ours(&dist.join(stale)) {
            output::delete_page(dist, stale, "")?;
            deleted += 1;
        }
    }
    Ok((wrote, deleted))
}
