//! The custom post types' part of the prerender plan (`config.json`'s
//! `post_types`): every page of each type's listing and every item, walked
//! through the listing pages (a type has no archive index of its own).

use kiosque_core::config_types::PostTypeConfig;
use kiosque_core::http::FetchError;
use kiosque_core::model::{ArticleStub, Timestamp};
use kiosque_core::routes::Route;
use kiosque_core::source::{ListingRequest, Source};

/// A type's routes: its listing pages, then its items newest first, each
/// item with when it last changed (for the sitemaps).
#[derive(Debug, Default, PartialEq)]
pub struct TypeRoutes {
    pub listings: Vec<Route>,
    pub items: Vec<(Route, Timestamp)>,
    /// The feeds of the types with `in_feeds`.
    pub feeds: Vec<TypeFeed>,
}

/// A type's feed (`/<prefix>/feed.xml`), whose items join the site's feed.
#[derive(Debug, PartialEq)]
pub struct TypeFeed {
    pub listing: Route,
    pub label: String,
    /// Its newest items (at most `FEED_ITEMS`), newest first.
    pub items: Vec<(Route, ArticleStub)>,
}

/// Walks every configured type. A type the source does not know (its first
/// page is not found: a static API written before the type existed) has no
/// page, as its listing would be a "not found"; any other failure stops the
/// run, as the rest of the plan does.
/// `locale`: the feeds' labels are in it.
pub async fn type_routes(source: &Source, types: &[PostTypeConfig], locale: &str) -> Result<TypeRoutes, String> {
    let mut out = TypeRoutes::default();
    for t in types {
        let mut feed = TypeFeed {
            listing: Route::type_listing(t.prefix.clone(), 1),
            label: t.label_for(locale).to_string(),
            items: Vec::new(),
        };
        let list = ListingRequest::PostType(t.rest_base.clone());
        let mut page = 1;
        loop {
            let listing = match source.listing(&list, page).await {
                Ok(l) => l,
                Err(FetchError::NotFound) if page == 1 => {
                    eprintln!("prerender: post type {:?}: no listing in the source", t.rest_base);
                    break;
                }
                Err(e) => return Err(format!("{}: {e}", Route::type_listing(t.prefix.clone(), page))),
            };
            out.listings.push(Route::type_listing(t.prefix.clone(), page));
            for a in &listing.articles {
                let route = Route::type_item(t.prefix.clone(), a.slug.clone());
                let changed = a.modified.clone().unwrap_or_else(|| a.published.clone());
                out.items.push((route.clone(), changed));
                // Listings are newest first: the first ones are the feed's.
                if t.in_feeds && feed.items.len() < crate::plan::FEED_ITEMS {
                    feed.items.push((route, ArticleStub::from(a)));
                }
            }
            if page >= listing.total_pages {
                break;
            }
            page += 1;
        }
        if t.in_feeds {
            out.feeds.push(feed);
        }
    }
    Ok(out)
}
