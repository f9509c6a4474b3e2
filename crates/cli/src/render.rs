//! Renders one route with the app's own components, the way the browser
//! would, into a complete HTML document built on trunk's shell.

use std::sync::Arc;

use futures::{stream, StreamExt};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use kiosque::app::App;
use kiosque::prerender::{RenderIssues, StaticHead};
use kiosque_core::http::Door;
use kiosque_core::stamp::{Stamp, DATA_META, DATE_FORMAT_META, LOCALE_META, STAMP_META};

/// trunk's `index.html`, split where the prerender adds to it.
#[derive(Clone, Debug)]
pub struct Shell {
    /// Up to and including `<!--HEAD-->`.
    head_start: String,
    /// From the end marker to `<body>`, inclusive.
    head_end: String,
    /// From `</body>` to the end.
    tail: String,
    /// The interface language when `config.json` sets none (`with_locale`).
    locale: Option<String>,
    /// The date format when `config.json` sets none (`with_date_format`).
    date_format: Option<String>,
}

impl Shell {
    pub fn parse(html: &str) -> Result<Shell, String> {
        let marker = "<!--HEAD-->";
        let m = html
            .find(marker)
            .ok_or("the shell has no <!--HEAD--> marker (is dist/ a Kiosque build?)")?;
        let head_start = &html[..m + marker.len()];
        let rest = &html[m + marker.len()..];
        let body = rest.find("<body>").ok_or("the shell has no plain <body> tag")?;
        let close = rest.rfind("</body>").ok_or("the shell has no </body> tag")?;
        if close < body {
            return Err("the shell's <body> tags are out of order".into());
        }
        Ok(Shell {
            head_start: without_meta(
                &without_meta(&without_html_lang(head_start), LOCALE_META),
                DATE_FORMAT_META,
            ),
            head_end: rest[..body + "<body>".len()].to_string(),
            tail: rest[close..].to_string(),
            locale: None,
            date_format: None,
        })
    }

