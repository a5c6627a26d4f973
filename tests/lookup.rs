//! Finding things by name: ids in any case, State names and aliases, titles and article
//! numbers resolve; shared names are ambiguous; near misses get "did you mean".

use cybercrime_taxonomy::{Candidate, Dataset, LookupError};
use proptest::prelude::*;

fn id(query: &str) -> String {
    match Dataset::embedded().lookup(query) {
        Ok(item) => item.id(),
        Err(e) => panic!("{query:?}: {e}"),
    }
}

fn error(query: &str) -> String {
    match Dataset::embedded().lookup(query) {
        Ok(item) => panic!("{query:?} resolved to {}", item.id()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn states_resolve_by_code_name_and_alias_in_any_case() {
    for (query, code) in [
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("VNM", "VN"),
        ("vnm", "VN"),
        ("Socialist Republic of Viet Nam", "VN"),
        ("  viet   nam ", "VN"),
        ("Singapore", "SG"),
        ("sg", "SG"),
        ("SGP", "SG"),
        ("Republic of Singapore", "SG"),
        ("Burma", "MM"),
        ("Lao PDR", "LA"),
        ("Laos", "LA"),
        ("Lao Peoples Democratic Republic", "LA"),
        ("East Timor", "TL"),
        ("timor leste", "TL"),
        ("Brunei", "BN"),
        ("Brunei Darussalam", "BN"),
        ("Cambodia", "KH"),
        ("the Philippines", "PH"),
    ] {
        assert_eq!(id(query), code, "{query:?}");
    }
}

#[test]
fn article_numbers_resolve_to_the_convention_unless_a_taxonomy_is_named() {
    for (query, category) in [
        ("art 7", "un2024:art7"),
        ("Art. 7", "un2024:art7"),
        ("article 7", "un2024:art7"),
        ("7", "un2024:art7"),
        ("art7", "un2024:art7"),
        ("UN art 17", "un2024:art17"),
        ("budapest art 2", "budapest2001:art2"),
        ("budapest2001 art2", "budapest2001:art2"),
        ("Budapest Convention, Art. 7", "budapest2001:art7"),
        ("budapest AP 3", "budapest2001:ap-art3"),
    ] {
        assert_eq!(id(query), category, "{query:?}");
    }
}

#[test]
fn ids_and_titles_resolve() {
    for (query, item) in [
        ("un2024:art7", "un2024:art7"),
        ("UN2024:ART7", "un2024:art7"),
        ("SG:CMA1993/S3", "sg:cma1993/s3"),
        ("sg:cma1993", "sg:cma1993"),
        ("Computer Misuse Act 1993", "sg:cma1993"),
        ("Budapest Convention", "budapest2001"),
        ("un convention against cybercrime", "un2024"),
        ("Laundering of proceeds of crime", "un2024:art17"),
    ] {
        assert_eq!(id(query), item, "{query:?}");
    }
}

#[test]
fn a_shared_name_is_ambiguous_and_lists_every_candidate() {
    assert_eq!(
        error("Illegal access"),
        "`Illegal access` is ambiguous: it may mean un2024:art7 (Illegal access) or budapest2001:art2 (Illegal access); give the id"
    );
    assert_eq!(
        error("penal code"),
        "`penal code` is ambiguous: it may mean bn:cap22 (Penal Code), la:pc2017 (Penal Code), mm:pc1861 (Penal Code) or my:pc (Penal Code); give the id"
    );
    let Err(LookupError::Ambiguous { candidates, .. }) =
        Dataset::embedded().lookup("illegal interception")
    else {
        panic!("not ambiguous");
    };
    assert_eq!(
        candidates,
        [
            Candidate {
                id: "un2024:art8".into(),
                label: "Illegal interception".into()
            },
            Candidate {
                id: "budapest2001:art3".into(),
                label: "Illegal interception".into()
            },
        ]
    );
}

#[test]
fn a_near_miss_gets_up_to_three_suggestions() {
    assert_eq!(
        error("Singapor"),
        "unknown id or name `Singapor`: did you mean SG (Singapore)?"
    );
    assert_eq!(
        error("Vietnma"),
        "unknown id or name `Vietnma`: did you mean VN (Viet Nam)?"
    );
    assert_eq!(
        error("Phillipines"),
        "unknown id or name `Phillipines`: did you mean PH (Philippines)?"
    );
    assert_eq!(
        error("un2024:art77"),
        "unknown id or name `un2024:art77`: did you mean un2024:art7 (Illegal access), un2024:art17 (Laundering of proceeds of crime) or un2024:art27 (Production order)?"
    );
    assert_eq!(
        error("sg:cma1993/s33"),
        "unknown id or name `sg:cma1993/s33`: did you mean sg:cma1993/s3 (Computer Misuse Act 1993 s 3), sg:cma1993/s4 (Computer Misuse Act 1993 s 4) or sg:cma1993/s5 (Computer Misuse Act 1993 s 5)?"
    );
    let Err(LookupError::Unknown { suggestions, .. }) = Dataset::embedded().lookup("Burm") else {
        panic!("not unknown");
    };
    assert_eq!(
        suggestions,
        [Candidate {
            id: "MM".into(),
            label: "Myanmar".into()
        }]
    );
}

#[test]
fn a_far_miss_gets_no_suggestion() {
    assert_eq!(error("Atlantis"), "unknown id or name `Atlantis`");
    // Short queries are not guessed at: every two-letter code is one edit from another.
    assert_eq!(error("XQ"), "unknown id or name `XQ`");
    // The Convention has no category for Article 2 (definitions).
    assert_eq!(error("art 2"), "unknown id or name `art 2`");
    assert_eq!(error("  "), "unknown id or name ``");
}

#[test]
fn a_hostile_query_is_answered_quickly_and_quoted_short() {
    let query = "a".repeat(10_000_000);
    let started = std::time::Instant::now();
    let message = error(&query);
    assert_eq!(
        message,
        format!("unknown id or name `{}…` (10000000 bytes)", "a".repeat(64))
    );
    // Linear in the query: no edit distance is computed for it.
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn state_lookups_find_and_suggest_states_only() {
    let data = Dataset::embedded();
    let code = |q: &str| data.lookup_jurisdiction(q).map(|j| j.code.to_string());
    assert_eq!(code("vietnam"), Ok("VN".into()));
    assert_eq!(code("Sg"), Ok("SG".into()));
    assert_eq!(code("Kingdom of Thailand"), Ok("TH".into()));
    let message = |q: &str| match data.lookup_jurisdiction(q) {
        Ok(j) => panic!("{q:?} resolved to {}", j.code),
        Err(e) => e.to_string(),
    };
    assert_eq!(
        message("Singapor"),
        "unknown State `Singapor`: did you mean SG (Singapore)?"
    );
    assert_eq!(message("un2024:art7"), "unknown State `un2024:art7`");
    assert_eq!(message("Penal Code"), "unknown State `Penal Code`");
}

/// Every exact id in the shipped data, and every State name and alias, with the id each
/// resolves to.
fn shipped_names() -> Vec<(String, String)> {
    let data = Dataset::embedded();
    let mut names = Vec::new();
    for t in data.taxonomies() {
        names.push((t.id.to_string(), t.id.to_string()));
    }
    for c in data.categories() {
        names.push((c.id().to_string(), c.id().to_string()));
    }
    for j in data.jurisdictions() {
        let code = j.code.to_string();
        names.push((code.clone(), code.clone()));
        names.push((j.name.clone(), code.clone()));
        for alias in &j.aliases {
            names.push((alias.clone(), code.clone()));
        }
        for i in &j.instruments {
            names.push((i.id.to_string(), i.id.to_string()));
        }
        for p in &j.provisions {
            names.push((p.id.to_string(), p.id.to_string()));
        }
    }
    names
}

proptest! {
    #[test]
    fn every_shipped_id_and_alias_resolves_to_itself_in_any_case(
        (name, expected) in prop::sample::select(shipped_names()),
        upper in prop::collection::vec(any::<bool>(), 64),
        padding in "[ \t]{0,2}",
    ) {
        let varied: String = name
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        let query = format!("{padding}{varied}{padding}");
        let found = Dataset::embedded().lookup(&query);
        prop_assert_eq!(found.map(|item| item.id()), Ok(expected.clone()), "{:?}", query);
        let is_state = Dataset::embedded().jurisdictions().any(|j| j.code.to_string() == expected);
        if is_state {
            let state = Dataset::embedded().lookup_jurisdiction(&query).map(|j| j.code.to_string());
            prop_assert_eq!(state, Ok(expected), "{:?}", query);
        }
    }
}
