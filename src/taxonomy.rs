//! Offence taxonomies (the UN Convention, Budapest, the negotiation drafts) and the alignments
//! between them.

use serde::{Deserialize, Serialize};

use crate::{CategoryId, Confidence, Date, LocalId, Source, TaxonomyId};

/// A treaty (or draft) whose offence articles are modelled as categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    /// The prefix of its category ids, e.g. `un2024`.
    pub id: TaxonomyId,
    /// Full official title.
    pub title: String,
    /// Short title for tables.
    pub short_title: String,
    /// Date of adoption (or of opening for signature).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Date>,
    /// Date of entry into force, where it has entered into force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Date>,
    /// Formal citation, e.g. `General Assembly resolution 79/243, annex`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// The sources read for this taxonomy.
    pub sources: Vec<Source>,
    /// Its categories, in article order.
    pub categories: Vec<Category>,
}

impl Taxonomy {
    /// The offence categories (cyber-dependent and cyber-enabled, not ancillary rules or
    /// procedural powers), with their full ids, in article order.
    pub fn offences(&self) -> impl Iterator<Item = (CategoryId, &Category)> {
        self.categories
            .iter()
            .filter(|c| c.class.is_offence())
            .map(|c| (CategoryId::new(&self.id, &c.id), c))
    }

    /// The procedural powers and safeguards (class `procedural`), with their full ids, in
    /// article order.
    pub fn powers(&self) -> impl Iterator<Item = (CategoryId, &Category)> {
        self.categories
            .iter()
            .filter(|c| c.class == CategoryClass::Procedural)
            .map(|c| (CategoryId::new(&self.id, &c.id), c))
    }

    /// The category with local id `local`, if any.
    pub fn category(&self, local: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id.as_str() == local)
    }
}

/// The analytic class of a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CategoryClass {
    /// Offences against ICT systems and data themselves (UN Arts 7-11).
    CyberDependent,
    /// Traditional offences committed by means of ICT systems (UN Arts 12-17).
    CyberEnabled,
    /// Rules attached to the offences: liability of legal persons, participation, limitation.
    Ancillary,
    /// A procedural power or safeguard a State must have for investigations (UN Chapter IV,
    /// Budapest Arts 15-21): preservation, production, search and seizure, real-time
    /// collection, interception, and the conditions attached to them.
    Procedural,
}

impl CategoryClass {
    /// Whether categories of this class are offences (cyber-dependent or cyber-enabled).
    pub fn is_offence(self) -> bool {
        matches!(self, Self::CyberDependent | Self::CyberEnabled)
    }

    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::CyberDependent => "cyber-dependent",
            Self::CyberEnabled => "cyber-enabled",
            Self::Ancillary => "ancillary",
            Self::Procedural => "procedural",
        }
    }
}

/// What a procedural category is in cooperation: a safeguard on every power, an expedited
/// preservation (which treaties may give without dual criminality, Budapest Art 29(3)), or any
/// other measure a request may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PowerKind {
    /// Conditions and safeguards attached to every power: not a request of its own.
    Safeguards,
    /// Expedited preservation of stored or traffic data.
    Preservation,
    /// Any other investigative measure: production, search and seizure, collection,
    /// interception.
    Measure,
}

impl PowerKind {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Safeguards => "safeguards",
            Self::Preservation => "preservation",
            Self::Measure => "measure",
        }
    }
}

/// An offence article (or ancillary rule) of a taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Local id inside the taxonomy, e.g. `art7`.
    pub id: LocalId,
    /// Article number as printed in the treaty, e.g. `7` or `AP 3`; absent for a category
    /// that has none (the draft-era proposals, whose article numbers are not confirmed).
    /// An empty string is refused by validation: leave the field out instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub article: Option<String>,
    /// Article title as in the treaty.
    pub title: String,
    /// Analytic class.
    pub class: CategoryClass,
    /// For a procedural category (and only for one): what it is in cooperation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power: Option<PowerKind>,
    /// One-sentence own-words summary.
    pub summary: String,
    /// The offence's elements.
    pub elements: Vec<Element>,
    /// Narrowings, exclusions, extensions and reservations a State Party may lawfully make.
    #[serde(default)]
    pub qualifications: Vec<Qualification>,
    /// A source for this category where it differs from the taxonomy's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Where a draft-era offence came from and where the idea ended up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<History>,
    /// How far the article's text is confirmed.
    pub confidence: Confidence,
    /// What a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Category {
    /// The element with this local id.
    pub fn element(&self, id: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.id.as_str() == id)
    }
    /// The qualification with this local id.
    pub fn qualification(&self, id: &str) -> Option<&Qualification> {
        self.qualifications.iter().find(|q| q.id.as_str() == id)
    }
}

