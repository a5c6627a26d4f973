//! The regional baseline over a set of jurisdictions: who covers what, what all have in common,
//! and which gaps block the most pairs of States.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::coverage::{Coverage, Level};
use crate::{CategoryId, JurisdictionCode, LocalId};

/// One category across the set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BaselineCategory {
    /// The category.
    pub category: CategoryId,
    /// States covering it fully.
    pub full: Vec<JurisdictionCode>,
    /// States covering it partly.
    pub partial: Vec<JurisdictionCode>,
    /// States with a researched gap.
    pub gap: Vec<JurisdictionCode>,
    /// States not researched.
    pub unknown: Vec<JurisdictionCode>,
    /// Elements every State in the set covers (empty when any State does not cover it).
    pub common_elements: Vec<LocalId>,
    /// Pairs of States for which this category fails dual criminality because one side (or
    /// both) has a researched gap.
    pub blocked_pairs: usize,
}

/// One State's need for law reform against the Convention's offence articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReformNeed {
    /// The State.
    pub jurisdiction: JurisdictionCode,
    /// Articles covered fully.
    pub full: usize,
    /// Articles covered partly.
    pub partial: usize,
    /// Articles with a researched gap.
    pub gap: usize,
    /// Articles not researched.
    pub unknown: usize,
    /// Full or partial verdicts that rest only on low-confidence sources.
    pub low_confidence: usize,
}

impl ReformNeed {
    /// The need for reform: two points per gap, one per partial article. Not-researched
    /// articles and low-confidence verdicts are not counted as need: they say how far the
    /// figure can be trusted, and are shown beside it.
    pub fn need(&self) -> usize {
        2 * self.gap + self.partial
    }
}

/// The baseline over a set of States.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Baseline {
    /// The States considered.
    pub jurisdictions: Vec<JurisdictionCode>,
    /// Per category, in taxonomy order.
    pub categories: Vec<BaselineCategory>,
    /// Categories every State covers fully.
    pub common_to_all: Vec<CategoryId>,
    /// Categories with researched gaps, the most blocked pairs first.
    pub ranked_gaps: Vec<CategoryId>,
    /// Pairs of States by readiness to cooperate, the least ready first (filled by
    /// [`Checker::report`](super::Checker::report) for the Convention, for at most
    /// [`MAX_PAIRWISE`](super::MAX_PAIRWISE) States).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<super::PairReadiness>,
    /// The States by need for law reform, the greatest first (ties: more unknowns first, then
    /// by code).
    pub reform: Vec<ReformNeed>,
}

/// Builds the baseline from each State's coverage rows (as from
/// [`Checker::coverage_all`](super::Checker::coverage_all)), all over the same categories in the same order.
/// Each State's rows may be owned (`Vec<Coverage>`) or borrowed (`&[Coverage]`).
pub fn baseline<S: AsRef<[Coverage]>>(per_state: &[S]) -> Baseline {
    let jurisdictions: Vec<JurisdictionCode> = per_state
        .iter()
        .filter_map(|rows| rows.as_ref().first().map(|c| c.jurisdiction))
        .collect();
    let n = per_state.len();
    let width = per_state.first().map_or(0, |rows| rows.as_ref().len());
    let mut categories = Vec::with_capacity(width);
    for i in 0..width {
        let Some(category) = per_state[0].as_ref().get(i).map(|c| c.category.clone()) else {
            continue;
        };
        let (mut full, mut partial, mut gap, mut unknown) = (vec![], vec![], vec![], vec![]);
        let mut common: Option<BTreeSet<&LocalId>> = None;
        for rows in per_state {
            let Some(c) = rows.as_ref().get(i).filter(|c| c.category == category) else {
                continue;
            };
            match c.verdict.level() {
                Level::Full => full.push(c.jurisdiction),
                Level::Partial => partial.push(c.jurisdiction),
                Level::Gap => gap.push(c.jurisdiction),
                Level::Unknown => unknown.push(c.jurisdiction),
            }
            let covered: BTreeSet<&LocalId> = if c.verdict.level().is_covered() {
                c.covered().iter().collect()
            } else {
                BTreeSet::new()
            };
            common = Some(match common {
                None => covered,
                Some(so_far) => so_far.intersection(&covered).copied().collect(),
            });
        }
        let g = gap.len();
        let blocked_pairs = g * (n - g) + g * g.saturating_sub(1) / 2;
        categories.push(BaselineCategory {
            category,
            full,
            partial,
            gap,
            unknown,
            common_elements: common.unwrap_or_default().into_iter().cloned().collect(),
            blocked_pairs,
        });
    }
    let common_to_all = categories
        .iter()
        .filter(|c| n > 0 && c.full.len() == n)
        .map(|c| c.category.clone())
        .collect();
    let mut ranked: Vec<&BaselineCategory> =
        categories.iter().filter(|c| c.blocked_pairs > 0).collect();
    ranked.sort_by_key(|c| std::cmp::Reverse(c.blocked_pairs));
    let ranked_gaps = ranked.iter().map(|c| c.category.clone()).collect();
    Baseline {
        jurisdictions,
        categories,
        common_to_all,
        ranked_gaps,
        pairs: Vec::new(),
        reform: reform(per_state),
    }
}

fn reform<S: AsRef<[Coverage]>>(per_state: &[S]) -> Vec<ReformNeed> {
    let mut out: Vec<ReformNeed> = per_state
        .iter()
        .filter_map(|rows| {
            let rows = rows.as_ref();
            let first = rows.first()?;
            let at = |l: Level| rows.iter().filter(|c| c.verdict.level() == l).count();
            Some(ReformNeed {
                jurisdiction: first.jurisdiction,
                full: at(Level::Full),
                partial: at(Level::Partial),
                gap: at(Level::Gap),
                unknown: at(Level::Unknown),
                low_confidence: rows
                    .iter()
                    .filter(|c| c.confidence() == Some(crate::Confidence::Low))
                    .count(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.need()
            .cmp(&a.need())
            .then_with(|| b.unknown.cmp(&a.unknown))
            .then_with(|| a.jurisdiction.cmp(&b.jurisdiction))
    });
    out
}
