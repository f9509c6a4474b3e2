//! French-like text for the synthetic archive: a small seeded generator and
//! a vocabulary of newsroom phrases. Nothing here reads the clock or the
//! system: the same seed gives the same words on every machine.

/// SplitMix64: tiny, fast and stable across versions, which a crate's
/// generator does not promise (the archive must be reproducible from a
/// seed for ever, so it is written here).
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for one stream (`what`, `index`) of the run's seed.
    pub fn new(seed: u64, what: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ what.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` ≥ 1).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list.get(self.below(list.len())).copied().unwrap_or("")
    }
}

pub use super::words::{CATEGORIES, PLACES};
use super::words::{CONNECTORS, FIRST_NAMES, LAST_NAMES, OBJECTS, SUBJECTS, TAG_HEADS, TAG_TAILS, TAILS, VERBS};

/// FNV-1a of the seed text, so `--seed` may be any word.
pub fn seed_of(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Author `i`'s name: 200 distinct first/last name pairs.
pub fn author_name(i: usize) -> String {
    format!(
        "{} {}",
        FIRST_NAMES[i % FIRST_NAMES.len()],
        LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()]
    )
}

/// Tag `i`'s display name: 2,000 distinct names with accents and
/// apostrophes, like a newsroom's.
pub fn tag_name(i: usize) -> String {
    let head = TAG_HEADS[i % TAG_HEADS.len()];
    match TAG_TAILS[(i / TAG_HEADS.len()) % TAG_TAILS.len()] {
        "" => head.to_string(),
        tail => format!("{head} {tail}"),
    }
}

/// One sentence of exactly `words` words (at least 1), ending with a period.
pub fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    if rng.chance(30) {
        out.extend(rng.pick(&CONNECTORS).split(' ').map(str::to_string));
    }
    while out.len() < words {
        for part in [
            rng.pick(&SUBJECTS),
            rng.pick(&VERBS),
            rng.pick(&OBJECTS),
            rng.pick(&TAILS),
        ] {
            out.extend(part.split(' ').map(str::to_string));
        }
    }
    out.truncate(words.max(1));
    let mut text = out.join(" ");
    if let Some(first) = text.chars().next() {
        text = format!("{}{}", first.to_uppercase(), &text[first.len_utf8()..]);
    }
    text.push('.');
    text
}

/// A run of sentences totalling exactly `words` words.
pub fn sentences(rng: &mut Rng, mut words: usize) -> Vec<String> {
    let mut out = Vec::new();
    while words > 0 {
        let n = if words < 20 {
            words
        } else {
            rng.range(9, 22).min(words - 4)
        };
        out.push(sentence(rng, n.max(1)));
        words -= n.max(1).min(words);
    }
    out
}

/// A headline: "Place : subject verb object".
pub fn headline(rng: &mut Rng) -> String {
    let place = rng.pick(&PLACES);
    let subject = rng.pick(&SUBJECTS);
    format!("{place} : {subject} {} {}", rng.pick(&VERBS), rng.pick(&OBJECTS))
}

/// A section heading of a few words.
pub fn heading(rng: &mut Rng) -> String {
    let object = rng.pick(&OBJECTS);
    let mut h = object.to_string();
    if let Some(first) = h.chars().next() {
        h = format!("{}{}", first.to_uppercase(), &h[first.len_utf8()..]);
    }
    if rng.chance(50) {
        h = format!("{h} {}", rng.pick(&TAILS));
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many words `text` counts as for the reading time (the content
    /// tool's rule: words with a letter or digit).
    fn word_count(text: &str) -> usize {
        text.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    }

    #[test]
    fn sentences_have_the_words_asked_for() {
        let mut rng = Rng::new(seed_of("t"), 1, 2);
        for n in [1, 4, 19, 20, 57, 130] {
            let text = sentences(&mut rng, n).join(" ");
            assert_eq!(word_count(&text), n.max(1), "{text}");
        }
        let again = |s| sentences(&mut Rng::new(seed_of(s), 1, 2), 40);
        assert_eq!(again("t"), again("t"));
        assert_ne!(again("t"), again("u"));
    }

    #[test]
    fn names_are_distinct() {
        let tags: std::collections::BTreeSet<String> = (0..2000)
            .map(|i| kiosque_core::source::search::slugify(&tag_name(i)))
            .collect();
        assert_eq!(tags.len(), 2000);
        let authors: std::collections::BTreeSet<String> = (0..200).map(author_name).collect();
        assert_eq!(authors.len(), 200);
    }
}
