//! SSSOM (Simple Standard for Sharing Ontological Mappings) TSV export and import.
//!
//! A mapping row reads "provision `predicate_id` category". Researched gaps are rows whose
//! subject is `sssom:NoTermFound`. The jurisdiction of every row is its `subject_source`
//! (`jurisdiction:SG`). What SSSOM has no column for (the elements a mapping covers, the
//! qualifications it invokes, extra conditions, a gap's verdict and sources) travels as a JSON
//! object in the standard `other` column, so export then import gives the same mappings.
//!
//! ```
//! use cybercrime_taxonomy::{Dataset, DatasetBuilder, sssom};
//! let data = Dataset::embedded();
//! let tsv = sssom::export(data, &sssom::ExportOptions::for_jurisdictions(["SG".parse().unwrap()]));
//! assert!(tsv.starts_with("# curie_map:"));
//! // A mapping set is read like any other user file: here it replaces the shipped SG data.
//! let again = DatasetBuilder::new().embedded().text("sg.sssom.tsv", tsv).build().unwrap();
//! let s3 = again.provision(&"sg:cma1993/s3".parse().unwrap()).unwrap().provision;
//! assert_eq!(s3.mappings[0].category.as_str(), "un2024:art7");
//! ```

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::source_text::{Position, RowLines};
use crate::{
    CategoryId, Confidence, Dataset, Date, ExtraCondition, GapRecord, GapVerdict, Instrument,
    InstrumentId, InstrumentKind, Jurisdiction, JurisdictionCode, Justification, LegalStatus,
    LocalId, Mapping, Provision, ProvisionId, Relation, Source,
};

/// The mandatory columns of a mapping row.
pub const MANDATORY: [&str; 4] = [
    "subject_id",
    "predicate_id",
    "object_id",
    "mapping_justification",
];

/// The columns this crate writes, in order.
pub const COLUMNS: [&str; 11] = [
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "confidence",
    "subject_source",
    "mapping_date",
    "comment",
    "other",
];

/// Most rows read from one mapping set; past this the file is refused as too large.
pub const MAX_ROWS: usize = 2_000_000;

/// The prefix of jurisdiction CURIEs in `subject_source`.
pub const JURISDICTION_PREFIX: &str = "jurisdiction";

/// The subject of a researched-gap row.
pub const NO_TERM_FOUND: &str = "sssom:NoTermFound";

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The jurisdictions to include; empty means all.
    pub jurisdictions: Vec<crate::JurisdictionCode>,
    /// The mapping set's id (a URI).
    pub mapping_set_id: String,
    /// The licence of the mapping set (a URI).
    pub license: String,
    /// The base IRI from which the crate's own prefixes are expanded.
    pub base_iri: String,
    /// Whether to write researched gaps as `sssom:NoTermFound` rows.
    pub include_gaps: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            jurisdictions: Vec::new(),
            mapping_set_id: "https://w3id.org/cybercrime-taxonomy/mappings/asean.sssom.tsv"
                .to_owned(),
            license: "https://creativecommons.org/licenses/by/4.0/".to_owned(),
            base_iri: "https://w3id.org/cybercrime-taxonomy/".to_owned(),
            include_gaps: true,
        }
    }
}

impl ExportOptions {
    /// The default options restricted to some jurisdictions.
    pub fn for_jurisdictions(codes: impl IntoIterator<Item = crate::JurisdictionCode>) -> Self {
        Self {
            jurisdictions: codes.into_iter().collect(),
            ..Self::default()
        }
    }
}

/// What the `other` column carries for a mapping row.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingExtras {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    covers: Vec<LocalId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    qualifications: Vec<LocalId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    extra_conditions: Vec<ExtraCondition>,
}

/// What the `other` column carries for a gap row.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GapExtras {
    verdict: GapVerdict,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

