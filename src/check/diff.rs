//! Verdict-level differences between two states of the law: one dataset on two dates, two
//! datasets (the shipped data against a user's files or SSSOM set), or two data versions.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::coverage::{Coverage, Level, Reason};
use super::{Checker, Options};
use crate::{
    CategoryId, Dataset, GapVerdict, JurisdictionCode, Origin, ProvisionId, TaxonomyId,
    TreatyStatus,
};

/// One side of a comparison: which data, read how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Side {
    /// Where the data came from.
    pub origin: Origin,
    /// The options it was read with (its as-of date).
    pub options: Options,
}

/// Why a provision counts on one side and not on the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Why {
    /// The provision is not in the other side's data at all.
    NotInData,
    /// It is in the data but not in force there (repealed, replaced, not yet in force); with
    /// the provisions that replaced it, if the data links them.
    NotInForce {
        /// What replaced it.
        replaced_by: Vec<ProvisionId>,
    },
    /// Its mapping onto the category is missing there, or does not count (below the
    /// confidence floor, or only related).
    NotCounted,
}

/// What changed behind a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cause", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Cause {
    /// A provision counts after, not before.
    ProvisionEntered {
        /// The provision.
        provision: ProvisionId,
        /// Why it did not count before.
        before: Why,
    },
    /// A provision counted before, not after.
    ProvisionLeft {
        /// The provision.
        provision: ProvisionId,
        /// Why it does not count after.
        after: Why,
    },
    /// The same provisions count, but what they cover or the conditions they add changed.
    MappingChanged {
        /// The provisions whose mappings differ.
        provisions: Vec<ProvisionId>,
    },
    /// The gap record (researched gap or not researched) changed.
    GapRecordChanged {
        /// Before.
        before: Option<GapVerdict>,
        /// After.
        after: Option<GapVerdict>,
    },
}

/// One (jurisdiction, category) whose verdict differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Change {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionCode,
    /// The category.
    pub category: CategoryId,
    /// The level before (`None` when the jurisdiction is only on the other side).
    pub before: Option<Level>,
    /// The level after.
    pub after: Option<Level>,
    /// The provisions behind the verdict before.
    pub provisions_before: Vec<ProvisionId>,
    /// The provisions behind the verdict after.
    pub provisions_after: Vec<ProvisionId>,
    /// Why.
    pub causes: Vec<Cause>,
}

/// A change of a State's status towards a treaty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TreatyChange {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionCode,
    /// The treaty.
    pub treaty: TaxonomyId,
    /// Before.
    pub before: TreatyStatus,
    /// After.
    pub after: TreatyStatus,
}

/// The differences between two states of the law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diff {
    /// The earlier (or reference) side.
    pub from: Side,
    /// The later (or compared) side.
    pub to: Side,
    /// The taxonomy the verdicts are read against.
    pub taxonomy: TaxonomyId,
    /// Verdicts that differ, by jurisdiction then category.
    pub changes: Vec<Change>,
    /// Treaty statuses that differ.
    pub treaties: Vec<TreatyChange>,
}

impl Diff {
    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.treaties.is_empty()
    }
}

/// Why `provision` does not count towards `category` on the side read by `check`.
fn why(check: &Checker<'_>, provision: &ProvisionId, coverage: Option<&Coverage>) -> Why {
    let Some(p) = check.data().provision(provision) else {
        return Why::NotInData;
    };
    let not_in_force = coverage.is_some_and(|c| {
        c.reasons.iter().any(|r| {
            matches!(r, Reason::NotInForce { provision: cited, .. } if &cited.provision == provision)
        })
    });
    if not_in_force {
        Why::NotInForce {
            replaced_by: p.provision.replaced_by.clone(),
        }
    } else {
        Why::NotCounted
    }
}

fn provisions(c: Option<&Coverage>) -> BTreeSet<&ProvisionId> {
    c.map(|c| c.verdict.provisions().iter().collect())
        .unwrap_or_default()
}

/// The causes behind the difference between two coverages of one category.
fn causes(
    from: &Checker<'_>,
    to: &Checker<'_>,
    a: Option<&Coverage>,
    b: Option<&Coverage>,
    jurisdiction: JurisdictionCode,
) -> Vec<Cause> {
    let (pa, pb) = (provisions(a), provisions(b));
    let mut out = Vec::new();
    for p in pb.difference(&pa) {
        out.push(Cause::ProvisionEntered {
            provision: (*p).clone(),
            before: why(from, p, a),
        });
    }
    for p in pa.difference(&pb) {
        out.push(Cause::ProvisionLeft {
            provision: (*p).clone(),
            after: why(to, p, b),
        });
    }
    if let (Some(a), Some(b)) = (a, b) {
        let same_elements = a.covered() == b.covered()
            && a.verdict.missing() == b.verdict.missing()
            && a.verdict.extra_conditions() == b.verdict.extra_conditions()
            && a.verdict.qualifications() == b.verdict.qualifications();
        if out.is_empty() && !same_elements {
            out.push(Cause::MappingChanged {
                provisions: pa.intersection(&pb).map(|p| (*p).clone()).collect(),
            });
        }
    }
    let gap = |check: &Checker<'_>, c: Option<&Coverage>| {
        let category = &c?.category;
        check
            .data()
            .jurisdiction(jurisdiction)?
            .gap(category)
            .map(|g| g.verdict)
    };
    let (ga, gb) = (gap(from, a), gap(to, b));
    if ga != gb {
        out.push(Cause::GapRecordChanged {
            before: ga,
            after: gb,
        });
    }
    out
}

