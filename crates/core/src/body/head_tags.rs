//! The `<meta>` and `<link>` tags of an HTML head fragment (an SEO plugin's
//! head, which the WordPress adapter reads as data), through the body's own
//! tokenizer: attribute names lowercased, values with entities decoded.

use super::tokenizer::{Token, Tokenizer};

/// A `<meta>` or `<link>` tag: its name (`meta`/`link`) and attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadTag {
    pub name: &'static str,
    pub attrs: Vec<(String, String)>,
}

impl HeadTag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// At most this many tags are read (a head is a few dozen).
const MAX_TAGS: usize = 200;

pub fn head_tags(html: &str) -> Vec<HeadTag> {
    Tokenizer::new(html)
        .filter_map(|t| match t {
            Token::Start(tag) => {
                let name = ["meta", "link"]
                    .into_iter()
                    .find(|n| tag.name.eq_ignore_ascii_case(n))?;
                let attrs = tag
                    .attrs()
                    .map(|(n, v)| (n.to_ascii_lowercase(), crate::entities::decode(v).into_owned()))
                    .collect();
                Some(HeadTag { name, attrs })
            }
            _ => None,
        })
        .take(MAX_TAGS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_and_link_tags_with_decoded_values() {
        let tags = head_tags(
            r#"<title>t</title><META Property="og:title" content="A &amp; B"/><link rel=canonical href='https://x.example/a'><p>no</p>"#,
        );
        assert_eq!(tags.len(), 2);
        assert_eq!(tags[0].name, "meta");
        assert_eq!(tags[0].attr("property"), Some("og:title"));
        assert_eq!(tags[0].attr("content"), Some("A & B"));
        assert_eq!(tags[1].attr("href"), Some("https://x.example/a"));
    }
}
