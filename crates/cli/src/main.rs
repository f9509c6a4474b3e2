//! `kiosque-publish`, the command a publisher runs after deploying. Its one
//! command so far, `prerender` (`make prerender`), renders the routes that
//! matter into an existing `dist/` with the app's own components, so readers
//! and crawlers get real HTML before the wasm arrives; the bundle then
//! hydrates it.
//!
//!   kiosque-publish prerender [--dist dist] [--site-url https://news.example.com]
//!
//! It reads `dist/config.json` and asks the configured source (static files in
//! `dist/`, or WordPress over HTTP). It refuses a `dist/` built from another
//! commit, rewrites only pages that changed, deletes pages that left the set,
//! and writes the sitemaps, `robots.txt` and, for the static source, an RSS
//! feed. Run it again whenever content changes (cron, publish webhook).

#![recursion_limit = "256"]

mod feeds;
mod output;
mod plan;
mod render;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kiosque_core::config::{ApiKind, Config};
use kiosque_core::csp;
use kiosque_core::http::Door;
use kiosque_core::source::Source;
use kiosque_core::stamp::{BUILD_ID, BUILD_MARKER};

use output::{Manifest, PageFiles};
use render::{Rendered, Shell};

/// Used when neither `--site-url` nor `site.url` says where the site lives.
const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080";

struct Args {
    dist: PathBuf,
    site_url: Option<String>,
}

const USAGE: &str = "usage: kiosque-publish prerender [--dist dist] [--site-url https://host]";

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("prerender") => {}
        Some("-h" | "--help") | None => return Err(USAGE.into()),
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
    }
    let mut parsed = Args {
        dist: PathBuf::from("dist"),
        site_url: None,
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--dist" => parsed.dist = PathBuf::from(value()?),
            "--site-url" => parsed.site_url = Some(value()?),
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("prerender: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = any_spawner::Executor::init_futures_executor() {
        eprintln!("prerender: cannot start the executor: {e:?}");
        return ExitCode::FAILURE;
    }
    match futures::executor::block_on(run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Refuses a `dist/` whose wasm was built from another commit: its bundle
/// would discard every page (see `boot.rs`).
fn check_build(dist: &Path) -> Result<(), String> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "wasm") {
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            if bytes.windows(BUILD_MARKER.len()).any(|w| w == BUILD_MARKER.as_bytes()) {
                return Ok(());
            }
            found.push(build_id_in(&bytes).unwrap_or_else(|| "none".into()));
        }
    }
    if found.is_empty() {
        return Err(format!(
            "no wasm in {}: run `trunk build --release` first",
            dist.display()
        ));
    }
    Err(format!(
        "{} was built from {} but this prerender is {BUILD_ID}: rebuild dist/ or the prerender from the same commit",
        dist.display(),
        found.join(", ")
    ))
}

fn build_id_in(bytes: &[u8]) -> Option<String> {
    let prefix = b"kiosque-build:";
    let start = bytes.windows(prefix.len()).position(|w| w == prefix)? + prefix.len();
    let end = bytes[start..].iter().position(|b| *b == b';')?;
    String::from_utf8(bytes[start..start + end].to_vec()).ok()
}

/// The deploy's public URL with its trailing slash: the site URL, plus the
/// bundle's base path when the site URL has no path of its own.
fn deploy_base(site_url: &str, base_path: &str) -> String {
    let site_url = site_url.trim_end_matches('/');
    let after_scheme = site_url.split_once("://").map(|(_, r)| r).unwrap_or(site_url);
    if after_scheme.contains('/') {
        format!("{site_url}/")
    } else {
        format!("{site_url}/{}", base_path.trim_start_matches('/'))
    }
}

