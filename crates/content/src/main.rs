//! `content`: turns the Markdown sources (content/) into Kiosque's static
//! content API (public/api/) and its illustrations (public/media/).
//!
//! Deterministic: the same sources give byte-identical files. Stale files
//! under api/ and media/ are deleted. `--check` writes nothing and fails
//! when the committed output is out of date. See docs/content-api.md.

mod api;
mod api_related;
mod api_types;
mod canvas;
mod illustrate;
mod markdown;
mod measure;
mod media;
mod output;
mod preview;
mod reindex;
mod sources;
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use output::{Problem, Tree};

const USAGE: &str = "\
usage: content [--check] [--content DIR] [--out DIR]
       content --preview DIR [--seed S]
       content search-measure [--articles N[,N…]] [--content DIR]
       content search-index --api DIR
       content synth --articles N --out DIR [--seed S] [--touch K] [--per-page P]

Converts the Markdown sources into the static content API and images.

  --content DIR   sources: site.toml, articles/, authors/, pages/ (default: content)
  --out DIR       output root; writes DIR/api/ and DIR/media/ (default: public)
  --check         write nothing; exit 1 and list the files that are missing,
                  differ or are stale if the output is out of date
  --preview DIR   instead, write PNG contact sheets of every motif and
                  palette to DIR (to review the drawings); --seed S varies them
  synth …         instead, write a synthetic archive of N articles (for
                  `make bench-archive`); `content synth --help` says more
  -h, --help      this help

search-measure builds the search index of N synthetic French articles
(default 1000,10000,100000) and prints what one query downloads.
search-index rewrites DIR/search/ from the articles of the static API in DIR.

Usually run as `make content`.";

struct Args {
    check: bool,
    content: PathBuf,
    out: PathBuf,
    preview: Option<PathBuf>,
    seed: String,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        check: false,
        content: PathBuf::from("content"),
        out: PathBuf::from("public"),
        preview: None,
        seed: "preview".into(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| -> Result<PathBuf, String> {
            inline
                .clone()
                .or_else(|| it.next())
                .map(PathBuf::from)
                .ok_or_else(|| format!("{name} needs a directory"))
        };
        match flag.as_str() {
            "--check" if inline.is_none() => args.check = true,
            "--content" => args.content = value("--content")?,
            "--out" => args.out = value("--out")?,
            "--preview" => args.preview = Some(value("--preview")?),
            "--seed" => args.seed = value("--seed")?.to_string_lossy().into_owned(),
            "-h" | "--help" => return Ok(None),
            _ => return Err(format!("unknown argument `{a}`")),
        }
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().map(String::as_str) == Some("synth") {
        return synth::main(argv.into_iter().skip(1));
    }
    type Sub = fn(&[String]) -> Result<(), String>;
    let sub: Option<Sub> = match argv.first().map(String::as_str) {
        Some("search-measure") => Some(measure::run),
        Some("search-index") => Some(reindex::run),
        _ => None,
    };
    if let Some(sub) = sub {
        return match sub(&argv[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("content: {e}");
                ExitCode::from(2)
            }
        };
    }
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("content: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("content: error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let started = Instant::now();
    if let Some(dir) = &args.preview {
        for f in preview::write_sheets(dir, &args.seed)? {
            println!("content: wrote {f}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (src, mut errors) = sources::load(&args.content);
    let Some(src) = src else {
        return Ok(report_source_errors(&errors));
    };
    // Build even when some sources failed, to report every error at once.
    let built = api::build(&src);
    let built = match built {
        Ok(b) if errors.is_empty() => b,
        Ok(_) => return Ok(report_source_errors(&errors)),
        Err(more) => {
            errors.extend(more);
            errors.sort();
            return Ok(report_source_errors(&errors));
        }
    };
    for w in &built.warnings {
        eprintln!("content: warning: {w}");
    }
    let mut problems: Vec<Problem> = Vec::new();
    let mut api_tree = Tree::new(&args.out, "api");
    let expected: Vec<String> = built.files.keys().cloned().collect();
    if args.check {
        for (rel, bytes) in &built.files {
            api_tree.check_file(rel, bytes, &mut problems);
        }
        api_tree.check_stale(&expected, &mut problems);
    } else {
        for (rel, bytes) in &built.files {
            api_tree.write_file(rel, bytes)?;
        }
        api_tree.delete_stale(&expected)?;
    }
    let media = media::sync(&args.out, &built.assets, args.check, &mut problems)?;

    let search: Vec<&Vec<u8>> = built
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("api/search/"))
        .map(|(_, b)| b)
        .collect();
    let biggest = search.iter().copied().max_by_key(|b| b.len());
    let gz = biggest
        .and_then(|b| output::gzip_size(b))
        .map(|n| format!("largest {:.1} KB gzip", n as f64 / 1024.0))
        .unwrap_or_else(|| "gzip size n/a".into());
    let search_bytes: usize = search.iter().map(|b| b.len()).sum();
    let api_bytes: usize = built.files.values().map(Vec::len).sum();
    println!(
        "content: {} articles, {} authors, {} pages, {} tags",
        built.articles,
        src.authors.len(),
        src.pages.len(),
        built.tags
    );
    println!(
        "content: api: {} files, {:.1} KB",
        built.files.len(),
        api_bytes as f64 / 1024.0
    );
    println!(
        "content: media: {} files, {:.2} MB{}",
        media.total_files,
        media.total_bytes as f64 / (1024.0 * 1024.0),
        if args.check {
            String::new()
        } else {
            format!(" ({} encoded)", media.encoded)
        }
    );
    println!(
        "content: search index: {} files, {:.1} KB raw, {gz}",
        search.len(),
        search_bytes as f64 / 1024.0
    );

    if args.check {
        if problems.is_empty() {
            println!(
                "content: check passed: {} is up to date ({:.1}s)",
                args.out.display(),
                started.elapsed().as_secs_f32()
            );
            return Ok(ExitCode::SUCCESS);
        }
        problems.sort();
        for p in &problems {
            eprintln!("  {p}");
        }
        eprintln!(
            "content: check failed: {} file(s) out of date; run `make content`",
            problems.len()
        );
        return Ok(ExitCode::from(1));
    }
    println!(
        "content: api: {} written, {} unchanged, {} deleted; media: {} deleted; done in {:.1}s",
        api_tree.written,
        api_tree.unchanged,
        api_tree.deleted,
        media.deleted,
        started.elapsed().as_secs_f32()
    );
    Ok(ExitCode::SUCCESS)
}

fn report_source_errors(errors: &[sources::SourceError]) -> ExitCode {
    for e in errors {
        eprintln!("content: error: {e}");
    }
    eprintln!("content: {} error(s) in the sources; nothing was written", errors.len());
    ExitCode::from(1)
}
