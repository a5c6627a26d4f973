//! Consistency rules over parsed files. Every rule reports a [`Diagnostic`]; none panics.

use std::fmt;

use foldhash::{HashMap, HashSet};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::distance::edit_distance;
use crate::load::{Parsed, ParsedSet};
use crate::{
    Category, Date, GapVerdict, Jurisdiction, LocalId, Mapping, ProvisionId, Relation, Source,
    Taxonomy,
};

/// The taxonomy whose offence categories every jurisdiction must have a verdict for.
pub const CONVENTION: &str = "un2024";

/// Category lookup across all parsed taxonomies.
struct Categories<'a> {
    by_id: HashMap<String, &'a Category>,
}

impl<'a> Categories<'a> {
    fn new(taxonomies: &'a [Parsed<Taxonomy>]) -> Self {
        let by_id = taxonomies
            .iter()
            .flat_map(|t| {
                t.value
                    .categories
                    .iter()
                    .map(move |c| (format!("{}:{}", t.value.id, c.id), c))
            })
            .collect();
        Self { by_id }
    }

    fn get(&self, id: &str) -> Option<&'a Category> {
        self.by_id.get(id).copied()
    }

    /// "unknown category `x`", with the closest known id when one is near.
    fn unknown_message(&self, id: &str) -> String {
        // The hint costs |id| x |known id| per candidate: only for id-sized inputs.
        if id.len() > 64 {
            return format!(
                "unknown category `{}…` ({} bytes)",
                id.chars().take(64).collect::<String>(),
                id.len()
            );
        }
        let nearest = self
            .by_id
            .keys()
            .map(|k| (edit_distance(k, id), k))
            .filter(|(d, _)| *d <= 2)
            .min();
        match nearest {
            Some((_, k)) => format!("unknown category `{id}` (did you mean `{k}`?)"),
            None => format!("unknown category `{id}`"),
        }
    }
}

/// Records `item` in a short list; false when it was already there. (The lists checked for
/// repeats inside one mapping hold a handful of items: a scan beats hashing.)
fn is_new<T: PartialEq>(seen: &mut Vec<T>, item: T) -> bool {
    if seen.contains(&item) {
        false
    } else {
        seen.push(item);
        true
    }
}

/// Runs every rule.
pub(crate) fn check(set: &ParsedSet, out: &mut Vec<Diagnostic>) {
    let categories = Categories::new(&set.taxonomies);
    for taxonomy in &set.taxonomies {
        check_taxonomy(taxonomy, &categories, out);
    }
    check_alignments(set, &categories, out);
    let taxonomy_ids: HashSet<String> = set
        .taxonomies
        .iter()
        .map(|t| t.value.id.to_string())
        .collect();
    check_cooperation_treaties(set, &taxonomy_ids, out);
    let provisions = set
        .jurisdictions
        .iter()
        .map(|j| j.value.provisions.len())
        .sum();
    let mut provision_ids: HashMap<&ProvisionId, &str> =
        HashMap::with_capacity_and_hasher(provisions, Default::default());
    for jurisdiction in &set.jurisdictions {
        check_jurisdiction(
            jurisdiction,
            &categories,
            &taxonomy_ids,
            &mut provision_ids,
            out,
        );
    }
    check_verdicts(set, out);
    check_state_names(set, out);
}

fn error(p: &Parsed<impl Sized>, code: Code, path: String, msg: String) -> Diagnostic {
    p.diagnostic(Severity::Error, code, path, msg)
}

/// Reports a source without a title at `path.field.title`.
fn check_source(
    p: &Parsed<impl Sized>,
    source: &Source,
    (path, field): (impl fmt::Display, &str),
    out: &mut Vec<Diagnostic>,
) {
    if source.title.trim().is_empty() {
        out.push(error(
            p,
            Code::MissingText,
            format!("{}.title", join_path(path, field)),
            "source has an empty title: name the statute, treaty or page that was read".into(),
        ));
    }
}

/// `path.field`, or `field` at the top level.
fn join_path(path: impl fmt::Display, field: &str) -> String {
    let path = path.to_string();
    if path.is_empty() {
        field.to_owned()
    } else if field.is_empty() {
        path
    } else {
        format!("{path}.{field}")
    }
}

