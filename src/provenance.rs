//! Where a fact came from, and how sure we are of it.

use serde::{Deserialize, Serialize};

use crate::Date;

/// How far a fact is confirmed by the sources read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Not confirmed by any source read; a lead to check.
    Low,
    /// Partly confirmed: the title or gist is confirmed, the detail is not.
    Medium,
    /// Confirmed from the source's own text.
    High,
}

impl Confidence {
    /// The lower-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }

    /// A score in [0, 1] for interchange formats such as SSSOM.
    pub fn score(&self) -> f64 {
        match self {
            Self::Low => 0.3,
            Self::Medium => 0.6,
            Self::High => 0.9,
        }
    }

    /// The level a score in [0, 1] falls in: below 0.45 low, below 0.75 medium, else high.
    pub fn from_score(score: f64) -> Self {
        if score < 0.45 {
            Self::Low
        } else if score < 0.75 {
            Self::Medium
        } else {
            Self::High
        }
    }
}

/// An unknown confidence level.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid confidence `{0}`: expected low, medium or high")]
pub struct ConfidenceError(pub String);

impl std::str::FromStr for Confidence {
    type Err = ConfidenceError;
    fn from_str(s: &str) -> Result<Self, ConfidenceError> {
        match s {
            "low" => Ok(Self::Low),
            "medium" => Ok(Self::Medium),
            "high" => Ok(Self::High),
            _ => Err(ConfidenceError(s.to_owned())),
        }
    }
}

impl std::fmt::Display for Confidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A source that was actually read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The source's title, e.g. the statute's name and edition.
    pub title: String,
    /// Where it can be found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The date the copy was read.
    pub checked: Date,
    /// Where in the source, e.g. `s 3` or `Art 7(2)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Anything a reviewer should know about this source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
