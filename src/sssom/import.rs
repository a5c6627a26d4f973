//! Turning a parsed mapping set into jurisdictions, against the data loaded so far.

use std::hash::BuildHasher;

use foldhash::{HashMap, HashSet};

use indexmap::IndexMap;

use super::curie::{Declared, check_prefix};
use super::shared::Shared;
use super::{GapExtras, JURISDICTION_PREFIX, MappingExtras, MappingSet, NO_TERM_FOUND, diag};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::provision_index::{At, ProvisionIndex, provision_at};
use crate::source_text::{Position, RowLines};
use crate::{
    CategoryId, Confidence, Date, GapRecord, GapVerdict, Instrument, InstrumentId, InstrumentKind,
    Jurisdiction, JurisdictionCode, Justification, LegalStatus, Mapping, Provision, ProvisionId,
    Relation, Source,
};

/// What an import looks up in the data loaded before the mapping set: borrowed, so that the
/// import does not copy the dataset.
pub(crate) struct Base<'a> {
    categories: HashSet<CategoryId>,
    taxonomies: HashSet<String>,
    jurisdictions: HashMap<JurisdictionCode, &'a Jurisdiction>,
    provisions: HashMap<&'a ProvisionId, &'a Provision>,
}

/// The relation a predicate counts as, if it counts as one: the five SKOS mapping relations,
/// `owl:equivalentClass` as `skos:exactMatch`, and `rdfs:subClassOf` as `skos:broadMatch` (the
/// subject, a national provision, is narrower than the category).
pub(crate) fn relation_of(predicate: &str) -> Option<Relation> {
    match predicate {
        "owl:equivalentClass" => Some(Relation::Exact),
        "rdfs:subClassOf" => Some(Relation::Broad),
        p if p.starts_with("skos:") => p.parse().ok(),
        _ => None,
    }
}

impl<'a> Base<'a> {
    /// Whether a row is about this data: its object is one of the categories' taxonomies, or
    /// its subject is a provision of a jurisdiction in the data, or it is a gap row naming a
    /// jurisdiction (`subject_source: jurisdiction:SG`).
    fn concerns(
        &self,
        subject: &str,
        object: &str,
        names_jurisdiction: impl FnOnce() -> bool,
    ) -> bool {
        if object
            .split_once(':')
            .is_some_and(|(p, _)| self.taxonomies.contains(p))
        {
            return true;
        }
        if subject == NO_TERM_FOUND {
            return names_jurisdiction();
        }
        subject
            .parse::<ProvisionId>()
            .is_ok_and(|p| self.jurisdictions.contains_key(&p.jurisdiction()))
    }

