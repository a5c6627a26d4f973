//! The cooperation side: treaty records with their parties, the readiness check between two
//! States (symmetric where the law is), and hostile treaty files.

use cybercrime_taxonomy::check::{Checker, DualNeed, Options};
use cybercrime_taxonomy::{
    Dataset, DatasetBuilder, Date, JurisdictionCode, Subject, TreatyStatus, render,
};

fn code(s: &str) -> JurisdictionCode {
    s.parse().unwrap()
}

#[test]
fn singapore_and_viet_nam_share_the_asean_mla_treaty_with_its_source() {
    let r = Checker::new(Dataset::embedded())
        .cooperation(code("SG"), code("VN"), &[])
        .unwrap();
    let mlat = r
        .shared_bases(Subject::MutualAssistance)
        .find(|b| b.treaty.as_str() == "asean-mla-2004")
        .expect("the ASEAN MLA Treaty binds both");
    assert_eq!(mlat.requesting.status, TreatyStatus::Party);
    assert!(mlat.source.url.as_deref().unwrap().starts_with("https://"));
    // The UN Convention is not in force; Budapest binds neither.
    for id in ["un2024", "budapest2001", "asean-extradition-2025"] {
        let b = r.bases.iter().find(|b| b.treaty.as_str() == id).unwrap();
        assert_ne!(b.shared, Some(true), "{id}");
    }
    // Every Convention offence category is there, with both maxima where recorded.
    assert_eq!(r.categories.len(), 11);
    let art7 = r
        .categories
        .iter()
        .find(|c| c.category.as_str() == "un2024:art7")
        .unwrap();
    assert_eq!(
        art7.requesting.basic.as_ref().unwrap().provision.as_str(),
        "sg:cma1993/s3"
    );
    assert!(art7.requested.basic.is_some());
    assert_eq!(art7.extradition_threshold, Some(true));
    assert_eq!(art7.serious_crime, Some(false), "SG s 3 carries 2 years");
    // The requested State's seven procedural powers are listed, each with a verdict.
    assert_eq!(r.powers.len(), 7);
    assert!(matches!(
        r.powers[0].dual_criminality,
        DualNeed::NotARequest
    ));
}

#[test]
fn cooperation_agrees_both_ways_where_the_law_is_symmetric() {
    let check = Checker::new(Dataset::embedded());
    for (a, b) in [("SG", "VN"), ("ID", "SG"), ("KH", "VN"), ("PH", "TL")] {
        let ab = check.cooperation(code(a), code(b), &[]).unwrap();
        let ba = check.cooperation(code(b), code(a), &[]).unwrap();
        assert_eq!(ab.bases.len(), ba.bases.len());
        for (x, y) in ab.bases.iter().zip(&ba.bases) {
            assert_eq!(x.treaty, y.treaty);
            assert_eq!(x.shared, y.shared, "{a}-{b} {}", x.treaty);
            assert_eq!(x.requesting, y.requested);
        }
        for (x, y) in ab.categories.iter().zip(&ba.categories) {
            assert_eq!(x.dual, y.dual, "{a}-{b} {}", x.category);
            assert_eq!(x.requesting, y.requested);
            assert_eq!(x.serious_crime, y.serious_crime);
            assert_eq!(x.extradition_threshold, y.extradition_threshold);
        }
        // The powers are the requested State's: they differ by direction.
        assert!(ab.powers.iter().all(|p| p.coverage.jurisdiction == code(b)));
        assert!(ba.powers.iter().all(|p| p.coverage.jurisdiction == code(a)));
    }
}

#[test]
fn a_bilateral_treaty_counts_from_its_entry_into_force() {
    let check = |date: &str| {
        let on: Date = date.parse().unwrap();
        Checker::with_options(Dataset::embedded(), Options::default().with_as_of(on))
            .cooperation(code("ID"), code("SG"), &[])
            .unwrap()
            .bases
            .into_iter()
            .find(|b| b.treaty.as_str() == "id-sg-extradition-2022")
            .unwrap()
            .shared
    };
    assert_eq!(check("2024-03-20"), Some(false));
    assert_eq!(check("2024-03-21"), Some(true));
    // A State that is not a party of a bilateral treaty never sees it.
    let r = Checker::new(Dataset::embedded())
        .cooperation(code("SG"), code("MY"), &[])
        .unwrap();
    assert!(
        !r.bases
            .iter()
            .any(|b| b.treaty.as_str() == "id-sg-extradition-2022")
    );
}

