//! Coverage: how far a jurisdiction criminalises a category, and why.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::{Checker, Options};
use crate::{
    Category, CategoryId, Confidence, ExtraCondition, GapVerdict, Jurisdiction, JurisdictionCode,
    LegalStatus, LocalId, Mapping, Provision, ProvisionId, QualificationKind, Relation, TaxonomyId,
};

/// A condition the Convention does not permit, with the provision that adds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Narrowing {
    /// The provision that adds it.
    pub provision: ProvisionId,
    /// The condition's slug, e.g. `damage-threshold`.
    pub id: LocalId,
    /// What it is.
    pub description: String,
}

/// Why a verdict cannot be given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cause", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum UnknownCause {
    /// The data records the category as not researched.
    NotResearched {
        /// What was tried, from the gap record.
        checked: String,
    },
    /// No provision maps onto it and there is no gap record.
    NoVerdict,
    /// Only provisions below the confidence floor map onto it.
    BelowConfidence,
    /// Read against another taxonomy: no Convention verdict can be carried over.
    NotDerivable,
}

/// The verdict for one (jurisdiction, category), with what it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    /// Every element is covered (or lawfully reserved) by provisions that use only permitted
    /// qualifications.
    Full {
        /// The provisions that cover it.
        provisions: Vec<ProvisionId>,
        /// Permitted qualifications and reservations the provisions invoke.
        qualifications: Vec<LocalId>,
        /// The elements the provisions cover, together.
        covered: Vec<LocalId>,
        /// How well the verdict is sourced: the best, over the provisions behind it, of the
        /// lower of the provision's and the mapping's confidence.
        confidence: Confidence,
    },
    /// Some provision covers the category, but elements are missing or conditions narrow it.
    Partial {
        /// The provisions that cover part of it.
        provisions: Vec<ProvisionId>,
        /// Elements no provision covers (and no invoked reservation waives).
        missing: Vec<LocalId>,
        /// Conditions the Convention does not permit.
        extra_conditions: Vec<Narrowing>,
        /// Permitted qualifications and reservations the provisions invoke.
        qualifications: Vec<LocalId>,
        /// The elements the provisions cover, together.
        covered: Vec<LocalId>,
        /// How well the verdict is sourced (as for `Full`).
        confidence: Confidence,
    },
    /// Researched: no provision criminalises it.
    Gap {
        /// What was checked, from the gap record.
        checked: String,
    },
    /// No verdict can be given.
    Unknown {
        /// Why.
        #[serde(flatten)]
        cause: UnknownCause,
    },
}

/// The four verdict levels, ordered from worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Not researched.
    Unknown,
    /// Researched gap.
    Gap,
    /// Partly covered.
    Partial,
    /// Fully covered.
    Full,
}

impl Level {
    /// The kebab-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Unknown => "unknown",
            Self::Gap => "gap",
            Self::Partial => "partial",
            Self::Full => "full",
        }
    }
    /// Whether some provision criminalises (part of) the conduct.
    pub fn is_covered(&self) -> bool {
        matches!(self, Self::Full | Self::Partial)
    }
}

impl Verdict {
    /// The verdict's level.
    pub fn level(&self) -> Level {
        match self {
            Self::Full { .. } => Level::Full,
            Self::Partial { .. } => Level::Partial,
            Self::Gap { .. } => Level::Gap,
            Self::Unknown { .. } => Level::Unknown,
        }
    }
    /// The provisions behind a full or partial verdict.
    pub fn provisions(&self) -> &[ProvisionId] {
        match self {
            Self::Full { provisions, .. } | Self::Partial { provisions, .. } => provisions,
            _ => &[],
        }
    }
    /// The elements covered, for a full or partial verdict.
    pub fn covered(&self) -> &[LocalId] {
        match self {
            Self::Full { covered, .. } | Self::Partial { covered, .. } => covered,
            _ => &[],
        }
    }
    /// How well a full or partial verdict is sourced; `None` for gaps and unknowns.
    pub fn confidence(&self) -> Option<Confidence> {
        match self {
            Self::Full { confidence, .. } | Self::Partial { confidence, .. } => Some(*confidence),
            _ => None,
        }
    }
    /// The permitted qualifications and reservations a full or partial verdict relies on.
    pub fn qualifications(&self) -> &[LocalId] {
        match self {
            Self::Full { qualifications, .. } | Self::Partial { qualifications, .. } => {
                qualifications
            }
            _ => &[],
        }
    }
    /// The missing elements of a partial verdict.
    pub fn missing(&self) -> &[LocalId] {
        match self {
            Self::Partial { missing, .. } => missing,
            _ => &[],
        }
    }
    /// The impermissible conditions of a partial verdict.
    pub fn extra_conditions(&self) -> &[Narrowing] {
        match self {
            Self::Partial {
                extra_conditions, ..
            } => extra_conditions,
            _ => &[],
        }
    }
}

