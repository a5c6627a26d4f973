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

/// A copy of the shipped `data/` directory (a whole release, with its manifest) in a fresh
/// temporary directory.
fn release_copy(name: &str) -> std::path::PathBuf {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    let dir = std::env::temp_dir().join(format!("cct-release-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data")),
        &dir,
    );
    dir
}

#[test]
fn a_release_directory_replaces_the_embedded_data_instead_of_adding_to_it() {
    let dir = release_copy("same");
    let release = DatasetBuilder::new().embedded().dir(&dir).build().unwrap();
    // No duplicate or override findings: the embedded copy was set aside.
    assert_eq!(
        release.diagnostics().len(),
        0,
        "{:?}",
        release.diagnostics()
    );
    let shipped = release.origin().shipped.as_ref().unwrap();
    assert_eq!(shipped.version, cybercrime_taxonomy::DATA_VERSION);
    assert_eq!(
        shipped.path.as_deref(),
        Some(dir.display().to_string().as_str())
    );
    assert!(release.origin().inputs.is_empty());
    let diff = Checker::new(Dataset::embedded()).diff(
        &Checker::new(&release),
        &"un2024".parse().unwrap(),
        &[],
    );
    assert!(diff.is_empty(), "{:#?}", diff.changes);
    assert_eq!(diff.to.origin.version(), cybercrime_taxonomy::DATA_VERSION);
}

#[test]
fn two_data_versions_differ_by_exactly_their_edits_procedural_powers_included() {
    let dir = release_copy("edited");
    std::fs::write(
        dir.join("manifest.json"),
        r#"{ "version": "2099.1.0", "as_of": "2026-12-02" }"#,
    )
    .unwrap();
    // The next version drops Singapore's production-order mapping (a procedural power).
    let path = dir.join("jurisdictions/sg.json");
    let mut sg: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let s20 = sg["provisions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == "sg:cpc2010/s20")
        .unwrap();
    s20["mappings"]
        .as_array_mut()
        .unwrap()
        .retain(|m| m["category"] != "un2024:art27");
    // A power left with no mapping and no gap record is refused, so record the gap.
    sg["gaps"].as_array_mut().unwrap().push(serde_json::json!({
        "category": "un2024:art27", "verdict": "not-researched",
        "checked": "test edit", "sources": []
    }));
    std::fs::write(&path, serde_json::to_string_pretty(&sg).unwrap()).unwrap();
    let next = DatasetBuilder::new().embedded().dir(&dir).build().unwrap();
    assert_eq!(next.origin().version(), "2099.1.0");
    let diff = Checker::new(Dataset::embedded()).diff(
        &Checker::new(&next),
        &"un2024".parse().unwrap(),
        &[],
    );
    let changed: Vec<_> = diff
        .changes
        .iter()
        .map(|c| (c.jurisdiction.as_str(), c.category.as_str()))
        .collect();
    assert_eq!(changed, [("SG", "un2024:art27")]);
    assert!(diff.changes[0].causes.iter().any(|c| matches!(c,
        Cause::ProvisionLeft { provision, .. } if provision.as_str() == "sg:cpc2010/s20")));
}

#[test]
fn a_bad_or_second_manifest_is_refused_with_its_place() {
    let dir = release_copy("bad");
    std::fs::write(
        dir.join("manifest.json"),
        "{ \"version\": \"1\\u001b[31m\", \"as_of\": \"2026-12-02\" }",
    )
    .unwrap();
    let err = DatasetBuilder::new()
        .embedded()
        .dir(&dir)
        .build()
        .unwrap_err();
    let manifest = dir.join("manifest.json").display().to_string();
    let messages: Vec<String> = err.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        messages,
        [format!(
            "{manifest}: error[schema]: version: expected a version of 1 to 40 letters, digits, `.`, `_`, `+` or `-` (e.g. `2026.12.1`)"
        )]
    );
    std::fs::write(
        dir.join("manifest.json"),
        "{ \"version\": \"1\",\n  \"as_of\": 7 }",
    )
    .unwrap();
    let err = DatasetBuilder::new().dir(&dir).build().unwrap_err();
    let messages: Vec<String> = err.iter().map(|d| d.to_string()).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with(&format!("{manifest}:2:")),
        "{messages:?}"
    );
    std::fs::write(
        dir.join("manifest.json"),
        r#"{ "version": "1", "as_of": "2026-12-02" }"#,
    )
    .unwrap();
    let other = release_copy("second");
    let err = DatasetBuilder::new()
        .dir(&dir)
        .dir(&other)
        .build()
        .unwrap_err();
    assert!(
        err.iter().any(|d| d.to_string()
            == format!(
                "{}: error[duplicate-id]: a second data release: only one directory with a manifest.json can be read (the first is {})",
                other.join("manifest.json").display(),
                dir.display()
            )),
        "{err:?}"
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
