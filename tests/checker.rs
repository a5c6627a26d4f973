//! The checker on small fixture data of its own (so these tests do not depend on the shipped
//! national data), plus properties over generated datasets.

use cybercrime_taxonomy::check::{
    Checker, DualFinding, DualReport, DualVerdict, Level, Options as CheckOptions, Reason, Scope,
    UnknownCause, Verdict, baseline,
};
use cybercrime_taxonomy::render::{self, Format, words};
use cybercrime_taxonomy::synthetic::{Options, dataset_with};
use cybercrime_taxonomy::{
    Confidence, Dataset, DatasetBuilder, Error, Justification, LegalStatus, Mapping, Relation,
};

fn dual_criminality(
    data: &Dataset,
    a: &str,
    b: &str,
    categories: &[cybercrime_taxonomy::CategoryId],
) -> Result<DualReport, Error> {
    let code = |s: &str| s.to_ascii_uppercase().parse();
    Checker::new(data).dual_criminality(code(a)?, code(b)?, categories)
}
use proptest::prelude::*;

const SOURCE: &str = r#""source": { "title": "Fixture Act", "checked": "2026-11-28" }"#;

fn provision(cc: &str, id: &str, status: &str, mappings: &str) -> String {
    format!(
        r#"{{ "id": "{cc}:act/{id}", "instrument": "{cc}:act", "number": "{id}", "summary": "Fixture.",
  "status": "{status}", {SOURCE}, "confidence": "high", "mappings": [{mappings}] }}"#
    )
}

fn state(cc: &str, provisions: &[String], gaps: &str) -> String {
    let upper = cc.to_uppercase();
    format!(
        r#"{{ "code": "{upper}", "name": "State {upper}", "as_of": "2026-11",
  "treaties": [ {{ "treaty": "un2024", "status": "signatory", "confidence": "high" }} ],
  "instruments": [ {{ "id": "{cc}:act", "title": "Fixture Act", "kind": "cybercrime", {SOURCE} }} ],
  "provisions": [{}],
  "gaps": [{gaps}] }}"#,
        provisions.join(",")
    )
}

fn m(category: &str, relation: &str, covers: &[&str], extra: &str, quals: &[&str]) -> String {
    let list = |xs: &[&str]| {
        xs.iter()
            .map(|x| format!("\"{x}\""))
            .collect::<Vec<_>>()
            .join(",")
    };
    format!(
        r#"{{ "category": "un2024:{category}", "relation": "{relation}", "covers": [{}],
  "qualifications": [{}], "extra_conditions": [{extra}], "confidence": "high" }}"#,
        list(covers),
        list(quals)
    )
}

const THRESHOLD: &str =
    r#"{ "id": "damage-threshold", "description": "loss above a fixed amount" }"#;

fn gap(category: &str, verdict: &str) -> String {
    format!(
        r#"{{ "category": "un2024:{category}", "verdict": "{verdict}", "checked": "read the whole Fixture Act" }}"#
    )
}

