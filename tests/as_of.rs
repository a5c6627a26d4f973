//! The law on a date: verdicts computed from the provisions in force on that date.

use cybercrime_taxonomy::check::{Checker, Options, Scope};
use cybercrime_taxonomy::{Dataset, Date};
use proptest::prelude::*;

fn art7_provisions(date: &str) -> Vec<String> {
    let data = Dataset::embedded();
    let check = Checker::with_options(data, Options::default().with_as_of(date.parse().unwrap()));
    let id = data.jurisdiction_str("ID").unwrap();
    let c = check.coverage(id, &"un2024:art7".parse().unwrap()).unwrap();
    c.verdict
        .provisions()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn indonesia_art7_moves_from_the_ite_law_to_the_new_criminal_code() {
    let before = art7_provisions("2025-12-31");
    assert!(before.contains(&"id:ite2008/s30".to_owned()), "{before:?}");
    assert!(
        !before.iter().any(|p| p.starts_with("id:kuhp2023/")),
        "{before:?}"
    );
    let after = art7_provisions("2026-06-01");
    assert!(after.contains(&"id:kuhp2023/s332".to_owned()), "{after:?}");
    assert!(!after.contains(&"id:ite2008/s30".to_owned()), "{after:?}");
}

#[test]
fn a_date_after_the_research_date_is_flagged() {
    let data = Dataset::embedded();
    let later = Checker::with_options(data, Options::default().with_as_of("2030".parse().unwrap()));
    assert!(later.report(&Scope::default()).unwrap().beyond_research);
    let earlier = Checker::with_options(
        data,
        Options::default().with_as_of("2025-01-01".parse().unwrap()),
    );
    assert!(!earlier.report(&Scope::default()).unwrap().beyond_research);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A verdict on a date depends only on the records in force on that date: dropping every
    /// other provision changes no verdict.
    #[test]
    fn verdicts_on_a_date_rest_only_on_law_in_force_then(year in 2000u16..2031, month in 1u8..13) {
        let date: Date = format!("{year}-{month:02}-15").parse().unwrap();
        let data = Dataset::embedded();
        let check = Checker::with_options(data, Options::default().with_as_of(date));
        let un = "un2024".parse().unwrap();
        for j in data.jurisdictions() {
            let mut only = j.clone();
            only.provisions.retain(|p| p.in_force_on(date));
            let all: Vec<_> = check.coverage_all(j, &un).into_iter().map(|c| c.verdict).collect();
            let kept: Vec<_> = check.coverage_all(&only, &un).into_iter().map(|c| c.verdict).collect();
            prop_assert_eq!(all, kept, "{} on {}", j.code, date);
        }
    }
}

/// Renumbered, replaced and pending law use the typed history fields, one way each.
#[test]
fn renumbered_replaced_and_pending_law_are_typed_records() {
    let data = Dataset::embedded();
    let j = |c: &str| data.jurisdiction_str(c).unwrap();
    let provision = |c: &str, id: &str| {
        j(c).provision(&id.parse().unwrap())
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    // Singapore's 2020 Revised Edition renumbered the CMA: same offence, new number, the
    // former numbers kept.
    let s7 = provision("SG", "sg:cma1993/s7");
    assert_eq!(s7.number, "s 7");
    assert!(s7.former_numbers.iter().any(|n| n.starts_with("s 6A")));
    assert!(s7.status.is_effective());
    // The Philippines' RA 9775 was repealed by RA 11930: a dated record linked to its
    // successors, each of which exists.
    let old = provision("PH", "ph:ra9775/s4");
    assert_eq!(old.status, cybercrime_taxonomy::LegalStatus::Repealed);
    assert!(old.until.is_some());
    assert!(!old.replaced_by.is_empty());
    for id in &old.replaced_by {
        assert!(j("PH").provision(id).is_some(), "{id}");
    }
    // Malaysia's Cybercrimes Bill 2026 is pending, with its stage and date.
    let bill = j("MY")
        .instrument(&"my:cybercrimes-bill2026".parse().unwrap())
        .unwrap();
    assert_eq!(bill.status, cybercrime_taxonomy::LegalStatus::NotYetInForce);
    let pending = bill.pending.as_ref().unwrap();
    assert_eq!(pending.stage, cybercrime_taxonomy::Stage::PassedOneChamber);
    assert_eq!(pending.date, Some("2026-07-01".parse().unwrap()));
}

/// Law not yet in force never counts unless asked, and then says so.
#[test]
fn pending_law_counts_only_when_included_and_is_marked() {
    use cybercrime_taxonomy::check::{Options, Reason};
    let data = Dataset::embedded();
    let my = data.jurisdiction_str("MY").unwrap();
    let art26: cybercrime_taxonomy::CategoryId = "un2024:art26".parse().unwrap();
    let without = Checker::new(data).coverage(my, &art26).unwrap();
    assert!(!without.rests_on_pending());
    assert!(
        !without
            .verdict
            .provisions()
            .iter()
            .any(|p| p.as_str() == "my:cma1998/s252b")
    );
    assert!(without.reasons.iter().any(|r| matches!(
        r,
        Reason::NotInForce { provision, .. } if provision.provision.as_str() == "my:cma1998/s252b"
    )));
    let with = Checker::with_options(data, Options::default().with_pending())
        .coverage(my, &art26)
        .unwrap();
    assert!(with.rests_on_pending());
    assert!(
        with.verdict
            .provisions()
            .iter()
            .any(|p| p.as_str() == "my:cma1998/s252b")
    );
    assert!(
        cybercrime_taxonomy::render::words::reasons(&with).contains(
            &"my:cma1998/s252b (s 252B) is not yet in force: it counts only because pending law is included"
                .to_owned()
        )
    );
    assert!(cybercrime_taxonomy::render::mark(&with).ends_with('+'));
}

#[test]
fn a_stage_on_law_in_force_is_refused() {
    let file = r#"{ "code": "XA", "name": "X", "as_of": "2026-11",
  "instruments": [ { "id": "xa:act", "title": "Act", "kind": "cybercrime", "status": "in-force",
    "pending": { "stage": "enacted" }, "source": { "title": "Act", "checked": "2026-11-01" } } ] }"#;
    let err = cybercrime_taxonomy::DatasetBuilder::new()
        .embedded_taxonomies()
        .text("xa.json", file)
        .build()
        .unwrap_err();
    assert!(
        err.iter().any(|d| d.message
            == "instrument `xa:act` has a law-making stage but its status is `in-force`: a pending text has status `not-yet-in-force`"),
        "{err}"
    );
}
