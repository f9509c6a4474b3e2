//! The pages that take several requests: home, article, listings.

use serde_json::Value;

use super::urls::{PostQuery, HOME_LATEST, HOME_SECTION, PER_PAGE, RELATED_MAX};
use super::wire::{self, WpPost, WpRelated};
use super::{gallery, map, parse_one, tree, WordPressSource};
use crate::http::{FetchError, Paging};
use crate::model::{Article, ArticleSummary, CategoryRef, Home, HomeSection, Listing, ListingKind, Timestamp};
use crate::source::related::{rank_related, RelatedKey};
use crate::source::{checked_slug, ListingRequest};

// The home's latest block is page 1 of the home archive.
const _: () = assert!(PER_PAGE as usize == crate::model::HOME_LATEST_SHOWN);

/// The request for a full article (also what `prefetch_article` warms).
pub(super) fn article_query(slug: &str) -> PostQuery {
    PostQuery {
        slug: Some(slug.to_string()),
        full: true,
        ..PostQuery::list(1, 1)
    }
}

impl WordPressSource {
    /// Lead: the newest sticky post, else the newest post. Sections: one per
    /// navigation category (`map::nav`), 4 posts each. Latest: 10. The lead
    /// appears in neither. Only the latest list is essential: a failed
    /// sticky or section request leaves that part out.
    pub async fn home(&self) -> Result<Home, FetchError> {
        let sticky_q = PostQuery {
            sticky: true,
            ..PostQuery::list(1, 1)
        };
        let latest_q = PostQuery::list(HOME_LATEST as u32 + 1, 1);
        let (sticky, latest, categories) =
            futures::join!(self.summaries(&sticky_q), self.summaries(&latest_q), self.categories());
        let (latest, _) = latest?;
        let sticky = sticky.map(|(s, _)| s).unwrap_or_default();
        let lead = sticky.into_iter().next().or_else(|| latest.first().cloned());
        let lead_slug = lead.as_ref().map(|l| l.slug.clone());
        let not_lead = |a: &ArticleSummary| Some(&a.slug) != lead_slug.as_ref();
        let nav = map::nav(&categories.unwrap_or_default());
        let sections = futures::future::join_all(nav.iter().map(|c| {
            let q = PostQuery {
                category: Some(c.id),
                ..PostQuery::list(HOME_SECTION as u32 + 1, 1)
            };
            async move { self.summaries(&q).await }
        }))
        .await;
        let sections = nav
            .iter()
            .zip(sections)
            .map(|(c, res)| HomeSection {
                category: map::category(c),
                articles: res
                    .map(|(list, _)| list.into_iter().filter(not_lead).take(HOME_SECTION).collect())
                    .unwrap_or_default(),
            })
            .collect();
        Ok(Home {
            version: crate::model::API_VERSION,
            latest: latest.into_iter().filter(not_lead).take(HOME_LATEST).collect(),
            lead,
            sections,
        })
    }

    /// The home's lead (the newest sticky post, else the newest post), by
    /// the home's own requests; `None` when they fail (the archive then
    /// keeps it, rather than failing).
    async fn lead_id(&self) -> Option<u64> {
        let sticky_q = PostQuery {
            sticky: true,
            ..PostQuery::list(1, 1)
        };
        if let Ok((raw, _)) = self.fetch_posts(&sticky_q).await {
            if let Some(id) = self.first_mapped_id(&raw).await {
                return Some(id);
            }
        }
        let latest_q = PostQuery::list(HOME_LATEST as u32 + 1, 1);
        let (raw, _) = self.fetch_posts(&latest_q).await.ok()?;
        self.first_mapped_id(&raw).await
    }

    /// The first post of `raw` that maps (categories filled as for lists).
    async fn first_mapped_id(&self, raw: &[Value]) -> Option<u64> {
        let mut posts = wire::parse_each::<WpPost>(raw);
        self.fill_missing(&mut posts).await;
        posts.into_iter().find(|p| map::summary(p).is_ok()).map(|p| p.id)
    }