/// Where a record sits in its file, as `provisions[3].mappings[1]`: written out only when a
/// finding names it, so that checking a record that has none builds no string.
#[derive(Clone, Copy)]
enum At<'a> {
    /// `list[index]` at the top of the file.
    Item(&'static str, usize),
    /// `parent.list[index]`.
    In(&'a At<'a>, &'static str, usize),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Item(list, i) => write!(f, "{list}[{i}]"),
            At::In(parent, list, i) => write!(f, "{parent}.{list}[{i}]"),
        }
    }
}

/// Reports an empty text at `path.field` (the path is only built when there is a finding).
fn check_text(
    p: &Parsed<impl Sized>,
    text: &str,
    (path, field): (impl fmt::Display, &str),
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    if text.trim().is_empty() {
        out.push(error(
            p,
            Code::MissingText,
            join_path(path, field),
            format!("{what} is empty"),
        ));
    }
}

fn check_dates(
    p: &Parsed<impl Sized>,
    from: Option<Date>,
    until: Option<Date>,
    path: impl fmt::Display,
    names: (&str, &str),
    out: &mut Vec<Diagnostic>,
) {
    if let (Some(from), Some(until)) = (from, until) {
        if from.certainly_after(&until) {
            out.push(error(
                p,
                Code::InvertedDates,
                format!("{path}.{}", names.1),
                format!("`{}` {from} is after `{}` {until}", names.0, names.1),
            ));
        }
    }
}

fn check_taxonomy(p: &Parsed<Taxonomy>, categories: &Categories, out: &mut Vec<Diagnostic>) {
    let t = &p.value;
    if t.sources.is_empty() {
        out.push(error(
            p,
            Code::MissingText,
            "sources".into(),
            "a taxonomy needs at least one source".into(),
        ));
    }
    for (i, s) in t.sources.iter().enumerate() {
        check_source(p, s, ("", &format!("sources[{i}]")), out);
    }
    check_dates(p, t.adopted, t.in_force, "", ("adopted", "in_force"), out);
    let mut seen = HashSet::default();
    for (ci, c) in t.categories.iter().enumerate() {
        let path = format!("categories[{ci}]");
        if !seen.insert(c.id.as_str()) {
            out.push(error(
                p,
                Code::DuplicateId,
                format!("{path}.id"),
                format!("category `{}:{}` is defined twice", t.id, c.id),
            ));
        }
        if c.article.as_deref().is_some_and(|a| a.trim().is_empty()) {
            out.push(error(
                p,
                Code::MissingText,
                format!("{path}.article"),
                format!(
                    "`{}:{}` has an empty article number: leave `article` out for a category without one (e.g. a draft-era proposal)",
                    t.id, c.id
                ),
            ));
        }
        check_text(p, &c.title, (&path, "title"), "title", out);
        let procedural = c.class == crate::CategoryClass::Procedural;
        if procedural != c.power.is_some() {
            let message = if procedural {
                format!(
                    "procedural category `{}:{}` needs `power`: `safeguards`, `preservation` or `measure`",
                    t.id, c.id
                )
            } else {
                format!(
                    "`power` belongs to procedural categories only; `{}:{}` is {}",
                    t.id,
                    c.id,
                    c.class.as_str()
                )
            };
            out.push(error(p, Code::Schema, format!("{path}.power"), message));
        }
        if let Some(s) = &c.source {
            check_source(p, s, (&path, "source"), out);
        }
        let mut local = HashSet::default();
        for (ei, e) in c.elements.iter().enumerate() {
            if !local.insert(e.id.as_str()) {
                out.push(error(
                    p,
                    Code::DuplicateId,
                    format!("{path}.elements[{ei}].id"),
                    format!("`{}` is defined twice in `{}:{}`", e.id, t.id, c.id),
                ));
            }
        }
        for (qi, q) in c.qualifications.iter().enumerate() {
            let qpath = format!("{path}.qualifications[{qi}]");
            if !local.insert(q.id.as_str()) {
                out.push(error(
                    p,
                    Code::DuplicateId,
                    format!("{qpath}.id"),
                    format!(
                        "`{}` is already an element or qualification of `{}:{}`",
                        q.id, t.id, c.id
                    ),
                ));
            }
            for (wi, w) in q.kind.waives().iter().enumerate() {
                if c.element(w.as_str()).is_none() {
                    out.push(error(
                        p,
                        Code::UnknownElement,
                        format!("{qpath}.waives[{wi}]"),
                        format!("`{}:{}` has no element `{w}`", t.id, c.id),
                    ));
                }
            }
        }
        if let Some(h) = &c.history {
            for (si, s) in h.successors.iter().enumerate() {
                if categories.get(s.as_str()).is_none() {
                    out.push(error(
                        p,
                        Code::UnknownCategory,
                        format!("{path}.history.successors[{si}]"),
                        categories.unknown_message(s.as_str()),
                    ));
                }
            }
        }
    }
}

