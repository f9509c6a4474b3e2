//! Plain, typed content: what every source produces and every view consumes.
//! No I/O here. The static JSON API is exactly the serde form of these types
//! (see docs/content-api.md), so these types are its source of truth.

mod archive;
mod article;
mod block;
mod comment;
mod comment_post;
mod format;
mod image;
mod layout;
mod listing;
mod menu;
mod seo;
mod site;
mod tagged;
mod text_block;
mod time;

pub use crate::url::SafeUrl;

pub use archive::{
    ArchiveIndex, ArchivePage, ArchiveTerm, ArticleIndexPage, ArticleStub, Malformed, ARTICLE_INDEX_PER_PAGE,
    HOME_LATEST_SHOWN,
};
pub use article::{Article, ArticleSummary, Author, AuthorRef, CategoryRef, PageRef, StaticPage, TagRef};
pub use block::{Block, EmbedProvider, Inline, InlineStyle, TableCell};
pub use comment::{Comment, CommentPage, MaybeComments, DEFAULT_THREAD_DEPTH};
pub use comment_post::{CommentDraft, DraftField, PostError, Posted};
pub use format::PostFormat;
pub use image::{Image, ImageSource};
pub use layout::{Align, Column, GalleryItem};
pub use listing::{Home, HomeSection, Listing, ListingKind, MostRead};
pub use menu::{MenuItem, MenuLink, Menus, MENU_DEPTH, MENU_ITEMS_MAX, MENU_LABEL_MAX};
pub use seo::{SeoHead, SeoImage, SEO_SCHEMA_MAX, SEO_TEXT_MAX, SEO_TITLE_MAX};
pub use site::{NavItem, SiteInfo, SocialLink, DEFAULT_LOCALE, DEFAULT_TIMEZONE};
pub use text_block::{Button, Definition, ListItem, ListMarker};
pub use time::Timestamp;

/// The content-API format version this build reads.
pub const API_VERSION: u32 = 1;
