//! Turning a parsed mapping set into jurisdictions, against the data loaded so far.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::curie::check_prefix;
use super::{GapExtras, JURISDICTION_PREFIX, MappingExtras, MappingSet, NO_TERM_FOUND, diag};
use crate::diagnostic::{Code, Diagnostic};
use crate::source_text::RowLines;
use crate::{
    CategoryId, Confidence, Date, GapRecord, GapVerdict, Instrument, InstrumentId, InstrumentKind,
    Jurisdiction, JurisdictionCode, Justification, LegalStatus, Mapping, Provision, ProvisionId,
    Relation, Source,
};

/// What an import looks up in the data loaded before the mapping set: borrowed, so that the
/// import does not copy the dataset.
pub(crate) struct Base<'a> {
    categories: HashSet<CategoryId>,
    jurisdictions: HashMap<JurisdictionCode, &'a Jurisdiction>,
    provisions: HashMap<&'a ProvisionId, &'a Provision>,
}

impl<'a> Base<'a> {
    /// Indexes the taxonomies' categories and the jurisdictions' provisions.
    pub(crate) fn new(
        taxonomies: impl Iterator<Item = &'a crate::Taxonomy>,
        jurisdictions: impl Iterator<Item = &'a Jurisdiction>,
    ) -> Self {
        let categories = taxonomies
            .flat_map(|t| t.categories.iter().map(|c| CategoryId::new(&t.id, &c.id)))
            .collect();
        let mut by_code = HashMap::new();
        let mut provisions = HashMap::new();
        // Later layers replace earlier ones, as in the dataset.
        for j in jurisdictions {
            by_code.insert(j.code, j);
        }
        for j in by_code.values() {
            for p in &j.provisions {
                provisions.insert(&p.id, p);
            }
        }
        Self {
            categories,
            jurisdictions: by_code,
            provisions,
        }
    }
    fn category(&self, id: &CategoryId) -> bool {
        self.categories.contains(id)
    }
    fn jurisdiction(&self, code: JurisdictionCode) -> Option<&'a Jurisdiction> {
        self.jurisdictions.get(&code).copied()
    }
    fn provision(&self, id: &ProvisionId) -> Option<&'a Provision> {
        self.provisions.get(id).copied()
    }
}

/// The jurisdictions a mapping set gives, each with the lines of its rows.
#[derive(Debug, Default)]
pub(crate) struct Imported {
    pub jurisdictions: Vec<(Jurisdiction, RowLines)>,
}

