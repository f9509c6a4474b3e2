//! One file per route. Pages ask the source for data and arrange components.

mod article;
mod home;
mod listing;
// The editor's page only where WordPress can answer: the static bundle
// carries just the "needs WordPress" message.
#[cfg(feature = "source-wordpress")]
mod preview;
#[cfg(not(feature = "source-wordpress"))]
#[path = "preview_static.rs"]
mod preview;
mod search;
mod slug;
mod types;

pub use article::ArticlePage;
pub use home::{HomeArchive, HomePage};
pub use listing::{AuthorPage, CategoryPage, TagPage};
pub use preview::PreviewPage;
pub use search::SearchPage;
pub use slug::SlugPage;
pub use types::{TypeItemPage, TypeListingPage};

pub(crate) use crate::routing::{article_pages_param, page_param, slug_param};
