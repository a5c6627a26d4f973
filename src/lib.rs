//! A typed model of the offences of the **UN Convention against Cybercrime** (General Assembly
//! resolution 79/243, adopted 24 December 2024), aligned with the Budapest Convention (ETS 185)
//! and the offences of the negotiation drafts, together with the national offences of the
//! eleven ASEAN Member States mapped onto them element by element.
//!
//! ```
//! use cybercrime_taxonomy::Dataset;
//!
//! let data = Dataset::embedded();
//! let art7 = data.category_str("un2024:art7").expect("Article 7 is shipped");
//! assert_eq!(art7.category.title, "Illegal access");
//! // A State Party may require that access be gained by infringing security measures.
//! assert!(art7.category.qualification("security-measures").is_some());
//! ```
//!
//! # Scope of this crate
//!
//! The crate holds *data* (taxonomies, alignments, national provisions with their sources and
//! confidence) and *pure functions* over it. It does not give legal advice, fetch anything at
//! run time, or keep global mutable state. Every national provision names its statute, section
//! and the source that was read; where a fact could not be confirmed the record says so
//! (`confidence: low` and a note) rather than guessing.
//!
//! # Data flow
//!
//! Files are parsed into plain typed values, validated once into a [`Dataset`] (errors come back
//! as [`Diagnostics`] naming file, line and column, and the dataset records its [`Origin`]),
//! read by a [`check::Checker`] with its [`check::Options`] into typed findings, and worded only
//! by [`render`]. Users can add or replace jurisdictions with their own files through
//! [`DatasetBuilder`].
//!
//! ```
//! use cybercrime_taxonomy::{Dataset, check::{Checker, Level, Reason}, render::words};
//!
//! let data = Dataset::embedded();
//! let ph = data.jurisdiction_str("PH").unwrap();
//! let art7 = Checker::new(data).coverage(ph, &"un2024:art7".parse().unwrap()).unwrap();
//! assert_eq!(art7.verdict.level(), Level::Full);
//! // The reasons are typed; `render::words` says them in English.
//! assert!(matches!(&art7.reasons[0], Reason::Counts { .. }));
//! assert!(words::reason(&art7.reasons[0], &art7.category).ends_with("un2024:art7"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod check;
mod consistency;
mod counts;
mod dataset;
mod date;
mod diagnostic;
mod distance;
mod embedded;
mod error;
mod id;
mod jurisdiction;
mod load;
mod lookup;
mod mapping;
mod origin;
mod penalty;
mod power;
mod provenance;
mod provision_index;
pub mod render;
#[cfg(feature = "schema")]
pub mod schema;
mod source_text;
pub mod sssom;
#[cfg(feature = "proptest")]
pub mod strategy;
pub mod synthetic;
mod taxonomy;
mod treaty;
mod validate;

pub use consistency::{assert_consistent, revalidate};
pub use counts::{Count, read_counts};
pub use dataset::{CategoryRef, Dataset, Item, ProvisionRef};
pub use date::{Date, DateError};
pub use diagnostic::{Code, Diagnostic, Diagnostics, Severity};
/// Every data file compiled into the crate: `(path relative to the crate root, contents)`.
pub use embedded::FILES as EMBEDDED_FILES;
pub use error::Error;
pub use id::{
    CategoryId, ElementRef, IccsCode, IdError, InstrumentId, JurisdictionCode, LocalId, MAX_ID_LEN,
    ProvisionId, TaxonomyId, TreatyId,
};
pub use jurisdiction::{
    Amendment, Authority, AuthorityRole, GapRecord, GapVerdict, Instrument, InstrumentKind,
    Jurisdiction, LegalStatus, OutsideConvention, Pending, Provision, Reading, Stage, Theme,
    TreatyRecord, TreatyStatus,
};
pub use load::DatasetBuilder;
pub use lookup::{Candidate, LookupError};
pub use mapping::{ExtraCondition, Justification, Mapping, Relation, RelationError};
pub use origin::{Origin, Shipped};
pub use penalty::{
    EXTRADITION_MONTHS, Fine, Money, Penalty, PenaltyForm, SERIOUS_CRIME_MONTHS, Term,
};
pub use power::{ForeignRequests, PowerUse};
pub use provenance::{Confidence, ConfidenceError, Source};
pub use source_text::{MAX_DEPTH, MAX_FILE_BYTES};
pub use taxonomy::{
    Alignment, Alignments, Category, CategoryClass, Element, ElementKind, History, IccsLink,
    Outcome, PowerKind, Qualification, QualificationKind, Requirement, Taxonomy,
};
pub use treaty::{
    Declaration, Party, Rule, RuleKind, Subject, Treaty, TreatyFile, TreatyForce, TreatyScope,
};
pub use validate::CONVENTION;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The version of the shipped data set (`data/manifest.json`; a test keeps the two equal).
pub const DATA_VERSION: &str = "2026.12.3";

/// The date the shipped data was last researched (`data/manifest.json`).
pub const DATA_AS_OF: Date = Date::ymd(2026, 12, 2);
