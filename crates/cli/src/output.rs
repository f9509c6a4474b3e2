//! Writes pages into `dist/` incrementally: a manifest remembers what the last
//! run wrote, unchanged pages are left alone, and pages that left the set are
//! deleted.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const MANIFEST: &str = "prerender.json";

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub build: String,
    /// Route → files written, relative to `dist/`.
    pub pages: BTreeMap<String, PageFiles>,
    /// The sitemaps and feeds written (so stale ones are deleted).
    #[serde(default)]
    pub files: Vec<String>,
}

/// A prerendered page: its HTML and its data script.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageFiles {
    pub html: String,
    pub data: String,
}

impl Manifest {
    pub fn read(dist: &Path) -> Manifest {
        fs::read_to_string(dist.join(MANIFEST))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
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
            html: "index.html".into(),
            data: "data-0123.js".into(),
        };
        m.pages.insert("/".into(), files.clone());
        m.write(&dist).unwrap();
        assert_eq!(Manifest::read(&dist).pages.get("/"), Some(&files));
        fs::remove_dir_all(dist).unwrap();
    }
}
