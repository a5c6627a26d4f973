//! Each validation rule, fed a failing input, gives the exact diagnostic.

use cybercrime_taxonomy::{Code, DatasetBuilder, Diagnostic, Severity};

/// A minimal valid jurisdiction file with `provision` spliced into `provisions`.
fn state(instruments: &str, provisions: &str, gaps: &str) -> String {
    format!(
        r#"{{
  "code": "ZZ", "name": "Fixture State", "as_of": "2026-11",
  "instruments": [{instruments}],
  "provisions": [{provisions}],
  "gaps": [{gaps}]
}}"#
    )
}

const INSTRUMENT: &str = r#"{ "id": "zz:cca", "title": "Computer Crimes Act", "kind": "cybercrime",
  "source": { "title": "Fixture", "checked": "2026-11-28" } }"#;

fn provision(id: &str, mappings: &str) -> String {
    format!(
        r#"{{ "id": "{id}", "instrument": "zz:cca", "number": "s 3", "summary": "Access.",
  "source": {{ "title": "Fixture", "checked": "2026-11-28" }}, "confidence": "high",
  "mappings": [{mappings}] }}"#
    )
}

/// The errors (not warnings) of loading `text` on top of the embedded data.
fn errors(text: &str) -> Vec<Diagnostic> {
    match DatasetBuilder::new()
        .embedded()
        .text("zz.json", text)
        .build()
    {
        Ok(_) => Vec::new(),
        Err(d) => d
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect(),
    }
}

fn rendered(text: &str) -> Vec<String> {
    errors(text).iter().map(ToString::to_string).collect()
}

#[test]
fn typo_duplicate_and_trailing_comma_give_three_located_diagnostics() {
    let text = include_str!("fixtures/three-problems.json");
    assert_eq!(
        rendered(text),
        [
            "zz.json:22:23: error[unknown-category]: provisions[0].mappings[0].category: unknown category `un2024:atr7` (did you mean `un2024:art7`?)",
            "zz.json:26:13: error[duplicate-id]: provisions[1].id: provision `zz:cca/s3` is already defined in zz.json",
            "zz.json:32:6: error[trailing-comma]: trailing comma before `]` or `}`: JSON allows none; remove it",
        ]
    );
}

#[test]
fn syntax_error_names_line_and_column() {
    assert_eq!(
        rendered("{\n  \"code\": \"ZZ\"\n  \"name\": \"x\"\n}"),
        ["zz.json:3:3: error[syntax]: expected `,` or `}`"]
    );
}

#[test]
fn unknown_field_is_a_schema_error() {
    let text = state(INSTRUMENT, "", "").replace("\"as_of\"", "\"colour\": 1, \"as_of\"");
    let e = errors(&text);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::Schema);
    assert!(
        e[0].message.starts_with("unknown field `colour`"),
        "{}",
        e[0].message
    );
    assert_eq!(e[0].line, Some(2));
}

#[test]
fn malformed_id_is_a_schema_error_not_a_panic() {
    let text = state(INSTRUMENT, &provision("ZZ:cca/s3", ""), "");
    let e = errors(&text);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::Schema);
    assert!(
        e[0].message.contains("invalid provision id `ZZ:cca/s3`"),
        "{}",
        e[0].message
    );
}

#[test]
fn unknown_element() {
    let m = r#"{ "category": "un2024:art7", "relation": "closeMatch", "covers": ["acces"], "confidence": "high" }"#;
    let e = errors(&state(INSTRUMENT, &provision("zz:cca/s3", m), ""));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::UnknownElement);
    assert_eq!(e[0].path, "provisions[0].mappings[0].covers[0]");
    assert_eq!(
        e[0].message,
        "`un2024:art7` has no element `acces`; its elements are: access, intent, without-right"
    );
}

#[test]
fn qualification_not_permitted() {
    let m = r#"{ "category": "un2024:art10", "relation": "broadMatch", "covers": ["input"],
                "qualifications": ["serious-harm"], "confidence": "high" }"#;
    let e = errors(&state(INSTRUMENT, &provision("zz:cca/s3", m), ""));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::QualificationNotPermitted);
    assert_eq!(
        e[0].message,
        "`un2024:art10` permits no qualification, so `serious-harm` is not permitted; record it under `extra_conditions`"
    );
}

