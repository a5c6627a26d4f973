//! Reading mapping sets that ordinary SSSOM tools write (issue 15): predicates beyond SKOS by a
//! documented rule, rows about other vocabularies, propagated slots, literal mappings,
//! quoted line breaks, external metadata, and the specification-only check.

use cybercrime_taxonomy::{DatasetBuilder, Relation, Severity, sssom};

const HEADER: &str = "# curie_map:\n#   un2024: https://w3id.org/cybercrime-taxonomy/un2024/\n#   zz: https://example.org/zz/\n#   jurisdiction: https://w3id.org/cybercrime-taxonomy/jurisdiction/\n#   HP: http://purl.obolibrary.org/obo/HP_\n# mapping_set_id: https://example.org/zz.sssom.tsv\n";
const COLUMNS: &str =
    "subject_id\tpredicate_id\tobject_id\tmapping_justification\tsubject_source\n";

fn row(s: &str, p: &str, o: &str) -> String {
    format!("{s}\t{p}\t{o}\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\n")
}

fn messages(d: &cybercrime_taxonomy::Diagnostics) -> Vec<String> {
    d.iter().map(ToString::to_string).collect()
}

#[test]
fn owl_and_rdfs_predicates_count_by_the_documented_rule_and_others_are_named() {
    let text = format!(
        "{HEADER}{COLUMNS}{}{}{}{}",
        row("zz:cca/s3", "owl:equivalentClass", "un2024:art7"),
        row("zz:cca/s4", "rdfs:subClassOf", "un2024:art8"),
        row("zz:cca/s5", "rdfs:seeAlso", "un2024:art9"),
        row("zz:cca/s6", "rdfs:seeAlso", "un2024:art10"),
    );
    let data = DatasetBuilder::new()
        .embedded()
        .text("p.sssom.tsv", text)
        .build()
        .unwrap();
    let zz = data.jurisdiction_str("ZZ").unwrap();
    let relation = |id: &str| {
        zz.provisions
            .iter()
            .find(|p| p.id.as_str() == id)
            .map(|p| p.mappings[0].relation)
    };
    assert_eq!(relation("zz:cca/s3"), Some(Relation::Exact));
    assert_eq!(relation("zz:cca/s4"), Some(Relation::Broad));
    assert_eq!(relation("zz:cca/s5"), None);
    assert_eq!(
        messages(data.diagnostics())
            .into_iter()
            .filter(|m| m.contains("predicate_id"))
            .collect::<Vec<_>>(),
        [
            "p.sssom.tsv:10:1: warning[not-in-interchange]: predicate_id: 2 rows with predicate `rdfs:seeAlso` (first on line 10) not imported: coverage counts the SKOS predicates, owl:equivalentClass (as skos:exactMatch) and rdfs:subClassOf (as skos:broadMatch) only"
        ]
    );
}

#[test]
fn rows_about_other_vocabularies_give_one_note_and_ours_are_imported() {
    let text = format!(
        "{HEADER}{COLUMNS}{}{}{}",
        row("HP:0000175", "skos:exactMatch", "HP:0000176"),
        row("zz:cca/s3", "skos:exactMatch", "un2024:art7"),
        row("HP:0000177", "owl:equivalentClass", "HP:0000178"),
    );
    let data = DatasetBuilder::new()
        .embedded()
        .text("o.sssom.tsv", text)
        .build()
        .unwrap();
    assert_eq!(data.jurisdiction_str("ZZ").unwrap().provisions.len(), 1);
    let notes: Vec<String> = data
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Note)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notes,
        [
            "o.sssom.tsv:8:1: note[not-in-interchange]: row: 2 rows concern other vocabularies, not imported (first on line 8): neither the subject is a provision of a jurisdiction in the data nor the object one of its categories"
        ]
    );
}

