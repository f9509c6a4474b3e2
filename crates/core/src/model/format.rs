//! WordPress post formats: how a post asks to be presented.

use serde::{Deserialize, Serialize};

/// A post's format (WordPress's REST `format`). Anything this build does not
/// know reads as `Standard`, so a new format upstream never fails a page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PostFormat {
    Aside,
    Status,
    Link,
    Quote,
    Image,
    Gallery,
    Video,
    Audio,
    Chat,
    /// Last: serde's catch-all for names this build does not know.
    #[default]
    #[serde(other)]
    Standard,
}

impl PostFormat {
    /// WordPress's name for a format; unknown names are `Standard`.
    pub fn from_wordpress(name: &str) -> PostFormat {
        serde_json::from_value(serde_json::Value::String(name.trim().to_ascii_lowercase())).unwrap_or_default()
    }

    /// WordPress's name for it (its serde form), e.g. for a CSS modifier.
    pub fn name(&self) -> &'static str {
        match self {
            PostFormat::Aside => "aside",
            PostFormat::Status => "status",
            PostFormat::Link => "link",
            PostFormat::Quote => "quote",
            PostFormat::Image => "image",
            PostFormat::Gallery => "gallery",
            PostFormat::Video => "video",
            PostFormat::Audio => "audio",
            PostFormat::Chat => "chat",
            PostFormat::Standard => "standard",
        }
    }

    pub fn is_standard(&self) -> bool {
        *self == PostFormat::Standard
    }

    /// Short notes whose text is the point (WordPress's default themes hide
    /// their title in lists): the card shows the opening words instead.
    pub fn is_titleless_note(&self) -> bool {
        matches!(self, PostFormat::Aside | PostFormat::Status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordpress_names_map_and_unknown_is_standard() {
        assert_eq!(PostFormat::from_wordpress("aside"), PostFormat::Aside);
        assert_eq!(PostFormat::from_wordpress("Chat"), PostFormat::Chat);
        assert_eq!(PostFormat::from_wordpress("standard"), PostFormat::Standard);
        assert_eq!(PostFormat::from_wordpress("hologram"), PostFormat::Standard);
        assert_eq!(PostFormat::from_wordpress(""), PostFormat::Standard);
    }

    #[test]
    fn serde_form_is_the_wordpress_name() {
        assert_eq!(
            serde_json::to_string(&PostFormat::Quote).ok().as_deref(),
            Some("\"quote\"")
        );
        let unknown: Result<PostFormat, _> = serde_json::from_str("\"hologram\"");
        assert_eq!(unknown.ok(), Some(PostFormat::Standard));
        for f in [
            PostFormat::Aside,
            PostFormat::Chat,
            PostFormat::Standard,
            PostFormat::Gallery,
        ] {
            assert_eq!(serde_json::to_string(&f).ok(), Some(format!("\"{}\"", f.name())));
        }
    }
}
