//! The light stub of each synthetic article (what listings, the index and
//! related rails need), the taxonomy, and the shared images. A stub is a
//! pure function of the seed and the article's number, so any article's
//! summary can be made again without keeping it.

use kiosque_core::model::{ArticleSummary, Author, AuthorRef, CategoryRef, Image, ImageSource, TagRef, Timestamp};
use kiosque_core::source::related::RelatedKey;
use kiosque_core::source::search::slugify;

use super::text::{self, Rng};

pub const TAGS: usize = 2000;
pub const AUTHORS: usize = 200;
/// Shared image files: lead images, figures and portraits each cycle
/// through this many.
pub const IMAGES: usize = 4;
/// The newest article's date: fixed, so the output never depends on today.
const NEWEST: i64 = 1_796_108_400; // 2026-12-01T07:00:00Z
/// One article every half hour, going back.
const STEP: i64 = 1800;
/// What a touched article's new `modified` is: after every publication.
const TOUCHED_AT: i64 = NEWEST + 3 * 3600;
/// The site's offset from UTC (Casablanca in winter).
const OFFSET: i64 = 3600;

/// Streams of the seed (`Rng::new(seed, what, i)`).
pub const META: u64 = 1;
pub const BODY: u64 = 2;

/// One planned block: its kind and how many words it holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Plan {
    Paragraph(usize),
    Heading(usize),
    List(usize, usize),
    Quote(usize),
    Figure(usize),
}

impl Plan {
    fn words(self) -> usize {
        match self {
            Plan::Paragraph(w) | Plan::Heading(w) | Plan::Quote(w) => w,
            Plan::List(items, w) => items * w,
            Plan::Figure(_) => 0,
        }
    }
}

pub struct Stub {
    pub slug: String,
    pub title: String,
    pub standfirst: String,
    pub category: usize,
    pub tags: Vec<usize>,
    pub authors: Vec<usize>,
    pub published: i64,
    pub modified: Option<i64>,
    pub image: usize,
    pub views: u32,
    pub touched: bool,
    /// The body's blocks, so the reading time is known without the body.
    pub plan: Vec<Plan>,
}

/// The body plan of article `i`: 6 to 14 blocks, about 450 to 1,100 words.
fn plan(rng: &mut Rng) -> Vec<Plan> {
    let blocks = rng.range(6, 14);
    let mut out = Vec::with_capacity(blocks);
    for n in 0..blocks {
        out.push(match rng.below(12) {
            _ if n == 0 => Plan::Paragraph(rng.range(50, 90)),
            0 | 1 => Plan::Heading(rng.range(3, 8)),
            2 => Plan::List(rng.range(3, 5), rng.range(6, 12)),
            3 => Plan::Quote(rng.range(15, 30)),
            4 => Plan::Figure(rng.below(IMAGES)),
            _ => Plan::Paragraph(rng.range(40, 90)),
        });
    }
    out
}

/// Popular tags first: a skewed pick, as in a real newsroom where a few
/// tags hold thousands of articles and most only a few.
fn skewed(rng: &mut Rng, n: usize) -> usize {
    let u = rng.below(1 << 20) as f64 / f64::from(1 << 20);
    ((u * u * u) * n as f64) as usize % n
}

pub fn stub(seed: u64, i: usize, touched: bool) -> Stub {
    let mut rng = Rng::new(seed, META, i as u64);
    let headline = text::headline(&mut rng);
    let slug_words: Vec<String> = slugify(&headline).split('-').take(9).map(str::to_string).collect();
    let slug = format!("{}-{i}", slug_words.join("-"));
    let words = rng.range(22, 38);
    let standfirst = text::sentences(&mut rng, words).join(" ");
    let category = rng.below(text::CATEGORIES.len());
    let mut tags: Vec<usize> = Vec::new();
    for _ in 0..rng.range(2, 6) {
        let t = skewed(&mut rng, TAGS);
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    let mut authors = vec![rng.below(AUTHORS)];
    if rng.chance(25) {
        let second = rng.below(AUTHORS);
        if second != authors[0] {
            authors.push(second);
        }
    }
    let published = NEWEST - i as i64 * STEP - rng.below(STEP as usize / 2) as i64;
    let mut modified = rng.chance(30).then(|| published + 600 + rng.below(7200) as i64);
    let mut title = headline;
    if touched {
        title.push_str(" (mis à jour)");
        modified = Some(TOUCHED_AT);
    }
    let image = rng.below(IMAGES);
    let views = rng.below(100_000) as u32;
    let plan = plan(&mut Rng::new(seed, BODY, i as u64));
    Stub {
        slug,
        title,
        standfirst,
        category,
        tags,
        authors,
        published,
        modified,
        image,
        views,
        touched,
        plan,
    }
}

impl Stub {
    /// ⌈words ÷ 220⌉, at least 1 (the content tool's rule); a touched
    /// article has one more paragraph.
    pub fn reading_minutes(&self) -> u32 {
        let words: usize = self.plan.iter().map(|b| b.words()).sum::<usize>() + self.update_words();
        words.div_ceil(crate::api::READING_WPM).max(1) as u32
    }

    /// The words of the update paragraph a touched article gains.
    pub fn update_words(&self) -> usize {
        if self.touched {
            30
        } else {
            0
        }
    }

    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            slug: self.slug.clone(),
            title: self.title.clone(),
            standfirst: self.standfirst.clone(),
            category: category(self.category),
            authors: self.authors.iter().map(|&a| author_ref(a)).collect(),
            published: timestamp(self.published),
            modified: self.modified.map(timestamp),
            image: Some(lead_image(self.image, &self.title)),
            reading_minutes: self.reading_minutes(),
            format: Default::default(),
            link: None,
            post_type: None,
        }
    }

    pub fn related_key(&self) -> RelatedKey {
        RelatedKey {
            slug: self.slug.clone(),
            category: category_slug(self.category),
            tags: self.tags.iter().map(|&t| tag_ref(t).slug).collect(),
            published: self.published,
        }
    }
}