fn treaty_changes(from: &Dataset, to: &Dataset) -> Vec<TreatyChange> {
    let codes: BTreeSet<JurisdictionCode> = from
        .jurisdictions()
        .chain(to.jurisdictions())
        .map(|j| j.code)
        .collect();
    let mut out = Vec::new();
    for code in codes {
        let (a, b) = (from.jurisdiction(code), to.jurisdiction(code));
        let treaties: BTreeSet<&TaxonomyId> = a
            .into_iter()
            .chain(b)
            .flat_map(|j| j.treaties.iter().map(|t| &t.treaty))
            .collect();
        for treaty in treaties {
            let status = |j: Option<&crate::Jurisdiction>| {
                j.and_then(|j| j.treaty(treaty))
                    .map_or(TreatyStatus::Unknown, |t| t.status)
            };
            let (before, after) = (status(a), status(b));
            if before != after {
                out.push(TreatyChange {
                    jurisdiction: code,
                    treaty: treaty.clone(),
                    before,
                    after,
                });
            }
        }
    }
    out
}

impl Checker<'_> {
    /// The offence categories' coverage and, for a Convention, the procedural powers' after
    /// them: everything a diff compares.
    fn offences_and_powers(&self, j: &crate::Jurisdiction, taxonomy: &TaxonomyId) -> Vec<Coverage> {
        let mut rows = self.coverage_all(j, taxonomy);
        if taxonomy.is_convention() {
            if let Some(t) = self.data().taxonomy(taxonomy) {
                rows.extend(t.powers().filter_map(|(id, _)| self.coverage(j, &id)));
            }
        }
        rows
    }

    /// The verdict-level differences from this side to `to`: the same dataset read on another
    /// date, or another dataset (a user's files, an SSSOM set, another data version). For a
    /// Convention taxonomy the procedural powers are compared too.
    /// Jurisdictions are limited to `jurisdictions` when it is not empty.
    ///
    /// ```
    /// use cybercrime_taxonomy::{Dataset, check::{Checker, Options}};
    /// let data = Dataset::embedded();
    /// let before = Checker::with_options(data, Options::default().with_as_of("2025-12-31".parse().unwrap()));
    /// let after = Checker::with_options(data, Options::default().with_as_of("2026-01-02".parse().unwrap()));
    /// let diff = before.diff(&after, &"un2024".parse().unwrap(), &["ID".parse().unwrap()]);
    /// assert!(diff.changes.iter().any(|c| c.category.as_str() == "un2024:art7"));
    /// assert!(before.diff(&before, &"un2024".parse().unwrap(), &[]).is_empty());
    /// ```
    pub fn diff(
        &self,
        to: &Checker<'_>,
        taxonomy: &TaxonomyId,
        jurisdictions: &[JurisdictionCode],
    ) -> Diff {
        let codes: BTreeSet<JurisdictionCode> = self
            .data()
            .jurisdictions()
            .chain(to.data().jurisdictions())
            .map(|j| j.code)
            .filter(|c| jurisdictions.is_empty() || jurisdictions.contains(c))
            .collect();
        let mut changes = Vec::new();
        for code in codes {
            let rows = |check: &Checker<'_>| {
                check
                    .data()
                    .jurisdiction(code)
                    .map(|j| check.offences_and_powers(j, taxonomy))
                    .unwrap_or_default()
            };
            let (ra, rb) = (rows(self), rows(to));
            // In taxonomy order: the rows come out of `coverage_all` in that order.
            let mut categories: Vec<&CategoryId> = Vec::new();
            for c in ra.iter().chain(&rb) {
                if !categories.contains(&&c.category) {
                    categories.push(&c.category);
                }
            }
            for category in categories {
                let a = ra.iter().find(|c| &c.category == category);
                let b = rb.iter().find(|c| &c.category == category);
                let causes = causes(self, to, a, b, code);
                let (la, lb) = (a.map(|c| c.verdict.level()), b.map(|c| c.verdict.level()));
                if la == lb && causes.is_empty() {
                    continue;
                }
                changes.push(Change {
                    jurisdiction: code,
                    category: category.clone(),
                    before: la,
                    after: lb,
                    provisions_before: provisions(a).into_iter().cloned().collect(),
                    provisions_after: provisions(b).into_iter().cloned().collect(),
                    causes,
                });
            }
        }
        let mut treaties = treaty_changes(self.data(), to.data());
        treaties.retain(|t| jurisdictions.is_empty() || jurisdictions.contains(&t.jurisdiction));
        Diff {
            from: Side {
                origin: self.data().origin().clone(),
                options: *self.options(),
            },
            to: Side {
                origin: to.data().origin().clone(),
                options: *to.options(),
            },
            taxonomy: taxonomy.clone(),
            changes,
            treaties,
        }
    }
}
