//! SSSOM interchange: export accepted by our own importer, exact round trips, and one clear
//! diagnostic per broken row.

use std::collections::BTreeMap;

use cybercrime_taxonomy::sssom::{self, ExportOptions};
use cybercrime_taxonomy::synthetic::{Options, dataset_with};
use cybercrime_taxonomy::{
    Code, Dataset, DatasetBuilder, GapRecord, GapVerdict, Jurisdiction, Mapping, Severity,
};
use proptest::prelude::*;

/// Mappings per provision id and gap records per category: what a round trip must keep.
fn mappings_of(j: &Jurisdiction) -> (BTreeMap<String, Vec<Mapping>>, BTreeMap<String, GapRecord>) {
    let maps = j
        .provisions
        .iter()
        .filter(|p| !p.mappings.is_empty())
        .map(|p| (p.id.to_string(), p.mappings.clone()))
        .collect();
    // Only researched gaps travel in SSSOM (`sssom:NoTermFound`); "not researched" is not a
    // mapping claim and is not written.
    let gaps = j
        .gaps
        .iter()
        .filter(|g| g.verdict == GapVerdict::Gap)
        .map(|g| (g.category.to_string(), g.clone()))
        .collect();
    (maps, gaps)
}

fn round_trip(base: &Dataset, original: &Dataset) {
    let tsv = sssom::export(original, &ExportOptions::default());
    let mut builder = DatasetBuilder::new();
    for t in base.taxonomies() {
        builder = builder.text(format!("{}.json", t.id), serde_json::to_string(t).unwrap());
    }
    builder = builder.text(
        "alignments.json",
        serde_json::to_string(base.alignments()).unwrap(),
    );
    let imported = builder
        .text("set.sssom.tsv", tsv)
        .build()
        .unwrap_or_else(|d| panic!("{d}"));
    for j in original.jurisdictions() {
        let back = imported
            .jurisdiction(j.code)
            .unwrap_or_else(|| panic!("{} lost", j.code));
        assert_eq!(mappings_of(back), mappings_of(j), "{}", j.code);
    }
}

#[test]
fn embedded_mappings_survive_export_then_import() {
    round_trip(Dataset::embedded(), Dataset::embedded());
}

#[test]
fn import_on_top_of_shipped_data_keeps_provision_records() {
    let tsv = sssom::export(
        Dataset::embedded(),
        &ExportOptions::for_jurisdictions(["PH".parse().unwrap()]),
    );
    let data = DatasetBuilder::new()
        .embedded()
        .text("ph.sssom.tsv", tsv)
        .build()
        .unwrap();
    assert_eq!(
        data.jurisdiction_str("PH"),
        Dataset::embedded()
            .jurisdiction_str("PH")
            .map(|j| {
                // Provisions come back in row order; compare as sets.
                let mut j = j.clone();
                let back = data.jurisdiction_str("PH").unwrap();
                j.provisions
                    .sort_by_key(|p| back.provisions.iter().position(|q| q.id == p.id));
                j
            })
            .as_ref()
    );
    assert!(data.diagnostics().iter().any(|d| d.code == Code::Override));
}

#[test]
fn every_broken_row_gets_one_diagnostic_with_its_line() {
    let text = include_str!("fixtures/broken.sssom.tsv");
    let errors = DatasetBuilder::new()
        .embedded()
        .text("zz.sssom.tsv", text)
        .build()
        .unwrap_err();
    let rendered: Vec<String> = errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        rendered,
        [
            "zz.sssom.tsv:12:1: error[dangling-reference]: subject_id: prefix `qq` of `qq:cca/s4` is not declared in the curie_map",
            "zz.sssom.tsv:13:1: error[unknown-category]: object_id: unknown category `un2024:art77`",
            "zz.sssom.tsv:14:1: error[schema]: predicate_id: predicate `skos:sameAs` is not one of skos:exactMatch, skos:closeMatch, skos:broadMatch, skos:narrowMatch, skos:relatedMatch",
            "zz.sssom.tsv:15:88: error[out-of-range]: confidence: `1.7` is outside 0 to 1",
            "zz.sssom.tsv:16:1: error[duplicate-id]: row: duplicate row: `zz:cca/s3 skos:closeMatch un2024:art7` is already on line 11",
            "zz.sssom.tsv:17:62: error[schema]: mapping_justification: `semapv:Guesswork` is not a mapping justification of the SSSOM specification (semapv:LexicalMatching, semapv:ManualMappingCuration, ...)",
        ]
    );
}

