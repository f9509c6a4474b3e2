//! `content synth`: a synthetic newsroom archive of any size, as a complete
//! static content API (docs/content-api.md), for measuring the prerender at
//! scale (`make bench-archive`). Generated, never committed.
//!
//! Deterministic from `--seed`. Streaming: each article is written as it is
//! made; only light stubs (title, dates, taxonomy) stay in memory, and
//! listings are written from them. `--touch K` makes the same archive with
//! K articles edited (title, body, modified date): only the files that
//! change are rewritten, as a newsroom's next publish would.

mod body;
mod extras;
mod meta;
mod text;
mod words;
mod write;

#[cfg(test)]
mod end_to_end;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

pub use write::generate;

pub const USAGE: &str = "\
usage: content synth --articles N --out DIR [--seed S] [--touch K] [--per-page P]

Writes a synthetic archive of N articles (20 categories, 2,000 tags, 200
authors) as a static content API in DIR/api and a few shared images in
DIR/media/synth. The same seed gives the same files. --touch K: the same
archive with K articles edited; only changed files are rewritten.
--per-page: listing page size (default 10).";

#[derive(Clone, Debug)]
pub struct Options {
    pub articles: usize,
    pub out: PathBuf,
    pub seed: String,
    pub touch: usize,
    pub per_page: usize,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut opts = Options {
        articles: 0,
        out: PathBuf::new(),
        seed: "kiosque".into(),
        touch: 0,
        per_page: 10,
    };
    let mut out = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        let number = |v: String| {
            v.parse::<usize>()
                .map_err(|_| format!("{arg} needs a number, not {v:?}"))
        };
        match arg.as_str() {
            "--articles" => opts.articles = number(value()?)?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => opts.seed = value()?,
            "--touch" => opts.touch = number(value()?)?,
            "--per-page" => opts.per_page = number(value()?)?.max(1),
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    opts.out = out.ok_or("--out DIR is required")?;
    if opts.articles == 0 {
        return Err("--articles N is required (at least 1)".into());
    }
    Ok(opts)
}

/// `content synth …` (the arguments after `synth`).
pub fn main(args: impl Iterator<Item = String>) -> ExitCode {
    let opts = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("content synth: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    match generate(&opts) {
        Ok(s) => {
            println!(
                "content synth: {} articles ({} touched) into {}: {} files ({} written, {} unchanged, {} deleted), \
                 {:.1} MB, in {:.1}s",
                opts.articles,
                s.touched,
                opts.out.display(),
                s.files,
                s.written,
                s.unchanged,
                s.deleted,
                s.bytes as f64 / 1e6,
                started.elapsed().as_secs_f32()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("content synth: error: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked() {
        let p = |v: &[&str]| parse(v.iter().map(|s| s.to_string()));
        assert!(p(&["--out", "x"]).is_err(), "no size");
        assert!(p(&["--articles", "10"]).is_err(), "no output");
        assert!(p(&["--articles", "ten", "--out", "x"]).is_err());
        assert!(p(&["--nope"]).is_err());
        let o = p(&["--articles", "10", "--out", "x", "--touch", "2", "--seed", "s"]).unwrap();
        assert_eq!((o.articles, o.touch, o.seed.as_str(), o.per_page), (10, 2, "s", 10));
    }
}
