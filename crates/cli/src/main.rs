//! `kiosque-publish`, the command a publisher runs after deploying. Its one
//! command so far, `prerender` (`make prerender`), renders the routes that
//! matter into an existing `dist/` with the app's own components, so readers
//! and crawlers get real HTML before the wasm arrives; the bundle then
//! hydrates it.
//!
//!   kiosque-publish prerender [--dist dist] [--site-url https://news.example.com] [--jobs N]
//!
//! It reads `dist/config.json` and asks the configured source (static files in
//! `dist/`, or WordPress over HTTP) for every public URL, and renders them on
//! every core. It refuses a `dist/` built from another commit, rewrites only
//! pages that changed, deletes pages that left the set, and writes the
//! sitemaps, `robots.txt` and the RSS feeds. Run it again whenever content
//! changes (cron, publish webhook).

#![recursion_limit = "256"]

mod export;
mod feeds;
mod inputs;
mod output;
mod paged;
mod pages;
mod plan;
mod plan_types;
mod redirects;
mod render;
mod site_files;
mod sitemaps;
#[cfg(test)]
mod speculation_tests;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kiosque_core::config::Config;
use kiosque_core::csp;
use kiosque_core::http::Door;
use kiosque_core::source::Source;
use kiosque_core::stamp::{BUILD_ID, BUILD_MARKER};

use kiosque_core::routes::Route;
use output::Manifest;
use render::Shell;

/// Used when neither `--site-url` nor `site.url` says where the site lives.
const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080";

struct Args {
    dist: PathBuf,
    site_url: Option<String>,
    /// Pages rendered at once (default: one per core).
    jobs: Option<usize>,
    /// URLs per child sitemap (a test sets a small one).
    sitemap_limit: usize,
}

const USAGE: &str =
    "usage: kiosque-publish prerender [--dist dist] [--site-url https://host] [--jobs N] [--sitemap-limit N]
       kiosque-publish export --help   (a WordPress site → the static API, then prerender)";

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("prerender") => {}
        Some("-h" | "--help") | None => return Err(USAGE.into()),
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
    }
    let mut parsed = Args {
        dist: PathBuf::from("dist"),
        site_url: None,
        jobs: None,
        sitemap_limit: sitemaps::SITEMAP_LIMIT,
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--dist" => parsed.dist = PathBuf::from(value()?),
            "--site-url" => parsed.site_url = Some(value()?),
            "--jobs" => parsed.jobs = Some(number(&arg, &value()?)?),
            "--sitemap-limit" => parsed.sitemap_limit = number(&arg, &value()?)?.min(sitemaps::SITEMAP_LIMIT),
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(parsed)
}

fn number(arg: &str, value: &str) -> Result<usize, String> {
    value
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or(format!("{arg} needs a positive number, not {value:?}"))
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("export") {
        return export::main(std::env::args().skip(2));
    }
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
    let locale = config.site.locale.as_deref().unwrap_or("fr");
    let plan = plan::plan(
        &source,
        config.prerender.latest.map(|n| n as usize),
        &config.post_types,
        locale,
    )
    .await?;

    // The interface language: config.json's, else the source's (an export
    // from WordPress carries the site's language), for every page and the
    // SPA fallback alike.
    let source_site = source.site().await.ok();
    let shell = match (&config.site.locale, &source_site) {
        (None, Some(site)) => shell.with_locale(kiosque_core::i18n::Locale::from_code(&site.locale).code()),
        _ => shell,
    };
    // The date format likewise (WordPress's, carried by an export).
    let shell = match (&config.site.date_format, source_site.and_then(|s| s.date_format)) {
        (None, Some(format)) => shell.with_date_format(&format),
        _ => shell,
    };
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
    // This binary too: a rebuild of the same commit may render differently.
    let exe = std::env::current_exe().and_then(fs::read).unwrap_or_default();
    let year = kiosque_core::clock::current_year().to_string();
    let exe_hash = inputs::bytes_hash(&exe);
    let fingerprint = inputs::fingerprint(&[BUILD_ID, &exe_hash, &config_text, &shell_document, &base_url, &year]);
    let job = pages::Job {
        dist,
        shell: &shell,
        base_url: &base_url,
        config_text: &config_text,
        door: &door,
        workers: pages::workers(args.jobs),
        fingerprint: &fingerprint,
    };
    // A malformed index entry is reported; its last good page stays.
    let keep: Vec<Route> = plan
        .malformed
        .iter()
        .filter_map(|m| m.slug.clone())
        .map(Route::article)
        .collect();
    let mut report = pages::prerender(&job, &plan.routes, &keep, &old, &shell_document)?;
    report.skipped.extend(
        plan.malformed
            .iter()
            .map(|m| format!("{}: malformed: {}", m.name, m.error)),
    );

    let name = config.site.name.clone().unwrap_or_default();
    let tagline = config.site.tagline.clone().unwrap_or_default();
    let site = feeds::Site {
        url: base_url.trim_end_matches('/'),
        name: &name,
        tagline: &tagline,
        locale: config.site.locale.as_deref().unwrap_or("fr"),
    };
    let files = site_files::write(dist, &site, &plan, &report.manifest, &old.files, args.sitemap_limit)?;
    let manifest = Manifest {
        build: BUILD_ID.to_string(),
        fingerprint,
        pages: report.manifest,
        files,
        inputs: report.inputs,
    };
    manifest.write(dist).map_err(|e| format!("{}: {e}", output::MANIFEST))?;
    let pages::Report {
        wrote,
        unchanged,
        reused,
        deleted,
        skipped,
        ..
    } = report;

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
        "prerender: {} rendered, {reused} not rendered (nothing they read changed)",
        manifest.pages.len() - reused
    );
    println!(
        "prerender: {} pages for {base_url} ({} written, {unchanged} unchanged, {} deleted, {} skipped), \
         {} categories, {} articles; sitemaps, feeds and robots.txt in {}",
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
        assert_eq!(
            hashes.len(),
            2,
            "index.html's inline scripts: the theme's, the speculation rules"
        );
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
        assert!(args(&["prerender", "--jobs", "0"]).is_err());
        let a = args(&["prerender", "--dist", "out", "--site-url", "https://h.com"]).unwrap();
        assert_eq!(a.dist, PathBuf::from("out"));
        assert_eq!(a.site_url.as_deref(), Some("https://h.com"));
    }
}