#[test]
fn duplicate_rows_name_the_previous_one_and_gaps_differ_by_jurisdiction() {
    let head = "# curie_map:\n#   skos: http://www.w3.org/2004/02/skos/core#\n#   semapv: https://w3id.org/semapv/vocab/\n#   un2024: https://w3id.org/cybercrime-taxonomy/un2024/\n#   zz: https://example.org/zz/\n#   jurisdiction: https://w3id.org/cybercrime-taxonomy/jurisdiction/\n# mapping_set_id: https://example.org/zz.sssom.tsv\n# license: https://creativecommons.org/licenses/by/4.0/\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\tsubject_source\n";
    let row =
        "zz:cca/s3\tskos:closeMatch\tun2024:art7\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\n";
    let gap = |code: &str| {
        format!(
            "sssom:NoTermFound\tskos:exactMatch\tun2024:art8\tsemapv:ManualMappingCuration\tjurisdiction:{code}\n"
        )
    };
    // Lines 10, 11 and 13 are the same row; 14 and 15 are gaps of two States.
    let text = format!(
        "{head}{row}{row}{}{row}{}{}",
        gap("ZZ"),
        gap("ZZ"),
        gap("ZY")
    );
    let errors = DatasetBuilder::new()
        .embedded()
        .text("zz.sssom.tsv", text)
        .build()
        .unwrap_err();
    let duplicates: Vec<String> = errors
        .iter()
        .filter(|d| d.code == Code::DuplicateId)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        duplicates,
        [
            "zz.sssom.tsv:11:1: error[duplicate-id]: row: duplicate row: `zz:cca/s3 skos:closeMatch un2024:art7` is already on line 10",
            "zz.sssom.tsv:13:1: error[duplicate-id]: row: duplicate row: `zz:cca/s3 skos:closeMatch un2024:art7` is already on line 11",
            "zz.sssom.tsv:14:1: error[duplicate-id]: row: duplicate row: `sssom:NoTermFound skos:exactMatch un2024:art8` is already on line 12",
        ]
    );
}

#[test]
fn missing_mandatory_column_is_named() {
    let text = "# curie_map:\n#   un2024: https://x/\nsubject_id\tpredicate_id\tobject_id\nzz:a/s1\tskos:exactMatch\tun2024:art7\n";
    let errors = DatasetBuilder::new()
        .embedded()
        .text("x.sssom.tsv", text)
        .build()
        .unwrap_err();
    let first = errors
        .iter()
        .find(|d| d.severity == Severity::Error)
        .unwrap();
    assert_eq!(
        first.to_string(),
        "x.sssom.tsv:3:1: error[schema]: columns: missing mandatory column `mapping_justification`"
    );
}

#[test]
fn ragged_rows_and_bad_header_lines_are_reported() {
    let text = "# curie_map:\n#   un2024: https://x/\n# not yaml\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\na\tb\n";
    let (_, problems) = sssom::parse("r.sssom.tsv", text);
    let rendered: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        rendered,
        [
            "r.sssom.tsv:4:1: error[syntax]: metadata: cannot read the metadata block as YAML: simple key expect ':'",
            "r.sssom.tsv:5:1: warning[schema]: row: the row has 2 of the 4 columns: the missing trailing cells are read as empty",
        ]
    );
}

