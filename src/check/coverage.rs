//! Coverage: how far a jurisdiction criminalises a category, and why.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::{
    Category, CategoryId, Dataset, ExtraCondition, GapVerdict, Jurisdiction, JurisdictionCode,
    LocalId, Mapping, Provision, ProvisionId, QualificationKind,
};

/// A condition the Convention does not permit, with the provision that adds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Narrowing {
    /// The provision that adds it.
    pub provision: ProvisionId,
    /// The condition's slug, e.g. `damage-threshold`.
    pub id: LocalId,
    /// What it is.
    pub description: String,
}

/// The verdict for one (jurisdiction, category), with what it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    /// Every element is covered (or lawfully reserved) by provisions that use only permitted
    /// qualifications.
    Full {
        /// The provisions that cover it.
        provisions: Vec<ProvisionId>,
        /// Permitted qualifications and reservations the provisions invoke.
        qualifications: Vec<LocalId>,
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
    },
    /// Researched: no provision criminalises it.
    Gap {
        /// What was checked.
        checked: String,
    },
    /// Not researched, or no verdict recorded.
    Unknown {
        /// Why it is unknown.
        note: String,
    },
}

/// The four verdict levels, ordered from worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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
}

/// Coverage of one category by one jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionCode,
    /// The category.
    pub category: CategoryId,
    /// The verdict and what it rests on.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The elements the provisions cover, together.
    pub covered: Vec<LocalId>,
    /// How well the verdict is sourced: the best, over the provisions behind it, of the lower
    /// of the provision's and the mapping's confidence. `None` for gaps and unknowns.
    pub confidence: Option<crate::Confidence>,
    /// Human-readable reasons, one per line of the argument.
    pub reasons: Vec<String>,
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

