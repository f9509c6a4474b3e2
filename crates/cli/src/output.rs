//! Writes pages into `dist/` incrementally: a manifest remembers what the last
//! run wrote, unchanged pages are left alone, and pages that left the set are
//! deleted.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const MANIFEST: &str = "prerender.json";

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub build: String,
    /// What every page of the run depended on besides its inputs
    /// (`inputs::fingerprint`); pages of another fingerprint are rendered.
    #[serde(default)]
    pub fingerprint: String,
    /// Route → files written, relative to `dist/`.
    pub pages: BTreeMap<String, PageFiles>,
    /// The sitemaps and feeds written (so stale ones are deleted).
    #[serde(default)]
    pub files: Vec<String>,
    /// Every URL some page read, sorted; pages name them by index.
    #[serde(default)]
    pub inputs: Vec<String>,
}

/// A prerendered page: its HTML and its data script, and what it read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageFiles {
    pub html: String,
    pub data: String,
    /// Indices in the manifest's `inputs` of the URLs the page read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reads: Vec<u32>,
    /// A digest of those URLs' answers (`inputs::digest`); empty: unknown,
    /// so the page is rendered next time.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub digest: String,
    /// The page asks robots not to index it (an SEO plugin's `noindex`): it
    /// stays out of the sitemaps and feeds.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub noindex: bool,
}

/// The URLs pages read in a run, each stored once.
#[derive(Default)]
pub struct Inputs {
    urls: Vec<String>,
    index: HashMap<String, u32>,
}

impl Inputs {
    pub fn intern(&mut self, url: &str) -> u32 {
        if let Some(i) = self.index.get(url) {
            return *i;
        }
        let i = self.urls.len() as u32;
        self.urls.push(url.to_string());
        self.index.insert(url.to_string(), i);
        i
    }

    /// The table, sorted, with `pages`' indices moved to it: the manifest
    /// must not depend on the order in which workers finished.
    pub fn finish(self, pages: &mut BTreeMap<String, PageFiles>) -> Vec<String> {
        let mut order: Vec<u32> = (0..self.urls.len() as u32).collect();
        order.sort_by(|a, b| self.urls[*a as usize].cmp(&self.urls[*b as usize]));
        let mut new_index = vec![0u32; order.len()];
        for (new, old) in order.iter().enumerate() {
            new_index[*old as usize] = new as u32;
        }
        for files in pages.values_mut() {
            for r in &mut files.reads {
                *r = new_index.get(*r as usize).copied().unwrap_or(*r);
            }
            files.reads.sort_unstable();
        }
        let mut urls = self.urls;
        let mut sorted = Vec::with_capacity(urls.len());
        for old in order {
            sorted.push(std::mem::take(&mut urls[old as usize]));
        }
        sorted
    }
}

impl Manifest {
    pub fn read(dist: &Path) -> Manifest {
        fs::read_to_string(dist.join(MANIFEST))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// The URLs a page of this manifest read (unknown indices left out).
    pub fn reads(&self, files: &PageFiles) -> Vec<&str> {
        files
            .reads
            .iter()
            .filter_map(|i| self.inputs.get(*i as usize))
            .map(String::as_str)
            .collect()
    }

    pub fn write(&self, dist: &Path) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        write_if_changed(&dist.join(MANIFEST), &text).map(|_| ())
    }
}

/// Writes `text` unless the file already holds exactly it. Returns whether it
/// wrote. Stale precompressed siblings (`.br`, `.gz`) are removed, so a
/// server never sends an old page's compressed bytes.
pub fn write_if_changed(path: &Path, text: &str) -> std::io::Result<bool> {
    if fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path)?;
    remove_variants(path);
    Ok(true)
}

pub fn remove_variants(path: &Path) {
    for ext in ["br", "gz"] {
        let mut variant = path.as_os_str().to_owned();
        variant.push(format!(".{ext}"));
        let _ = fs::remove_file(PathBuf::from(variant));
    }
}

/// A short content hash for file names (16 hex digits of SHA-256).
pub fn short_hash(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Removes a file an earlier run wrote (and its compressed variants).
pub fn delete_file(dist: &Path, file: &str) {
    if file.is_empty() || file.split('/').any(|s| s == "..") {
        return;
    }
    let path = dist.join(file);
    remove_variants(&path);
    let _ = fs::remove_file(path);
}

/// Sets the `Content-Security-Policy:` line of Netlify's `_headers`, when
/// the bundle ships one.
pub fn set_header_policy(headers: &Path, policy: &str) -> std::io::Result<()> {
    let Ok(text) = fs::read_to_string(headers) else {
        return Ok(());
    };
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        match line.find("Content-Security-Policy:") {
            Some(i) => out.push(format!("{}Content-Security-Policy: {policy}", &line[..i])),
            None => out.push(line.to_string()),
        }
    }
    let mut next = out.join("\n");
    if text.ends_with('\n') {
        next.push('\n');
    }
    write_if_changed(headers, &next).map(|_| ())
}

