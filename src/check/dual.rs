//! Dual criminality between two jurisdictions: is the conduct criminal in both?
//!
//! The verdict is symmetric: the pair is put in code order before anything is computed, so
//! `dual(A, B)` and `dual(B, A)` give the same report.

use std::collections::BTreeSet;

use serde::Serialize;

use super::coverage::{Coverage, Level, Verdict, coverage_all};
use crate::{
    CategoryId, Dataset, ElementKind, Error, Jurisdiction, JurisdictionCode, LocalId, TaxonomyId,
    TreatyStatus,
};

/// The dual-criminality verdict for one category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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

/// One category's dual-criminality finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DualCategory {
    /// The category.
    pub category: CategoryId,
    /// The verdict.
    pub verdict: DualVerdict,
    /// The first State's coverage level.
    pub first: Level,
    /// The second State's coverage level.
    pub second: Level,
    /// The sides that lack the offence (researched gap or not researched).
    pub lacking: Vec<JurisdictionCode>,
    /// Elements covered on both sides.
    pub common_elements: Vec<LocalId>,
    /// Why.
    pub reasons: Vec<String>,
}

/// Where two States stand towards one treaty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DualReport {
    /// The State first in code order.
    pub first: JurisdictionCode,
    /// The other State.
    pub second: JurisdictionCode,
    /// The treaties as a possible basis for cooperation.
    pub treaty_basis: Vec<TreatyBasis>,
    /// Per category.
    pub categories: Vec<DualCategory>,
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

fn side_reasons(c: &Coverage, out: &mut Vec<String>) {
    let code = c.jurisdiction;
    match &c.verdict {
        Verdict::Full { provisions, .. } => {
            let ps: Vec<&str> = provisions.iter().map(|p| p.as_str()).collect();
            out.push(format!("{code}: fully covered by {}", ps.join(", ")));
        }
        Verdict::Partial {
            provisions,
            missing,
            extra_conditions,
            ..
        } => {
            let ps: Vec<&str> = provisions.iter().map(|p| p.as_str()).collect();
            out.push(format!("{code}: partly covered by {}", ps.join(", ")));
            if !missing.is_empty() {
                let m: Vec<&str> = missing.iter().map(LocalId::as_str).collect();
                out.push(format!("{code}: does not cover {}", m.join(", ")));
            }
            for x in extra_conditions {
                out.push(format!("{code}: requires {} ({})", x.id, x.description));
            }
        }
        Verdict::Gap { checked } => out.push(format!("{code}: no such offence ({checked})")),
        Verdict::Unknown { note } => out.push(format!("{code}: not researched ({note})")),
    }
}

/// Compares two coverages of the same category.
pub fn compare(data: &Dataset, a: &Coverage, b: &Coverage) -> DualCategory {
    let (a, b) = if a.jurisdiction <= b.jurisdiction {
        (a, b)
    } else {
        (b, a)
    };
    let mut reasons = Vec::new();
    side_reasons(a, &mut reasons);
    side_reasons(b, &mut reasons);
    let (la, lb) = (a.verdict.level(), b.verdict.level());
    let lacking: Vec<JurisdictionCode> = [a, b]
        .iter()
        .filter(|c| !c.verdict.level().is_covered())
        .map(|c| c.jurisdiction)
        .collect();
    let ca: BTreeSet<&LocalId> = a.covered.iter().collect();
    let common: Vec<LocalId> = b
        .covered
        .iter()
        .filter(|e| ca.contains(e))
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let verdict = if la == Level::Gap || lb == Level::Gap {
        DualVerdict::NotSatisfied
    } else if la == Level::Unknown || lb == Level::Unknown {
        DualVerdict::Unknown
    } else if la == Level::Full && lb == Level::Full {
        DualVerdict::Satisfied
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
        let shared_conduct = conduct.is_empty() || conduct.iter().any(|e| common.contains(e));
        if shared_conduct {
            reasons.push(
                "the conduct is criminal in both, but only where the differences above do not matter in the case"
                    .to_owned(),
            );
            DualVerdict::Conditional
        } else {
            reasons.push("no conduct limb of the category is criminal in both".to_owned());
            DualVerdict::NotSatisfied
        }
    };
    DualCategory {
        category: a.category.clone(),
        verdict,
        first: la,
        second: lb,
        lacking,
        common_elements: common,
        reasons,
    }
}

/// Dual criminality between `a` and `b` over the Convention's offence categories, or only the
/// listed ones.
///
/// ```
/// use cybercrime_taxonomy::{Dataset, check::dual_criminality};
/// let data = Dataset::embedded();
/// let one = dual_criminality(data, "SG", "MY", &[]).unwrap();
/// let other = dual_criminality(data, "MY", "SG", &[]).unwrap();
/// assert_eq!(one, other);
/// ```
pub fn dual_criminality(
    data: &Dataset,
    a: &str,
    b: &str,
    categories: &[CategoryId],
) -> Result<DualReport, Error> {
    let find = |code: &str| {
        data.jurisdiction_str(code).ok_or_else(|| Error::UnknownId {
            kind: "jurisdiction",
            id: code.to_owned(),
        })
    };
    let (a, b) = (find(a)?, find(b)?);
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
        let ca = coverage_all(data, a, &tid);
        let cb = coverage_all(data, b, &tid);
        for (x, y) in ca.iter().zip(&cb) {
            if categories.is_empty() || categories.contains(&x.category) {
                rows.push(compare(data, x, y));
            }
        }
    }
    let overall = rows
        .iter()
        .map(|r| r.verdict)
        .min()
        .unwrap_or(DualVerdict::Unknown);
    Ok(DualReport {
        first: a.code,
        second: b.code,
        treaty_basis: treaty_basis(data, a, b),
        categories: rows,
        overall,
    })
}
