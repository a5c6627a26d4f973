//! Writing a dataset's mappings and researched gaps as an SSSOM mapping set.

use indexmap::IndexMap;

use super::{
    COLUMNS, GapExtras, JURISDICTION_PREFIX, MappingExtras, NO_TERM_FOUND, RECORD_PREFIX,
    other_json,
};
use crate::render::spreadsheet_safe;
use crate::{Dataset, GapVerdict, Jurisdiction, Justification, Relation};

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
    /// Write only the law in force on this date (provisions by their in-force dates; a
    /// researched gap only where no provision in force then maps onto its category). Without
    /// it, every record is written, repealed and pending law included, so that the set can be
    /// read back whole.
    pub as_of: Option<crate::Date>,
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
            as_of: None,
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

impl ExportOptions {
    /// Checks the header values: each must be a single line without control characters (a
    /// newline in `mapping_set_id` would end the header early).
    pub fn check(&self) -> Result<(), crate::Error> {
        for (option, value) in [
            ("mapping_set_id", &self.mapping_set_id),
            ("license", &self.license),
            ("base_iri", &self.base_iri),
        ] {
            if value.trim().is_empty() || value.chars().any(char::is_control) {
                return Err(crate::Error::InvalidOption {
                    option,
                    message: format!(
                        "`{}` must be one non-empty line without control characters",
                        value.escape_debug()
                    ),
                });
            }
        }
        Ok(())
    }
}