#[test]
fn a_state_paired_with_itself_or_an_unknown_one_is_refused() {
    let check = Checker::new(Dataset::embedded());
    assert!(check.cooperation(code("SG"), code("SG"), &[]).is_err());
    let e = check.cooperation(code("SG"), code("ZZ"), &[]).unwrap_err();
    assert!(e.to_string().contains("ZZ"), "{e}");
}

#[test]
fn the_markdown_names_the_bases_penalties_and_powers() {
    let r = Checker::new(Dataset::embedded())
        .cooperation(code("SG"), code("VN"), &[])
        .unwrap();
    let md = render::cooperation(&r, render::Format::Markdown).unwrap();
    assert!(
        md.starts_with("# Cooperation: SG requests, VN executes\n"),
        "{md}"
    );
    assert!(
        md.contains("| ASEAN MLAT](https://cil.nus.edu.sg/")
            || md.contains("[ASEAN MLAT](https://cil.nus.edu.sg/")
    );
    assert!(
        md.lines()
            .any(|l| l.starts_with("| un2024:art7 ") && l.contains("| conditional ")),
        "{md}"
    );
    assert!(md.contains("2 years (sg:cma1993/s3)"), "{md}");
    assert!(md.contains("## Powers of VN for the request"), "{md}");
    let csv = render::cooperation(&r, render::Format::Csv).unwrap();
    assert!(
        csv.starts_with("requesting,requested,on,row,category,"),
        "{csv}"
    );
    assert_eq!(csv.lines().filter(|l| l.contains(",power,")).count(), 7);
}

const TREATY_SOURCE: &str =
    r#""source": { "title": "T", "url": "https://example.org/t", "checked": "2026-11-01" }"#;

fn treaties_file(body: &str) -> String {
    format!(r#"{{ "treaties": [ {body} ] }}"#)
}

fn load(body: &str) -> Result<Dataset, cybercrime_taxonomy::Diagnostics> {
    DatasetBuilder::new()
        .embedded()
        .text("mine.json", treaties_file(body))
        .build()
}

fn messages(d: &cybercrime_taxonomy::Diagnostics) -> Vec<String> {
    d.iter().map(|d| d.message.clone()).collect()
}

#[test]
fn a_bilateral_treaty_needs_two_parties() {
    let err = load(&format!(
        r#"{{ "id": "xa-xb-mla-2020", "title": "X", "short_title": "X", "scope": "bilateral",
  "subjects": ["mutual-assistance"], "status": "in-force", "in_force": "2020-01-01",
  "parties": [ {{ "state": "SG", "status": "party", {TREATY_SOURCE}, "confidence": "high" }} ],
  {TREATY_SOURCE}, "confidence": "high" }}"#
    ))
    .unwrap_err();
    assert!(
        messages(&err).contains(
            &"bilateral treaty `xa-xb-mla-2020` needs exactly two party records, found 1"
                .to_owned()
        ),
        "{:?}",
        messages(&err)
    );
}

#[test]
fn a_treaty_modelled_as_a_taxonomy_keeps_its_parties_in_the_jurisdiction_files() {
    let err = load(&format!(
        r#"{{ "id": "budapest-copy", "title": "X", "short_title": "X", "scope": "regional", "taxonomy": "budapest2001",
  "subjects": ["extradition"], "status": "in-force",
  "parties": [ {{ "state": "SG", "status": "party", {TREATY_SOURCE}, "confidence": "high" }} ],
  {TREATY_SOURCE}, "confidence": "high" }},
  {{ "id": "dangling", "title": "X", "short_title": "X", "scope": "global", "taxonomy": "nosuch",
  "subjects": ["extradition"], "status": "unknown", {TREATY_SOURCE}, "confidence": "low" }}"#
    ))
    .unwrap_err();
    let m = messages(&err);
    assert!(m.contains(&"treaty `budapest-copy` is modelled by taxonomy `budapest2001`: its party records belong in the jurisdiction files (`treaties` there), not here".to_owned()), "{m:?}");
    assert!(
        m.contains(&"no taxonomy `nosuch` is loaded".to_owned()),
        "{m:?}"
    );
}

