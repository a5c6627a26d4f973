//! Every `as_str()` name is the name serde reads and writes, so a data file, a JSON report and
//! the text output never disagree about what a value is called.

use cybercrime_taxonomy::check::{DualVerdict, Level};
use cybercrime_taxonomy::{
    CategoryClass, Code, Confidence, ElementKind, LegalStatus, Outcome, PenaltyForm, Requirement,
    Severity, Theme, TreatyStatus,
};
use serde::Serialize;

fn serde_name(v: &impl Serialize) -> String {
    match serde_json::to_value(v).unwrap() {
        serde_json::Value::String(s) => s,
        other => panic!("not a unit variant: {other}"),
    }
}

macro_rules! same_names {
    ($($ty:ident: [$($variant:ident),+ $(,)?];)+) => {
        $($(
            assert_eq!(
                $ty::$variant.as_str(),
                serde_name(&$ty::$variant),
                concat!(stringify!($ty), "::", stringify!($variant))
            );
        )+)+
    };
}

#[test]
fn as_str_is_the_serde_name() {
    same_names! {
        TreatyStatus: [Party, Signatory, Invited, NotSignatory, Unknown];
        LegalStatus: [InForce, Amended, Repealed, StruckDown, NotYetInForce];
        Theme: [Defamation, FalseInformation, LeseMajeste, PublicOrder, Obscenity, HateSpeech,
                Gambling, Spam, Cybersquatting, IdentityMisuse, Privacy, Terrorism, Other];
        Confidence: [Low, Medium, High];
        PenaltyForm: [Basic, Aggravated];
        Severity: [Note, Warning, Error];
        DualVerdict: [NotSatisfied, Unknown, Conditional, Satisfied];
        Level: [Unknown, Gap, Partial, Full];
        CategoryClass: [CyberDependent, CyberEnabled, Ancillary];
        ElementKind: [Conduct, Object, Circumstance, Result, Mental];
        Requirement: [Mandatory, Alternative];
        Outcome: [Dropped, Merged, PreambleOnly];
        Code: [Io, TooLarge, Syntax, TrailingComma, Schema, UnknownFileKind, DuplicateId,
               UnknownCategory, UnknownElement, QualificationNotPermitted, DanglingReference,
               IdMismatch, InvertedDates, MissingText, ConflictingVerdict, MissingVerdict,
               InconsistentMapping, Override, OutOfRange, NotInInterchange];
    }
}

#[test]
fn confidence_parses_its_own_names() {
    for c in [Confidence::Low, Confidence::Medium, Confidence::High] {
        assert_eq!(c.as_str().parse::<Confidence>().unwrap(), c);
    }
    assert_eq!(
        "certain".parse::<Confidence>().unwrap_err().to_string(),
        "invalid confidence `certain`: expected low, medium or high"
    );
}