    /// A post by slug, with its comment count and related articles. The
    /// comment count and related list are extras: when their request fails
    /// the article still shows (0 comments, no related).
    pub async fn article(&self, slug: &str) -> Result<Article, FetchError> {
        let post = self.published_post(slug).await?;
        // All at once: one round trip after the post, not one per extra.
        let (comments, related, links, rank_math) = futures::join!(
            self.comment_count(post.id),
            self.related(&post, None),
            self.link_context(),
            self.rank_math_head(&post),
        );
        let mut article = map::article(&post, &links, comments, related)?;
        self.gallery_renditions(&post, &mut article).await;
        article.category_parents = self.category_parents(&post, &article.category.slug).await;
        if article.seo.is_none() {
            article.seo = rank_math
                .and_then(|answer| super::rank_math::head(&answer, &links))
                .map(Box::new);
        }
        self.count_view(post.id);
        Ok(article)
    }

    /// Item `slug` of the custom type whose REST base is `rest_base`, mapped
    /// as a post. Its related rail is empty unless the type is allowed in
    /// rails (`in_related`): then posts and allowed items as for articles.
    /// Its comments are uncounted (an item's page shows none).
    pub async fn type_item(&self, rest_base: &str, slug: &str) -> Result<Article, FetchError> {
        let post = self.published_in(Some(rest_base), slug).await?;
        let (links, related) = futures::join!(self.link_context(), self.related(&post, Some(rest_base)));
        let mut article = map::item_article(&post, &links, related)?;
        self.gallery_renditions(&post, &mut article).await;
        article.category_parents = self.category_parents(&post, &article.category.slug).await;
        Ok(article)
    }

    /// Classic gallery thumbnails' renditions, from one cached media
    /// request, asked only when one lacks them; a failure changes nothing.
    async fn gallery_renditions(&self, post: &WpPost, article: &mut Article) {
        if !gallery::lacks_renditions(&article.body) {
            return;
        }
        let html = post.content.as_ref().map_or("", |c| c.rendered.as_str());
        let url = gallery::media_url(&self.urls, post.id, html);
        if let Ok((media, _)) = self.fetch::<Vec<Value>>(&url).await {
            gallery::fill_renditions(&mut article.body, &media);
        }
    }

    /// The parents of the post's category `slug`, from the category list,
    /// asked only when the embedded term's permalink may hide parents. A
    /// failed list costs the breadcrumb its parents, never the article.
    async fn category_parents(&self, post: &WpPost, slug: &str) -> Vec<CategoryRef> {
        let terms = post.embedded.terms();
        let link = terms
            .iter()
            .find(|t| t.taxonomy == "category" && map::clean_slug(&t.slug) == slug)
            .map_or("", |t| t.link.as_str());
        if !tree::link_may_nest(link) {
            return Vec::new();
        }
        match self.categories().await {
            Ok(list) => tree::category_parents(&list, slug),
            Err(_) => Vec::new(),
        }
    }

    /// A description or biography as blocks; the site's page slugs (one
    /// more request) only when it has links to rewrite.
    async fn about(&self, html: &str) -> Vec<crate::model::Block> {
        let links = if html.contains("href") {
            self.link_context().await
        } else {
            super::map::LinkContext::from_home(self.urls.home())
        };
        map::about(html, &links)
    }

    /// The canonical slug of the published post `slug`, without counting a
    /// view (an old permalink's look-up, before the article route counts it).
    /// The same request as [`Self::article`]'s, so it warms that one.
    pub async fn article_slug(&self, slug: &str) -> Result<String, FetchError> {
        let post = self.published_post(slug).await?;
        super::routable(&post.slug)
    }

    pub(super) async fn published_post(&self, slug: &str) -> Result<WpPost, FetchError> {
        self.published_in(None, slug).await
    }

    /// A published item of `collection` (a custom type's REST base), or of
    /// `posts` when `None`.
    async fn published_in(&self, collection: Option<&str>, slug: &str) -> Result<WpPost, FetchError> {
        let slug = checked_slug(slug)?;
        let q = PostQuery {
            collection: collection.map(checked_slug).transpose()?.map(str::to_string),
            ..article_query(slug)
        };
        let (raw, _) = self.fetch_posts(&q).await?;
        let first = raw.first().ok_or(FetchError::NotFound)?;
        let post: WpPost = parse_one(first, "post")?;
        if post.status != "publish" {
            return Err(FetchError::NotFound);
        }
        let mut one = [post];
        self.fill_missing(&mut one).await;
        let [post] = one;
        Ok(post)
    }

