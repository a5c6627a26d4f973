//! The readiness check between two States: the treaties they can cooperate under, and per
//! offence category dual criminality, penalties, the serious-crime and extradition
//! thresholds, and the procedural powers the requested State has.
//!
//! The pair is ordered: the *requesting* State asks, the *requested* State executes. The
//! treaty bases, dual criminality and penalties are symmetric (they are computed the same way
//! whichever side asks, with the sides swapped); the powers are the requested State's.

use serde::{Deserialize, Serialize};

use super::Checker;
use super::coverage::{Coverage, Level};
use super::dual::{DualFinding, DualVerdict, compare};
use crate::{
    CategoryId, Confidence, Date, Error, ForeignRequests, Jurisdiction, JurisdictionCode, Origin,
    Penalty, PenaltyForm, PowerKind, ProvisionId, Rule, RuleKind, Source, Subject, Term, Treaty,
    TreatyId, TreatyStatus,
};

/// One State's standing towards a treaty on the check's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    /// Its recorded status (`unknown` where there is no record).
    pub status: TreatyStatus,
    /// Whether it is bound on the date (`None`: the data cannot say).
    pub bound: Option<bool>,
    /// Since when, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
}

/// A treaty as a possible legal basis between the two States.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegalBasis {
    /// The treaty.
    pub treaty: TreatyId,
    /// Its short title.
    pub short_title: String,
    /// What it is a basis for.
    pub subjects: Vec<Subject>,
    /// Whether the treaty itself is in force on the date.
    pub in_force: Option<bool>,
    /// The requesting State's standing.
    pub requesting: Standing,
    /// The requested State's standing.
    pub requested: Standing,
    /// Whether it binds both States on the date: `Some(true)` when it is in force and both are
    /// bound, `Some(false)` when either certainly is not, `None` otherwise.
    pub shared: Option<bool>,
    /// The rules read from its text.
    pub rules: Vec<Rule>,
    /// The source of the treaty record.
    pub source: Source,
    /// How far the treaty record is confirmed.
    pub confidence: Confidence,
}

/// The highest penalty among the provisions a State's coverage of a category rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaxPenalty {
    /// The provision.
    pub provision: ProvisionId,
    /// Basic or aggravated.
    pub form: PenaltyForm,
    /// Its longest imprisonment (absent for a fine or death only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_imprisonment: Option<Term>,
    /// Whether death is among the penalties.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub death: bool,
    /// How far the figure is confirmed.
    pub confidence: Confidence,
}

/// One State's side of a category: coverage and penalty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenaltySide {
    /// The coverage level.
    pub level: Level,
    /// The provisions the coverage rests on.
    pub provisions: Vec<ProvisionId>,
    /// The highest basic penalty among them (aggravated forms are not counted: the threshold
    /// tests ask what the conduct itself is punishable by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic: Option<MaxPenalty>,
    /// The highest penalty of any form, where an aggravated form is higher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggravated: Option<MaxPenalty>,
    /// Whether the basic penalty reaches four years (UN Art 2(h) "serious crime"); `None`
    /// when no penalty is recorded.
    pub serious_crime: Option<bool>,
    /// Whether it reaches one year (the extradition threshold of Budapest Art 24(1)(a)).
    pub extradition_threshold: Option<bool>,
}

/// One offence category between the two States.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CooperationCategory {
    /// The category.
    pub category: CategoryId,
    /// The dual-criminality verdict (as `dual` gives it).
    pub dual: DualVerdict,
    /// Why.
    pub finding: DualFinding,
    /// The requesting State's side.
    pub requesting: PenaltySide,
    /// The requested State's side.
    pub requested: PenaltySide,
    /// Serious crime on both sides: `Some(false)` when either side certainly is not.
    pub serious_crime: Option<bool>,
    /// The one-year extradition threshold met on both sides.
    pub extradition_threshold: Option<bool>,
}

/// Whether dual criminality stands in the way of a request for a power.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DualNeed {
    /// A shared treaty says it is not required for this power.
    NotRequired {
        /// The treaty.
        treaty: TreatyId,
        /// Its article.
        article: String,
    },
    /// A shared treaty lets the requested State refuse for its absence.
    MayBeRequired {
        /// The treaty.
        treaty: TreatyId,
        /// Its article.
        article: String,
    },
    /// No shared treaty in the data says.
    NotRecorded,
    /// The category is a safeguard, not a measure a State is asked to take.
    NotARequest,
}

