//! Identifier round trips and rejection of malformed input, as properties.

use cybercrime_taxonomy::{
    CategoryId, Date, ElementRef, InstrumentId, JurisdictionCode, LocalId, ProvisionId, Relation,
};
use proptest::prelude::*;

const LOCAL: &str = "[a-z0-9][a-z0-9._-]{0,15}";
const PREFIX: &str = "[a-z][a-z0-9]{0,11}";

proptest! {
    #[test]
    fn category_ids_round_trip(prefix in PREFIX, local in LOCAL) {
        let text = format!("{prefix}:{local}");
        let id: CategoryId = text.parse().unwrap();
        prop_assert_eq!(id.to_string(), text.clone());
        prop_assert_eq!(id.prefix(), prefix.as_str());
        prop_assert_eq!(id.local(), local.as_str());
        let json = serde_json::to_string(&id).unwrap();
        prop_assert_eq!(serde_json::from_str::<CategoryId>(&json).unwrap(), id);
    }

    #[test]
    fn element_refs_round_trip(prefix in PREFIX, cat in LOCAL, el in LOCAL) {
        let text = format!("{prefix}:{cat}#{el}");
        prop_assert_eq!(text.parse::<ElementRef>().unwrap().to_string(), text);
    }

    #[test]
    fn provision_ids_round_trip(cc in "[a-z]{2}", ins in LOCAL, local in LOCAL) {
        let text = format!("{cc}:{ins}/{local}");
        let id: ProvisionId = text.parse().unwrap();
        prop_assert_eq!(id.to_string(), text.clone());
        prop_assert_eq!(id.instrument(), format!("{cc}:{ins}"));
        let code = id.jurisdiction();
        prop_assert_eq!(code.as_str(), cc.to_uppercase());
        let instrument: InstrumentId = id.instrument().parse().unwrap();
        prop_assert_eq!(instrument.jurisdiction(), id.jurisdiction());
    }

    #[test]
    fn jurisdiction_codes_round_trip(cc in "[A-Z]{2}") {
        prop_assert_eq!(cc.parse::<JurisdictionCode>().unwrap().to_string(), cc);
    }

    #[test]
    fn dates_round_trip(y in 1000u16..3000, m in 1u8..=12, d in 1u8..=28) {
        for text in [format!("{y:04}"), format!("{y:04}-{m:02}"), format!("{y:04}-{m:02}-{d:02}")] {
            prop_assert_eq!(text.parse::<Date>().unwrap().to_string(), text);
        }
    }

    /// Nothing panics on arbitrary input; whatever parses prints back the same.
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,40}") {
        if let Ok(id) = s.parse::<CategoryId>() { prop_assert_eq!(id.to_string(), s.clone()); }
        if let Ok(id) = s.parse::<ProvisionId>() { prop_assert_eq!(id.to_string(), s.clone()); }
        if let Ok(id) = s.parse::<LocalId>() { prop_assert_eq!(id.to_string(), s.clone()); }
        if let Ok(id) = s.parse::<ElementRef>() { prop_assert_eq!(id.to_string(), s.clone()); }
        if let Ok(d) = s.parse::<Date>() { prop_assert_eq!(d.to_string(), s.clone()); }
        let _ = s.parse::<Relation>();
    }

    #[test]
    fn upper_case_local_parts_are_rejected(prefix in PREFIX, local in "[A-Z][a-z]{0,5}") {
        let text = format!("{prefix}:{local}");
        prop_assert!(text.parse::<CategoryId>().is_err());
    }
}

#[test]
fn every_public_type_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<cybercrime_taxonomy::Dataset>();
    check::<cybercrime_taxonomy::Diagnostics>();
    check::<cybercrime_taxonomy::Error>();
    check::<cybercrime_taxonomy::LookupError>();
    check::<cybercrime_taxonomy::Candidate>();
    check::<CategoryId>();
    check::<ProvisionId>();
}

#[test]
fn hostile_ids_are_refused_cheaply_and_quoted_short() {
    let long = "a".repeat(10_000_000);
    let id = format!("sg:{long}/s1");
    let err = id.parse::<cybercrime_taxonomy::ProvisionId>().unwrap_err();
    let message = err.to_string();
    assert!(message.len() < 200, "{}", message.len());
    assert!(
        message.ends_with("(10000006 bytes)`: longer than 200 bytes"),
        "{message}"
    );
    // An unknown category of hostile length gets no edit-distance hint (which would cost
    // |input| x |known id| per candidate).
    let json = format!(
        r#"{{ "code": "ZZ", "name": "Z", "as_of": "2026", "provisions": [], "gaps": [{{ "category": "un2024:{}", "verdict": "gap", "checked": "read the whole fixture act" }}] }}"#,
        "x".repeat(150)
    );
    let errors = cybercrime_taxonomy::DatasetBuilder::new()
        .embedded()
        .text("zz.json", json)
        .build()
        .unwrap_err();
    let expected = format!("unknown category `un2024:{}…` (157 bytes)", "x".repeat(57));
    assert!(errors.iter().any(|d| d.message == expected), "{errors}");
}

#[test]
fn the_generator_names_every_jurisdiction_it_promises() {
    use cybercrime_taxonomy::synthetic::{MAX_JURISDICTIONS, code};
    let mut seen = std::collections::HashSet::new();
    for i in (0..MAX_JURISDICTIONS)
        .step_by(997)
        .chain([26_000, MAX_JURISDICTIONS - 1])
    {
        let c = code(i);
        assert!(
            c.parse::<cybercrime_taxonomy::JurisdictionCode>().is_ok(),
            "{i}: {c}"
        );
        assert!(seen.insert(c), "{i}");
    }
    assert_eq!(code(MAX_JURISDICTIONS - 1), "XZ-ZZZ");
}