/// What part of the offence an element describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ElementKind {
    /// The act.
    Conduct,
    /// What the act is done to.
    Object,
    /// A surrounding fact, e.g. "without right" or the victim's age.
    Circumstance,
    /// A required consequence.
    Result,
    /// Intent, knowledge or purpose.
    Mental,
}

impl ElementKind {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Conduct => "conduct",
            Self::Object => "object",
            Self::Circumstance => "circumstance",
            Self::Result => "result",
            Self::Mental => "mental",
        }
    }
}

/// Whether an element must always be present, or is one of several limbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    /// Part of every instance of the offence.
    Mandatory,
    /// One of several limbs, any of which completes the offence. A State Party must still
    /// criminalise every limb, so full coverage needs each of them.
    Alternative,
}

impl Requirement {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Mandatory => "mandatory",
            Self::Alternative => "alternative",
        }
    }
}

/// An element of a category's offence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Element {
    /// Local id, e.g. `access`.
    pub id: LocalId,
    /// What part of the offence it is.
    pub kind: ElementKind,
    /// Mandatory or alternative.
    pub requirement: Requirement,
    /// Own-words description.
    pub description: String,
}

/// What a permitted qualification lets a State Party do.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum QualificationKind {
    /// "A State Party may require ...": a permitted narrowing condition.
    MayRequire,
    /// A permitted exclusion from the offence.
    MayExclude,
    /// A permitted extension beyond the minimum.
    MayExtend,
    /// A reservation, with the elements it allows a reserving State not to criminalise.
    Reservation {
        /// The elements a reserving State need not cover.
        waives: Vec<LocalId>,
    },
    /// A condition written into the obligation itself, such as "subject to the basic concepts
    /// of its legal system" (UNTOC Art 6(1)(b)): no reservation is made, but a State whose
    /// legal system the condition describes need not criminalise the elements listed.
    Conditional {
        /// The elements a State relying on the condition need not cover.
        waives: Vec<LocalId>,
    },
}

impl QualificationKind {
    /// The kebab-case name used in data files (`may-require`, ..., `reservation`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::MayRequire => "may-require",
            Self::MayExclude => "may-exclude",
            Self::MayExtend => "may-extend",
            Self::Reservation { .. } => "reservation",
            Self::Conditional { .. } => "conditional",
        }
    }
    /// The elements a reservation or a conditional obligation waives (none for the other
    /// kinds).
    pub fn waives(&self) -> &[LocalId] {
        match self {
            Self::Reservation { waives } | Self::Conditional { waives } => waives,
            _ => &[],
        }
    }
}

