//! Crosswalk for statistics: counts per national provision aggregated to categories and ICCS
//! codes, flagging provisions that map onto several categories instead of double counting.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;

use serde::Serialize;

use crate::{CategoryId, Dataset, Error, ProvisionId};

/// One input row: a count of recorded offences (or cases) under a provision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The provision.
    pub provision: ProvisionId,
    /// The count.
    pub count: u64,
    /// The input line, from 1 (the header is line 1).
    pub line: u64,
}

/// Reads `provision,count` CSV (with that header). Every malformed row is an error naming the
/// file and line; a provision listed twice is an error too.
pub fn read_counts(name: &str, reader: impl Read) -> Result<Vec<Count>, Error> {
    let mut csv = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(reader);
    let table = |line: u64, message: String| Error::Table {
        file: name.to_owned(),
        line,
        message,
    };
    let headers = csv
        .headers()
        .map_err(|e| table(1, format!("cannot read the header: {e}")))?
        .clone();
    let column = |wanted: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(wanted));
    let (Some(pc), Some(cc)) = (column("provision"), column("count")) else {
        return Err(table(
            1,
            format!(
                "expected a header with columns `provision` and `count`, found `{}`",
                headers.iter().collect::<Vec<_>>().join(",")
            ),
        ));
    };
    let mut out = Vec::new();
    let mut seen: HashMap<ProvisionId, u64> = HashMap::new();
    for record in csv.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => format!("expected {expected_len} fields, found {len}"),
                csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_owned(),
                _ => e.to_string(),
            };
            table(line, format!("malformed row: {message}"))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let provision: ProvisionId = record
            .get(pc)
            .unwrap_or("")
            .parse()
            .map_err(|e| table(line, format!("{e}")))?;
        let raw = record.get(cc).unwrap_or("");
        let count: u64 = raw.parse().map_err(|_| {
            table(
                line,
                format!("count `{raw}` is not a whole number of zero or more"),
            )
        })?;
        if let Some(first) = seen.insert(provision.clone(), line) {
            return Err(table(
                line,
                format!("`{provision}` is listed twice (first on line {first})"),
            ));
        }
        out.push(Count {
            provision,
            count,
            line,
        });
    }
    Ok(out)
}

/// Totals for one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryTotal {
    /// The category.
    pub category: CategoryId,
    /// Its ICCS codes.
    pub iccs: Vec<String>,
    /// Counts from provisions that map onto this category only.
    pub exclusive: u64,
    /// Counts from provisions that also map onto other categories (counted in each).
    pub shared: u64,
    /// The provisions counted.
    pub provisions: Vec<ProvisionId>,
}

/// Totals for one ICCS code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IccsTotal {
    /// The code.
    pub code: String,
    /// Counts from provisions reaching this code only.
    pub exclusive: u64,
    /// Counts from provisions that reach other codes too.
    pub shared: u64,
}

/// A provision mapped onto several categories: its count appears in each as `shared`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OneToMany {
    /// The provision.
    pub provision: ProvisionId,
    /// Its count.
    pub count: u64,
    /// The categories.
    pub categories: Vec<CategoryId>,
}

/// The crosswalk result. Nothing is dropped: every input row ends up in a category total, in
/// `unmapped` or in `unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Crosswalk {
    /// The taxonomy aggregated to.
    pub taxonomy: String,
    /// The sum of all input counts, each counted once.
    pub total: u64,
    /// Per category, in taxonomy order.
    pub categories: Vec<CategoryTotal>,
    /// Per ICCS code.
    pub iccs: Vec<IccsTotal>,
    /// Provisions counted in several categories.
    pub one_to_many: Vec<OneToMany>,
    /// Known provisions with no covering mapping onto the taxonomy.
    pub unmapped: Vec<Count>,
    /// Rows naming a provision the dataset does not have.
    pub unknown: Vec<Count>,
}

/// Aggregates counts to the categories of `taxonomy` (e.g. `un2024`).
pub fn crosswalk(data: &Dataset, taxonomy: &str, counts: &[Count]) -> Result<Crosswalk, Error> {
    let t = data
        .taxonomy_str(taxonomy)
        .ok_or_else(|| Error::UnknownId {
            kind: "taxonomy",
            id: taxonomy.to_owned(),
        })?;
    let mut totals: BTreeMap<usize, CategoryTotal> = BTreeMap::new();
    let order: HashMap<CategoryId, usize> = t
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (CategoryId::new(&t.id, &c.id), i))
        .collect();
    let mut iccs: BTreeMap<String, IccsTotal> = BTreeMap::new();
    let (mut one_to_many, mut unmapped, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    let mut total = 0u64;
    for row in counts {
        total = total.saturating_add(row.count);
        let Some(p) = data.provision(&row.provision) else {
            unknown.push(row.clone());
            continue;
        };
        let mut cats: Vec<&CategoryId> = p
            .provision
            .mappings
            .iter()
            .filter(|m| m.relation.counts_as_coverage() && order.contains_key(&m.category))
            .map(|m| &m.category)
            .collect();
        cats.sort_by_key(|c| order.get(*c));
        cats.dedup();
        if cats.is_empty() {
            unmapped.push(row.clone());
            continue;
        }
        let shared = cats.len() > 1;
        if shared {
            one_to_many.push(OneToMany {
                provision: row.provision.clone(),
                count: row.count,
                categories: cats.iter().map(|c| (*c).clone()).collect(),
            });
        }
        let mut codes: Vec<&String> = Vec::new();
        for c in &cats {
            let Some(&i) = order.get(*c) else { continue };
            let entry = totals.entry(i).or_insert_with(|| CategoryTotal {
                category: (*c).clone(),
                iccs: data.iccs(c).map(|l| l.codes.clone()).unwrap_or_default(),
                exclusive: 0,
                shared: 0,
                provisions: Vec::new(),
            });
            if shared {
                entry.shared = entry.shared.saturating_add(row.count);
            } else {
                entry.exclusive = entry.exclusive.saturating_add(row.count);
            }
            entry.provisions.push(row.provision.clone());
            if let Some(l) = data.iccs(c) {
                codes.extend(l.codes.iter());
            }
        }
        codes.sort();
        codes.dedup();
        let shared_code = codes.len() > 1;
        for code in codes {
            let e = iccs.entry(code.clone()).or_insert_with(|| IccsTotal {
                code: code.clone(),
                exclusive: 0,
                shared: 0,
            });
            if shared_code {
                e.shared = e.shared.saturating_add(row.count);
            } else {
                e.exclusive = e.exclusive.saturating_add(row.count);
            }
        }
    }
    Ok(Crosswalk {
        taxonomy: t.id.to_string(),
        total,
        categories: totals.into_values().collect(),
        iccs: iccs.into_values().collect(),
        one_to_many,
        unmapped,
        unknown,
    })
}