#[cfg(feature = "cli")]
#[test]
fn validate_command_accepts_sssom_and_uses_documented_exit_codes() {
    let exe = env!("CARGO_BIN_EXE_cybercrime-taxonomy");
    let broken = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/broken.sssom.tsv"
    );
    let run = |args: &[&str]| {
        std::process::Command::new(exe)
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run(&["validate"]), Some(0));
    assert_eq!(run(&["validate", broken]), Some(1));
    let dir = std::env::temp_dir().join(format!("cct-exit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let garbage = dir.join("garbage.json");
    std::fs::write(&garbage, "{ not json").unwrap();
    assert_eq!(run(&["validate", garbage.to_str().unwrap()]), Some(2));
    let out = std::process::Command::new(exe)
        .args(["validate", "--format", "json", broken])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"], 6);
    let first_error = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(first_error["line"], 12);
    assert_eq!(first_error["code"], "dangling-reference");
    std::fs::remove_dir_all(&dir).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Export then import gives the same mappings, on generated data with hostile text.
    #[test]
    fn generated_mappings_round_trip(seed in any::<u64>(), n in 1usize..4, p in 0usize..25) {
        let base = Dataset::embedded();
        let original = dataset_with(base, Options { jurisdictions: n, provisions: p, seed });
        round_trip(base, &original);
    }

    /// Arbitrary text never panics the parser, and every problem names a line.
    #[test]
    fn parser_never_panics(text in "(#[^\n]{0,20}\n){0,3}([a-z:_\t#. 0-9\"]{0,40}\n){0,6}") {
        let (_, problems) = sssom::parse("fuzz.tsv", &text);
        for p in problems {
            prop_assert!(p.line.is_some());
        }
    }
}

#[cfg(feature = "proptest")]
mod strategies {
    use cybercrime_taxonomy::{DatasetBuilder, strategy};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// One broken row gives a diagnostic with the expected code on that row's line.
        #[test]
        fn broken_sssom_rows_are_named(broken in strategy::broken_sssom_set()) {
            let errors = DatasetBuilder::new()
                .embedded()
                .text("x.sssom.tsv", broken.text.clone())
                .build()
                .unwrap_err();
            let errors: Vec<_> = errors.iter().filter(|d| d.severity == cybercrime_taxonomy::Severity::Error).collect();
            prop_assert_eq!(errors.len(), 1, "{:?}", errors);
            prop_assert_eq!(errors[0].code, broken.code);
            prop_assert_eq!(errors[0].line, broken.line);
        }

        #[test]
        fn broken_json_is_reported_not_panicked(broken in strategy::broken_jurisdiction_json()) {
            let errors = DatasetBuilder::new()
                .embedded()
                .text("x.json", broken.text.clone())
                .build()
                .unwrap_err();
            prop_assert!(errors.iter().any(|d| d.code == broken.code && d.line.is_some()), "{}", errors);
        }
    }
}

#[test]
fn row_count_is_limited() {
    let mut text = String::from("subject_id\tpredicate_id\tobject_id\tmapping_justification\n");
    for _ in 0..=sssom::MAX_ROWS {
        text.push_str("a\tb\tc\td\n");
    }
    let (set, problems) = sssom::parse("huge.tsv", &text);
    assert_eq!(set.row_count(), sssom::MAX_ROWS);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, Code::TooLarge);
}

const SMALL_HEADER: &str = "# curie_map:\n#   un2024: https://w3id.org/cybercrime-taxonomy/un2024/\n#   zz: https://example.org/zz/\n#   jurisdiction: https://w3id.org/cybercrime-taxonomy/jurisdiction/\n# mapping_set_id: https://example.org/zz.sssom.tsv\n";
const SMALL_BODY: &str = "subject_id\tpredicate_id\tobject_id\tmapping_justification\tsubject_source\nzz:cca/s3\tskos:closeMatch\tun2024:art7\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\n";

#[test]
fn an_unreadable_mapping_date_is_an_error_not_today() {
    let text = format!("{SMALL_HEADER}# mapping_date: 20261301\n{SMALL_BODY}");
    let errors = DatasetBuilder::new()
        .embedded()
        .text("d.sssom.tsv", text)
        .build()
        .unwrap_err();
    let rendered: Vec<String> = errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        rendered,
        ["d.sssom.tsv:6:3: error[schema]: mapping_date: `20261301` is not a date (YYYY-MM-DD)"]
    );
}

#[test]
fn a_prefix_declared_twice_is_refused() {
    let text = SMALL_HEADER.replace(
        "#   zz: https://example.org/zz/\n",
        "#   zz: https://example.org/zz/\n#   zz: https://example.org/other/\n",
    ) + SMALL_BODY;
    let (_, problems) = sssom::parse("p.sssom.tsv", &text);
    let rendered: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        rendered,
        [
            "p.sssom.tsv:4:5: error[duplicate-id]: metadata: cannot read the metadata block as YAML: key `zz` is given twice (first on line 3)"
        ]
    );
}

