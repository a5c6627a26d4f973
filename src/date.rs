//! Calendar dates known to a stated precision (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
//!
//! Legal sources often confirm only the year of an act or the month of a signature; a date
//! records only as much as a source confirms.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A malformed date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{input}`: expected YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateError {
    /// The input as given.
    pub input: String,
}

/// A date with year, optional month and optional day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl Date {
    /// A full date; the caller guarantees it exists.
    pub(crate) const fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }
    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }
    /// The month (1-12), if known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }
    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }
    fn earliest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }
    fn latest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
    /// True when `self` is certainly later than `other`, whatever the unknown parts are.
    ///
    /// ```
    /// use cybercrime_taxonomy::Date;
    /// let y2020: Date = "2020".parse().unwrap();
    /// let may2020: Date = "2020-05-01".parse().unwrap();
    /// assert!(!y2020.certainly_after(&may2020));
    /// assert!("2021".parse::<Date>().unwrap().certainly_after(&may2020));
    /// ```
    pub fn certainly_after(&self, other: &Date) -> bool {
        self.earliest() > other.latest()
    }

    /// True when `self` is certainly on or after `other`, whatever the unknown parts are.
    pub fn certainly_on_or_after(&self, other: &Date) -> bool {
        self.earliest() >= other.latest()
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        let error = || DateError {
            input: s.to_owned(),
        };
        let number = |part: &str, len: usize| -> Result<u16, DateError> {
            if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| error())
            } else {
                Err(error())
            }
        };
        let mut parts = s.split('-');
        let year = number(parts.next().unwrap_or(""), 4)?;
        let month = parts.next().map(|m| number(m, 2)).transpose()?;
        let day = parts.next().map(|d| number(d, 2)).transpose()?;
        if parts.next().is_some() {
            return Err(error());
        }
        let month = match month {
            Some(m @ 1..=12) => Some(m as u8),
            Some(_) => return Err(error()),
            None => None,
        };
        let day = match (month, day) {
            (Some(m), Some(d)) if d >= 1 && d <= u16::from(days_in_month(year, m)) => Some(d as u8),
            (_, Some(_)) => return Err(error()),
            (_, None) => None,
        };
        Ok(Self { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> String {
        "Date".to_owned()
    }
    fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
        let mut schema = schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            ..Default::default()
        };
        schema.string().pattern = Some(r"^\d{4}(-\d{2}(-\d{2})?)?$".to_owned());
        schema.metadata().description =
            Some("A date known to a stated precision: YYYY, YYYY-MM or YYYY-MM-DD.".to_owned());
        schema.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_precisions() {
        for text in ["2024", "2024-12", "2024-12-24", "2024-02-29"] {
            assert_eq!(text.parse::<Date>().unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in [
            "2023-02-29",
            "2024-13",
            "24-12-24",
            "2024-1-5",
            "2024-12-24-1",
            "",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
        assert_eq!(
            "2024-13".parse::<Date>().unwrap_err().to_string(),
            "invalid date `2024-13`: expected YYYY, YYYY-MM or YYYY-MM-DD"
        );
    }
}
