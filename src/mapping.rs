//! Mappings from national provisions onto taxonomy categories.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{CategoryId, Confidence, LocalId};

/// The SKOS mapping vocabulary, read "subject RELATION object".
///
/// For a national provision (subject) mapped onto a Convention category (object):
/// `BroadMatch` means the *category* is broader (the provision covers only part of it), and
/// `NarrowMatch` means the category is narrower (the provision reaches further: over-breadth).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Relation {
    /// `skos:exactMatch`: the same.
    #[serde(rename = "exactMatch")]
    Exact,
    /// `skos:closeMatch`: nearly the same; never chained.
    #[serde(rename = "closeMatch")]
    Close,
    /// `skos:broadMatch`: the object is broader than the subject.
    #[serde(rename = "broadMatch")]
    Broad,
    /// `skos:narrowMatch`: the object is narrower than the subject.
    #[serde(rename = "narrowMatch")]
    Narrow,
    /// `skos:relatedMatch`: associated, not the same conduct; never chained.
    #[serde(rename = "relatedMatch")]
    Related,
}

/// An unknown relation name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid relation `{0}`: expected one of exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch (optionally prefixed `skos:`)"
)]
pub struct RelationError(pub String);

impl Relation {
    /// All relations, strongest first.
    pub const ALL: [Relation; 5] = [
        Self::Exact,
        Self::Close,
        Self::Broad,
        Self::Narrow,
        Self::Related,
    ];

    /// The name used in data files, e.g. `exactMatch`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Exact => "exactMatch",
            Self::Close => "closeMatch",
            Self::Broad => "broadMatch",
            Self::Narrow => "narrowMatch",
            Self::Related => "relatedMatch",
        }
    }

    /// The relation read the other way round (object to subject).
    pub fn inverse(&self) -> Relation {
        match self {
            Self::Broad => Self::Narrow,
            Self::Narrow => Self::Broad,
            other => *other,
        }
    }

    /// Whether the relation may be chained transitively (exact, broad, narrow). Close and
    /// related matches are never chained.
    pub fn is_transitive(&self) -> bool {
        matches!(self, Self::Exact | Self::Broad | Self::Narrow)
    }

    /// Composes `self` (a to b) with `next` (b to c), where SKOS allows it.
    ///
    /// ```
    /// use cybercrime_taxonomy::Relation;
    /// assert_eq!(Relation::Exact.then(Relation::Broad), Some(Relation::Broad));
    /// assert_eq!(Relation::Broad.then(Relation::Narrow), None);
    /// assert_eq!(Relation::Close.then(Relation::Exact), None);
    /// ```
    pub fn then(&self, next: Relation) -> Option<Relation> {
        match (*self, next) {
            (Self::Exact, r) | (r, Self::Exact) if r.is_transitive() => Some(r),
            (Self::Broad, Self::Broad) => Some(Self::Broad),
            (Self::Narrow, Self::Narrow) => Some(Self::Narrow),
            _ => None,
        }
    }

    /// Whether a provision mapped with this relation criminalises (part of) the category's
    /// conduct. Related matches do not.
    pub fn counts_as_coverage(&self) -> bool {
        !matches!(self, Self::Related)
    }
}

impl fmt::Display for Relation {
    /// Writes the SKOS CURIE, e.g. `skos:exactMatch`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "skos:{}", self.name())
    }
}

impl FromStr for Relation {
    type Err = RelationError;
    fn from_str(s: &str) -> Result<Self, RelationError> {
        let name = s.strip_prefix("skos:").unwrap_or(s);
        Relation::ALL
            .into_iter()
            .find(|r| r.name() == name)
            .ok_or_else(|| RelationError(s.to_owned()))
    }
}

