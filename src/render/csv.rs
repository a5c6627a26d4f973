//! CSV renderers: one finding per row, lists joined with `;`.

use super::{ids, join, words};
use crate::Error;
use crate::check::{Baseline, Crosswalk, DualReport, Report};

fn write(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<String, Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Error::Render(e.to_string());
    w.write_record(header).map_err(fail)?;
    for row in rows {
        // A spreadsheet must not read a text cell as a formula.
        let row = row.iter().map(|cell| super::spreadsheet_safe(cell));
        w.write_record(row).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::Render(e.error().to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::Render(e.to_string()))
}

pub(super) fn report(r: &Report) -> Result<String, Error> {
    let rows = r.states.iter().flat_map(|s| {
        s.coverage.iter().chain(&s.powers).map(move |c| {
            let v = &c.verdict;
            let missing = join(&ids(v.missing()), ";");
            let extra = v
                .extra_conditions()
                .iter()
                .map(|x| format!("{}:{}", x.provision, x.id))
                .collect::<Vec<_>>()
                .join(";");
            let qualifications = join(&ids(v.qualifications()), ";");
            let cited: Vec<&crate::check::Citation> = v
                .provisions()
                .iter()
                .filter_map(|id| s.sources.iter().find(|c| &c.provision == id))
                .collect();
            let statutes = cited
                .iter()
                .map(|c| format!("{}, {}", c.instrument, c.number))
                .collect::<Vec<_>>()
                .join(";");
            let urls = cited
                .iter()
                .map(|c| c.url.as_deref().unwrap_or("-"))
                .collect::<Vec<_>>()
                .join(";");
            vec![
                s.jurisdiction.to_string(),
                c.category.to_string(),
                c.verdict.level().as_str().to_owned(),
                c.confidence()
                    .map(|x| x.as_str().to_owned())
                    .unwrap_or_default(),
                join(&ids(c.verdict.provisions()), ";"),
                statutes,
                urls,
                missing,
                extra,
                qualifications,
                words::reasons(c).join(" | "),
            ]
        })
    });
    write(
        &[
            "jurisdiction",
            "category",
            "verdict",
            "confidence",
            "provisions",
            "statutes",
            "source_urls",
            "missing_elements",
            "extra_conditions",
            "qualifications",
            "reasons",
        ],
        rows,
    )
}

pub(super) fn dual(d: &DualReport) -> Result<String, Error> {
    let rows = d.categories.iter().map(|c| {
        vec![
            d.first.to_string(),
            d.second.to_string(),
            c.category.to_string(),
            c.verdict.as_str().to_owned(),
            c.first.as_str().to_owned(),
            c.second.as_str().to_owned(),
            join(&ids(&c.lacking), ";"),
            join(&ids(&c.common_elements), ";"),
            words::dual(c).join(" | "),
        ]
    });
    write(
        &[
            "first",
            "second",
            "category",
            "verdict",
            "first_level",
            "second_level",
            "lacking",
            "common_elements",
            "reasons",
        ],
        rows,
    )
}

pub(super) fn baseline(b: &Baseline) -> Result<String, Error> {
    let rows = b.categories.iter().map(|c| {
        vec![
            c.category.to_string(),
            join(&ids(&c.full), ";"),
            join(&ids(&c.partial), ";"),
            join(&ids(&c.gap), ";"),
            join(&ids(&c.unknown), ";"),
            join(&ids(&c.common_elements), ";"),
            c.blocked_pairs.to_string(),
        ]
    });
    write(
        &[
            "category",
            "full",
            "partial",
            "gap",
            "unknown",
            "common_elements",
            "blocked_pairs",
        ],
        rows,
    )
}

pub(super) fn crosswalk(c: &Crosswalk) -> Result<String, Error> {
    let mut rows: Vec<Vec<String>> = c
        .categories
        .iter()
        .map(|t| {
            vec![
                "category".to_owned(),
                t.category.to_string(),
                join(&t.iccs, ";"),
                t.exclusive.to_string(),
                t.shared.to_string(),
                t.iccs_note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    rows.extend(c.iccs.iter().map(|t| {
        vec![
            "iccs".to_owned(),
            t.code.to_string(),
            String::new(),
            t.exclusive.to_string(),
            t.shared.to_string(),
            String::new(),
        ]
    }));
    rows.extend(c.unmapped.iter().map(|r| {
        vec![
            "unmapped".to_owned(),
            r.provision.to_string(),
            String::new(),
            r.count.to_string(),
            String::new(),
            String::new(),
        ]
    }));
    rows.extend(c.unknown.iter().map(|r| {
        vec![
            "unknown".to_owned(),
            r.provision.to_string(),
            String::new(),
            r.count.to_string(),
            String::new(),
            String::new(),
        ]
    }));
    write(
        &["kind", "id", "iccs", "exclusive", "shared", "iccs_note"],
        rows,
    )
}

pub(super) fn diff(d: &crate::check::Diff) -> Result<String, Error> {
    let level = |l: Option<crate::check::Level>| l.map_or("absent", |l| l.as_str()).to_owned();
    let rows = d.changes.iter().map(|c| {
        vec![
            c.jurisdiction.to_string(),
            c.category.to_string(),
            level(c.before),
            level(c.after),
            join(&ids(&c.provisions_before), ";"),
            join(&ids(&c.provisions_after), ";"),
            c.causes
                .iter()
                .map(super::words::cause)
                .collect::<Vec<_>>()
                .join(" | "),
        ]
    });
    write(
        &[
            "jurisdiction",
            "category",
            "before",
            "after",
            "provisions_before",
            "provisions_after",
            "causes",
        ],
        rows,
    )
}

pub(super) fn cooperation(r: &crate::check::CooperationReport) -> Result<String, Error> {
    let shared: Vec<String> = r
        .bases
        .iter()
        .filter(|b| b.shared == Some(true))
        .map(|b| b.treaty.to_string())
        .collect();
    let shared = shared.join(";");
    let offences = r.categories.iter().map(|c| {
        vec![
            r.requesting.to_string(),
            r.requested.to_string(),
            r.on.to_string(),
            "offence".to_owned(),
            c.category.to_string(),
            c.dual.as_str().to_owned(),
            c.requesting.level.as_str().to_owned(),
            words::max_penalty(c.requesting.basic.as_ref()),
            c.requested.level.as_str().to_owned(),
            words::max_penalty(c.requested.basic.as_ref()),
            words::flag(c.serious_crime).to_owned(),
            words::flag(c.extradition_threshold).to_owned(),
            String::new(),
            String::new(),
            String::new(),
            shared.clone(),
        ]
    });
    let powers = r.powers.iter().map(|p| {
        vec![
            r.requesting.to_string(),
            r.requested.to_string(),
            r.on.to_string(),
            "power".to_owned(),
            p.category.to_string(),
            String::new(),
            String::new(),
            String::new(),
            p.coverage.verdict.level().as_str().to_owned(),
            String::new(),
            String::new(),
            String::new(),
            p.provisions
                .iter()
                .map(|x| x.provision.to_string())
                .collect::<Vec<_>>()
                .join(";"),
            p.provisions
                .iter()
                .map(|x| x.foreign_requests.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            words::dual_need(&p.dual_criminality),
            shared.clone(),
        ]
    });
    write(
        &[
            "requesting",
            "requested",
            "on",
            "row",
            "category",
            "dual_criminality",
            "requesting_level",
            "requesting_max_penalty",
            "requested_level",
            "requested_max_penalty",
            "serious_crime",
            "extradition_threshold",
            "provisions",
            "foreign_requests",
            "dual_criminality_rule",
            "shared_bases",
        ],
        offences.chain(powers),
    )
}