#[test]
fn import_is_deterministic_and_takes_its_date_from_the_caller() {
    let text = format!("{SMALL_HEADER}{SMALL_BODY}");
    let build = |builder: DatasetBuilder| {
        builder
            .embedded()
            .text("z.sssom.tsv", text.clone())
            .build()
            .unwrap_or_else(|d| panic!("{d}"))
    };
    let default = build(DatasetBuilder::new());
    let zz = default.jurisdiction_str("ZZ").unwrap();
    assert_eq!(zz.as_of, cybercrime_taxonomy::DATA_AS_OF);
    assert_eq!(
        zz.provisions[0].source.checked,
        cybercrime_taxonomy::DATA_AS_OF
    );
    let date: cybercrime_taxonomy::Date = "2027-01-15".parse().unwrap();
    let dated = build(DatasetBuilder::new().import_date(date));
    assert_eq!(dated.jurisdiction_str("ZZ").unwrap().as_of, date);
    assert_eq!(
        build(DatasetBuilder::new()).jurisdiction_str("ZZ"),
        Some(zz)
    );
}

#[test]
fn export_writes_mapping_date_only_as_a_full_date_and_names_its_origin() {
    let tsv = sssom::export(Dataset::embedded(), &ExportOptions::default());
    let date_line = tsv
        .lines()
        .find(|l| l.starts_with("# mapping_date: "))
        .unwrap();
    assert_eq!(
        date_line,
        format!("# mapping_date: {}", cybercrime_taxonomy::DATA_AS_OF)
    );
    assert!(tsv.contains(&format!(
        "# mapping_set_version: {}\n",
        cybercrime_taxonomy::DATA_VERSION
    )));
}

#[test]
fn a_partial_as_of_date_is_not_written_as_mapping_date() {
    let gb = include_str!("../examples/data/gb.json").replace("\"2026-11-28\"", "\"2026-11\"");
    let data = DatasetBuilder::new()
        .embedded()
        .text("gb.json", gb)
        .build()
        .unwrap();
    let tsv = sssom::export(
        &data,
        &ExportOptions::for_jurisdictions(["GB".parse().unwrap()]),
    );
    let mut rows = tsv.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = rows.next().unwrap().split('\t').collect();
    let date = header.iter().position(|c| *c == "mapping_date").unwrap();
    let mut n = 0;
    for row in rows {
        n += 1;
        assert_eq!(row.split('\t').nth(date), Some(""), "{row}");
    }
    assert!(n > 0);
}

#[test]
fn a_negated_mapping_is_never_imported_as_coverage() {
    let body = "subject_id\tpredicate_id\tpredicate_modifier\tobject_id\tmapping_justification\tsubject_source\nzz:cca/s3\tskos:closeMatch\t\tun2024:art7\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\nzz:cca/s4\tskos:exactMatch\tNot\tun2024:art8\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\n";
    let data = DatasetBuilder::new()
        .embedded()
        .text("n.sssom.tsv", format!("{SMALL_HEADER}{body}"))
        .build()
        .unwrap_or_else(|d| panic!("{d}"));
    let zz = data.jurisdiction_str("ZZ").unwrap();
    assert!(zz.provisions.iter().all(|p| {
        p.mappings
            .iter()
            .all(|m| m.category.as_str() != "un2024:art8")
    }));
    let warning = data
        .diagnostics()
        .iter()
        .find(|d| d.severity == Severity::Warning && d.line == Some(8))
        .unwrap();
    assert_eq!(
        warning.message,
        "negated mapping (`predicate_modifier: Not`) `zz:cca/s4 skos:exactMatch un2024:art8` is not imported: a reviewed non-match is not coverage"
    );
}

#[test]
fn an_unbalanced_quote_spoils_its_own_row_only() {
    let body = "subject_id\tpredicate_id\tobject_id\tmapping_justification\tsubject_source\tcomment\n\
zz:cca/s3\tskos:closeMatch\tun2024:art7\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\t\"unclosed note\n\
zz:cca/s4\tskos:closeMatch\tun2024:art8\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\tfine\n\
zz:cca/s5\tskos:closeMatch\tun2024:art9\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\t\"quoted \"\"fine\"\"\"\n";
    let text = format!("{SMALL_HEADER}{body}");
    let (set, problems) = sssom::parse("q.sssom.tsv", &text);
    let rendered: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        rendered,
        [
            "q.sssom.tsv:7:1: error[syntax]: row: unbalanced `\"` in cell 6: a closing `\"` must be followed by a tab or the end of the line"
        ]
    );
    let lines: Vec<usize> = set.rows().map(|r| r.line).collect();
    assert_eq!(lines, [8, 9]);
    assert_eq!(set.row(1).unwrap().values().last(), Some("quoted \"fine\""));
}

