//! Renders the plan's routes on every core and writes them incrementally.
//! Workers (one per core, each with its own Leptos owner per page) render;
//! this thread alone writes, so two pages that share a data file never race
//! on it. Files depend only on the page, never on which worker or in which
//! order, so a parallel run writes what a sequential one would. A page
//! whose inputs did not change since the last run is not rendered at all
//! (`inputs.rs`).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};

use kiosque_core::http::Door;
use kiosque_core::routes::Route;

use crate::inputs::{self, Answers, Recorder};
use crate::output::{self, Inputs, Manifest, PageFiles};
use crate::paged;
use crate::plan::route_file;
use crate::render::{self, Rendered, Shell};

/// Rounds of pages found by links after the plan's: a thread of 1,000
/// comments has 20 pages; a bound all the same.
const MAX_ROUNDS: usize = 64;

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
    /// `inputs::fingerprint` of this run.
    pub fingerprint: &'a str,
}

/// What a run did.
#[derive(Default)]
pub struct Report {
    pub manifest: BTreeMap<String, PageFiles>,
    /// The manifest's table of URLs read.
    pub inputs: Vec<String>,
    pub wrote: Vec<String>,
    pub unchanged: usize,
    /// Of the unchanged: pages not even rendered (inputs unchanged).
    pub reused: usize,
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

/// What a worker hands the writer for a route.
enum Outcome {
    Rendered {
        rendered: Rendered,
        data_file: String,
        reads: Vec<(String, u64)>,
    },
    /// Nothing it read changed: its files stay as they are.
    Unchanged { reads: Vec<(String, u64)> },
}

/// Whether `route`'s last page still stands: same fingerprint, its files
/// on disk, and every input answering as it did.
fn still_current(job: &Job, old: &Manifest, answers: &Answers, route: &str) -> Option<Vec<(String, u64)>> {
    let files = old.pages.get(route).filter(|f| !f.digest.is_empty())?;
    let on_disk = |f: &str| !f.is_empty() && job.dist.join(f).is_file();
    if old.fingerprint != job.fingerprint || !on_disk(&files.html) || !on_disk(&files.data) {
        return None;
    }
    answers.unchanged(job.door, &old.reads(files), &files.digest)
}

/// Renders `route` on this thread, recording what it reads.
fn render_one(job: &Job, route: &str, answers: &Arc<Answers>) -> Outcome {
    let recorder = Recorder::default();
    let door = recorder.door(job.door, answers);
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
        &door,
        name_data,
    ));
    Outcome::Rendered {
        rendered,
        data_file,
        reads: recorder.take(),
    }
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
    let answers = Arc::new(Answers::default());
    let mut table = Inputs::default();
    let mut round = Round {
        job,
        old,
        answers: &answers,
        local_path: &local_path,
        report: &mut report,
        table: &mut table,
    };
    // Pages 2… of multi-page articles are found while their page 1 renders,
    // comment page n + 1 while page n does: rounds until none is new (a
    // set across rounds, as a kept page names its article's other pages).
    let mut done: HashSet<String> = paths.iter().cloned().collect();
    let mut more = round.run(&paths)?;
    for _ in 0..MAX_ROUNDS {
        more.retain(|p| done.insert(p.clone()));
        if more.is_empty() {
            break;
        }
        more = round.run(&more)?;
    }
    for route in keep.iter().map(Route::path) {
        if let Some(files) = old.pages.get(&route) {
            let files = carried(old, files, &mut table);
            report.manifest.entry(route.clone()).or_insert(files);
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
    report.inputs = table.finish(&mut report.manifest);
    Ok(report)
}

/// One parallel pass over some routes, written into one report.
struct Round<'r, 'a> {
    job: &'r Job<'a>,
    old: &'r Manifest,
    answers: &'r Arc<Answers>,
    local_path: &'r str,
    report: &'r mut Report,
    table: &'r mut Inputs,
}

impl Round<'_, '_> {
    /// Renders (or keeps) `paths`; returns the article pages they lead to
    /// that are not among them.
    fn run(&mut self, paths: &[String]) -> Result<Vec<String>, String> {
        let (job, old, answers, local_path) = (self.job, self.old, self.answers, self.local_path);
        let base_path = job.shell.base_path();
        let mut more = Vec::new();
        let next = AtomicUsize::new(0);
        let (send, receive) = mpsc::sync_channel::<(String, Outcome)>(job.workers * 2);
        std::thread::scope(|scope| -> Result<(), String> {
            for _ in 0..job.workers {
                let send = send.clone();
                let next = &next;
                scope.spawn(move || {
                    while let Some(route) = paths.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let outcome = if route_file(route).is_none() {
                            Outcome::Rendered {
                                rendered: Rendered::Skipped("not a safe path".into()),
                                data_file: String::new(),
                                reads: Vec::new(),
                            }
                        } else if let Some(reads) = still_current(job, old, answers, route) {
                            Outcome::Unchanged { reads }
                        } else {
                            render_one(job, route, answers)
                        };
                        if send.send((route.clone(), outcome)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(send);
            for (route, outcome) in receive {
                // On an error, dropping `receive` stops the workers.
                match outcome {
                    Outcome::Rendered {
                        rendered,
                        data_file,
                        reads,
                    } => {
                        let page = Page {
                            route,
                            rendered,
                            data_file,
                            reads,
                        };
                        if let Rendered::Page { html, .. } = &page.rendered {
                            more.extend(paged::linked_pages(&page.route, html, &base_path));
                        }
                        take(job, self.report, self.table, old, local_path, page)?;
                    }
                    Outcome::Unchanged { reads } => {
                        more.extend(paged::kept_pages(&route, &old.pages));
                        if let Some(files) = old.pages.get(&route) {
                            let files = with_reads(files, &reads, self.table);
                            self.report.manifest.insert(route, files);
                            self.report.unchanged += 1;
                            self.report.reused += 1;
                        }
                    }
                }
            }
            Ok(())
        })?;
        // A set, not `paths.contains`: this round may hold 100,000 routes.
        if !more.is_empty() {
            let known: HashSet<&str> = paths.iter().map(String::as_str).collect();
            more.retain(|p| !known.contains(p.as_str()));
        }
        more.sort();
        more.dedup();
        Ok(more)
    }
}

/// `files` with this run's reads and their digest.
fn with_reads(files: &PageFiles, reads: &[(String, u64)], table: &mut Inputs) -> PageFiles {
    PageFiles {
        html: files.html.clone(),
        data: files.data.clone(),
        noindex: files.noindex,
        reads: reads.iter().map(|(url, _)| table.intern(url)).collect(),
        digest: if reads.is_empty() {
            String::new()
        } else {
            inputs::digest(reads)
        },
    }
}

/// An old page kept as it was: its reads moved to this run's table.
fn carried(old: &Manifest, files: &PageFiles, table: &mut Inputs) -> PageFiles {
    PageFiles {
        reads: old.reads(files).into_iter().map(|url| table.intern(url)).collect(),
        ..files.clone()
    }
}

/// A rendered route on its way to the writer.
struct Page {
    route: String,
    rendered: Rendered,
    data_file: String,
    reads: Vec<(String, u64)>,
}

/// Writes one rendered page, or records why not.
fn take(
    job: &Job,
    report: &mut Report,
    table: &mut Inputs,
    old: &Manifest,
    local_path: &str,
    page: Page,
) -> Result<(), String> {
    let Page {
        route,
        rendered,
        data_file,
        reads,
    } = page;
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
            let files = PageFiles {
                noindex: render::asks_noindex(&html),
                html: file,
                data: data_file,
                reads: Vec::new(),
                digest: String::new(),
            };
            report.manifest.insert(route, with_reads(&files, &reads, table));
        }
        Rendered::Skipped(why) => {
            // A page that failed to load keeps its last good version; one
            // that is gone (404) is deleted.
            if !why.starts_with("not found") {
                if let Some(old_files) = old.pages.get(&route) {
                    report.manifest.insert(route.clone(), carried(old, old_files, table));
                }
            }
            report.skipped.push(format!("{route}: {why}"));
        }
    }
    Ok(())
}