#[test]
fn invalid_relation() {
    let m = r#"{ "category": "un2024:art7", "relation": "sameAs", "covers": [], "confidence": "high" }"#;
    let e = errors(&state(INSTRUMENT, &provision("zz:cca/s3", m), ""));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::Schema);
    assert!(
        e[0].message.starts_with("unknown variant `sameAs`"),
        "{}",
        e[0].message
    );
}

#[test]
fn dangling_instrument() {
    let p = provision("zz:cca/s3", "")
        .replace("\"instrument\": \"zz:cca\"", "\"instrument\": \"zz:pc\"");
    assert_eq!(
        rendered(&state(INSTRUMENT, &p, "")),
        [
            "zz.json:5:26: error[id-mismatch]: provisions[0].id: provision `zz:cca/s3` is not inside its instrument `zz:pc`",
            "zz.json:5:53: error[dangling-reference]: provisions[0].instrument: unknown instrument `zz:pc`: add it to `instruments`",
        ]
    );
}

#[test]
fn inverted_dates() {
    let i = INSTRUMENT.replace(
        "\"kind\"",
        "\"in_force\": \"2010-05\", \"until\": \"2009\", \"kind\"",
    );
    let e = errors(&state(&i, "", ""));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::InvertedDates);
    assert_eq!(e[0].message, "`in_force` 2010-05 is after `until` 2009");
}

#[test]
fn missing_source_title() {
    let i = INSTRUMENT.replace("\"title\": \"Fixture\"", "\"title\": \" \"");
    let e = errors(&state(&i, "", ""));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::MissingText);
    assert_eq!(e[0].path, "instruments[0].source.title");
}

#[test]
fn missing_source_object() {
    let p = provision("zz:cca/s3", "").replace(
        "\"source\": { \"title\": \"Fixture\", \"checked\": \"2026-11-28\" },",
        "",
    );
    let e = errors(&state(INSTRUMENT, &p, ""));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::Schema);
    assert!(
        e[0].message.starts_with("missing field `source`"),
        "{}",
        e[0].message
    );
}

#[test]
fn mapped_and_gap_conflict() {
    let m = r#"{ "category": "un2024:art7", "relation": "closeMatch", "covers": ["access"], "confidence": "high" }"#;
    let g = r#"{ "category": "un2024:art7", "verdict": "gap", "checked": "read the Act" }"#;
    let e = errors(&state(INSTRUMENT, &provision("zz:cca/s3", m), g));
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, Code::ConflictingVerdict);
    assert_eq!(
        e[0].message,
        "`un2024:art7` is recorded as a gap but `zz:cca/s3` maps onto it"
    );
}

#[test]
fn provision_in_wrong_jurisdiction() {
    let p = provision("my:cca/s3", "");
    let e = errors(&state(INSTRUMENT, &p, ""));
    assert_eq!(e[0].code, Code::IdMismatch);
    assert_eq!(
        e[0].message,
        "provision `my:cca/s3` does not start with this jurisdiction's prefix `zz:`"
    );
}

#[test]
fn missing_verdicts_are_a_warning() {
    let data = DatasetBuilder::new()
        .embedded()
        .text("zz.json", state(INSTRUMENT, "", ""))
        .build()
        .expect("warnings only");
    let warning = data
        .diagnostics()
        .iter()
        .find(|d| d.code == Code::MissingVerdict)
        .expect("a missing-verdict warning");
    assert!(
        warning
            .message
            .starts_with("ZZ has no verdict for un2024:art7, un2024:art8,")
    );
}

#[test]
fn user_file_overrides_shipped_jurisdiction_with_a_note() {
    let text = state(INSTRUMENT, "", "")
        .replace("\"ZZ\"", "\"SG\"")
        .replace("zz:", "sg:");
    let data = DatasetBuilder::new()
        .embedded()
        .text("sg.json", text)
        .build()
        .expect("valid");
    assert_eq!(data.jurisdiction_str("SG").unwrap().name, "Fixture State");
    assert!(data.diagnostics().iter().any(|d| d.code == Code::Override));
}

