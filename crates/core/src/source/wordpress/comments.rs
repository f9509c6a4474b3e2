//! An article's approved comments (`/wp/v2/comments`), threaded and paged
//! the way WordPress's own themes show them: top-level comments oldest
//! first, `THREADS_PER_PAGE` of them a page (WordPress's `comments_per_page`
//! default), replies under their parent down to the thread depth, deeper
//! replies kept at the deepest level. Pingbacks and trackbacks are left out
//! (`type=comment`); the REST API gives an anonymous reader approved
//! comments only.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::adapter::WordPressSource;
use super::map::{self, LinkContext};
use super::wire::{self, Rendered};
use crate::http::FetchError;
use crate::model::{Comment, CommentPage, MaybeComments, SafeUrl};

/// Top-level comments a page: WordPress's `comments_per_page` default.
pub const THREADS_PER_PAGE: usize = 50;
/// WordPress's `thread_comments_depth` default (not in its public REST index).
pub const DEFAULT_DEPTH: u8 = crate::model::DEFAULT_THREAD_DEPTH;
/// WordPress's own upper bound for `thread_comments_depth`.
const MAX_DEPTH: u8 = 10;
/// Comments read a request, and requests at most: threads need every reply,
/// so all comments are read (up to 1,000; beyond, the newest are left out).
const FETCH_PER_PAGE: u32 = 100;
const FETCH_PAGES: u32 = 10;
const FIELDS: &str = "id,parent,author_name,author_url,date,date_gmt,content,author_avatar_urls";

#[derive(Clone, Debug, Default, Deserialize)]
pub struct WpComment {
    pub id: u64,
    #[serde(default)]
    pub parent: u64,
    #[serde(default)]
    pub author_name: String,
    #[serde(default)]
    pub author_url: String,
    pub date: String,
    #[serde(default)]
    pub date_gmt: Option<String>,
    #[serde(default)]
    pub content: Rendered,
    #[serde(default)]
    pub author_avatar_urls: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct WpCommentStatus {
    #[serde(default)]
    comment_status: String,
}

impl WordPressSource {
    /// Page `page` (from 1) of the comments on the published post `slug`;
    /// `depth`: the thread depth shown (`api.comment_depth`, else 5).
    pub async fn comments(&self, slug: &str, page: u32, depth: Option<u8>) -> Result<MaybeComments, FetchError> {
        let post = self.published_post(slug).await?;
        let urls = &self.urls;
        let status_url = urls.at(&format!("wp/v2/posts/{}", post.id), "_fields=id,comment_status");
        let first_url = comments_url(urls, post.id, 1);
        let (status, first, links) = futures::join!(
            self.fetch::<WpCommentStatus>(&status_url),
            self.fetch::<Vec<Value>>(&first_url),
            self.link_context()
        );
        let (mut raw, paging) = first?;
        let pages = paging.total_pages.unwrap_or(1).min(FETCH_PAGES);
        for n in 2..=pages {
            let (more, _) = self.fetch::<Vec<Value>>(&comments_url(urls, post.id, n)).await?;
            raw.extend(more);
        }
        let list: Vec<WpComment> = wire::parse_each(&raw);
        let open = status.is_ok_and(|(s, _)| s.comment_status == "open");
        let total = paging.total.unwrap_or(u32::try_from(list.len()).unwrap_or(u32::MAX));
        let threads = threads(&list, depth.unwrap_or(DEFAULT_DEPTH), &links);
        paged(threads, page, total, open).map(Some)
    }
}

fn comments_url(urls: &super::urls::Urls, post: u64, page: u32) -> String {
    urls.at(
        "wp/v2/comments",
        &format!(
            "post={post}&type=comment&orderby=date_gmt&order=asc&per_page={FETCH_PER_PAGE}&page={page}&_fields={FIELDS}"
        ),
    )
}

/// Page `page` of `threads`; a page past the last is `NotFound` (the first
/// always exists, empty when nobody commented).
pub fn paged(threads: Vec<Comment>, page: u32, total: u32, open: bool) -> Result<CommentPage, FetchError> {
    let total_pages = u32::try_from(threads.len().div_ceil(THREADS_PER_PAGE).max(1)).unwrap_or(u32::MAX);
    if page == 0 || page > total_pages {
        return Err(FetchError::NotFound);
    }
    let start = (page as usize - 1) * THREADS_PER_PAGE;
    Ok(CommentPage {
        total,
        page,
        total_pages,
        open,
        threads: threads.into_iter().skip(start).take(THREADS_PER_PAGE).collect(),
    })
}

/// Flat comments (oldest first) → threads. A reply whose parent is missing
/// (held, deleted) starts a thread; a reply deeper than `depth` hangs under
/// its ancestor one level above the deepest, so it shows at the deepest level.
pub fn threads(list: &[WpComment], depth: u8, links: &LinkContext) -> Vec<Comment> {
    let depth = usize::from(depth.clamp(1, MAX_DEPTH));
    let index: HashMap<u64, usize> = list.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut top = Vec::new();
    for (i, c) in list.iter().enumerate() {
        // Ancestors, nearest first; a cycle or a missing parent ends the chain.
        let mut chain = Vec::new();
        let mut at = c.parent;
        while let Some(&p) = index.get(&at) {
            if p == i || chain.contains(&p) || chain.len() > list.len() {
                break;
            }
            chain.push(p);
            at = list[p].parent;
        }
        if chain.is_empty() {
            top.push(i);
        } else {
            // Own depth is chain.len() + 1; shown at most at `depth`.
            let keep = chain.len().min(depth - 1);
            match keep {
                0 => top.push(i),
                k => children.entry(chain[chain.len() - k]).or_default().push(i),
            }
        }
    }
    top.into_iter()
        .filter_map(|i| build(list, i, &children, links, depth))
        .collect()
}

fn build(
    list: &[WpComment],
    i: usize,
    children: &HashMap<usize, Vec<usize>>,
    links: &LinkContext,
    left: usize,
) -> Option<Comment> {
    let c = &list[i];
    let date = map::timestamp(&c.date, c.date_gmt.as_deref()).ok()?;
    let replies = match left {
        0 | 1 => Vec::new(),
        _ => children
            .get(&i)
            .map(|kids| {
                kids.iter()
                    .filter_map(|&k| build(list, k, children, links, left - 1))
                    .collect()
            })
            .unwrap_or_default(),
    };
    Some(Comment {
        id: c.id,
        author: map::text(&c.author_name),
        author_url: SafeUrl::new(c.author_url.trim()).filter(|u| u.is_external()),
        avatar: avatar(c),
        date,
        body: map::body(&c.content.rendered, links),
        replies,
    })
}

/// The 96 px avatar (shown at 48 px, sharp on dense screens), else the 48;
/// Gravatar's over https, as authors' avatars.
fn avatar(c: &WpComment) -> Option<SafeUrl> {
    ["96", "48"]
        .iter()
        .find_map(|k| c.author_avatar_urls.get(*k))
        .and_then(|u| SafeUrl::new(&super::media::secure_gravatar(u)))
        .filter(|u| u.is_external())
}