#[test]
fn a_users_treaty_file_replaces_a_shipped_treaty_and_a_threshold_needs_months() {
    let data = load(&format!(
        r#"{{ "id": "asean-extradition-2025", "title": "X", "short_title": "AET (mine)", "scope": "regional",
  "subjects": ["extradition"], "status": "in-force", "in_force": "2026-06-01",
  "parties": [ {{ "state": "SG", "status": "party", "in_force": "2026-06-01", {TREATY_SOURCE}, "confidence": "high" }},
               {{ "state": "VN", "status": "party", "in_force": "2026-06-01", {TREATY_SOURCE}, "confidence": "high" }} ],
  {TREATY_SOURCE}, "confidence": "high" }}"#
    ))
    .unwrap();
    let r = Checker::new(&data)
        .cooperation(code("SG"), code("VN"), &[])
        .unwrap();
    assert!(
        r.shared_bases(Subject::Extradition)
            .any(|b| b.short_title == "AET (mine)")
    );
    let err = load(&format!(
        r#"{{ "id": "t", "title": "X", "short_title": "X", "scope": "global", "subjects": ["extradition"],
  "status": "unknown", "rules": [ {{ "kind": "extradition-threshold", "article": "2", "summary": "s", "confidence": "low" }} ],
  {TREATY_SOURCE}, "confidence": "low" }}"#
    ))
    .unwrap_err();
    assert!(messages(&err).contains(&"a `extradition-threshold` rule needs `months`".to_owned()));
}

#[test]
fn the_report_has_a_procedural_matrix_and_the_baseline_ranks_every_pair_once() {
    use cybercrime_taxonomy::check::Scope;
    let data = Dataset::embedded();
    let check = Checker::new(data);
    let r = check.report(&Scope::default()).unwrap();
    assert_eq!(r.powers.len(), 7);
    assert!(r.states.iter().all(|s| s.powers.len() == 7));
    assert_eq!(r.powers[1].id.as_str(), "un2024:art25");
    let pairs = &r.baseline.pairs;
    assert_eq!(pairs.len(), 11 * 10 / 2);
    let mut seen = std::collections::BTreeSet::new();
    for p in pairs {
        assert!(p.first < p.second);
        assert!(seen.insert((p.first, p.second)));
    }
    assert!(
        pairs
            .windows(2)
            .all(|w| w[0].shortfall() >= w[1].shortfall())
    );
    // Budapest is read through the alignments: no procedural matrix there.
    let b = check
        .report(&Scope {
            taxonomy: "budapest2001".parse().unwrap(),
            ..Scope::default()
        })
        .unwrap();
    assert!(b.powers.is_empty() && b.baseline.pairs.is_empty());
    // The data-status table counts each State's seven powers once.
    for s in check.data_status().states {
        assert_eq!(
            s.powers_covered + s.powers_gaps + s.powers_not_researched,
            7,
            "{}",
            s.jurisdiction
        );
    }
}

#[test]
fn pair_readiness_counts_a_scope_limited_basis_as_half_a_basis() {
    let check = Checker::new(Dataset::embedded());
    let r = check
        .report(&cybercrime_taxonomy::check::Scope::default())
        .unwrap();
    let pair = |a: &str, b: &str| {
        r.baseline
            .pairs
            .iter()
            .find(|p| p.first == code(a) && p.second == code(b))
            .unwrap()
            .clone()
    };
    let id_sg = pair("ID", "SG");
    assert!(
        id_sg
            .extradition
            .iter()
            .any(|t| t.as_str() == "id-sg-extradition-2022")
    );
    let my_sg = pair("MY", "SG");
    assert_eq!(
        my_sg
            .extradition
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>(),
        ["untoc-2000"]
    );
    assert!(my_sg.limited.iter().any(|t| t.as_str() == "untoc-2000"));
    let base = |p: &cybercrime_taxonomy::check::PairReadiness| {
        p.shortfall() - p.first_lacks.len() - p.second_lacks.len()
    };
    assert_eq!(
        base(&id_sg),
        0,
        "MLAT for assistance, a bilateral treaty for extradition"
    );
    assert_eq!(
        base(&my_sg),
        1,
        "extradition only under UNTOC's limited scope"
    );
}

#[test]
fn the_brief_for_viet_nam_names_what_is_missing_and_peer_models() {
    use cybercrime_taxonomy::check::{Level, Scope};
    let data = Dataset::embedded();
    let check = Checker::new(data);
    let brief = check.brief(code("VN")).unwrap();
    let report = check.report(&Scope::default()).unwrap();
    assert_eq!(brief.articles.len(), report.categories.len());
    let mut with_peers = 0;
    for (i, a) in brief.articles.iter().enumerate() {
        let level = a.coverage.verdict.level();
        if !matches!(level, Level::Partial | Level::Gap) {
            assert!(a.peers.is_empty(), "{}", a.category);
            continue;
        }
        if level == Level::Partial {
            assert!(
                !a.missing.is_empty() || !a.conditions.is_empty(),
                "{}: a partial verdict says what is missing or narrowing",
                a.category
            );
        }
        // A peer exactly where another State covers the article fully.
        let full_elsewhere: Vec<JurisdictionCode> = report
            .states
            .iter()
            .filter(|s| s.jurisdiction != code("VN"))
            .filter(|s| s.coverage[i].verdict.level() == Level::Full)
            .map(|s| s.jurisdiction)
            .collect();
        assert_eq!(
            a.peers.is_empty(),
            full_elsewhere.is_empty(),
            "{}",
            a.category
        );
        for p in &a.peers {
            assert!(full_elsewhere.contains(&p.jurisdiction), "{}", a.category);
        }
        with_peers += usize::from(!a.peers.is_empty());
    }
    assert!(with_peers > 0);
    let md = render::brief(&brief, render::Format::Markdown).unwrap();
    assert!(md.starts_with("# Law-reform brief: VN Viet Nam\n"), "{md}");
    assert!(md.contains("Peer models (provisions of other States that cover it fully):"));
    assert!(md.contains("## Outside the Convention (for the human-rights review)"));
}