fn check_alignments(set: &ParsedSet, categories: &Categories, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::default();
    for p in &set.alignments {
        for (i, a) in p.value.relations.iter().enumerate() {
            for (field, id) in [("subject", &a.subject), ("object", &a.object)] {
                if categories.get(id.as_str()).is_none() {
                    out.push(error(
                        p,
                        Code::UnknownCategory,
                        format!("relations[{i}].{field}"),
                        categories.unknown_message(id.as_str()),
                    ));
                }
            }
            if !seen.insert((a.subject.clone(), a.object.clone())) {
                out.push(error(
                    p,
                    Code::DuplicateId,
                    format!("relations[{i}]"),
                    format!("`{}` and `{}` are aligned twice", a.subject, a.object),
                ));
            }
        }
        let mut seen_iccs = HashSet::default();
        for (i, link) in p.value.iccs.iter().enumerate() {
            if categories.get(link.category.as_str()).is_none() {
                out.push(error(
                    p,
                    Code::UnknownCategory,
                    format!("iccs[{i}].category"),
                    categories.unknown_message(link.category.as_str()),
                ));
            }
            if link.codes.is_empty() && link.note.trim().is_empty() {
                out.push(error(
                    p,
                    Code::MissingText,
                    format!("iccs[{i}].note"),
                    format!(
                        "`{}` has no ICCS codes and no note: say why (the ICCS has no class for it, or none was confirmed)",
                        link.category
                    ),
                ));
            }
            if !seen_iccs.insert(link.category.clone()) {
                out.push(error(
                    p,
                    Code::DuplicateId,
                    format!("iccs[{i}].category"),
                    format!("ICCS codes for `{}` are given twice", link.category),
                ));
            }
        }
    }
}

fn check_jurisdiction<'a>(
    p: &'a Parsed<Jurisdiction>,
    categories: &Categories,
    taxonomy_ids: &HashSet<String>,
    provision_ids: &mut HashMap<&'a ProvisionId, &'a str>,
    out: &mut Vec<Diagnostic>,
) {
    check_text(p, &p.value.name, ("", "name"), "name", out);
    check_treaties(p, taxonomy_ids, out);
    let instruments = check_instruments(p, out);
    let mapped = check_provisions(p, categories, &instruments, provision_ids, out);
    check_gaps(p, categories, &mapped, out);
    for (i, a) in p.value.authorities.iter().enumerate() {
        let path = At::Item("authorities", i);
        check_text(p, &a.name, (&path, "name"), "authority name", out);
        check_source(p, &a.source, (&path, "source"), out);
    }
}

/// Treaty records name a known treaty, a readable source and dates in order.
fn check_treaties(
    p: &Parsed<Jurisdiction>,
    taxonomy_ids: &HashSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    let j = &p.value;
    for (i, t) in j.treaties.iter().enumerate() {
        let path = At::Item("treaties", i);
        if !taxonomy_ids.contains(t.treaty.as_str()) {
            out.push(error(
                p,
                Code::DanglingReference,
                format!("{path}.treaty"),
                format!("unknown treaty `{}`: expected a taxonomy id", t.treaty),
            ));
        }
        if let Some(s) = &t.source {
            check_source(p, s, (&path, "source"), out);
        }
        check_dates(p, t.signed, t.consented, path, ("signed", "consented"), out);
    }
}

