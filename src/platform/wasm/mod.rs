//! The browser half, by concern. Every failure (no window, storage
//! disabled, an API missing) degrades to the native behaviour.

mod document;
mod navigation;
mod start;
mod storage;
mod time;

pub use document::{
    close_disclosure, copy_text, ensure_site_icon, image_broken, reader_is_writing, register_service_worker, reload,
    root_attribute, set_root_attribute,
};
pub use navigation::{on_popstate, own_scroll_restoration, scroll_to, scroll_y, when_page_shown};
pub use start::{
    console_warn, discard_prerendered, document_base_url, drop_speculation_rules, has_global, install_panic_hook,
    location_path, meta_content, next_task, set_global, spawn, take_global,
};
pub use storage::{session_get, session_set, storage_set};
pub use time::{now_unix, relative_time};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}
