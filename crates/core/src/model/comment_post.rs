//! A reader's new comment: what the form sends, what the site answered,
//! and why it refused (each refusal has a localized message, `i18n`).

use serde::{Deserialize, Serialize};

use super::Comment;
use crate::http::FetchError;

/// What a reader typed. `parent`: the comment replied to, 0 for none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentDraft {
    pub parent: u64,
    pub author_name: String,
    pub author_email: String,
    pub content: String,
}

/// The site took the comment.
#[derive(Clone, Debug, PartialEq)]
pub enum Posted {
    /// Awaiting moderation: not public yet.
    Held,
    /// Public now, as it will show.
    Approved(Comment),
}

/// The form field a refusal is about (its message sits by that field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftField {
    Name,
    Email,
    Content,
}

/// Why a comment was not taken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PostError {
    /// The same text was already posted (`comment_duplicate`).
    #[error("duplicate comment")]
    Duplicate,
    /// Too soon after the last one (`comment_flood`).
    #[error("comments posted too quickly")]
    Flood,
    /// `rest_comment_closed`, or a source that takes no comments.
    #[error("comments are closed")]
    Closed,
    /// The site does not take anonymous comments over REST.
    #[error("an account is required to comment")]
    LoginRequired,
    /// Name or e-mail missing (`rest_comment_author_data_required`).
    #[error("name and e-mail are required")]
    AuthorRequired,
    /// Empty text (`rest_comment_content_invalid`).
    #[error("the comment is empty")]
    ContentRequired,
    /// `rest_invalid_param` on `author_email`.
    #[error("invalid e-mail address")]
    InvalidEmail,
    /// Any other refusal, by its code (shown as a generic refusal).
    #[error("refused ({0})")]
    Refused(String),
    /// The request itself failed: nothing is known to be posted.
    #[error(transparent)]
    Network(#[from] FetchError),
}

impl PostError {
    /// The field to mark invalid and move focus to, if any.
    pub fn field(&self) -> Option<DraftField> {
        match self {
            PostError::AuthorRequired => Some(DraftField::Name),
            PostError::InvalidEmail => Some(DraftField::Email),
            PostError::ContentRequired | PostError::Duplicate => Some(DraftField::Content),
            _ => None,
        }
    }

    /// Whether sending the same draft again may work (the text is kept and
    /// a retry offered).
    pub fn may_retry(&self) -> bool {
        matches!(self, PostError::Network(_) | PostError::Flood)
    }
}