/// AA: full access offence; data interference narrowed by a threshold; devices under the
/// Art 11 reservation; a repealed fraud provision; a researched gap for intimate images.
/// BB: access without the intent element; intimate images covered; no verdict elsewhere.
fn fixture() -> Dataset {
    let aa = state(
        "aa",
        &[
            provision(
                "aa",
                "s1",
                "in-force",
                &m(
                    "art7",
                    "exactMatch",
                    &["access", "intent", "without-right"],
                    "",
                    &[],
                ),
            ),
            provision(
                "aa",
                "s2",
                "in-force",
                &m(
                    "art9",
                    "broadMatch",
                    &["damage", "delete", "alter", "intent", "without-right"],
                    THRESHOLD,
                    &[],
                ),
            ),
            provision(
                "aa",
                "s3",
                "in-force",
                &m(
                    "art11",
                    "closeMatch",
                    &[
                        "credential-distribution",
                        "purpose",
                        "intent",
                        "without-right",
                    ],
                    "",
                    &["para1-reservation"],
                ),
            ),
            provision(
                "aa",
                "s4",
                "repealed",
                &m(
                    "art13",
                    "closeMatch",
                    &[
                        "loss-of-property",
                        "deception",
                        "gain-intent",
                        "intent",
                        "without-right",
                    ],
                    "",
                    &[],
                ),
            ),
            // A narrowed access offence next to the full one must not take coverage away.
            provision(
                "aa",
                "s5",
                "in-force",
                &m("art7", "broadMatch", &["access", "intent"], THRESHOLD, &[]),
            ),
        ],
        &[gap("art16", "gap"), gap("art8", "not-researched")].join(","),
    );
    let bb = state(
        "bb",
        &[
            provision(
                "bb",
                "s1",
                "in-force",
                &m("art7", "broadMatch", &["access", "without-right"], "", &[]),
            ),
            provision(
                "bb",
                "s2",
                "in-force",
                &m(
                    "art16",
                    "closeMatch",
                    &[
                        "dissemination",
                        "intimate-image",
                        "without-consent",
                        "intent",
                        "without-right",
                    ],
                    "",
                    &[],
                ),
            ),
            provision(
                "bb",
                "s3",
                "in-force",
                &m(
                    "art9",
                    "broadMatch",
                    &["suppress", "intent", "without-right"],
                    "",
                    &[],
                ),
            ),
        ],
        "",
    );
    DatasetBuilder::new()
        .embedded()
        .text("aa.json", aa)
        .text("bb.json", bb)
        .build()
        .expect("fixtures are valid apart from warnings")
}

fn level(data: &Dataset, cc: &str, category: &str) -> Level {
    let j = data.jurisdiction_str(cc).unwrap();
    Checker::new(data)
        .coverage(j, &format!("un2024:{category}").parse().unwrap())
        .unwrap()
        .verdict
        .level()
}

#[test]
fn coverage_levels() {
    let data = fixture();
    assert_eq!(level(&data, "AA", "art7"), Level::Full);
    assert_eq!(level(&data, "AA", "art9"), Level::Partial);
    assert_eq!(
        level(&data, "AA", "art11"),
        Level::Full,
        "reservation waives the rest"
    );
    assert_eq!(
        level(&data, "AA", "art13"),
        Level::Unknown,
        "repealed provisions do not count"
    );
    assert_eq!(level(&data, "AA", "art16"), Level::Gap);
    assert_eq!(level(&data, "AA", "art8"), Level::Unknown);
    assert_eq!(level(&data, "BB", "art7"), Level::Partial);
}

#[test]
fn partial_says_what_is_missing_and_what_narrows() {
    let data = fixture();
    let aa = data.jurisdiction_str("AA").unwrap();
    let c = Checker::new(&data)
        .coverage(aa, &"un2024:art9".parse().unwrap())
        .unwrap();
    let Verdict::Partial {
        provisions,
        missing,
        extra_conditions,
        ..
    } = &c.verdict
    else {
        panic!("expected partial, got {:?}", c.verdict);
    };
    assert_eq!(provisions[0].as_str(), "aa:act/s2");
    let missing: Vec<&str> = missing.iter().map(|m| m.as_str()).collect();
    assert_eq!(missing, ["deteriorate", "suppress"]);
    assert_eq!(extra_conditions[0].id.as_str(), "damage-threshold");
    assert!(c.reasons.iter().any(|r| matches!(
        r,
        Reason::ImpermissibleCondition { condition } if condition.id.as_str() == "damage-threshold"
    )));
    assert!(
        words::reasons(&c)
            .iter()
            .any(|r| r.contains("does not permit (damage-threshold)"))
    );
}