#[test]
fn a_propagated_subject_source_names_the_jurisdiction_of_every_row() {
    let text = "# curie_map:\n#   un2024: https://w3id.org/cybercrime-taxonomy/un2024/\n#   zz: https://example.org/zz/\n#   jurisdiction: https://w3id.org/cybercrime-taxonomy/jurisdiction/\n# mapping_set_id: https://example.org/zz.sssom.tsv\n# subject_source: jurisdiction:ZZ\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\tcomment\nsssom:NoTermFound\tskos:exactMatch\tun2024:art15\tsemapv:ManualMappingCuration\tthe penal code, read in full\nzz:cca/s3\tskos:exactMatch\tun2024:art7\tsemapv:ManualMappingCuration\t\n";
    let data = DatasetBuilder::new()
        .embedded()
        .text("g.sssom.tsv", text)
        .build()
        .unwrap();
    let zz = data.jurisdiction_str("ZZ").unwrap();
    assert_eq!(zz.gaps[0].category.as_str(), "un2024:art15");
    assert_eq!(zz.provisions.len(), 1);
}

#[test]
fn quoted_values_may_hold_tabs_and_line_breaks() {
    let text = format!(
        "{HEADER}subject_id\tpredicate_id\tobject_id\tmapping_justification\tsubject_source\tcomment\nzz:cca/s3\tskos:exactMatch\tun2024:art7\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\t\"two\nlines\tand a \"\"tab\"\"\"\nzz:cca/s4\tskos:exactMatch\tun2024:art8\tsemapv:ManualMappingCuration\tjurisdiction:ZZ\tplain\n"
    );
    let (set, problems) = sssom::parse("q.sssom.tsv", &text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(set.row_count(), 2);
    assert_eq!(
        set.row(0).unwrap().values().last(),
        Some("two\nlines\tand a \"tab\"")
    );
    // The second row starts on line 10: the first one spans lines 8 and 9.
    assert_eq!(
        (set.row(0).unwrap().line, set.row(1).unwrap().line),
        (8, 10)
    );
}

#[test]
fn a_finding_is_placed_where_its_cell_is_written_after_quoted_values() {
    // Columns count the quotes and doubled quotes as written, and characters, not bytes; a
    // quoted line break moves the later cells to the next line.
    let text = "# curie_map:\n#   zz: https://example.org/zz/\n# mapping_set_id: https://example.org/zz.sssom.tsv\nsubject_id\tsubject_label\tpredicate_id\tobject_id\tmapping_justification\tconfidence\nzz:a/s1\t\"say \"\"hi\"\" ผ\"\tskos:exactMatch\tzz:c7\tsemapv:ManualMappingCuration\t1.5\nzz:a/s2\t\"two\nlines\"\tskos:exactMatch\tzz:c7\tsemapv:ManualMappingCuration\t1.5\nzz:a/s3\tplain\tskos:exactMatch\tzz:c7\tsemapv:ManualMappingCuration\t1.5\n";
    let (_, problems) = sssom::validate("q.sssom.tsv", text);
    assert_eq!(
        messages(&cybercrime_taxonomy::Diagnostics(problems)),
        [
            "q.sssom.tsv:5:75: error[out-of-range]: confidence: `1.5` is outside 0 to 1",
            "q.sssom.tsv:7:59: error[out-of-range]: confidence: `1.5` is outside 0 to 1",
            "q.sssom.tsv:8:66: error[out-of-range]: confidence: `1.5` is outside 0 to 1",
        ]
    );
}

#[test]
fn literal_mappings_and_no_term_found_objects_are_valid_sssom() {
    let text = "# curie_map:\n#   ex: https://example.org/\n# mapping_set_id: https://example.org/lit\n# subject_type: rdfs literal\nsubject_label\tpredicate_id\tobject_id\tmapping_justification\nthe apple\tskos:exactMatch\tex:apple\tsemapv:LexicalMatching\n\tskos:exactMatch\tex:pear\tsemapv:LexicalMatching\n";
    let (_, problems) = sssom::validate("l.sssom.tsv", text);
    assert_eq!(
        messages(&cybercrime_taxonomy::Diagnostics(problems)),
        [
            "l.sssom.tsv:7:1: error[schema]: subject_id: `subject_label` is empty: a literal mapping gives its subject by its label"
        ]
    );
    let text = "# curie_map:\n#   ex: https://example.org/\n# mapping_set_id: https://example.org/ntf\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\nex:apple\tskos:exactMatch\tsssom:NoTermFound\tsemapv:ManualMappingCuration\n";
    assert!(sssom::validate("n.sssom.tsv", text).1.is_empty());
}

#[test]
fn multi_valued_cells_split_on_unescaped_pipes_and_each_value_is_checked() {
    let text = "# curie_map:\n#   ex: https://example.org/\n#   orcid: https://orcid.org/\n# mapping_set_id: https://example.org/m\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\tauthor_id\tauthor_label\nex:a\tskos:exactMatch\tex:b\tsemapv:ManualMappingCuration\torcid:1|zz:2\tAlice\\|Bob|Carol\n";
    let (_, problems) = sssom::validate("m.sssom.tsv", text);
    assert_eq!(
        messages(&cybercrime_taxonomy::Diagnostics(problems)),
        [
            "m.sssom.tsv:6:56: error[dangling-reference]: author_id: prefix `zz` of `zz:2` is not declared in the curie_map"
        ]
    );
    assert_eq!(
        sssom::split_values("Alice\\|Bob|Carol"),
        ["Alice|Bob", "Carol"]
    );
}

#[test]
fn metadata_beside_the_tsv_is_read_in_external_mode() {
    let dir = std::env::temp_dir().join(format!("cct-external-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tsv = dir.join("zz.sssom.tsv");
    let yml = dir.join("zz.sssom.yml");
    std::fs::write(
        &tsv,
        format!(
            "{COLUMNS}{}",
            row("zz:cca/s3", "skos:exactMatch", "un2024:art7")
        ),
    )
    .unwrap();
    // Without the metadata file the prefixes are undeclared.
    let (_, bare) = sssom::validate_file(&tsv, None);
    assert!(bare.has_errors());
    std::fs::write(
        &yml,
        "curie_map:\n  un2024: https://w3id.org/cybercrime-taxonomy/un2024/\n  zz: https://example.org/zz/\n  jurisdiction: https://w3id.org/cybercrime-taxonomy/jurisdiction/\nmapping_set_id: https://example.org/zz\n",
    )
    .unwrap();
    let (set, d) = sssom::validate_file(&tsv, None);
    assert!(d.0.is_empty(), "{d}");
    assert_eq!(
        set.unwrap().metadata_file.as_deref(),
        Some(yml.display().to_string().as_str())
    );
    let data = DatasetBuilder::new().embedded().file(&tsv).build().unwrap();
    assert!(data.jurisdiction_str("ZZ").is_some());
    // A problem in the metadata file is reported in that file, at its line and column.
    std::fs::write(
        &yml,
        "curie_map:\n  zz: https://example.org/zz/\nmapping_set_id: not an iri\n",
    )
    .unwrap();
    let (_, d) = sssom::validate_file(&tsv, Some(&yml));
    assert!(
        d.iter().any(|x| x.to_string()
            == format!(
                "{}:3:1: error[schema]: mapping_set_id: `not an iri` is not an absolute IRI",
                yml.display()
            )),
        "{d}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_sssom_only_checks_the_specification_without_the_taxonomy() {
    let exe = env!("CARGO_BIN_EXE_cybercrime-taxonomy");
    let dir = std::env::temp_dir().join(format!("cct-sssom-only-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("foreign.sssom.tsv");
    std::fs::write(
        &good,
        "# curie_map:\n#   HP: http://purl.obolibrary.org/obo/HP_\n# mapping_set_id: https://example.org/hp\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\nHP:1\towl:equivalentClass\tHP:2\tsemapv:LexicalMatching\t0.5\n",
    )
    .unwrap();
    let bad = dir.join("bad.sssom.tsv");
    std::fs::write(
        &bad,
        "# mapping_set_id: https://example.org/hp\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\nHP:1\towl:equivalentClass\tHP:2\tsemapv:LexicalMatching\n",
    )
    .unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(exe).args(args).output().unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, out) = run(&[
        "validate".as_ref(),
        "--sssom-only".as_ref(),
        good.as_os_str(),
    ]);
    assert_eq!(
        (code, out.as_str()),
        (Some(0), "0 error(s), 0 warning(s)\n")
    );
    let (code, out) = run(&[
        "validate".as_ref(),
        "--sssom-only".as_ref(),
        bad.as_os_str(),
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(
        out,
        format!(
            "{f}:3:1: error[dangling-reference]: subject_id: prefix `HP` of `HP:1` is not declared in the curie_map\n{f}:3:26: error[dangling-reference]: object_id: prefix `HP` of `HP:2` is not declared in the curie_map\n2 error(s), 0 warning(s)\n",
            f = bad.display()
        )
    );
    // On top of the taxonomy the same foreign file is valid and says it imported nothing.
    let (code, out) = run(&["validate".as_ref(), good.as_os_str()]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("1 row concerns other vocabularies, not imported"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_header_value_with_an_unquoted_colon_from_an_older_writer_is_read_with_a_warning() {
    // What this crate wrote before 2026.12.3 when a description held `: `.
    let text = format!(
        "{HEADER}# mapping_set_description: data 2026.12.2 + synthetic: 58 jurisdictions\n{COLUMNS}{}",
        row("zz:cca/s3", "skos:exactMatch", "un2024:art7")
    );
    let (set, problems) = sssom::validate("old.sssom.tsv", &text);
    assert_eq!(
        messages(&cybercrime_taxonomy::Diagnostics(problems)),
        [
            "old.sssom.tsv:7:3: warning[schema]: mapping_set_description: the value of `mapping_set_description` holds `: ` without quotes, which YAML does not allow (older writers, this crate's before data 2026.12.3 among them, wrote it so): it is read as text"
        ]
    );
    assert_eq!(
        set.metadata
            .get("mapping_set_description")
            .map(String::as_str),
        Some("data 2026.12.2 + synthetic: 58 jurisdictions")
    );
    assert_eq!(set.curie_map.len(), 4);
}

#[test]
fn export_quotes_header_values_that_yaml_would_misread() {
    let mut options = sssom::ExportOptions::for_jurisdictions(["SG".parse().unwrap()]);
    for id in [
        "https://example.org/a: b",
        "https://example.org/\"quoted\" #not-a-comment",
        "- looks like a list",
    ] {
        options.mapping_set_id = id.to_owned();
        let tsv = sssom::export(cybercrime_taxonomy::Dataset::embedded(), &options);
        let (set, problems) = sssom::parse("e.sssom.tsv", &tsv);
        assert!(problems.is_empty(), "{id}: {problems:?}");
        assert_eq!(
            set.metadata.get("mapping_set_id").map(String::as_str),
            Some(id)
        );
    }
}

#[test]
fn export_writes_sssom_1_1_record_ids_that_are_unique() {
    let tsv = sssom::export(
        cybercrime_taxonomy::Dataset::embedded(),
        &sssom::ExportOptions::default(),
    );
    assert!(tsv.starts_with("# sssom_version: \"1.1\"\n"));
    let (set, problems) = sssom::validate("all.sssom.tsv", &tsv);
    assert!(problems.is_empty(), "{problems:?}");
    let col = set.column("record_id");
    let ids: Vec<&str> = set.rows().map(|r| r.get(col)).collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
    assert!(ids.contains(&"record:sg/cma1993/s3/un2024/art7"));
    assert!(ids.iter().any(|i| i.starts_with("record:tl/gap/un2024/")));
}
