//! Posting a reader's comment: `POST /wp/v2/comments` (anonymous, which the
//! site must allow: docs/comments.md) and WordPress's answer mapped to a
//! `Posted` or a typed `PostError`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::adapter::WordPressSource;
use super::comments::{threads, WpComment};
use super::map::LinkContext;
use crate::http::{Answer, FetchError};
use crate::model::{CommentDraft, PostError, Posted};

/// The body WordPress's comments route reads.
#[derive(Serialize)]
struct Request<'a> {
    post: u64,
    parent: u64,
    author_name: &'a str,
    author_email: &'a str,
    content: &'a str,
}

/// `POST /wp/v2/comments`'s JSON body for `draft` on post `post`.
pub fn request_body(post: u64, draft: &CommentDraft) -> String {
    let request = Request {
        post,
        parent: draft.parent,
        author_name: draft.author_name.trim(),
        author_email: draft.author_email.trim(),
        content: &draft.content,
    };
    // Plain strings and numbers: serializing cannot fail.
    serde_json::to_string(&request).unwrap_or_default()
}

/// A REST error's body (`WP_Error` as JSON).
#[derive(Deserialize)]
struct WpError {
    #[serde(default)]
    code: String,
    #[serde(default)]
    data: Option<Value>,
}

#[derive(Deserialize)]
struct WpPosted {
    #[serde(default)]
    status: String,
}

/// What WordPress's answer means. A 2xx with `status: "approved"` is shown
/// at once; any other accepted status (`hold`, or a spam verdict a plugin
/// gave) is "awaiting moderation", as WordPress's own themes say.
pub fn outcome(answer: &Answer, links: &LinkContext) -> Result<Posted, PostError> {
    if (200..300).contains(&answer.status) {
        let value: Value = crate::http::parse_json(&answer.body)?;
        let posted: WpPosted = serde_json::from_value(value.clone()).map_err(bad)?;
        if posted.status != "approved" {
            return Ok(Posted::Held);
        }
        let comment: WpComment = serde_json::from_value(value).map_err(bad)?;
        // Its own thread of one: a reply is shown where the form is.
        return threads(&[comment], 1, links)
            .into_iter()
            .next()
            .map(Posted::Approved)
            .ok_or_else(|| PostError::Network(FetchError::BadData("comment without a date".into())));
    }
    let error: WpError = crate::http::parse_json(&answer.body)?;
    Err(refusal(answer.status, &error))
}

fn bad(e: serde_json::Error) -> PostError {
    PostError::Network(FetchError::BadData(e.to_string()))
}

fn refusal(status: u16, error: &WpError) -> PostError {
    let invalid = |param: &str| {
        error
            .data
            .as_ref()
            .and_then(|d| d.get("params"))
            .and_then(|p| p.get(param))
            .is_some()
    };
    match error.code.as_str() {
        "comment_duplicate" => PostError::Duplicate,
        "comment_flood" => PostError::Flood,
        "rest_comment_closed" => PostError::Closed,
        "rest_comment_login_required" => PostError::LoginRequired,
        "rest_comment_author_data_required" => PostError::AuthorRequired,
        "rest_comment_content_invalid" => PostError::ContentRequired,
        "rest_invalid_param" if invalid("author_email") => PostError::InvalidEmail,
        "rest_invalid_param" if invalid("content") => PostError::ContentRequired,
        "rest_invalid_param" if invalid("author_name") => PostError::AuthorRequired,
        "" => PostError::Network(FetchError::from_status(status).unwrap_or(FetchError::Status(status))),
        code => PostError::Refused(code.chars().take(80).collect()),
    }
}

impl WordPressSource {
    /// Posts `draft` as a comment on the published post `slug`.
    pub async fn post_comment(&self, slug: &str, draft: &CommentDraft) -> Result<Posted, PostError> {
        let post = self.published_post(slug).await?;
        let url = self.urls.at("wp/v2/comments", "");
        let body = request_body(post.id, draft);
        let answer = self.post_answer(&url, body).await?;
        outcome(&answer, &self.link_context().await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_names_post_parent_author_and_text() {
        let draft = CommentDraft {
            parent: 7,
            author_name: "  Léa \"L\" ".into(),
            author_email: " lea@example.org".into(),
            content: "Bonjour\n<b>toi</b>".into(),
        };
        let body: Value = serde_json::from_str(&request_body(42, &draft)).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "post": 42, "parent": 7, "author_name": "Léa \"L\"",
                "author_email": "lea@example.org", "content": "Bonjour\n<b>toi</b>"
            })
        );
    }

    #[test]
    fn unknown_and_bodiless_refusals_stay_typed() {
        let links = LinkContext::default();
        let answer = |status, body: &str| Answer {
            status,
            body: body.into(),
        };
        assert_eq!(
            outcome(&answer(403, r#"{"code":"akismet_spam","message":"x"}"#), &links),
            Err(PostError::Refused("akismet_spam".into()))
        );
        assert_eq!(
            outcome(&answer(500, "{}"), &links),
            Err(PostError::Network(FetchError::Server(500)))
        );
        assert!(matches!(
            outcome(&answer(400, "<html>"), &links),
            Err(PostError::Network(FetchError::BadData(_)))
        ));
        assert_eq!(
            outcome(&answer(201, r#"{"id":1,"status":"spam"}"#), &links),
            Ok(Posted::Held)
        );
    }
}
