//! One file per route. Pages ask the source for data and arrange components.

mod article;
mod home;
mod listing;
mod search;
mod slug;

pub use article::ArticlePage;
pub use home::{HomeArchive, HomePage};
pub use listing::{AuthorPage, CategoryPage, TagPage};
pub use search::SearchPage;
pub use slug::SlugPage;

pub(crate) use crate::routing::{article_pages_param, page_param, slug_param};