#[test]
fn repealed_provision_is_named_in_the_reasons() {
    let data = fixture();
    let aa = data.jurisdiction_str("AA").unwrap();
    let c = Checker::new(&data)
        .coverage(aa, &"un2024:art13".parse().unwrap())
        .unwrap();
    assert!(
        matches!(&c.reasons[0], Reason::NotInForce { provision, status: LegalStatus::Repealed, on: None }
            if provision.provision.as_str() == "aa:act/s4"),
        "{:?}",
        c.reasons
    );
    assert_eq!(
        words::reasons(&c)[0],
        "aa:act/s4 (s4) is repealed and is not counted"
    );
}

#[test]
fn dual_criminality_is_symmetric_and_names_the_lacking_side() {
    let data = fixture();
    let ab = dual_criminality(&data, "AA", "BB", &[]).unwrap();
    let ba = dual_criminality(&data, "bb", "aa", &[]).unwrap();
    assert_eq!(ab, ba);
    let row = |id: &str| {
        ab.categories
            .iter()
            .find(|c| c.category.as_str() == id)
            .unwrap()
    };
    assert_eq!(row("un2024:art16").verdict, DualVerdict::NotSatisfied);
    assert_eq!(row("un2024:art16").lacking[0].as_str(), "AA");
    assert_eq!(row("un2024:art7").verdict, DualVerdict::Conditional);
    assert_eq!(row("un2024:art8").verdict, DualVerdict::Unknown);
    // AA covers damage/delete/alter, BB only suppress: no common conduct.
    assert_eq!(row("un2024:art9").verdict, DualVerdict::NotSatisfied);
    assert_eq!(row("un2024:art9").finding, DualFinding::NoSharedConduct);
    assert_eq!(
        words::dual(row("un2024:art9")).last().unwrap(),
        "No conduct limb of the category is criminal in both."
    );
    assert_eq!(
        (ab.counts.conditional, ab.counts.not_satisfied),
        (
            ab.categories
                .iter()
                .filter(|c| c.verdict == DualVerdict::Conditional)
                .count(),
            ab.categories
                .iter()
                .filter(|c| c.verdict == DualVerdict::NotSatisfied)
                .count()
        )
    );
    assert_eq!(ab.overall, DualVerdict::NotSatisfied);
    assert!(ab.treaty_basis[0].both_signed);
    assert!(!ab.treaty_basis[0].both_parties);
}

