//! Reusable pieces. Components receive typed model data, never wire formats.

pub mod blocks;
mod byline;
mod card;
mod error_view;
mod footer;
mod head;
mod header;
mod loader;
mod most_read;
mod nav_effects;
mod pagination;
mod picture;
mod rail;
mod reltime;
mod search_form;
mod share;
mod skeleton;
mod theme_toggle;

pub use byline::Byline;
pub use card::{ArticleCard, CardSize};
pub use error_view::ErrorView;
pub use footer::Footer;
pub use head::{ArticleHead, PageHead, WebsiteLd};
pub use header::Header;
pub use loader::Loaded;
pub use most_read::MostRead;
pub use nav_effects::{NavEffects, PageReady};
pub use pagination::Pagination;
pub use picture::Picture;
pub use rail::Rail;
pub use reltime::RelativeTime;
pub use search_form::SearchForm;
pub use share::Share;
pub use skeleton::{ArticleSkeleton, ListSkeleton};
pub use theme_toggle::ThemeToggle;