    /// Indexes the taxonomies' categories and the jurisdictions' provisions.
    pub(crate) fn new(
        taxonomies: impl Iterator<Item = &'a crate::Taxonomy>,
        jurisdictions: impl Iterator<Item = &'a Jurisdiction>,
    ) -> Self {
        let mut ids = HashSet::default();
        let categories = taxonomies
            .flat_map(|t| {
                ids.insert(t.id.to_string());
                t.categories.iter().map(|c| CategoryId::new(&t.id, &c.id))
            })
            .collect();
        let mut by_code = HashMap::default();
        let mut provisions = HashMap::default();
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
            taxonomies: ids,
            jurisdictions: by_code,
            provisions,
        }
    }
    /// The known category with this id (one copy shared by every mapping onto it).
    fn category(&self, id: &CategoryId) -> Option<&CategoryId> {
        self.categories.get(id)
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
    bad_rows: &[bool],
    date: Date,
    out: &mut Vec<Diagnostic>,
) -> Imported {
    // An unreadable `mapping_date` has been reported by the conformance check.
    let checked = set
        .metadata
        .get("mapping_date")
        .and_then(|text| text.parse::<Date>().ok())
        .unwrap_or(date);
    let meta = &set.metadata;
    let title = meta
        .get("mapping_set_title")
        .or_else(|| meta.get("mapping_set_id"))
        .map_or(file, String::as_str);
    let set_source = Source {
        title: format!("SSSOM mapping set {title}"),
        url: meta.get("mapping_set_id").cloned(),
        checked,
        locator: None,
        note: Some("imported from an SSSOM file".to_owned()),
    };
    let mut importer = Importer {
        base,
        file,
        set,
        checked,
        set_source,
        declared: Declared::of(set),
        cols: Columns::of(set),
        states: IndexMap::new(),
        provision_index: ProvisionIndex::default(),
        shared: Shared::default(),
        out,
    };
    let mut seen_rows = SeenRows::new(set);
    let mut elsewhere: Option<(usize, usize)> = None;
    let mut uncounted: IndexMap<&str, (usize, usize)> = IndexMap::new();
    for (i, row) in set.rows().enumerate() {
        // A row that breaks the specification has been reported by the conformance check.
        if bad_rows.get(i).copied().unwrap_or(false) {
            continue;
        }
        let c = &importer.cols;
        let (subject, predicate, object) = (
            row.get(c.subject).trim(),
            row.get(c.predicate).trim(),
            row.get(c.object).trim(),
        );
        let names_jurisdiction = || {
            set.value(&row, "subject_source")
                .strip_prefix(JURISDICTION_PREFIX)
                .is_some_and(|rest| rest.starts_with(':'))
        };
        if !base.concerns(subject, object, names_jurisdiction) {
            let e = elsewhere.get_or_insert((row.line, 0));
            e.1 += 1;
            continue;
        }
        if !predicate.starts_with("skos:") && relation_of(predicate).is_none() {
            let u = uncounted.entry(predicate).or_insert((row.line, 0));
            u.1 += 1;
            continue;
        }
        // A gap row's subject is always `sssom:NoTermFound`: its jurisdiction tells it apart.
        if let Some(first) = seen_rows.insert(i, c) {
            importer.out.push(diag(
                file,
                row.line,
                "row",
                Code::DuplicateId,
                format!(
                    "duplicate row: `{subject} {predicate} {object}` is already on line {first}"
                ),
            ));
            continue;
        }
        let modifier = row.get(c.modifier).trim();
        if !modifier.is_empty() {
            let d = modifier_diagnostic(file, row.line, (subject, predicate, object), modifier);
            importer.out.push(d);
            continue;
        }
        let Some(fields) = importer.fields(&row) else {
            continue;
        };
        if subject == NO_TERM_FOUND {
            importer.gap(&row, fields);
        } else {
            importer.mapping(&row, subject, fields);
        }
    }
    if let Some((line, n)) = elsewhere {
        importer.out.push(Diagnostic::new(
            Severity::Note,
            Code::NotInInterchange,
            file,
            Some(Position { line, column: 1 }),
            "row",
            format!(
                "{n} row{} concern{} other vocabularies, not imported (first on line {line}): neither the subject is a provision of a jurisdiction in the data nor the object one of its categories",
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" }
            ),
        ));
    }
    for (predicate, (line, n)) in uncounted {
        importer.out.push(Diagnostic::new(
            Severity::Warning,
            Code::NotInInterchange,
            file,
            Some(Position { line, column: 1 }),
            "predicate_id",
            format!(
                "{n} row{} with predicate `{predicate}` (first on line {line}) not imported: coverage counts the SKOS predicates, owl:equivalentClass (as skos:exactMatch) and rdfs:subClassOf (as skos:broadMatch) only",
                if n == 1 { "" } else { "s" }
            ),
        ));
    }
    // "Not researched" is not written to SSSOM (it is not a mapping claim): the base data's
    // not-researched records stay for every category the set gives no gap and no counting
    // mapping for (a `relatedMatch` beside "not researched" is allowed, as in the JSON data).
    for (code, (j, _)) in &mut importer.states {
        let Some(b) = base.jurisdiction(*code) else {
            continue;
        };
        let spoken: HashSet<&crate::CategoryId> = j
            .provisions
            .iter()
            .flat_map(|p| p.mappings.iter())
            .filter(|m| m.relation.counts_as_coverage())
            .map(|m| &m.category)
            .chain(j.gaps.iter().map(|g| &g.category))
            .collect();
        let kept: Vec<GapRecord> = b
            .gaps
            .iter()
            .filter(|g| g.verdict == GapVerdict::NotResearched && !spoken.contains(&g.category))
            .cloned()
            .collect();
        j.gaps.extend(kept);
    }
    for code in importer.states.keys() {
        if base.jurisdiction(*code).is_none() {
            importer.out.push(Diagnostic::new(
                Severity::Warning,
                Code::NotInInterchange,
                file,
                Some(Position { line: 1, column: 1 }),
                "subject_source",
                format!(
                    "jurisdiction `{code}` comes from this mapping set alone: SSSOM holds no name, research date, treaties or provisions without mappings, so its name is `{code}` and its as-of date {}; add a JSON file for the rest",
                    importer.checked
                ),
            ));
        }
    }
    Imported {
        jurisdictions: importer.states.into_values().collect(),
    }
}

