//! The command line: each command's JSON form parses and says what it should, each command
//! offers only the formats it can produce, and reports name the data they were built from.
#![cfg(feature = "cli")]

use std::process::Command;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cybercrime-taxonomy"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, Some(0), "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}\n{stdout}"))
}

#[test]
fn list_and_show_have_json_forms() {
    let jurisdictions = json(&["list", "jurisdictions", "--format", "json"]);
    assert_eq!(jurisdictions.as_array().unwrap().len(), 11);
    assert_eq!(jurisdictions[0]["code"], "BN");
    let provisions = json(&[
        "list",
        "provisions",
        "--jurisdiction",
        "sg",
        "--format",
        "json",
    ]);
    assert!(
        provisions
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["jurisdiction"] == "SG")
    );
    let category = json(&["show", "un2024:art7", "--format", "json"]);
    assert_eq!(category["category"]["title"], "Illegal access");
    assert_eq!(category["aligned"][0]["category"], "budapest2001:art2");
    let provision = json(&["show", "sg:cma1993/s3", "--format", "json"]);
    assert_eq!(provision["number"], "s 3");
    assert_eq!(provision["instrument_title"], "Computer Misuse Act 1993");
    assert_eq!(provision["category_titles"][0], "Illegal access");
}

#[test]
fn status_has_a_json_form_computed_by_the_checker() {
    let status = json(&["status", "--format", "json"]);
    assert_eq!(
        status["origin"]["shipped"]["version"],
        cybercrime_taxonomy::DATA_VERSION
    );
    let states = status["states"].as_array().unwrap();
    assert_eq!(states.len(), 11);
    for s in states {
        let total = s["covered"].as_u64().unwrap()
            + s["gaps"].as_u64().unwrap()
            + s["not_researched"].as_u64().unwrap();
        assert_eq!(total, status["categories"].as_u64().unwrap(), "{s}");
    }
}

#[test]
fn commands_offer_only_the_formats_they_produce() {
    for args in [
        ["dual", "SG", "MY", "--format", "html"],
        ["baseline", "--format", "html", "", ""],
        ["status", "--format", "csv", "", ""],
        ["list", "taxonomies", "--format", "md", ""],
    ] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        let (code, _, stderr) = run(&args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(stderr.contains("invalid value"), "{args:?}: {stderr}");
    }
}

#[test]
fn report_from_user_data_is_stamped_with_it() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    let report = json(&["report", "--data", dir, "--format", "json"]);
    assert_eq!(
        report["origin"]["inputs"][0].as_str(),
        Some(dir),
        "{}",
        report["origin"]
    );
    let back: cybercrime_taxonomy::check::Report = serde_json::from_value(report).unwrap();
    assert!(!back.origin.is_shipped_only());
    let (_, md, _) = run(&["report", "--data", dir]);
    assert!(md.contains(&format!("data {}+local", cybercrime_taxonomy::DATA_VERSION)));
}

