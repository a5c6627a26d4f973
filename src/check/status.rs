//! What the data holds per State: provisions by confidence, verdicts, penalties, treaty status.
//! The README's data-status table is rendered from this.

use serde::{Deserialize, Serialize};

use super::Checker;
use super::coverage::{Level, UnknownCause, Verdict};
use crate::{Confidence, Date, JurisdictionCode, Origin, TaxonomyId, TreatyStatus};

/// Provisions counted by confidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByConfidence {
    /// High.
    pub high: usize,
    /// Medium.
    pub medium: usize,
    /// Low.
    pub low: usize,
}

/// A State's status towards one treaty, with the date of consent (or else of signature).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreatyCell {
    /// The treaty.
    pub treaty: TaxonomyId,
    /// The status (`unknown` when the data has no record).
    pub status: TreatyStatus,
    /// The date of consent to be bound, or else of signature.
    pub date: Option<Date>,
}

/// One State's line of the data-status table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StateStatus {
    /// The State.
    pub jurisdiction: JurisdictionCode,
    /// Its name.
    pub name: String,
    /// When its file was last researched.
    pub as_of: Date,
    /// Provisions (all, whatever their status), by confidence.
    pub provisions: ByConfidence,
    /// Provisions with at least one penalty recorded.
    pub with_penalties: usize,
    /// Convention offence categories the checker finds covered (fully or partly).
    pub covered: usize,
    /// Convention offence categories with a researched gap.
    pub gaps: usize,
    /// Convention offence categories not researched (or without any verdict).
    pub not_researched: usize,
    /// Provisions marked as having no Convention counterpart.
    pub outside_convention: usize,
    /// The Convention's procedural powers (Arts 24-30) the State has, fully or partly.
    pub powers_covered: usize,
    /// Procedural powers with a researched gap.
    pub powers_gaps: usize,
    /// Procedural powers not researched (or without any verdict).
    pub powers_not_researched: usize,
    /// Status towards the UN Convention and Budapest.
    pub treaties: Vec<TreatyCell>,
}

/// The data-status table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DataStatus {
    /// Where the data came from.
    pub origin: Origin,
    /// The number of Convention offence categories each State is checked against.
    pub categories: usize,
    /// One line per State, by code.
    pub states: Vec<StateStatus>,
}

impl Checker<'_> {
    /// What the data holds per State. Verdict counts come from the same coverage check as the
    /// report, so repealed provisions and the confidence floor count the same way.
    pub fn data_status(&self) -> DataStatus {
        let convention = TaxonomyId::convention();
        let treaties = ["un2024", "budapest2001"];
        let mut categories = 0;
        let states = self
            .data()
            .jurisdictions()
            .map(|j| {
                let rows = self.coverage_all(j, &convention);
                categories = rows.len();
                let level = |l: Level| rows.iter().filter(|c| c.verdict.level() == l).count();
                let unknown_without_record = rows
                    .iter()
                    .filter(|c| {
                        matches!(
                            c.verdict,
                            Verdict::Unknown {
                                cause: UnknownCause::NoVerdict | UnknownCause::BelowConfidence
                            }
                        )
                    })
                    .count();
                let count =
                    |c: Confidence| j.provisions.iter().filter(|p| p.confidence == c).count();
                let powers: Vec<Level> = self
                    .data()
                    .taxonomy(&convention)
                    .into_iter()
                    .flat_map(|t| t.powers())
                    .filter_map(|(id, _)| self.coverage(j, &id))
                    .map(|c| c.verdict.level())
                    .collect();
                let powers_at = |l: Level| powers.iter().filter(|&&x| x == l).count();
                StateStatus {
                    jurisdiction: j.code,
                    name: j.name.clone(),
                    as_of: j.as_of,
                    provisions: ByConfidence {
                        high: count(Confidence::High),
                        medium: count(Confidence::Medium),
                        low: count(Confidence::Low),
                    },
                    with_penalties: j
                        .provisions
                        .iter()
                        .filter(|p| !p.penalties.is_empty())
                        .count(),
                    covered: level(Level::Full) + level(Level::Partial),
                    gaps: level(Level::Gap),
                    not_researched: level(Level::Unknown).max(unknown_without_record),
                    outside_convention: j
                        .provisions
                        .iter()
                        .filter(|p| p.outside_convention.is_some())
                        .count(),
                    powers_covered: powers_at(Level::Full) + powers_at(Level::Partial),
                    powers_gaps: powers_at(Level::Gap),
                    powers_not_researched: powers_at(Level::Unknown),
                    treaties: treaties
                        .iter()
                        .filter_map(|t| t.parse::<TaxonomyId>().ok())
                        .map(|t| {
                            let record = j.treaty(&t);
                            TreatyCell {
                                status: record.map_or(TreatyStatus::Unknown, |r| r.status),
                                date: record.and_then(|r| r.consented.or(r.signed).or(r.invited)),
                                treaty: t,
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        DataStatus {
            origin: self.data().origin().clone(),
            categories,
            states,
        }
    }
}