/// Turns a mapping set into jurisdictions: each row's provision keeps the base dataset's
/// record (title, number, source) where it has one; new provisions get a record naming the
/// SSSOM file as their source.
///
/// `date` dates what the import synthesises (sources of new records, a new jurisdiction's
/// `as_of`) when the set has no `mapping_date`; an unreadable `mapping_date` is an error.
pub(crate) fn import(
    base: &Base<'_>,
    file: &str,
    set: &MappingSet,
    date: Date,
    out: &mut Vec<Diagnostic>,
) -> Imported {
    let checked = match set.metadata.get("mapping_date") {
        None => date,
        Some(text) => text.parse::<Date>().unwrap_or_else(|e| {
            out.push(diag(
                file,
                set.header_line("mapping_date").unwrap_or(1),
                "mapping_date",
                Code::Schema,
                format!("`mapping_date` {e}"),
            ));
            date
        }),
    };
    let title = set
        .metadata
        .get("mapping_set_title")
        .or_else(|| set.metadata.get("mapping_set_id"))
        .cloned()
        .unwrap_or_else(|| file.to_owned());
    let source = |locator: &str| Source {
        title: format!("SSSOM mapping set {title}"),
        url: set.metadata.get("mapping_set_id").cloned(),
        checked,
        locator: Some(locator.to_owned()),
        note: Some("imported from an SSSOM file".to_owned()),
    };
    let col = |name: &str| set.column(name);
    let (c_subject, c_object, c_predicate, c_source) = (
        col("subject_id"),
        col("object_id"),
        col("predicate_id"),
        col("subject_source"),
    );
    let (c_justification, c_confidence, c_other, c_comment, c_label) = (
        col("mapping_justification"),
        col("confidence"),
        col("other"),
        col("comment"),
        col("subject_label"),
    );
    let mut states: IndexMap<JurisdictionCode, (Jurisdiction, RowLines)> = IndexMap::new();
    // Where each imported provision sits in its jurisdiction's list.
    let mut provision_index: HashMap<ProvisionId, usize> = HashMap::with_capacity(set.rows.len());
    let mut seen_rows: HashMap<(&str, &str, &str, &str), usize> =
        HashMap::with_capacity(set.rows.len());
    for row in &set.rows {
        let line = row.line;
        let subject = row.get(c_subject).trim();
        let object = row.get(c_object).trim();
        let predicate = row.get(c_predicate).trim();
        // A gap row's subject is always `sssom:NoTermFound`: its jurisdiction tells it apart.
        let scope = row.get(c_source).trim();
        let key = (subject, predicate, object, scope);
        if let Some(first) = seen_rows.insert(key, line) {
            out.push(diag(
                file,
                line,
                "row",
                Code::DuplicateId,
                format!(
                    "duplicate row: `{subject} {predicate} {object}` is already on line {first}"
                ),
            ));
            continue;
        }
        let mut ok = true;
        for (column, value) in [("subject_id", subject), ("object_id", object)] {
            if value.is_empty() {
                out.push(diag(
                    file,
                    line,
                    column,
                    Code::Schema,
                    format!("`{column}` is empty"),
                ));
                ok = false;
            } else {
                ok &= check_prefix(set, value, file, line, column, out);
            }
        }
        let relation = match predicate.parse::<Relation>() {
            Ok(r) if predicate.starts_with("skos:") => Some(r),
            Ok(_) | Err(_) => {
                out.push(diag(file, line, "predicate_id", Code::Schema, format!(
                    "predicate `{predicate}` is not one of skos:exactMatch, skos:closeMatch, skos:broadMatch, skos:narrowMatch, skos:relatedMatch"
                )));
                None
            }
        };
        let justification = match row.get(c_justification).trim().parse::<Justification>() {
            Ok(j) => Some(j),
            Err(e) => {
                out.push(diag(file, line, "mapping_justification", Code::Schema, e));
                None
            }
        };
        let confidence_text = row.get(c_confidence).trim();
        let confidence = if confidence_text.is_empty() {
            Some(None)
        } else {
            match confidence_text.parse::<f64>() {
                Ok(c) if (0.0..=1.0).contains(&c) => Some(Some(Confidence::from_score(c))),
                _ => {
                    out.push(diag(
                        file,
                        line,
                        "confidence",
                        Code::OutOfRange,
                        format!("confidence `{confidence_text}` must be a number from 0 to 1"),
                    ));
                    None
                }
            }
        };
        let category = match object.parse::<CategoryId>() {
            Ok(c) if base.category(&c) => Some(c),
            Ok(c) => {
                out.push(diag(
                    file,
                    line,
                    "object_id",
                    Code::UnknownCategory,
                    format!("unknown category `{c}`"),
                ));
                None
            }
            Err(e) => {
                if ok {
                    out.push(diag(file, line, "object_id", Code::Schema, e.to_string()));
                }
                None
            }
        };
        let (Some(relation), Some(justification), Some(confidence), Some(category), true) =
            (relation, justification, confidence, category, ok)
        else {
            continue;
        };
        let other = row.get(c_other).trim();
        let comment = row.get(c_comment).to_owned();
        if subject == NO_TERM_FOUND {
            let code = row
                .get(c_source)
                .trim()
                .strip_prefix(&format!("{JURISDICTION_PREFIX}:"))
                .and_then(|c| c.parse::<JurisdictionCode>().ok());
            let Some(code) = code else {
                out.push(diag(file, line, "subject_source", Code::Schema, format!(
                    "a `{NO_TERM_FOUND}` row needs `subject_source` naming its jurisdiction, e.g. `{JURISDICTION_PREFIX}:SG`"
                )));
                continue;
            };
            let Some(extras) = parse_other(other, file, line, out, || GapExtras {
                verdict: GapVerdict::Gap,
                sources: Vec::new(),
                note: String::new(),
            }) else {
                continue;
            };
            let (j, rows) = state(&mut states, base, code, checked);
            rows.gaps.push(line);
            j.gaps.push(GapRecord {
                category,
                verdict: extras.verdict,
                checked: comment,
                sources: extras.sources,
                note: extras.note,
            });
            continue;
        }
        let provision_id = match subject.parse::<ProvisionId>() {
            Ok(p) => p,
            Err(e) => {
                out.push(diag(
                    file,
                    line,
                    "subject_id",
                    Code::Schema,
                    format!("{e}: the subject must be a provision id such as `sg:cma1993/s3`"),
                ));
                continue;
            }
        };
        let Some(extras) = parse_other(other, file, line, out, MappingExtras::default) else {
            continue;
        };
        let code = provision_id.jurisdiction();
        let (j, rows) = state(&mut states, base, code, checked);
        let instrument_id: Option<InstrumentId> = provision_id.instrument().parse().ok();
        let Some(instrument_id) = instrument_id else {
            continue;
        };
        if j.instrument(&instrument_id).is_none() {
            let known = base
                .jurisdiction(code)
                .and_then(|b| b.instrument(&instrument_id))
                .cloned();
            j.instruments.push(known.unwrap_or_else(|| Instrument {
                id: instrument_id.clone(),
                title: instrument_id.to_string(),
                number: None,
                kind: InstrumentKind::Other,
                enacted: None,
                in_force: None,
                until: None,
                status: LegalStatus::InForce,
                amendments: Vec::new(),
                source: source(&format!("line {line}")),
                note: "created on import: the SSSOM file names provisions only".to_owned(),
            }));
        }
        let index = match provision_index.get(&provision_id) {
            Some(&i) => i,
            None => {
                let known = base.provision(&provision_id).cloned();
                let mut p = known.unwrap_or_else(|| Provision {
                    id: provision_id.clone(),
                    instrument: instrument_id.clone(),
                    number: provision_id
                        .as_str()
                        .rsplit('/')
                        .next()
                        .unwrap_or("")
                        .to_owned(),
                    title: Some(row.get(c_label).to_owned()).filter(|t| !t.is_empty()),
                    summary: row.get(c_label).to_owned(),
                    in_force: None,
                    until: None,
                    status: LegalStatus::InForce,
                    former_numbers: Vec::new(),
                    source: source(&format!("line {line}")),
                    confidence: confidence.unwrap_or(Confidence::Low),
                    note: String::new(),
                    replaced_by: Vec::new(),
                    contested: Vec::new(),
                    penalties: Vec::new(),
                    penalty_note: String::new(),
                    mappings: Vec::new(),
                    outside_convention: None,
                });
                if p.summary.trim().is_empty() {
                    p.summary = format!("{provision_id} (no label in the SSSOM file)");
                }
                p.mappings.clear();
                j.provisions.push(p);
                provision_index.insert(provision_id.clone(), j.provisions.len() - 1);
                j.provisions.len() - 1
            }
        };
        if rows.provisions.len() < j.provisions.len() {
            rows.provisions
                .resize(j.provisions.len(), (None, Vec::new()));
        }
        let (first, mapping_lines) = &mut rows.provisions[index];
        first.get_or_insert(line);
        mapping_lines.push(line);
        let p = &mut j.provisions[index];
        p.mappings.push(Mapping {
            category,
            relation,
            covers: extras.covers,
            qualifications: extras.qualifications,
            extra_conditions: extras.extra_conditions,
            justification,
            confidence: confidence.unwrap_or(Confidence::Low),
            note: comment,
        });
    }
    Imported {
        jurisdictions: states.into_values().collect(),
    }
}