#[test]
fn line_breaks_in_notes_survive_export_and_import_on_one_line() {
    let gb = include_str!("../examples/data/gb.json");
    let mut value: serde_json::Value = serde_json::from_str(gb).unwrap();
    value["provisions"][0]["mappings"][0]["note"] =
        serde_json::Value::String("first line\nsecond\tcell \\ backslash".into());
    let data = DatasetBuilder::new()
        .embedded()
        .text("gb.json", value.to_string())
        .build()
        .unwrap();
    let tsv = sssom::export(
        &data,
        &ExportOptions::for_jurisdictions(["GB".parse().unwrap()]),
    );
    assert!(tsv.contains("first line\\nsecond\\tcell \\\\ backslash"));
    let back = DatasetBuilder::new()
        .embedded_taxonomies()
        .text("gb.sssom.tsv", tsv)
        .build()
        .unwrap_or_else(|d| panic!("{d}"));
    let note = &back.jurisdiction_str("GB").unwrap().provisions[0].mappings[0].note;
    assert_eq!(note, "first line\nsecond\tcell \\ backslash");
}

#[test]
fn a_flow_style_curie_map_is_read() {
    let header = "# curie_map: {un2024: 'https://w3id.org/cybercrime-taxonomy/un2024/', zz: \"https://example.org/zz/\", jurisdiction: https://w3id.org/cybercrime-taxonomy/jurisdiction/}\n# mapping_set_id: https://example.org/zz.sssom.tsv\n";
    let text = format!("{header}{SMALL_BODY}");
    let (set, problems) = sssom::parse("f.sssom.tsv", &text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(set.curie_map["zz"], "https://example.org/zz/");
    assert_eq!(
        set.curie_map["jurisdiction"],
        "https://w3id.org/cybercrime-taxonomy/jurisdiction/"
    );
    let data = DatasetBuilder::new()
        .embedded()
        .text("f.sssom.tsv", format!("{header}{SMALL_BODY}"))
        .build()
        .unwrap_or_else(|d| panic!("{d}"));
    assert!(data.jurisdiction_str("ZZ").is_some());
    let (_, problems) = sssom::parse(
        "g.sssom.tsv",
        &format!("# curie_map: {{zz: 'unclosed}}\n{SMALL_BODY}"),
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, Code::Syntax);
}

#[test]
fn a_jurisdiction_known_only_from_sssom_is_named_as_incomplete() {
    let data = DatasetBuilder::new()
        .embedded()
        .text("z.sssom.tsv", format!("{SMALL_HEADER}{SMALL_BODY}"))
        .build()
        .unwrap();
    let warning = data
        .diagnostics()
        .iter()
        .find(|d| d.code == Code::NotInInterchange)
        .unwrap();
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning
            .message
            .starts_with("jurisdiction `ZZ` comes from this mapping set alone")
    );
}

#[test]
fn text_cells_starting_like_formulas_are_guarded_and_restored() {
    let gb = include_str!("../examples/data/gb.json");
    let mut value: serde_json::Value = serde_json::from_str(gb).unwrap();
    value["provisions"][0]["mappings"][0]["note"] =
        serde_json::Value::String("=cmd|' /C calc'!A0".into());
    let data = DatasetBuilder::new()
        .embedded()
        .text("gb.json", value.to_string())
        .build()
        .unwrap();
    let tsv = sssom::export(
        &data,
        &ExportOptions::for_jurisdictions(["GB".parse().unwrap()]),
    );
    assert!(tsv.contains("\t'=cmd|' /C calc'!A0\t"));
    let back = DatasetBuilder::new()
        .embedded_taxonomies()
        .text("gb.sssom.tsv", tsv)
        .build()
        .unwrap();
    let gbj = back.jurisdiction_str("GB").unwrap();
    assert!(
        gbj.provisions
            .iter()
            .any(|p| p.mappings.iter().any(|m| m.note == "=cmd|' /C calc'!A0"))
    );
}