/// A qualification or reservation a State Party may lawfully make.
///
/// In data files it is written flat (`"kind": "reservation", "waives": [...]`); only a
/// reservation may carry `waives`, which the type makes impossible to get wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawQualification", into = "RawQualification")]
pub struct Qualification {
    /// Local id, e.g. `security-measures`.
    pub id: LocalId,
    /// What it permits, with what a reservation waives.
    pub kind: QualificationKind,
    /// The paragraph that permits it, e.g. `7(2)`.
    pub paragraph: String,
    /// Own-words description.
    pub description: String,
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Qualification {
    fn schema_name() -> String {
        "Qualification".to_owned()
    }
    fn json_schema(generator: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
        RawQualification::json_schema(generator)
    }
}

/// What a permitted qualification lets a State Party do.
// (The form written in data files; the public type is `QualificationKind`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "QualificationKind"))]
#[serde(rename_all = "kebab-case")]
enum RawKind {
    /// "A State Party may require ...": a permitted narrowing condition.
    MayRequire,
    /// A permitted exclusion from the offence.
    MayExclude,
    /// A permitted extension beyond the minimum.
    MayExtend,
    /// A reservation; `waives` lists the elements it allows a State not to criminalise.
    Reservation,
    /// A condition on the obligation itself ("subject to the basic concepts of its legal
    /// system"); `waives` lists the elements a State relying on it need not criminalise.
    Conditional,
}

/// A qualification or reservation a State Party may lawfully make.
// (The form written in data files; the public type is `Qualification`.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Qualification"))]
#[serde(deny_unknown_fields)]
struct RawQualification {
    /// Local id, e.g. `security-measures`.
    id: LocalId,
    /// What it permits.
    kind: RawKind,
    /// The paragraph that permits it, e.g. `7(2)`.
    paragraph: String,
    /// Own-words description.
    description: String,
    /// For a reservation or a conditional obligation: the elements a State relying on it need
    /// not cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    waives: Vec<LocalId>,
}

impl TryFrom<RawQualification> for Qualification {
    type Error = String;
    fn try_from(raw: RawQualification) -> Result<Self, String> {
        let kind = match raw.kind {
            RawKind::Reservation => QualificationKind::Reservation { waives: raw.waives },
            RawKind::Conditional => QualificationKind::Conditional { waives: raw.waives },
            _ if !raw.waives.is_empty() => {
                return Err(format!(
                    "qualification `{}`: only a reservation or a conditional obligation may waive elements",
                    raw.id
                ));
            }
            RawKind::MayRequire => QualificationKind::MayRequire,
            RawKind::MayExclude => QualificationKind::MayExclude,
            RawKind::MayExtend => QualificationKind::MayExtend,
        };
        Ok(Self {
            id: raw.id,
            kind,
            paragraph: raw.paragraph,
            description: raw.description,
        })
    }
}

impl From<Qualification> for RawQualification {
    fn from(q: Qualification) -> Self {
        let (kind, waives) = match q.kind {
            QualificationKind::MayRequire => (RawKind::MayRequire, Vec::new()),
            QualificationKind::MayExclude => (RawKind::MayExclude, Vec::new()),
            QualificationKind::MayExtend => (RawKind::MayExtend, Vec::new()),
            QualificationKind::Reservation { waives } => (RawKind::Reservation, waives),
            QualificationKind::Conditional { waives } => (RawKind::Conditional, waives),
        };
        Self {
            id: q.id,
            kind,
            paragraph: q.paragraph,
            description: q.description,
            waives,
        }
    }
}

/// What happened to a draft-era offence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Not in the final text.
    Dropped,
    /// Folded into another article.
    Merged,
    /// Mentioned only as context in the preamble.
    PreambleOnly,
}

impl Outcome {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Dropped => "dropped",
            Self::Merged => "merged",
            Self::PreambleOnly => "preamble-only",
        }
    }
}

/// The negotiating history of a draft-era category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct History {
    /// The draft it was proposed in.
    pub document: String,
    /// The draft's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where the idea ended up.
    pub outcome: Outcome,
    /// Categories the idea was merged into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub successors: Vec<CategoryId>,
    /// What a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The alignments file: links between taxonomies and to ICCS codes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Alignments {
    /// SKOS links between categories of different taxonomies.
    #[serde(default)]
    pub relations: Vec<Alignment>,
    /// ICCS codes per category.
    #[serde(default)]
    pub iccs: Vec<IccsLink>,
}

/// A SKOS link between two categories, read "subject RELATION object".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Alignment {
    /// The category described.
    pub subject: CategoryId,
    /// How the object relates to it.
    pub relation: crate::Relation,
    /// The category it is compared with.
    pub object: CategoryId,
    /// Why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The ICCS (UNODC International Classification of Crime for Statistical Purposes) codes of a
/// category, or the record that it has none.
///
/// With `codes` empty the link says the category was looked up and no ICCS code is given for
/// it; `note` (then required) says why: the ICCS has no class for it, or none could be
/// confirmed from the sources read. `confidence` then says how far that absence is established
/// (`low`: no code was found, one may exist).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IccsLink {
    /// The category.
    pub category: CategoryId,
    /// ICCS codes, e.g. `09031`; empty when no code is given (see `note`).
    pub codes: Vec<crate::IccsCode>,
    /// How far the codes (or, with none, their absence) are confirmed.
    pub confidence: Confidence,
    /// What a reviewer should know; with no codes, why there are none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