/// A provision as a reason names it: its id and its number as cited in the State.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cited {
    /// The provision.
    pub provision: ProvisionId,
    /// Its number as cited, e.g. `s 3`.
    pub number: String,
}

/// One step of the argument behind a verdict, with the ids it concerns. Renderers word it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Reason {
    /// The provision counts towards coverage through its mapping.
    Counts {
        /// The provision.
        #[serde(flatten)]
        provision: Cited,
        /// Read "provision RELATION category".
        relation: Relation,
    },
    /// The provision is not in force (repealed, struck down, not yet in force), today or on
    /// the check's as-of date.
    NotInForce {
        /// The provision.
        #[serde(flatten)]
        provision: Cited,
        /// Its recorded status.
        status: LegalStatus,
        /// The date the check reads the law on, if one was given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on: Option<crate::Date>,
    },
    /// The provision or its mapping is below the confidence floor of the check.
    BelowConfidence {
        /// The provision.
        #[serde(flatten)]
        provision: Cited,
        /// The lower of the provision's and the mapping's confidence.
        confidence: Confidence,
        /// The floor.
        floor: Confidence,
    },
    /// The provision is only related: it does not criminalise the conduct as such.
    OnlyRelated {
        /// The provision.
        #[serde(flatten)]
        provision: Cited,
        /// The relation (one that does not count as coverage).
        relation: Relation,
    },
    /// The provision counts only because the check includes law not yet in force.
    Pending {
        /// The provision.
        #[serde(flatten)]
        provision: Cited,
    },
    /// An element is not covered, as an invoked reservation permits.
    Reserved {
        /// The element.
        element: LocalId,
    },
    /// An element is not covered, as a condition written into the obligation permits (such
    /// as "subject to the basic concepts of its legal system"), which the State relies on.
    NotRequired {
        /// The element.
        element: LocalId,
        /// The conditional obligation relied on.
        qualification: LocalId,
    },
    /// Elements no provision covers.
    MissingElements {
        /// The elements.
        elements: Vec<LocalId>,
    },
    /// A provision adds a condition the Convention does not permit.
    ImpermissibleCondition {
        /// The condition and the provision.
        #[serde(flatten)]
        condition: Narrowing,
    },
    /// Narrowed provisions do not reduce the verdict: others cover every element without them.
    NarrowedNotNeeded,
    /// The data records a researched gap.
    ResearchedGap,
    /// The data records the category as not researched.
    NotResearched,
    /// No provision is mapped and there is no gap record.
    NoVerdict,
    /// A Convention category's level carried over an alignment.
    Derived {
        /// The Convention category.
        from: CategoryId,
        /// Its level.
        from_level: Level,
        /// Read "from RELATION target".
        relation: Relation,
        /// The level it gives.
        gives: Level,
    },
    /// An alignment that is not chained (close and related alignments never are).
    NotChained {
        /// The Convention category.
        from: CategoryId,
        /// Read "from RELATION target".
        relation: Relation,
    },
    /// Neither a direct mapping nor an alignment to the Convention.
    NoAlignment,
}

