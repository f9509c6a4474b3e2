//! Posts: fetched 100 a request in full (`_embed`, `content`), each mapped
//! by the WordPress adapter's own mapping (`map::article`, `map::summary`),
//! with its comment count. One post that cannot be read is an outcome with
//! its reason, never the end of the request.

use std::collections::{BTreeMap, BTreeSet};

use kiosque_core::http::FetchError;
use kiosque_core::model::Article;
use kiosque_core::source::wordpress::urls::PostQuery;
use kiosque_core::source::wordpress::{fill, gallery, map, rank_math, tree};
use kiosque_core::source::wordpress::{parse_one, wire::WpPost};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::checkpoint::{Checkpoint, Chunk};
use super::client::{parallel, Client};
use super::search::search_entry;
use super::site::Fetched as SiteFetched;
use super::state::Entry;

#[derive(Debug, Serialize, Deserialize)]
pub struct Fetched {
    pub id: u64,
    pub modified_gmt: String,
    pub outcome: Outcome,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum Outcome {
    /// Its article is in the checkpoint (`Checkpoint::article`), without its
    /// related rail (that needs every other post).
    Mapped(Box<Entry>),
    /// Draft, private, scheduled: never exported.
    NotPublic,
    /// Why it could not be read.
    Failed(String),
}

/// What a list answer's posts lack when `_embed` was refused: their
/// featured images and authors, one request each for the whole list (a
/// closed users endpoint or a failure leaves them out).
#[derive(Default)]
pub struct Embeds {
    media: Vec<Value>,
    users: Vec<Value>,
}

impl Embeds {
    pub fn fetch(client: &Client, raw: &[Value]) -> Embeds {
        let posts = kiosque_core::source::wordpress::wire::parse_each::<WpPost>(raw);
        let list = |ids: Vec<u64>, url: &dyn Fn(&[u64]) -> String| {
            if ids.is_empty() {
                return Vec::new();
            }
            client.get_list(&url(&ids)).map(|(l, _)| l).unwrap_or_default()
        };
        Embeds {
            media: list(fill::missing_media(&posts), &|ids| client.urls.media_by_ids(ids)),
            users: list(fill::missing_authors(&posts), &|ids| client.urls.users_by_ids(ids)),
        }
    }
}

/// One post of a list answer → its outcome.
pub fn map_post(client: &Client, v: &Value, site: &SiteFetched, store: &Checkpoint, extra: &Embeds) -> Fetched {
    let id = v.get("id").and_then(Value::as_u64).unwrap_or(0);
    let modified_gmt = v.get("modified_gmt").and_then(Value::as_str).unwrap_or("").to_string();
    let outcome = match mapped(client, v, site, store, extra) {
        Ok(Some(m)) => Outcome::Mapped(Box::new(m)),
        Ok(None) => Outcome::NotPublic,
        Err(e) => Outcome::Failed(e.to_string()),
    };
    Fetched {
        id,
        modified_gmt,
        outcome,
    }
}

fn mapped(
    client: &Client,
    v: &Value,
    site: &SiteFetched,
    store: &Checkpoint,
    extra: &Embeds,
) -> Result<Option<Entry>, FetchError> {
    let mut post: WpPost = parse_one(v, "post")?;
    if post.status != "publish" {
        return Ok(None);
    }
    // `_embed` refused or partial: categories from the site's list.
    fill::fill_categories(&mut post, &site.categories);
    fill::fill_media(&mut post, &extra.media);
    fill::fill_author(&mut post, &extra.users);
    fill::fill_tags(&mut post, &site.tags);
    let links = &site.links;
    let mut summary = map::summary(&post)?;
    // As the live source: approved comments, from `X-WP-Total`; an extra,
    // so its failure leaves 0.
    let comments = client
        .get(&client.urls.comment_total(post.id))
        .ok()
        .and_then(|(list, paging)| paging.total.or(list.as_array().map(|l| l.len() as u32)))
        .unwrap_or(0);
    let mut article = map::article(&post, links, comments, Vec::new())?;
    gallery_renditions(client, &post, &mut article);
    article.category_parents = tree::category_parents(&site.categories, &article.category.slug);
    if article.seo.is_none() {
        article.seo = rank_math_head(client, &post, site).map(Box::new);
    }
    // The export has the body a list lacks: a link post's card links out.
    summary.link = article.link_target();
    let bytes = kiosque_core::source::static_files::json(&article);
    let modified_gmt = post.modified_gmt.clone().unwrap_or_default();
    store
        .save_article(post.id, &modified_gmt, &bytes)
        .map_err(|e| FetchError::BadData(format!("cannot keep the article in {}: {e}", store.dir().display())))?;
    Ok(Some(Entry {
        slug: article.slug.clone(),
        modified_gmt,
        modified: post.modified.clone().unwrap_or_default(),
        hash: hex(&Sha256::digest(&bytes)),
        sticky: post.sticky,
        categories: post.categories.clone(),
        tags: post.tags.clone(),
        author: post.author,
        search: search_entry(&article),
        parts: u32::try_from(article.pages().len()).unwrap_or(u32::MAX),
        protected: article.protected,
        summary,
    }))
}

/// As the live source: Rank Math's head for a post without a Yoast head,
/// where the site has Rank Math's headless route; an extra, so any failure
/// leaves the export's own head.
fn rank_math_head(client: &Client, post: &WpPost, site: &SiteFetched) -> Option<kiosque_core::model::SeoHead> {
    let url = rank_math::head_url(&client.urls, post, &site.root)?;
    let (answer, _) = client.get(&url).ok()?;
    let answer: rank_math::RankMathHead = serde_json::from_value(answer).ok()?;
    rank_math::head(&answer, &site.links)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A list answer's posts, mapped on the pool (each asks its comment count).
fn map_all(client: &Client, raw: &[Value], site: &SiteFetched, store: &Checkpoint) -> Vec<Fetched> {
    let extra = Embeds::fetch(client, raw);
    parallel(raw.iter().collect(), client.workers, |v| {
        map_post(client, v, site, store, &extra)
    })
}

/// Fetches the posts in `want` (IDs with the `modified_gmt` the ID list
/// gave), resuming from `checkpoint`: first by pages (`modified_after` the
/// high-water mark, or every post on a full export), then by ID whatever
/// the pages missed. Returns the outcome of every post fetched (some
/// outside `want`: the caller keeps only the listed ones).
pub fn fetch(
    client: &Client,
    site: &SiteFetched,
    want: &BTreeMap<u64, String>,
    since: Option<&str>,
    checkpoint: &Checkpoint,
) -> Result<BTreeMap<u64, Fetched>, FetchError> {
    let mut got = checkpoint.all_posts();
    let missing = |got: &BTreeMap<u64, Fetched>| -> Vec<u64> {
        want.iter()
            .filter(|(id, m)| got.get(id).is_none_or(|f| &f.modified_gmt != *m))
            .map(|(id, _)| *id)
            .collect()
    };
    if missing(&got).is_empty() {
        return Ok(got);
    }
    // By pages, when there is enough to fetch for pages to be worth it.
    let base = PostQuery {
        full: true,
        modified_after: since.map(str::to_string),
        ..PostQuery::list(client.page_size, 1)
    };
    let key = |page: u32| match since {
        Some(s) => format!("since-{s}-page-{page}"),
        None => format!("all-page-{page}"),
    };
    let page = |p: u32| -> Result<Chunk, FetchError> {
        if let Some(chunk) = checkpoint.load(&key(p)) {
            return Ok(chunk);
        }
        let q = PostQuery {
            page: p,
            ..base.clone()
        };
        let (raw, paging) = client.get_list(&client.urls.posts(&q))?;
        let chunk = Chunk {
            total_pages: paging.total_pages.unwrap_or(1),
            posts: map_all(client, &raw, site, checkpoint),
        };
        save(checkpoint, &key(p), &chunk);
        Ok(chunk)
    };
    let first = page(1)?;
    let last = first.total_pages.min(super::client::MAX_LIST_PAGES);
    let mut chunks = vec![first];
    for chunk in parallel((2..=last).collect(), client.workers, page) {
        chunks.push(chunk?);
    }
    for f in chunks.into_iter().flat_map(|c| c.posts) {
        got.insert(f.id, f);
    }
    // Then by ID: posts the pages did not give (modified with an older
    // time, or moved between pages while they were read).
    let rest = missing(&got);
    let by_ids = |ids: Vec<u64>| -> Result<Chunk, FetchError> {
        let key = format!(
            "ids-{}-{}-{}",
            ids.first().unwrap_or(&0),
            ids.len(),
            hex(&Sha256::digest(format!("{ids:?}")))
        );
        if let Some(chunk) = checkpoint.load(&key).filter(|c| covers(c, &ids, want)) {
            return Ok(chunk);
        }
        let q = PostQuery {
            include: ids,
            full: true,
            ..PostQuery::list(client.page_size, 1)
        };
        let (raw, _) = client.get_list(&client.urls.posts(&q))?;
        let chunk = Chunk {
            total_pages: 1,
            posts: map_all(client, &raw, site, checkpoint),
        };
        save(checkpoint, &key, &chunk);
        Ok(chunk)
    };
    let groups: Vec<Vec<u64>> = rest.chunks(client.page_size as usize).map(<[u64]>::to_vec).collect();
    for chunk in parallel(groups, client.workers, by_ids) {
        for f in chunk?.posts {
            got.insert(f.id, f);
        }
    }
    Ok(got)
}

/// Whether a saved chunk answers for `ids` at the wanted versions.
fn covers(chunk: &Chunk, ids: &[u64], want: &BTreeMap<u64, String>) -> bool {
    let have: BTreeSet<(u64, &str)> = chunk.posts.iter().map(|f| (f.id, f.modified_gmt.as_str())).collect();
    ids.iter()
        .all(|id| want.get(id).is_some_and(|m| have.contains(&(*id, m.as_str()))))
}

/// A checkpoint that cannot be written costs only resumability.
fn save(checkpoint: &Checkpoint, key: &str, chunk: &Chunk) {
    if let Err(e) = checkpoint.save(key, chunk) {
        eprintln!("export: cannot save progress in {}: {e}", checkpoint.dir().display());
    }
}

/// As the live source: classic gallery thumbnails' renditions, one request
/// for the post (or a custom type's item); a failure keeps the thumbnails
/// as they are.
pub(super) fn gallery_renditions(client: &Client, post: &WpPost, article: &mut Article) {
    if gallery::lacks_renditions(&article.body) {
        let html = post.content.as_ref().map_or("", |c| c.rendered.as_str());
        if let Ok((media, _)) = client.get_list(&gallery::media_url(&client.urls, post.id, html)) {
            gallery::fill_renditions(&mut article.body, &media);
        }
    }
}
