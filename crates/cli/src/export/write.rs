//! Putting an export in place without ever leaving a half-written one: the
//! new tree is staged beside the old (unchanged files hard-linked, so their
//! bytes and times stay, changed ones written anew), then swapped in with
//! two renames. A run that fails before the swap leaves the old tree as it
//! was; one interrupted between the renames is repaired by the next run.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub struct Staging {
    /// The live export (`dist/api`).
    live: PathBuf,
    /// The tree being built (`dist/api.export-new`).
    new: PathBuf,
    pub written: Vec<String>,
    pub unchanged: usize,
    seen: BTreeSet<String>,
}

pub fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let mut name = dir.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    dir.with_file_name(name)
}

/// Repairs a swap that was interrupted between its renames.
pub fn recover(live: &Path) -> io::Result<()> {
    let old = sibling(live, ".export-old");
    if old.exists() {
        if live.exists() {
            fs::remove_dir_all(&old)?;
        } else {
            fs::rename(&old, live)?;
        }
    }
    Ok(())
}

impl Staging {
    pub fn new(live: &Path) -> io::Result<Staging> {
        recover(live)?;
        let new = sibling(live, ".export-new");
        if new.exists() {
            fs::remove_dir_all(&new)?;
        }
        fs::create_dir_all(&new)?;
        Ok(Staging {
            live: live.to_path_buf(),
            new,
            written: Vec::new(),
            unchanged: 0,
            seen: BTreeSet::new(),
        })
    }

    /// Stages `rel` (a path under the export) with `bytes`.
    pub fn put(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        if rel.split('/').any(|s| s.is_empty() || s == "." || s == "..") {
            return Err(io::Error::other(format!("refusing the path {rel:?}")));
        }
        let target = self.new.join(rel);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        let old = self.live.join(rel);
        let same = fs::read(&old).is_ok_and(|b| b == bytes);
        if same && (fs::hard_link(&old, &target).is_ok() || fs::copy(&old, &target).is_ok()) {
            self.unchanged += 1;
        } else {
            fs::write(&target, bytes)?;
            self.written.push(rel.to_string());
        }
        self.seen.insert(rel.to_string());
        Ok(())
    }

    /// Stages the live file `rel` as it is (a post that could not be read
    /// keeps its last good export). Whether there was one.
    pub fn keep(&mut self, rel: &str) -> io::Result<bool> {
        match fs::read(self.live.join(rel)) {
            Ok(bytes) => self.put(rel, &bytes).map(|_| true),
            Err(_) => Ok(false),
        }
    }

    /// Files of the live export that the new one no longer has.
    pub fn removed(&self) -> Vec<String> {
        let mut out = Vec::new();
        walk(&self.live, "", &mut out);
        out.retain(|f| !self.seen.contains(f));
        out
    }

    /// Swaps the staged tree in; the old one is then deleted.
    pub fn commit(self) -> io::Result<()> {
        let old = sibling(&self.live, ".export-old");
        if self.live.exists() {
            fs::rename(&self.live, &old)?;
        }
        fs::rename(&self.new, &self.live)?;
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Drops the staged tree; the live one is untouched.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.new);
    }
}

fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let r = if rel.is_empty() { name } else { format!("{rel}/{name}") };
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&e.path(), &r, out),
            Ok(_) => out.push(r),
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("kiosque-export-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn only_changed_files_are_rewritten_and_the_swap_is_whole() {
        let root = tmp("swap");
        let live = root.join("api");
        fs::create_dir_all(live.join("a")).unwrap();
        fs::write(live.join("a/same.json"), "1").unwrap();
        fs::write(live.join("a/changed.json"), "old").unwrap();
        fs::write(live.join("gone.json"), "x").unwrap();
        let inode = fs::metadata(live.join("a/same.json")).unwrap().ino();
        let mut s = Staging::new(&live).unwrap();
        s.put("a/same.json", b"1").unwrap();
        s.put("a/changed.json", b"new").unwrap();
        s.put("b/added.json", b"+").unwrap();
        assert!(s.put("../escape", b"x").is_err());
        assert_eq!(s.written, ["a/changed.json", "b/added.json"]);
        assert_eq!(s.removed(), ["gone.json"]);
        // Before the swap, the live tree is untouched.
        assert_eq!(fs::read_to_string(live.join("a/changed.json")).unwrap(), "old");
        s.commit().unwrap();
        assert_eq!(fs::read_to_string(live.join("a/changed.json")).unwrap(), "new");
        assert!(!live.join("gone.json").exists());
        assert_eq!(
            fs::metadata(live.join("a/same.json")).unwrap().ino(),
            inode,
            "kept, not rewritten"
        );
        // An abandoned run leaves the live tree as it was.
        let mut s = Staging::new(&live).unwrap();
        s.put("a/changed.json", b"newer").unwrap();
        s.abandon();
        assert_eq!(fs::read_to_string(live.join("a/changed.json")).unwrap(), "new");
        assert!(!root.join("api.export-new").exists());
        // A swap cut between its renames is repaired.
        fs::rename(&live, root.join("api.export-old")).unwrap();
        recover(&live).unwrap();
        assert_eq!(fs::read_to_string(live.join("a/changed.json")).unwrap(), "new");
        fs::remove_dir_all(&root).unwrap();
    }
}