    /// The `'sha256-…'` sources of the shell's inline scripts (the theme
    /// script): the only inline code the Content-Security-Policy allows.
    pub fn inline_script_hashes(&self) -> Vec<String> {
        use base64::Engine;
        use sha2::Digest;
        let mut hashes = Vec::new();
        let head = format!("{}{}", self.head_start, self.head_end);
        let mut rest = head.as_str();
        while let Some(i) = rest.find("<script") {
            let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
            let tag = &rest[i..tag_end];
            let close = rest[tag_end..].find("</script>").map_or(rest.len(), |c| tag_end + c);
            if !tag.contains(" src=") && !tag.contains("application/ld+json") {
                let digest = sha2::Sha256::digest(&rest.as_bytes()[tag_end..close]);
                hashes.push(format!(
                    "'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                ));
            }
            rest = &rest[close.min(rest.len())..];
            if rest.is_empty() {
                break;
            }
            rest = &rest[1..];
        }
        hashes
    }

    /// The shell with `policy` as its `<meta>` Content-Security-Policy.
    pub fn with_policy(&self, policy: &str) -> Shell {
        Shell {
            head_start: set_policy(&self.head_start, policy),
            ..self.clone()
        }
    }

    /// The shell for a site whose `config.json` names no locale: its pages
    /// and the SPA fallback are in `locale` (the source's), and say so in a
    /// `<meta>` the app reads at start-up.
    pub fn with_locale(&self, locale: &str) -> Shell {
        let tag = format!("<meta name=\"{LOCALE_META}\" content=\"{}\"/>", attribute(locale));
        Shell {
            head_start: self.head_start.replacen("<!--HEAD-->", &format!("{tag}<!--HEAD-->"), 1),
            locale: Some(locale.to_string()),
            ..self.clone()
        }
    }

    /// Likewise for the date format (a PHP pattern Kiosque writes).
    pub fn with_date_format(&self, format: &str) -> Shell {
        let tag = format!("<meta name=\"{DATE_FORMAT_META}\" content=\"{}\"/>", attribute(format));
        Shell {
            head_start: self.head_start.replacen("<!--HEAD-->", &format!("{tag}<!--HEAD-->"), 1),
            date_format: Some(format.to_string()),
            ..self.clone()
        }
    }

    /// The whole shell document (the SPA fallback).
    pub fn document(&self) -> String {
        format!("{}{}{}", self.head_start, self.head_end, self.tail)
    }

    /// The `<base href>` path trunk wrote (`/` or `/sub/`).
    pub fn base_path(&self) -> String {
        let Some(i) = self.head_start.find("<base href=\"") else {
            return "/".into();
        };
        let rest = &self.head_start[i + "<base href=\"".len()..];
        rest.split('"').next().unwrap_or("/").to_string()
    }
}

const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";

/// Sets (or replaces) the CSP `<meta>` right after `<meta charset>`, before
/// any script it governs.
pub fn set_policy(head: &str, policy: &str) -> String {
    let tag = format!("{CSP_META}{policy}\">");
    if let Some(i) = head.find(CSP_META) {
        let end = head[i..].find('>').map_or(head.len(), |e| i + e + 1);
        return format!("{}{tag}{}", &head[..i], &head[end..]);
    }
    let at = head
        .find("<meta charset")
        .and_then(|i| head[i..].find('>').map(|e| i + e + 1))
        .or_else(|| head.find("<head>").map(|i| i + "<head>".len()))
        .unwrap_or(0);
    format!("{}{tag}{}", &head[..at], &head[at..])
}

/// A prerendered page is readable before the bundle: the shell's early
/// `preload`/`modulepreload` of the wasm and its glue, and of `config.json`
/// (which only the loader reads, on intent), would only compete with the
/// page's own images for the first bytes. The loader fetches them when the
/// reader shows intent.
fn without_bundle_preloads(head: &str) -> String {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    while let Some(i) = rest.find("<link ") {
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..end];
        out.push_str(&rest[..i]);
        let preload = tag.contains("rel=\"preload\"");
        let bundle = tag.contains("rel=\"modulepreload\"")
            || (preload && (tag.contains(".wasm\"") || tag.contains("config.json\"")));
        if !bundle {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A shell read back from a previous run's `shell.html` carries that run's
/// locale and date format `<meta>`s: `with_locale` and `with_date_format`
/// add the current ones, if any.
fn without_meta(head: &str, name: &str) -> String {
    let start = format!("<meta name=\"{name}\"");
    let Some(i) = head.find(&start) else {
        return head.to_string();
    };
    let end = head[i..].find('>').map_or(head.len(), |e| i + e + 1);
    format!("{}{}", &head[..i], &head[end..])
}

/// The app sets `lang` and `dir` on `<html>` itself; the shell's own `lang`
/// would come second and be a duplicate attribute.
fn without_html_lang(head: &str) -> String {
    let Some(start) = head.find("<html") else {
        return head.to_string();
    };
    let end = head[start..].find('>').map_or(head.len(), |e| start + e);
    let tag = &head[start..end];
    let Some(l) = tag.find(" lang=\"") else {
        return head.to_string();
    };
    let close = tag[l + 7..].find('"').map_or(tag.len(), |c| l + 7 + c + 1);
    format!("{}{}{}", &head[..start + l], &tag[close..], &head[end..])
}

/// `value` for a double-quoted attribute.
fn attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A rendered page, or why it must not be written.
/// Whether a rendered document's head asks robots not to index it.
pub fn asks_noindex(html: &str) -> bool {
    let head = html.split("</head>").next().unwrap_or("");
    head.match_indices("<meta name=\"robots\" content=\"").any(|(i, m)| {
        head.get(i + m.len()..)
            .and_then(|rest| rest.split('"').next())
            .is_some_and(|content| content.split(',').any(|d| d.trim().eq_ignore_ascii_case("noindex")))
    })
}

pub enum Rendered {
    /// The document, and the script that carries its resource data (a
    /// same-origin file, so the CSP needs no per-page hash).
    Page {
        html: String,
        data: String,
    },
    Skipped(String),
}

/// Renders `route` (`/article/x`). `base_url` is the deploy's public URL
/// (`https://host/sub/`); `config_text` is `config.json` as served.
/// `door` serves the page's requests. `data_url` names the file the page's
/// data will be written to.
pub async fn render(
    shell: &Shell,
    route: &str,
    base_url: &str,
    config_text: &str,
    door: &Door,
    data_url: impl FnOnce(&str) -> String,
) -> Rendered {
    let context: Arc<dyn hydration_context::SharedContext + Send + Sync> =
        Arc::new(hydration_context::SsrSharedContext::new());
    let owner = Owner::new_root(Some(context.clone()));
    let (meta, meta_output) = ServerMetaContext::new();
    let issues = RenderIssues::default();
    let static_head = StaticHead::default();
    let request_path = format!("{}{}", kiosque::app::router_base(base_url), route);
    let base = base_url.to_string();
    let config = kiosque_core::config::Config::parse(config_text).map(|mut c| {
        if c.site.locale.is_none() {
            c.site.locale = shell.locale.clone();
        }
        if c.site.date_format.is_none() {
            c.site.date_format = shell.date_format.clone();
        }
        c
    });
    let door = door.clone();
    let app = owner.with(|| {
        provide_context(RequestUrl::new(&request_path));
        provide_context(meta);
        provide_context(issues.clone());
        provide_context(static_head.clone());
        view! { <App base_url=base config door/> }.to_html_stream_in_order()
    });
    let body: String = app.collect().await;
    let problems = issues.take();
    if !problems.is_empty() {
        owner.unset();
        return Rendered::Skipped(problems.join("; "));
    }
    let mut data = String::new();
    if let Some(mut chunks) = context.pending_data() {
        while let Some(chunk) = chunks.next().await {
            data.push_str(&chunk);
            data.push('\n');
        }
    }
    // Named, not loaded: the loader (public/start.js) fetches the data at the
    // reader's first intent, with the app, so the first view's bandwidth goes
    // to the page and its largest image.
    let data_meta = format!("<meta name=\"{DATA_META}\" content=\"{}\"/>", data_url(&data));
    let stamp = Stamp::new(route, config_text).to_content();
    let icons = static_head.html();
    // The site's own icon replaces the bundle's: browsers fetched both.
    let head_start = if icons.is_empty() {
        shell.head_start.clone()
    } else {
        without_default_icon(&shell.head_start)
    };
    let head_start = head_start.replacen(
        "<!--HEAD-->",
        &format!("<meta name=\"{STAMP_META}\" content=\"{stamp}\"/>{data_meta}{icons}<!--HEAD-->"),
        1,
    );
    let head_end = without_bundle_preloads(&shell.head_end);
    let document = stream::iter([format!("{head_start}{head_end}{body}{}", shell.tail)]);
    let html: String = meta_output.inject_meta_context(document).await.collect().await;
    owner.unset();
    Rendered::Page { html, data }
}

/// The shell's head without its first `<link rel="icon">` (index.html's
/// `favicon.svg`, written before the page's own head).
fn without_default_icon(head: &str) -> String {
    let Some(start) = head.find("<link rel=\"icon\"") else {
        return head.to_string();
    };
    match head[start..].find('>') {
        Some(len) => format!("{}{}", &head[..start], &head[start + len + 1..]),
        None => head.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_icon_replaces_the_bundles_favicon() {
        let head = "<head><meta charset=\"utf-8\" /><link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\" /><!--HEAD-->";
        assert_eq!(
            without_default_icon(head),
            "<head><meta charset=\"utf-8\" /><!--HEAD-->"
        );
        assert_eq!(without_default_icon("<head><!--HEAD-->"), "<head><!--HEAD-->");
    }

    #[test]
    fn noindex_is_read_from_the_head_only() {
        assert!(asks_noindex(
            r#"<head><meta name="robots" content="noindex, follow"></head><body></body>"#
        ));
        assert!(asks_noindex(
            r#"<head><meta name="robots" content="index, NOINDEX"></head>"#
        ));
        assert!(!asks_noindex(
            r#"<head><meta name="robots" content="index, follow"></head>"#
        ));
        assert!(!asks_noindex(
            r#"<head></head><body><p>&lt;meta name="robots" content="noindex"&gt;</p><meta name="robots" content="noindex"></body>"#
        ));
    }

    #[test]
    fn the_policy_goes_first_and_replaces_an_old_one() {
        let head = "<html><head><meta charset=\"utf-8\" /><script>x</script>";
        let once = set_policy(head, "default-src 'self'");
        assert_eq!(
            once,
            "<html><head><meta charset=\"utf-8\" /><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"><script>x</script>"
        );
        assert_eq!(
            set_policy(&once, "default-src 'none'"),
            once.replace("'self'", "'none'")
        );
    }

    #[test]
    fn prerendered_pages_leave_the_bundle_to_the_loader() {
        let head = r#"<link rel="stylesheet" href="/m.css"/><link rel="modulepreload" href="/k.js" integrity="x"><link rel="preload" href="/k_bg.wasm" as="fetch" type="application/wasm"><link rel="preload" href="config.json" as="fetch" crossorigin="anonymous" /></head>"#;
        assert_eq!(
            without_bundle_preloads(head),
            r#"<link rel="stylesheet" href="/m.css"/></head>"#
        );
        assert_eq!(without_bundle_preloads("<p>x</p>"), "<p>x</p>");
    }

    #[test]
    fn only_inline_scripts_are_hashed() {
        let shell = Shell::parse(
            "<html><head><script>a</script><script type=\"module\" src=\"/s.js\"></script><script>b</script><!--HEAD--><!--/HEAD--></head><body></body></html>",
        )
        .unwrap();
        // sha256("a") and sha256("b"), base64.
        assert_eq!(
            shell.inline_script_hashes(),
            [
                "'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='",
                "'sha256-PiPoFgA5WUoziU9lZOGxNIu9egCI1CxKy3PurtWcAJ0='"
            ]
        );
    }

    const SHELL: &str =
        "<html lang=\"fr\"><head><base href=\"/news/\" /><!--HEAD--><!--/HEAD--><link></head>\n<body></body>\n</html>";

    #[test]
    fn the_shell_splits_at_its_markers() {
        let shell = Shell::parse(SHELL).unwrap();
        assert_eq!(shell.base_path(), "/news/");
        assert!(shell.head_start.ends_with("<!--HEAD-->"));
        assert!(shell.head_end.starts_with("<!--/HEAD-->"));
        assert!(shell.head_end.ends_with("<body>"));
        assert_eq!(shell.tail, "</body>\n</html>");
        assert!(shell.head_start.starts_with("<html><head>"));
        assert_eq!(shell.document(), SHELL.replace(" lang=\"fr\"", ""));
        assert!(Shell::parse("<html></html>").is_err());
    }
}
