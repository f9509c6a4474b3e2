//! Renders the plan's routes on every core and writes them incrementally.
//! Workers (one per core, each with its own Leptos owner per page) render;
//! this thread alone writes, so two pages that share a data file never race
//! on it. Files depend only on the page, never on which worker or in which
//! order, so a parallel run writes what a sequential one would.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use kiosque_core::http::Door;
use kiosque_core::routes::Route;

use crate::output::{self, Manifest, PageFiles};
use crate::plan::route_file;
use crate::render::{self, Rendered, Shell};

/// What every page is rendered with.
pub struct Job<'a> {
    pub dist: &'a Path,
    pub shell: &'a Shell,
    /// The deploy's public URL (`https://host/sub/`).
    pub base_url: &'a str,
    pub config_text: &'a str,
    /// The network door every render reads through (dist/, or HTTP).
    pub door: &'a Door,
    pub workers: usize,
}

/// What a run did.
#[derive(Default)]
pub struct Report {
    pub manifest: BTreeMap<String, PageFiles>,
    pub wrote: Vec<String>,
    pub unchanged: usize,
    pub deleted: Vec<String>,
    pub skipped: Vec<String>,
}

/// The worker count: `requested`, else one per core.
pub fn workers(requested: Option<usize>) -> usize {
    requested
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .max(1)
}

/// Renders `route` on this thread.
fn render_one(job: &Job, route: &str) -> (Rendered, String) {
    let base_path = job.shell.base_path();
    let mut data_file = String::new();
    let name_data = |data: &str| {
        // Content-addressed, so hosts cache it for good (`-<16 hex>` names).
        data_file = format!("page-data/data-{}.js", output::short_hash(data));
        format!("{base_path}{data_file}")
    };
    let rendered = futures::executor::block_on(render::render(
        job.shell,
        route,
        job.base_url,
        job.config_text,
        job.door,
        name_data,
    ));
    (rendered, data_file)
}

/// Renders and writes every route; `keep`: routes whose source entry was
/// malformed (their last good page stays). Deletes pages that left the set.
pub fn prerender(
    job: &Job,
    routes: &[Route],
    keep: &[Route],
    old: &Manifest,
    shell_document: &str,
) -> Result<Report, String> {
    let mut report = Report::default();
    let local_path = std::fs::canonicalize(job.dist)
        .unwrap_or_else(|_| job.dist.to_path_buf())
        .to_string_lossy()
        .to_string();
    let paths: Vec<String> = routes.iter().map(Route::path).collect();
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::sync_channel::<(String, Rendered, String)>(job.workers * 2);
    std::thread::scope(|scope| -> Result<(), String> {
        for _ in 0..job.workers {
            let send = send.clone();
            let (paths, next) = (&paths, &next);
            scope.spawn(move || {
                while let Some(route) = paths.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let (rendered, data_file) = if route_file(route).is_some() {
                        render_one(job, route)
                    } else {
                        (Rendered::Skipped("not a safe path".into()), String::new())
                    };
                    if send.send((route.clone(), rendered, data_file)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(send);
        for (route, rendered, data_file) in receive {
            // On an error, dropping `receive` stops the workers.
            take(job, &mut report, old, &local_path, route, rendered, data_file)?;
        }
        Ok(())
    })?;
    for route in keep.iter().map(Route::path) {
        if let Some(files) = old.pages.get(&route) {
            report.manifest.entry(route.clone()).or_insert_with(|| files.clone());
        }
    }
    for (route, files) in &old.pages {
        if !report.manifest.contains_key(route) {
            output::delete_file(job.dist, &files.data);
            output::delete_page(job.dist, &files.html, shell_document).map_err(|e| format!("{}: {e}", files.html))?;
            report.deleted.push(route.clone());
        }
    }
    // Workers finish in any order; the report does not depend on it.
    report.wrote.sort();
    report.skipped.sort();
    Ok(report)
}

/// Writes one rendered page, or records why not.
fn take(
    job: &Job,
    report: &mut Report,
    old: &Manifest,
    local_path: &str,
    route: String,
    rendered: Rendered,
    data_file: String,
) -> Result<(), String> {
    let file = route_file(&route).unwrap_or_default();
    match rendered {
        Rendered::Page { html, data } if [&html, &data].iter().any(|t| t.contains(local_path)) => {
            report
                .skipped
                .push(format!("{route}: the page would show a local path"));
        }
        Rendered::Page { html, data } => {
            let write =
                |f: &str, t: &str| output::write_if_changed(&job.dist.join(f), t).map_err(|e| format!("{f}: {e}"));
            let changed = write(&data_file, &data)? | write(&file, &html)?;
            if changed {
                report.wrote.push(route.clone());
            } else {
                report.unchanged += 1;
            }
            if let Some(old_files) = old.pages.get(&route).filter(|o| o.data != data_file) {
                output::delete_file(job.dist, &old_files.data);
            }
            report.manifest.insert(
                route,
                PageFiles {
                    html: file,
                    data: data_file,
                },
            );
        }
        Rendered::Skipped(why) => {
            // A page that failed to load keeps its last good version; one
            // that is gone (404) is deleted.
            if !why.starts_with("not found") {
                if let Some(old_files) = old.pages.get(&route) {
                    report.manifest.insert(route.clone(), old_files.clone());
                }
            }
            report.skipped.push(format!("{route}: {why}"));
        }
    }
    Ok(())
}
