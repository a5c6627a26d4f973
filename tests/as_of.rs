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