    /// Rank Math's head for a post, where the site has Rank Math's headless
    /// route and no Yoast head came with the post; an extra: any failure
    /// means Kiosque's own head.
    pub(super) async fn rank_math_head(&self, post: &WpPost) -> Option<super::rank_math::RankMathHead> {
        // The index is the one `site()` reads: the HTTP layer has it.
        let (root, _) = self.fetch::<wire::WpRoot>(&self.urls.index()).await.ok()?;
        let url = super::rank_math::head_url(&self.urls, post, &root)?;
        self.fetch::<super::rank_math::RankMathHead>(&url)
            .await
            .ok()
            .map(|(answer, _)| answer)
    }

    async fn comment_count(&self, post: u64) -> u32 {
        match self.fetch::<Vec<Value>>(&self.urls.comment_total(post)).await {
            Ok((list, paging)) => paging.total.unwrap_or(list.len() as u32),
            Err(_) => 0,
        }
    }

    /// Posts sharing the category or a tag, and items of the custom types
    /// allowed in rails (`related_types`), ranked together like the static
    /// API's (`source::related`): 3 points a shared tag, 2 the category,
    /// then newest. Ranked on light candidates (IDs, terms, dates), then the
    /// best `RELATED_MAX` fetched as summaries, each from its collection.
    /// `of`: the custom type `post` is an item of; a type not allowed in
    /// rails gets none.
    async fn related(&self, post: &WpPost, of: Option<&str>) -> Vec<ArticleSummary> {
        let allowed = |t: &str| self.related_types.iter().any(|r| r == t);
        if (post.categories.is_empty() && post.tags.is_empty()) || of.is_some_and(|t| !allowed(t)) {
            return Vec::new();
        }
        let collections: Vec<Option<&str>> = std::iter::once(None)
            .chain(self.related_types.iter().map(|t| Some(t.as_str())))
            .collect();
        let pools = futures::future::join_all(collections.iter().map(|c| async move {
            let url = self.urls.related_in(*c, post.id, &post.categories, &post.tags);
            self.fetch::<Vec<Value>>(&url)
                .await
                .map(|(raw, _)| raw)
                .unwrap_or_default()
        }))
        .await;
        // A key names the collection too: IDs are unique across WordPress's
        // post types, but the slug a ranking returns must say where to ask.
        let key = |c: Option<&str>, id: u64, cats: &[u64], tags: &[u64], date_gmt: Option<&str>| RelatedKey {
            slug: c.map_or_else(|| id.to_string(), |t| format!("{t}:{id}")),
            category: cats.first().map(u64::to_string).unwrap_or_default(),
            tags: tags.iter().map(u64::to_string).collect(),
            published: date_gmt
                .and_then(|d| Timestamp::parse(&format!("{d}Z")).ok())
                .map_or(0, |t| t.unix()),
        };
        let target = key(of, post.id, &post.categories, &post.tags, post.date_gmt.as_deref());
        let mut candidates = Vec::new();
        for (c, raw) in collections.iter().zip(&pools) {
            candidates.extend(
                wire::parse_each::<WpRelated>(raw)
                    .iter()
                    .filter(|r| r.status == "publish" && r.id != post.id)
                    .map(|r| key(*c, r.id, &r.categories, &r.tags, r.date_gmt.as_deref())),
            );
        }
        let ranked: Vec<(Option<&str>, u64)> = rank_related(&target, &candidates, RELATED_MAX)
            .iter()
            .filter_map(|k| match k.split_once(':') {
                Some((t, id)) => Some((
                    Some(collections.iter().flatten().copied().find(|c| *c == t)?),
                    id.parse().ok()?,
                )),
                None => Some((None, k.parse().ok()?)),
            })
            .collect();
        // Rails are an extra: a collection that fails leaves its items out.
        let mut cards: Vec<ArticleSummary> = self
            .cards_in_order(&ranked, RELATED_MAX as u32)
            .await
            .into_iter()
            .filter_map(Result::ok)
            .collect();
        cards.retain(|a| !(a.slug == post.slug && a.post_type.as_deref() == of));
        cards
    }

