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
