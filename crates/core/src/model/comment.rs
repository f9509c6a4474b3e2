//! Reader comments under an article: one page of threads, oldest first.

use serde::{Deserialize, Serialize};

use super::{Block, Timestamp};
use crate::url::SafeUrl;

/// How deep threads go unless the config says otherwise: WordPress's
/// `thread_comments_depth` default.
pub const DEFAULT_THREAD_DEPTH: u8 = 5;

/// One approved comment and its replies (oldest first). Replies deeper than
/// the site's thread depth are attached at the deepest level shown, as
/// WordPress's own themes do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: u64,
    pub author: String,
    /// The author's website, when it passed the URL allowlist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_url: Option<SafeUrl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<SafeUrl>,
    pub date: Timestamp,
    /// Through the same allowlist converter as article bodies.
    #[serde(default)]
    pub body: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Comment>,
}

/// A page of comment threads (top-level comments with their replies).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommentPage {
    /// Approved comments on the article, replies included.
    pub total: u32,
    /// From 1.
    pub page: u32,
    pub total_pages: u32,
    /// Whether readers may still comment.
    #[serde(default)]
    pub open: bool,
    #[serde(default)]
    pub threads: Vec<Comment>,
}

/// Comments are off for this article (the static source without a
/// comments endpoint): nothing is shown but the count.
pub type MaybeComments = Option<CommentPage>;
