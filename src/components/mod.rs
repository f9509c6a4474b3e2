//! Reusable pieces. Components receive typed model data, never wire formats.

pub mod blocks;
mod byline;
mod card;
mod error_view;
mod footer;
mod header;
mod loader;
mod pagination;
mod picture;
mod search_form;
mod skeleton;

pub use byline::Byline;
pub use card::{ArticleCard, CardSize};
pub use error_view::ErrorView;
pub use footer::Footer;
pub use header::Header;
pub use loader::Loaded;
pub use pagination::Pagination;
pub use picture::Picture;
pub use search_form::SearchForm;
pub use skeleton::{ArticleSkeleton, ListSkeleton};
