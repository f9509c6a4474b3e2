//! `redirects.nginx.conf`: the `map`s `deploy/nginx/kiosque.conf` includes at
//! `http {}` level and answers with `return 301 $kiosque_redirect`. The maps
//! chain through their defaults, in WordPress's own order: `?p=`,
//! `?page_id=`, `?cat=`, `?author=` on the front page, then `/slug`, then the
//! dated permalinks (one regex for all of them, on the raw `$request_uri`:
//! what it captures is still percent-encoded, so no CR/LF or quote from a
//! request can reach the Location header).

use std::io::{self, Write};
use std::path::Path;

use super::staged::Staged;
use super::{encode_path, Redirects};

pub const FILE: &str = "redirects.nginx.conf";

/// Writes it; returns whether it changed.
pub fn write(dist: &Path, base: &str, r: &Redirects) -> io::Result<bool> {
    let mut out = Staged::create(&dist.join(FILE))?;
    render(&mut out, base, r)?;
    out.finish()
}

/// A quoted nginx string. The caller only passes safe paths
/// (`super::is_safe_path`) and digits; this keeps it so if that ever changes.
fn q(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | '$' | ';' | '{' | '}' | '#') && !c.is_whitespace())
        .collect();
    format!("\"{clean}\"")
}

/// Regex metacharacters of a (safe) base path escaped.
fn regex_literal(s: &str) -> String {
    s.chars()
        .flat_map(|c| if c == '.' || c == '~' { vec!['\\', c] } else { vec![c] })
        .collect()
}

pub fn render(out: &mut impl Write, base: &str, r: &Redirects) -> io::Result<()> {
    let entries = 2 * r.postname.len() + r.by_id.len() + 4;
    let longest = r
        .postname
        .iter()
        .map(|(f, _)| base.len() + f.len() + 1)
        .max()
        .unwrap_or(0);
    writeln!(
        out,
        "# Old WordPress URLs -> their Kiosque pages, answered with a 301 by\n\
         # deploy/nginx/kiosque.conf (docs/deploy.md, \"Old WordPress URLs\").\n\
         # Written by `kiosque-publish prerender`: edits are lost on the next run.\n\
         # Include it first in http {{}}: nginx reads the two sizes below before any map."
    )?;
    writeln!(out, "map_hash_max_size {};", entries.next_power_of_two().max(2048))?;
    // 256 at least: with 128, nginx 1.22 builds no optimal hash for 100,000
    // articles (it warns and ignores the setting); tried with `nginx -t`.
    writeln!(
        out,
        "map_hash_bucket_size {};\n",
        (longest + 32).next_power_of_two().max(256)
    )?;
    let to = |route: &kiosque_core::routes::Route| q(&encode_path(&format!("{base}{}", route.path())));

    writeln!(out, "map $uri $kiosque_wp_front {{\n    default 0;")?;
    writeln!(
        out,
        "    {} 1;\n    {} 1;",
        q(&format!("{base}/")),
        q(&format!("{base}/index.php"))
    )?;
    if !base.is_empty() {
        writeln!(out, "    {} 1;", q(base))?;
    }
    writeln!(out, "}}")?;
    // WordPress reads `?cat=` and `?author=` with `&paged=N`: those stay
    // with the app's browser redirect, which keeps the page.
    let by_id = [
        ("p", "$arg_p", "$kiosque_redirect", "$kiosque_old_page_id", ""),
        (
            "page_id",
            "$arg_page_id",
            "$kiosque_old_page_id",
            "$kiosque_old_cat",
            "",
        ),
        (
            "cat",
            "$arg_cat:$arg_paged",
            "$kiosque_old_cat",
            "$kiosque_old_author",
            ":",
        ),
        (
            "author",
            "$arg_author:$arg_paged",
            "$kiosque_old_author",
            "$kiosque_old_slug",
            ":",
        ),
    ];
    for (key, source, var, next, suffix) in by_id {
        writeln!(out, "map \"$kiosque_wp_front:{source}\" {var} {{\n    default {next};")?;
        for e in r.by_id.iter().filter(|e| e.key == key) {
            writeln!(out, "    {} {};", q(&format!("1:{}{suffix}", e.id)), to(&e.to))?;
        }
        writeln!(out, "}}")?;
    }
    writeln!(out, "map $uri $kiosque_old_slug {{\n    default $kiosque_old_dated;")?;
    for (from, route) in &r.postname {
        let target = to(route);
        // `$uri` is decoded: the key is the path as nginx sees it, in UTF-8
        // (a checked slug: letters, digits, `-`, `_`).
        let from = kiosque_core::routes::percent_decode(from, false).unwrap_or_else(|| from.clone());
        writeln!(out, "    {} {target};", q(&format!("{base}{from}")))?;
        writeln!(out, "    {} {target};", q(&format!("{base}{from}/")))?;
    }
    writeln!(out, "}}")?;
    let b = regex_literal(base);
    let slug = "[A-Za-z0-9_%-]";
    let article = q(&format!("{base}{}", kiosque_core::routes::Route::article_prefix()));
    let article = &article[..article.len() - 1];
    writeln!(out, "map $request_uri $kiosque_old_dated {{\n    default \"\";")?;
    // /2026/11/28/slug/, and /2026/11/28/slug/2/, part 2 of a split post:
    // its own page, `/article/slug/2` (a part 1 is the article).
    writeln!(
        out,
        "    \"~^{b}/[0-9]{{4}}/[0-9]{{2}}/[0-9]{{2}}/(?<kiosque_slug>{slug}+)(?<kiosque_part>/(?:[2-9]|[1-9][0-9]+))?(?:/1)?/?(?:\\?.*)?$\" {article}$kiosque_slug$kiosque_part\";"
    )?;
    // /2026/11/slug/ (the "month and name" structure; a slug of digits is a day).
    writeln!(
        out,
        "    \"~^{b}/[0-9]{{4}}/[0-9]{{2}}/(?<kiosque_slug>{slug}*[A-Za-z_%-]{slug}*)/?(?:\\?.*)?$\" {article}$kiosque_slug\";"
    )?;
    writeln!(out, "}}")
}
