//! Dual criminality between two jurisdictions: is the conduct criminal in both?
//!
//! The verdict is symmetric: the pair is put in code order before anything is computed, so
//! `dual(A, B)` and `dual(B, A)` give the same report.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::coverage::{Coverage, Level};
use super::{Checker, Options};
use crate::{
    CategoryId, Dataset, ElementKind, Error, Jurisdiction, JurisdictionCode, LocalId, Origin,
    TaxonomyId, TreatyStatus,
};

/// The dual-criminality verdict for one category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DualVerdict {
    /// At least one side has a researched gap, or no conduct limb is criminal in both.
    NotSatisfied,
    /// A side is not researched: no verdict can be given.
    Unknown,
    /// Both criminalise the conduct, but with differences that may matter in a given case.
    Conditional,
    /// Both fully criminalise the category's conduct.
    Satisfied,
}

impl DualVerdict {
    /// The kebab-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::NotSatisfied => "not-satisfied",
            Self::Unknown => "unknown",
            Self::Conditional => "conditional",
            Self::Satisfied => "satisfied",
        }
    }
}

/// Why a dual-criminality verdict is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DualFinding {
    /// Both States fully criminalise the category's conduct.
    BothFull,
    /// A side has a researched gap.
    GapOnOneSide,
    /// A side is not researched (or no verdict can be given).
    UnknownOnOneSide,
    /// Both criminalise a conduct limb, with differences that may matter in a given case.
    SharedConduct,
    /// No conduct limb of the category is criminal in both.
    NoSharedConduct,
}

/// One category's dual-criminality finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DualCategory {
    /// The category.
    pub category: CategoryId,
    /// The verdict.
    pub verdict: DualVerdict,
    /// Why.
    pub finding: DualFinding,
    /// The first State's coverage level.
    pub first: Level,
    /// The second State's coverage level.
    pub second: Level,
    /// The sides that lack the offence (researched gap or not researched).
    pub lacking: Vec<JurisdictionCode>,
    /// Elements covered on both sides.
    pub common_elements: Vec<LocalId>,
    /// Each side's coverage, first State first: the evidence.
    pub sides: [Coverage; 2],
}

/// How many categories have each verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DualCounts {
    /// Satisfied.
    pub satisfied: usize,
    /// Conditional.
    pub conditional: usize,
    /// Unknown.
    pub unknown: usize,
    /// Not satisfied.
    pub not_satisfied: usize,
}

/// Where two States stand towards one treaty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreatyBasis {
    /// The treaty.
    pub treaty: TaxonomyId,
    /// The first State's status.
    pub first: TreatyStatus,
    /// The second State's status.
    pub second: TreatyStatus,
    /// Both are Parties: the treaty can serve as the legal basis between them.
    pub both_parties: bool,
    /// Both have at least signed.
    pub both_signed: bool,
}

/// Dual criminality between two States, per category and overall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DualReport {
    /// Where the data came from.
    pub origin: Origin,
    /// The options of the check.
    pub options: Options,
    /// The State first in code order.
    pub first: JurisdictionCode,
    /// The other State.
    pub second: JurisdictionCode,
    /// The treaties as a possible basis for cooperation.
    pub treaty_basis: Vec<TreatyBasis>,
    /// Per category.
    pub categories: Vec<DualCategory>,
    /// How many categories have each verdict.
    pub counts: DualCounts,
    /// The worst verdict over the categories examined.
    pub overall: DualVerdict,
}

fn status(j: &Jurisdiction, treaty: &TaxonomyId) -> TreatyStatus {
    j.treaty(treaty)
        .map(|t| t.status)
        .unwrap_or(TreatyStatus::Unknown)
}

/// The treaty basis two States share, for every taxonomy that is a treaty they report on.
pub fn treaty_basis(data: &Dataset, a: &Jurisdiction, b: &Jurisdiction) -> Vec<TreatyBasis> {
    data.taxonomies()
        .filter(|t| a.treaty(&t.id).is_some() || b.treaty(&t.id).is_some())
        .map(|t| {
            let first = status(a, &t.id);
            let second = status(b, &t.id);
            TreatyBasis {
                treaty: t.id.clone(),
                first,
                second,
                both_parties: first == TreatyStatus::Party && second == TreatyStatus::Party,
                both_signed: first.has_signed() && second.has_signed(),
            }
        })
        .collect()
}