/// The diagnostic for a row with a `predicate_modifier`: a warning for `Not` (a reviewed
/// non-match, never coverage), an error for any other modifier. Neither row is imported.
fn modifier_diagnostic(
    file: &str,
    line: usize,
    (subject, predicate, object): (&str, &str, &str),
    modifier: &str,
) -> Diagnostic {
    let (severity, message) = if modifier == "Not" {
        (
            Severity::Warning,
            format!(
                "negated mapping (`predicate_modifier: Not`) `{subject} {predicate} {object}` is not imported: a reviewed non-match is not coverage"
            ),
        )
    } else {
        (
            Severity::Error,
            format!(
                "unknown predicate_modifier `{modifier}`: the row is not imported (the only modifier is `Not`)"
            ),
        )
    };
    Diagnostic::new(
        severity,
        Code::Schema,
        file,
        Some(Position { line, column: 1 }),
        "predicate_modifier",
        message,
    )
}

/// The rows imported so far, by the key that makes a row a duplicate: subject, predicate,
/// object and `subject_source` (a gap row's subject is always `sssom:NoTermFound`). The table
/// holds row numbers and finds a row's key in the set, 4 bytes a row instead of four string
/// slices.
struct SeenRows<'s> {
    set: &'s MappingSet<'s>,
    table: hashbrown::HashTable<u32>,
    hasher: foldhash::fast::RandomState,
}

impl<'s> SeenRows<'s> {
    fn new(set: &'s MappingSet<'s>) -> Self {
        Self {
            set,
            table: hashbrown::HashTable::with_capacity(set.row_count()),
            hasher: Default::default(),
        }
    }

    /// Records row `index`; for a duplicate, returns the line of the previous row with its
    /// key (which it then replaces).
    fn insert(&mut self, index: usize, c: &Columns) -> Option<usize> {
        let set = self.set;
        let key = |i: u32| {
            set.row(i as usize).map(|row| {
                (
                    row.get(c.subject).trim(),
                    row.get(c.predicate).trim(),
                    row.get(c.object).trim(),
                    row.get(c.source).trim(),
                )
            })
        };
        // Row counts are bounded by MAX_ROWS, far below u32::MAX.
        let index = u32::try_from(index).ok()?;
        let this = key(index);
        let hash = self.hasher.hash_one(this);
        if let Some(previous) = self.table.find_mut(hash, |&j| key(j) == this) {
            let line = set.row(*previous as usize).map(|r| r.line);
            *previous = index;
            return line;
        }
        let hasher = &self.hasher;
        self.table
            .insert_unique(hash, index, |&j| hasher.hash_one(key(j)));
        None
    }
}

/// Where the columns an import reads are.
struct Columns {
    subject: Option<usize>,
    object: Option<usize>,
    predicate: Option<usize>,
    source: Option<usize>,
    justification: Option<usize>,
    confidence: Option<usize>,
    other: Option<usize>,
    comment: Option<usize>,
    label: Option<usize>,
    modifier: Option<usize>,
}

impl Columns {
    fn of(set: &MappingSet) -> Self {
        let col = |name: &str| set.column(name);
        Self {
            subject: col("subject_id"),
            object: col("object_id"),
            predicate: col("predicate_id"),
            source: col("subject_source"),
            justification: col("mapping_justification"),
            confidence: col("confidence"),
            other: col("other"),
            comment: col("comment"),
            label: col("subject_label"),
            modifier: col("predicate_modifier"),
        }
    }
}

/// The checked values of a row common to mappings and gaps.
struct Fields {
    relation: Relation,
    justification: Justification,
    confidence: Option<Confidence>,
    category: CategoryId,
}

/// One import in progress.
struct Importer<'b, 's, 'o> {
    base: &'b Base<'b>,
    file: &'s str,
    set: &'s MappingSet<'s>,
    checked: Date,
    /// The prefixes of the set's `curie_map`.
    declared: Declared<'s>,
    /// The source of the records the import creates, without a locator.
    set_source: Source,
    cols: Columns,
    states: IndexMap<JurisdictionCode, (Jurisdiction, RowLines)>,
    /// Where each imported provision sits in its jurisdiction's list.
    provision_index: ProvisionIndex,
    shared: Shared,
    out: &'o mut Vec<Diagnostic>,
}