    /// The cards of `placed` (each item's collection, `None` for posts, and
    /// ID), in that order: one `include=` request per collection, at once,
    /// each item marked with its type. A collection whose request failed
    /// gives its error in its items' places; an item WordPress did not
    /// return is left out.
    pub(super) async fn cards_in_order(
        &self,
        placed: &[(Option<&str>, u64)],
        per_page: u32,
    ) -> Vec<Result<ArticleSummary, FetchError>> {
        let mut collections: Vec<Option<&str>> = placed.iter().map(|(c, _)| *c).collect();
        collections.sort_unstable();
        collections.dedup();
        let mut queues = futures::future::join_all(collections.iter().map(|c| {
            let include: Vec<u64> = placed.iter().filter(|(t, _)| t == c).map(|(_, id)| *id).collect();
            async move {
                let q = PostQuery {
                    include,
                    collection: c.map(str::to_string),
                    ..PostQuery::list(per_page, 1)
                };
                let (mut list, _) = self.summaries(&q).await?;
                list.iter_mut().for_each(|a| a.post_type = c.map(str::to_string));
                Ok::<_, FetchError>(std::collections::VecDeque::from(list))
            }
        }))
        .await;
        // Back in the given order: each list is in it (`orderby=include`).
        placed
            .iter()
            .filter_map(|(t, _)| {
                let i = collections.iter().position(|c| c == t)?;
                match queues.get_mut(i)? {
                    Ok(q) => q.pop_front().map(Ok),
                    Err(e) => Some(Err(e.clone())),
                }
            })
            .collect()
    }

    /// One page of a listing, totals from the headers: `PER_PAGE` posts for
    /// the home archive (its page 1 is the home's latest block),
    /// `site.posts_per_page` for the others. A page past the end is
    /// `NotFound` (WordPress answers 400 there).
    pub async fn listing(&self, list: &ListingRequest, page: u32) -> Result<Listing, FetchError> {
        if page == 0 {
            return Err(FetchError::NotFound);
        }
        let per_page = match list {
            ListingRequest::Latest => PER_PAGE,
            _ => self.per_page,
        };
        let base = PostQuery::list(per_page, page);
        let (kind, q) = match list {
            // The home archive continues where the home stops: the lead is
            // on the home, the next `HOME_LATEST_SHOWN` are its latest block
            // (page 1 here), `/page/2` starts after them.
            ListingRequest::Latest => (
                ListingKind::Latest,
                PostQuery {
                    exclude: self.lead_id().await.into_iter().collect(),
                    ..base
                },
            ),
            ListingRequest::Category(slug) => {
                let t = self.term("categories", slug).await?;
                // The family is an extra: without the list, the page still shows.
                let (parents, children) = match self.categories().await {
                    Ok(list) => tree::category_family(&list, t.id),
                    Err(_) => (Vec::new(), Vec::new()),
                };
                let kind = ListingKind::Category {
                    category: map::category(&t),
                    description: map::text(&t.description),
                    parents,
                    children,
                    about: self.about(&t.description).await,
                };
                (
                    kind,
                    PostQuery {
                        category: Some(t.id),
                        ..base
                    },
                )
            }
            ListingRequest::Tag(slug) => {
                let t = self.term("tags", slug).await?;
                (
                    ListingKind::Tag {
                        tag: map::tag(&t),
                        about: self.about(&t.description).await,
                    },
                    PostQuery {
                        tag: Some(t.id),
                        ..base
                    },
                )
            }
            ListingRequest::PostType(rest_base) => (
                ListingKind::PostType {
                    rest_base: rest_base.clone(),
                },
                PostQuery {
                    collection: Some(checked_slug(rest_base)?.to_string()),
                    ..base
                },
            ),
            ListingRequest::Author(slug) => {
                let u = self.user(slug).await?;
                let author = crate::model::Author {
                    about: self.about(&u.description).await,
                    ..map::author(&u)
                };
                (
                    ListingKind::Author { author },
                    PostQuery {
                        author: Some(u.id),
                        ..base
                    },
                )
            }
        };
        let (answer, seo) = futures::join!(self.summaries(&q), self.listing_head(list));
        let (articles, paging) = match answer {
            Err(FetchError::Status(400)) if page > 1 => return Err(FetchError::NotFound),
            other => other?,
        };
        let Paging { total, total_pages } = paging;
        let total = total.unwrap_or(articles.len() as u32);
        let total_pages = total_pages.unwrap_or_else(|| total.div_ceil(per_page)).max(1);
        if page > total_pages {
            return Err(FetchError::NotFound);
        }
        Ok(Listing {
            version: crate::model::API_VERSION,
            kind,
            page,
            total_pages,
            total,
            articles,
            seo,
        })
    }
}