#[test]
fn two_files_of_one_layer_for_one_state_are_an_error() {
    let dir = std::env::temp_dir().join(format!("cct-dup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = state(INSTRUMENT, "", "");
    std::fs::write(dir.join("a.json"), &text).unwrap();
    std::fs::write(dir.join("b.json"), &text).unwrap();
    let e = DatasetBuilder::new()
        .embedded()
        .dir(&dir)
        .build()
        .unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(e.iter().any(|d| {
        d.code == Code::DuplicateId
            && d.message
                .starts_with("jurisdiction `ZZ` is already defined in")
    }));
}

#[test]
fn not_a_data_file() {
    assert_eq!(
        rendered("{\"hello\": 1}"),
        [
            "zz.json:1:1: error[unknown-file-kind]: not a data file: expected a taxonomy (with `categories`), a jurisdiction (with `code`), alignments (with `relations` or `iccs`) or cooperation treaties (with `treaties`)"
        ]
    );
}

#[test]
fn hostile_nesting_is_refused() {
    let text = "[".repeat(100_000);
    let e = errors(&text);
    assert_eq!(e[0].code, Code::TooLarge);
}

#[test]
fn oversized_input_is_refused_at_the_configured_limit() {
    let big = " ".repeat(1001);
    let e = DatasetBuilder::new()
        .max_input_bytes(1000)
        .reader("big.json", big.as_bytes())
        .build()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "big.json: error[too-large]: file is larger than the input limit of 1000 bytes\n1 error(s), 0 warning(s)"
    );
    // At the limit it is read (and found empty of data, which is another matter).
    let e = DatasetBuilder::new()
        .max_input_bytes(1001)
        .reader("big.json", big.as_bytes())
        .build()
        .unwrap_err();
    assert!(e.iter().all(|d| d.code != Code::TooLarge), "{e}");
    assert_eq!(cybercrime_taxonomy::MAX_FILE_BYTES, 512 * 1024 * 1024);
}

#[test]
fn non_utf8_input_is_an_io_diagnostic() {
    let e = DatasetBuilder::new()
        .reader("bin.json", &[0xff, 0xfe, 0x00][..])
        .build()
        .unwrap_err();
    assert_eq!(e.iter().next().unwrap().code, Code::Io);
}

#[test]
fn dataset_from_reader_and_from_dir() {
    let text = state(INSTRUMENT, "", "");
    let data = cybercrime_taxonomy::Dataset::from_reader("zz.json", text.as_bytes()).unwrap();
    assert!(data.jurisdiction_str("ZZ").is_some());
    let dir = std::env::temp_dir().join(format!("cct-fromdir-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("jurisdictions")).unwrap();
    std::fs::write(dir.join("jurisdictions").join("zz.json"), &text).unwrap();
    let data = cybercrime_taxonomy::Dataset::from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(data.jurisdictions().len(), 12);
}

#[test]
fn embedded_taxonomies_without_national_data() {
    let data = DatasetBuilder::new()
        .embedded_taxonomies()
        .text("zz.json", state(INSTRUMENT, "", ""))
        .build()
        .unwrap();
    assert_eq!(data.jurisdictions().len(), 1);
    assert!(data.category_str("un2024:art7").is_some());
}

#[test]
fn only_a_reservation_can_waive_elements() {
    let un = include_str!("../data/taxonomies/un2024.json");
    let broken = un.replacen(
        r#""kind": "may-require","#,
        r#""kind": "may-require", "waives": ["access"],"#,
        1,
    );
    assert_ne!(broken, un, "the fixture must change a qualification");
    let errors = cybercrime_taxonomy::DatasetBuilder::new()
        .text("un2024.json", broken)
        .build()
        .unwrap_err();
    assert!(
        errors.iter().any(|d| d
            .message
            .contains("only a reservation or a conditional obligation may waive elements")),
        "{errors}"
    );
}

#[test]
fn diagnostics_stop_after_a_thousand_with_a_count_of_the_rest() {
    let mut gaps = Vec::new();
    for i in 0..1500 {
        gaps.push(format!(
            r#"{{ "category": "un2024:nope{i}", "verdict": "gap", "checked": "read the whole fixture act" }}"#
        ));
    }
    let json = format!(
        r#"{{ "code": "ZZ", "name": "Z", "as_of": "2026", "gaps": [{}] }}"#,
        gaps.join(",")
    );
    let errors = cybercrime_taxonomy::DatasetBuilder::new()
        .embedded_taxonomies()
        .text("zz.json", json)
        .build()
        .unwrap_err();
    assert!(errors.len() > 1500);
    let shown = errors.to_string();
    assert_eq!(
        shown.lines().count(),
        1002,
        "1000 lines, the count of the rest, the totals"
    );
    assert!(shown.contains(&format!("... and {} more", errors.len() - 1000)));
    let text =
        cybercrime_taxonomy::render::validation(&errors, cybercrime_taxonomy::render::Format::Text)
            .unwrap();
    assert!(text.contains("... and "));
}

#[test]
fn a_byte_order_mark_is_ignored_and_bare_carriage_returns_are_named() {
    let gb = include_str!("../examples/data/gb.json");
    let data = cybercrime_taxonomy::DatasetBuilder::new()
        .embedded()
        .text("gb.json", format!("\u{feff}{gb}"))
        .build()
        .unwrap_or_else(|d| panic!("{d}"));
    assert!(data.jurisdiction_str("GB").is_some());
    let errors = cybercrime_taxonomy::DatasetBuilder::new()
        .embedded()
        .text("gb.json", gb.replace('\n', "\r"))
        .build()
        .unwrap_err();
    assert_eq!(
        errors
            .iter()
            .find(|d| d.severity == cybercrime_taxonomy::Severity::Error)
            .unwrap()
            .to_string(),
        "gb.json: error[syntax]: lines end in a bare carriage return (old Mac style): save the file with LF or CRLF line endings"
    );
}

#[test]
fn a_top_level_that_is_not_an_object_is_not_a_data_file() {
    for text in ["null", "[]", "\"x\"", "5"] {
        let errors = cybercrime_taxonomy::DatasetBuilder::new()
            .text("t.json", text)
            .build()
            .unwrap_err();
        let d = errors.iter().next().unwrap();
        assert_eq!(d.code, cybercrime_taxonomy::Code::UnknownFileKind, "{text}");
        assert!(d.code.is_unusable());
        assert!(
            d.message
                .starts_with("not a data file: the top level must be a JSON object"),
            "{text}"
        );
    }
    let errors = cybercrime_taxonomy::DatasetBuilder::new()
        .text("t.json", "{ \"code\": \"ZZ\"\n")
        .build()
        .unwrap_err();
    let d = errors.iter().next().unwrap();
    assert_eq!(
        d.column,
        Some(1),
        "an end-of-file error names column 1, not 0: {d}"
    );
}

#[test]
fn a_procedural_category_needs_its_power_kind_and_only_it_has_one() {
    let taxonomy = include_str!("../data/taxonomies/un2024.json");
    let load = |text: String| -> Vec<String> {
        match DatasetBuilder::new().text("un2024.json", text).build() {
            Ok(_) => Vec::new(),
            Err(d) => d
                .iter()
                .filter(|d| d.severity == Severity::Error && d.code == Code::Schema)
                .map(|d| d.message.clone())
                .collect(),
        }
    };
    let without = taxonomy.replacen("      \"power\": \"safeguards\",\n", "", 1);
    assert_ne!(without, taxonomy);
    assert_eq!(
        load(without),
        [
            "procedural category `un2024:art24` needs `power`: `safeguards`, `preservation` or `measure`"
        ]
    );
    let on_offence = taxonomy.replacen(
        "\"class\": \"cyber-dependent\",",
        "\"class\": \"cyber-dependent\", \"power\": \"measure\",",
        1,
    );
    assert_ne!(on_offence, taxonomy);
    assert_eq!(
        load(on_offence),
        ["`power` belongs to procedural categories only; `un2024:art7` is cyber-dependent"]
    );
}

/// `state()` with no instruments, the given code and name, and an `aliases` list.
fn named_state(code: &str, name: &str, aliases: &str) -> String {
    state("", "", "")
        .replace("\"code\": \"ZZ\"", &format!("\"code\": \"{code}\""))
        .replace(
            "\"Fixture State\"",
            &format!("\"{name}\", \"aliases\": [{aliases}]"),
        )
}

#[test]
fn an_alias_that_is_another_states_name_or_code_is_an_error() {
    assert_eq!(
        rendered(&named_state(
            "ZZ",
            "Fixture State",
            r#""Republic of Fixture", "singapore", "S.G.", "sg""#
        )),
        [
            "zz.json:2:77: error[duplicate-id]: aliases[1]: alias `singapore` is already the name of SG in embedded:data/jurisdictions/sg.json: a name must pick out one State",
            "zz.json:2:98: error[duplicate-id]: aliases[3]: alias `sg` is already the code of SG in embedded:data/jurisdictions/sg.json: a name must pick out one State",
        ]
    );
}

#[test]
fn two_user_states_with_one_alias_are_an_error_in_the_later_file() {
    let diagnostics = DatasetBuilder::new()
        .embedded()
        .text(
            "za.json",
            named_state("ZA", "Fixture A", r#""Fixtureland""#),
        )
        .text(
            "zb.json",
            named_state("ZB", "Fixture B", r#""FIXTURELAND""#),
        )
        .build()
        .unwrap_err();
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [
            "zb.json:2:50: error[duplicate-id]: aliases[0]: alias `FIXTURELAND` is already an alias of ZA in za.json: a name must pick out one State"
        ]
    );
}

#[test]
fn an_alias_repeating_the_states_own_name_is_a_warning_and_an_empty_one_an_error() {
    let data = DatasetBuilder::new()
        .embedded()
        .text(
            "zz.json",
            named_state(
                "ZZ",
                "Fixture State",
                r#""fixture-state", "ZZ", "Fixturia", "fixturia""#,
            ),
        )
        .build()
        .unwrap();
    let warnings: Vec<String> = data
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::DuplicateId)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        [
            "zz.json:2:54: warning[duplicate-id]: aliases[0]: alias `fixture-state` repeats the name of ZZ: remove it",
            "zz.json:2:71: warning[duplicate-id]: aliases[1]: alias `ZZ` repeats the code of ZZ: remove it",
            "zz.json:2:89: warning[duplicate-id]: aliases[3]: alias `fixturia` repeats an alias of ZZ: remove it",
        ]
    );
    assert_eq!(
        rendered(&named_state("ZZ", "Fixture State", r#""Fixturia", " - ""#)),
        ["zz.json:2:66: error[missing-text]: aliases[1]: alias ` - ` has no letters or digits"]
    );
}

#[test]
fn an_empty_article_number_is_refused_and_absence_is_the_way_to_say_none() {
    // Regression: the draft-era categories held `"article": ""`, which the JSON outputs
    // printed as an empty article number.
    let drafts = include_str!("../data/taxonomies/undraft.json");
    let load = |text: String| -> Vec<String> {
        match DatasetBuilder::new()
            .embedded_taxonomies()
            .text("undraft.json", text)
            .build()
        {
            Ok(_) => Vec::new(),
            Err(d) => d
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(ToString::to_string)
                .collect(),
        }
    };
    assert_eq!(load(drafts.to_owned()), Vec::<String>::new());
    let empty = drafts.replacen(
        "\"id\": \"terrorism\",",
        "\"id\": \"terrorism\", \"article\": \"\",",
        1,
    );
    assert_ne!(empty, drafts, "the fixture must change the category");
    let errors = load(empty);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].ends_with(
            "error[missing-text]: categories[1].article: `undraft:terrorism` has an empty article number: leave `article` out for a category without one (e.g. a draft-era proposal)"
        ),
        "{}",
        errors[0]
    );
}

#[test]
fn an_iccs_link_without_codes_must_say_why() {
    let alignments = r#"{ "iccs": [
  { "category": "un2024:art12", "codes": [], "confidence": "low" }
] }"#;
    assert_eq!(
        rendered(alignments),
        [
            "zz.json:2:3: error[missing-text]: iccs[0].note: `un2024:art12` has no ICCS codes and no note: say why (the ICCS has no class for it, or none was confirmed)"
        ]
    );
}