fn other_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Writes the mappings (and researched gaps) of the chosen jurisdictions as SSSOM TSV.
pub fn export(data: &Dataset, options: &ExportOptions) -> String {
    let chosen: Vec<&Jurisdiction> = data
        .jurisdictions()
        .filter(|j| options.jurisdictions.is_empty() || options.jurisdictions.contains(&j.code))
        .collect();
    let mut prefixes: IndexMap<String, String> = IndexMap::new();
    let base = options.base_iri.trim_end_matches('/');
    prefixes.insert(JURISDICTION_PREFIX.into(), format!("{base}/jurisdiction/"));
    for t in data.taxonomies() {
        prefixes.insert(t.id.to_string(), format!("{base}/{}/", t.id));
    }
    for j in &chosen {
        prefixes.insert(j.code.prefix(), format!("{base}/law/{}/", j.code.prefix()));
    }
    let mut out = String::new();
    out.push_str("# curie_map:\n");
    out.push_str("#   semapv: https://w3id.org/semapv/vocab/\n");
    out.push_str("#   skos: http://www.w3.org/2004/02/skos/core#\n");
    out.push_str("#   sssom: https://w3id.org/sssom/\n");
    for (prefix, iri) in &prefixes {
        out.push_str(&format!("#   {prefix}: {iri}\n"));
    }
    out.push_str(&format!("# mapping_set_id: {}\n", options.mapping_set_id));
    let origin = data.origin();
    out.push_str(&format!("# mapping_set_version: {}\n", origin.version()));
    out.push_str(&format!(
        "# mapping_set_description: National offences mapped onto the UN Convention against Cybercrime and related taxonomies ({})\n",
        crate::render::words::origin(origin)
    ));
    out.push_str(&format!("# license: {}\n", options.license));
    // `mapping_date` is an xsd:date: written only when the research date is a full date.
    if let Some(date) = origin
        .shipped
        .as_ref()
        .map(|s| s.as_of)
        .filter(|d| d.day().is_some())
    {
        out.push_str(&format!("# mapping_date: {date}\n"));
    }

    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for j in chosen {
        let source = format!("{JURISDICTION_PREFIX}:{}", j.code);
        for p in &j.provisions {
            let instrument = j
                .instrument(&p.instrument)
                .map(|i| i.title.as_str())
                .unwrap_or("");
            let label = match &p.title {
                Some(t) => format!("{instrument} {} ({t})", p.number),
                None => format!("{instrument} {}", p.number),
            };
            for m in &p.mappings {
                let object_label = data
                    .category(&m.category)
                    .map(|c| c.category.title.clone())
                    .unwrap_or_default();
                let extras = MappingExtras {
                    covers: m.covers.clone(),
                    qualifications: m.qualifications.clone(),
                    extra_conditions: m.extra_conditions.clone(),
                };
                let _ = w.write_record([
                    p.id.as_str(),
                    label.as_str(),
                    &m.relation.to_string(),
                    m.category.as_str(),
                    &object_label,
                    m.justification.curie(),
                    &format!("{}", m.confidence.score()),
                    &source,
                    &j.as_of.to_string(),
                    &m.note,
                    &other_json(&extras),
                ]);
            }
        }
        if options.include_gaps {
            for g in &j.gaps {
                let object_label = data
                    .category(&g.category)
                    .map(|c| c.category.title.clone())
                    .unwrap_or_default();
                let extras = GapExtras {
                    verdict: g.verdict,
                    sources: g.sources.clone(),
                    note: g.note.clone(),
                };
                let _ = w.write_record([
                    NO_TERM_FOUND,
                    "",
                    &Relation::Exact.to_string(),
                    g.category.as_str(),
                    &object_label,
                    Justification::ManualMappingCuration.curie(),
                    "",
                    &source,
                    &j.as_of.to_string(),
                    &g.checked,
                    &other_json(&extras),
                ]);
            }
        }
    }
    let body = w.into_inner().unwrap_or_default();
    out.push_str(&String::from_utf8_lossy(&body));
    out
}

/// A parsed SSSOM mapping set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MappingSet {
    /// Header fields other than `curie_map`, as written (lists joined with `, `).
    pub metadata: IndexMap<String, String>,
    /// The declared prefixes.
    pub curie_map: IndexMap<String, String>,
    /// The column names, in file order.
    pub columns: Vec<String>,
    /// The rows, in file order.
    pub rows: Vec<Row>,
}

impl MappingSet {
    /// The position of a column, if the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// One mapping row, with every column kept.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// The line of the row in the file, from 1.
    pub line: usize,
    values: csv::StringRecord,
}

impl Row {
    /// The value in column `index` (see [`MappingSet::column`]); empty when absent.
    pub fn get(&self, index: Option<usize>) -> &str {
        index.and_then(|i| self.values.get(i)).unwrap_or("")
    }
    /// All values, in column order.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.values.iter()
    }
}

fn diag(
    file: &str,
    line: usize,
    path: impl Into<String>,
    code: Code,
    message: String,
) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        code,
        file,
        Some(Position { line, column: 1 }),
        path,
        message,
    )
}

/// Parses the YAML header subset SSSOM files use: `key: value`, a nested `curie_map:` block,
/// and `- item` lists.
fn parse_header(
    file: &str,
    lines: &[(usize, &str)],
    set: &mut MappingSet,
    out: &mut Vec<Diagnostic>,
) {
    let mut current: Option<String> = None;
    for (line, raw) in lines {
        let text = raw.trim_start_matches('#');
        if text.trim().is_empty() {
            continue;
        }
        let indented = text.starts_with("  ") || text.starts_with('\t');
        let item = text.trim();
        if indented {
            let Some(key) = &current else {
                out.push(diag(
                    file,
                    *line,
                    "header",
                    Code::Syntax,
                    format!("indented header line `{item}` has no parent key"),
                ));
                continue;
            };
            if let Some(value) = item.strip_prefix("- ") {
                let entry = set.metadata.entry(key.clone()).or_default();
                if !entry.is_empty() {
                    entry.push_str(", ");
                }
                entry.push_str(value.trim());
            } else if let Some((k, v)) = item.split_once(':') {
                if key == "curie_map" {
                    set.curie_map
                        .insert(k.trim().to_owned(), v.trim().to_owned());
                } else {
                    let entry = set.metadata.entry(key.clone()).or_default();
                    if !entry.is_empty() {
                        entry.push_str(", ");
                    }
                    entry.push_str(item);
                }
            } else {
                out.push(diag(
                    file,
                    *line,
                    "header",
                    Code::Syntax,
                    format!("expected `key: value` or `- item` in the header, found `{item}`"),
                ));
            }
        } else if let Some((k, v)) = item.split_once(':') {
            let key = k.trim().to_owned();
            let value = v.trim();
            if !value.is_empty() {
                set.metadata
                    .insert(key.clone(), value.trim_matches('"').to_owned());
            }
            current = Some(key);
        } else {
            out.push(diag(
                file,
                *line,
                "header",
                Code::Syntax,
                format!("expected `key: value` in the header, found `{item}`"),
            ));
        }
    }
}

