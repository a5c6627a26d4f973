//! A jurisdiction's instruments, provisions, researched gaps and treaty status.

use serde::{Deserialize, Serialize};

use crate::{
    CategoryId, Confidence, Date, InstrumentId, JurisdictionCode, Mapping, Penalty, ProvisionId,
    Source, TaxonomyId,
};

/// One jurisdiction's data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// ISO 3166-1 alpha-2 code.
    pub code: JurisdictionCode,
    /// Short English name.
    pub name: String,
    /// Other names of the State that lookups accept: the ISO 3166-1 alpha-3 code, the formal
    /// name and common English short forms (e.g. `VNM`, `Socialist Republic of Viet Nam`,
    /// `Vietnam`). Names only, not citations; each must pick out this State alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The date the file was last researched.
    pub as_of: Date,
    /// Status towards the modelled treaties.
    #[serde(default)]
    pub treaties: Vec<TreatyRecord>,
    /// Statutes carrying relevant offences.
    #[serde(default)]
    pub instruments: Vec<Instrument>,
    /// Offence provisions and their mappings.
    #[serde(default)]
    pub provisions: Vec<Provision>,
    /// Researched "no provision" verdicts, and honest "not researched" ones.
    #[serde(default)]
    pub gaps: Vec<GapRecord>,
    /// The authorities that send and receive cooperation requests, where published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authorities: Vec<Authority>,
    /// What a reviewer should know about the file as a whole.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// An authority for international cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// What it does.
    pub role: AuthorityRole,
    /// Its name, e.g. `Attorney-General's Chambers, International Affairs Division`.
    pub name: String,
    /// The law that designates it, where the source names one, e.g. `RA 10175 s 23`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
    /// Since when, if the designation is recent or changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The source read.
    pub source: Source,
    /// How far it is confirmed.
    pub confidence: Confidence,
    /// What a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The role of a cooperation authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum AuthorityRole {
    /// Central authority for mutual legal assistance.
    CentralAuthorityMla,
    /// Central authority for extradition.
    CentralAuthorityExtradition,
    /// 24/7 point of contact for cybercrime and electronic evidence.
    Contact247,
}

impl AuthorityRole {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::CentralAuthorityMla => "central-authority-mla",
            Self::CentralAuthorityExtradition => "central-authority-extradition",
            Self::Contact247 => "contact-24-7",
        }
    }
}

impl Jurisdiction {
    /// The authorities with this role (a later designation last).
    pub fn authorities(&self, role: AuthorityRole) -> impl Iterator<Item = &Authority> {
        self.authorities.iter().filter(move |a| a.role == role)
    }
    /// The provision with this id, if it belongs to this jurisdiction.
    pub fn provision(&self, id: &ProvisionId) -> Option<&Provision> {
        self.provisions.iter().find(|p| &p.id == id)
    }
    /// The instrument with this id.
    pub fn instrument(&self, id: &InstrumentId) -> Option<&Instrument> {
        self.instruments.iter().find(|i| &i.id == id)
    }
    /// The gap record for a category, if any.
    pub fn gap(&self, category: &CategoryId) -> Option<&GapRecord> {
        self.gaps.iter().find(|g| &g.category == category)
    }
    /// The treaty record for a taxonomy, if any.
    pub fn treaty(&self, treaty: &TaxonomyId) -> Option<&TreatyRecord> {
        self.treaties.iter().find(|t| &t.treaty == treaty)
    }
}

/// Where a State stands towards a treaty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TreatyStatus {
    /// Ratified, accepted, approved or acceded.
    Party,
    /// Signed, not (yet) ratified.
    Signatory,
    /// Invited to accede (a treaty open to non-members by invitation, such as Budapest), not
    /// yet a Party; the date is in `invited`.
    Invited,
    /// Neither signed nor a party, as far as the source shows.
    NotSignatory,
    /// No source confirms either way.
    Unknown,
}

impl TreatyStatus {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Party => "party",
            Self::Signatory => "signatory",
            Self::Invited => "invited",
            Self::NotSignatory => "not-signatory",
            Self::Unknown => "unknown",
        }
    }
    /// Whether the State has at least signed.
    pub fn has_signed(&self) -> bool {
        matches!(self, Self::Party | Self::Signatory)
    }
}

