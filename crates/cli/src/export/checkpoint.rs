//! Resuming an interrupted export: every finished post request leaves its
//! mapped posts in a work directory beside the export (what listings need,
//! and each article in its own file, so no run holds every article in
//! memory), so a rerun after a crash fetches only what is missing. The
//! directory is removed once the export is in place.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::posts::Fetched;

/// What one request brought back.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Chunk {
    /// Pages of the list this request was page of (page requests only).
    #[serde(default)]
    pub total_pages: u32,
    pub posts: Vec<Fetched>,
}

pub struct Checkpoint {
    dir: PathBuf,
}

fn safe(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
        .collect()
}

/// Names the site a work directory belongs to.
const OWNER: &str = "wordpress.txt";

impl Checkpoint {
    /// The work directory for `wordpress`; another site's leftovers are
    /// cleared.
    pub fn open(dir: PathBuf, wordpress: &str) -> std::io::Result<Checkpoint> {
        let owner = fs::read_to_string(dir.join(OWNER)).unwrap_or_default();
        if owner != wordpress {
            if dir.exists() {
                fs::remove_dir_all(&dir)?;
            }
            fs::create_dir_all(&dir)?;
            fs::write(dir.join(OWNER), wordpress)?;
        }
        Ok(Checkpoint { dir })
    }

    fn file(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{}.json", safe(key)))
    }

    /// Where the mapped article of post `id` at version `modified_gmt` is kept.
    pub fn article(&self, id: u64, modified_gmt: &str) -> PathBuf {
        self.dir
            .join("articles")
            .join(format!("{id}-{}.json", safe(modified_gmt)))
    }

    pub fn save_article(&self, id: u64, modified_gmt: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.article(id, modified_gmt);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("tmp");
        fs::write(&tmp, bytes)?;
        fs::rename(tmp, path)
    }

    /// A finished request, written whole (temporary name, then renamed).
    pub fn save(&self, key: &str, chunk: &Chunk) -> std::io::Result<()> {
        let path = self.file(key);
        let tmp = path.with_extension("tmp");
        let bytes = serde_json::to_vec(chunk).map_err(std::io::Error::other)?;
        fs::write(&tmp, bytes)?;
        fs::rename(tmp, path)
    }

    pub fn load(&self, key: &str) -> Option<Chunk> {
        let text = fs::read(self.file(key)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Every post a saved request brought back, by ID (the newest
    /// modification wins when one was fetched twice).
    pub fn all_posts(&self) -> BTreeMap<u64, Fetched> {
        let mut out: BTreeMap<u64, Fetched> = BTreeMap::new();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return out;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Some(chunk) = fs::read(&path)
                .ok()
                .and_then(|b| serde_json::from_slice::<Chunk>(&b).ok())
            else {
                continue;
            };
            for f in chunk.posts {
                match out.get(&f.id) {
                    Some(old) if old.modified_gmt >= f.modified_gmt => {}
                    _ => {
                        out.insert(f.id, f);
                    }
                }
            }
        }
        out
    }

    pub fn remove(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::posts::Outcome;

    fn fetched(id: u64, modified: &str) -> Fetched {
        Fetched {
            id,
            modified_gmt: modified.into(),
            outcome: Outcome::NotPublic,
        }
    }

    #[test]
    fn saved_requests_are_found_again_and_another_sites_are_cleared() {
        let dir = std::env::temp_dir().join(format!("kiosque-export-checkpoint-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let c = Checkpoint::open(dir.clone(), "http://a/wp-json").unwrap();
        let chunk = |posts| Chunk { total_pages: 3, posts };
        c.save(
            "all-page-1",
            &chunk(vec![fetched(1, "2026-01-01"), fetched(2, "2026-01-01")]),
        )
        .unwrap();
        c.save("ids-2", &chunk(vec![fetched(2, "2026-02-01")])).unwrap();
        assert_eq!(c.load("all-page-1").unwrap().total_pages, 3);
        assert!(c.load("all-page-2").is_none());
        let all = c.all_posts();
        assert_eq!(all.len(), 2);
        assert_eq!(all[&2].modified_gmt, "2026-02-01", "the newest version of a post wins");
        // Reopened for the same site: kept. For another: cleared.
        let c = Checkpoint::open(dir.clone(), "http://a/wp-json").unwrap();
        assert_eq!(c.all_posts().len(), 2);
        let c = Checkpoint::open(dir.clone(), "http://b/wp-json").unwrap();
        assert!(c.all_posts().is_empty());
        c.remove();
        assert!(!dir.exists());
    }
}
