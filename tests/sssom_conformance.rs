//! The SSSOM conformance corpus: the specification's own examples and the test data of the
//! reference Python tool (`sssom` 0.4.21), with that tool's verdict for each file
//! (`reference-verdicts.json`, 0 = accepted). `validate` must give the same verdict on every
//! file except those listed in [`DISAGREE`], where the reference tool is demonstrably wrong.
//!
//! The corpus lives outside this repository; `.ci/run` points `SSSOM_CONFORMANCE_DIR` at it.
//! Without the variable the tests say they were skipped and pass.

use std::path::{Path, PathBuf};

use cybercrime_taxonomy::{DatasetBuilder, Diagnostics, Severity, sssom};

/// Files where this crate's verdict differs from the reference tool's, and why the
/// specification is on this crate's side.
const DISAGREE: [(&str, &str); 4] = [
    (
        "spec-examples/external/example1.sssom.tsv",
        "external metadata mode (spec-formats-tsv.md): the reference tool ignores example1.sssom.yml beside it, so it finds the prefixes undeclared; with the metadata file every prefix is declared",
    ),
    (
        "spec-examples/external/mp-hp-exact-0.0.1.sssom.tsv",
        "external metadata mode, as above: its curie_map is in mp-hp-exact-0.0.1.sssom.yml",
    ),
    (
        "sssom-py-tests/basic_strict_fail.tsv",
        "it redefines the built-in prefix rdfs (spec-model.md: a declared built-in MUST keep its IRI) and has no mapping_justification column (required by the schema); the reference tool's own test suite uses it as a failure in strict mode",
    ),
    (
        "sssom-py-tests/sssom_metadata.tsv",
        "not a mapping set: a table describing SSSOM's elements, with none of the columns subject_id, predicate_id, object_id, mapping_justification",
    ),
];

fn corpus() -> Option<PathBuf> {
    match std::env::var_os("SSSOM_CONFORMANCE_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.join("reference-verdicts.json").is_file(),
                "SSSOM_CONFORMANCE_DIR={} holds no reference-verdicts.json",
                dir.display()
            );
            Some(dir)
        }
        None => {
            eprintln!("skipped: SSSOM_CONFORMANCE_DIR is not set (.ci/run sets it)");
            None
        }
    }
}

fn verdicts(dir: &Path) -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(dir.join("reference-verdicts.json")).unwrap();
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    map.into_iter()
        .map(|(k, v)| (k, v.as_u64().unwrap()))
        .collect()
}

/// What `validate FILE` exits with: 0 when there are no errors, 1 or 2 otherwise.
fn accepted(d: &Diagnostics) -> bool {
    !d.iter().any(|x| x.severity == Severity::Error)
}

fn check(dir: &Path, verdict: impl Fn(&Path) -> Diagnostics) {
    let mut wrong = Vec::new();
    let files = verdicts(dir);
    assert_eq!(files.len(), 66);
    for (file, reference) in &files {
        let d = verdict(&dir.join(file));
        for x in &d {
            assert!(x.line.is_some() || x.code.is_unusable(), "{file}: {x}");
        }
        let ours = if accepted(&d) { 0 } else { 1 };
        let listed = DISAGREE.iter().any(|(f, _)| f == file);
        if (ours == *reference) == listed {
            wrong.push(format!(
                "{file}: reference {reference}, ours {ours}{}\n{d}",
                if listed {
                    " (listed as a disagreement)"
                } else {
                    ""
                }
            ));
        }
        if file.starts_with("spec-examples/") {
            assert!(
                accepted(&d),
                "a specification example is refused: {file}\n{d}"
            );
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn validate_agrees_with_the_reference_tool_on_the_corpus() {
    let Some(dir) = corpus() else { return };
    check(&dir, |path| {
        match DatasetBuilder::new().embedded().file(path).build() {
            Ok(data) => data.diagnostics().clone(),
            Err(d) => d,
        }
    });
}

#[test]
fn the_specification_alone_gives_the_same_verdicts() {
    let Some(dir) = corpus() else { return };
    check(&dir, |path| sssom::validate_file(path, None).1);
}

#[test]
fn rows_about_other_vocabularies_are_a_note_not_an_error() {
    let Some(dir) = corpus() else { return };
    let data = DatasetBuilder::new()
        .embedded()
        .file(dir.join("sssom-py-tests/basic.tsv"))
        .build()
        .unwrap();
    let notes: Vec<String> = data.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [format!(
            "{}:22:1: note[not-in-interchange]: row: 141 rows concern other vocabularies, not imported (first on line 22): neither the subject is a provision of a jurisdiction in the data nor the object one of its categories",
            dir.join("sssom-py-tests/basic.tsv").display()
        )]
    );
}