/// A national provision that provides a power.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PowerProvision {
    /// The provision.
    pub provision: ProvisionId,
    /// Who authorises it.
    pub authority: String,
    /// Whether it can serve a foreign request.
    pub foreign_requests: ForeignRequests,
}

/// A procedural power of the requested State.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PowerAvailability {
    /// The procedural category.
    pub category: CategoryId,
    /// Its title.
    pub title: String,
    /// The requested State's coverage of it.
    pub coverage: Coverage,
    /// The provisions and how they serve foreign requests.
    pub provisions: Vec<PowerProvision>,
    /// Whether dual criminality is needed to use it for the requesting State.
    pub dual_criminality: DualNeed,
}

/// The readiness of two States to cooperate, as [`Checker::cooperation`] computes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CooperationReport {
    /// Where the data came from.
    pub origin: Origin,
    /// The options of the check.
    pub options: super::Options,
    /// The date the law and the treaties are read on.
    pub on: Date,
    /// The State that asks.
    pub requesting: JurisdictionCode,
    /// The State that executes.
    pub requested: JurisdictionCode,
    /// Every treaty either State stands towards.
    pub bases: Vec<LegalBasis>,
    /// The requesting State's cooperation authorities (central authorities, 24/7 contact)
    /// designated on the date, where the data records them.
    pub requesting_authorities: Vec<crate::Authority>,
    /// The requested State's cooperation authorities.
    pub requested_authorities: Vec<crate::Authority>,
    /// Per offence category.
    pub categories: Vec<CooperationCategory>,
    /// The requested State's procedural powers.
    pub powers: Vec<PowerAvailability>,
}

impl CooperationReport {
    /// The treaties in force that bind both States for `subject`.
    pub fn shared_bases(&self, subject: Subject) -> impl Iterator<Item = &LegalBasis> {
        self.bases
            .iter()
            .filter(move |b| b.shared == Some(true) && b.subjects.contains(&subject))
    }
}

fn standing(treaty: &Treaty, j: &Jurisdiction, on: Date) -> Standing {
    if let Some(tax) = &treaty.taxonomy {
        return match j.treaty(tax) {
            Some(r) => {
                let since = r.consented;
                let checked = r.source.as_ref().map_or(j.as_of, |s| s.checked);
                Standing {
                    status: r.status,
                    bound: crate::treaty::bound_on(r.status, since, checked, on),
                    since,
                }
            }
            None => Standing {
                status: TreatyStatus::Unknown,
                bound: None,
                since: None,
            },
        };
    }
    match treaty.party(j.code) {
        Some(p) => Standing {
            status: p.status,
            bound: p.bound_on(on),
            since: p.bound_since(),
        },
        // A bilateral treaty binds only its two parties; for a multilateral one, no record
        // means the data cannot say.
        None if treaty.scope == crate::TreatyScope::Bilateral => Standing {
            status: TreatyStatus::NotSignatory,
            bound: Some(false),
            since: None,
        },
        None => Standing {
            status: TreatyStatus::Unknown,
            bound: None,
            since: None,
        },
    }
}

/// The authorities designated on `on` (a designation with a later `from` is left out).
fn authorities_on(j: &Jurisdiction, on: Date) -> Vec<crate::Authority> {
    j.authorities
        .iter()
        .filter(|a| !a.from.is_some_and(|from| from.certainly_after(&on)))
        .cloned()
        .collect()
}

fn both(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// The highest of `penalties` by deprivation of liberty (death above life above terms).
fn highest<'a>(
    penalties: impl Iterator<Item = (&'a ProvisionId, &'a Penalty)>,
) -> Option<MaxPenalty> {
    let rank = |p: &Penalty| {
        (
            p.death,
            p.max_imprisonment
                .map(|t| t.months().map_or(u64::MAX, |m| m)),
        )
    };
    penalties
        .max_by_key(|(_, p)| rank(p))
        .map(|(id, p)| MaxPenalty {
            provision: id.clone(),
            form: p.form,
            max_imprisonment: p.max_imprisonment,
            death: p.death,
            confidence: p.confidence,
        })
}