/// Reads the `other` column's JSON object; an empty column gives `empty()`.
fn parse_other<T: serde::de::DeserializeOwned>(
    other: &str,
    file: &str,
    line: usize,
    out: &mut Vec<Diagnostic>,
    empty: impl FnOnce() -> T,
) -> Option<T> {
    if other.is_empty() {
        return Some(empty());
    }
    serde_json::from_str(other)
        .map_err(|e| {
            out.push(diag(
                file,
                line,
                "other",
                Code::Schema,
                format!("`other` is not the expected JSON object: {e}"),
            ));
        })
        .ok()
}

/// The jurisdiction being built for `code`: started from the base dataset's record (treaties,
/// name; provisions without mappings of their own are kept as they are).
fn state<'a>(
    states: &'a mut IndexMap<JurisdictionCode, (Jurisdiction, RowLines)>,
    base: &Base<'_>,
    code: JurisdictionCode,
    date: Date,
) -> &'a mut (Jurisdiction, RowLines) {
    states.entry(code).or_insert_with(|| {
        let j = match base.jurisdiction(code) {
            Some(b) => Jurisdiction {
                provisions: b
                    .provisions
                    .iter()
                    .filter(|p| p.mappings.is_empty())
                    .cloned()
                    .collect(),
                gaps: Vec::new(),
                ..b.clone()
            },
            None => Jurisdiction {
                code,
                name: code.to_string(),
                as_of: date,
                treaties: Vec::new(),
                instruments: Vec::new(),
                provisions: Vec::new(),
                gaps: Vec::new(),
                note: "imported from an SSSOM mapping set".to_owned(),
            },
        };
        (j, RowLines::default())
    })
}
