//! Deterministic synthetic jurisdictions, for benchmarks and property tests.
//!
//! The same `(jurisdictions, provisions, seed)` always gives the same data. Generated
//! jurisdictions use user-assigned codes (`XA-0`, `XB-0`, …) so they never collide with real
//! States, map onto the embedded Convention categories, and carry hostile text (markup, table
//! pipes, quotes, line breaks, non-Latin script) in their free-text fields to exercise escaping.

use crate::{
    Confidence, Dataset, Date, ExtraCondition, GapRecord, GapVerdict, Instrument, InstrumentKind,
    Jurisdiction, Justification, LegalStatus, LocalId, Mapping, OutsideConvention, Provision,
    Relation, Source, Theme,
};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Number of jurisdictions, at most [`MAX_JURISDICTIONS`] (more are not generated).
    pub jurisdictions: usize,
    /// Number of provisions per jurisdiction.
    pub provisions: usize,
    /// Seed of the pseudo-random choices.
    pub seed: u64,
}

/// A small, fast, deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const HOSTILE: [&str; 6] = [
    "plain words",
    "<script>alert('x')</script> & \"quotes\"",
    "a | pipe | in a table",
    "line one\nline two",
    "ពាក្យខ្មែរ และภาษาไทย",
    "trailing backslash \\",
];

fn text(rng: &mut Rng, prefix: &str) -> String {
    format!("{prefix}: {}", HOSTILE[rng.below(HOSTILE.len())])
}

fn parse<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.parse().ok()
}

/// The most jurisdictions the generator can name: `XA`-`XZ` with a subdivision of up to three
/// base-36 characters (`XA-0` ... `XZ-ZZZ`).
pub const MAX_JURISDICTIONS: usize = 26 * 36 * 36 * 36;