/// Coverage of one category by one jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Coverage {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionCode,
    /// The category.
    pub category: CategoryId,
    /// The verdict and what it rests on.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The argument, step by step.
    pub reasons: Vec<Reason>,
}

impl Coverage {
    /// Whether the verdict rests on a provision not yet in force (counted under
    /// [`Options::include_pending`](super::Options::include_pending)).
    pub fn rests_on_pending(&self) -> bool {
        self.reasons
            .iter()
            .any(|r| matches!(r, Reason::Pending { .. }))
    }
    /// The elements the provisions cover (empty unless full or partial).
    pub fn covered(&self) -> &[LocalId] {
        self.verdict.covered()
    }
    /// How well the verdict is sourced (`None` for gaps and unknowns).
    pub fn confidence(&self) -> Option<Confidence> {
        self.verdict.confidence()
    }
}

/// The mappings of one jurisdiction's provisions onto one category (whatever their status:
/// `assess` says why a repealed one does not count).
pub(crate) fn mappings_onto<'a>(
    jurisdiction: &'a Jurisdiction,
    category: &'a CategoryId,
) -> impl Iterator<Item = (&'a Provision, &'a Mapping)> + 'a {
    jurisdiction.provisions.iter().flat_map(move |p| {
        p.mappings
            .iter()
            .filter(move |m| &m.category == category)
            .map(move |m| (p, m))
    })
}

/// Why a provision's mapping does not count as coverage under `options`, or `None` when it
/// does. The one rule for "counts as coverage", used by every check.
pub(crate) fn excluded(options: &Options, p: &Provision, m: &Mapping) -> Option<Reason> {
    let cited = || Cited {
        provision: p.id.clone(),
        number: p.number.clone(),
    };
    let in_force = match options.as_of {
        Some(date) => p.in_force_on(date),
        None => p.status.is_effective(),
    };
    let pending = options.include_pending && p.status == LegalStatus::NotYetInForce;
    if !in_force && !pending {
        return Some(Reason::NotInForce {
            provision: cited(),
            status: p.status,
            on: options.as_of,
        });
    }
    let sourced = p.confidence.min(m.confidence);
    if let Some(floor) = options.min_confidence.filter(|min| sourced < *min) {
        return Some(Reason::BelowConfidence {
            provision: cited(),
            confidence: sourced,
            floor,
        });
    }
    if !m.relation.counts_as_coverage() {
        return Some(Reason::OnlyRelated {
            provision: cited(),
            relation: m.relation,
        });
    }
    None
}

/// Whether a provision's mapping counts as coverage under `options`.
pub(crate) fn counts(options: &Options, p: &Provision, m: &Mapping) -> bool {
    excluded(options, p, m).is_none()
}

/// What the counted mappings onto one category establish together.
#[derive(Default)]
struct Evidence<'a> {
    provisions: Vec<ProvisionId>,
    covered: BTreeSet<&'a LocalId>,
    /// Elements covered by mappings that add no impermissible condition.
    clean: BTreeSet<&'a LocalId>,
    qualifications: BTreeSet<&'a LocalId>,
    extra: BTreeSet<Narrowing>,
    confidence: Option<Confidence>,
    below_minimum: usize,
    reasons: Vec<Reason>,
}

impl<'a> Evidence<'a> {
    /// Reads the mappings: each one counts, or is named with why it does not.
    fn gather(
        options: &Options,
        mappings: impl IntoIterator<Item = (&'a Provision, &'a Mapping)>,
    ) -> Self {
        let mut e = Evidence::default();
        for (p, m) in mappings {
            if let Some(reason) = excluded(options, p, m) {
                if matches!(reason, Reason::BelowConfidence { .. }) {
                    e.below_minimum += 1;
                }
                e.reasons.push(reason);
                continue;
            }
            e.provisions.push(p.id.clone());
            e.confidence = e.confidence.max(Some(p.confidence.min(m.confidence)));
            e.covered.extend(m.covers.iter());
            if m.extra_conditions.is_empty() {
                e.clean.extend(m.covers.iter());
            }
            e.qualifications.extend(m.qualifications.iter());
            for ExtraCondition { id, description } in &m.extra_conditions {
                e.extra.insert(Narrowing {
                    provision: p.id.clone(),
                    id: id.clone(),
                    description: description.clone(),
                });
            }
            e.reasons.push(Reason::Counts {
                provision: Cited {
                    provision: p.id.clone(),
                    number: p.number.clone(),
                },
                relation: m.relation,
            });
            if p.status == LegalStatus::NotYetInForce
                && !options.as_of.is_some_and(|d| p.in_force_on(d))
            {
                e.reasons.push(Reason::Pending {
                    provision: Cited {
                        provision: p.id.clone(),
                        number: p.number.clone(),
                    },
                });
            }
        }
        e
    }
}

