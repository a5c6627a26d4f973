//! The shipped data: every file is embedded, loads, validates clean, matches its schema, and
//! is complete; plus pinned facts about named entries.

use std::collections::BTreeSet;
use std::path::Path;

use cybercrime_taxonomy::{CategoryClass, Dataset, GapVerdict, Relation, Severity, TreatyStatus};

const ASEAN: [&str; 11] = [
    "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN",
];

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
}

#[test]
fn every_data_file_is_embedded() {
    let mut on_disk = BTreeSet::new();
    for sub in ["taxonomies", "cooperation", "jurisdictions"] {
        for entry in std::fs::read_dir(data_dir().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                on_disk.insert(format!("data/{sub}/{name}"));
            }
        }
    }
    let embedded: BTreeSet<String> = cybercrime_taxonomy::EMBEDDED_FILES
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    assert_eq!(embedded, on_disk, "update src/embedded.rs");
}

#[test]
fn embedded_data_validates_without_warnings() {
    let data = Dataset::embedded();
    let noisy: Vec<String> = data
        .diagnostics()
        .iter()
        .filter(|d| d.severity > Severity::Note)
        .map(ToString::to_string)
        .collect();
    assert!(noisy.is_empty(), "{noisy:#?}");
}

#[cfg(feature = "schema")]
#[test]
fn checked_in_schemas_match_the_types() {
    use cybercrime_taxonomy::schema;
    for (name, make) in schema::KINDS {
        let path = data_dir().join("schema").join(name);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == schema::to_text(&make()),
            "{} is stale: run `cargo run --features schema -- schema --write data/schema`",
            path.display()
        );
    }
}

#[test]
fn all_eleven_member_states_are_present() {
    let data = Dataset::embedded();
    for code in ASEAN {
        assert!(data.jurisdiction_str(code).is_some(), "{code} missing");
    }
}

#[test]
fn every_state_has_a_verdict_for_every_convention_offence() {
    let data = Dataset::embedded();
    let un = data.taxonomy_str("un2024").unwrap();
    for code in ASEAN {
        let j = data.jurisdiction_str(code).unwrap();
        for c in un.categories.iter().filter(|c| c.class.is_offence()) {
            let id = format!("un2024:{}", c.id);
            assert_one_verdict(j, code, &id);
        }
    }
}

#[test]
fn every_state_has_a_verdict_for_every_procedural_power_and_powers_say_how_they_work() {
    let data = Dataset::embedded();
    let un = data.taxonomy_str("un2024").unwrap();
    let powers: Vec<_> = un
        .categories
        .iter()
        .filter(|c| c.class == CategoryClass::Procedural)
        .collect();
    assert_eq!(powers.len(), 7, "UN Arts 24-30");
    for code in ASEAN {
        let j = data.jurisdiction_str(code).unwrap();
        for c in &powers {
            assert_one_verdict(j, code, &format!("un2024:{}", c.id));
        }
        for p in &j.provisions {
            // A provision only related to a power (relatedMatch) does not provide it.
            let procedural = p.mappings.iter().any(|m| {
                m.relation != Relation::Related
                    && data
                        .category(&m.category)
                        .is_some_and(|r| r.category.class == CategoryClass::Procedural)
            });
            assert!(
                !procedural || p.power.is_some(),
                "{}: a provision that provides a power says who authorises it (`power`)",
                p.id
            );
            assert!(
                !procedural || p.penalties.is_empty(),
                "{}: a procedural provision has no penalties",
                p.id
            );
        }
    }
}

/// Exactly one of: a mapping that counts, or a gap record that says what was checked.
fn assert_one_verdict(j: &cybercrime_taxonomy::Jurisdiction, code: &str, id: &str) {
    {
        {
            let mapped = j.provisions.iter().any(|p| {
                p.mappings
                    .iter()
                    .any(|m| m.category.as_str() == id && m.relation != Relation::Related)
            });
            let gap = j.gaps.iter().find(|g| g.category.as_str() == id);
            assert!(
                mapped ^ gap.is_some(),
                "{code} {id}: mapped={mapped} gap={gap:?}"
            );
            if let Some(g) = gap {
                assert!(
                    g.checked.len() > 20,
                    "{code} {id}: a gap must say what was checked"
                );
            }
        }
    }
}

#[test]
fn every_provision_and_instrument_names_a_source() {
    for j in Dataset::embedded().jurisdictions() {
        for i in &j.instruments {
            assert!(!i.source.title.trim().is_empty(), "{}", i.id);
        }
        for p in &j.provisions {
            assert!(!p.source.title.trim().is_empty(), "{}", p.id);
            assert!(
                p.source.url.is_some() || p.source.locator.is_some() || p.source.note.is_some(),
                "{}: a source needs a url, a locator or a note saying where it is",
                p.id
            );
            assert!(!p.summary.trim().is_empty(), "{}", p.id);
            assert!(
                !p.mappings.is_empty() || p.outside_convention.is_some(),
                "{}: neither mapped nor marked outside the Convention",
                p.id
            );
        }
    }
}