/// The user-assigned code of generated jurisdiction `i` (below [`MAX_JURISDICTIONS`]).
pub fn code(i: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let letter = char::from(b'A' + (i % 26) as u8);
    let mut n = i / 26;
    let mut sub = Vec::with_capacity(3);
    loop {
        sub.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    sub.reverse();
    format!("X{letter}-{}", String::from_utf8_lossy(&sub))
}

/// Generates jurisdictions mapped onto the Convention categories of `data`.
pub fn jurisdictions(data: &Dataset, options: Options) -> Vec<Jurisdiction> {
    let mut rng = Rng(options.seed);
    let categories: Vec<_> = data
        .taxonomy_str(crate::CONVENTION)
        .map(|t| t.offences().collect())
        .unwrap_or_default();
    let checked = Date::ymd(2026, 11, 28);
    let source = |title: String| Source {
        title,
        url: Some("https://example.org/synthetic".to_owned()),
        checked,
        locator: None,
        note: None,
    };
    (0..options.jurisdictions.min(MAX_JURISDICTIONS))
        .filter_map(|i| {
            let code: crate::JurisdictionCode = parse(&code(i))?;
            let prefix = code.prefix();
            let instrument: crate::InstrumentId = parse(&format!("{prefix}:act"))?;
            let mut provisions = Vec::with_capacity(options.provisions);
            let mut mapped = vec![false; categories.len()];
            for k in 0..options.provisions {
                let outside = rng.chance(10);
                let n = if outside { 0 } else { 1 + rng.below(2) };
                let mut mappings = Vec::with_capacity(n);
                for _ in 0..n {
                    let ci = rng.below(categories.len());
                    let Some((id, category)) = categories.get(ci) else {
                        continue;
                    };
                    if mappings.iter().any(|m: &Mapping| &m.category == id) {
                        continue;
                    }
                    let mapping = random_mapping(&mut rng, id, category);
                    if mapping.relation.counts_as_coverage() {
                        mapped[ci] = true;
                    }
                    mappings.push(mapping);
                }
                let Some(id) = parse(&format!("{prefix}:act/s{k}")) else {
                    continue;
                };
                provisions.push(Provision {
                    id,
                    instrument: instrument.clone(),
                    number: format!("s {k}"),
                    title: Some(text(&mut rng, "title")),
                    summary: text(&mut rng, "summary"),
                    in_force: None,
                    until: None,
                    status: if rng.chance(5) {
                        LegalStatus::Repealed
                    } else {
                        LegalStatus::InForce
                    },
                    former_numbers: Vec::new(),
                    source: source(format!("Synthetic Act, s {k}")),
                    confidence: Confidence::Medium,
                    note: String::new(),
                    replaced_by: Vec::new(),
                    contested: Vec::new(),
                    penalties: Vec::new(),
                    penalty_note: String::new(),
                    power: None,
                    outside_convention: (mappings.is_empty()).then(|| OutsideConvention {
                        theme: Theme::Other,
                        note: text(&mut rng, "outside"),
                    }),
                    mappings,
                });
            }
            let gaps = random_gaps(&mut rng, &categories, &mapped);
            Some(Jurisdiction {
                code,
                name: text(&mut rng, &format!("Synthetic State {i}")),
                aliases: Vec::new(),
                as_of: checked,
                treaties: Vec::new(),
                instruments: vec![Instrument {
                    id: instrument,
                    title: "Synthetic Act".to_owned(),
                    number: None,
                    kind: InstrumentKind::Cybercrime,
                    enacted: None,
                    in_force: None,
                    until: None,
                    status: LegalStatus::InForce,
                    amendments: Vec::new(),
                    pending: None,
                    source: source("Synthetic Act".to_owned()),
                    note: String::new(),
                }],
                provisions,
                gaps,
                authorities: Vec::new(),
                note: String::new(),
            })
        })
        .collect()
}

/// One mapping onto `category` with random relation, covered elements, qualifications and
/// (sometimes) an impermissible condition.
fn random_mapping(rng: &mut Rng, id: &crate::CategoryId, category: &crate::Category) -> Mapping {
    let relation = Relation::ALL[rng.below(Relation::ALL.len())];
    let covers: Vec<LocalId> = category
        .elements
        .iter()
        .filter(|_| rng.chance(80))
        .map(|e| e.id.clone())
        .collect();
    let qualifications: Vec<LocalId> = category
        .qualifications
        .iter()
        .filter(|_| rng.chance(20))
        .map(|q| q.id.clone())
        .collect();
    let extra_conditions = if rng.chance(25) {
        parse("damage-threshold")
            .map(|id| {
                vec![ExtraCondition {
                    id,
                    description: text(rng, "threshold"),
                }]
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    Mapping {
        category: id.clone(),
        relation,
        covers,
        qualifications,
        extra_conditions,
        justification: Justification::ManualMappingCuration,
        confidence: Confidence::Medium,
        note: text(rng, "note"),
    }
}

/// Gap records for the categories no generated provision covers: half researched gaps, half
/// not researched.
fn random_gaps(
    rng: &mut Rng,
    categories: &[(crate::CategoryId, &crate::Category)],
    mapped: &[bool],
) -> Vec<GapRecord> {
    categories
        .iter()
        .zip(mapped)
        .filter(|(_, m)| !**m)
        .map(|((id, _), _)| GapRecord {
            category: id.clone(),
            verdict: if rng.chance(50) {
                GapVerdict::Gap
            } else {
                GapVerdict::NotResearched
            },
            checked: text(rng, "checked the synthetic act"),
            sources: Vec::new(),
            note: String::new(),
        })
        .collect()
}

/// The embedded taxonomies with generated jurisdictions in place of the shipped ones.
///
/// ```
/// use cybercrime_taxonomy::synthetic::{dataset, Options};
/// let data = dataset(Options { jurisdictions: 3, provisions: 10, seed: 7 });
/// assert_eq!(data.jurisdictions().len(), 3);
/// ```
pub fn dataset(options: Options) -> Dataset {
    dataset_with(Dataset::embedded(), options)
}

/// `base`'s taxonomies and alignments with generated jurisdictions.
pub fn dataset_with(base: &Dataset, options: Options) -> Dataset {
    Dataset::from_parts(
        base.taxonomies().cloned().collect(),
        vec![base.alignments().clone()],
        jurisdictions(base, options),
        base.treaties().cloned().collect(),
        crate::Diagnostics::default(),
        crate::Origin {
            shipped: base.origin().shipped.clone().map(|mut s| {
                s.taxonomies_only = true;
                s
            }),
            inputs: Vec::new(),
            generated: Some(format!(
                "synthetic: {} jurisdictions x {} provisions, seed {}",
                options.jurisdictions, options.provisions, options.seed
            )),
        },
    )
}