#[test]
fn dual_criminality_for_named_categories_and_unknown_ids() {
    let data = fixture();
    let only = dual_criminality(&data, "AA", "BB", &["un2024:art7".parse().unwrap()]).unwrap();
    assert_eq!(only.categories.len(), 1);
    let err = dual_criminality(&data, "AA", "QQ", &[]).unwrap_err();
    assert_eq!(err.to_string(), "unknown jurisdiction `QQ`");
    let err = dual_criminality(&data, "AA", "aa", &[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`AA` is paired with itself: name two different States"
    );
}

#[test]
fn baseline_counts_and_blocked_pairs() {
    let data = fixture();
    let rows: Vec<_> = ["AA", "BB"]
        .iter()
        .map(|c| {
            Checker::new(&data).coverage_all(
                data.jurisdiction_str(c).unwrap(),
                &"un2024".parse().unwrap(),
            )
        })
        .collect();
    let b = baseline(&rows);
    let art7 = &b.categories[0];
    assert_eq!(art7.full.len(), 1);
    assert_eq!(art7.partial.len(), 1);
    let common: Vec<&str> = art7.common_elements.iter().map(|e| e.as_str()).collect();
    assert_eq!(common, ["access", "without-right"]);
    let art16 = b
        .categories
        .iter()
        .find(|c| c.category.as_str() == "un2024:art16")
        .unwrap();
    assert_eq!(art16.blocked_pairs, 1);
    assert_eq!(b.ranked_gaps[0].as_str(), "un2024:art16");
    assert!(b.common_to_all.is_empty());
}

#[test]
fn budapest_coverage_is_carried_over_exact_alignments_only() {
    let data = fixture();
    let aa = data.jurisdiction_str("AA").unwrap();
    let rows = Checker::new(&data).cross_coverage(aa, &"budapest2001".parse().unwrap());
    let art2 = rows
        .iter()
        .find(|r| r.coverage.category.as_str() == "budapest2001:art2")
        .unwrap();
    assert_eq!(art2.coverage.verdict.level(), Level::Full);
    assert!(!art2.direct);
    assert_eq!(art2.coverage.verdict.provisions()[0].as_str(), "aa:act/s1");
    for r in &rows {
        for v in &r.via {
            if !v.relation.is_transitive() {
                assert!(v.gives.is_none(), "{v:?} must not be chained");
            }
        }
    }
}

#[test]
fn crosswalk_flags_one_to_many_and_keeps_every_row() {
    let data = fixture();
    let csv = "provision,count\naa:act/s1,10\naa:act/s2,5\nzz:act/s9,2\naa:act/s4,1\n";
    let counts = cybercrime_taxonomy::read_counts("counts.csv", csv.as_bytes()).unwrap();
    let walk = Checker::new(&data)
        .crosswalk(&"un2024".parse().unwrap(), &counts)
        .unwrap();
    assert_eq!(walk.total, 18);
    assert_eq!(walk.unknown[0].provision.as_str(), "zz:act/s9");
    assert_eq!(walk.unknown[0].line, 4);
    let art7 = &walk.categories[0];
    assert_eq!((art7.exclusive, art7.shared), (10, 0));
    assert_eq!(
        art7.iccs,
        ["09031".parse::<cybercrime_taxonomy::IccsCode>().unwrap()]
    );
    // the repealed provision counts where coverage counts it: nowhere (one rule for both)
    assert_eq!(walk.categories.len(), 2);
    assert_eq!(walk.unmapped[0].provision.as_str(), "aa:act/s4");
}

#[test]
fn crosswalk_input_errors_name_the_line() {
    let bad = [
        (
            "provision,count\naa:act/s1,ten\n",
            "counts.csv:2: count `ten` is not a whole number of zero or more",
        ),
        (
            "provision,count\nAA:act/s1,1\n",
            "counts.csv:2: invalid provision id `AA:act/s1`: prefix must be a lower-case jurisdiction code, e.g. `sg` or `my-10`",
        ),
        (
            "provision,count\naa:act/s1,1\naa:act/s1,2\n",
            "counts.csv:3: `aa:act/s1` is listed twice (first on line 2)",
        ),
        (
            "id,n\n",
            "counts.csv:1: expected a header with columns `provision` and `count`, found `id,n`",
        ),
        (
            "provision,count\naa:act/s1,1,9\n",
            "counts.csv:2: malformed row: expected 2 fields, found 3",
        ),
    ];
    for (input, expected) in bad {
        let err = cybercrime_taxonomy::read_counts("counts.csv", input.as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), expected);
    }
}

#[test]
fn renderers_escape_hostile_text() {
    let data = fixture();
    let mut r = Checker::new(&data).report(&Scope::default()).unwrap();
    r.states[0].name = "<img src=x onerror=alert(1)> | pipe".to_owned();
    let html = render::report(&r, Format::Html).unwrap();
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let md = render::report(&r, Format::Markdown).unwrap();
    assert!(md.contains("\\| pipe"));
    let csv = render::report(&r, Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.records().count(),
        r.states.len() * (r.categories.len() + r.powers.len())
    );
}

#[test]
fn html_is_not_offered_for_dual() {
    let data = fixture();
    let d = dual_criminality(&data, "AA", "BB", &[]).unwrap();
    assert_eq!(
        render::dual(&d, Format::Html).unwrap_err().to_string(),
        "cannot render: dual criminality cannot be rendered as html"
    );
}

