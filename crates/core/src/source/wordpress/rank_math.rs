//! Rank Math's head → [`SeoHead`]. With its "Headless CMS Support" option on,
//! Rank Math (1.0.2xx) answers `GET rankmath/v1/getHead?url=<permalink>` with
//! `{"success": true, "head": "<title>…</title><meta …>…<script
//! type=\"application/ld+json\">…</script>"}`: the head it would print. That
//! HTML is read as data (never inserted): the title, the description, robots,
//! canonical, Open Graph and Twitter tags and the JSON-LD graph are put in
//! Yoast's REST shape and checked by the same code (`seo::yoast`).

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::map::LinkContext;
use super::urls::Urls;
use super::wire::{WpPost, WpRoot};
use crate::body::head_tags;
use crate::model::{SeoHead, SEO_SCHEMA_MAX};

/// The REST namespace of Rank Math's headless route.
const NAMESPACE: &str = "rankmath/v1";

/// Where to ask Rank Math for `post`'s head: a post with a permalink and no
/// Yoast head, on a site whose REST index lists Rank Math's namespace. The
/// live source and the export both ask here, so they agree on when.
pub fn head_url(urls: &Urls, post: &WpPost, root: &WpRoot) -> Option<String> {
    head_url_for(urls, &post.link, post.yoast_head_json.as_ref(), root)
}

/// [`head_url`] for anything with a permalink (a post, a page, a term's or an
/// author's archive) and maybe Yoast's head.
pub fn head_url_for(urls: &Urls, link: &str, yoast: Option<&Value>, root: &WpRoot) -> Option<String> {
    let yoast = yoast.is_some_and(|v| !v.is_null());
    let listed = root.namespaces.iter().any(|n| n == NAMESPACE);
    (!link.is_empty() && !yoast && listed).then(|| urls.rank_math_head(link))
}

/// A head larger than this is not read at all.
const HEAD_MAX: usize = 256 * 1024;

/// The answer of `rankmath/v1/getHead`.
#[derive(Debug, Default, Deserialize)]
pub struct RankMathHead {
    #[serde(default)]
    pub success: bool,
    #[serde(default)]
    pub head: String,
}

pub fn head(answer: &RankMathHead, links: &LinkContext) -> Option<SeoHead> {
    if !answer.success || answer.head.len() > HEAD_MAX {
        return None;
    }
    let html = answer.head.as_str();
    let mut v = Map::new();
    if let Some(t) = between(html, "<title", "</title>") {
        v.insert("title".into(), json!(t));
    }
    let mut og_image = Map::new();
    for tag in head_tags(html) {
        if tag.name == "link" {
            if tag.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                if let Some(h) = tag.attr("href") {
                    v.insert("canonical".into(), json!(h));
                }
            }
            continue;
        }
        let key = tag
            .attr("property")
            .or_else(|| tag.attr("name"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(content) = tag.attr("content") else { continue };
        match key.as_str() {
            "description"
            | "og:title"
            | "og:description"
            | "twitter:title"
            | "twitter:description"
            | "twitter:image" => {
                v.insert(key.replace(':', "_"), json!(content));
            }
            "robots" => {
                let has = |d: &str| content.split(',').any(|x| x.trim().eq_ignore_ascii_case(d));
                let robots = json!({
                    "index": if has("noindex") { "noindex" } else { "index" },
                    "follow": if has("nofollow") { "nofollow" } else { "follow" },
                });
                v.insert("robots".into(), robots);
            }
            "og:image" | "og:image:secure_url" if !og_image.contains_key("url") => {
                og_image.insert("url".into(), json!(content));
            }
            "og:image:width" | "og:image:height" => {
                let n: u64 = content.trim().parse().unwrap_or(0);
                og_image.insert(key.trim_start_matches("og:image:").into(), json!(n));
            }
            "og:image:alt" => {
                og_image.insert("alt".into(), json!(content));
            }
            _ => {}
        }
    }
    if og_image.contains_key("url") {
        v.insert("og_image".into(), json!([Value::Object(og_image)]));
    }
    if let Some(graph) = ld_json(html) {
        v.insert("schema".into(), graph);
    }
    super::seo::yoast(&Value::Object(v), links)
}

/// The text between an opening tag named by `open` (attributes allowed) and
/// `close`, matched without regard to case.
fn between<'a>(html: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find(open)?;
    let body = start + lower.get(start..)?.find('>')? + 1;
    let end = body + lower.get(body..)?.find(close)?;
    html.get(body..end)
}

/// The first JSON-LD script's JSON, when it parses and is not too large.
fn ld_json(html: &str) -> Option<Value> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower.get(from..)?.find("<script") {
        let open = from + i;
        let tag_end = open + lower.get(open..)?.find('>')?;
        let body = tag_end + 1;
        let end = body + lower.get(body..)?.find("</script")?;
        if lower.get(open..tag_end)?.contains("application/ld+json") {
            let text = html.get(body..end)?;
            return (text.len() <= SEO_SCHEMA_MAX)
                .then(|| serde_json::from_str(text).ok())
                .flatten();
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn answer(head: &str) -> RankMathHead {
        RankMathHead {
            success: true,
            head: head.into(),
        }
    }

    #[test]
    fn a_rank_math_head_maps_like_yoast() {
        let links = LinkContext::from_home("https://wp.example");
        let h = head(
            &answer(concat!(
                "<title>Titre &amp; suite</title>\n",
                "<meta name=\"description\" content=\"Desc\"/>\n",
                "<meta name=\"robots\" content=\"follow, noindex, max-snippet:-1\"/>\n",
                "<link rel=\"canonical\" href=\"https://wp.example/un-article/\" />\n",
                "<meta property=\"og:image\" content=\"https://wp.example/wp-content/uploads/a.jpg\" />\n",
                "<meta property=\"og:image:width\" content=\"1200\" />\n",
                "<meta name=\"twitter:title\" content=\"Pour X\" />\n",
                "<script type=\"application/ld+json\" class=\"rank-math-schema\">",
                "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"Article\",\"headline\":\"T\"}]}</script>"
            )),
            &links,
        )
        .unwrap();
        assert_eq!(h.title.as_deref(), Some("Titre & suite"));
        assert_eq!(h.description.as_deref(), Some("Desc"));
        assert!(h.noindex && !h.nofollow);
        assert_eq!(h.canonical.as_deref(), Some("/article/un-article"));
        assert_eq!(h.og_image.as_ref().map(|i| i.width), Some(1200));
        assert_eq!(h.twitter_title.as_deref(), Some("Pour X"));
        assert_eq!(h.schema[0]["@type"], "Article");
    }

    #[test]
    fn failures_and_garbage_give_nothing() {
        let links = LinkContext::default();
        assert_eq!(head(&RankMathHead::default(), &links), None);
        assert_eq!(head(&answer("<p>pas de tête</p><script>{</script>"), &links), None);
        assert_eq!(head(&answer(&"<meta name=x>".repeat(60_000)), &links), None);
        let h = head(
            &answer("<title>t</title><link rel=canonical href=\"javascript:alert(1)\">"),
            &links,
        )
        .unwrap();
        assert_eq!(h.canonical, None);
    }
}