#[test]
fn not_researched_cells_are_not_written_as_no_term_found() {
    let data = Dataset::embedded();
    let la = data.jurisdiction_str("LA").unwrap();
    let not_researched: Vec<_> = la
        .gaps
        .iter()
        .filter(|g| g.verdict == GapVerdict::NotResearched)
        .map(|g| g.category.to_string())
        .collect();
    assert!(!not_researched.is_empty());
    let tsv = sssom::export(
        data,
        &ExportOptions::for_jurisdictions(["LA".parse().unwrap()]),
    );
    for line in tsv.lines().filter(|l| l.starts_with("sssom:NoTermFound\t")) {
        let object = line.split('\t').nth(3).unwrap();
        assert!(!not_researched.iter().any(|c| c == object), "{line}");
    }
    assert!(
        tsv.contains(&format!(
            "\n# comment: {} categories recorded as not researched are not written (sssom:NoTermFound rows are researched gaps only); the JSON data holds them\n",
            not_researched.len()
        )),
        "{}",
        &tsv[..tsv.find("\nsubject_id").unwrap()]
    );
    // Read back over the shipped data, the not-researched records are still there.
    let back = DatasetBuilder::new()
        .embedded()
        .text("la.sssom.tsv", tsv)
        .build()
        .unwrap();
    let again: Vec<_> = back
        .jurisdiction_str("LA")
        .unwrap()
        .gaps
        .iter()
        .filter(|g| g.verdict == GapVerdict::NotResearched)
        .map(|g| g.category.to_string())
        .collect();
    assert_eq!(again, not_researched);
}

#[test]
fn a_researched_gap_in_a_set_replaces_a_not_researched_record() {
    let data = Dataset::embedded();
    let la = data.jurisdiction_str("LA").unwrap();
    let g = la
        .gaps
        .iter()
        .find(|g| g.verdict == GapVerdict::NotResearched && g.category.as_str() == "un2024:art29")
        .unwrap();
    let tsv = format!(
        "# curie_map:\n#   cct: https://w3id.org/cybercrime-taxonomy/\n#   un2024: https://w3id.org/cybercrime-taxonomy/un2024/\n#   sssom: https://w3id.org/sssom/\n#   skos: http://www.w3.org/2004/02/skos/core#\n#   semapv: https://w3id.org/semapv/vocab/\n#   jurisdiction: https://w3id.org/cybercrime-taxonomy/jurisdiction/\n# mapping_set_id: https://example.org/la\n# license: https://creativecommons.org/licenses/by/4.0/\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\tsubject_source\tcomment\nsssom:NoTermFound\tskos:exactMatch\t{}\tsemapv:ManualMappingCuration\tjurisdiction:LA\tread the whole Law No. 61/NA\n",
        g.category
    );
    let back = DatasetBuilder::new()
        .embedded()
        .text("la.sssom.tsv", tsv)
        .build()
        .unwrap_or_else(|d| panic!("{d}"));
    let records: Vec<_> = back
        .jurisdiction_str("LA")
        .unwrap()
        .gaps
        .iter()
        .filter(|x| x.category == g.category)
        .map(|x| (x.verdict, x.checked.as_str()))
        .collect();
    assert_eq!(records, [(GapVerdict::Gap, "read the whole Law No. 61/NA")]);
}

#[test]
fn an_export_as_of_a_date_holds_the_law_in_force_then() {
    let data = Dataset::embedded();
    let at = |date: &str| {
        let mut options = ExportOptions::for_jurisdictions(["ID".parse().unwrap()]);
        options.as_of = Some(date.parse().unwrap());
        sssom::export(data, &options)
    };
    let subjects = |tsv: &str| -> Vec<String> {
        tsv.lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect()
    };
    let before = at("2025-12-31");
    let after = at("2026-06-01");
    assert!(subjects(&before).iter().any(|s| s == "id:ite2008/s30"));
    assert!(!subjects(&before).iter().any(|s| s == "id:kuhp2023/s332"));
    assert!(subjects(&after).iter().any(|s| s == "id:kuhp2023/s332"));
    assert!(!subjects(&after).iter().any(|s| s == "id:ite2008/s30"));
    assert!(
        before.contains("; law in force on 2025-12-31)\n"),
        "{before}"
    );
    let all = sssom::export(
        data,
        &ExportOptions::for_jurisdictions(["ID".parse().unwrap()]),
    );
    assert!(subjects(&all).iter().any(|s| s == "id:ite2008/s30"));
    assert!(all.contains("; all records, repealed and pending law included)\n"));
    // A later date than the research date says so.
    assert!(at("2030-01-01").contains(
        "law in force on 2030-01-01, a date after the research date: later changes are not in the data)"
    ));
}
