//! Reading side: which keys a query looks up, and the ranking of the
//! documents found under all of them.

use super::shards::Posting;
use super::{level_score, query_terms, MAX_KEY_CHARS};

/// A query looks up at most this many terms (the first ones), so it fetches
/// at most this many term shards.
pub const MAX_QUERY_TERMS: usize = 4;

/// The keys a query looks up: its terms ([`query_terms`]), the first
/// [`MAX_QUERY_TERMS`], each cut to [`MAX_KEY_CHARS`] characters as the
/// index cuts words.
pub fn search_keys(query: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for t in query_terms(query) {
        let key: String = t.chars().take(MAX_KEY_CHARS).collect();
        if !keys.contains(&key) {
            keys.push(key);
        }
        if keys.len() == MAX_QUERY_TERMS {
            break;
        }
    }
    keys
}

/// One result: a document id (its rank by date, newest 0) and its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    pub score: u32,
}

/// The documents under every list (one list per key, sorted by id), best
/// first: scores add up over keys; ties go to the lower id (the newest).
/// No list, no hits.
pub fn rank(lists: &[Vec<Posting>]) -> Vec<Hit> {
    let mut order: Vec<&Vec<Posting>> = lists.iter().collect();
    order.sort_by_key(|l| l.len());
    let Some((first, rest)) = order.split_first() else {
        return Vec::new();
    };
    let mut hits: Vec<Hit> = first
        .iter()
        .filter_map(|p| {
            let mut score = level_score(p.level);
            for list in rest {
                let i = list.binary_search_by_key(&p.doc, |q| q.doc).ok()?;
                score += list.get(i).map_or(0, |q| level_score(q.level));
            }
            Some(Hit { doc: p.doc, score })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
    hits
}