/// Compares two coverages of the same category.
pub fn compare(data: &Dataset, a: &Coverage, b: &Coverage) -> DualCategory {
    let (a, b) = if a.jurisdiction <= b.jurisdiction {
        (a, b)
    } else {
        (b, a)
    };
    let (la, lb) = (a.verdict.level(), b.verdict.level());
    let lacking: Vec<JurisdictionCode> = [a, b]
        .iter()
        .filter(|c| !c.verdict.level().is_covered())
        .map(|c| c.jurisdiction)
        .collect();
    let ca: BTreeSet<&LocalId> = a.covered().iter().collect();
    let common: Vec<LocalId> = b
        .covered()
        .iter()
        .filter(|e| ca.contains(e))
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let (verdict, finding) = if la == Level::Gap || lb == Level::Gap {
        (DualVerdict::NotSatisfied, DualFinding::GapOnOneSide)
    } else if la == Level::Unknown || lb == Level::Unknown {
        (DualVerdict::Unknown, DualFinding::UnknownOnOneSide)
    } else if la == Level::Full && lb == Level::Full {
        (DualVerdict::Satisfied, DualFinding::BothFull)
    } else {
        let conduct: Vec<&LocalId> = data
            .category(&a.category)
            .map(|c| {
                c.category
                    .elements
                    .iter()
                    .filter(|e| e.kind == ElementKind::Conduct)
                    .map(|e| &e.id)
                    .collect()
            })
            .unwrap_or_default();
        if conduct.is_empty() || conduct.iter().any(|e| common.contains(e)) {
            (DualVerdict::Conditional, DualFinding::SharedConduct)
        } else {
            (DualVerdict::NotSatisfied, DualFinding::NoSharedConduct)
        }
    };
    DualCategory {
        category: a.category.clone(),
        verdict,
        finding,
        first: la,
        second: lb,
        lacking,
        common_elements: common,
        sides: [a.clone(), b.clone()],
    }
}

impl Checker<'_> {
    /// Dual criminality between `a` and `b` over the Convention's offence categories, or only
    /// the listed ones (of any taxonomy, read as [`Checker::coverage_all`] reads them).
    /// Symmetric: the pair is put in code order first. A State paired with itself is refused.
    ///
    /// ```
    /// use cybercrime_taxonomy::{Dataset, JurisdictionCode, check::Checker};
    /// let data = Dataset::embedded();
    /// let (sg, my): (JurisdictionCode, JurisdictionCode) = ("SG".parse().unwrap(), "MY".parse().unwrap());
    /// let check = Checker::new(data);
    /// assert_eq!(check.dual_criminality(sg, my, &[]).unwrap(), check.dual_criminality(my, sg, &[]).unwrap());
    /// assert!(check.dual_criminality(sg, sg, &[]).is_err());
    /// ```
    pub fn dual_criminality(
        &self,
        a: JurisdictionCode,
        b: JurisdictionCode,
        categories: &[CategoryId],
    ) -> Result<DualReport, Error> {
        if a == b {
            return Err(Error::SamePair(a));
        }
        let data = self.data();
        let (a, b) = (self.jurisdiction(a)?, self.jurisdiction(b)?);
        let (a, b) = if a.code <= b.code { (a, b) } else { (b, a) };
        for c in categories {
            if data.category(c).is_none() {
                return Err(Error::UnknownId {
                    kind: "category",
                    id: c.to_string(),
                });
            }
        }
        let mut rows = Vec::new();
        let taxonomies: BTreeSet<&str> = if categories.is_empty() {
            [crate::CONVENTION].into_iter().collect()
        } else {
            categories.iter().map(CategoryId::prefix).collect()
        };
        for taxonomy in taxonomies {
            let Ok(tid) = taxonomy.parse::<TaxonomyId>() else {
                continue;
            };
            let ca = self.coverage_all(a, &tid);
            let cb = self.coverage_all(b, &tid);
            for (x, y) in ca.iter().zip(&cb) {
                if categories.is_empty() || categories.contains(&x.category) {
                    rows.push(compare(data, x, y));
                }
            }
        }
        let mut counts = DualCounts::default();
        for r in &rows {
            *match r.verdict {
                DualVerdict::Satisfied => &mut counts.satisfied,
                DualVerdict::Conditional => &mut counts.conditional,
                DualVerdict::Unknown => &mut counts.unknown,
                DualVerdict::NotSatisfied => &mut counts.not_satisfied,
            } += 1;
        }
        let overall = rows
            .iter()
            .map(|r| r.verdict)
            .min()
            .unwrap_or(DualVerdict::Unknown);
        Ok(DualReport {
            origin: data.origin().clone(),
            options: *self.options(),
            first: a.code,
            second: b.code,
            treaty_basis: treaty_basis(data, a, b),
            categories: rows,
            counts,
            overall,
        })
    }
}
