//! The checker: pure functions over a [`Dataset`] that produce plain, serialisable findings.
//!
//! - [`coverage`] / [`coverage_all`]: per (jurisdiction, category) verdicts with reasons;
//! - [`cross_coverage`]: the same read against Budapest or the drafts through the alignments;
//! - [`overlaps`] and [`over_breadth`];
//! - [`dual_criminality`] between two States;
//! - [`baseline`] over a set of States;
//! - [`crosswalk`] of statistics to categories and ICCS codes;
//! - [`report`]: all of the per-State findings and the baseline in one [`Report`].
//!
//! ```
//! use cybercrime_taxonomy::{Dataset, check::{report, ReportOptions}};
//! let data = Dataset::embedded();
//! let r = report(data, &ReportOptions::default()).unwrap();
//! assert_eq!(r.states.len(), 11);
//! assert_eq!(r.categories.len(), 11); // Articles 7-17
//! ```

mod baseline;
mod coverage;
mod crosswalk;
mod derived;
mod dual;
mod overlap;

pub use baseline::{Baseline, BaselineCategory, baseline};
pub use coverage::{Coverage, Level, Narrowing, Verdict, coverage, coverage_all};
pub use crosswalk::{
    CategoryTotal, Count, Crosswalk, IccsTotal, OneToMany, crosswalk, read_counts,
};
pub use derived::{CrossCoverage, Via, cross_coverage};
pub use dual::{
    DualCategory, DualReport, DualVerdict, TreatyBasis, compare, dual_criminality, treaty_basis,
};
pub use overlap::{OverBreadth, Overlap, over_breadth, overlaps};

use serde::Serialize;

use crate::{
    CategoryClass, CategoryId, Dataset, Error, JurisdictionCode, TaxonomyId, TreatyStatus,
};

/// What a [`report`] covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// The States to include; empty means every jurisdiction in the dataset.
    pub jurisdictions: Vec<String>,
    /// The taxonomy to read coverage against (default `un2024`).
    pub taxonomy: String,
}

impl Default for ReportOptions {
    fn default() -> Self {
        Self {
            jurisdictions: Vec::new(),
            taxonomy: crate::CONVENTION.to_owned(),
        }
    }
}

/// A column of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryHeading {
    /// The category.
    pub id: CategoryId,
    /// Article number.
    pub article: String,
    /// Title.
    pub title: String,
    /// Class.
    pub class: CategoryClass,
}

impl CategoryHeading {
    /// A short column label: `Art 7`, or the local id when the category has no article number
    /// (the draft-era offences).
    pub fn label(&self) -> String {
        if self.article.trim().is_empty() {
            self.id.local().to_owned()
        } else {
            format!("Art {}", self.article)
        }
    }
}

/// A State's treaty status, for the report's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreatyLine {
    /// The treaty.
    pub treaty: TaxonomyId,
    /// The status.
    pub status: TreatyStatus,
}

/// A row of the report: one State's findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StateFindings {
    /// The State.
    pub jurisdiction: JurisdictionCode,
    /// Its name.
    pub name: String,
    /// When its data was researched.
    pub as_of: String,
    /// Its treaty status.
    pub treaties: Vec<TreatyLine>,
    /// One coverage per report column, in column order.
    pub coverage: Vec<Coverage>,
    /// Overlaps.
    pub overlaps: Vec<Overlap>,
    /// Over-breadth findings.
    pub over_breadth: Vec<OverBreadth>,
}

impl StateFindings {
    /// The treaty statuses as one line, e.g. `un2024 signatory, budapest2001 unknown`.
    pub fn treaty_summary(&self) -> String {
        if self.treaties.is_empty() {
            return "none recorded".to_owned();
        }
        self.treaties
            .iter()
            .map(|t| format!("{} {}", t.treaty, t.status.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The compatibility report: plain data, rendered by [`crate::render`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The crate's data version.
    pub data_version: String,
    /// The data's as-of date.
    pub data_as_of: String,
    /// The minimum confidence counted, if the dataset sets one
    /// ([`Dataset::with_min_confidence`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_confidence: Option<crate::Confidence>,
    /// The taxonomy coverage is read against.
    pub taxonomy: TaxonomyId,
    /// Its short title.
    pub taxonomy_title: String,
    /// The columns.
    pub categories: Vec<CategoryHeading>,
    /// The rows.
    pub states: Vec<StateFindings>,
    /// The regional baseline over the rows.
    pub baseline: Baseline,
}

/// Builds the report: coverage of every non-ancillary category of the chosen taxonomy by every
/// chosen State, with overlaps, over-breadth and the baseline.
pub fn report(data: &Dataset, options: &ReportOptions) -> Result<Report, Error> {
    let taxonomy = data
        .taxonomy_str(&options.taxonomy)
        .ok_or_else(|| Error::UnknownId {
            kind: "taxonomy",
            id: options.taxonomy.clone(),
        })?;
    let states: Vec<&crate::Jurisdiction> = if options.jurisdictions.is_empty() {
        data.jurisdictions().collect()
    } else {
        options
            .jurisdictions
            .iter()
            .map(|code| {
                data.jurisdiction_str(code).ok_or_else(|| Error::UnknownId {
                    kind: "jurisdiction",
                    id: code.clone(),
                })
            })
            .collect::<Result<_, _>>()?
    };
    let is_convention = taxonomy.id.as_str() == crate::CONVENTION;
    let rows: Vec<StateFindings> = states
        .iter()
        .map(|j| StateFindings {
            jurisdiction: j.code,
            name: j.name.clone(),
            as_of: j.as_of.to_string(),
            treaties: j
                .treaties
                .iter()
                .map(|t| TreatyLine {
                    treaty: t.treaty.clone(),
                    status: t.status,
                })
                .collect(),
            coverage: if is_convention {
                coverage_all(data, j, &taxonomy.id)
            } else {
                cross_coverage(data, j, &taxonomy.id)
                    .into_iter()
                    .map(|c| c.coverage)
                    .collect()
            },
            overlaps: overlaps(j, taxonomy.id.as_str()),
            over_breadth: over_breadth(j, taxonomy.id.as_str()),
        })
        .collect();
    let per_state: Vec<Vec<Coverage>> = rows.iter().map(|r| r.coverage.clone()).collect();
    Ok(Report {
        data_version: crate::DATA_VERSION.to_owned(),
        data_as_of: crate::DATA_AS_OF.to_owned(),
        min_confidence: data.min_confidence(),
        taxonomy: taxonomy.id.clone(),
        taxonomy_title: taxonomy.short_title.clone(),
        categories: taxonomy
            .offences()
            .map(|(id, c)| CategoryHeading {
                id,
                article: c.article.clone(),
                title: c.title.clone(),
                class: c.class,
            })
            .collect(),
        states: rows,
        baseline: baseline(&per_state),
    })
}
