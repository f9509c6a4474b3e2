//! `kiosque-publish export`: a WordPress site → Kiosque's static content API
//! (docs/content-api.md) in `dist/api/`, then the prerender, so readers
//! never reach WordPress. Incremental (a state file beside the export),
//! resumable (a work directory of finished requests), atomic (a staged tree
//! swapped in), and tolerant: a post that cannot be read is reported and
//! keeps its last good export. See docs/wordpress.md, "Static export".

mod args;
mod build;
mod checkpoint;
mod client;
mod heads;
mod posts;
mod rails;
mod retry;
mod search;
mod site;
mod state;
mod types;
mod unlock_hint;
mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use kiosque_core::config::Config;
use kiosque_core::model::Article;
use kiosque_core::source::static_files::json;

use client::Client;
use posts::Outcome;
use state::{Entry, State, STATE_FILE};
use write::Staging;

pub fn main(argv: impl Iterator<Item = String>) -> ExitCode {
    let args = match args::parse(argv) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("export: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = run(&args) {
        eprintln!("export: {e}; the previous export is unchanged");
        return ExitCode::FAILURE;
    }
    if args.no_prerender {
        return ExitCode::SUCCESS;
    }
    prerender(&args)
}

/// The prerender, as its own process: the same binary, the same `dist/`.
fn prerender(args: &args::Args) -> ExitCode {
    let Ok(me) = std::env::current_exe() else {
        eprintln!("export: cannot find this program to run the prerender");
        return ExitCode::FAILURE;
    };
    let mut cmd = Command::new(me);
    cmd.arg("prerender").arg("--dist").arg(&args.dist);
    if let Some(url) = &args.site_url {
        cmd.arg("--site-url").arg(url);
    }
    match cmd.status() {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) | Err(_) => ExitCode::FAILURE,
    }
}

/// What an export was asked for, resolved from the arguments and config.json.
struct Target {
    wordpress: String,
    api_dir: PathBuf,
    most_read_url: Option<String>,
    authorization: Option<String>,
    /// `site.posts_per_page` and `site.locale` from config.json.
    per_page: Option<u32>,
    locale: Option<String>,
    /// `post_types` from config.json: exported under `types/`.
    post_types: Vec<kiosque_core::config_types::PostTypeConfig>,
    /// `api.unlock_url` from config.json (for `unlock_hint`).
    unlock_url: Option<String>,
}

fn target(args: &args::Args) -> Result<Target, String> {
    let config = match std::fs::read_to_string(args.dist.join("config.json")) {
        Ok(text) => Some(Config::parse(&text).map_err(|e| format!("config.json: {e}"))?),
        Err(_) => None,
    };
    let export = config.as_ref().and_then(|c| c.export.clone()).unwrap_or_default();
    let wordpress = args
        .wordpress
        .clone()
        .or((!export.wordpress_url.is_empty()).then_some(export.wordpress_url.clone()))
        .ok_or("no WordPress to export: pass --wordpress or set export.wordpress_url in config.json")?;
    let wordpress = wordpress.trim().trim_end_matches('/').to_string();
    if !(wordpress.starts_with("https://") || wordpress.starts_with("http://")) {
        return Err(format!("{wordpress:?} is not an http(s) REST root"));
    }
    let api_dir = match (&args.api_dir, &config) {
        (Some(dir), _) => dir.clone(),
        (None, Some(c)) if !c.api.base_url.contains("://") => {
            let rel = c.api.base_url.trim().trim_matches('/');
            if rel.is_empty() || rel.split('/').any(|s| s == "..") {
                return Err(format!(
                    "api.base_url {:?} names no directory; pass --api-dir",
                    c.api.base_url
                ));
            }
            args.dist.join(rel)
        }
        _ => return Err("api.base_url is not a path under dist/: pass --api-dir".into()),
    };
    if let Some(c) = &config {
        if c.api.kind != kiosque_core::config::ApiKind::Static {
            eprintln!(
                "export: api.kind is {:?}: readers still reach WordPress until it is \"static\"",
                c.api.kind.name()
            );
        }
    }
    let user = args.user.clone().or(export.user.clone());
    let password_file = args
        .app_password_file
        .clone()
        .or(export.app_password_file.as_ref().map(PathBuf::from));
    let authorization = match (user, password_file) {
        (Some(user), Some(file)) => {
            if !kiosque_core::http::may_send_credentials(&wordpress) {
                return Err(format!(
                    "refusing to send a password to {wordpress} over plain HTTP (use https)"
                ));
            }
            let password = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            use base64::Engine;
            let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{}", password.trim()));
            Some(format!("Basic {token}"))
        }
        (None, None) => None,
        _ => return Err("export.user and export.app_password_file go together".into()),
    };
    Ok(Target {
        wordpress,
        api_dir,
        most_read_url: export.most_read_url,
        authorization,
        per_page: config.as_ref().and_then(|c| c.site.posts_per_page),
        locale: config.as_ref().and_then(|c| c.site.locale.clone()),
        post_types: config.as_ref().map(|c| c.post_types.clone()).unwrap_or_default(),
        unlock_url: config.as_ref().and_then(|c| c.api.unlock_url.clone()),
    })
}

