//! Regression corpus: `tests/fuzz-corpus/<target>/*` holds inputs worth
//! keeping (past failures, once fixed, and seeds such as the deepest
//! nesting); every plain `cargo test` replays them through the target's
//! check.

use std::path::PathBuf;

use crate::driver::try_check;

pub fn dir(target: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(target)
}

/// Replays every file of `target`'s corpus; fails naming each failing file.
pub fn replay<T>(target: &str, decode: fn(&[u8]) -> T, check: fn(&T)) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir(target))
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    let mut failures = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("{f:?}: {e}"));
        let input = decode(&bytes);
        if let Err(msg) = try_check(check, &input) {
            failures.push(format!("{}: {msg}", f.display()));
        }
    }
    println!("corpus {target:<20} {:>4} files replayed", files.len());
    assert!(failures.is_empty(), "corpus regressions:\n{}", failures.join("\n"));
}
