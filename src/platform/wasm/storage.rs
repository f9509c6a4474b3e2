//! `localStorage`.

fn local_storage() -> Option<web_sys::Storage> {
    // Throws when storage is disabled (privacy settings, sandboxed frames).
    super::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Stores `value`, or removes the key for `None`. Failures (quota,
/// disabled storage) are ignored: the choice then lasts for the page.
pub fn storage_set(key: &str, value: Option<&str>) {
    if let Some(s) = local_storage() {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    super::window().and_then(|w| w.session_storage().ok().flatten())
}

/// A `sessionStorage` value (this tab only, gone when it closes): an
/// editor's preview login, never `localStorage`.
pub fn session_get(key: &str) -> Option<String> {
    session_storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Stores `value` in `sessionStorage`, or removes the key for `None`;
/// failures are ignored (the login then lasts for the page).
pub fn session_set(key: &str, value: Option<&str>) {
    if let Some(s) = session_storage() {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}
