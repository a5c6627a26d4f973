//! Overlaps (several provisions on one category, one provision on several categories) and
//! over-breadth (provisions reaching beyond the Convention, and offences with no counterpart).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{CategoryId, Jurisdiction, JurisdictionCode, ProvisionId, Relation, Theme};

/// An overlap finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Overlap {
    /// Several provisions of one State criminalise (parts of) one category.
    SeveralProvisions {
        /// The State.
        jurisdiction: JurisdictionCode,
        /// The category.
        category: CategoryId,
        /// The provisions.
        provisions: Vec<ProvisionId>,
    },
    /// One provision criminalises (parts of) several categories.
    SeveralCategories {
        /// The State.
        jurisdiction: JurisdictionCode,
        /// The provision.
        provision: ProvisionId,
        /// The categories.
        categories: Vec<CategoryId>,
    },
}

/// Why a provision is listed for the human-rights safeguards review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum OverBreadth {
    /// Mapped `narrowMatch`: the Convention offence is narrower than the provision.
    BroaderThanConvention {
        /// The State.
        jurisdiction: JurisdictionCode,
        /// The provision.
        provision: ProvisionId,
        /// Its number as cited.
        number: String,
        /// The narrower Convention category.
        category: CategoryId,
        /// The mapping's note.
        note: String,
    },
    /// A national cyber offence with no Convention counterpart.
    NoCounterpart {
        /// The State.
        jurisdiction: JurisdictionCode,
        /// The provision.
        provision: ProvisionId,
        /// Its number as cited.
        number: String,
        /// What it is about.
        theme: Theme,
        /// Why it matters.
        note: String,
    },
}

fn in_taxonomy(category: &CategoryId, taxonomy: &str) -> bool {
    category.prefix() == taxonomy
}

/// Overlaps of one jurisdiction's in-force provisions within one taxonomy.
pub fn overlaps(jurisdiction: &Jurisdiction, taxonomy: &str) -> Vec<Overlap> {
    let mut by_category: BTreeMap<&CategoryId, Vec<ProvisionId>> = BTreeMap::new();
    let mut out = Vec::new();
    for p in jurisdiction
        .provisions
        .iter()
        .filter(|p| p.status.is_effective())
    {
        let categories: Vec<CategoryId> = p
            .mappings
            .iter()
            .filter(|m| m.relation.counts_as_coverage() && in_taxonomy(&m.category, taxonomy))
            .map(|m| m.category.clone())
            .collect();
        for m in p
            .mappings
            .iter()
            .filter(|m| m.relation.counts_as_coverage() && in_taxonomy(&m.category, taxonomy))
        {
            by_category
                .entry(&m.category)
                .or_default()
                .push(p.id.clone());
        }
        if categories.len() > 1 {
            out.push(Overlap::SeveralCategories {
                jurisdiction: jurisdiction.code,
                provision: p.id.clone(),
                categories,
            });
        }
    }
    let several = by_category
        .into_iter()
        .filter(|(_, ps)| ps.len() > 1)
        .map(|(c, provisions)| Overlap::SeveralProvisions {
            jurisdiction: jurisdiction.code,
            category: c.clone(),
            provisions,
        });
    let mut all: Vec<Overlap> = several.collect();
    all.extend(out);
    all
}

/// Over-breadth findings of one jurisdiction's in-force provisions.
pub fn over_breadth(jurisdiction: &Jurisdiction, taxonomy: &str) -> Vec<OverBreadth> {
    let mut out = Vec::new();
    for p in jurisdiction
        .provisions
        .iter()
        .filter(|p| p.status.is_effective())
    {
        for m in &p.mappings {
            if m.relation == Relation::Narrow && in_taxonomy(&m.category, taxonomy) {
                out.push(OverBreadth::BroaderThanConvention {
                    jurisdiction: jurisdiction.code,
                    provision: p.id.clone(),
                    number: p.number.clone(),
                    category: m.category.clone(),
                    note: m.note.clone(),
                });
            }
        }
        if let Some(o) = &p.outside_convention {
            out.push(OverBreadth::NoCounterpart {
                jurisdiction: jurisdiction.code,
                provision: p.id.clone(),
                number: p.number.clone(),
                theme: o.theme,
                note: if o.note.is_empty() {
                    p.summary.clone()
                } else {
                    o.note.clone()
                },
            });
        }
    }
    out
}
