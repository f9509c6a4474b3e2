//! CLDR plural categories. The rules themselves come from the platform
//! (see `native.rs`, `web.rs`): no hand-written rule here can drift from
//! the CLDR data both sides ship.

use super::Locale;

/// A CLDR cardinal plural category. Which ones a locale uses is CLDR's
/// business: French has one/many/other, English one/other, Arabic all six.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    /// The category from its CLDR keyword ("few"); unknown words mean other.
    pub fn from_keyword(keyword: &str) -> Plural {
        match keyword {
            "zero" => Plural::Zero,
            "one" => Plural::One,
            "two" => Plural::Two,
            "few" => Plural::Few,
            "many" => Plural::Many,
            _ => Plural::Other,
        }
    }
}

impl Locale {
    /// The plural category of the integer `n` in this locale.
    pub fn plural(self, n: u64) -> Plural {
        super::platform::plural(self, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_map_to_categories() {
        assert_eq!(Plural::from_keyword("few"), Plural::Few);
        assert_eq!(Plural::from_keyword("zero"), Plural::Zero);
        assert_eq!(Plural::from_keyword("bogus"), Plural::Other);
    }
}
