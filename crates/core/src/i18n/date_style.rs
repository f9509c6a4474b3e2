//! The site's date format (WordPress's Settings → General → Date Format, or
//! `config.json`'s `site.date_format`), as a small typed style: which order
//! the day, month and year come in, a long (named) or numeric month, zero
//! padding and the numeric separator. Only the PHP patterns a news site
//! uses map onto it (`F j, Y`, `j F Y`, `d/m/Y`, `Y-m-d`, `m/d/Y`…); any
//! other pattern (weekday names, `jS`, two-digit years, escaped text) is
//! `None`, and dates keep the locale's own long form.

/// The order of the three fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
}

/// How a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateStyle {
    pub order: Order,
    /// The month's name (`F`) rather than its number (`m`, `n`).
    pub long_month: bool,
    /// `d` (08) rather than `j` (8).
    pub pad_day: bool,
    /// `m` (02) rather than `n` (2); numeric months only.
    pub pad_month: bool,
    /// Between numeric fields: `/`, `-` or `.`.
    pub separator: char,
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Day(bool),
    Month(Option<bool>),
    Year,
}

impl DateStyle {
    /// The style of a PHP `date()` pattern, when Kiosque can write it.
    pub fn from_php(pattern: &str) -> Option<DateStyle> {
        let mut fields = Vec::new();
        let mut seps = vec![String::new()];
        for c in pattern.trim().chars() {
            let field = match c {
                'd' => Field::Day(true),
                'j' => Field::Day(false),
                'm' => Field::Month(Some(true)),
                'n' => Field::Month(Some(false)),
                'F' => Field::Month(None),
                'Y' => Field::Year,
                ' ' | ',' | '/' | '-' | '.' => {
                    seps.last_mut()?.push(c);
                    continue;
                }
                _ => return None,
            };
            fields.push(field);
            seps.push(String::new());
        }
        let [a, b, c] = fields[..] else { return None };
        let (order, pad_day, month) = match (a, b, c) {
            (Field::Day(d), Field::Month(m), Field::Year) => (Order::DayMonthYear, d, m),
            (Field::Month(m), Field::Day(d), Field::Year) => (Order::MonthDayYear, d, m),
            (Field::Year, Field::Month(m), Field::Day(d)) => (Order::YearMonthDay, d, m),
            _ => return None,
        };
        let between = [seps[1].as_str(), seps[2].as_str()];
        if !seps[0].is_empty() || !seps[3].is_empty() {
            return None;
        }
        match month {
            // Named months: the two orders newspapers print.
            None => {
                let ok = match order {
                    Order::DayMonthYear => between == [" ", " "],
                    Order::MonthDayYear => between == [" ", ", "],
                    Order::YearMonthDay => false,
                };
                ok.then_some(DateStyle {
                    order,
                    long_month: true,
                    pad_day,
                    pad_month: false,
                    separator: ' ',
                })
            }
            Some(pad_month) => {
                let separator = between[0].chars().next()?;
                let ok = between[0] == between[1] && between[0].len() == 1 && "/-.".contains(separator);
                ok.then_some(DateStyle {
                    order,
                    long_month: false,
                    pad_day,
                    pad_month,
                    separator,
                })
            }
        }
    }

    /// The canonical PHP pattern of this style (`config.json` and `site.json`
    /// carry patterns, WordPress's own notation).
    pub fn to_php(&self) -> String {
        let day = if self.pad_day { "d" } else { "j" };
        if self.long_month {
            return match self.order {
                Order::MonthDayYear => format!("F {day}, Y"),
                _ => format!("{day} F Y"),
            };
        }
        let month = if self.pad_month { "m" } else { "n" };
        let [a, b, c] = match self.order {
            Order::DayMonthYear => [day, month, "Y"],
            Order::MonthDayYear => [month, day, "Y"],
            Order::YearMonthDay => ["Y", month, day],
        };
        let s = self.separator;
        format!("{a}{s}{b}{s}{c}")
    }