fn reaches(m: &MaxPenalty, months: u64) -> bool {
    m.death
        || m.max_imprisonment
            .is_some_and(|t| t.at_least_months(months))
}

impl Checker<'_> {
    /// The date cooperation is read on: the options' as-of date, or the data's research date.
    fn reading_date(&self) -> Date {
        self.options().as_of.unwrap_or_else(|| {
            self.data()
                .origin()
                .shipped
                .as_ref()
                .map_or(crate::DATA_AS_OF, |s| s.as_of)
        })
    }

    fn penalty_side(&self, j: &Jurisdiction, c: &Coverage) -> PenaltySide {
        let provisions: Vec<ProvisionId> = c.verdict.provisions().to_vec();
        let counted = || {
            j.provisions
                .iter()
                .filter(|p| provisions.contains(&p.id))
                .flat_map(|p| p.penalties.iter().map(move |pen| (&p.id, pen)))
        };
        let basic = highest(counted().filter(|(_, p)| p.form == PenaltyForm::Basic));
        let any = highest(counted());
        let aggravated = match (&basic, any) {
            (Some(b), Some(a)) if a.form != PenaltyForm::Basic && a != *b => Some(a),
            (None, Some(a)) => Some(a),
            _ => None,
        };
        PenaltySide {
            level: c.verdict.level(),
            serious_crime: basic
                .as_ref()
                .map(|m| reaches(m, crate::SERIOUS_CRIME_MONTHS)),
            extradition_threshold: basic
                .as_ref()
                .map(|m| reaches(m, crate::EXTRADITION_MONTHS)),
            provisions,
            basic,
            aggravated,
        }
    }

    /// The readiness check: the legal bases `requesting` and `requested` share on the check's
    /// date, and per Convention offence category (or the `categories` given) dual criminality,
    /// both sides' penalties and thresholds, and the requested State's procedural powers.
    ///
    /// ```
    /// use cybercrime_taxonomy::{Dataset, Subject, check::Checker};
    /// let data = Dataset::embedded();
    /// let check = Checker::new(data);
    /// let r = check.cooperation("SG".parse().unwrap(), "VN".parse().unwrap(), &[]).unwrap();
    /// assert!(r.shared_bases(Subject::MutualAssistance).any(|b| b.treaty.as_str() == "asean-mla-2004"));
    /// assert!(check.cooperation("SG".parse().unwrap(), "SG".parse().unwrap(), &[]).is_err());
    /// ```
    pub fn cooperation(
        &self,
        requesting: JurisdictionCode,
        requested: JurisdictionCode,
        categories: &[CategoryId],
    ) -> Result<CooperationReport, Error> {
        if requesting == requested {
            return Err(Error::SamePair(requesting));
        }
        let data = self.data();
        let (a, b) = (
            self.jurisdiction(requesting)?,
            self.jurisdiction(requested)?,
        );
        for c in categories {
            if data.category(c).is_none() {
                return Err(Error::UnknownId {
                    kind: "category",
                    id: c.to_string(),
                });
            }
        }
        let on = self.reading_date();
        let bases: Vec<LegalBasis> = data
            .treaties()
            .filter_map(|t| {
                let (sa, sb) = (standing(t, a, on), standing(t, b, on));
                let relevant = t.scope != crate::TreatyScope::Bilateral
                    || (t.party(a.code).is_some() && t.party(b.code).is_some());
                relevant.then(|| {
                    let in_force = t.in_force_on(on);
                    LegalBasis {
                        treaty: t.id.clone(),
                        short_title: t.short_title.clone(),
                        subjects: t.subjects.clone(),
                        shared: both(in_force, both(sa.bound, sb.bound)),
                        in_force,
                        requesting: sa,
                        requested: sb,
                        rules: t.rules.clone(),
                        source: t.source.clone(),
                        confidence: t.confidence,
                    }
                })
            })
            .collect();
        let convention = crate::TaxonomyId::convention();
        let offences: Vec<CategoryId> = if categories.is_empty() {
            self.taxonomy(&convention)?
                .offences()
                .map(|(id, _)| id)
                .collect()
        } else {
            categories
                .iter()
                .filter(|c| {
                    data.category(c)
                        .is_some_and(|r| r.category.class.is_offence())
                })
                .cloned()
                .collect()
        };
        let mut rows = Vec::new();
        for id in &offences {
            let (Some(ca), Some(cb)) = (self.coverage(a, id), self.coverage(b, id)) else {
                continue;
            };
            let dual = compare(data, &ca, &cb);
            let (pa, pb) = (self.penalty_side(a, &ca), self.penalty_side(b, &cb));
            rows.push(CooperationCategory {
                category: id.clone(),
                dual: dual.verdict,
                finding: dual.finding,
                serious_crime: both(pa.serious_crime, pb.serious_crime),
                extradition_threshold: both(pa.extradition_threshold, pb.extradition_threshold),
                requesting: pa,
                requested: pb,
            });
        }
        let powers = self.powers_for(b, &bases, categories)?;
        Ok(CooperationReport {
            origin: data.origin().clone(),
            options: *self.options(),
            on,
            requesting: a.code,
            requested: b.code,
            requesting_authorities: authorities_on(a, on),
            requested_authorities: authorities_on(b, on),
            bases,
            categories: rows,
            powers,
        })
    }

    fn powers_for(
        &self,
        requested: &Jurisdiction,
        bases: &[LegalBasis],
        categories: &[CategoryId],
    ) -> Result<Vec<PowerAvailability>, Error> {
        let convention = crate::TaxonomyId::convention();
        let taxonomy = self.taxonomy(&convention)?;
        let shared: Vec<&LegalBasis> = bases
            .iter()
            .filter(|b| b.shared == Some(true) && b.subjects.contains(&Subject::MutualAssistance))
            .collect();
        let mut out = Vec::new();
        for (id, category) in taxonomy.powers() {
            if !categories.is_empty()
                && categories.iter().any(|c| data_is_power(self, c))
                && !categories.contains(&id)
            {
                continue;
            }
            let Some(coverage) = self.coverage(requested, &id) else {
                continue;
            };
            let provisions = requested
                .provisions
                .iter()
                .filter(|p| coverage.verdict.provisions().contains(&p.id))
                .map(|p| PowerProvision {
                    provision: p.id.clone(),
                    authority: p
                        .power
                        .as_ref()
                        .map(|u| u.authority.clone())
                        .unwrap_or_default(),
                    foreign_requests: p
                        .power
                        .as_ref()
                        .map_or(ForeignRequests::Unknown, |u| u.foreign_requests),
                })
                .collect();
            let preservation = category.power == Some(PowerKind::Preservation);
            let rule_for = |kind: RuleKind| {
                shared.iter().find_map(|b| {
                    b.rules
                        .iter()
                        .find(|r| r.kind == kind)
                        .map(|r| (b.treaty.clone(), r.article.clone()))
                })
            };
            let dual_criminality = if category.power == Some(PowerKind::Safeguards) {
                DualNeed::NotARequest
            } else {
                match (
                    preservation
                        .then(|| rule_for(RuleKind::PreservationWithoutDualCriminality))
                        .flatten(),
                    rule_for(RuleKind::DualCriminalityForAssistance),
                ) {
                    (Some((treaty, article)), _) => DualNeed::NotRequired { treaty, article },
                    (None, Some((treaty, article))) => DualNeed::MayBeRequired { treaty, article },
                    (None, None) => DualNeed::NotRecorded,
                }
            };
            out.push(PowerAvailability {
                category: id.clone(),
                title: category.title.clone(),
                coverage,
                provisions,
                dual_criminality,
            });
        }
        Ok(out)
    }
}

