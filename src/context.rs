//! What every page may read: the source, the locale and the configuration.

use crate::config::Config;
use crate::i18n::{Locale, Strings};
use crate::source::Source;

#[derive(Clone, Debug)]
pub struct Ctx {
    pub source: Source,
    pub locale: Locale,
    pub config: Config,
}

impl Ctx {
    pub fn strings(&self) -> &'static Strings {
        self.locale.strings()
    }
}

/// The app context. Pages are only ever rendered inside the shell that
/// provides it, so its absence is a programming error, not outside data.
pub fn use_ctx() -> Ctx {
    leptos::prelude::expect_context::<Ctx>()
}