/// Instruments: ids inside the jurisdiction, once each, titled and sourced; their ids.
fn check_instruments<'a>(
    p: &'a Parsed<Jurisdiction>,
    out: &mut Vec<Diagnostic>,
) -> HashSet<&'a str> {
    let j = &p.value;
    let prefix = j.code.prefix();
    let mut instruments = HashSet::default();
    for (i, ins) in j.instruments.iter().enumerate() {
        let path = At::Item("instruments", i);
        if ins.id.jurisdiction() != j.code {
            out.push(error(
                p,
                Code::IdMismatch,
                format!("{path}.id"),
                format!(
                    "instrument `{}` does not start with this jurisdiction's prefix `{prefix}:`",
                    ins.id
                ),
            ));
        }
        if !instruments.insert(ins.id.as_str()) {
            out.push(error(
                p,
                Code::DuplicateId,
                format!("{path}.id"),
                format!("instrument `{}` is defined twice", ins.id),
            ));
        }
        check_text(p, &ins.title, (&path, "title"), "title", out);
        check_source(p, &ins.source, (&path, "source"), out);
        if ins.pending.is_some() && ins.status != crate::LegalStatus::NotYetInForce {
            out.push(error(
                p,
                Code::InconsistentMapping,
                format!("{path}.pending"),
                format!(
                    "instrument `{}` has a law-making stage but its status is `{}`: a pending text has status `not-yet-in-force`",
                    ins.id,
                    ins.status.as_str()
                ),
            ));
        }
        check_dates(
            p,
            ins.enacted,
            ins.in_force,
            path,
            ("enacted", "in_force"),
            out,
        );
        check_dates(p, ins.in_force, ins.until, path, ("in_force", "until"), out);
    }

    instruments
}

/// Provisions and their mappings; returns, per category a provision covers, the first such
/// provision (for the gap-record check).
fn check_provisions<'a>(
    p: &'a Parsed<Jurisdiction>,
    categories: &Categories,
    instruments: &HashSet<&str>,
    provision_ids: &mut HashMap<&'a ProvisionId, &'a str>,
    out: &mut Vec<Diagnostic>,
) -> HashMap<&'a str, usize> {
    let j = &p.value;
    let prefix = j.code.prefix();
    let mut mapped: HashMap<&str, usize> = HashMap::default();
    for (i, pr) in j.provisions.iter().enumerate() {
        let path = At::Item("provisions", i);
        if let Some(first) = provision_ids.insert(&pr.id, &p.source.name) {
            out.push(error(
                p,
                Code::DuplicateId,
                format!("{path}.id"),
                format!("provision `{}` is already defined in {first}", pr.id),
            ));
        }
        if pr.id.jurisdiction() != j.code {
            out.push(error(
                p,
                Code::IdMismatch,
                format!("{path}.id"),
                format!(
                    "provision `{}` does not start with this jurisdiction's prefix `{prefix}:`",
                    pr.id
                ),
            ));
        } else if pr.id.instrument() != pr.instrument.as_str() {
            out.push(error(
                p,
                Code::IdMismatch,
                format!("{path}.id"),
                format!(
                    "provision `{}` is not inside its instrument `{}`",
                    pr.id, pr.instrument
                ),
            ));
        }
        if !instruments.contains(pr.instrument.as_str()) {
            out.push(error(
                p,
                Code::DanglingReference,
                format!("{path}.instrument"),
                format!(
                    "unknown instrument `{}`: add it to `instruments`",
                    pr.instrument
                ),
            ));
        }
        check_text(p, &pr.number, (&path, "number"), "number", out);
        check_text(p, &pr.summary, (&path, "summary"), "summary", out);
        check_source(p, &pr.source, (&path, "source"), out);
        check_dates(p, pr.in_force, pr.until, path, ("in_force", "until"), out);
        check_penalties(p, pr, &path, out);
        for (ci, c) in pr.contested.iter().enumerate() {
            let cpath = At::In(&path, "contested", ci);
            check_text(p, &c.reading, (&cpath, "reading"), "reading", out);
            check_source(p, &c.source, (&cpath, "source"), out);
        }
        for (ri, r) in pr.replaced_by.iter().enumerate() {
            if !j.provisions.iter().any(|q| &q.id == r) {
                out.push(error(
                    p,
                    Code::DanglingReference,
                    format!("{path}.replaced_by[{ri}]"),
                    format!("unknown provision `{r}`: `replaced_by` names provisions of this file"),
                ));
            }
        }

        let mut targets = Vec::with_capacity(pr.mappings.len());
        for (mi, m) in pr.mappings.iter().enumerate() {
            let mpath = At::In(&path, "mappings", mi);
            if !is_new(&mut targets, m.category.as_str()) {
                out.push(error(
                    p,
                    Code::DuplicateId,
                    format!("{mpath}.category"),
                    format!("`{}` is mapped onto `{}` twice", pr.id, m.category),
                ));
            }
            match categories.get(m.category.as_str()) {
                None => out.push(error(
                    p,
                    Code::UnknownCategory,
                    format!("{mpath}.category"),
                    categories.unknown_message(m.category.as_str()),
                )),
                Some(c) => check_mapping(p, m, c, &mpath, out),
            }
            if m.relation.counts_as_coverage() {
                mapped.entry(m.category.as_str()).or_insert(i);
            }
        }
    }

    mapped
}

