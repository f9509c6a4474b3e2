//! An editor's preview (docs/previews.md): a draft, pending or scheduled
//! post, or a published post with its newest autosave, read with the
//! editor's application password and mapped by the same `map::article` as a
//! published post (same sanitizer, same model), so it looks exactly as it
//! will. Answers never enter the door's cache (`Door::get_answer_authorized`).

use serde_json::Value;

use super::wire::{WpPage, WpPost};
use super::{map, parse_one, WordPressSource};
use crate::http::{self, Answer};
use crate::model::{Article, StaticPage};
use crate::source::preview::{Credentials, PreviewError};

impl WordPressSource {
    /// Post `id` as it would be published, read as `who`.
    pub async fn preview(&self, id: u64, who: &Credentials) -> Result<Article, PreviewError> {
        let (post, autosaves) = self.read_draft("posts", id, who).await?;
        let mut post = draft_post(post, &autosaves)?;
        let links = self.link_context().await;
        let mut one = [post];
        self.fill_missing(&mut one).await;
        [post] = one;
        Ok(map::article(&post, &links, 0, Vec::new())?)
    }

    /// Page `id` as it would be published, read as `who`, mapped by the
    /// same `map::page` as a published page.
    pub async fn preview_page(&self, id: u64, who: &Credentials) -> Result<StaticPage, PreviewError> {
        let (page, autosaves) = self.read_draft("pages", id, who).await?;
        let page = draft_page(page, &autosaves)?;
        let links = self.link_context().await;
        Ok(map::page(&page, &links)?)
    }

    /// Item `id` of `collection` as its editors see it, and, when it is
    /// published, its autosaves (else `Null`).
    async fn read_draft(&self, collection: &str, id: u64, who: &Credentials) -> Result<(Value, Value), PreviewError> {
        let url = self.urls.for_edit(collection, id);
        if !http::may_send_credentials(&url) {
            return Err(PreviewError::Insecure);
        }
        let auth = who.authorization();
        let item = read(self.door.get_answer_authorized(&url, &auth, self.timeout_ms).await?)?;
        let autosaves = if item.get("status").and_then(Value::as_str) == Some("publish") {
            let url = self.urls.autosaves_in(collection, id);
            read(self.door.get_answer_authorized(&url, &auth, self.timeout_ms).await?)?
        } else {
            Value::Null
        };
        Ok((item, autosaves))
    }
}

/// An answer's JSON, or the preview error its status means.
pub fn read(answer: Answer) -> Result<Value, PreviewError> {
    if let Some(e) = PreviewError::from_status(answer.status) {
        return Err(e);
    }
    Ok(http::parse_json(&answer.body)?)
}

/// The post an editor previews: `post` (`context=edit`) with the newest of
/// `autosaves` laid over it when that autosave is newer than the post (a
/// published post's pending changes, as WordPress's own preview shows them).
/// A draft without a slug yet takes WordPress's `generated_slug`, else its ID.
pub fn draft_post(post: Value, autosaves: &Value) -> Result<WpPost, PreviewError> {
    let mut post: WpPost = parse_one(&laid_over(post, autosaves), "post").map_err(PreviewError::Fetch)?;
    // Shown as it will be once published: the status says nothing to the reader.
    post.status = "publish".into();
    Ok(post)
}

/// The page an editor previews, as [`draft_post`] makes the post.
pub fn draft_page(page: Value, autosaves: &Value) -> Result<WpPage, PreviewError> {
    let mut page: WpPage = parse_one(&laid_over(page, autosaves), "page").map_err(PreviewError::Fetch)?;
    page.status = "publish".into();
    Ok(page)
}

/// `post` (a post or a page) with its newest newer autosave laid over it and
/// a slug (see [`draft_post`]).
fn laid_over(mut post: Value, autosaves: &Value) -> Value {
    let modified = |v: &Value| v.get("modified_gmt").and_then(Value::as_str).unwrap_or("").to_string();
    let newest = autosaves
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| modified(a) > modified(&post))
        .max_by_key(|a| modified(a))
        .cloned();
    if let (Some(autosave), Some(fields)) = (newest, post.as_object_mut()) {
        for key in ["title", "content", "excerpt", "modified", "modified_gmt"] {
            if let Some(v) = autosave.get(key) {
                fields.insert(key.to_string(), v.clone());
            }
        }
    }
    let id = post.get("id").and_then(Value::as_u64).unwrap_or(0);
    if let Some(fields) = post.as_object_mut() {
        let empty = fields.get("slug").and_then(Value::as_str).is_none_or(str::is_empty);
        if empty {
            let generated = fields.get("generated_slug").and_then(Value::as_str).unwrap_or("");
            let slug = if generated.is_empty() {
                id.to_string()
            } else {
                generated.to_string()
            };
            fields.insert("slug".into(), Value::String(slug));
        }
    }
    post
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_draft_page_is_mapped_as_published_with_its_generated_slug_and_newer_autosave() {
        let page = json!({
            "id": 196, "slug": "", "generated_slug": "page-en-preparation", "status": "draft",
            "title": {"rendered": "Page en préparation"}, "content": {"rendered": "<p>Ancien texte.</p>"},
            "modified_gmt": "2026-01-01T10:00:00"
        });
        let autosaves = json!([
            {"title": {"rendered": "Plus ancien"}, "content": {"rendered": "<p>x</p>"}, "modified_gmt": "2025-12-31T10:00:00"},
            {"title": {"rendered": "Page revue"}, "content": {"rendered": "<p>Nouveau texte.</p>"}, "modified_gmt": "2026-01-02T10:00:00"}
        ]);
        let p = draft_page(page.clone(), &autosaves).unwrap();
        assert_eq!(
            (p.slug.as_str(), p.status.as_str(), p.title.rendered.as_str()),
            ("page-en-preparation", "publish", "Page revue")
        );
        let links = map::LinkContext::default();
        let mapped = map::page(&p, &links).unwrap();
        assert_eq!(mapped.title, "Page revue");
        assert!(format!("{:?}", mapped.body).contains("Nouveau texte."));
        // Without autosaves, the draft as it is.
        let p = draft_page(page, &Value::Null).unwrap();
        assert_eq!(p.title.rendered, "Page en préparation");
    }
}