/// What the export did, for the summary line.
#[derive(Default)]
struct Counts {
    fetched: usize,
    unchanged: usize,
    removed: usize,
    skipped: Vec<String>,
}

fn run(args: &args::Args) -> Result<(), String> {
    let t = target(args)?;
    let mut door = kiosque_core::http::Door::default().with_remote_http();
    if let Some(value) = &t.authorization {
        door = door.with_authorization(value);
    }
    let client = Client::new(&t.wordpress, door, args.timeout_ms, args.concurrency)
        .with_retries(args.retries)
        .with_page_size(args.page_size)
        .located();
    write::recover(&t.api_dir).map_err(|e| format!("{}: {e}", t.api_dir.display()))?;
    // The last export: what an unreadable post falls back to, and, unless
    // `--full`, what is compared with WordPress to fetch only changes.
    let previous = State::read(&t.api_dir, &t.wordpress);
    let empty = State::new(&t.wordpress, BTreeMap::new());
    let state = if args.full { &empty } else { &previous };
    let mut counts = Counts::default();

    // What the site holds: if this fails WordPress is not answering.
    let site = site::fetch(&client, t.most_read_url.as_deref(), &mut counts.skipped)?;
    language_hint(&site, t.locale.as_deref());
    let listed = site::post_ids(&client, &mut counts.skipped)?;
    // An empty list from a site that had posts is far likelier a broken
    // WordPress (a plugin, a cache) than a newsroom that deleted everything.
    if listed.is_empty() && !previous.posts.is_empty() && !args.full {
        return Err(format!(
            "WordPress lists no published post, the last export had {}: not deleting them all (--full would)",
            previous.posts.len()
        ));
    }
    let mut diff = state::diff(state, &listed);
    // An unchanged post whose file went missing is fetched again.
    for (id, e) in &state.posts {
        if !diff.fetch.contains(id) && !t.api_dir.join(article_path(&e.slug)).exists() {
            diff.fetch.insert(*id);
        }
    }
    let want: BTreeMap<u64, String> = listed
        .iter()
        .filter(|(id, _)| diff.fetch.contains(id))
        .cloned()
        .collect();
    let work = write::sibling(&t.api_dir, ".export-work");
    let checkpoint = checkpoint::Checkpoint::open(work, &t.wordpress).map_err(|e| format!("work directory: {e}"))?;
    let since = if state.posts.is_empty() {
        None
    } else {
        state.high_water.clone()
    };
    let mut fetched = posts::fetch(&client, &site, &want, since.as_deref(), &checkpoint)
        .map_err(|e| format!("fetching posts: {e}"))?;

    // The new state: fetched posts replace their entries; a post that could
    // not be read keeps its last good export.
    let mut entries: BTreeMap<u64, Entry> = BTreeMap::new();
    // Fetched articles wait in the work directory, not in memory.
    let mut articles: BTreeMap<u64, PathBuf> = BTreeMap::new();
    for (id, _) in &listed {
        if !want.contains_key(id) {
            if let Some(e) = state.posts.get(id) {
                entries.insert(*id, e.clone());
                counts.unchanged += 1;
            }
            continue;
        }
        match fetched.remove(id).map(|f| f.outcome) {
            Some(Outcome::Mapped(e)) if kiosque_core::source::checked_slug(&e.slug).is_err() => {
                counts
                    .skipped
                    .push(format!("post {id}: the slug {:?} cannot be a route", e.slug));
            }
            Some(Outcome::Mapped(e)) => {
                articles.insert(*id, checkpoint.article(*id, &e.modified_gmt));
                entries.insert(*id, *e);
                counts.fetched += 1;
            }
            Some(Outcome::NotPublic) => {}
            other => {
                let why = match other {
                    Some(Outcome::Failed(why)) => why,
                    _ => "not returned by WordPress".into(),
                };
                let kept = previous.posts.get(id).cloned();
                counts.skipped.push(format!(
                    "post {id}: {why}{}",
                    if kept.is_some() {
                        " (its last export is kept)"
                    } else {
                        ""
                    }
                ));
                if let Some(e) = kept {
                    entries.insert(*id, e);
                }
            }
        }
    }
    counts.removed = state::diff(&previous, &listed).gone.len();
    let mut typed = types::fetch(&client, &site, &t.post_types, &mut counts.skipped)?;
    if entries.is_empty() && !listed.is_empty() {
        return Err(format!("none of the {} published posts could be read", listed.len()));
    }

    let mut staging = Staging::new(&t.api_dir).map_err(|e| format!("{}: {e}", t.api_dir.display()))?;
    let result = stage(&mut staging, &site, &entries, &articles, &t, &mut counts, &mut typed)
        .and_then(|()| stage_types(&mut staging, typed, site.as_build(t.per_page).per_page));
    if let Err(e) = result {
        staging.abandon();
        return Err(e);
    }
    let removed = staging.removed();
    let (written, unchanged) = (staging.written.clone(), staging.unchanged);
    staging
        .commit()
        .map_err(|e| format!("swapping in {}: {e}", t.api_dir.display()))?;
    checkpoint.remove();

    for f in written.iter().filter(|f| f.as_str() != STATE_FILE) {
        println!("  wrote    {f}");
    }
    for f in &removed {
        println!("  removed  {f}");
    }
    for why in &counts.skipped {
        println!("  skipped  {why}");
    }
    println!(
        "export: {} posts from {} ({} fetched, {} unchanged, {} gone, {} skipped), {} pages; \
         {} files written, {unchanged} unchanged, {} removed in {}",
        entries.len(),
        t.wordpress,
        counts.fetched,
        counts.unchanged,
        counts.removed,
        counts.skipped.len(),
        site.pages.len(),
        written.iter().filter(|f| f.as_str() != STATE_FILE).count(),
        removed.len(),
        t.api_dir.display(),
    );
    let protected = entries.values().filter(|e| e.protected).count();
    if let Some(hint) = unlock_hint::hint(protected, t.unlock_url.as_deref(), &t.wordpress) {
        eprintln!("{hint}");
    }
    Ok(())
}

