//! The checker: pure functions over a [`Dataset`] that produce plain, serialisable findings.
//!
//! A [`Checker`] borrows a dataset and holds the [`Options`] of a check (the confidence
//! floor, ...), which are not part of the data. Its methods give:
//!
//! - [`Checker::coverage`] / [`Checker::coverage_all`]: per (jurisdiction, category) verdicts with
//!   typed [`Reason`]s, read directly against the Convention or carried over the alignments for
//!   Budapest and the drafts ([`Checker::cross_coverage`] shows the derivation);
//! - [`overlaps`] and [`over_breadth`];
//! - [`Checker::dual_criminality`] between two States;
//! - [`baseline`] over a set of States;
//! - [`Checker::crosswalk`] of statistics to categories and ICCS codes;
//! - [`Checker::report`]: all of the per-State findings and the baseline in one [`Report`];
//! - [`Checker::data_status`]: what the data holds per State (the README's status table).
//!
//! ```
//! use cybercrime_taxonomy::{Dataset, check::{Checker, Scope}};
//! let data = Dataset::embedded();
//! let r = Checker::new(data).report(&Scope::default()).unwrap();
//! assert_eq!(r.states.len(), 11);
//! assert_eq!(r.categories.len(), 11); // Articles 7-17
//! ```

mod baseline;
mod brief;
mod citation;
mod cooperation;
mod coverage;
mod crosswalk;
mod derived;
mod diff;
mod dual;
mod overlap;
mod status;

pub use baseline::{Baseline, BaselineCategory, ReformNeed, baseline};
pub use brief::{Brief, BriefArticle, PeerProvision};
pub use citation::Citation;
pub use cooperation::{
    CooperationCategory, CooperationReport, DualNeed, LegalBasis, MAX_PAIRWISE, MaxPenalty,
    PairReadiness, PenaltySide, PowerAvailability, PowerProvision, Standing,
};
pub use coverage::{Cited, Coverage, Level, Narrowing, Reason, UnknownCause, Verdict};
pub use crosswalk::{CategoryTotal, Crosswalk, IccsTotal, OneToMany};
pub use derived::{CrossCoverage, Via};
pub use diff::{Cause, Change, Diff, Side, TreatyChange, Why};
pub use dual::{
    DualCategory, DualCounts, DualFinding, DualReport, DualVerdict, TreatyBasis, compare,
    treaty_basis,
};
pub use overlap::{OverBreadth, Overlap, over_breadth, overlaps};
pub use status::{ByConfidence, DataStatus, StateStatus, TreatyCell};

use serde::{Deserialize, Serialize};

use crate::{
    CategoryClass, CategoryId, Confidence, Dataset, Error, Jurisdiction, JurisdictionCode, Origin,
    TaxonomyId, TreatyStatus,
};

/// The options of a check: how the data is read, apart from the data itself.
///
/// ```
/// use cybercrime_taxonomy::{Confidence, check::Options};
/// let strict = Options::default().with_min_confidence(Confidence::High);
/// assert_eq!(strict.min_confidence, Some(Confidence::High));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Options {
    /// Count only provisions and mappings of at least this confidence (the lower of the
    /// provision's and the mapping's); those below it are named in the reasons as not counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_confidence: Option<Confidence>,
    /// Read the law in force on this date (provisions by their `in_force` and `until`), instead
    /// of the law as the data records it today (by `status`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<crate::Date>,
    /// Count provisions that are not yet in force (bills, enacted law awaiting commencement)
    /// as coverage too; each verdict that rests on one says so ([`Reason::Pending`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub include_pending: bool,
}

impl Options {
    /// The same options, reading the law in force on `date`.
    pub fn with_as_of(mut self, date: crate::Date) -> Self {
        self.as_of = Some(date);
        self
    }

    /// The same options, counting law not yet in force as well.
    pub fn with_pending(mut self) -> Self {
        self.include_pending = true;
        self
    }

    /// The same options with a confidence floor.
    pub fn with_min_confidence(mut self, min: Confidence) -> Self {
        self.min_confidence = Some(min);
        self
    }
}

/// A dataset read with a set of [`Options`]: the entry point of every check.
#[derive(Debug, Clone, Copy)]
pub struct Checker<'a> {
    data: &'a Dataset,
    options: Options,
}

impl<'a> Checker<'a> {
    /// A checker with the default options.
    pub fn new(data: &'a Dataset) -> Self {
        Self {
            data,
            options: Options::default(),
        }
    }
    /// A checker with the given options.
    pub fn with_options(data: &'a Dataset, options: Options) -> Self {
        Self { data, options }
    }
    /// The dataset.
    pub fn data(&self) -> &'a Dataset {
        self.data
    }
    /// The options.
    pub fn options(&self) -> &Options {
        &self.options
    }
    /// The jurisdiction with this code, or an error naming it.
    pub fn jurisdiction(&self, code: JurisdictionCode) -> Result<&'a Jurisdiction, Error> {
        self.data
            .jurisdiction(code)
            .ok_or_else(|| Error::UnknownId {
                kind: "jurisdiction",
                id: code.to_string(),
            })
    }
    fn taxonomy(&self, id: &TaxonomyId) -> Result<&'a crate::Taxonomy, Error> {
        self.data.taxonomy(id).ok_or_else(|| Error::UnknownId {
            kind: "taxonomy",
            id: id.to_string(),
        })
    }
}