#[test]
fn the_baseline_ranks_states_by_need_for_reform() {
    use cybercrime_taxonomy::check::Scope;
    let r = Checker::new(Dataset::embedded())
        .report(&Scope::default())
        .unwrap();
    let reform = &r.baseline.reform;
    assert_eq!(reform.len(), 11);
    assert!(reform.windows(2).all(|w| w[0].need() >= w[1].need()));
    for n in reform {
        assert_eq!(
            n.full + n.partial + n.gap + n.unknown,
            11,
            "{}",
            n.jurisdiction
        );
        assert_eq!(n.need(), 2 * n.gap + n.partial);
    }
}

#[test]
fn a_central_authority_counts_from_its_designation() {
    let at = |date: &str| {
        Checker::with_options(
            Dataset::embedded(),
            Options::default().with_as_of(date.parse().unwrap()),
        )
        .cooperation(code("SG"), code("VN"), &[])
        .unwrap()
        .requested_authorities
        .iter()
        .map(|a| a.name.clone())
        .collect::<Vec<_>>()
    };
    assert!(at("2026-06-30").is_empty());
    assert_eq!(at("2026-07-01"), ["Supreme People's Procuracy"]);
}

#[test]
fn which_powers_skip_dual_criminality_is_read_from_the_taxonomy_data() {
    use cybercrime_taxonomy::DatasetBuilder;
    // A treaty both SG and VN are bound by, with a Budapest Art 29(3)-style rule.
    let mut treaties: serde_json::Value =
        serde_json::from_str(include_str!("../data/cooperation/treaties.json")).unwrap();
    let mlat = treaties["treaties"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["id"] == "asean-mla-2004")
        .unwrap();
    mlat["rules"] = serde_json::json!([{ "kind": "preservation-without-dual-criminality",
        "article": "99", "summary": "Fixture rule.", "confidence": "low" }]);
    let needs = |taxonomy: Option<String>| {
        let mut builder = DatasetBuilder::new()
            .embedded()
            .text("treaties.json", treaties.to_string());
        if let Some(t) = taxonomy {
            builder = builder.text("un2024.json", t);
        }
        let data = builder.build().unwrap_or_else(|d| panic!("{d}"));
        let r = Checker::new(&data)
            .cooperation(code("SG"), code("VN"), &[])
            .unwrap();
        r.powers
            .iter()
            .map(|p| {
                let need = match &p.dual_criminality {
                    DualNeed::NotARequest => "not a request",
                    DualNeed::NotRequired { .. } => "not required",
                    DualNeed::MayBeRequired { .. } => "may be required",
                    _ => "not recorded",
                };
                (p.category.to_string(), need)
            })
            .collect::<Vec<_>>()
    };
    let shipped = needs(None);
    assert_eq!(
        shipped[..4],
        [
            ("un2024:art24".to_owned(), "not a request"),
            ("un2024:art25".to_owned(), "not required"),
            ("un2024:art26".to_owned(), "not required"),
            // UNTOC Art 18(9), which both are bound by.
            ("un2024:art27".to_owned(), "may be required"),
        ]
    );
    // Mark the production order as a preservation in the taxonomy: the check follows.
    let taxonomy = include_str!("../data/taxonomies/un2024.json");
    let marked = taxonomy.replacen(
        "\"id\": \"art27\",\n      \"article\": \"27\",\n      \"title\": \"Production order\",\n      \"class\": \"procedural\",\n      \"power\": \"measure\"",
        "\"id\": \"art27\",\n      \"article\": \"27\",\n      \"title\": \"Production order\",\n      \"class\": \"procedural\",\n      \"power\": \"preservation\"",
        1,
    );
    assert_ne!(marked, taxonomy, "the fixture edit must apply");
    assert_eq!(
        needs(Some(marked))[3],
        ("un2024:art27".to_owned(), "not required")
    );
}
