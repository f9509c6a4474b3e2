//! Stamps the build with its commit, so prerendered pages and the bundle can
//! tell whether they come from the same source (`KIOSQUE_BUILD_ID`).

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
}

fn main() {
    println!("cargo:rerun-if-env-changed=KIOSQUE_BUILD_ID");
    // Re-run when HEAD moves (a commit, a checkout), not on every edit.
    // Only files that exist: a missing one would make cargo rebuild every time.
    let watch = |path: &str| {
        if let Some(p) = git(&["rev-parse", "--git-path", path]).filter(|p| std::path::Path::new(p).exists()) {
            println!("cargo:rerun-if-changed={p}");
        }
    };
    watch("HEAD");
    watch("packed-refs");
    if let Some(head_ref) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watch(&head_ref);
    }
    let id = std::env::var("KIOSQUE_BUILD_ID")
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| git(&["rev-parse", "--short=12", "HEAD"]))
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=KIOSQUE_BUILD_ID={id}");
}