async fn run(args: &Args) -> Result<(), String> {
    let dist = &args.dist;
    let read = |name: &str| {
        fs::read_to_string(dist.join(name))
            .map_err(|e| format!("{}/{name}: {e} (run `trunk build --release` first)", dist.display()))
    };
    let shell_text = read("shell.html")?;
    check_build(dist)?;
    let config_text = read("config.json")?;
    let config = Config::parse(&config_text).map_err(|e| format!("config.json: {e}"))?;
    let shell = Shell::parse(&shell_text)?;
    let site_url = match args.site_url.clone().or_else(|| config.site.url.clone()) {
        Some(url) => url,
        None => {
            eprintln!("prerender: site.url is not set in config.json; absolute URLs use {DEFAULT_SITE_URL}");
            DEFAULT_SITE_URL.to_string()
        }
    };
    let base_url = deploy_base(&site_url, &shell.base_path());
    // Every request of this run reads dist/ (the demo API, as deployed) or,
    // for a remote API, the network.
    let door = Door::local(&base_url, dist.clone()).with_remote_http();
    let source = Source::from_config(&config, &base_url, door.clone());
    let plan = plan::plan(&source, config.prerender.latest as usize).await?;

    // The policy from config.json, in every page, the shell and the headers.
    let hashes = shell.inline_script_hashes();
    let shell = shell.with_policy(&csp::policy(&config, &hashes, false));
    let header_policy = csp::policy(&config, &hashes, true);
    let shell_document = shell.document();
    for file in ["shell.html", "404.html"] {
        if dist.join(file).exists() {
            output::write_if_changed(&dist.join(file), &shell_document).map_err(|e| format!("{file}: {e}"))?;
        }
    }
    output::write_if_changed(&dist.join("csp.txt"), &format!("{header_policy}\n"))
        .map_err(|e| format!("csp.txt: {e}"))?;
    output::set_header_policy(&dist.join("_headers"), &header_policy).map_err(|e| format!("_headers: {e}"))?;

    let old = Manifest::read(dist);
    let mut manifest = Manifest {
        build: BUILD_ID.to_string(),
        pages: BTreeMap::new(),
    };
    let (mut wrote, mut unchanged, mut skipped) = (Vec::new(), 0, Vec::new());
    let local_path = fs::canonicalize(dist).unwrap_or_else(|_| dist.clone());
    let base_path = shell.base_path();
    for route in plan.routes.iter().map(|r| r.path()) {
        let route = &route;
        let Some(file) = plan::route_file(route) else {
            skipped.push(format!("{route}: not a safe path"));
            continue;
        };
        // Content-addressed, so hosts cache it for good (`-<16 hex>` names).
        let mut data_file = String::new();
        let name_data = |data: &str| {
            data_file = format!("page-data/data-{}.js", output::short_hash(data));
            format!("{base_path}{data_file}")
        };
        match render::render(&shell, route, &base_url, &config_text, &door, name_data).await {
            Rendered::Page { html, data }
                if [&html, &data]
                    .iter()
                    .any(|t| t.contains(&*local_path.to_string_lossy())) =>
            {
                skipped.push(format!("{route}: the page would show a local path"));
            }
            Rendered::Page { html, data } => {
                let write =
                    |f: &str, t: &str| output::write_if_changed(&dist.join(f), t).map_err(|e| format!("{f}: {e}"));
                let changed = write(&data_file, &data)? | write(&file, &html)?;
                if changed {
                    wrote.push(route.clone());
                } else {
                    unchanged += 1;
                }
                if let Some(old_files) = old.pages.get(route).filter(|o| o.data != data_file) {
                    output::delete_file(dist, &old_files.data);
                }
                manifest.pages.insert(
                    route.clone(),
                    PageFiles {
                        html: file,
                        data: data_file,
                    },
                );
            }
            Rendered::Skipped(why) => {
                // A page that failed to load keeps its last good version; one
                // that is gone (404) is deleted below.
                if !why.starts_with("not found") {
                    if let Some(old_files) = old.pages.get(route) {
                        manifest.pages.insert(route.clone(), old_files.clone());
                    }
                }
                skipped.push(format!("{route}: {why}"));
            }
        }
    }
    let mut deleted = Vec::new();
    for (route, files) in &old.pages {
        if !manifest.pages.contains_key(route) {
            output::delete_file(dist, &files.data);
            output::delete_page(dist, &files.html, &shell_document).map_err(|e| format!("{}: {e}", files.html))?;
            deleted.push(route.clone());
        }
    }

    let written: Vec<String> = manifest.pages.keys().cloned().collect();
    let name = config.site.name.clone().unwrap_or_default();
    let tagline = config.site.tagline.clone().unwrap_or_default();
    let site = feeds::Site {
        url: base_url.trim_end_matches('/'),
        name: &name,
        tagline: &tagline,
        locale: config.site.locale.as_deref().unwrap_or("fr"),
        routes: &written,
        articles: &plan.articles,
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let mut files = vec![
        ("sitemap.xml", feeds::sitemap(&site)),
        ("sitemap-news.xml", feeds::news_sitemap(&site, now)),
        ("robots.txt", feeds::robots(&site)),
    ];
    if config.api.kind == ApiKind::Static {
        files.push(("feed.xml", feeds::rss(&site)));
    }
    for (file, text) in files {
        output::write_if_changed(&dist.join(file), &text).map_err(|e| format!("{file}: {e}"))?;
    }
    manifest.write(dist).map_err(|e| format!("{}: {e}", output::MANIFEST))?;

    for route in &wrote {
        println!("  wrote    {route}");
    }
    for route in &deleted {
        println!("  deleted  {route}");
    }
    for why in &skipped {
        println!("  skipped  {why}");
    }
    println!(
        "prerender: {} pages for {base_url} ({} written, {unchanged} unchanged, {} deleted, {} skipped), \
         {} categories, {} articles; sitemaps and robots.txt in {}",
        manifest.pages.len(),
        wrote.len(),
        deleted.len(),
        skipped.len(),
        plan.categories.len(),
        plan.articles.len(),
        dist.display(),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deploy_base_adds_the_bundle_path_to_a_bare_origin() {
        assert_eq!(deploy_base("https://h.com", "/"), "https://h.com/");
        assert_eq!(deploy_base("https://h.com/", "/news/"), "https://h.com/news/");
        assert_eq!(deploy_base("https://h.com/news", "/news/"), "https://h.com/news/");
    }

    #[test]
    fn the_build_id_is_read_from_the_wasm_bytes() {
        let bytes = b"\0\x01kiosque-build:abc123;\0".to_vec();
        assert_eq!(build_id_in(&bytes).as_deref(), Some("abc123"));
        assert_eq!(build_id_in(b"nothing"), None);
    }

    /// What the bundle embeds (`BUILD_MARKER`, kept alive by `boot`) is what
    /// this command reads back: the exact id, amid other bytes.
    #[test]
    fn the_bundle_marker_round_trips_to_this_build() {
        let mut bytes = b"\0asm\x01\0;data;".to_vec();
        bytes.extend_from_slice(kiosque_core::stamp::BUILD_MARKER.as_bytes());
        bytes.extend_from_slice(b"kiosque-build;\xff rest");
        assert_eq!(build_id_in(&bytes).as_deref(), Some(BUILD_ID));
    }

    /// deploy/csp.txt documents the header the demo deploy sends; it must be
    /// what `make prerender` derives from public/config.json and index.html.
    #[test]
    fn the_documented_policy_is_the_demo_policy() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let read = |f: &str| fs::read_to_string(root.join(f)).unwrap();
        let config = Config::parse(&read("public/config.json")).unwrap();
        let shell = Shell::parse(&read("index.html")).unwrap();
        let hashes = shell.inline_script_hashes();
        assert_eq!(hashes.len(), 1, "index.html has one inline script, the theme's");
        let documented = read("deploy/csp.txt");
        let line = documented
            .lines()
            .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .unwrap();
        assert_eq!(
            line,
            csp::policy(&config, &hashes, true),
            "update deploy/csp.txt, then run node scripts/deploy/csp.mjs"
        );
    }

    #[test]
    fn arguments_are_checked() {
        let args = |v: &[&str]| parse_args(v.iter().map(|s| s.to_string()));
        assert!(args(&["prerender", "--dist"]).is_err());
        assert!(args(&["prerender", "--nope"]).is_err());
        assert!(args(&["--dist", "out"]).is_err(), "the command comes first");
        assert!(args(&[]).is_err());
        let a = args(&["prerender", "--dist", "out", "--site-url", "https://h.com"]).unwrap();
        assert_eq!(a.dist, PathBuf::from("out"));
        assert_eq!(a.site_url.as_deref(), Some("https://h.com"));
    }
}
