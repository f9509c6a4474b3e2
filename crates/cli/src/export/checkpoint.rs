//! Resuming an interrupted export: every finished post request leaves its
//! mapped posts in a work directory beside the export, so a rerun after a
//! crash fetches only what is missing. The directory is removed once the
//! export is in place.

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
        let safe: String = key
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
            .collect();
        self.dir.join(format!("{safe}.json"))
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
