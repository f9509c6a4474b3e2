//! A small `dist/` for the prerender command: the demo API, a shell made
//! from `index.html`, and a stand-in wasm that carries (or not) this build's id.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A dist with the demo API and a shell; `build` is the id in the wasm.
pub fn dist(name: &str, build: &str) -> PathBuf {
    // The workspace root, where the demo content lives.
    let root = &Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dist = std::env::temp_dir().join(format!("kiosque-prerender-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dist);
    copy_dir(&root.join("public/api"), &dist.join("api"));
    fs::copy(root.join("public/config.json"), dist.join("config.json")).unwrap();
    let shell = fs::read_to_string(root.join("index.html"))
        .unwrap()
        .replace("<base data-trunk-public-url />", "<base href=\"/\" />");
    fs::write(dist.join("shell.html"), &shell).unwrap();
    fs::write(dist.join("index.html"), &shell).unwrap();
    fs::write(
        dist.join("kiosque-0_bg.wasm"),
        format!("\0asm kiosque-build:{build}; rest"),
    )
    .unwrap();
    dist
}

pub fn prerender(dist: &Path) -> (bool, String) {
    prerender_with(dist, &[])
}

/// Runs the command with extra arguments (`--jobs 1`…).
pub fn prerender_with(dist: &Path, extra: &[&str]) -> (bool, String) {
    prerender_env(dist, extra, &[])
}

/// Runs the command with extra arguments and environment variables
/// (`SOURCE_DATE_EPOCH`…); its success and its output (stdout, then stderr).
pub fn prerender_env(dist: &Path, extra: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kiosque-publish"))
        .args([
            "prerender",
            "--dist",
            dist.to_str().unwrap(),
            "--site-url",
            "https://news.example",
        ])
        .args(extra)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// Rewrites the JSON file `file` of `dist` through `f`.
pub fn edit_json(dist: &Path, file: &str, f: impl FnOnce(&mut serde_json::Value)) {
    let mut v = load_json(dist, file);
    f(&mut v);
    save_json(dist, file, &v);
}

/// The text of `file` in `dist`.
pub fn read(dist: &Path, file: &str) -> String {
    fs::read_to_string(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The JSON file `file` of `dist`.
pub fn load_json(dist: &Path, file: &str) -> serde_json::Value {
    serde_json::from_str(&read(dist, file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Writes `v` as the JSON file `file` of `dist`.
pub fn save_json(dist: &Path, file: &str, v: &serde_json::Value) {
    fs::write(dist.join(file), serde_json::to_string(v).unwrap()).unwrap();
}

/// The HTML of the page prerendered for `route`, found in the manifest.
pub fn page_html(dist: &Path, route: &str) -> String {
    let manifest = load_json(dist, "prerender.json");
    let file = manifest["pages"][route]["html"]
        .as_str()
        .unwrap_or_else(|| panic!("{route} not prerendered"));
    read(dist, file)
}