/// Gap records: known categories, one each, and none where a provision maps.
fn check_gaps(
    p: &Parsed<Jurisdiction>,
    categories: &Categories,
    mapped: &HashMap<&str, usize>,
    out: &mut Vec<Diagnostic>,
) {
    let j = &p.value;
    let mut gapped = HashSet::default();
    for (i, g) in j.gaps.iter().enumerate() {
        let path = At::Item("gaps", i);
        if categories.get(g.category.as_str()).is_none() {
            out.push(error(
                p,
                Code::UnknownCategory,
                format!("{path}.category"),
                categories.unknown_message(g.category.as_str()),
            ));
        }
        if !gapped.insert(g.category.as_str()) {
            out.push(error(
                p,
                Code::DuplicateId,
                format!("{path}.category"),
                format!("`{}` has two gap records", g.category),
            ));
        }
        if let Some(&at) = mapped.get(g.category.as_str()) {
            out.push(error(
                p,
                Code::ConflictingVerdict,
                format!("{path}.category"),
                format!(
                    "`{}` is recorded as {} but `{}` maps onto it",
                    g.category,
                    match g.verdict {
                        GapVerdict::Gap => "a gap",
                        GapVerdict::NotResearched => "not researched",
                    },
                    j.provisions[at].id
                ),
            ));
        }
        check_text(p, &g.checked, (&path, "checked"), "`checked`", out);
        for (si, s) in g.sources.iter().enumerate() {
            check_source(p, s, (At::In(&path, "sources", si), ""), out);
        }
    }
}

/// Reports penalty records without a source title, or with a minimum above the maximum.
fn check_penalties(
    p: &Parsed<Jurisdiction>,
    pr: &crate::Provision,
    path: &At<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for (i, pen) in pr.penalties.iter().enumerate() {
        let ppath = At::In(path, "penalties", i);
        check_source(p, &pen.source, (&ppath, "source"), out);
        if let (Some(min), Some(max)) = (pen.min_imprisonment, pen.max_imprisonment) {
            let longer = match (min.months(), max.months()) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => a > b,
                _ => false,
            };
            if longer {
                out.push(error(
                    p,
                    Code::OutOfRange,
                    format!("{ppath}.min_imprisonment"),
                    format!("minimum imprisonment {min} is longer than the maximum {max}"),
                ));
            }
        }
    }
}