/// Deletes a page written by an earlier run, and the directories it leaves
/// empty. The home is never deleted: it goes back to being the shell.
pub fn delete_page(dist: &Path, file: &str, shell: &str) -> std::io::Result<()> {
    let path = dist.join(file);
    remove_variants(&path);
    if file == "index.html" {
        return write_if_changed(&path, shell).map(|_| ());
    }
    match fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == dist || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dist(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kiosque-prerender-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn unchanged_pages_are_not_rewritten() {
        let dist = temp_dist("write");
        let page = dist.join("article/x/index.html");
        assert!(write_if_changed(&page, "<p>un</p>").unwrap());
        fs::write(dist.join("article/x/index.html.br"), "old").unwrap();
        assert!(!write_if_changed(&page, "<p>un</p>").unwrap());
        assert!(dist.join("article/x/index.html.br").exists(), "kept while unchanged");
        assert!(write_if_changed(&page, "<p>deux</p>").unwrap());
        assert!(!dist.join("article/x/index.html.br").exists(), "stale variant removed");
        fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn deleting_removes_empty_directories_but_keeps_the_home() {
        let dist = temp_dist("delete");
        write_if_changed(&dist.join("article/x/index.html"), "x").unwrap();
        write_if_changed(&dist.join("article/y/index.html"), "y").unwrap();
        write_if_changed(&dist.join("index.html"), "prerendered home").unwrap();
        delete_page(&dist, "article/x/index.html", "shell").unwrap();
        assert!(!dist.join("article/x").exists());
        assert!(dist.join("article/y/index.html").exists());
        delete_page(&dist, "article/y/index.html", "shell").unwrap();
        assert!(!dist.join("article").exists());
        delete_page(&dist, "index.html", "shell").unwrap();
        assert_eq!(fs::read_to_string(dist.join("index.html")).unwrap(), "shell");
        fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn the_headers_file_gets_the_policy() {
        let dist = temp_dist("headers");
        let headers = dist.join("_headers");
        fs::write(
            &headers,
            "/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: old\n",
        )
        .unwrap();
        set_header_policy(&headers, "default-src 'self'").unwrap();
        assert_eq!(
            fs::read_to_string(&headers).unwrap(),
            "/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: default-src 'self'\n"
        );
        assert_eq!(short_hash("a").len(), 16);
        fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn the_manifest_round_trips() {
        let dist = temp_dist("manifest");
        assert!(Manifest::read(&dist).pages.is_empty());
        let mut m = Manifest {
            build: "abc".into(),
            ..Default::default()
        };
        let files = PageFiles {
            noindex: false,
            html: "index.html".into(),
            data: "data-0123.js".into(),
            reads: vec![1, 0],
            digest: "d".into(),
        };
        m.pages.insert("/".into(), files.clone());
        m.inputs = vec!["/api/b.json".into(), "/api/a.json".into()];
        m.write(&dist).unwrap();
        let back = Manifest::read(&dist);
        assert_eq!(back.pages.get("/"), Some(&files));
        assert_eq!(back.reads(&files), ["/api/a.json", "/api/b.json"]);
        fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn the_inputs_table_does_not_depend_on_arrival_order() {
        let page = |reads: Vec<u32>| PageFiles {
            noindex: false,
            html: String::new(),
            data: String::new(),
            reads,
            digest: String::new(),
        };
        let mut tables = Vec::new();
        for order in [["/c", "/a", "/b"], ["/b", "/c", "/a"]] {
            let mut inputs = Inputs::default();
            let ids: Vec<u32> = order.iter().map(|u| inputs.intern(u)).collect();
            assert_eq!(inputs.intern(order[0]), ids[0], "interned once");
            let at = |u: &str| ids[order.iter().position(|o| *o == u).unwrap()];
            let mut pages = BTreeMap::new();
            pages.insert("/x".to_string(), page(vec![at("/c"), at("/a")]));
            pages.insert("/y".to_string(), page(vec![at("/b")]));
            let urls = inputs.finish(&mut pages);
            tables.push((urls, pages));
        }
        assert_eq!(tables[0].0, ["/a", "/b", "/c"]);
        assert_eq!(tables[0].1, tables[1].1);
        assert_eq!(tables[0].1["/x"].reads, [0, 2]);
    }
}