    /// Day `d` of month `m` (1-based) of year `y`, the month named
    /// `month_name` in the interface language; `first` is the locale's
    /// word for a first day (French "1er"), used where the day is unpadded
    /// and precedes a named month.
    pub fn write(&self, y: i64, m: u32, d: u32, month_name: &str, first: Option<&str>) -> String {
        let day = match (self.pad_day, first) {
            (false, Some(first)) if d == 1 && self.long_month && self.order == Order::DayMonthYear => first.to_string(),
            (true, _) => format!("{d:02}"),
            (false, _) => d.to_string(),
        };
        if self.long_month {
            return match self.order {
                Order::MonthDayYear => format!("{month_name} {day}, {y}"),
                _ => format!("{day} {month_name} {y}"),
            };
        }
        let month = if self.pad_month {
            format!("{m:02}")
        } else {
            m.to_string()
        };
        let s = self.separator;
        match self.order {
            Order::DayMonthYear => format!("{day}{s}{month}{s}{y}"),
            Order::MonthDayYear => format!("{month}{s}{day}{s}{y}"),
            Order::YearMonthDay => format!("{y}{s}{month}{s}{day}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(php: &str) -> DateStyle {
        DateStyle::from_php(php).unwrap_or_else(|| panic!("{php} should map"))
    }

    #[test]
    fn wordpress_choices_map_onto_a_style() {
        let s = style("F j, Y");
        assert_eq!((s.order, s.long_month, s.pad_day), (Order::MonthDayYear, true, false));
        let s = style("j F Y");
        assert_eq!((s.order, s.long_month), (Order::DayMonthYear, true));
        let s = style("d/m/Y");
        assert_eq!(
            (s.order, s.long_month, s.pad_day, s.pad_month, s.separator),
            (Order::DayMonthYear, false, true, true, '/')
        );
        let s = style("Y-m-d");
        assert_eq!((s.order, s.separator), (Order::YearMonthDay, '-'));
        let s = style("m/d/Y");
        assert_eq!((s.order, s.pad_month), (Order::MonthDayYear, true));
        let s = style("j.n.Y");
        assert_eq!((s.pad_day, s.pad_month, s.separator), (false, false, '.'));
    }

    #[test]
    fn patterns_round_trip_through_their_canonical_form() {
        for php in [
            "F j, Y", "j F Y", "d F Y", "d/m/Y", "Y-m-d", "m/d/Y", "n/j/Y", "d.m.Y", "Y/m/d",
        ] {
            assert_eq!(style(php).to_php(), php);
        }
    }

    #[test]
    fn other_patterns_fall_back() {
        for php in [
            "",
            "M j, Y",
            "l, F j, Y",
            "jS F Y",
            "d/m/y",
            "Y F j",
            "d/m-Y",
            "j F, Y",
            "F j Y",
            "d//m/Y",
            "\\Y Y-m-d",
            "d/m/Y/",
            "Y-m",
            "d-m-Y-d",
            "j F Y à G:i",
        ] {
            assert_eq!(DateStyle::from_php(php), None, "{php:?}");
        }
    }

    #[test]
    fn written_with_padding_and_the_first_of_the_month() {
        assert_eq!(style("d/m/Y").write(2026, 2, 8, "février", Some("1er")), "08/02/2026");
        assert_eq!(style("n/j/Y").write(2026, 2, 8, "", None), "2/8/2026");
        assert_eq!(
            style("j F Y").write(2026, 7, 1, "juillet", Some("1er")),
            "1er juillet 2026"
        );
        assert_eq!(
            style("d F Y").write(2026, 7, 1, "juillet", Some("1er")),
            "01 juillet 2026"
        );
        assert_eq!(style("F j, Y").write(2026, 7, 1, "July", None), "July 1, 2026");
        assert_eq!(style("Y-m-d").write(2026, 7, 1, "", None), "2026-07-01");
    }
}
