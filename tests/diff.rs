//! Verdict-level diffs: between dates, between datasets, and their algebra.

use cybercrime_taxonomy::check::{Cause, Checker, Diff, Options, Why};
use cybercrime_taxonomy::synthetic::{Options as Synthetic, dataset_with};
use cybercrime_taxonomy::{Dataset, DatasetBuilder, sssom};
use proptest::prelude::*;

fn on<'a>(data: &'a Dataset, date: &str) -> Checker<'a> {
    Checker::with_options(data, Options::default().with_as_of(date.parse().unwrap()))
}

#[test]
fn the_new_indonesian_criminal_code_shows_as_the_changed_basis() {
    let data = Dataset::embedded();
    let diff = on(data, "2025-12-31").diff(
        &on(data, "2026-01-02"),
        &"un2024".parse().unwrap(),
        &["ID".parse().unwrap()],
    );
    let art7 = diff
        .changes
        .iter()
        .find(|c| c.category.as_str() == "un2024:art7")
        .unwrap();
    assert!(art7.causes.iter().any(|c| matches!(c,
        Cause::ProvisionLeft { provision, after: Why::NotInForce { replaced_by } }
            if provision.as_str() == "id:ite2008/s30"
                && replaced_by.iter().any(|r| r.as_str() == "id:kuhp2023/s332"))));
    assert!(art7.causes.iter().any(|c| matches!(c,
        Cause::ProvisionEntered { provision, .. } if provision.as_str() == "id:kuhp2023/s332")));
    assert!(diff.changes.iter().all(|c| c.jurisdiction.as_str() == "ID"));
}

#[test]
fn the_shipped_data_against_its_own_sssom_export_has_no_differences() {
    let data = Dataset::embedded();
    let tsv = sssom::export(data, &sssom::ExportOptions::default());
    let again = DatasetBuilder::new()
        .embedded()
        .text("all.sssom.tsv", tsv)
        .build()
        .unwrap();
    let diff = Checker::new(data).diff(&Checker::new(&again), &"un2024".parse().unwrap(), &[]);
    assert!(diff.is_empty(), "{:#?}", diff.changes);
}

#[test]
fn a_hand_edit_is_reported_exactly() {
    let data = Dataset::embedded();
    // Drop Singapore's CMA s 3 mapping onto Art 7: only SG Art 7 may change.
    let mut sg = data.jurisdiction_str("SG").unwrap().clone();
    let s3 = sg
        .provisions
        .iter_mut()
        .find(|p| p.id.as_str() == "sg:cma1993/s3")
        .unwrap();
    s3.mappings.retain(|m| m.category.as_str() != "un2024:art7");
    let edited = DatasetBuilder::new()
        .embedded()
        .text("sg.json", serde_json::to_string(&sg).unwrap())
        .build()
        .unwrap();
    let diff = Checker::new(data).diff(&Checker::new(&edited), &"un2024".parse().unwrap(), &[]);
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
    let c = &diff.changes[0];
    assert_eq!(
        (c.jurisdiction.as_str(), c.category.as_str()),
        ("SG", "un2024:art7")
    );
    assert_eq!(
        c.causes,
        [Cause::ProvisionLeft {
            provision: "sg:cma1993/s3".parse().unwrap(),
            after: Why::NotCounted
        }]
    );
}

/// A change without its causes: where, the levels before and after, the provisions before and
/// after.
type Row = (
    String,
    Option<String>,
    Option<String>,
    Vec<String>,
    Vec<String>,
);

fn generated(seed: u64) -> Dataset {
    dataset_with(
        Dataset::embedded(),
        Synthetic {
            jurisdictions: 2,
            provisions: 12,
            seed,
        },
    )
}

/// The changes of `d` without their causes; with `turned`, before and after swapped.
fn rows(d: &Diff, turned: bool) -> Vec<Row> {
    let lv = |l: Option<cybercrime_taxonomy::check::Level>| l.map(|l| l.as_str().to_owned());
    let ids = |v: &[cybercrime_taxonomy::ProvisionId]| v.iter().map(ToString::to_string).collect();
    d.changes
        .iter()
        .map(|c| {
            let (before, after) = (
                (lv(c.before), ids(&c.provisions_before)),
                (lv(c.after), ids(&c.provisions_after)),
            );
            let (x, y) = if turned {
                (after, before)
            } else {
                (before, after)
            };
            (
                format!("{} {}", c.jurisdiction, c.category),
                x.0,
                y.0,
                x.1,
                y.1,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_dataset_against_itself_has_no_differences(seed in any::<u64>()) {
        let data = generated(seed);
        let check = Checker::new(&data);
        prop_assert!(check.diff(&check, &"un2024".parse().unwrap(), &[]).is_empty());
    }

    #[test]
    fn diff_both_ways_are_inverses(a in any::<u64>(), b in any::<u64>()) {
        let (x, y) = (generated(a), generated(b));
        let un = "un2024".parse().unwrap();
        let xy = Checker::new(&x).diff(&Checker::new(&y), &un, &[]);
        let yx = Checker::new(&y).diff(&Checker::new(&x), &un, &[]);
        prop_assert_eq!(rows(&xy, false), rows(&yx, true));
        prop_assert_eq!(xy.treaties.len(), yx.treaties.len());
    }
}
