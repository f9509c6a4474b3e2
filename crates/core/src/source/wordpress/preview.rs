//! An editor's preview (docs/previews.md): a draft, pending or scheduled
//! post, or a published post with its newest autosave, read with the
//! editor's application password and mapped by the same `map::article` as a
//! published post (same sanitizer, same model), so it looks exactly as it
//! will. Answers never enter the door's cache (`Door::get_answer_authorized`).

use serde_json::Value;

use super::wire::WpPost;
use super::{map, parse_one, WordPressSource};
use crate::http::{self, Answer};
use crate::model::Article;
use crate::source::preview::{Credentials, PreviewError};

impl WordPressSource {
    /// Post `id` as it would be published, read as `who`.
    pub async fn preview(&self, id: u64, who: &Credentials) -> Result<Article, PreviewError> {
        let url = self.urls.post_for_edit(id);
        if !http::may_send_credentials(&url) {
            return Err(PreviewError::Insecure);
        }
        let auth = who.authorization();
        let post = read(self.door.get_answer_authorized(&url, &auth, self.timeout_ms).await?)?;
        let autosaves = if post.get("status").and_then(Value::as_str) == Some("publish") {
            let url = self.urls.autosaves(id);
            read(self.door.get_answer_authorized(&url, &auth, self.timeout_ms).await?)?
        } else {
            Value::Null
        };
        let mut post = draft_post(post, &autosaves)?;
        let links = self.link_context().await;
        let mut one = [post];
        self.fill_missing(&mut one).await;
        [post] = one;
        Ok(map::article(&post, &links, 0, Vec::new())?)
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
pub fn draft_post(mut post: Value, autosaves: &Value) -> Result<WpPost, PreviewError> {
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
    let mut post: WpPost = parse_one(&post, "post").map_err(PreviewError::Fetch)?;
    // Shown as it will be once published: the status says nothing to the reader.
    post.status = "publish".into();
    Ok(post)
}
