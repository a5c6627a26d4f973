//! Coverage read against another taxonomy (Budapest, the drafts) through the alignments.
//!
//! Only exact, broad and narrow alignments are chained, never close or related ones.

use serde::{Deserialize, Serialize};

use super::Checker;
use super::coverage::{Coverage, Level, Reason, UnknownCause, Verdict, assess, mappings_onto};
use crate::{CategoryId, Dataset, Jurisdiction, ProvisionId, Relation, TaxonomyId};

/// One step of a derivation: the Convention category, how it relates to the target, and the
/// level it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Via {
    /// The category whose coverage was carried over.
    pub from: CategoryId,
    /// Read "from RELATION target".
    pub relation: Relation,
    /// The coverage level of `from`.
    pub from_level: Level,
    /// The level it gives the target (`None` when the relation is not chained).
    pub gives: Option<Level>,
}

/// Coverage of a category of any taxonomy: direct (from mappings onto it) or derived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CrossCoverage {
    /// The resulting coverage. For a derived verdict the provisions are those behind the
    /// Convention categories it was carried over from, and the reasons say how.
    pub coverage: Coverage,
    /// Whether mappings onto the target itself decided the level.
    pub direct: bool,
    /// The derivations considered.
    pub via: Vec<Via>,
}

/// What a source level gives a target related by `relation` (read "source RELATION target").
fn carry(relation: Relation, level: Level) -> Option<Level> {
    match relation {
        Relation::Exact => Some(level),
        // The target is narrower: covering the source covers the target, a gap in the source
        // is a gap in the target.
        Relation::Narrow => Some(level),
        // The target is broader: at best partly covered, and a gap says nothing about the rest.
        Relation::Broad => Some(match level {
            Level::Full | Level::Partial => Level::Partial,
            Level::Gap | Level::Unknown => Level::Unknown,
        }),
        Relation::Close | Relation::Related => None,
    }
}

impl Checker<'_> {
    /// Coverage of every offence category of `target` by `jurisdiction`, with the derivation:
    /// direct mappings where there are any, and otherwise the Convention (`un2024`) coverage
    /// carried over the alignments.
    pub fn cross_coverage(
        &self,
        jurisdiction: &Jurisdiction,
        target: &TaxonomyId,
    ) -> Vec<CrossCoverage> {
        let Some(t) = self.data().taxonomy(target) else {
            return Vec::new();
        };
        let base = self.direct_coverage_all(jurisdiction, &TaxonomyId::convention());
        t.offences()
            .map(|(id, c)| {
                let direct = assess(
                    self.options(),
                    jurisdiction,
                    &id,
                    c,
                    mappings_onto(jurisdiction, &id),
                );
                derive(self.data(), jurisdiction, id, direct, &base)
            })
            .collect()
    }
}

/// Combines the direct coverage of a category with what its alignments carry over from the
/// Convention coverage `base`.
fn derive(
    data: &Dataset,
    jurisdiction: &Jurisdiction,
    id: CategoryId,
    direct: Coverage,
    base: &[Coverage],
) -> CrossCoverage {
    let direct = direct.verdict.level().is_covered().then_some(direct);
    let mut reasons = Vec::new();
    let mut via = Vec::new();
    for (relation, other, _) in data.aligned(&id) {
        let Some(from) = base.iter().find(|b| &b.category == other) else {
            continue;
        };
        // `aligned` reads "target RELATION other"; turn it round.
        let relation = relation.inverse();
        let from_level = from.verdict.level();
        let gives = carry(relation, from_level);
        reasons.push(match gives {
            Some(gives) => Reason::Derived {
                from: other.clone(),
                from_level,
                relation,
                gives,
            },
            None => Reason::NotChained {
                from: other.clone(),
                relation,
            },
        });
        via.push(Via {
            from: other.clone(),
            relation,
            from_level,
            gives,
        });
    }
    let derived = via.iter().filter_map(|v| v.gives).max();
    let direct_level = direct.as_ref().map(|d| d.verdict.level());
    let level = direct_level.max(derived).unwrap_or(Level::Unknown);
    if direct.is_none() && via.is_empty() {
        reasons.push(Reason::NoAlignment);
    }
    let is_direct = direct_level == Some(level);
    let coverage = match direct {
        Some(mut d) if is_direct => {
            d.reasons.extend(reasons);
            d
        }
        _ => {
            let sources: Vec<&Coverage> = via
                .iter()
                .filter(|v| v.gives == Some(level))
                .filter_map(|v| base.iter().find(|b| b.category == v.from))
                .collect();
            let mut provisions: Vec<ProvisionId> = sources
                .iter()
                .flat_map(|b| b.verdict.provisions().iter().cloned())
                .collect();
            provisions.sort();
            provisions.dedup();
            let confidence = sources.iter().filter_map(|b| b.confidence()).max();
            let verdict = match (level, confidence) {
                (Level::Full, Some(confidence)) => Verdict::Full {
                    provisions,
                    qualifications: Vec::new(),
                    covered: Vec::new(),
                    confidence,
                },
                (Level::Partial, Some(confidence)) => Verdict::Partial {
                    provisions,
                    missing: Vec::new(),
                    extra_conditions: Vec::new(),
                    qualifications: Vec::new(),
                    covered: Vec::new(),
                    confidence,
                },
                (Level::Gap, _) => Verdict::Gap {
                    checked: sources
                        .iter()
                        .filter_map(|b| match &b.verdict {
                            Verdict::Gap { checked } => Some(checked.as_str()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join(" "),
                },
                _ => Verdict::Unknown {
                    cause: UnknownCause::NotDerivable,
                },
            };
            Coverage {
                jurisdiction: jurisdiction.code,
                category: id,
                verdict,
                reasons,
            }
        }
    };
    CrossCoverage {
        coverage,
        direct: is_direct,
        via,
    }
}