/// A jurisdiction's status towards one treaty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TreatyRecord {
    /// The treaty, by taxonomy id.
    pub treaty: TaxonomyId,
    /// Status.
    pub status: TreatyStatus,
    /// Date of an invitation to accede.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited: Option<Date>,
    /// Date of signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    /// Date of ratification, acceptance, approval or accession.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consented: Option<Date>,
    /// The source that shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// How sure.
    pub confidence: Confidence,
    /// What a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The kind of statute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentKind {
    /// A cybercrime or computer-misuse law.
    Cybercrime,
    /// The penal or criminal code.
    PenalCode,
    /// A child-protection law.
    ChildProtection,
    /// A sexual-offences law (including voyeurism and intimate images).
    SexualOffences,
    /// An electronic-transactions law.
    ElectronicTransactions,
    /// A telecommunications or communications law.
    Telecommunications,
    /// An anti-money-laundering law.
    AntiMoneyLaundering,
    /// A data-protection law.
    DataProtection,
    /// A criminal procedure code or law.
    CriminalProcedure,
    /// A law on mutual legal assistance or extradition.
    MutualLegalAssistance,
    /// Anything else.
    Other,
}

/// Whether a text is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LegalStatus {
    /// In force.
    #[default]
    InForce,
    /// In force as amended (the amendment is described in the note).
    Amended,
    /// Repealed (see `until`).
    Repealed,
    /// Struck down by a court (see `until` and the note).
    StruckDown,
    /// Enacted, not yet in force.
    NotYetInForce,
}

impl LegalStatus {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::InForce => "in-force",
            Self::Amended => "amended",
            Self::Repealed => "repealed",
            Self::StruckDown => "struck-down",
            Self::NotYetInForce => "not-yet-in-force",
        }
    }
    /// Whether the text currently has effect.
    pub fn is_effective(&self) -> bool {
        matches!(self, Self::InForce | Self::Amended)
    }
    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// An amendment that matters to the offences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// Title of the amending instrument.
    pub title: String,
    /// Its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// What it changed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A statute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Id, e.g. `sg:cma1993`.
    pub id: InstrumentId,
    /// Official short title.
    pub title: String,
    /// Number, chapter or edition, e.g. `Act 563` or `2020 Revised Edition`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Kind of statute.
    pub kind: InstrumentKind,
    /// Date (or year) of enactment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enacted: Option<Date>,
    /// Date of entry into force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Date>,
    /// Date it ceased to have effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// Whether it is in force.
    #[serde(default, skip_serializing_if = "LegalStatus::is_default")]
    pub status: LegalStatus,
    /// Amendments that matter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
    /// For a bill or a law not yet in force: how far it has got.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
    /// The source read.
    pub source: Source,
    /// What a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How far a bill or a law not yet in force has got, as the last dated source says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pending {
    /// The stage.
    pub stage: Stage,
    /// The date it reached the stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// What a reviewer should know (what would bring it into force).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The law-making stages a pending text goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Drafted (published or reported as a draft).
    Drafted,
    /// Approved by the cabinet or council of ministers, for the legislature.
    ApprovedByCabinet,
    /// Passed by one chamber of the legislature.
    PassedOneChamber,
    /// Passed by the legislature, awaiting assent or promulgation.
    PassedLegislature,
    /// Enacted (assented, promulgated), not yet in force.
    Enacted,
}

impl Stage {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Drafted => "drafted",
            Self::ApprovedByCabinet => "approved-by-cabinet",
            Self::PassedOneChamber => "passed-one-chamber",
            Self::PassedLegislature => "passed-legislature",
            Self::Enacted => "enacted",
        }
    }
}

