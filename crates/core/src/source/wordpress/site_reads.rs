//! What the site tells about itself, read once per visit: its settings and
//! categories, its menus, its pages and the most-read list.

use serde_json::Value;

use super::adapter::parse_one;
use super::urls::PostQuery;
use super::wire::{self, WpPage, WpPageNode, WpRoot};
use super::{map, WordPressSource};
use crate::http::FetchError;
use crate::model::{Menus, MostRead, SiteInfo, StaticPage};
use crate::source::checked_slug;

impl WordPressSource {
    pub async fn site(&self) -> Result<SiteInfo, FetchError> {
        let index = self.urls.index();
        let (root, categories, menus) = futures::join!(self.fetch::<WpRoot>(&index), self.categories(), self.menus());
        let (root, _) = root?;
        let mut site = SiteInfo {
            posts_per_page: Some(self.per_page),
            ..map::site(&root, &categories.unwrap_or_default())
        };
        site.menus = menus;
        Ok(site)
    }

    /// The theme's menus where this site lets them be read (most sites ask
    /// for a login: then none, and the header lists the categories).
    async fn menus(&self) -> Menus {
        let Ok((index, _)) = self.fetch::<Value>(&self.urls.menu_locations()).await else {
            return Menus::default();
        };
        let (primary, footer) = super::menus::locations(&index);
        let items = |id: Option<u64>| async move {
            match id {
                Some(id) => self
                    .fetch::<Vec<Value>>(&self.urls.menu_items(id))
                    .await
                    .map(|(v, _)| v)
                    .unwrap_or_default(),
                None => Vec::new(),
            }
        };
        let (primary, footer) = futures::join!(items(primary), items(footer));
        if primary.is_empty() && footer.is_empty() {
            return Menus::default();
        }
        super::menus::menus(&primary, &footer, &self.link_context().await)
    }

    pub async fn page(&self, slug: &str) -> Result<StaticPage, FetchError> {
        let slug = checked_slug(slug)?;
        let (raw, _) = self.fetch::<Vec<Value>>(&self.urls.page_by_slug(slug)).await?;
        let first = raw.first().ok_or(FetchError::NotFound)?;
        let page: WpPage = parse_one(first, "page")?;
        let (links, tree) = futures::join!(self.link_context(), self.all::<WpPageNode>(|p| self.urls.page_tree(p)));
        let mut out = map::page(&page, &links)?;
        if out.seo.is_none() {
            let permalink = self.urls.page_permalink(page.id);
            out.seo = self
                .plugin_head(&permalink, page.yoast_head_json.as_ref(), Some(&links))
                .await;
        }
        // The family is an extra: without the list, the page still shows.
        if let Ok(tree) = tree {
            (out.parents, out.children) = super::tree::page_family(&tree, page.id);
        }
        Ok(out)
    }

    /// Most read, from `api.most_read_url` (a popular-posts plugin's route:
    /// an array of post IDs or of objects with an `id`, best first). Without
    /// it, an empty list: the block is hidden, never faked.
    pub async fn most_read(&self) -> Result<MostRead, FetchError> {
        let empty = MostRead {
            version: crate::model::API_VERSION,
            articles: Vec::new(),
        };
        let Some(url) = &self.most_read_url else {
            return Ok(empty);
        };
        let (raw, _) = self.fetch::<Vec<Value>>(url).await?;
        let mut seen = std::collections::HashSet::new();
        let mut ids: Vec<u64> = raw
            .iter()
            .filter_map(wire::popular_id)
            .filter(|id| seen.insert(*id))
            .collect();
        ids.truncate(10);
        if ids.is_empty() {
            return Ok(empty);
        }
        let per_page = u32::try_from(ids.len()).unwrap_or(10);
        let q = PostQuery {
            include: ids,
            ..PostQuery::list(per_page, 1)
        };
        let (articles, _) = self.summaries(&q).await?;
        Ok(MostRead { articles, ..empty })
    }
}