pub fn category_slug(i: usize) -> String {
    slugify(text::CATEGORIES[i % text::CATEGORIES.len()])
}

pub fn category(i: usize) -> CategoryRef {
    CategoryRef {
        slug: category_slug(i),
        name: text::CATEGORIES[i % text::CATEGORIES.len()].to_string(),
    }
}

pub fn tag_ref(i: usize) -> TagRef {
    let name = text::tag_name(i);
    TagRef {
        slug: slugify(&name),
        name,
    }
}

pub fn author_ref(i: usize) -> AuthorRef {
    let name = text::author_name(i);
    AuthorRef {
        slug: slugify(&name),
        name,
    }
}

pub fn author(i: usize) -> Author {
    let r = author_ref(i);
    let category = text::CATEGORIES[i % text::CATEGORIES.len()];
    Author {
        role: format!("Journaliste, service {category}"),
        bio: format!(
            "{} couvre l’actualité {category} depuis {} ans.\n\nAuparavant correspondant·e à {}.",
            r.name,
            3 + i % 15,
            text::PLACES[i % text::PLACES.len()]
        ),
        avatar: Some(image(
            &format!("avatar-{}", i % IMAGES),
            (256, 256),
            &[128],
            &format!("Portrait de {}", r.name),
        )),
        slug: r.slug,
        name: r.name,
        about: Vec::new(),
    }
}

/// A shared image: `/media/synth/<name>-<width>.jpg` at `size`, with
/// smaller renditions at `widths`.
fn image(name: &str, (width, height): (u32, u32), widths: &[u32], alt: &str) -> Image {
    let url = |w: u32| format!("/media/synth/{name}-{w}.jpg");
    Image {
        url: url(width),
        width,
        height,
        alt: alt.to_string(),
        caption: None,
        credit: None,
        sources: widths
            .iter()
            .map(|&w| ImageSource {
                url: url(w),
                width: w,
                height: height * w / width,
            })
            .collect(),
    }
}

/// Lead images are 16:9; figures 3:2.
pub fn lead_image(k: usize, title: &str) -> Image {
    let mut img = image(
        &format!("lead-{k}"),
        (1200, 675),
        &[480, 800],
        &format!("Illustration : {title}"),
    );
    img.credit = Some("Illustration Kiosque".into());
    img
}

pub fn figure_image(k: usize, caption: &str) -> Image {
    let mut img = image(
        &format!("figure-{k}"),
        (1200, 800),
        &[480, 800],
        "Scène illustrée de l’article",
    );
    img.caption = Some(caption.to_string());
    img.credit = Some("Illustration Kiosque".into());
    img
}

/// Every image file the documents point at: (name, width, height).
pub fn image_files() -> Vec<(String, u32, u32)> {
    let mut out = Vec::new();
    for k in 0..IMAGES {
        for (prefix, widths, ratio) in [
            ("lead", &[480, 800, 1200][..], (16, 9)),
            ("figure", &[480, 800, 1200][..], (3, 2)),
            ("avatar", &[128, 256][..], (1, 1)),
        ] {
            for &w in widths {
                out.push((format!("{prefix}-{k}-{w}.jpg"), w, w * ratio.1 / ratio.0));
            }
        }
    }
    out
}

/// Unix seconds as the site writes them (`2026-12-01T08:00:00+01:00`).
pub fn timestamp(unix: i64) -> Timestamp {
    // Synthetic dates lie within a few decades of 2026: always writable.
    #[allow(clippy::expect_used)]
    Timestamp::from_unix(unix, (OFFSET / 60) as i32).expect("a synthetic date is in range")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_to_unix() {
        for unix in [0, NEWEST, NEWEST - 100_000 * STEP, 951_782_400 /* 2000-02-29 */] {
            assert_eq!(timestamp(unix).unix(), unix);
        }
        assert_eq!(timestamp(NEWEST).as_str(), "2026-12-01T08:00:00+01:00");
    }

    #[test]
    fn stubs_are_newest_first_and_repeatable() {
        let seed = text::seed_of("s");
        let a: Vec<Stub> = (0..50).map(|i| stub(seed, i, false)).collect();
        assert!(a.windows(2).all(|w| w[0].published > w[1].published));
        assert_eq!(stub(seed, 7, false).title, a[7].title);
        assert!(stub(seed, 7, true).title.ends_with("(mis à jour)"));
        assert_eq!(stub(seed, 7, true).slug, a[7].slug, "a touch keeps the URL");
    }
}
