//! Protected posts are exported without their text: readers unlock them
//! from WordPress itself, which `api.unlock_url` names. The export says so
//! when it wrote any and config.json names none.

/// The line to print, if any, after exporting `protected` protected posts
/// from the REST root `wordpress`.
pub fn hint(protected: usize, unlock_url: Option<&str>, wordpress: &str) -> Option<String> {
    if protected == 0 || unlock_url.is_some() {
        return None;
    }
    let https = kiosque_core::http::may_send_credentials(wordpress);
    let url = if https { wordpress } else { "https://…/wp-json" };
    Some(format!(
        "export: {protected} password-protected post(s) show only a notice: set \"api\": {{\"unlock_url\": {url:?}}} \
         in config.json (WordPress's public REST root, HTTPS) for readers to unlock them with the password"
    ))
}

#[cfg(test)]
mod tests {
    use super::hint;

    #[test]
    fn said_only_when_protected_posts_have_no_wordpress_to_unlock_them() {
        let wp = "https://wp.example/wp-json";
        assert_eq!(hint(0, None, wp), None);
        assert_eq!(hint(2, Some(wp), wp), None);
        let line = hint(2, None, wp).unwrap_or_default();
        assert!(
            line.contains("2 password-protected") && line.contains(r#""unlock_url": "https://wp.example/wp-json""#),
            "{line}"
        );
        // An export over plain HTTP names no URL readers could not use.
        assert!(hint(1, None, "http://wp.internal/wp-json").is_some_and(|l| l.contains("https://…/wp-json")));
    }
}
