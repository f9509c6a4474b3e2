//! `kiosque-publish export` arguments.

use std::path::PathBuf;

pub const USAGE: &str = "usage: kiosque-publish export [--dist dist] [--api-dir DIR] [--wordpress https://site/wp-json] \
[--user U --app-password-file F] [--concurrency 4] [--timeout-ms 20000] [--retries 4] [--page-size 100] [--full] [--no-prerender] [--site-url https://host]";

#[derive(Debug, PartialEq)]
pub struct Args {
    pub dist: PathBuf,
    /// Where the static API goes (default: `dist/` + `api.base_url`).
    pub api_dir: Option<PathBuf>,
    /// The REST root (default: `export.wordpress_url` in config.json).
    pub wordpress: Option<String>,
    pub user: Option<String>,
    pub app_password_file: Option<PathBuf>,
    /// Requests at once.
    pub concurrency: usize,
    pub timeout_ms: u32,
    /// Attempts after the first for a request that may succeed later.
    pub retries: u32,
    /// Posts a request (WordPress allows up to 100; tests use fewer to get
    /// several pages).
    pub page_size: u32,
    /// Ignore the last run's state: fetch everything.
    pub full: bool,
    /// Skip the prerender that follows.
    pub no_prerender: bool,
    /// Passed to the prerender.
    pub site_url: Option<String>,
}

pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        dist: PathBuf::from("dist"),
        api_dir: None,
        wordpress: None,
        user: None,
        app_password_file: None,
        concurrency: 4,
        timeout_ms: 20_000,
        retries: 4,
        page_size: 100,
        full: false,
        no_prerender: false,
        site_url: None,
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--dist" => a.dist = PathBuf::from(value()?),
            "--api-dir" => a.api_dir = Some(PathBuf::from(value()?)),
            "--wordpress" => a.wordpress = Some(value()?),
            "--user" => a.user = Some(value()?),
            "--app-password-file" => a.app_password_file = Some(PathBuf::from(value()?)),
            "--concurrency" => a.concurrency = number(&arg, &value()?, 1..=32)? as usize,
            "--timeout-ms" => a.timeout_ms = number(&arg, &value()?, 500..=300_000)?,
            "--retries" => a.retries = number(&arg, &value()?, 0..=10)?,
            "--page-size" => a.page_size = number(&arg, &value()?, 1..=100)?,
            "--site-url" => a.site_url = Some(value()?),
            "--full" => a.full = true,
            "--no-prerender" => a.no_prerender = true,
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    if a.user.is_some() != a.app_password_file.is_some() {
        return Err("--user and --app-password-file go together".into());
    }
    Ok(a)
}

fn number(arg: &str, value: &str, range: std::ops::RangeInclusive<u32>) -> Result<u32, String> {
    value.parse().ok().filter(|n| range.contains(n)).ok_or(format!(
        "{arg} needs a number in {}..={}, not {value:?}",
        range.start(),
        range.end()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Result<Args, String> {
        parse(v.iter().map(|s| s.to_string()))
    }

    #[test]
    fn arguments_are_checked() {
        let a = args(&[
            "--dist",
            "out",
            "--wordpress",
            "https://w/wp-json",
            "--concurrency",
            "8",
            "--full",
        ])
        .unwrap();
        assert_eq!((a.dist, a.concurrency, a.full), (PathBuf::from("out"), 8, true));
        assert_eq!(a.wordpress.as_deref(), Some("https://w/wp-json"));
        assert!(args(&["--concurrency", "0"]).is_err());
        assert!(args(&["--concurrency", "99"]).is_err());
        assert!(args(&["--page-size", "101"]).is_err(), "WordPress answers at most 100");
        assert_eq!(args(&["--retries", "0"]).unwrap().retries, 0);
        assert!(args(&["--user", "ed"]).is_err(), "a user without a password file");
        assert!(args(&["--nope"]).is_err());
        assert!(args(&["--dist"]).is_err());
    }
}