/// What a [`Checker::report`] covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// The States to include, in this order; empty means every jurisdiction in the dataset.
    /// A State named twice is included once.
    pub jurisdictions: Vec<JurisdictionCode>,
    /// The taxonomy to read coverage against (default `un2024`).
    pub taxonomy: TaxonomyId,
}

impl Default for Scope {
    fn default() -> Self {
        Self {
            jurisdictions: Vec::new(),
            taxonomy: TaxonomyId::convention(),
        }
    }
}

/// A column of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryHeading {
    /// The category.
    pub id: CategoryId,
    /// Article number, if the category has one (the draft-era proposals have none).
    pub article: Option<String>,
    /// Title.
    pub title: String,
    /// Class.
    pub class: CategoryClass,
}

impl CategoryHeading {
    /// A short column label: `Art 7`, or the local id when the category has no article number
    /// (the draft-era offences).
    pub fn label(&self) -> String {
        match &self.article {
            Some(article) => format!("Art {article}"),
            None => self.id.local().to_owned(),
        }
    }
}

/// A State's treaty status, for the report's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreatyLine {
    /// The treaty.
    pub treaty: TaxonomyId,
    /// The status.
    pub status: TreatyStatus,
}

/// A row of the report: one State's findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// One coverage per procedural power ([`Report::powers`]), in column order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub powers: Vec<Coverage>,
    /// Overlaps.
    pub overlaps: Vec<Overlap>,
    /// Over-breadth findings.
    pub over_breadth: Vec<OverBreadth>,
    /// Every provision the findings above name, cited once each (statute, section, where to
    /// read it, confidence), in the order the findings first name them.
    #[serde(default)]
    pub sources: Vec<Citation>,
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

/// The compatibility report: plain data, rendered by [`crate::render`], and read back from its
/// JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Where the data came from.
    pub origin: Origin,
    /// The options of the check.
    pub options: Options,
    /// The taxonomy coverage is read against.
    pub taxonomy: TaxonomyId,
    /// Its short title.
    pub taxonomy_title: String,
    /// The columns.
    pub categories: Vec<CategoryHeading>,
    /// The procedural powers of the taxonomy (UN Arts 24-30), a second matrix; empty for a
    /// taxonomy read through alignments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub powers: Vec<CategoryHeading>,
    /// The rows.
    pub states: Vec<StateFindings>,
    /// The regional baseline over the rows.
    pub baseline: Baseline,
    /// Set when the check reads the law on a date after the data was researched: later
    /// changes are not in the data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub beyond_research: bool,
}

impl Checker<'_> {
    /// Whether the options' as-of date is certainly after the shipped data's research date.
    pub fn beyond_research(&self) -> bool {
        match (self.options.as_of, &self.data.origin().shipped) {
            (Some(date), Some(shipped)) => date.certainly_after(&shipped.as_of),
            _ => false,
        }
    }

    /// Builds the report: coverage of every non-ancillary category of the chosen taxonomy by
    /// every chosen State, with overlaps, over-breadth and the baseline.
    pub fn report(&self, scope: &Scope) -> Result<Report, Error> {
        let taxonomy = self.taxonomy(&scope.taxonomy)?;
        let states: Vec<&Jurisdiction> = if scope.jurisdictions.is_empty() {
            self.data.jurisdictions().collect()
        } else {
            let mut seen = Vec::with_capacity(scope.jurisdictions.len());
            for &code in &scope.jurisdictions {
                if !seen.contains(&code) {
                    seen.push(code);
                }
            }
            seen.into_iter()
                .map(|code| self.jurisdiction(code))
                .collect::<Result<_, _>>()?
        };
        let heading = |(id, c): (CategoryId, &crate::Category)| CategoryHeading {
            id,
            article: c.article.clone(),
            title: c.title.clone(),
            class: c.class,
        };
        // Procedural powers are read directly, for the Convention only: national procedural
        // provisions are mapped onto its categories.
        let powers: Vec<CategoryHeading> = if taxonomy.id.is_convention() {
            taxonomy.powers().map(heading).collect()
        } else {
            Vec::new()
        };
        let rows: Vec<StateFindings> = states
            .iter()
            .map(|j| {
                let coverage = self.coverage_all(j, &taxonomy.id);
                let powers: Vec<Coverage> = powers
                    .iter()
                    .filter_map(|h| self.coverage(j, &h.id))
                    .collect();
                let over_breadth = over_breadth(j, taxonomy.id.as_str());
                let sources = citation::citations(j, coverage.iter().chain(&powers), &over_breadth);
                StateFindings {
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
                    coverage,
                    powers,
                    overlaps: overlaps(j, taxonomy.id.as_str()),
                    over_breadth,
                    sources,
                }
            })
            .collect();
        // Borrowed: a copy of every State's coverage was a fifth of a large report's memory.
        let per_state: Vec<&[Coverage]> = rows.iter().map(|r| r.coverage.as_slice()).collect();
        let mut baseline = baseline(&per_state);
        if taxonomy.id.is_convention() && states.len() <= MAX_PAIRWISE {
            baseline.pairs = self.pair_readiness(&states);
        }
        Ok(Report {
            origin: self.data.origin().clone(),
            options: self.options,
            taxonomy: taxonomy.id.clone(),
            taxonomy_title: taxonomy.short_title.clone(),
            categories: taxonomy.offences().map(heading).collect(),
            powers,
            states: rows,
            baseline,
            beyond_research: self.beyond_research(),
        })
    }
}
