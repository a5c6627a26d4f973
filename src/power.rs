//! How a national provision works as an investigative power: who authorises it, what limits
//! it, and whether it can serve a foreign request.

use serde::{Deserialize, Serialize};

/// The working details of a procedural provision (one mapped to a `procedural` category such
/// as `un2024:art25`), as far as the statute shows them. Every field is the statute's own
/// rule in the researcher's words; an empty field means the text read does not say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PowerUse {
    /// Who orders or authorises the measure, e.g. `court (warrant)`, `public prosecutor`,
    /// `police officer of the rank of inspector`.
    pub authority: String,
    /// The offences or the minimum penalty the measure is limited to, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub threshold: String,
    /// Time limits, e.g. `preservation up to 90 days, renewable once`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time_limit: String,
    /// Safeguards attached to the measure (judicial review, notice, use limits).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub safeguards: String,
    /// Whether the measure can be used to execute a foreign request.
    pub foreign_requests: ForeignRequests,
    /// Anything a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Whether a national power can serve a request from another State.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ForeignRequests {
    /// The statute lets the power be used on a foreign request directly (for example on a
    /// request received through a 24/7 contact point), without a formal MLA request.
    Direct,
    /// Only on a formal mutual legal assistance request, through the domestic MLA law or a
    /// treaty.
    ThroughMla,
    /// The statute confines the power to domestic investigations.
    NotAvailable,
    /// The text read does not say.
    Unknown,
}

impl ForeignRequests {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::ThroughMla => "through-mla",
            Self::NotAvailable => "not-available",
            Self::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for ForeignRequests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