/// config.json's locale wins over the site's (unset, the prerender follows
/// site.json's): when it differs from WordPress's language, the export says so.
fn language_hint(site: &site::Fetched, configured: Option<&str>) {
    let Some(locale) = site.settings.as_ref().and_then(|s| s.locale()) else {
        return;
    };
    let Some(current) = configured else {
        return;
    };
    if locale != current {
        eprintln!(
            "export: WordPress's language reads as {locale:?}, the interface is {current:?}: \
             set \"site\": {{\"locale\": {locale:?}}} in config.json, or remove it, to follow it"
        );
    }
}

fn article_path(slug: &str) -> String {
    format!("articles/{slug}.json")
}

/// Stages every file of the new export and its state.
fn stage(
    staging: &mut Staging,
    site: &site::Fetched,
    entries: &BTreeMap<u64, Entry>,
    articles: &BTreeMap<u64, PathBuf>,
    t: &Target,
    counts: &mut Counts,
    typed: &mut [types::Typed],
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let mut posts: Vec<build::Post<'_>> = entries.iter().map(|(id, e)| (*id, e)).collect();
    build::sort_newest(&mut posts);
    // One article per slug (WordPress keeps them unique; a second is skipped).
    let mut seen = std::collections::HashSet::new();
    posts.retain(|(id, e)| {
        let first = seen.insert(e.slug.clone());
        if !first {
            counts
                .skipped
                .push(format!("post {id}: the slug {:?} is taken by a newer post", e.slug));
        }
        first
    });
    // Posts' rails, and the items' of types with `in_related`.
    let rails = rails::fill(&posts, typed, &t.post_types);
    for (i, (id, e)) in posts.iter().enumerate() {
        let path = article_path(&e.slug);
        // Just fetched (in the work directory), else as last exported.
        let from = articles.get(id).cloned().unwrap_or_else(|| t.api_dir.join(&path));
        let Some(article) = read_article(&from) else {
            counts
                .skipped
                .push(format!("post {id}: {} is unreadable; run with --full", from.display()));
            continue;
        };
        let related = rails.get(i).cloned().unwrap_or_default();
        let article = Article { related, ..article };
        staging.put(&path, &json(&article)).map_err(io)?;
    }
    // The types' items in the search index, each with its own URL.
    let items: Vec<(kiosque_core::model::ArticleSummary, search::SearchEntry)> = typed
        .iter()
        .flat_map(|(rest_base, items)| {
            items.iter().map(move |i| {
                let mut card = i.summary.clone();
                card.post_type = Some(rest_base.clone());
                (card, search::search_entry(&i.article))
            })
        })
        .collect();
    for (path, bytes) in build::files(&site.as_build(t.per_page), &posts, &items) {
        let rel = path.strip_prefix("api/").unwrap_or(&path);
        staging.put(rel, &bytes).map_err(io)?;
    }
    for slug in &site.kept_pages {
        staging.keep(&format!("pages/{slug}.json")).map_err(io)?;
    }
    let state = State::new(&t.wordpress, entries.clone());
    staging.put(STATE_FILE, &state.to_bytes()).map_err(io)
}

/// Stages the custom post types' files, `per_page` items a listing page.
fn stage_types(staging: &mut Staging, typed: Vec<types::Typed>, per_page: u32) -> Result<(), String> {
    let mut files = kiosque_core::source::static_files::Files::new();
    for (rest_base, items) in typed {
        let items = items.into_iter().map(|i| (i.summary, i.article)).collect();
        kiosque_core::source::static_files::write_type(&mut files, &rest_base, items, per_page as usize);
    }
    for (path, bytes) in files {
        let rel = path.strip_prefix("api/").unwrap_or(&path);
        staging.put(rel, &bytes).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn read_article(path: &Path) -> Option<Article> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}