#[test]
fn a_state_paired_with_itself_is_refused() {
    let (code, _, stderr) = run(&["dual", "SG", "sg"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: `SG` is paired with itself: name two different States\n"
    );
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cct-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_data_directory_that_contributes_nothing_is_an_error() {
    let dir = temp_dir("empty");
    let (code, stdout, stderr) = run(&["report", "--data", dir.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{stdout}");
    assert!(
        stderr.contains("no .json data files or .tsv SSSOM files found"),
        "{stderr}"
    );
    // Upper-case extensions are data files too.
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/gb.json"),
        dir.join("GB.JSON"),
    )
    .unwrap();
    let report = json(&[
        "report",
        "--data",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(
        report["states"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["jurisdiction"] == "GB")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_data_file_is_refused_not_waited_on() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("trap.json");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let (code, _, stderr) = run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(stderr.is_empty());
    let (_, stdout, _) = run(&["validate", fifo.to_str().unwrap()]);
    assert!(stdout.contains("not a regular file"), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn terminal_and_markdown_output_carry_no_live_control_sequences_or_html() {
    let dir = temp_dir("hostile");
    let gb = include_str!("../examples/data/gb.json").replace(
        "\"United Kingdom (example: England and Wales)\"",
        "\"UK \\u001b]0;pwned\\u0007 <script>alert(1)</script> [x](javascript:alert(1))\"",
    );
    assert!(
        gb.contains("pwned"),
        "the fixture must carry the hostile name"
    );
    std::fs::write(dir.join("gb.json"), gb).unwrap();
    let (code, md, stderr) = run(&[
        "report",
        "--data",
        dir.to_str().unwrap(),
        "--jurisdiction",
        "GB",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!md.contains('\u{1b}') && !md.contains('\u{7}'), "{md}");
    assert!(md.contains("\\u{1b}\\]0;pwned\\u{7}"), "{md}");
    assert!(
        !md.contains("<script>") && !md.contains("[x](") && md.contains("\\[x\\](javascript:"),
        "{md}"
    );
    assert!(md.contains("&lt;script&gt;"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_never_overwrites_an_input_and_is_written_whole() {
    let dir = temp_dir("out");
    let counts = dir.join("counts.csv");
    std::fs::write(&counts, "provision,count\nsg:cma1993/s3,4\n").unwrap();
    let c = counts.to_str().unwrap();
    let (code, _, stderr) = run(&["crosswalk", c, "-o", c]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("is one of the inputs"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&counts).unwrap(),
        "provision,count\nsg:cma1993/s3,4\n"
    );
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    let inside = format!("{data}/zz.json");
    let (code, _, _) = run(&["report", "--data", data, "-o", &inside]);
    assert_eq!(code, Some(2));
    assert!(!std::path::Path::new(&inside).exists());
    let out = dir.join("walk.md");
    let (code, _, _) = run(&["crosswalk", c, "-o", out.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Crosswalk")
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_for_every_format() {
    for format in ["text", "json"] {
        let out = Command::new(env!("CARGO_BIN_EXE_cybercrime-taxonomy"))
            .args(["validate", "--format", format])
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("standard output"),
            "{format}"
        );
    }
}

#[test]
fn a_mapping_set_id_with_a_newline_is_refused() {
    let (code, _, stderr) = run(&["sssom", "--mapping-set-id", "https://x/\n# evil: 1"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: invalid mapping_set_id: `https://x/\\n# evil: 1` must be one non-empty line without control characters\n"
    );
}

#[test]
fn report_reads_the_law_on_a_date() {
    let before = json(&[
        "report",
        "--as-of",
        "2025-12-31",
        "--jurisdiction",
        "ID",
        "--format",
        "json",
    ]);
    assert_eq!(before["options"]["as_of"], "2025-12-31");
    let art7 = &before["states"][0]["coverage"][0];
    assert_eq!(art7["category"], "un2024:art7");
    assert!(
        art7["provisions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "id:ite2008/s30"),
        "{art7}"
    );
    let (_, md, _) = run(&["report", "--as-of", "2031", "--jurisdiction", "ID"]);
    assert!(
        md.contains("Law in force on 2031. The date is after the data was researched"),
        "{md}"
    );
    let (code, _, stderr) = run(&["report", "--as-of", "2026-13"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("invalid date `2026-13`"), "{stderr}");
}

#[test]
fn diff_between_two_dates_and_against_a_directory() {
    let d = json(&[
        "diff",
        "--from",
        "2025-12-31",
        "--to",
        "2026-01-02",
        "--jurisdiction",
        "ID",
        "--format",
        "json",
    ]);
    let changes = d["changes"].as_array().unwrap();
    assert!(
        changes.iter().any(|c| c["category"] == "un2024:art7"),
        "{d}"
    );
    assert_eq!(d["from"]["options"]["as_of"], "2025-12-31");
    let (code, md, _) = run(&["diff"]);
    assert_eq!(code, Some(0));
    assert!(md.contains("No differences."), "{md}");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    let d = json(&["diff", "--against", dir, "--format", "json"]);
    assert!(
        d["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["jurisdiction"] == "GB"),
        "{d}"
    );
}

#[test]
fn the_shipped_data_directory_validates_as_a_release_on_its_own() {
    // Regression: `data/` was read on top of the embedded copy of itself, so its alignments
    // were "aligned twice" and its manifest "not a data file" (22 errors).
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let (code, stdout, stderr) = run(&["validate", data]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert_eq!(stdout, "0 error(s), 0 warning(s)\n");
    let (code, stdout, _) = run(&["diff", "--against", data]);
    assert_eq!(code, Some(0));
    assert!(
        stdout.contains(&format!(
            "To: data {} (release read from {data}, as of ",
            cybercrime_taxonomy::DATA_VERSION
        )),
        "{stdout}"
    );
    assert!(stdout.contains("No differences."), "{stdout}");
}

#[test]
fn show_finds_things_by_name_and_answers_a_near_miss() {
    for (query, first_line) in [
        ("Viet Nam", "VN Viet Nam (researched as of 2026-12-01)"),
        ("VNM", "VN Viet Nam (researched as of 2026-12-01)"),
        ("sg", "SG Singapore (researched as of 2026-12-02)"),
        (
            "art 7",
            "un2024:art7  UN Convention against Cybercrime, Article 7: Illegal access",
        ),
    ] {
        let (code, stdout, stderr) = run(&["show", query]);
        assert_eq!(code, Some(0), "{query}: {stderr}");
        assert_eq!(stdout.lines().next(), Some(first_line), "{query}");
    }
    let (code, stdout, stderr) = run(&["show", "Singapor"]);
    assert_eq!(code, Some(2));
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: unknown id or name `Singapor`: did you mean SG (Singapore)?\n"
    );
    let (code, _, stderr) = run(&["show", "Illegal access"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: `Illegal access` is ambiguous: it may mean un2024:art7 (Illegal access) or budapest2001:art2 (Illegal access); give the id\n"
    );
}

#[test]
fn commands_taking_a_state_accept_its_names_and_aliases() {
    let dual = json(&["dual", "Singapore", "vietnam", "--format", "json"]);
    assert_eq!(
        (&dual["first"], &dual["second"]),
        (&"SG".into(), &"VN".into())
    );
    let brief = json(&["brief", "Viet Nam", "--format", "json"]);
    assert_eq!(brief["jurisdiction"], "VN");
    let report = json(&["report", "--jurisdiction", "Burma,sg", "--format", "json"]);
    let states: Vec<&str> = report["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["jurisdiction"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["MM", "SG"]);
    // A State only the other side of a diff has is found there.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    let diff = json(&[
        "diff",
        "--against",
        dir,
        "--jurisdiction",
        "gb",
        "--format",
        "json",
    ]);
    let changes = diff["changes"].as_array().unwrap();
    assert!(
        !changes.is_empty() && changes.iter().all(|c| c["jurisdiction"] == "GB"),
        "{diff}"
    );
    let (code, _, stderr) = run(&["cooperation", "SGP", "Vietnma"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: unknown State `Vietnma`: did you mean VN (Viet Nam)?\n"
    );
    let (code, _, stderr) = run(&["dual", "Singapore", "SGP"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: `SG` is paired with itself: name two different States\n"
    );
}

#[cfg(feature = "schema")]
#[test]
fn schema_prints_one_json_document_and_writes_the_checked_in_files() {
    // Regression: `schema` printed the three schemas one after another, which is not JSON.
    let all = json(&["schema"]);
    let names: Vec<&str> = all
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    let mut expected: Vec<&str> = cybercrime_taxonomy::schema::KINDS
        .iter()
        .map(|(name, _)| *name)
        .collect();
    expected.sort_unstable();
    assert_eq!(names, expected);
    for (name, make) in cybercrime_taxonomy::schema::KINDS {
        assert_eq!(all[name], serde_json::to_value(make()).unwrap(), "{name}");
    }
    // `--write DIR` still writes one file per schema, byte for byte what is checked in.
    let dir = temp_dir("schema-write");
    let (code, stdout, stderr) = run(&["schema", "--write", dir.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "");
    for (name, _) in cybercrime_taxonomy::schema::KINDS {
        let written = std::fs::read_to_string(dir.join(name)).unwrap();
        let shipped = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data/schema")
                .join(name),
        )
        .unwrap();
        assert_eq!(written, shipped, "{name}");
    }
}

#[test]
fn a_category_without_an_article_number_is_shown_without_one() {
    // Regression: the draft-era categories carried an empty article number, printed as
    // `"article": ""` by every JSON output.
    let shown = json(&["show", "undraft:terrorism", "--format", "json"]);
    assert_eq!(shown["category"]["id"], "terrorism");
    assert!(
        shown["category"].get("article").is_none(),
        "{}",
        shown["category"]
    );
    let listed = json(&["list", "categories", "--format", "json"]);
    let article = |id: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("{id} not listed"))["article"]
            .clone()
    };
    assert_eq!(article("un2024:art7"), "7");
    assert_eq!(article("undraft:terrorism"), serde_json::Value::Null);
    let report = json(&["report", "--taxonomy", "undraft", "--format", "json"]);
    for c in report["categories"].as_array().unwrap() {
        assert_eq!(c["article"], serde_json::Value::Null, "{c}");
    }
    let (code, text, _) = run(&["show", "undraft:terrorism"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        text.lines().next(),
        Some(
            "undraft:terrorism  UN cybercrime negotiation drafts (dropped offences): Terrorism-related offences"
        )
    );
    let (_, listing, _) = run(&["show", "undraft"]);
    let row = listing
        .lines()
        .find(|l| l.trim_start().starts_with("undraft:terrorism "))
        .unwrap();
    assert!(row.contains(" no article "), "{row}");
    assert!(!listing.contains("Art "), "{listing}");
}

#[test]
fn crosswalk_and_show_say_why_a_category_has_no_iccs_code() {
    // Regression: Arts 12 and 16 showed an empty ICCS cell and `show` said nothing.
    let dir = temp_dir("iccs");
    let counts = dir.join("counts.csv");
    std::fs::write(
        &counts,
        "provision,count\nsg:pc1871/s463,4\nsg:pc1871/s376ea,3\nsg:pc1871/s377bc,2\n",
    )
    .unwrap();
    let (code, md, stderr) = run(&["crosswalk", counts.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    let rows: Vec<Vec<&str>> = md
        .lines()
        .filter(|l| l.starts_with("| un2024:"))
        .map(|l| l.split('|').map(str::trim).collect())
        .collect();
    let iccs: Vec<(&str, &str)> = rows.iter().map(|r| (r[1], r[2])).collect();
    assert_eq!(
        iccs,
        [
            ("un2024:art12", "no code"),
            ("un2024:art15", "030223"),
            ("un2024:art16", "no code")
        ]
    );
    let notes = md.split("\nNo ICCS code:\n").nth(1).expect("the notes");
    let notes: Vec<&str> = notes.lines().take_while(|l| l.starts_with("- ")).collect();
    assert_eq!(notes.len(), 2, "{md}");
    assert!(
        notes[0].starts_with("- un2024:art12: No source read gives an ICCS class for forgery"),
        "{}",
        notes[0]
    );
    assert!(notes[1].starts_with("- un2024:art16: No ICCS class for the non-consensual"));
    let walk = json(&["crosswalk", counts.to_str().unwrap(), "--format", "json"]);
    let art16 = &walk["categories"][2];
    assert_eq!(art16["category"], "un2024:art16");
    assert_eq!(art16["iccs"], serde_json::json!([]));
    assert!(
        art16["iccs_note"]
            .as_str()
            .unwrap()
            .contains("intimate images")
    );
    let (_, shown, _) = run(&["show", "un2024:art16"]);
    let at = shown.find("\nICCS: ").expect("an ICCS line");
    let mut after = shown[at + 1..].lines();
    assert_eq!(after.next(), Some("ICCS: no code (confidence low)"));
    assert!(
        after
            .next()
            .is_some_and(|l| l.starts_with("No ICCS class for the non-consensual")),
        "{shown}"
    );
}

/// The character columns of the unescaped `|` of a Markdown table line.
fn bars(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut escaped = false;
    for (i, c) in line.chars().enumerate() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => out.push(i),
            _ => {}
        }
    }
    out
}

/// Asserts that in every Markdown table of `text` each line has its `|` at the same character
/// columns; returns how many tables there were.
fn assert_tables_line_up(what: &str, text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let mut tables = 0;
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with('|') {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].starts_with('|') {
            i += 1;
        }
        let table = &lines[start..i];
        let first = bars(table[0]);
        for line in table {
            assert_eq!(
                bars(line),
                first,
                "{what}: a column is out of line:\n{}",
                table.join("\n")
            );
        }
        tables += 1;
    }
    tables
}

/// The character column where each of `cells` starts in `line`, looking for each after the
/// one before.
fn starts(line: &str, cells: &[&str]) -> Vec<usize> {
    let mut from = 0;
    let mut out = Vec::new();
    for cell in cells {
        let at = from
            + line[from..]
                .find(cell)
                .unwrap_or_else(|| panic!("`{cell}` not in `{line}`"));
        out.push(line[..at].chars().count());
        from = at + cell.len();
    }
    out
}

/// A user's jurisdiction whose name and provision numbers are long and not ASCII.
fn wide_state() -> std::path::PathBuf {
    let dir = temp_dir("wide");
    let provision = |id: &str, number: &str| {
        format!(
            r#"{{ "id": "zz:pc/{id}", "instrument": "zz:pc", "number": "{number}", "summary": "Fixture.",
  "source": {{ "title": "Fixture", "url": "https://example.org/zz", "checked": "2026-11-28" }},
  "confidence": "high",
  "mappings": [{{ "category": "un2024:art7", "relation": "broadMatch", "covers": ["access"], "confidence": "high" }}] }}"#
        )
    };
    let text = format!(
        r#"{{ "code": "ZZ", "name": "Vương quốc Lèse-majesté", "as_of": "2026-11-28",
  "instruments": [{{ "id": "zz:pc", "title": "Bộ luật Hình sự", "kind": "penal-code",
    "source": {{ "title": "Fixture", "url": "https://example.org/zz", "checked": "2026-11-28" }} }}],
  "provisions": [{}, {}, {}] }}"#,
        provision("a1", "Điều 1"),
        provision("a112", "Điều 112 (Lèse-majesté, sửa đổi năm 2017)"),
        provision("a289", "Art 289"),
    );
    std::fs::write(dir.join("zz.json"), text).unwrap();
    dir
}

#[test]
fn every_table_lines_up_by_characters() {
    // Regression: Markdown tables were not padded at all, and the text listings padded to
    // fixed widths that long values (ids, provision numbers) overran.
    let wide = wide_state();
    let wide = wide.to_str().unwrap();
    let counts = temp_dir("wide-counts").join("counts.csv");
    std::fs::write(
        &counts,
        "provision,count\nsg:cma1993/s3,5\nsg:pc1871/s463,4\nvn:pc2015/a289,3\n",
    )
    .unwrap();
    let counts = counts.to_str().unwrap();
    let mut tables = 0;
    for args in [
        &["report"][..],
        &["report", "--data", wide],
        &["report", "--taxonomy", "undraft"],
        &["report", "--taxonomy", "budapest2001"],
        &["dual", "SG", "VN"],
        &["dual", "SG", "ZZ", "--data", wide],
        &["cooperation", "SG", "VN"],
        &["baseline"],
        &["status"],
        &["status", "--data", wide],
        &["brief", "SG"],
        &["brief", "TH"],
        &["crosswalk", counts],
    ] {
        let (code, out, stderr) = run(args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        let n = assert_tables_line_up(&format!("{args:?}"), &out);
        assert!(n > 0, "{args:?}: no table");
        tables += n;
    }
    assert!(tables >= 25, "{tables} tables");

    // Text listings: each column starts at the same character on every line.
    let check = |args: &[&str], rows: &[Vec<String>]| {
        let (code, out, stderr) = run(args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), rows.len(), "{args:?}");
        let at: Vec<Vec<usize>> = lines
            .iter()
            .zip(rows)
            .map(|(line, cells)| {
                let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
                starts(line, &cells)
            })
            .collect();
        for (line, a) in lines.iter().zip(&at) {
            assert_eq!(a, &at[0], "{args:?}: out of line: `{line}`\n{out}");
        }
    };
    let listed = |what: &str, extra: &[&str]| {
        let mut args = vec!["list", what, "--format", "json"];
        args.extend_from_slice(extra);
        json(&args).as_array().unwrap().clone()
    };
    let s = |v: &serde_json::Value| v.as_str().unwrap().to_owned();
    let provisions = listed("provisions", &["--data", wide]);
    check(
        &["list", "provisions", "--data", wide],
        &provisions
            .iter()
            .map(|p| vec![s(&p["id"]), s(&p["number"]), s(&p["confidence"])])
            .collect::<Vec<_>>(),
    );
    let jurisdictions = listed("jurisdictions", &["--data", wide]);
    check(
        &["list", "jurisdictions", "--data", wide],
        &jurisdictions
            .iter()
            .map(|j| vec![s(&j["code"]), s(&j["name"]), " provisions".to_owned()])
            .collect::<Vec<_>>(),
    );
    let categories = listed("categories", &[]);
    check(
        &["list", "categories"],
        &categories
            .iter()
            .map(|c| vec![s(&c["id"]), s(&c["class"]), s(&c["title"])])
            .collect::<Vec<_>>(),
    );
    let treaties = listed("treaties", &[]);
    check(
        &["list", "treaties"],
        &treaties
            .iter()
            .map(|t| vec![s(&t["id"]), s(&t["short_title"]), s(&t["status"])])
            .collect::<Vec<_>>(),
    );
}

#[test]
fn validate_takes_its_input_limit_as_an_option() {
    let exe = env!("CARGO_BIN_EXE_cybercrime-taxonomy");
    let set = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/broken.sssom.tsv"
    );
    let out = std::process::Command::new(exe)
        .args(["validate", "--max-input-bytes", "100", set])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "{set}: error[too-large]: file is larger than the input limit of 100 bytes\n1 error(s), 0 warning(s)\n"
        )
    );
}
