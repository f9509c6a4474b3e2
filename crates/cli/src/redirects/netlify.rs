//! Netlify: a generated block in `dist/_redirects`, between two marker
//! comments, so the kit's rules and the publisher's own lines are kept. The
//! block goes where the markers are (the kit ships them before its
//! catch-all), else before the first catch-all rule (`/*`), which would
//! otherwise win. Every rule is forced (`301!`): Netlify serves an existing
//! file before unforced rules, and the redirect pages for GitHub Pages are
//! files at the same paths.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::staged::Staged;
use super::{encode_path, Redirects};

pub const BEGIN: &str =
    "# BEGIN kiosque-publish: old WordPress URLs (written by `kiosque-publish prerender`; edits here are lost)";
pub const END: &str = "# END kiosque-publish";

/// Rewrites `dist/_redirects` when the build shipped one; returns whether it
/// changed.
pub fn write(dist: &Path, base: &str, r: &Redirects) -> io::Result<bool> {
    let path = dist.join("_redirects");
    let Ok(text) = fs::read_to_string(&path) else {
        return Ok(false);
    };
    let (before, after) = split(&text, base);
    let mut out = Staged::create(&path)?;
    out.write_all(before.as_bytes())?;
    if !before.is_empty() && !before.ends_with('\n') {
        writeln!(out)?;
    }
    writeln!(out, "{BEGIN}")?;
    block(&mut out, base, r)?;
    writeln!(out, "{END}")?;
    out.write_all(after.as_bytes())?;
    out.finish()
}

/// The text before and after the generated block (the old block dropped).
fn split<'a>(text: &'a str, base: &str) -> (&'a str, &'a str) {
    if let (Some(b), Some(e)) = (text.find(BEGIN), text.find(END)) {
        if b < e {
            let end = text[e..].find('\n').map_or(text.len(), |i| e + i + 1);
            return (&text[..b], &text[end..]);
        }
    }
    let catch_all = [format!("{base}/*"), "/*".to_string()];
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let from = line.split_whitespace().next().unwrap_or("");
        if catch_all.iter().any(|c| c == from) {
            return (&text[..at], &text[at..]);
        }
        at += line.len();
    }
    (text, "")
}

pub fn block(out: &mut impl Write, base: &str, r: &Redirects) -> io::Result<()> {
    let to = |route: &kiosque_core::routes::Route| encode_path(&format!("{base}{}", route.path()));
    // Dated permalinks: a placeholder rule per year (a placeholder matches
    // any segment; the literal year keeps `/category/x/page/2` out).
    let years: BTreeSet<&str> = r
        .dated
        .iter()
        .filter_map(|(old, _)| old.get(1..5))
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let article = kiosque_core::routes::Route::article_prefix();
    for year in years.iter().rev() {
        writeln!(out, "{base}/{year}/:month/:day/:slug  {base}{article}:slug  301!")?;
    }
    // A split post's parts under its dated permalink: one rule each, since a
    // placeholder would also take `/feed/` or `/amp/` for a part.
    for (from, route) in &r.dated_parts {
        writeln!(
            out,
            "{}  {}  301!",
            encode_path(&format!("{base}{}", from.trim_end_matches('/'))),
            to(route)
        )?;
    }
    for e in &r.by_id {
        for front in [format!("{base}/"), format!("{base}/index.php")] {
            writeln!(out, "{front}  {}={}  {}  301!", e.key, e.id, to(&e.to))?;
        }
    }
    for (from, route) in &r.postname {
        writeln!(out, "{}  {}  301!", encode_path(&format!("{base}{from}")), to(route))?;
    }
    Ok(())
}
