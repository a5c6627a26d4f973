//! Coverage read against another taxonomy (Budapest, the drafts) through the alignments.
//!
//! Only exact, broad and narrow alignments are chained, never close or related ones.

use serde::Serialize;

use super::coverage::{Coverage, Level, Verdict, assess, coverage_all, mappings_onto};
use crate::{CategoryId, Dataset, Jurisdiction, ProvisionId, Relation};

/// One step of a derivation: the Convention category, how it relates to the target, and the
/// level it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Coverage of every non-ancillary category of `target` by `jurisdiction`, using direct
/// mappings where there are any and otherwise the Convention (`un2024`) coverage carried over
/// the alignments.
pub fn cross_coverage(
    data: &Dataset,
    jurisdiction: &Jurisdiction,
    target: &crate::TaxonomyId,
) -> Vec<CrossCoverage> {
    let Some(t) = data.taxonomy(target) else {
        return Vec::new();
    };
    let convention: crate::TaxonomyId = match crate::CONVENTION.parse() {
        Ok(id) => id,
        Err(_) => return Vec::new(),
    };
    let base = coverage_all(data, jurisdiction, &convention);
    t.offences()
        .map(|(id, c)| {
            let mut reasons = Vec::new();
            let direct = assess(
                data.min_confidence(),
                jurisdiction,
                &id,
                c,
                mappings_onto(jurisdiction, &id),
            );
            let direct = direct.verdict.level().is_covered().then_some(direct);
            let mut via = Vec::new();
            for (relation, other, _) in data.aligned(&id) {
                let Some(from) = base.iter().find(|b| &b.category == other) else {
                    continue;
                };
                // `aligned` reads "target RELATION other"; turn it round.
                let relation = relation.inverse();
                let gives = carry(relation, from.verdict.level());
                match gives {
                    Some(level) => reasons.push(format!(
                        "{} is {} and {} {}, which gives {}",
                        other,
                        from.verdict.level().as_str(),
                        relation,
                        id,
                        level.as_str()
                    )),
                    None => reasons.push(format!(
                        "{other} {relation} {id}: not chained (only exact, broad and narrow alignments are)"
                    )),
                }
                via.push(Via {
                    from: other.clone(),
                    relation,
                    from_level: from.verdict.level(),
                    gives,
                });
            }
            let derived = via.iter().filter_map(|v| v.gives).max();
            let direct_level = direct.as_ref().map(|d| d.verdict.level());
            let level = match (direct_level, derived) {
                (Some(d), Some(l)) => d.max(l),
                (Some(d), None) => d,
                (None, Some(l)) => l,
                (None, None) => Level::Unknown,
            };
            if direct.is_none() && via.is_empty() {
                reasons.push("no direct mapping and no alignment to the Convention".to_owned());
            }
            let is_direct = direct_level == Some(level);
            let coverage = match direct {
                Some(mut d) if is_direct => {
                    d.reasons.extend(reasons);
                    d
                }
                _ => {
                    let mut provisions: Vec<ProvisionId> = via
                        .iter()
                        .filter(|v| v.gives == Some(level))
                        .filter_map(|v| base.iter().find(|b| b.category == v.from))
                        .flat_map(|b| b.verdict.provisions().iter().cloned())
                        .collect();
                    provisions.sort();
                    provisions.dedup();
                    let verdict = match level {
                        Level::Full => Verdict::Full {
                            provisions,
                            qualifications: Vec::new(),
                        },
                        Level::Partial => Verdict::Partial {
                            provisions,
                            missing: Vec::new(),
                            extra_conditions: Vec::new(),
                            qualifications: Vec::new(),
                        },
                        Level::Gap => Verdict::Gap {
                            checked: format!("derived through the alignments: {}", reasons.join("; ")),
                        },
                        Level::Unknown => Verdict::Unknown {
                            note: "no verdict can be derived".to_owned(),
                        },
                    };
                    Coverage {
                        jurisdiction: jurisdiction.code,
                        category: id,
                        verdict,
                        covered: Vec::new(),
                        confidence: via
                            .iter()
                            .filter(|v| v.gives == Some(level))
                            .filter_map(|v| base.iter().find(|b| b.category == v.from))
                            .filter_map(|b| b.confidence)
                            .max(),
                        reasons,
                    }
                }
            };
            CrossCoverage {
                coverage,
                direct: is_direct,
                via,
            }
        })
        .collect()
}