/// Whether `c` names a procedural category.
fn data_is_power(check: &Checker<'_>, c: &CategoryId) -> bool {
    check
        .data()
        .category(c)
        .is_some_and(|r| r.category.class == crate::CategoryClass::Procedural)
}

/// The most States for which [`Checker::report`] ranks every pair's readiness to cooperate
/// (the number of pairs grows with the square of the States).
pub const MAX_PAIRWISE: usize = 100;

/// Two States' readiness to cooperate, for the regional view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairReadiness {
    /// The State first in code order.
    pub first: JurisdictionCode,
    /// The other State.
    pub second: JurisdictionCode,
    /// Treaties in force binding both for mutual legal assistance.
    pub mutual_assistance: Vec<TreatyId>,
    /// Treaties in force binding both for extradition.
    pub extradition: Vec<TreatyId>,
    /// Procedural powers (Arts 25-30) the first State has a researched gap for.
    pub first_lacks: Vec<CategoryId>,
    /// Procedural powers the second State has a researched gap for.
    pub second_lacks: Vec<CategoryId>,
    /// Procedural powers not researched on either side (counted once per side).
    pub not_researched: usize,
    /// Those of the shared treaties that apply only to some offences (a `scope-limit` rule,
    /// such as UNTOC's serious crime with an organised criminal group).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limited: Vec<TreatyId>,
}

