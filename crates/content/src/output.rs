//! The output directories the command owns (`api/`, `media/`): writes only
//! what changed, deletes what is stale, or, in check mode, lists both.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// Why the committed output is out of date.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    Missing(String),
    Differs(String),
    Stale(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing(p) => write!(f, "missing: {p}"),
            Problem::Differs(p) => write!(f, "differs: {p}"),
            Problem::Stale(p) => write!(f, "stale:   {p}"),
        }
    }
}

/// Files kept even though the command did not write them.
fn is_kept(rel: &str) -> bool {
    rel.rsplit('/').next() == Some(".gitkeep")
}

/// One owned directory under the output root.
pub struct Tree<'a> {
    out: &'a Path,
    sub: &'static str,
    pub written: usize,
    pub unchanged: usize,
    pub deleted: usize,
}

impl<'a> Tree<'a> {
    pub fn new(out: &'a Path, sub: &'static str) -> Self {
        Tree {
            out,
            sub,
            written: 0,
            unchanged: 0,
            deleted: 0,
        }
    }

    /// Every file under the directory, as `sub/…` paths with `/`, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut found = Vec::new();
        walk(&self.out.join(self.sub), self.sub, &mut found);
        found.sort();
        found
    }

    /// Writes `rel` unless it already holds exactly `bytes`.
    pub fn write_file(&mut self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        let path = self.out.join(rel);
        if std::fs::read(&path).ok().as_deref() == Some(bytes) {
            self.unchanged += 1;
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        self.written += 1;
        Ok(())
    }

    pub fn check_file(&self, rel: &str, bytes: &[u8], problems: &mut Vec<Problem>) {
        match std::fs::read(self.out.join(rel)) {
            Ok(b) if b == bytes => {}
            Ok(_) => problems.push(Problem::Differs(rel.to_string())),
            Err(_) => problems.push(Problem::Missing(rel.to_string())),
        }
    }

    pub fn check_stale(&self, expected: &[String], problems: &mut Vec<Problem>) {
        let keep: BTreeSet<&str> = expected.iter().map(String::as_str).collect();
        for f in self.files() {
            if !keep.contains(f.as_str()) && !is_kept(&f) {
                problems.push(Problem::Stale(f));
            }
        }
    }

    /// Deletes files not in `expected`, then empty directories.
    pub fn delete_stale(&mut self, expected: &[String]) -> Result<(), String> {
        let keep: BTreeSet<&str> = expected.iter().map(String::as_str).collect();
        for f in self.files() {
            if !keep.contains(f.as_str()) && !is_kept(&f) {
                let path = self.out.join(&f);
                std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                self.deleted += 1;
            }
        }
        prune_empty_dirs(&self.out.join(self.sub), true);
        Ok(())
    }
}

fn walk(dir: &Path, rel: &str, found: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let child_rel = format!("{rel}/{name}");
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&e.path(), &child_rel, found),
            Ok(_) => found.push(child_rel),
            Err(_) => {}
        }
    }
}

/// Removes empty directories below `dir` (and `dir` itself unless `root`).
fn prune_empty_dirs(dir: &Path, root: bool) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let subdirs: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    for d in subdirs {
        prune_empty_dirs(&d, false);
    }
    if !root && std::fs::read_dir(dir).is_ok_and(|mut e| e.next().is_none()) {
        let _ = std::fs::remove_dir(dir);
    }
}

/// The gzip size of `bytes` (`gzip -9`), when a `gzip` program exists.
pub fn gzip_size(bytes: &[u8]) -> Option<usize> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    out.status.success().then_some(out.stdout.len())
}
