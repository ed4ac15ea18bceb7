//! Dates as people write them on a CV: `2021`, `2021-03`, `2021-03-15`, or `present`
//! for the end of something still going on. Durations are computed, never typed.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// A calendar date with the precision it was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Date {
    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || {
            let expected =
                format!("`{s}` is not a date: expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`");
            match guess(s) {
                Some(date) => format!("{expected}; did you mean `{date}`?"),
                None => expected,
            }
        };
        let mut parts = s.trim().split('-');
        let year = parts.next().filter(|y| y.len() == 4).ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month = match parts.next() {
            None => None,
            Some(m) if m.len() == 2 => Some(m.parse::<u8>().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
        };
        let day = match parts.next() {
            None => None,
            Some(d) if d.len() == 2 => Some(d.parse::<u8>().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("`{s}` has month {m}: months run from 01 to 12"));
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m);
            if d == 0 || d > last {
                return Err(format!(
                    "`{s}` has day {d}: {} {year} has {last} days",
                    MONTHS[usize::from(m) - 1]
                ));
            }
        }
        Ok(Date { year, month, day })
    }

    /// Months since year 0, counting an unknown month as January.
    pub fn month_index(&self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month.unwrap_or(1)) - 1
    }

    /// A key that orders dates; a missing month or day sorts first.
    fn key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// `Mar 2021`, `2021` or `15 Mar 2021`.
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m) - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m) - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

/// The date a person most likely meant by `March 2020`, `Mar. 2020`, `15 March 2020`,
/// `03/2020` or `2020/03`: none when it is not clear (`03/04/2020`).
fn guess(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | ',' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return None;
    }
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))?;
    let named = words.iter().find_map(|w| {
        let w = w.to_ascii_lowercase();
        let names = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        (w.len() >= 3)
            .then(|| {
                names
                    .iter()
                    .position(|n| n.starts_with(&w) || (w == "sept" && *n == "september"))
            })
            .flatten()
            .map(|i| i as u8 + 1)
    });
    let numbers: Vec<u8> = words
        .iter()
        .filter(|w| w.len() <= 2)
        .filter_map(|w| w.parse().ok())
        .collect();
    let (month, day) = match (named, numbers.as_slice()) {
        (Some(m), []) => (m, None),
        (Some(m), [d]) => (m, Some(*d)),
        (None, [m]) => (*m, None),
        (None, [a, b]) if *a > 12 => (*b, Some(*a)),
        (None, [a, b]) if *b > 12 => (*a, Some(*b)),
        _ => return None,
    };
    let text = match day {
        Some(d) => format!("{year}-{month:02}-{d:02}"),
        None => format!("{year}-{month:02}"),
    };
    // Only a date that is one: `2020-13` is no better a guess.
    Date::parse(&text).ok().map(|_| text)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// The end of a range: a date, or `present`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Date(Date),
    Present,
}

impl End {
    pub fn parse(s: &str) -> Result<End, String> {
        if s.trim() == "present" {
            return Ok(End::Present);
        }
        let now = ["now", "current", "currently", "today", "ongoing", "present"];
        if now.contains(&s.trim().to_lowercase().as_str()) {
            return Err(format!("`{s}` is not an end date; did you mean `present`?"));
        }
        Date::parse(s)
            .map(End::Date)
            .map_err(|e| match e.split_once("; did you mean") {
                Some((bad, guess)) => format!("{bad}, or `present`; did you mean{guess}"),
                None => format!("{e}, or `present`"),
            })
    }
}

impl fmt::Display for End {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            End::Date(d) => d.fmt(f),
            End::Present => f.write_str("present"),
        }
    }
}

/// Whole months between two dates, counting both ends (Jan to Mar is 3 months).
pub fn months_between(start: &Date, end: &Date) -> i64 {
    (end.month_index() - start.month_index() + 1).max(1)
}

macro_rules! string_like {
    ($ty:ty, $parse:path, $expecting:literal, $pattern:literal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        $parse(v).map_err(E::custom)
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
                        $parse(&v.to_string()).map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl JsonSchema for $ty {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": ["string", "integer"],
                    "pattern": $pattern,
                    "description": $expecting,
                })
            }
        }
    };
}

string_like!(
    Date,
    Date::parse,
    "a date: YYYY, YYYY-MM or YYYY-MM-DD",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
);
string_like!(
    End,
    End::parse,
    "an end date: YYYY, YYYY-MM, YYYY-MM-DD or `present`",
    "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|present)$"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(Date::parse("2021").unwrap().display(), "2021");
        assert_eq!(Date::parse("2021-03").unwrap().display(), "Mar 2021");
        assert_eq!(Date::parse("2024-02-29").unwrap().display(), "29 Feb 2024");
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        assert_eq!(
            Date::parse("2021-13").unwrap_err(),
            "`2021-13` has month 13: months run from 01 to 12"
        );
        assert_eq!(
            Date::parse("2023-02-29").unwrap_err(),
            "`2023-02-29` has day 29: Feb 2023 has 28 days"
        );
        assert!(Date::parse("21-03").is_err());
        assert!(Date::parse("2021-3").is_err());
        assert!(Date::parse("2021-03-01-02").is_err());
        assert!(End::parse("now").is_err());
        assert_eq!(End::parse("present").unwrap(), End::Present);
    }

    #[test]
    fn dates_as_people_write_them_get_a_suggestion() {
        let hint = |s: &str| Date::parse(s).unwrap_err();
        assert_eq!(
            hint("March 2020"),
            "`March 2020` is not a date: expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; did you mean `2020-03`?"
        );
        assert!(hint("Sept. 2019").ends_with("did you mean `2019-09`?"));
        assert!(hint("15 March 2020").ends_with("did you mean `2020-03-15`?"));
        assert!(hint("03/2020").ends_with("did you mean `2020-03`?"));
        assert!(hint("2021-3").ends_with("did you mean `2021-03`?"));
        assert!(hint("2020/31/12").ends_with("did you mean `2020-12-31`?"));
        // Unclear or impossible: no guess.
        assert!(!hint("03/04/2020").contains("did you mean"));
        assert!(!hint("Smarch 2020").contains("did you mean"));
        assert!(!hint("2020-13").contains("did you mean"));
        assert_eq!(
            End::parse("Mar 2020").unwrap_err(),
            "`Mar 2020` is not a date: expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `present`; did you mean `2020-03`?"
        );
        assert_eq!(
            End::parse("Now").unwrap_err(),
            "`Now` is not an end date; did you mean `present`?"
        );
    }

    #[test]
    fn durations_count_both_ends() {
        let a = Date::parse("2021-01").unwrap();
        let b = Date::parse("2021-03").unwrap();
        assert_eq!(months_between(&a, &b), 3);
    }
}