/// The verdict when no mapping counts: the gap record's, or an unknown saying why.
fn without_coverage(
    jurisdiction: &Jurisdiction,
    id: &CategoryId,
    below_minimum: usize,
    reasons: &mut Vec<Reason>,
) -> Verdict {
    match jurisdiction.gap(id) {
        Some(g) if g.verdict == GapVerdict::Gap => {
            reasons.push(Reason::ResearchedGap);
            Verdict::Gap {
                checked: g.checked.clone(),
            }
        }
        Some(g) => {
            reasons.push(Reason::NotResearched);
            Verdict::Unknown {
                cause: UnknownCause::NotResearched {
                    checked: g.checked.clone(),
                },
            }
        }
        None if below_minimum > 0 => Verdict::Unknown {
            cause: UnknownCause::BelowConfidence,
        },
        None => {
            reasons.push(Reason::NoVerdict);
            Verdict::Unknown {
                cause: UnknownCause::NoVerdict,
            }
        }
    }
}

/// The verdict from counted mappings: full when the provisions free of impermissible
/// conditions cover every element (or an invoked reservation waives it) by themselves, so a
/// further, narrower provision never takes coverage away; partial otherwise.
fn with_coverage(
    category: &Category,
    e: Evidence<'_>,
    confidence: Confidence,
) -> (Verdict, Vec<Reason>) {
    let Evidence {
        provisions,
        covered,
        clean,
        qualifications,
        extra,
        mut reasons,
        ..
    } = e;
    let relied: Vec<&crate::Qualification> = category
        .qualifications
        .iter()
        .filter(|q| qualifications.contains(&q.id))
        .collect();
    let waived: BTreeSet<&LocalId> = relied.iter().flat_map(|q| q.kind.waives()).collect();
    let missing: Vec<LocalId> = category
        .elements
        .iter()
        .filter(|e| !covered.contains(&e.id) && !waived.contains(&e.id))
        .map(|e| e.id.clone())
        .collect();
    let mut explained = BTreeSet::new();
    for q in &relied {
        for w in q.kind.waives() {
            if covered.contains(w) || !explained.insert(w) {
                continue;
            }
            reasons.push(match q.kind {
                QualificationKind::Conditional { .. } => Reason::NotRequired {
                    element: w.clone(),
                    qualification: q.id.clone(),
                },
                _ => Reason::Reserved { element: w.clone() },
            });
        }
    }
    if !missing.is_empty() {
        reasons.push(Reason::MissingElements {
            elements: missing.clone(),
        });
    }
    reasons.extend(extra.iter().map(|x| Reason::ImpermissibleCondition {
        condition: x.clone(),
    }));
    let qualifications: Vec<LocalId> = qualifications.into_iter().cloned().collect();
    let covered: Vec<LocalId> = covered.into_iter().cloned().collect();
    let fully = category
        .elements
        .iter()
        .all(|e| clean.contains(&e.id) || waived.contains(&e.id));
    if fully && !extra.is_empty() {
        reasons.push(Reason::NarrowedNotNeeded);
    }
    let verdict = if fully {
        Verdict::Full {
            provisions,
            qualifications,
            covered,
            confidence,
        }
    } else {
        Verdict::Partial {
            provisions,
            missing,
            extra_conditions: extra.into_iter().collect(),
            qualifications,
            covered,
            confidence,
        }
    };
    (verdict, reasons)
}