/// Parses SSSOM TSV text. Problems that make rows unreadable are diagnostics; rows are kept
/// as read, whatever their content.
pub fn parse(file: &str, text: &str) -> (MappingSet, Vec<Diagnostic>) {
    let mut set = MappingSet::default();
    let mut out = Vec::new();
    let mut header_lines = Vec::new();
    let mut body_start = 0;
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if line.starts_with('#') {
            header_lines.push((i + 1, line.trim_end_matches(['\n', '\r'])));
            offset += line.len();
            body_start = i + 1;
        } else {
            break;
        }
    }
    parse_header(file, &header_lines, &mut set, &mut out);
    let body = &text[offset..];
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .flexible(false)
        .from_reader(body.as_bytes());
    let header_line = body_start + 1;
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            out.push(diag(
                file,
                header_line,
                "columns",
                Code::Syntax,
                format!("cannot read the column header: {e}"),
            ));
            return (set, out);
        }
    };
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
    set.columns = names.clone();
    for column in MANDATORY {
        if !names.iter().any(|n| n == column) {
            out.push(diag(
                file,
                header_line,
                "columns",
                Code::Schema,
                format!("missing mandatory column `{column}`"),
            ));
        }
    }
    let mut seen = HashSet::new();
    for name in &names {
        if !seen.insert(name) {
            out.push(diag(
                file,
                header_line,
                "columns",
                Code::DuplicateId,
                format!("column `{name}` appears twice"),
            ));
        }
    }
    for record in reader.into_records() {
        if set.rows.len() >= MAX_ROWS {
            let line = set.rows.last().map_or(header_line, |r| r.line + 1);
            out.push(diag(
                file,
                line,
                "row",
                Code::TooLarge,
                format!("more than {MAX_ROWS} rows: the rest of the file is not read"),
            ));
            break;
        }
        match record {
            Ok(values) => {
                let line = values.position().map_or(0, |p| p.line() as usize) + body_start;
                set.rows.push(Row { line, values });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize) + body_start;
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("expected {expected_len} columns, found {len}")
                    }
                    csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_owned(),
                    _ => e.to_string(),
                };
                out.push(diag(file, line, "row", Code::Syntax, message));
            }
        }
    }
    (set, out)
}

/// Checks that a CURIE's prefix is declared (or built in).
fn check_prefix(
    set: &MappingSet,
    curie: &str,
    file: &str,
    line: usize,
    column: &str,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let Some((prefix, _)) = curie.split_once(':') else {
        out.push(diag(
            file,
            line,
            column,
            Code::Schema,
            format!("`{curie}` is not a CURIE (expected `prefix:local`)"),
        ));
        return false;
    };
    if set.curie_map.contains_key(prefix)
        || matches!(prefix, "skos" | "semapv" | "sssom" | "owl" | "rdfs")
    {
        true
    } else {
        out.push(diag(
            file,
            line,
            column,
            Code::DanglingReference,
            format!("prefix `{prefix}` of `{curie}` is not declared in the curie_map"),
        ));
        false
    }
}

/// Today's date (UTC), for the `checked` date of sources synthesised on import.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date::ymd(year, month, day)
}

/// The result of reading a mapping set against a base dataset.
#[derive(Debug, Default)]
pub(crate) struct Imported {
    pub jurisdictions: Vec<(Jurisdiction, RowLines)>,
}

/// Turns a mapping set into jurisdictions: each row's provision keeps the base dataset's
/// record (title, number, source) where it has one; new provisions get a record naming the
/// SSSOM file as their source.
pub(crate) fn import(
    base: &Dataset,
    file: &str,
    set: &MappingSet,
    out: &mut Vec<Diagnostic>,
) -> Imported {
    let checked = set
        .metadata
        .get("mapping_date")
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(today);
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
            Ok(c) if base.category(&c).is_some() => Some(c),
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
            let (j, rows) = state(&mut states, base, code);
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
        let (j, rows) = state(&mut states, base, code);
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
                let known = base.provision(&provision_id).map(|p| p.provision.clone());
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
    base: &Dataset,
    code: JurisdictionCode,
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
                as_of: today(),
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