fn check_mapping(
    p: &Parsed<Jurisdiction>,
    m: &Mapping,
    c: &Category,
    path: &At<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<&LocalId> = Vec::with_capacity(m.covers.len());
    for (i, e) in m.covers.iter().enumerate() {
        if c.element(e.as_str()).is_none() {
            let known: Vec<&str> = c.elements.iter().map(|e| e.id.as_str()).collect();
            out.push(error(
                p,
                Code::UnknownElement,
                format!("{path}.covers[{i}]"),
                format!(
                    "`{}` has no element `{e}`; its elements are: {}",
                    m.category,
                    known.join(", ")
                ),
            ));
        } else if !is_new(&mut seen, e) {
            out.push(error(
                p,
                Code::DuplicateId,
                format!("{path}.covers[{i}]"),
                format!("element `{e}` is listed twice"),
            ));
        }
    }
    for (i, q) in m.qualifications.iter().enumerate() {
        if c.qualification(q.as_str()).is_none() {
            let known: Vec<&str> = c.qualifications.iter().map(|q| q.id.as_str()).collect();
            out.push(error(
                p,
                Code::QualificationNotPermitted,
                format!("{path}.qualifications[{i}]"),
                if known.is_empty() {
                    format!(
                        "`{}` permits no qualification, so `{q}` is not permitted; record it under `extra_conditions`",
                        m.category
                    )
                } else {
                    format!(
                        "`{}` does not permit `{q}`; it permits: {}; record other conditions under `extra_conditions`",
                        m.category,
                        known.join(", ")
                    )
                },
            ));
        }
    }
    let mut extra = Vec::with_capacity(m.extra_conditions.len());
    for (i, x) in m.extra_conditions.iter().enumerate() {
        if !is_new(&mut extra, &x.id) {
            out.push(error(
                p,
                Code::DuplicateId,
                format!("{path}.extra_conditions[{i}].id"),
                format!("extra condition `{}` is listed twice", x.id),
            ));
        }
        check_text(
            p,
            &x.description,
            (At::In(path, "extra_conditions", i), "description"),
            "description",
            out,
        );
    }
    if m.relation == Relation::Exact {
        let missing: Vec<&str> = c
            .elements
            .iter()
            .filter(|e| !m.covers.contains(&e.id))
            .map(|e| e.id.as_str())
            .collect();
        if !missing.is_empty() || !m.extra_conditions.is_empty() {
            out.push(p.diagnostic(
                Severity::Warning,
                Code::InconsistentMapping,
                format!("{path}.relation"),
                format!(
                    "an exactMatch onto `{}` should cover every element and add no extra condition{}",
                    m.category,
                    if missing.is_empty() {
                        String::new()
                    } else {
                        format!(" (missing: {})", missing.join(", "))
                    }
                ),
            ));
        }
    }
}

/// What a State's name is to it, for messages.
#[derive(Clone, Copy)]
enum NameKind {
    Code,
    Name,
    Alias,
}

impl NameKind {
    fn word(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Name => "name",
            Self::Alias => "alias",
        }
    }
    /// `the code of`, `the name of`, `an alias of`.
    fn of(self) -> &'static str {
        match self {
            Self::Code => "the code of",
            Self::Name => "the name of",
            Self::Alias => "an alias of",
        }
    }
}

/// Each State's code, name and aliases pick out that State alone, compared as
/// [`Dataset::lookup`](crate::Dataset::lookup) compares them: a name shared by two States is an
/// error in the later file, an alias that repeats the State's own code, name or alias a warning.
fn check_state_names(set: &ParsedSet, out: &mut Vec<Diagnostic>) {
    use crate::lookup::normalise;
    // normalised name -> (State, what the name is to it, the file)
    let mut owners: HashMap<String, (crate::JurisdictionCode, NameKind, &str)> = HashMap::default();
    let names = set.jurisdictions.iter().flat_map(|p| {
        let j = &p.value;
        [
            (p, j.code.to_string(), NameKind::Code, "code".to_owned()),
            (p, j.name.clone(), NameKind::Name, "name".to_owned()),
        ]
    });
    let aliases = set.jurisdictions.iter().flat_map(|p| {
        p.value
            .aliases
            .iter()
            .enumerate()
            .map(move |(i, a)| (p, a.clone(), NameKind::Alias, format!("aliases[{i}]")))
    });
    // Codes and names first, so that an alias meets every State's name whatever the file order.
    for (p, name, kind, path) in names.chain(aliases) {
        let code = p.value.code;
        let key = normalise(&name);
        if key.is_empty() {
            if matches!(kind, NameKind::Alias) {
                out.push(error(
                    p,
                    Code::MissingText,
                    path,
                    format!("alias `{name}` has no letters or digits"),
                ));
            }
            continue;
        }
        match owners.get(&key) {
            None => {
                owners.insert(key, (code, kind, &p.source.name));
            }
            Some(&(owner, _, _)) if owner == code && !matches!(kind, NameKind::Alias) => {}
            Some(&(owner, owner_kind, _)) if owner == code => out.push(p.diagnostic(
                Severity::Warning,
                Code::DuplicateId,
                path,
                format!(
                    "alias `{name}` repeats {} {code}: remove it",
                    owner_kind.of()
                ),
            )),
            Some(&(owner, owner_kind, file)) => out.push(error(
                p,
                Code::DuplicateId,
                path,
                format!(
                    "{} `{name}` is already {} {owner} in {file}: a name must pick out one State",
                    kind.word(),
                    owner_kind.of()
                ),
            )),
        }
    }
}