/// How a mapping was made, as a SEMAPV term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Justification {
    /// `semapv:ManualMappingCuration`: a person read both texts.
    #[default]
    #[serde(rename = "semapv:ManualMappingCuration")]
    ManualMappingCuration,
    /// `semapv:LogicalReasoning`.
    #[serde(rename = "semapv:LogicalReasoning")]
    LogicalReasoning,
    /// `semapv:LexicalMatching`.
    #[serde(rename = "semapv:LexicalMatching")]
    LexicalMatching,
    /// `semapv:CompositeMatching`.
    #[serde(rename = "semapv:CompositeMatching")]
    CompositeMatching,
    /// `semapv:MappingChaining`.
    #[serde(rename = "semapv:MappingChaining")]
    MappingChaining,
    /// `semapv:UnspecifiedMatching`.
    #[serde(rename = "semapv:UnspecifiedMatching")]
    UnspecifiedMatching,
    /// `semapv:SemanticSimilarityThresholdMatching`.
    #[serde(rename = "semapv:SemanticSimilarityThresholdMatching")]
    SemanticSimilarityThresholdMatching,
    /// `semapv:LexicalSimilarityThresholdMatching`.
    #[serde(rename = "semapv:LexicalSimilarityThresholdMatching")]
    LexicalSimilarityThresholdMatching,
    /// `semapv:MappingReview`.
    #[serde(rename = "semapv:MappingReview")]
    MappingReview,
    /// `semapv:MappingInversion`.
    #[serde(rename = "semapv:MappingInversion")]
    MappingInversion,
    /// `semapv:StructuralMatching`.
    #[serde(rename = "semapv:StructuralMatching")]
    StructuralMatching,
    /// `semapv:InstanceBasedMatching`.
    #[serde(rename = "semapv:InstanceBasedMatching")]
    InstanceBasedMatching,
    /// `semapv:BackgroundKnowledgeBasedMatching`.
    #[serde(rename = "semapv:BackgroundKnowledgeBasedMatching")]
    BackgroundKnowledgeBasedMatching,
}

impl Justification {
    /// All justifications: every one the SSSOM specification permits
    /// ([`crate::sssom::spec::JUSTIFICATIONS`]).
    pub const ALL: [Justification; 13] = [
        Self::ManualMappingCuration,
        Self::LogicalReasoning,
        Self::LexicalMatching,
        Self::CompositeMatching,
        Self::MappingChaining,
        Self::UnspecifiedMatching,
        Self::SemanticSimilarityThresholdMatching,
        Self::LexicalSimilarityThresholdMatching,
        Self::MappingReview,
        Self::MappingInversion,
        Self::StructuralMatching,
        Self::InstanceBasedMatching,
        Self::BackgroundKnowledgeBasedMatching,
    ];

    /// The SEMAPV CURIE.
    pub fn curie(&self) -> &'static str {
        match self {
            Self::ManualMappingCuration => "semapv:ManualMappingCuration",
            Self::LogicalReasoning => "semapv:LogicalReasoning",
            Self::LexicalMatching => "semapv:LexicalMatching",
            Self::CompositeMatching => "semapv:CompositeMatching",
            Self::MappingChaining => "semapv:MappingChaining",
            Self::UnspecifiedMatching => "semapv:UnspecifiedMatching",
            Self::SemanticSimilarityThresholdMatching => {
                "semapv:SemanticSimilarityThresholdMatching"
            }
            Self::LexicalSimilarityThresholdMatching => "semapv:LexicalSimilarityThresholdMatching",
            Self::MappingReview => "semapv:MappingReview",
            Self::MappingInversion => "semapv:MappingInversion",
            Self::StructuralMatching => "semapv:StructuralMatching",
            Self::InstanceBasedMatching => "semapv:InstanceBasedMatching",
            Self::BackgroundKnowledgeBasedMatching => "semapv:BackgroundKnowledgeBasedMatching",
        }
    }

    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl FromStr for Justification {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Justification::ALL
            .into_iter()
            .find(|j| j.curie() == s)
            .ok_or_else(|| format!("unknown mapping justification `{s}`"))
    }
}

/// A condition a national provision adds that the Convention does not permit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExtraCondition {
    /// A short slug, e.g. `damage-threshold` or `narrower-child-age`.
    pub id: LocalId,
    /// What the condition is, in own words.
    pub description: String,
}

/// A provision's mapping onto one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The category mapped onto.
    pub category: CategoryId,
    /// Read "provision RELATION category".
    pub relation: Relation,
    /// The category's elements the provision satisfies.
    #[serde(default)]
    pub covers: Vec<LocalId>,
    /// The permitted qualifications (or reservations) the provision invokes.
    #[serde(default)]
    pub qualifications: Vec<LocalId>,
    /// Conditions the Convention does not permit.
    #[serde(default)]
    pub extra_conditions: Vec<ExtraCondition>,
    /// How the mapping was made.
    #[serde(default, skip_serializing_if = "Justification::is_default")]
    pub justification: Justification,
    /// How sure the mapping is.
    pub confidence: Confidence,
    /// Why: the reasoning a reviewer needs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_text_forms() {
        for r in Relation::ALL {
            assert_eq!(r.to_string().parse::<Relation>().unwrap(), r);
            assert_eq!(r.name().parse::<Relation>().unwrap(), r);
            assert_eq!(r.inverse().inverse(), r);
        }
        assert_eq!(
            "sameAs".parse::<Relation>().unwrap_err().to_string(),
            "invalid relation `sameAs`: expected one of exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch (optionally prefixed `skos:`)"
        );
    }
}