/// A section or article of a statute that creates an offence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// Id, e.g. `sg:cma1993/s3`.
    pub id: ProvisionId,
    /// The instrument it belongs to.
    pub instrument: InstrumentId,
    /// Number exactly as cited in the State, e.g. `s 3` or `Art 30(3)`.
    pub number: String,
    /// Official title, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// One- or two-sentence own-words summary.
    pub summary: String,
    /// Date of entry into force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Date>,
    /// Date it ceased to have effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// Whether it is in force.
    #[serde(default, skip_serializing_if = "LegalStatus::is_default")]
    pub status: LegalStatus,
    /// Former numbers still used by older sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_numbers: Vec<String>,
    /// The source read.
    pub source: Source,
    /// How far the citation and content are confirmed.
    pub confidence: Confidence,
    /// What a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The provisions that replaced this one when it was repealed or renumbered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaced_by: Vec<ProvisionId>,
    /// Where the provision's legal position is disputed (e.g. whether a later law repealed it):
    /// each reading with the source that supports it. The `status` field then holds the reading
    /// the record follows, and the note says why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contested: Vec<Reading>,
    /// The penalties the statute sets for the offence: the basic form and any aggravated forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penalties: Vec<Penalty>,
    /// Where no penalty is recorded: what was read and why the penalty could not be confirmed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub penalty_note: String,
    /// For a procedural provision: who authorises it, its limits, and whether it can serve a
    /// foreign request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power: Option<Box<crate::PowerUse>>,
    /// Mappings onto taxonomy categories.
    #[serde(default)]
    pub mappings: Vec<Mapping>,
    /// Set for a national cyber offence with no Convention counterpart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside_convention: Option<OutsideConvention>,
}

impl Provision {
    /// Whether the provision had effect on `date`: on or after `in_force` and before `until`
    /// (a half-open period). Where a partial date leaves it uncertain (`until: 2022` and a date
    /// in 2022), the provision counts as in force. Without dates, `status` decides: a repealed,
    /// struck-down or not-yet-in-force provision with no date does not count.
    pub fn in_force_on(&self, date: Date) -> bool {
        if self
            .until
            .is_some_and(|until| date.certainly_on_or_after(&until))
        {
            return false;
        }
        if self
            .in_force
            .is_some_and(|from| from.certainly_after(&date))
        {
            return false;
        }
        match self.status {
            LegalStatus::InForce | LegalStatus::Amended => true,
            LegalStatus::Repealed | LegalStatus::StruckDown => self.until.is_some(),
            LegalStatus::NotYetInForce => self.in_force.is_some(),
        }
    }
}

/// Themes of national cyber offences that have no Convention counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Defamation, libel, insult.
    Defamation,
    /// False information, "fake news".
    FalseInformation,
    /// Offences against the monarchy.
    LeseMajeste,
    /// Content threatening public order, national security or the State.
    PublicOrder,
    /// Obscenity and indecency (adult material).
    Obscenity,
    /// Hate speech and incitement to hostility.
    HateSpeech,
    /// Online gambling.
    Gambling,
    /// Unsolicited commercial messages.
    Spam,
    /// Domain-name squatting.
    Cybersquatting,
    /// Identity theft and misuse of identity data.
    IdentityMisuse,
    /// Privacy and personal-data offences.
    Privacy,
    /// Terrorism-related content or use.
    Terrorism,
    /// Anything else.
    Other,
}

impl Theme {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Defamation => "defamation",
            Self::FalseInformation => "false-information",
            Self::LeseMajeste => "lese-majeste",
            Self::PublicOrder => "public-order",
            Self::Obscenity => "obscenity",
            Self::HateSpeech => "hate-speech",
            Self::Gambling => "gambling",
            Self::Spam => "spam",
            Self::Cybersquatting => "cybersquatting",
            Self::IdentityMisuse => "identity-misuse",
            Self::Privacy => "privacy",
            Self::Terrorism => "terrorism",
            Self::Other => "other",
        }
    }
}

/// Marks a national offence that has no Convention counterpart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OutsideConvention {
    /// What it is about.
    pub theme: Theme,
    /// Why it matters for the human-rights safeguards review.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The verdict of a gap record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum GapVerdict {
    /// Researched: no provision criminalises the category's conduct.
    Gap,
    /// Not yet researched: an honest unknown.
    NotResearched,
}

/// A researched conclusion about a category no provision maps onto.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GapRecord {
    /// The category.
    pub category: CategoryId,
    /// Gap or not researched.
    pub verdict: GapVerdict,
    /// What was searched and read.
    pub checked: String,
    /// The sources read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// What a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One reading of a disputed legal position, with the source that supports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// The reading, in own words (e.g. "repealed by KUHP Art 622 from 2026-01-02").
    pub reading: String,
    /// The source that supports it.
    pub source: Source,
}
