//! Search on a static site: the manifest, one term shard per query term and
//! the document shards of the page shown (source/search/ has the format).

use futures::future::try_join_all;

use super::search::{self, DocShard, SearchManifest, TermShard};
use super::{SearchResults, StaticSource};
use crate::http::FetchError;
use crate::model::ArticleSummary;

impl StaticSource {
    /// Page `page` (from 1) of the results for `query`, `per_page` a page.
    /// Every file is cached by the door like any response, so the next page
    /// of the same query only fetches its document shards.
    pub async fn search(&self, query: &str, page: u32, per_page: usize) -> Result<SearchResults, FetchError> {
        let query = query.trim();
        let keys = search::search_keys(query);
        if keys.is_empty() {
            return Ok(SearchResults::empty(query, page));
        }
        let manifest: SearchManifest = self.get_doc(search::MANIFEST_PATH).await?;
        let wanted = search::term_shards_for(&keys, &manifest);
        let paths: Vec<String> = wanted.iter().map(|n| search::term_shard_path(*n)).collect();
        let shards: Vec<TermShard> = try_join_all(paths.iter().map(|p| self.get_doc(p))).await?;
        let mut lists = Vec::with_capacity(keys.len());
        for k in &keys {
            let n = search::term_shard_of(k, manifest.term_shards);
            let shard = wanted.iter().position(|w| *w == n).and_then(|i| shards.get(i));
            let postings = shard
                .and_then(|s| search::key_postings(k, s))
                .ok_or_else(|| FetchError::BadData(format!("search index: bad postings for “{k}”")))?;
            lists.push(postings);
        }
        let hits = search::rank(&lists);
        let shown = search::page_of(&hits, page, per_page);
        let paths: Vec<String> = search::doc_shards_for(shown, &manifest)
            .into_iter()
            .map(search::doc_shard_path)
            .collect();
        let docs: Vec<DocShard> = try_join_all(paths.iter().map(|p| self.get_doc(p))).await?;
        // A hit whose document is missing is left out, never fatal.
        let articles = shown
            .iter()
            .filter_map(|h| search::stub_of(h.doc, &docs))
            .map(|d| ArticleSummary {
                slug: d.slug.clone(),
                title: d.title.clone(),
                standfirst: d.standfirst.clone(),
                category: d.category.clone(),
                authors: Vec::new(),
                published: d.published.clone(),
                modified: d.modified.clone(),
                image: None,
                reading_minutes: 0,
                format: Default::default(),
                link: None,
                post_type: d.post_type.clone(),
            })
            .collect();
        Ok(SearchResults {
            query: query.to_string(),
            total: hits.len(),
            page: page.max(1),
            total_pages: search::total_pages(hits.len(), per_page),
            articles,
        })
    }
}
