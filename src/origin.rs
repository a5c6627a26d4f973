//! Where a dataset's data came from. Every report and export copies it, so a finding built from
//! a user's files, an SSSOM import or generated data never passes for the shipped data.

use serde::{Deserialize, Serialize};

use crate::Date;

/// The shipped data's version and research date, as a report states them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipped {
    /// The data version ([`DATA_VERSION`](crate::DATA_VERSION)).
    pub version: String,
    /// The date it was last researched ([`DATA_AS_OF`](crate::DATA_AS_OF)).
    pub as_of: Date,
    /// Whether only the taxonomies were included, without the national data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub taxonomies_only: bool,
    /// The directory a whole data release was read from (one with a `manifest.json`, such as
    /// the crate's `data/` at another version), instead of the copy embedded in the crate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// Where a [`Dataset`](crate::Dataset)'s data came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Origin {
    /// The shipped data, when it was included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped: Option<Shipped>,
    /// The user's directories, files and named readers, in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<String>,
    /// For generated data: how it was generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<String>,
}

impl Origin {
    /// The shipped data set, all of it.
    pub fn shipped() -> Self {
        Self {
            shipped: Some(Shipped {
                version: crate::DATA_VERSION.to_owned(),
                as_of: crate::DATA_AS_OF,
                taxonomies_only: false,
                path: None,
            }),
            ..Self::default()
        }
    }
    /// Whether this is exactly one data release (the embedded one, or one read from a
    /// directory with a manifest), with nothing added or generated.
    pub fn is_shipped_only(&self) -> bool {
        self.shipped.as_ref().is_some_and(|s| !s.taxonomies_only)
            && self.inputs.is_empty()
            && self.generated.is_none()
    }
    /// The version to state for the data: the shipped version, marked `+local` when user
    /// inputs or generated data were added, or `local` without shipped data.
    pub fn version(&self) -> String {
        match (&self.shipped, self.is_shipped_only()) {
            (Some(s), true) => s.version.clone(),
            (Some(s), false) => format!("{}+local", s.version),
            (None, _) => "local".to_owned(),
        }
    }
}