impl Importer<'_, '_, '_> {
    fn error(&mut self, line: usize, column: &str, code: Code, message: String) {
        self.out.push(diag(self.file, line, column, code, message));
    }

    /// A source naming the mapping set, for records the import creates: the set's source with
    /// the row's line as locator.
    fn source(&self, line: usize) -> Source {
        let mut source = self.set_source.clone();
        source.locator = Some(format!("line {line}"));
        source
    }

    /// Checks a row's ids, predicate, justification, confidence and category; every problem
    /// is reported, and `None` means the row is not imported.
    fn fields(&mut self, row: &super::Row) -> Option<Fields> {
        let line = row.line;
        let c = &self.cols;
        let (subject, object, predicate) = (
            row.get(c.subject).trim(),
            row.get(c.object).trim(),
            row.get(c.predicate).trim(),
        );
        let justification_text = row.get(c.justification).trim();
        let confidence_text = row.get(c.confidence).trim();
        let mut ok = true;
        for (column, value) in [("subject_id", subject), ("object_id", object)] {
            if value.is_empty() {
                self.error(line, column, Code::Schema, format!("`{column}` is empty"));
                ok = false;
            } else {
                ok &= check_prefix(&self.declared, value, self.file, line, column, self.out);
            }
        }
        let relation = match relation_of(predicate) {
            Some(r) => Some(r),
            None => {
                self.error(line, "predicate_id", Code::Schema, format!(
                    "predicate `{predicate}` is not one of skos:exactMatch, skos:closeMatch, skos:broadMatch, skos:narrowMatch, skos:relatedMatch"
                ));
                None
            }
        };
        let justification = justification_text
            .parse::<Justification>()
            .map_err(|e| self.error(line, "mapping_justification", Code::Schema, e))
            .ok();
        let confidence = if confidence_text.is_empty() {
            Some(None)
        } else {
            match confidence_text.parse::<f64>() {
                Ok(c) if (0.0..=1.0).contains(&c) => Some(Some(Confidence::from_score(c))),
                _ => {
                    self.error(
                        line,
                        "confidence",
                        Code::OutOfRange,
                        format!("confidence `{confidence_text}` must be a number from 0 to 1"),
                    );
                    None
                }
            }
        };
        let category = match object.parse::<CategoryId>() {
            Ok(c) if let Some(known) = self.base.category(&c) => Some(known.clone()),
            Ok(c) => {
                let message = format!("unknown category `{c}`");
                self.error(line, "object_id", Code::UnknownCategory, message);
                None
            }
            Err(e) => {
                if ok {
                    self.error(line, "object_id", Code::Schema, e.to_string());
                }
                None
            }
        };
        match (relation, justification, confidence, category, ok) {
            (Some(relation), Some(justification), Some(confidence), Some(category), true) => {
                Some(Fields {
                    relation,
                    justification,
                    confidence,
                    category,
                })
            }
            _ => None,
        }
    }

    /// A `sssom:NoTermFound` row: a gap record of the jurisdiction in `subject_source`.
    fn gap(&mut self, row: &super::Row, fields: Fields) {
        let line = row.line;
        let code = self
            .set
            .value(row, "subject_source")
            .strip_prefix(&format!("{JURISDICTION_PREFIX}:"))
            .and_then(|c| c.parse::<JurisdictionCode>().ok());
        let Some(code) = code else {
            self.error(line, "subject_source", Code::Schema, format!(
                "a `{NO_TERM_FOUND}` row needs `subject_source` naming its jurisdiction, e.g. `{JURISDICTION_PREFIX}:SG`"
            ));
            return;
        };
        let other = row.get(self.cols.other).trim();
        let empty = || GapExtras {
            verdict: GapVerdict::Gap,
            sources: Vec::new(),
            note: String::new(),
        };
        let read = |json: &str| serde_json::from_str::<GapExtras>(json);
        let Some(extras) = parse_other(other, read, (self.file, line, &mut *self.out), empty)
        else {
            return;
        };
        let (j, rows) = state(&mut self.states, self.base, code, self.checked);
        rows.gaps.push(line);
        j.gaps.push(GapRecord {
            category: fields.category,
            verdict: extras.verdict,
            checked: uninert(row.get(self.cols.comment)),
            sources: extras.sources,
            note: extras.note,
        });
    }

    /// A mapping row: the provision (kept from the base data, or created) gains the mapping.
    fn mapping(&mut self, row: &super::Row, subject: &str, fields: Fields) {
        let line = row.line;
        let provision_id = match subject.parse::<ProvisionId>() {
            Ok(p) => p,
            Err(e) => {
                let message =
                    format!("{e}: the subject must be a provision id such as `sg:cma1993/s3`");
                self.error(line, "subject_id", Code::Schema, message);
                return;
            }
        };
        let other = row.get(self.cols.other).trim();
        let shared = &mut self.shared;
        let Some(extras) = parse_other(
            other,
            |json| shared.mapping_extras(json),
            (self.file, line, &mut *self.out),
            MappingExtras::default,
        ) else {
            return;
        };
        let Ok(instrument_id) = provision_id.instrument().parse::<InstrumentId>() else {
            return;
        };
        let confidence = fields.confidence.unwrap_or(Confidence::Low);
        let index = self.provision(row, &provision_id, &instrument_id, confidence);
        let (j, rows) = state(
            &mut self.states,
            self.base,
            provision_id.jurisdiction(),
            self.checked,
        );
        if rows.provisions.len() < j.provisions.len() {
            rows.provisions
                .resize(j.provisions.len(), (None, Vec::new()));
        }
        let (first, mapping_lines) = &mut rows.provisions[index];
        first.get_or_insert(line);
        mapping_lines.push(line);
        let mappings = &mut j.provisions[index].mappings;
        // Most provisions have one or two mappings: grow from one, not from the default four.
        if mappings.len() == mappings.capacity() {
            mappings.reserve_exact(mappings.len().max(1));
        }
        mappings.push(Mapping {
            category: fields.category,
            relation: fields.relation,
            covers: extras.covers,
            qualifications: extras.qualifications,
            extra_conditions: extras.extra_conditions,
            justification: fields.justification,
            confidence,
            note: uninert(row.get(self.cols.comment)),
        });
    }

    /// The index of the provision's record in its jurisdiction, adding it (and its instrument)
    /// on first sight: the base data's record when there is one, else one naming the set.
    fn provision(
        &mut self,
        row: &super::Row,
        id: &ProvisionId,
        instrument_id: &InstrumentId,
        confidence: Confidence,
    ) -> usize {
        // A provision seen before already has its record and its instrument.
        let states = &self.states;
        if let Some((_, i)) = self.provision_index.find(id, |at| imported_at(states, at)) {
            return i as usize;
        }
        let code = id.jurisdiction();
        let source = self.source(row.line);
        let label = uninert(row.get(self.cols.label));
        let (j, _) = state(&mut self.states, self.base, code, self.checked);
        if j.instrument(instrument_id).is_none() {
            let known = self
                .base
                .jurisdiction(code)
                .and_then(|b| b.instrument(instrument_id))
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
                pending: None,
                source: source.clone(),
                note: "created on import: the SSSOM file names provisions only".to_owned(),
            }));
        }
        let mut p = self
            .base
            .provision(id)
            .cloned()
            .unwrap_or_else(|| Provision {
                id: id.clone(),
                instrument: instrument_id.clone(),
                number: id.as_str().rsplit('/').next().unwrap_or("").to_owned(),
                title: Some(label.clone()).filter(|t| !t.is_empty()),
                summary: label,
                in_force: None,
                until: None,
                status: LegalStatus::InForce,
                former_numbers: Vec::new(),
                source,
                confidence,
                note: String::new(),
                replaced_by: Vec::new(),
                contested: Vec::new(),
                penalties: Vec::new(),
                penalty_note: String::new(),
                power: None,
                mappings: Vec::new(),
                outside_convention: None,
            });
        if p.summary.trim().is_empty() {
            p.summary = format!("{id} (no label in the SSSOM file)");
        }
        p.mappings.clear();
        j.provisions.push(p);
        let index = j.provisions.len() - 1;
        if let Some(state) = self.states.get_index_of(&code) {
            let states = &self.states;
            self.provision_index
                .insert(id, (state, index), |at| imported_at(states, at));
        }
        index
    }
}

type States = IndexMap<JurisdictionCode, (Jurisdiction, RowLines)>;

fn imported_at(states: &States, at: At) -> Option<&Provision> {
    provision_at(states, at, |(j, _)| j)
}

/// Undoes the export's guards: a `'` before `=`, `+`, `-`, `@`, and escaped line breaks.
fn uninert(text: &str) -> String {
    let text = match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    };
    super::unescape_cell(text)
}

/// Reads the `other` column's JSON object with `read`; an empty column gives `empty()`, and a
/// JSON error is reported at the row's line.
fn parse_other<T>(
    other: &str,
    read: impl FnOnce(&str) -> serde_json::Result<T>,
    (file, line, out): (&str, usize, &mut Vec<Diagnostic>),
    empty: impl FnOnce() -> T,
) -> Option<T> {
    if other.is_empty() {
        return Some(empty());
    }
    read(other)
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
                aliases: Vec::new(),
                as_of: date,
                treaties: Vec::new(),
                instruments: Vec::new(),
                provisions: Vec::new(),
                gaps: Vec::new(),
                authorities: Vec::new(),
                note: "imported from an SSSOM mapping set".to_owned(),
            },
        };
        (j, RowLines::default())
    })
}