fn generated(j: usize, p: usize, seed: u64) -> Dataset {
    dataset_with(
        Dataset::embedded(),
        Options {
            jurisdictions: j,
            provisions: p,
            seed,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_datasets_are_consistent(seed in any::<u64>()) {
        cybercrime_taxonomy::assert_consistent(&generated(3, 15, seed));
    }

    /// Adding a covering mapping never worsens a coverage verdict.
    #[test]
    fn adding_a_mapping_never_worsens(seed in any::<u64>(), pick in any::<prop::sample::Index>(),
                                      covers in prop::collection::vec(any::<bool>(), 10),
                                      narrowed in any::<bool>(), rel in 0usize..4) {
        let data = generated(1, 12, seed);
        let j = data.jurisdictions().next().unwrap().clone();
        let un = data.taxonomy_str("un2024").unwrap();
        let offences: Vec<_> = un.categories.iter().filter(|c| c.class.is_offence()).collect();
        let category = offences[pick.index(offences.len())];
        let id = cybercrime_taxonomy::CategoryId::new(&un.id, &category.id);
        let before = Checker::new(&data).coverage(&j, &id).unwrap().verdict.level();

        let mut after_j = j.clone();
        let p = after_j.provisions.iter_mut().find(|p| p.status == LegalStatus::InForce && !p.mappings.iter().any(|m| m.category == id));
        prop_assume!(p.is_some());
        let p = p.unwrap();
        p.mappings.push(Mapping {
            category: id.clone(),
            relation: [Relation::Exact, Relation::Close, Relation::Broad, Relation::Narrow][rel],
            covers: category.elements.iter().zip(&covers).filter(|(_, c)| **c).map(|(e, _)| e.id.clone()).collect(),
            qualifications: Vec::new(),
            extra_conditions: if narrowed { vec![cybercrime_taxonomy::ExtraCondition { id: "threshold".parse().unwrap(), description: "x".into() }] } else { Vec::new() },
            justification: Justification::ManualMappingCuration,
            confidence: Confidence::Low,
            note: String::new(),
        });
        let after = Checker::new(&data).coverage(&after_j, &id).unwrap().verdict.level();
        prop_assert!(after >= before.max(Level::Partial), "before {:?}, after {:?}", before, after);
    }

    /// Dual criminality gives the same verdicts whichever State comes first.
    #[test]
    fn dual_criminality_is_symmetric(seed in any::<u64>()) {
        let data = generated(2, 20, seed);
        let codes: Vec<String> = data.jurisdictions().map(|j| j.code.to_string()).collect();
        let ab = dual_criminality(&data, &codes[0], &codes[1], &[]).unwrap();
        let ba = dual_criminality(&data, &codes[1], &codes[0], &[]).unwrap();
        prop_assert_eq!(ab, ba);
    }

    /// The baseline of a set is never larger than any member's coverage.
    #[test]
    fn baseline_is_never_larger_than_a_member(seed in any::<u64>(), n in 1usize..6) {
        let data = generated(n, 15, seed);
        let r = Checker::new(&data).report(&Scope::default()).unwrap();
        for (i, cat) in r.baseline.categories.iter().enumerate() {
            for s in &r.states {
                let c = &s.coverage[i];
                for e in &cat.common_elements {
                    prop_assert!(c.covered().contains(e));
                }
                if r.baseline.common_to_all.contains(&cat.category) {
                    prop_assert_eq!(c.verdict.level(), Level::Full);
                }
            }
        }
    }

    /// No renderer panics or fails on any generated dataset.
    #[test]
    fn renderers_never_fail(seed in any::<u64>(), n in 2usize..4) {
        let data = generated(n, 10, seed);
        for taxonomy in ["un2024", "budapest2001", "undraft"] {
            let r = Checker::new(&data).report(&Scope { taxonomy: taxonomy.parse().unwrap(), ..Default::default() }).unwrap();
            for f in [Format::Markdown, Format::Json, Format::Csv, Format::Html] {
                let text = render::report(&r, f).unwrap();
                if f == Format::Html {
                    // generated names and notes carry a script tag: it must arrive escaped
                    prop_assert!(!text.contains("<script>"));
                }
            }
            for f in [Format::Markdown, Format::Json, Format::Csv] {
                render::baseline(&r.baseline, f).unwrap();
            }
        }
        let codes: Vec<String> = data.jurisdictions().map(|j| j.code.to_string()).collect();
        let d = dual_criminality(&data, &codes[0], &codes[codes.len() - 1], &[]).unwrap();
        for f in [Format::Markdown, Format::Json, Format::Csv] {
            render::dual(&d, f).unwrap();
        }
    }
}

#[test]
fn minimum_confidence_excludes_weaker_provisions_and_says_so() {
    // Generated provisions and mappings are all of medium confidence.
    let data = generated(2, 30, 11);
    let un: cybercrime_taxonomy::TaxonomyId = "un2024".parse().unwrap();
    let j = data.jurisdictions().next().unwrap().clone();
    let plain = Checker::new(&data);
    let medium = Checker::with_options(
        &data,
        CheckOptions::default().with_min_confidence(Confidence::Medium),
    );
    assert_eq!(plain.coverage_all(&j, &un), medium.coverage_all(&j, &un));
    let high = Checker::with_options(
        &data,
        CheckOptions::default().with_min_confidence(Confidence::High),
    );
    let mut only_below = 0;
    for c in high.coverage_all(&j, &un) {
        assert!(!c.verdict.level().is_covered(), "{c:?}");
        let below = c.reasons.iter().any(|r| {
            matches!(
                r,
                Reason::BelowConfidence {
                    confidence: Confidence::Medium,
                    floor: Confidence::High,
                    ..
                }
            )
        });
        if below && j.gap(&c.category).is_none() {
            only_below += 1;
            assert_eq!(
                c.verdict,
                Verdict::Unknown {
                    cause: UnknownCause::BelowConfidence
                }
            );
            assert!(
                words::reasons(&c).contains(
                    &"only provisions below the minimum confidence map onto it".to_owned()
                )
            );
        }
    }
    assert!(only_below > 0, "the fixture must exercise the floor");
    let r = high.report(&Scope::default()).unwrap();
    assert_eq!(r.options.min_confidence, Some(Confidence::High));
    assert!(
        render::report(&r, Format::Markdown)
            .unwrap()
            .contains("Counting only provisions and mappings of high confidence or better.")
    );
}

#[test]
fn reports_are_stamped_with_their_data_and_read_back_from_json() {
    let shipped = Checker::new(Dataset::embedded())
        .report(&Scope::default())
        .unwrap();
    assert!(shipped.origin.is_shipped_only());
    assert_eq!(shipped.origin.version(), cybercrime_taxonomy::DATA_VERSION);

    let data = fixture();
    let r = Checker::new(&data).report(&Scope::default()).unwrap();
    assert_eq!(r.origin.inputs, ["aa.json", "bb.json"]);
    assert_eq!(
        r.origin.version(),
        format!("{}+local", cybercrime_taxonomy::DATA_VERSION)
    );
    let md = render::report(&r, Format::Markdown).unwrap();
    assert!(
        md.contains(&format!("data {}+local", cybercrime_taxonomy::DATA_VERSION)),
        "{md}"
    );
    assert!(md.contains("+ aa.json + bb.json"));

    let synthetic = generated(2, 5, 3);
    let s = Checker::new(&synthetic).report(&Scope::default()).unwrap();
    assert!(
        s.origin
            .generated
            .as_deref()
            .unwrap()
            .starts_with("synthetic: 2 jurisdictions")
    );
    assert!(!s.origin.is_shipped_only());

    let json = render::report(&r, Format::Json).unwrap();
    let back: cybercrime_taxonomy::check::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    let d = dual_criminality(&data, "AA", "BB", &[]).unwrap();
    let back: DualReport = serde_json::from_str(&render::dual(&d, Format::Json).unwrap()).unwrap();
    assert_eq!(back, d);
}

#[test]
fn budapest_verdicts_agree_across_coverage_dual_and_crosswalk() {
    let data = fixture();
    let check = Checker::new(&data);
    let aa = data.jurisdiction_str("AA").unwrap();
    let art2: cybercrime_taxonomy::CategoryId = "budapest2001:art2".parse().unwrap();
    let direct = check.coverage(aa, &art2).unwrap();
    let report = check
        .report(&Scope {
            taxonomy: "budapest2001".parse().unwrap(),
            ..Default::default()
        })
        .unwrap();
    let in_report = report.states[0]
        .coverage
        .iter()
        .find(|c| c.category == art2)
        .unwrap();
    assert_eq!(&direct, in_report);
    assert_eq!(direct.verdict.level(), Level::Full);
    let dual = dual_criminality(&data, "AA", "BB", std::slice::from_ref(&art2)).unwrap();
    assert_eq!(dual.categories[0].first, Level::Full);
    let counts =
        cybercrime_taxonomy::read_counts("c.csv", "provision,count\naa:act/s1,4\n".as_bytes())
            .unwrap();
    let walk = check
        .crosswalk(&"budapest2001".parse().unwrap(), &counts)
        .unwrap();
    assert_eq!(walk.categories[0].category, art2);
    assert_eq!(walk.categories[0].exclusive, 4);
}

#[test]
fn crosswalk_totals_that_overflow_are_an_error_naming_the_row() {
    let data = fixture();
    let csv = format!("provision,count\naa:act/s1,{}\naa:act/s2,1\n", u64::MAX);
    let counts = cybercrime_taxonomy::read_counts("big.csv", csv.as_bytes()).unwrap();
    let err = Checker::new(&data)
        .crosswalk(&"un2024".parse().unwrap(), &counts)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "counts overflow at line 3: a total would exceed 18446744073709551615"
    );
}

#[test]
fn a_state_named_twice_is_counted_once() {
    let data = fixture();
    let aa = "AA".parse().unwrap();
    let scope = Scope {
        jurisdictions: vec![aa, "BB".parse().unwrap(), aa],
        ..Default::default()
    };
    let r = Checker::new(&data).report(&scope).unwrap();
    assert_eq!(r.states.len(), 2);
    assert_eq!(r.baseline.jurisdictions.len(), 2);
}

/// Art 17(1)(b) is conditional on the State's basic legal concepts: a State relying on the
/// condition is full without the (b) limbs, and the reason says it relied on a condition,
/// not on a reservation. Without relying on it, the same provision is partial.
#[test]
fn a_conditional_obligation_waives_its_limbs_and_says_so() {
    let covers = [
        "conversion-transfer",
        "concealment",
        "convention-predicates",
        "knowledge",
    ];
    let with = |quals: &[&str]| {
        let cc = state(
            "cc",
            &[provision(
                "cc",
                "s1",
                "in-force",
                &m("art17", "closeMatch", &covers, "", quals),
            )],
            "",
        );
        DatasetBuilder::new()
            .embedded_taxonomies()
            .text("cc.json", cc)
            .build()
            .unwrap()
    };
    let category = "un2024:art17".parse().unwrap();
    let relied = with(&["basic-concepts"]);
    let c = Checker::new(&relied)
        .coverage(relied.jurisdiction_str("CC").unwrap(), &category)
        .unwrap();
    assert_eq!(c.verdict.level(), Level::Full);
    let texts = words::reasons(&c);
    assert!(
        texts.contains(
            &"`acquisition-possession-use` is not covered, as the obligation is conditional (basic-concepts) and the State relies on the condition"
                .to_owned()
        ),
        "{texts:#?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("reservation")),
        "{texts:#?}"
    );
    assert!(c.reasons.iter().any(|r| matches!(
        r,
        Reason::NotRequired { element, .. } if element.as_str() == "participation"
    )));
    let not_relied = with(&[]);
    let c = Checker::new(&not_relied)
        .coverage(not_relied.jurisdiction_str("CC").unwrap(), &category)
        .unwrap();
    assert_eq!(c.verdict.level(), Level::Partial);
}