/// A header value on one line: control characters become spaces (see
/// [`ExportOptions::check`], which refuses them).
fn one_line(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A metadata value as a YAML scalar: plain style where YAML reads it back as the same text,
/// else double-quoted (spec-formats-tsv.md asks for exactly that), on one line.
pub(crate) fn yaml_scalar(value: &str) -> String {
    let value = one_line(value);
    let plain = !value.is_empty()
        && value.trim() == value
        && !value.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':');
    if plain {
        return value;
    }
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the mappings (and researched gaps) of the chosen jurisdictions as SSSOM TSV.
pub fn export(data: &Dataset, options: &ExportOptions) -> String {
    let chosen: Vec<&Jurisdiction> = data
        .jurisdictions()
        .filter(|j| options.jurisdictions.is_empty() || options.jurisdictions.contains(&j.code))
        .collect();
    let mut out = header(data, &chosen, options);
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for j in chosen {
        let mut mapped = std::collections::HashSet::new();
        for (category, row) in mapping_rows(data, j, options.as_of) {
            mapped.insert(category);
            let _ = w.write_record(&row);
        }
        if options.include_gaps {
            for row in gap_rows(data, j, |c| options.as_of.is_none() || !mapped.contains(c)) {
                let _ = w.write_record(&row);
            }
        }
    }
    let body = w.into_inner().unwrap_or_default();
    out.push_str(&String::from_utf8_lossy(&body));
    out
}

/// `xsd:date` allows only full dates: a partial date (`2026-11`) is left out.
fn xsd_date(date: crate::Date) -> String {
    if date.day().is_some() {
        date.to_string()
    } else {
        String::new()
    }
}

/// The YAML header: prefixes, the set's id, version, description, licence and date.
fn header(data: &Dataset, chosen: &[&Jurisdiction], options: &ExportOptions) -> String {
    let mut prefixes: IndexMap<String, String> = IndexMap::new();
    let base = one_line(&options.base_iri);
    let base = base.trim_end_matches('/');
    prefixes.insert(JURISDICTION_PREFIX.into(), format!("{base}/jurisdiction/"));
    prefixes.insert(RECORD_PREFIX.into(), format!("{base}/record/"));
    for t in data.taxonomies() {
        prefixes.insert(t.id.to_string(), format!("{base}/{}/", t.id));
    }
    for j in chosen {
        prefixes.insert(j.code.prefix(), format!("{base}/law/{}/", j.code.prefix()));
    }
    let mut out = String::new();
    // record_id is an SSSOM 1.1 slot.
    out.push_str("# sssom_version: \"1.1\"\n");
    out.push_str("# curie_map:\n");
    out.push_str("#   semapv: https://w3id.org/semapv/vocab/\n");
    out.push_str("#   skos: http://www.w3.org/2004/02/skos/core#\n");
    out.push_str("#   sssom: https://w3id.org/sssom/\n");
    for (prefix, iri) in &prefixes {
        out.push_str(&format!(
            "#   {}: {}\n",
            yaml_scalar(prefix),
            yaml_scalar(iri)
        ));
    }
    out.push_str(&format!(
        "# mapping_set_id: {}\n",
        yaml_scalar(&options.mapping_set_id)
    ));
    let origin = data.origin();
    out.push_str(&format!(
        "# mapping_set_version: {}\n",
        yaml_scalar(&origin.version())
    ));
    let when = match options.as_of {
        Some(date) => {
            let beyond = origin
                .shipped
                .as_ref()
                .is_some_and(|s| date.certainly_after(&s.as_of));
            format!(
                "; law in force on {date}{}",
                if beyond {
                    ", a date after the research date: later changes are not in the data"
                } else {
                    ""
                }
            )
        }
        None => "; all records, repealed and pending law included".to_owned(),
    };
    let description = format!(
        "National offences mapped onto the UN Convention against Cybercrime and related taxonomies ({}{when})",
        crate::render::words::origin(origin)
    );
    out.push_str(&format!(
        "# mapping_set_description: {}\n",
        yaml_scalar(&description)
    ));
    out.push_str(&format!("# license: {}\n", yaml_scalar(&options.license)));
    let not_researched = chosen
        .iter()
        .flat_map(|j| &j.gaps)
        .filter(|g| g.verdict == GapVerdict::NotResearched)
        .count();
    if options.include_gaps && not_researched > 0 {
        out.push_str(&format!(
            "# comment: {not_researched} categories recorded as not researched are not written (sssom:NoTermFound rows are researched gaps only); the JSON data holds them\n"
        ));
    }
    if let Some(date) = origin.shipped.as_ref().map(|s| xsd_date(s.as_of)) {
        if !date.is_empty() {
            out.push_str(&format!("# mapping_date: {date}\n"));
        }
    }
    out
}

/// One row per mapping of the jurisdiction's provisions (those in force on `as_of`, when
/// given), in `COLUMNS` order, with the category it maps onto.
fn mapping_rows<'a>(
    data: &'a Dataset,
    j: &'a Jurisdiction,
    as_of: Option<crate::Date>,
) -> impl Iterator<Item = (&'a crate::CategoryId, [String; 12])> + 'a {
    let source = format!("{JURISDICTION_PREFIX}:{}", j.code);
    let in_scope = move |p: &&crate::Provision| as_of.is_none_or(|d| p.in_force_on(d));
    j.provisions.iter().filter(in_scope).flat_map(move |p| {
        let instrument = j
            .instrument(&p.instrument)
            .map(|i| i.title.as_str())
            .unwrap_or("");
        let label = match &p.title {
            Some(t) => format!("{instrument} {} ({t})", p.number),
            None => format!("{instrument} {}", p.number),
        };
        let source = source.clone();
        p.mappings.iter().map(move |m| {
            let extras = MappingExtras {
                covers: m.covers.clone(),
                qualifications: m.qualifications.clone(),
                extra_conditions: m.extra_conditions.clone(),
            };
            (
                &m.category,
                [
                    p.id.to_string(),
                    inert(&label),
                    m.relation.to_string(),
                    m.category.to_string(),
                    inert(&title(data, &m.category)),
                    m.justification.curie().to_owned(),
                    format!("{}", m.confidence.score()),
                    source.clone(),
                    xsd_date(j.as_of),
                    inert(&m.note),
                    other_json(&extras),
                    record_id(p.id.as_str(), m.category.as_str()),
                ],
            )
        })
    })
}

/// One `sssom:NoTermFound` row per researched gap, in `COLUMNS` order. Not-researched records
/// are left out: `sssom:NoTermFound` says a match was looked for and none exists, which is
/// not what they say (the header's `comment` counts them).
fn gap_rows<'a>(
    data: &'a Dataset,
    j: &'a Jurisdiction,
    wanted: impl Fn(&crate::CategoryId) -> bool + 'a,
) -> impl Iterator<Item = [String; 12]> + 'a {
    let source = format!("{JURISDICTION_PREFIX}:{}", j.code);
    j.gaps
        .iter()
        .filter(move |g| g.verdict == GapVerdict::Gap && wanted(&g.category))
        .map(move |g| {
            let extras = GapExtras {
                verdict: g.verdict,
                sources: g.sources.clone(),
                note: g.note.clone(),
            };
            [
                NO_TERM_FOUND.to_owned(),
                String::new(),
                Relation::Exact.to_string(),
                g.category.to_string(),
                inert(&title(data, &g.category)),
                Justification::ManualMappingCuration.curie().to_owned(),
                String::new(),
                source.clone(),
                xsd_date(j.as_of),
                inert(&g.checked),
                other_json(&extras),
                record_id(&format!("{}:gap", j.code.prefix()), g.category.as_str()),
            ]
        })
}

/// The `record_id` of a row: `record:` and the subject's and the category's ids as a path,
/// e.g. `record:sg/cma1993/s3/un2024/art7`, or `record:sg/gap/un2024/art15` for a gap; unique
/// in a set because a provision maps onto a category once.
fn record_id(subject: &str, category: &str) -> String {
    format!(
        "{RECORD_PREFIX}:{}/{}",
        subject.replacen(':', "/", 1),
        category.replacen(':', "/", 1)
    )
}

/// A text cell: on one line, and never read as a spreadsheet formula.
fn inert(text: &str) -> String {
    spreadsheet_safe(&super::escape_cell(text))
}

fn title(data: &Dataset, category: &crate::CategoryId) -> String {
    data.category(category)
        .map(|c| c.category.title.clone())
        .unwrap_or_default()
}