/// Computes the coverage of `category` (with id `id`) by `jurisdiction` from the given
/// mappings, which must all be onto `id`. This is the one place that decides what counts as
/// coverage.
pub(crate) fn assess<'a>(
    options: &Options,
    jurisdiction: &Jurisdiction,
    id: &CategoryId,
    category: &Category,
    mappings: impl IntoIterator<Item = (&'a Provision, &'a Mapping)>,
) -> Coverage {
    let mut evidence = Evidence::gather(options, mappings);
    let (verdict, reasons) = match evidence.confidence {
        None => {
            let mut reasons = std::mem::take(&mut evidence.reasons);
            let verdict = without_coverage(jurisdiction, id, evidence.below_minimum, &mut reasons);
            (verdict, reasons)
        }
        Some(confidence) => with_coverage(category, evidence, confidence),
    };
    // A report keeps every coverage: the spare capacity of growing the list is not kept.
    let mut reasons = reasons;
    reasons.shrink_to_fit();
    Coverage {
        jurisdiction: jurisdiction.code,
        category: id.clone(),
        verdict,
        reasons,
    }
}

impl Checker<'_> {
    /// The coverage of one category by one jurisdiction: read directly for a Convention
    /// category, carried over the alignments for another taxonomy's (as in
    /// [`Checker::coverage_all`]).
    ///
    /// ```
    /// use cybercrime_taxonomy::{Dataset, check::{Checker, Level}};
    /// let data = Dataset::embedded();
    /// let ph = data.jurisdiction_str("PH").unwrap();
    /// let c = Checker::new(data).coverage(ph, &"un2024:art7".parse().unwrap()).unwrap();
    /// assert!(c.verdict.level().is_covered());
    /// ```
    pub fn coverage(&self, jurisdiction: &Jurisdiction, category: &CategoryId) -> Option<Coverage> {
        let c = self.data().category(category)?;
        if c.taxonomy.id.is_convention() {
            return Some(assess(
                self.options(),
                jurisdiction,
                category,
                c.category,
                mappings_onto(jurisdiction, category),
            ));
        }
        self.cross_coverage(jurisdiction, &c.taxonomy.id)
            .into_iter()
            .map(|x| x.coverage)
            .find(|x| &x.category == category)
    }

    /// The coverage of every offence category of `taxonomy` (ancillary ones left out) by
    /// `jurisdiction`. Convention categories are read from the mappings; another taxonomy's are
    /// read from direct mappings where they cover it, and otherwise carried over the alignments
    /// from the Convention ([`Checker::cross_coverage`] shows how). Every command uses this one
    /// derivation.
    pub fn coverage_all(
        &self,
        jurisdiction: &Jurisdiction,
        taxonomy: &TaxonomyId,
    ) -> Vec<Coverage> {
        if taxonomy.is_convention() {
            self.direct_coverage_all(jurisdiction, taxonomy)
        } else {
            self.cross_coverage(jurisdiction, taxonomy)
                .into_iter()
                .map(|x| x.coverage)
                .collect()
        }
    }

    /// Coverage from mappings onto the taxonomy's own categories only, in one pass over the
    /// jurisdiction's provisions.
    pub(crate) fn direct_coverage_all(
        &self,
        jurisdiction: &Jurisdiction,
        taxonomy: &TaxonomyId,
    ) -> Vec<Coverage> {
        let Some(t) = self.data().taxonomy(taxonomy) else {
            return Vec::new();
        };
        let mut by_category: HashMap<&CategoryId, Vec<(&Provision, &Mapping)>> = HashMap::new();
        for p in &jurisdiction.provisions {
            for m in &p.mappings {
                by_category.entry(&m.category).or_default().push((p, m));
            }
        }
        t.offences()
            .map(|(id, c)| {
                let mappings = by_category.get(&id).cloned().unwrap_or_default();
                assess(self.options(), jurisdiction, &id, c, mappings)
            })
            .collect()
    }
}