/// Every jurisdiction needs a verdict (a covering mapping or a gap record) for every offence
/// category of the Convention.
fn check_verdicts(set: &ParsedSet, out: &mut Vec<Diagnostic>) {
    let Some(convention) = set
        .taxonomies
        .iter()
        .find(|t| t.value.id.as_str() == CONVENTION)
    else {
        return;
    };
    let offences: Vec<String> = convention
        .value
        .offences()
        .map(|(id, _)| id.to_string())
        .collect();
    for p in &set.jurisdictions {
        let j = &p.value;
        let mut has: HashSet<&str> = j.gaps.iter().map(|g| g.category.as_str()).collect();
        for pr in &j.provisions {
            for m in &pr.mappings {
                if m.relation.counts_as_coverage() {
                    has.insert(m.category.as_str());
                }
            }
        }
        let missing: Vec<&str> = offences
            .iter()
            .map(String::as_str)
            .filter(|c| !has.contains(c))
            .collect();
        if !missing.is_empty() {
            out.push(p.diagnostic(
                Severity::Warning,
                Code::MissingVerdict,
                "gaps",
                format!(
                    "{} has no verdict for {}: map a provision or add a gap record (verdict `gap` or `not-researched`)",
                    j.code,
                    missing.join(", ")
                ),
            ));
        }
    }
}

/// Cooperation treaties: unique ids within a layer, a taxonomy link that exists (and then no
/// party records of its own), two parties for a bilateral treaty, one record per State,
/// thresholds with their months, sources with titles, and dates in order.
fn check_cooperation_treaties(
    set: &ParsedSet,
    taxonomy_ids: &HashSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    use crate::{RuleKind, TreatyScope};
    let mut seen: HashMap<(String, usize), String> = HashMap::default();
    for p in &set.treaties {
        for (i, t) in p.value.treaties.iter().enumerate() {
            let path = At::Item("treaties", i);
            if let Some(first) = seen.insert((t.id.to_string(), p.layer), p.source.name.clone()) {
                out.push(error(
                    p,
                    Code::DuplicateId,
                    format!("{path}.id"),
                    format!("treaty `{}` is already defined in {first}", t.id),
                ));
            }
            check_source(p, &t.source, (&path, "source"), out);
            if let Some(tax) = &t.taxonomy {
                if !taxonomy_ids.contains(tax.as_str()) {
                    out.push(error(
                        p,
                        Code::DanglingReference,
                        format!("{path}.taxonomy"),
                        format!("no taxonomy `{tax}` is loaded"),
                    ));
                }
                if !t.parties.is_empty() {
                    out.push(error(
                        p,
                        Code::InconsistentMapping,
                        format!("{path}.parties"),
                        format!(
                            "treaty `{}` is modelled by taxonomy `{tax}`: its party records belong in the jurisdiction files (`treaties` there), not here",
                            t.id
                        ),
                    ));
                }
            }
            if t.scope == TreatyScope::Bilateral && t.parties.len() != 2 {
                out.push(error(
                    p,
                    Code::OutOfRange,
                    format!("{path}.parties"),
                    format!(
                        "bilateral treaty `{}` needs exactly two party records, found {}",
                        t.id,
                        t.parties.len()
                    ),
                ));
            }
            if let (Some(signed), Some(from)) = (t.signed, t.in_force) {
                if signed.certainly_after(&from) {
                    out.push(error(
                        p,
                        Code::InvertedDates,
                        format!("{path}.in_force"),
                        format!("in force {from} before it was signed {signed}"),
                    ));
                }
            }
            let mut states = HashSet::default();
            for (k, party) in t.parties.iter().enumerate() {
                let ppath = format!("{path}.parties[{k}]");
                if !states.insert(party.state) {
                    out.push(error(
                        p,
                        Code::DuplicateId,
                        format!("{ppath}.state"),
                        format!("`{}` has two records for treaty `{}`", party.state, t.id),
                    ));
                }
                check_source(p, &party.source, (&ppath, "source"), out);
            }
            for (k, rule) in t.rules.iter().enumerate() {
                let needs_months = matches!(rule.kind, RuleKind::ExtraditionThreshold);
                if needs_months && rule.months.is_none() {
                    out.push(error(
                        p,
                        Code::MissingText,
                        format!("{path}.rules[{k}].months"),
                        format!("a `{}` rule needs `months`", rule.kind.as_str()),
                    ));
                }
            }
        }
    }
}
