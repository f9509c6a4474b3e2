//! `post_types` validation: each bad entry is refused naming its key.

use super::*;
use crate::config::{Config, ConfigError};

fn config(types: &str) -> Result<Config, ConfigError> {
    Config::parse(&format!(
        r#"{{"api":{{"kind":"static","base_url":"/api"}},"post_types":{types}}}"#
    ))
}

fn bad_key(types: &str) -> String {
    match config(types) {
        Err(ConfigError::Invalid { key, .. }) => key,
        other => panic!("{types}: expected an invalid config, got {other:?}"),
    }
}

const VIDEO: &str = r#"{"rest_base":"videos","prefix":"video","label":{"fr":"Vidéos","en":"Videos","ar":"فيديو"},"in_related":true,"in_feeds":true}"#;

#[test]
fn a_good_type_loads_with_its_flags_and_labels() {
    let c = config(&format!("[{VIDEO}]")).unwrap();
    let t = &c.post_types[0];
    assert_eq!((t.rest_base.as_str(), t.prefix.as_str()), ("videos", "video"));
    assert!(t.in_related && t.in_feeds);
    assert_eq!(t.label_for("ar"), "فيديو");
    assert_eq!(
        t.label_for("de"),
        "فيديو",
        "an unknown locale falls back to the first label"
    );
    assert_eq!(prefixes(&c.post_types).find("video"), Some("video"));
}

#[test]
fn absent_means_no_types() {
    let c = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"}}"#).unwrap();
    assert!(c.post_types.is_empty());
}

#[test]
fn prefixes_may_not_collide_with_routes_or_each_other() {
    for reserved in ["article", "category", "tag", "author", "search", "page", "comments"] {
        let t = VIDEO.replace(r#""prefix":"video""#, &format!(r#""prefix":"{reserved}""#));
        assert_eq!(bad_key(&format!("[{t}]")), "post_types[0].prefix", "{reserved}");
    }
    let other = VIDEO.replace("videos", "clips");
    assert_eq!(bad_key(&format!("[{VIDEO},{other}]")), "post_types[1].prefix");
    for shape in ["", "Video", "vidéo", "9lives", "a/b", "wp-json"] {
        let t = VIDEO.replace(r#""prefix":"video""#, &format!(r#""prefix":"{shape}""#));
        assert_eq!(bad_key(&format!("[{t}]")), "post_types[0].prefix", "{shape:?}");
    }
    let long = VIDEO.replace(r#""prefix":"video""#, &format!(r#""prefix":"{}""#, "v".repeat(33)));
    assert_eq!(bad_key(&format!("[{long}]")), "post_types[0].prefix");
}

#[test]
fn rest_bases_are_custom_and_distinct() {
    let posts = VIDEO.replace(r#""rest_base":"videos""#, r#""rest_base":"posts""#);
    assert_eq!(bad_key(&format!("[{posts}]")), "post_types[0].rest_base");
    let odd = VIDEO.replace(r#""rest_base":"videos""#, r#""rest_base":"../users""#);
    assert_eq!(bad_key(&format!("[{odd}]")), "post_types[0].rest_base");
    let same_base = VIDEO.replace(r#""prefix":"video""#, r#""prefix":"clip""#);
    assert_eq!(bad_key(&format!("[{VIDEO},{same_base}]")), "post_types[1].rest_base");
}

#[test]
fn labels_need_a_known_locale_and_a_short_text() {
    let none = VIDEO.replace(r#"{"fr":"Vidéos","en":"Videos","ar":"فيديو"}"#, "{}");
    assert_eq!(bad_key(&format!("[{none}]")), "post_types[0].label");
    let de = VIDEO.replace(r#""en":"Videos""#, r#""de":"Videos""#);
    assert_eq!(bad_key(&format!("[{de}]")), "post_types[0].label.de");
    let blank = VIDEO.replace(r#""fr":"Vidéos""#, r#""fr":"  ""#);
    assert_eq!(bad_key(&format!("[{blank}]")), "post_types[0].label.fr");
    let long = VIDEO.replace("Vidéos", &"é".repeat(61));
    assert_eq!(bad_key(&format!("[{long}]")), "post_types[0].label.fr");
}

#[test]
fn at_most_eight_types_and_no_unknown_keys() {
    let many: Vec<String> = (0..9)
        .map(|i| {
            VIDEO
                .replace(r#""prefix":"video""#, &format!(r#""prefix":"t{i}""#))
                .replace(r#""rest_base":"videos""#, &format!(r#""rest_base":"t{i}""#))
        })
        .collect();
    assert_eq!(bad_key(&format!("[{}]", many.join(","))), "post_types");
    let extra = VIDEO.replace(r#""in_feeds":true"#, r#""in_feeds":true,"color":"red""#);
    assert!(bad_key(&format!("[{extra}]")).starts_with("post_types[0]"));
}
