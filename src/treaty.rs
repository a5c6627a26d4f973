//! The treaties States cooperate under: mutual legal assistance (MLA) and extradition, with
//! their parties, dates and the rules read from their texts.
//!
//! They live in `data/cooperation/treaties.json`. A treaty whose offences are modelled as a
//! taxonomy (the UN Convention, Budapest) names it in `taxonomy`; its party records stay in the
//! jurisdiction files, so each State's status is recorded in one place. Every other treaty
//! (the ASEAN MLA Treaty, the ASEAN Treaty on Extradition, UNTOC, bilateral treaties) carries
//! its party records here.

use serde::{Deserialize, Serialize};

use crate::{Confidence, Date, JurisdictionCode, Source, TaxonomyId, TreatyId, TreatyStatus};

/// A file of cooperation treaties.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TreatyFile {
    /// The treaties.
    pub treaties: Vec<Treaty>,
}

/// A treaty that can serve as the legal basis for MLA or extradition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Treaty {
    /// Its id, e.g. `asean-mla-2004`.
    pub id: TreatyId,
    /// Full title.
    pub title: String,
    /// Short title for tables, e.g. `ASEAN MLAT`.
    pub short_title: String,
    /// Global, regional or bilateral.
    pub scope: TreatyScope,
    /// What it provides a basis for.
    pub subjects: Vec<Subject>,
    /// The taxonomy that models its offences, whose party records are in the jurisdiction files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<TaxonomyId>,
    /// Date of signature (or of adoption, or of opening for signature).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    /// Whether the treaty itself is in force.
    pub status: TreatyForce,
    /// Date of its (general) entry into force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Date>,
    /// Rules read from its text that decide whether a request or extradition can go ahead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// Party records (empty for a treaty with a `taxonomy`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// The source read for the treaty's text and status.
    pub source: Source,
    /// How far its dates and rules are confirmed.
    pub confidence: Confidence,
    /// What a reviewer should know (what was not read).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Treaty {
    /// Whether the treaty is in force on `date` (`None` when the data cannot say). A treaty
    /// recorded as in force without a date is in force from the day its source was read; before
    /// that the answer is unknown. One recorded as not in force is taken as not in force on
    /// every date the data covers.
    pub fn in_force_on(&self, date: Date) -> Option<bool> {
        match (self.status, self.in_force) {
            (TreatyForce::InForce, Some(d)) => Some(!d.certainly_after(&date)),
            (TreatyForce::InForce, None) => {
                (!self.source.checked.certainly_after(&date)).then_some(true)
            }
            (TreatyForce::NotInForce, _) => Some(false),
            (TreatyForce::Unknown, _) => None,
        }
    }

    /// The party record of `state`, for a treaty that carries its own.
    pub fn party(&self, state: JurisdictionCode) -> Option<&Party> {
        self.parties.iter().find(|p| p.state == state)
    }

    /// Whether it provides a basis for `subject`.
    pub fn provides(&self, subject: Subject) -> bool {
        self.subjects.contains(&subject)
    }

    /// The rules of one kind.
    pub fn rules_of(&self, kind: RuleKind) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(move |r| r.kind == kind)
    }
}

/// How widely a treaty is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TreatyScope {
    /// Open to all States (UN treaties).
    Global,
    /// Open to a region's States (ASEAN, Council of Europe and invitees).
    Regional,
    /// Between two States.
    Bilateral,
}

/// What a treaty provides a legal basis for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Subject {
    /// Mutual legal assistance in criminal matters.
    MutualAssistance,
    /// Extradition.
    Extradition,
}

impl Subject {
    /// The kebab-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::MutualAssistance => "mutual-assistance",
            Self::Extradition => "extradition",
        }
    }
}

/// Whether a treaty itself is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TreatyForce {
    /// In force (from `in_force`).
    InForce,
    /// Signed or adopted, not in force as far as the sources show.
    NotInForce,
    /// No source read says.
    Unknown,
}

impl TreatyForce {
    /// The kebab-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::InForce => "in-force",
            Self::NotInForce => "not-in-force",
            Self::Unknown => "unknown",
        }
    }
}

/// One State's position towards a treaty that carries its own party records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The State.
    pub state: JurisdictionCode,
    /// Party, signatory, ...
    pub status: TreatyStatus,
    /// Date of signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    /// Date of consent to be bound (ratification, accession, approval: the deposit date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consented: Option<Date>,
    /// Date the treaty entered into force for this State.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Date>,
    /// Reservations and declarations, by article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reservations: Vec<Declaration>,
    /// The source read.
    pub source: Source,
    /// How far the record is confirmed.
    pub confidence: Confidence,
    /// What a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Party {
    /// Whether the State is bound on `date` (`None` when the data cannot say): a Party is
    /// bound from its entry into force (or, failing that, its consent); a Party with neither
    /// date is bound from the day its source was read, and unknown before. A State whose
    /// status is unknown is unknown; any other status is not bound.
    pub fn bound_on(&self, date: Date) -> Option<bool> {
        bound_on(self.status, self.bound_since(), self.source.checked, date)
    }
    /// The date the State has been bound since, if recorded.
    pub fn bound_since(&self) -> Option<Date> {
        self.in_force.or(self.consented)
    }
}

/// A reservation or declaration a State made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// The article it concerns, e.g. `35(2)`.
    pub article: String,
    /// What it says, in own words.
    pub summary: String,
}

/// A rule of a treaty that decides whether cooperation can go ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// What kind of rule.
    pub kind: RuleKind,
    /// The article, e.g. `24(1)(a)`.
    pub article: String,
    /// For a threshold: the minimum maximum penalty, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// The rule in own words.
    pub summary: String,
    /// How far it is confirmed from the text.
    pub confidence: Confidence,
}

/// The kinds of treaty rule the cooperation check reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RuleKind {
    /// Extradition only for offences punishable in both States by at least `months`.
    ExtraditionThreshold,
    /// Extradition requires the conduct to be an offence in both States.
    DualCriminalityForExtradition,
    /// Assistance may be refused where the conduct is not an offence in the requested State.
    DualCriminalityForAssistance,
    /// Preservation of data is given without dual criminality.
    PreservationWithoutDualCriminality,
    /// The treaty applies only to some offences (e.g. serious crime of `months` or more,
    /// transnational, with an organised criminal group).
    ScopeLimit,
    /// A ground on which a request may or must be refused.
    RefusalGround,
}

impl RuleKind {
    /// The kebab-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::ExtraditionThreshold => "extradition-threshold",
            Self::DualCriminalityForExtradition => "dual-criminality-for-extradition",
            Self::DualCriminalityForAssistance => "dual-criminality-for-assistance",
            Self::PreservationWithoutDualCriminality => "preservation-without-dual-criminality",
            Self::ScopeLimit => "scope-limit",
            Self::RefusalGround => "refusal-ground",
        }
    }
}

/// Whether a State with `status`, bound since `since` (if recorded) by a record whose source
/// was read on `checked`, is bound on `date`. See [`Party::bound_on`].
pub(crate) fn bound_on(
    status: TreatyStatus,
    since: Option<Date>,
    checked: Date,
    date: Date,
) -> Option<bool> {
    match status {
        TreatyStatus::Party => match since {
            Some(d) => Some(!d.certainly_after(&date)),
            None => (!checked.certainly_after(&date)).then_some(true),
        },
        TreatyStatus::Unknown => None,
        _ => Some(false),
    }
}
