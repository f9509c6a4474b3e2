//! Which key of `config.json` a parse error points at (`api.base_url`,
//! `site.nav[2].url`), found from the error's line and column.
//!
//! Written here rather than using `serde_path_to_error`: that crate wraps
//! the deserializer, so every type under `Config` was compiled a second time
//! into the wasm (6.7 KB brotli of the static flavor, measured). serde_json
//! already says where it stopped; a scan of the text up to there gives the
//! same path at no cost on the success path.

/// One open container on the way to the error.
enum Frame {
    /// An object, and the key whose value is being read, once its string has
    /// been read (a key stays current until the next comma, so an error just
    /// after a value, or a missing field found at its object's end, names it).
    Object(Option<String>),
    /// An array, and the index of the element being read.
    Array(usize),
}

/// The dotted path at `line` and `column` (serde_json's: 1-based lines,
/// columns counting the bytes already read on that line). Empty at the top
/// level or when the position is outside the text.
pub(super) fn key_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset_of(bytes, line, column).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let close = string_end(bytes, i);
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    // A string where no key is current is a key.
                    *key = Some(decode(text.get(i..close).unwrap_or_default()));
                }
                i = close;
                continue;
            }
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    render(&stack)
}

/// The byte offset of a serde_json position.
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        {
            Some(newline) => start += newline + 1,
            None => return bytes.len(),
        }
    }
    start + column
}

/// The index just past the string starting at `open` (its quote), or the
/// text's end when it is not closed.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A key as written (`"a\u00e9"` → `aé`); an unfinished or broken one is
/// shown as it stands, quotes trimmed.
fn decode(quoted: &str) -> String {
    serde_json::from_str::<String>(quoted).unwrap_or_else(|_| quoted.trim_matches('"').to_string())
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::key_at;

    /// The path serde_json's own error position leads to.
    fn path_of_error<T: serde::de::DeserializeOwned>(text: &str) -> String {
        match serde_json::from_str::<T>(text) {
            Ok(_) => "(parsed)".into(),
            Err(e) => key_at(text, e.line(), e.column()),
        }
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Link {
        url: String,
        #[serde(default)]
        label: Option<String>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Site {
        name: String,
        #[serde(default)]
        nav: Vec<Link>,
    }

    #[test]
    fn names_the_key_of_each_kind_of_error() {
        type S = Site;
        // wrong type, after the value
        assert_eq!(path_of_error::<S>(r#"{"name":3}"#), "name");
        // unknown key, just after its string
        assert_eq!(path_of_error::<S>(r#"{"name":"x","nmae":"y"}"#), "nmae");
        // missing field: the object that lacks it
        assert_eq!(path_of_error::<S>(r#"{"name":"x","nav":[{"label":"a"}]}"#), "nav[0]");
        assert_eq!(path_of_error::<S>(r#"{"nav":[]}"#), "");
        // in an array, past earlier elements and their commas
        assert_eq!(
            path_of_error::<S>(r#"{"name":"x","nav":[{"url":"/a"},{"url":"/b","label":{}}]}"#),
            "nav[1].label"
        );
        // strings holding structural characters and escapes do not count
        assert_eq!(
            path_of_error::<S>(r#"{"name":"{[,\"]}","nav":[{"url":"a,b]"},{"url":1}]}"#),
            "nav[1].url"
        );
        // across lines, with spaces
        assert_eq!(
            path_of_error::<S>("{\n  \"name\": \"x\",\n  \"nav\": [\n    { \"url\": false }\n  ]\n}"),
            "nav[0].url"
        );
        // syntax errors point where they are
        assert_eq!(path_of_error::<S>(r#"{"name":"x","nav":[{"url":"/a",}]}"#), "nav[0]");
        assert_eq!(path_of_error::<S>("not json"), "");
        assert_eq!(path_of_error::<S>(r#"{"name":"x""#), "name");
    }

    #[test]
    fn escaped_keys_are_decoded_and_positions_outside_are_safe() {
        assert_eq!(key_at(r#"{"n\u00e9":1}"#, 1, 11), "né");
        assert_eq!(key_at(r#"{"a":{"b":1}}"#, 9, 9), "");
        assert_eq!(key_at(r#"{"a":{"b":1}}"#, 1, 900), "");
        assert_eq!(key_at("", 0, 0), "");
        // an unclosed key string is shown as written
        assert_eq!(key_at(r#"{"a\"#, 1, 4), "a\\");
    }
}
