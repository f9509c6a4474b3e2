use serde::{Deserialize, Serialize};

/// One rendition of an image, for `srcset`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageSource {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// An image with its intrinsic size, so layout never shifts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// Default rendition (also the `src` fallback).
    pub url: String,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// All renditions, narrowest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<ImageSource>,
}

impl Image {
    /// The `srcset` attribute value, or `None` when there is a single rendition.
    pub fn srcset(&self) -> Option<String> {
        if self.sources.len() < 2 {
            return None;
        }
        Some(
            self.sources
                .iter()
                .map(|s| format!("{} {}w", s.url, s.width))
                .collect::<Vec<_>>()
                .join(", "),
        )
    }
}
