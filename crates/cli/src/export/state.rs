//! What the last export knew, kept beside the files it wrote (the state
//! file, swapped in with them): every exported post's ID, slug, content hash
//! and what listings need (its summary, terms and search entry), and the
//! newest modification time seen, the next run's `modified_after`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use kiosque_core::model::ArticleSummary;

use super::search::SearchEntry;
use serde::{Deserialize, Serialize};

/// In the export directory (`dist/api/`), next to what it describes.
pub const STATE_FILE: &str = ".export-state.json";
/// Bumped when the state's meaning changes: an older one is ignored and
/// the next run is a full export.
const STATE_VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    /// The REST root exported: another site's state is not reused.
    pub wordpress: String,
    /// The newest post `modified` (site-local time) exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_water: Option<String>,
    #[serde(default)]
    pub posts: BTreeMap<u64, Entry>,
}

/// One exported post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub slug: String,
    /// As WordPress sent it: compared with the ID list to find changes.
    pub modified_gmt: String,
    /// Site-local, for the high-water mark.
    #[serde(default)]
    pub modified: String,
    /// SHA-256 of the article as mapped (without its related rail).
    pub hash: String,
    #[serde(default)]
    pub sticky: bool,
    /// WordPress term and user IDs: which listings it belongs to.
    #[serde(default)]
    pub categories: Vec<u64>,
    #[serde(default)]
    pub tags: Vec<u64>,
    #[serde(default)]
    pub author: u64,
    /// As lists show it (what the live source's list requests give).
    pub summary: ArticleSummary,
    pub search: SearchEntry,
    /// Parts of a split post (`<!--nextpage-->`); 0 in a state written
    /// before it was kept (its part redirects wait for its next export).
    #[serde(default)]
    pub parts: u32,
    /// Password-protected: its text stays in WordPress (`api.unlock_url`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub protected: bool,
}

impl State {
    /// The state of an export of `posts`, its high-water mark their newest
    /// modification.
    pub fn new(wordpress: &str, posts: BTreeMap<u64, Entry>) -> State {
        let mut s = State {
            version: STATE_VERSION,
            wordpress: wordpress.to_string(),
            high_water: None,
            posts,
        };
        s.high_water = s.newest_modified();
        s
    }

    /// The state in `dir` for `wordpress`, or an empty one (a full export)
    /// when there is none, it is unreadable, older, or another site's.
    pub fn read(dir: &Path, wordpress: &str) -> State {
        let fresh = State {
            version: STATE_VERSION,
            wordpress: wordpress.to_string(),
            ..State::default()
        };
        let Ok(text) = std::fs::read_to_string(dir.join(STATE_FILE)) else {
            return fresh;
        };
        match serde_json::from_str::<State>(&text) {
            Ok(s) if s.version == STATE_VERSION && s.wordpress == wordpress => s,
            _ => fresh,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        kiosque_core::source::static_files::json(self)
    }

    /// The newest `modified` of its posts.
    pub fn newest_modified(&self) -> Option<String> {
        self.posts
            .values()
            .map(|e| e.modified.clone())
            .filter(|m| !m.is_empty())
            .max()
    }
}

/// What changed since the state, from WordPress's list of published IDs.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// New or modified: to fetch.
    pub fetch: BTreeSet<u64>,
    /// Exported before, no longer published (deleted, unpublished, private).
    pub gone: BTreeSet<u64>,
}

/// Compares the published `(id, modified_gmt)` list with the state.
pub fn diff(state: &State, listed: &[(u64, String)]) -> Diff {
    let mut d = Diff::default();
    for (id, modified) in listed {
        if state.posts.get(id).is_none_or(|e| &e.modified_gmt != modified) {
            d.fetch.insert(*id);
        }
    }
    let listed: BTreeSet<u64> = listed.iter().map(|(id, _)| *id).collect();
    d.gone = state.posts.keys().filter(|id| !listed.contains(id)).copied().collect();
    d
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use kiosque_core::model::{CategoryRef, Timestamp};

    pub fn entry(slug: &str, modified_gmt: &str) -> Entry {
        let category = CategoryRef {
            slug: "c".into(),
            name: "C".into(),
        };
        let published = Timestamp::parse("2026-11-01T10:00:00+01:00").unwrap();
        Entry {
            slug: slug.into(),
            modified_gmt: modified_gmt.into(),
            modified: modified_gmt.into(),
            hash: "h".into(),
            sticky: false,
            categories: vec![1],
            tags: vec![],
            author: 1,
            parts: 1,
            protected: false,
            summary: ArticleSummary {
                slug: slug.into(),
                title: slug.into(),
                standfirst: String::new(),
                category: category.clone(),
                authors: vec![],
                published: published.clone(),
                modified: None,
                image: None,
                reading_minutes: 0,
                format: Default::default(),
                link: None,
                post_type: None,
            },
            search: SearchEntry::default(),
        }
    }

    #[test]
    fn the_diff_finds_new_modified_and_gone_posts() {
        let mut state = State::default();
        state.posts.insert(1, entry("a", "2026-11-01T10:00:00"));
        state.posts.insert(2, entry("b", "2026-11-02T10:00:00"));
        state.posts.insert(3, entry("c", "2026-11-03T10:00:00"));
        let listed = vec![
            (1, "2026-11-01T10:00:00".to_string()), // unchanged
            (2, "2026-11-05T09:00:00".to_string()), // edited
            (4, "2026-11-04T10:00:00".to_string()), // new
        ];
        let d = diff(&state, &listed);
        assert_eq!(d.fetch, BTreeSet::from([2, 4]));
        assert_eq!(d.gone, BTreeSet::from([3]), "unpublished or deleted");
        // A restored older modification time is a change too (modified_after
        // alone would miss it).
        let back = vec![(1, "2026-10-01T10:00:00".to_string())];
        assert_eq!(diff(&state, &back).fetch, BTreeSet::from([1]));
    }

    #[test]
    fn the_state_round_trips_and_another_sites_is_ignored() {
        let dir = std::env::temp_dir().join(format!("kiosque-export-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut state = State::read(&dir, "http://wp/wp-json");
        assert!(state.posts.is_empty());
        state.posts.insert(7, entry("a", "2026-11-01T10:00:00"));
        state.posts.insert(8, entry("b", "2026-11-03T10:00:00"));
        std::fs::write(dir.join(STATE_FILE), state.to_bytes()).unwrap();
        let again = State::read(&dir, "http://wp/wp-json");
        assert_eq!(again.posts, state.posts);
        assert_eq!(again.newest_modified().as_deref(), Some("2026-11-03T10:00:00"));
        assert!(State::read(&dir, "http://other/wp-json").posts.is_empty());
        std::fs::write(dir.join(STATE_FILE), "{ torn").unwrap();
        assert!(
            State::read(&dir, "http://wp/wp-json").posts.is_empty(),
            "unreadable: full export"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
