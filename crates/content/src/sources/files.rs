//! Finding the Markdown sources and reading their TOML front matter.

use super::*;

/// The `*.md` files of a directory, as (slug, path), sorted by slug.
pub(super) fn markdown_files(dir: &Path, errors: &mut Vec<SourceError>) -> Vec<(String, PathBuf)> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(SourceError::new(dir, None, format!("cannot read the directory: {e}")));
            return Vec::new();
        }
    };
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let Some(stem) = name.strip_suffix(".md") else {
            eprintln!("content: warning: {}: ignored (not a .md file)", path.display());
            continue;
        };
        if !valid_slug(stem) {
            errors.push(SourceError::new(
                &path,
                None,
                format!("the file name `{stem}` is not a valid slug (lowercase a-z, 0-9 and single hyphens)"),
            ));
            continue;
        }
        files.push((stem.to_string(), path));
    }
    files.sort();
    for w in files.windows(2) {
        if w[0].0 == w[1].0 {
            errors.push(SourceError::new(
                &w[1].1,
                None,
                format!("duplicate slug `{}` (also {})", w[1].0, w[0].1.display()),
            ));
        }
    }
    files
}

/// Reads a file and splits its `+++` TOML front matter from the body.
/// Returns (front matter, body, line offset of the front matter).
pub(super) fn read_front(file: &Path, errors: &mut Vec<SourceError>) -> Option<(String, String, usize)> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            errors.push(SourceError::new(file, None, format!("cannot read: {e}")));
            return None;
        }
    };
    match split_front_matter(&text) {
        Some((front, body)) => Some((front.to_string(), body.to_string(), 1)),
        None => {
            errors.push(SourceError::new(
                file,
                None,
                "no front matter: the file must start with a `+++` line, then TOML, then `+++`",
            ));
            None
        }
    }
}

pub(super) fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text.strip_prefix("+++\n").or_else(|| text.strip_prefix("+++\r\n"))?;
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some((&rest[..pos], &rest[pos + line.len()..]));
        }
        pos += line.len();
    }
    None
}

/// Parses TOML; errors give the line (in the file) and, when the line is a
/// `key = value`, the field.
pub(super) fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &Path,
    text: &str,
    line_offset: usize,
) -> Result<T, SourceError> {
    toml::from_str::<T>(text).map_err(|e| {
        let message = e.message().trim().to_string();
        let (line, field) = match e.span() {
            Some(span) => {
                let start = span.start.min(text.len());
                let line_no = text[..start].matches('\n').count();
                let line_text = text.lines().nth(line_no).unwrap_or("");
                let key = line_text
                    .split_once('=')
                    .map(|(k, _)| k.trim().trim_matches('"').to_string());
                (
                    Some(line_no + 1 + line_offset),
                    key.filter(|k| !k.is_empty() && !k.contains(' ')),
                )
            }
            None => (None, None),
        };
        // "missing field `title`" names the field itself.
        let missing = message
            .split('`')
            .nth(1)
            .filter(|_| message.starts_with("missing field"))
            .map(str::to_string);
        let field = missing.or(field);
        let message = match line {
            Some(l) if !message.starts_with("missing field") => format!("line {l}: {message}"),
            _ => message,
        };
        SourceError {
            file: file.to_path_buf(),
            field,
            message,
        }
    })
}