#[test]
fn convention_offence_articles_are_seven_to_seventeen() {
    let un = Dataset::embedded().taxonomy_str("un2024").unwrap();
    let offences: Vec<&str> = un
        .categories
        .iter()
        .filter(|c| c.class.is_offence())
        .map(|c| c.article.as_deref().unwrap_or("none"))
        .collect();
    assert_eq!(
        offences,
        [
            "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"
        ]
    );
}

#[test]
fn pinned_facts() {
    let data = Dataset::embedded();
    // Article 7 lets a State Party require infringement of security measures; Article 10
    // permits no narrowing at all.
    let art7 = data.category_str("un2024:art7").unwrap().category;
    assert_eq!(art7.title, "Illegal access");
    assert!(art7.qualification("security-measures").is_some());
    assert!(
        data.category_str("un2024:art10")
            .unwrap()
            .category
            .qualifications
            .is_empty()
    );
    // Article 11's reservation may not reach the distribution of credentials.
    let art11 = data.category_str("un2024:art11").unwrap().category;
    let reservation = art11.qualification("para1-reservation").unwrap();
    let waives = reservation.kind.waives();
    assert!(!waives.is_empty(), "a reservation waives something");
    assert!(
        !waives
            .iter()
            .any(|w| w.as_str() == "credential-distribution")
    );
    // Budapest Art 2 is Article 7's counterpart.
    let aligned = data.aligned(&"un2024:art7".parse().unwrap());
    assert!(
        aligned
            .iter()
            .any(|(r, other, _)| *r == Relation::Exact && other.as_str() == "budapest2001:art2")
    );
    assert_eq!(
        data.category_str("budapest2001:art2")
            .unwrap()
            .category
            .title,
        "Illegal access"
    );
    // The Philippines is the ASEAN Party to the Budapest Convention.
    let ph = data.jurisdiction_str("PH").unwrap();
    assert_eq!(
        ph.treaty(&"budapest2001".parse().unwrap()).unwrap().status,
        TreatyStatus::Party
    );
    // Singapore's Computer Misuse Act s 3 is its illegal-access offence.
    let s3 = data
        .provision(&"sg:cma1993/s3".parse().unwrap())
        .unwrap()
        .provision;
    assert!(
        s3.mappings
            .iter()
            .any(|m| m.category.as_str() == "un2024:art7")
    );
    // Timor-Leste has no cybercrime law: illegal access is a researched gap, not an unknown.
    let tl = data.jurisdiction_str("TL").unwrap();
    assert_eq!(
        tl.gap(&"un2024:art7".parse().unwrap()).unwrap().verdict,
        GapVerdict::Gap
    );
}

#[test]
fn data_version_constants_match_the_manifest() {
    let manifest: serde_json::Value =
        serde_json::from_str(include_str!("../data/manifest.json")).unwrap();
    assert_eq!(
        manifest["version"].as_str(),
        Some(cybercrime_taxonomy::DATA_VERSION),
        "DATA_VERSION in src/lib.rs differs from data/manifest.json"
    );
    assert_eq!(
        manifest["as_of"].as_str(),
        Some(cybercrime_taxonomy::DATA_AS_OF.to_string().as_str()),
        "DATA_AS_OF in src/lib.rs differs from data/manifest.json"
    );
    assert_eq!(cybercrime_taxonomy::DATA_VERSION.split('.').count(), 3);
}

/// The text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in the README.
fn readme_section(name: &str) -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = format!("<!-- {name}:start -->\n");
    let end = format!("<!-- {name}:end -->");
    let from = readme.find(&start).expect("start marker") + start.len();
    let to = readme.find(&end).expect("end marker");
    readme[from..to].to_owned()
}

#[test]
fn readme_tables_match_the_data() {
    let data = Dataset::embedded();
    let status = cybercrime_taxonomy::render::data_status(
        &cybercrime_taxonomy::check::Checker::new(data).data_status(),
        cybercrime_taxonomy::render::Format::Markdown,
    )
    .unwrap();
    assert_eq!(
        readme_section("status"),
        status,
        "README status table is stale: paste the output of `cargo run -- status`"
    );
    let report = cybercrime_taxonomy::check::Checker::new(data)
        .report(&Default::default())
        .unwrap();
    let md =
        cybercrime_taxonomy::render::report(&report, cybercrime_taxonomy::render::Format::Markdown)
            .unwrap();
    let matrix: String = md
        .lines()
        .skip(4)
        .take(13)
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        readme_section("matrix"),
        matrix,
        "README matrix is stale: paste lines 5-17 of `cargo run -- report`"
    );
}