/// Computes the coverage of `category` (with id `id`) by `jurisdiction` from the given
/// mappings, which must all be onto `id`.
pub(crate) fn assess<'a>(
    min_confidence: Option<crate::Confidence>,
    jurisdiction: &Jurisdiction,
    id: &CategoryId,
    category: &Category,
    mappings: impl IntoIterator<Item = (&'a Provision, &'a Mapping)>,
) -> Coverage {
    let mut provisions = Vec::new();
    let mut covered: BTreeSet<&LocalId> = BTreeSet::new();
    // Elements covered by mappings that add no impermissible condition.
    let mut clean: BTreeSet<&LocalId> = BTreeSet::new();
    let mut qualifications: BTreeSet<&LocalId> = BTreeSet::new();
    let mut extra: BTreeSet<Narrowing> = BTreeSet::new();
    let mut reasons = Vec::new();
    let mut confidence: Option<crate::Confidence> = None;
    let mut below_minimum = 0;
    for (p, m) in mappings {
        if !p.status.is_effective() {
            reasons.push(format!(
                "{} ({}) is {} and is not counted",
                p.id,
                p.number,
                p.status.as_str()
            ));
            continue;
        }
        let sourced = p.confidence.min(m.confidence);
        if let Some(min) = min_confidence.filter(|min| sourced < *min) {
            reasons.push(format!(
                "{} ({}) is below the minimum confidence ({sourced} < {min}) and is not counted",
                p.id, p.number
            ));
            below_minimum += 1;
            continue;
        }
        if !m.relation.counts_as_coverage() {
            reasons.push(format!(
                "{} ({}) is only related ({}): it does not criminalise the conduct as such",
                p.id, p.number, m.relation
            ));
            continue;
        }
        provisions.push(p.id.clone());
        confidence = confidence.max(Some(sourced));
        covered.extend(m.covers.iter());
        if m.extra_conditions.is_empty() {
            clean.extend(m.covers.iter());
        }
        qualifications.extend(m.qualifications.iter());
        for ExtraCondition { id: x, description } in &m.extra_conditions {
            extra.insert(Narrowing {
                provision: p.id.clone(),
                id: x.clone(),
                description: description.clone(),
            });
        }
        reasons.push(format!("{} ({}) {} {}", p.id, p.number, m.relation, id));
    }

    let covered_list: Vec<LocalId> = covered.iter().map(|e| (*e).clone()).collect();
    if provisions.is_empty() {
        let verdict = match jurisdiction.gap(id) {
            Some(g) if g.verdict == GapVerdict::Gap => {
                reasons.push(format!("researched gap: {}", g.checked));
                Verdict::Gap {
                    checked: g.checked.clone(),
                }
            }
            Some(g) => {
                reasons.push(format!("not researched: {}", g.checked));
                Verdict::Unknown {
                    note: g.checked.clone(),
                }
            }
            None if below_minimum > 0 => Verdict::Unknown {
                note: "only provisions below the minimum confidence map onto it".to_owned(),
            },
            None => {
                reasons.push("no provision mapped and no gap record".to_owned());
                Verdict::Unknown {
                    note: "no verdict recorded".to_owned(),
                }
            }
        };
        return Coverage {
            jurisdiction: jurisdiction.code,
            category: id.clone(),
            verdict,
            covered: covered_list,
            confidence: None,
            reasons,
        };
    }

    let waived: BTreeSet<&LocalId> = category
        .qualifications
        .iter()
        .filter(|q| q.kind == QualificationKind::Reservation && qualifications.contains(&q.id))
        .flat_map(|q| q.waives.iter())
        .collect();
    let missing: Vec<LocalId> = category
        .elements
        .iter()
        .filter(|e| !covered.contains(&e.id) && !waived.contains(&e.id))
        .map(|e| e.id.clone())
        .collect();
    for w in &waived {
        if !covered.contains(w) {
            reasons.push(format!("`{w}` is not covered, as a reservation permits"));
        }
    }
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(LocalId::as_str).collect();
        reasons.push(format!("missing elements: {}", names.join(", ")));
    }
    for x in &extra {
        reasons.push(format!(
            "{} adds a condition the Convention does not permit ({}): {}",
            x.provision, x.id, x.description
        ));
    }
    let qualifications: Vec<LocalId> = qualifications.into_iter().cloned().collect();
    // Full when the provisions free of impermissible conditions cover every required element
    // by themselves; a further, narrower provision does not take coverage away.
    let fully = category
        .elements
        .iter()
        .all(|e| clean.contains(&e.id) || waived.contains(&e.id));
    if fully && !extra.is_empty() {
        reasons.push(
            "the narrowed provisions are not needed: others cover every element without them"
                .to_owned(),
        );
    }
    let verdict = if fully {
        Verdict::Full {
            provisions,
            qualifications,
        }
    } else {
        Verdict::Partial {
            provisions,
            missing,
            extra_conditions: extra.into_iter().collect(),
            qualifications,
        }
    };
    Coverage {
        jurisdiction: jurisdiction.code,
        category: id.clone(),
        verdict,
        covered: covered_list,
        confidence,
        reasons,
    }
}

/// The coverage of one category by one jurisdiction.
///
/// ```
/// use cybercrime_taxonomy::{Dataset, check::{coverage, Level}};
/// let data = Dataset::embedded();
/// let ph = data.jurisdiction_str("PH").unwrap();
/// let c = coverage(data, ph, &"un2024:art7".parse().unwrap()).unwrap();
/// assert!(c.verdict.level().is_covered());
/// ```
pub fn coverage(
    data: &Dataset,
    jurisdiction: &Jurisdiction,
    category: &CategoryId,
) -> Option<Coverage> {
    let c = data.category(category)?;
    Some(assess(
        data.min_confidence(),
        jurisdiction,
        category,
        c.category,
        mappings_onto(jurisdiction, category),
    ))
}

/// The coverage of every category of `taxonomy` (except ancillary ones) by `jurisdiction`, in
/// one pass over its provisions.
pub fn coverage_all(
    data: &Dataset,
    jurisdiction: &Jurisdiction,
    taxonomy: &crate::TaxonomyId,
) -> Vec<Coverage> {
    let Some(t) = data.taxonomy(taxonomy) else {
        return Vec::new();
    };
    let mut by_category: std::collections::HashMap<&CategoryId, Vec<(&Provision, &Mapping)>> =
        std::collections::HashMap::new();
    for p in &jurisdiction.provisions {
        for m in &p.mappings {
            by_category.entry(&m.category).or_default().push((p, m));
        }
    }
    t.offences()
        .map(|(id, c)| {
            let mappings = by_category.get(&id).cloned().unwrap_or_default();
            assess(data.min_confidence(), jurisdiction, &id, c, mappings)
        })
        .collect()
}