impl PairReadiness {
    /// How far the pair is from a full basis: for each kind of treaty basis, two when none is
    /// shared and one when every shared treaty applies only to some offences; one for each
    /// missing power on either side. Higher is less ready.
    pub fn shortfall(&self) -> usize {
        let basis = |shared: &[TreatyId]| {
            if shared.is_empty() {
                2
            } else if shared.iter().all(|t| self.limited.contains(t)) {
                1
            } else {
                0
            }
        };
        basis(&self.mutual_assistance)
            + basis(&self.extradition)
            + self.first_lacks.len()
            + self.second_lacks.len()
    }
}

impl Checker<'_> {
    /// Every pair of `states` by readiness to cooperate, the largest shortfall first (ties by
    /// code). Symmetric: each pair appears once, in code order.
    pub fn pair_readiness(&self, states: &[&Jurisdiction]) -> Vec<PairReadiness> {
        let on = self.reading_date();
        let convention = crate::TaxonomyId::convention();
        let Some(taxonomy) = self.data().taxonomy(&convention) else {
            return Vec::new();
        };
        // Each State's powers, once: the requests it could execute.
        let powers: Vec<(Vec<CategoryId>, usize)> = states
            .iter()
            .map(|j| {
                let mut lacks = Vec::new();
                let mut unknown = 0;
                let requests = taxonomy
                    .powers()
                    .filter(|(_, c)| c.power != Some(PowerKind::Safeguards));
                for (id, _) in requests {
                    match self.coverage(j, &id).map(|c| c.verdict.level()) {
                        Some(Level::Gap) => lacks.push(id),
                        Some(Level::Unknown) | None => unknown += 1,
                        _ => {}
                    }
                }
                (lacks, unknown)
            })
            .collect();
        let mut out = Vec::new();
        for (i, a) in states.iter().enumerate() {
            for (k, b) in states.iter().enumerate().skip(i + 1) {
                let (x, y, px, py) = if a.code <= b.code {
                    (a, b, &powers[i], &powers[k])
                } else {
                    (b, a, &powers[k], &powers[i])
                };
                let shared = |subject: Subject| -> Vec<TreatyId> {
                    self.data()
                        .treaties()
                        .filter(|t| t.provides(subject))
                        .filter(|t| {
                            both(
                                t.in_force_on(on),
                                both(standing(t, x, on).bound, standing(t, y, on).bound),
                            ) == Some(true)
                        })
                        .map(|t| t.id.clone())
                        .collect()
                };
                let mutual_assistance = shared(Subject::MutualAssistance);
                let extradition = shared(Subject::Extradition);
                let limited = self
                    .data()
                    .treaties()
                    .filter(|t| t.rules_of(RuleKind::ScopeLimit).next().is_some())
                    .filter(|t| mutual_assistance.contains(&t.id) || extradition.contains(&t.id))
                    .map(|t| t.id.clone())
                    .collect();
                out.push(PairReadiness {
                    limited,
                    first: x.code,
                    second: y.code,
                    mutual_assistance,
                    extradition,
                    first_lacks: px.0.clone(),
                    second_lacks: py.0.clone(),
                    not_researched: px.1 + py.1,
                });
            }
        }
        out.sort_by(|p, q| {
            q.shortfall()
                .cmp(&p.shortfall())
                .then_with(|| (p.first, p.second).cmp(&(q.first, q.second)))
        });
        out
    }
}
