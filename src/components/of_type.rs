//! What a page showing a custom post type's items needs to know of the
//! type: its URL prefix and its label (`config.json`'s `post_types`).

use kiosque_core::routes::Route;

use crate::context::Ctx;

/// A custom post type, as its pages and links see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfType {
    pub prefix: String,
    pub rest_base: String,
    /// In the site's locale.
    pub label: String,
}

impl OfType {
    /// The configured type whose prefix is `prefix`, if any.
    pub fn find(ctx: &Ctx, prefix: &str) -> Option<OfType> {
        ctx.post_type(prefix).map(|t| OfType {
            prefix: t.prefix.clone(),
            rest_base: t.rest_base.clone(),
            label: t.label_for(ctx.locale.code()).to_string(),
        })
    }

    /// The configured type whose REST base is `rest_base`, if any.
    pub fn by_rest_base(ctx: &Ctx, rest_base: &str) -> Option<OfType> {
        let t = ctx.config.post_types.iter().find(|t| t.rest_base == rest_base)?;
        OfType::find(ctx, &t.prefix)
    }

    pub fn item(&self, slug: &str) -> Route {
        Route::type_item(self.prefix.clone(), slug)
    }

    pub fn listing(&self, page: u32) -> Route {
        Route::type_listing(self.prefix.clone(), page)
    }
}