/// FNV-1a over every embedded file's name and text: a fingerprint of the shipped data.
fn data_fingerprint() -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, text) in cybercrime_taxonomy::EMBEDDED_FILES {
        for b in name.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[test]
fn the_data_changelog_has_an_entry_for_this_data() {
    let changelog =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/CHANGELOG.md")).unwrap();
    let heading = format!("## {} ", cybercrime_taxonomy::DATA_VERSION);
    let entry = changelog
        .lines()
        .find(|l| l.starts_with(&heading))
        .unwrap_or_else(|| panic!("data/CHANGELOG.md has no `{heading}` entry"));
    let fingerprint = data_fingerprint();
    assert!(
        entry.ends_with(&format!("fingerprint {fingerprint}")),
        "the shipped data changed since the {} entry was written: give the data a new version \
         (data/manifest.json and DATA_VERSION), describe the change in data/CHANGELOG.md and end \
         its heading with `fingerprint {fingerprint}`",
        cybercrime_taxonomy::DATA_VERSION
    );
    let versions: Vec<&str> = changelog
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| l.split(' ').next())
        .collect();
    let unique: std::collections::HashSet<&str> = versions.iter().copied().collect();
    assert_eq!(
        versions.len(),
        unique.len(),
        "a version appears twice in data/CHANGELOG.md"
    );
}

/// Every string of every shipped data file, with the JSON path it sits at.
fn data_strings() -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) => out.push((path, s.clone())),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, item) in map {
                    walk(item, format!("{path}/{k}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (name, text) in cybercrime_taxonomy::EMBEDDED_FILES {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        walk(&v, (*name).to_owned(), &mut out);
    }
    out
}

#[test]
fn every_source_in_the_data_has_an_address_a_reader_can_open() {
    fn walk(v: &serde_json::Value, path: &str, bad: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                // A source is an object with a title and the date it was read.
                if map.contains_key("title") && map.contains_key("checked") {
                    let url = map.get("url").and_then(|u| u.as_str()).unwrap_or("");
                    if !(url.starts_with("https://") || url.starts_with("http://")) {
                        bad.push(path.to_owned());
                    }
                }
                for (k, item) in map {
                    walk(item, &format!("{path}/{k}"), bad);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), bad);
                }
            }
            _ => {}
        }
    }
    let mut bad = Vec::new();
    for (name, text) in cybercrime_taxonomy::EMBEDDED_FILES {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        walk(&v, name, &mut bad);
    }
    assert!(bad.is_empty(), "sources without a web address: {bad:#?}");
}

#[test]
fn no_data_file_speaks_of_the_research_tools_or_internal_notes() {
    // Words that name the utilities used to find sources, their ids, or notes a user of the
    // crate cannot open (the project's internal fact sheets and their source labels).
    let forbidden = [
        "search index",
        "search-index",
        "file id",
        "find_string",
        "find_files",
        "read_file",
        "fetch",
        "helper",
        "fact sheet",
        "convention.md",
        "cooperation.md",
        "sources.md",
        "/work/",
        "../shared",
    ];
    let mut bad = Vec::new();
    for (path, s) in data_strings() {
        let lower = s.to_lowercase();
        for f in forbidden {
            if lower.contains(f) {
                bad.push(format!("{path}: `{f}`"));
            }
        }
        // Source labels of the internal notes, such as `S-AR` or `S-DW13`.
        let labels = s.split(|c: char| !c.is_ascii_alphanumeric() && c != '-');
        for w in labels {
            if let Some(rest) = w.strip_prefix("S-") {
                let letters = rest.trim_end_matches(|c: char| c.is_ascii_digit());
                if letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase()) {
                    bad.push(format!("{path}: label `{w}`"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn every_convention_offence_has_iccs_codes_or_says_why_not() {
    // Regression: Arts 12, 15 and 16 had no ICCS link at all, so `crosswalk` and `show` gave
    // them no code and no reason.
    let data = Dataset::embedded();
    let un = data.taxonomy_str("un2024").unwrap();
    for c in un.categories.iter().filter(|c| c.class.is_offence()) {
        let id = format!("un2024:{}", c.id);
        let link = data
            .iccs(&id.parse().unwrap())
            .unwrap_or_else(|| panic!("{id} has no ICCS link"));
        assert!(
            !link.codes.is_empty() || !link.note.trim().is_empty(),
            "{id}: no codes and no note"
        );
    }
    let codes = |id: &str| -> Vec<String> {
        data.iccs(&id.parse().unwrap())
            .unwrap()
            .codes
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(codes("un2024:art15"), ["030223"]);
    assert!(codes("un2024:art12").is_empty());
    assert!(codes("un2024:art16").is_empty());
}
