//! `list` and `show`: what the dataset holds, as typed views (serialised for JSON) and as text
//! for a terminal.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::Format;
use super::table::{Align, Table};
use crate::{
    Alignment, CategoryId, CategoryRef, Confidence, Dataset, Error, IccsLink, Instrument, Item,
    Jurisdiction, JurisdictionCode, Provision, ProvisionRef, QualificationKind, Relation, Source,
    Taxonomy, TaxonomyId, TreatyRecord,
};

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listed {
    /// The taxonomies.
    Taxonomies,
    /// The categories (of one taxonomy, or all).
    Categories,
    /// The jurisdictions.
    Jurisdictions,
    /// The provisions (of one jurisdiction, or all).
    Provisions,
    /// The cooperation treaties, with their parties.
    Treaties,
}

impl std::str::FromStr for Listed {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "taxonomies" => Ok(Self::Taxonomies),
            "categories" => Ok(Self::Categories),
            "jurisdictions" => Ok(Self::Jurisdictions),
            "provisions" => Ok(Self::Provisions),
            "treaties" => Ok(Self::Treaties),
            _ => Err(Error::UnknownId {
                kind: "listing (expected taxonomies, categories, jurisdictions, provisions or treaties)",
                id: s.to_owned(),
            }),
        }
    }
}

/// A taxonomy in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxonomyRow {
    /// Its id.
    pub id: TaxonomyId,
    /// Its full title.
    pub title: String,
    /// Its short title.
    pub short_title: String,
    /// When it was adopted.
    pub adopted: Option<crate::Date>,
    /// How many categories it has.
    pub categories: usize,
}

/// A cooperation treaty in a listing, with every State's standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreatyRow {
    /// Its id.
    pub id: crate::TreatyId,
    /// Its short title.
    pub short_title: String,
    /// Its full title.
    pub title: String,
    /// What it is a basis for.
    pub subjects: Vec<crate::Subject>,
    /// Whether it is in force.
    pub status: crate::TreatyForce,
    /// Its entry into force, if recorded.
    pub in_force: Option<crate::Date>,
    /// The parties and signatories: from the treaty record, or for a treaty modelled as a
    /// taxonomy, from the jurisdiction files.
    pub parties: Vec<PartyRow>,
}

/// One State's standing in a treaty listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyRow {
    /// The State.
    pub state: JurisdictionCode,
    /// Its status.
    pub status: crate::TreatyStatus,
    /// The date it has been bound since (consent or entry into force), or the date of an
    /// invitation to accede, if recorded.
    pub since: Option<crate::Date>,
    /// The date it signed, if recorded.
    pub signed: Option<crate::Date>,
}

/// A category in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRow {
    /// Its full id.
    pub id: CategoryId,
    /// Its article number, if it has one (the draft-era proposals have none).
    pub article: Option<String>,
    /// Its title.
    pub title: String,
    /// Its class.
    pub class: crate::CategoryClass,
    /// How far its text is confirmed.
    pub confidence: Confidence,
}

/// A jurisdiction in a listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JurisdictionRow {
    /// Its code.
    pub code: JurisdictionCode,
    /// Its name.
    pub name: String,
    /// When its file was last researched.
    pub as_of: crate::Date,
    /// Its treaty records.
    pub treaties: Vec<TreatyRecord>,
    /// How many instruments.
    pub instruments: usize,
    /// How many provisions.
    pub provisions: usize,
    /// How many gap records.
    pub gaps: usize,
}

/// A provision with its jurisdiction and instrument title, as `list provisions` and `show`
/// give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvisionView {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionCode,
    /// The instrument's title.
    pub instrument_title: Option<String>,
    /// The provision record.
    #[serde(flatten)]
    pub provision: Provision,
}

/// One alignment as seen from a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignedView {
    /// Read "this category RELATION category".
    pub relation: Relation,
    /// The other category.
    pub category: CategoryId,
    /// Its title.
    pub title: String,
    /// The alignment's note.
    pub note: String,
}

/// A category with its alignments and ICCS codes, as `show` gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryView {
    /// Its full id.
    pub id: CategoryId,
    /// The taxonomy's short title.
    pub taxonomy: String,
    /// The category record.
    pub category: crate::Category,
    /// Its alignments.
    pub aligned: Vec<AlignedView>,
    /// Its ICCS codes.
    pub iccs: Option<IccsLink>,
}

/// What `list` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Listing {
    /// Taxonomies.
    Taxonomies(Vec<TaxonomyRow>),
    /// Categories.
    Categories(Vec<CategoryRow>),
    /// Jurisdictions.
    Jurisdictions(Vec<JurisdictionRow>),
    /// Provisions.
    Provisions(Vec<ProvisionView>),
    /// Cooperation treaties.
    Treaties(Vec<TreatyRow>),
}

/// What `show` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Shown {
    /// A taxonomy.
    Taxonomy(Taxonomy),
    /// A category.
    Category(Box<CategoryView>),
    /// A jurisdiction.
    Jurisdiction(Box<Jurisdiction>),
    /// An instrument, with the provisions that belong to it.
    Instrument {
        /// The instrument.
        #[serde(flatten)]
        instrument: Instrument,
        /// Its jurisdiction's name.
        jurisdiction_name: String,
        /// Its provisions: id, number, title.
        provisions: Vec<(crate::ProvisionId, String, Option<String>)>,
    },
    /// A provision, with the titles of the categories it maps onto.
    Provision {
        /// The provision.
        #[serde(flatten)]
        view: Box<ProvisionView>,
        /// The titles of the mapped categories, in mapping order.
        category_titles: Vec<String>,
    },
}

fn provision_view(j: &Jurisdiction, p: &Provision) -> ProvisionView {
    ProvisionView {
        jurisdiction: j.code,
        instrument_title: j.instrument(&p.instrument).map(|i| i.title.clone()),
        provision: p.clone(),
    }
}

/// Every cooperation treaty with its parties: from the treaty record, or for a treaty modelled
/// as a taxonomy, from the jurisdiction files.
fn treaty_rows(data: &Dataset) -> Vec<TreatyRow> {
    data.treaties()
        .map(|t| TreatyRow {
            id: t.id.clone(),
            short_title: t.short_title.clone(),
            title: t.title.clone(),
            subjects: t.subjects.clone(),
            status: t.status,
            in_force: t.in_force,
            parties: match &t.taxonomy {
                Some(tax) => data
                    .jurisdictions()
                    .filter_map(|j| {
                        j.treaty(tax).map(|r| PartyRow {
                            state: j.code,
                            status: r.status,
                            since: r.consented.or(r.invited),
                            signed: r.signed,
                        })
                    })
                    .collect(),
                None => t
                    .parties
                    .iter()
                    .map(|p| PartyRow {
                        state: p.state,
                        status: p.status,
                        since: p.bound_since(),
                        signed: p.signed,
                    })
                    .collect(),
            },
        })
        .collect()
}

/// Builds a listing; `taxonomy` and `jurisdiction` narrow categories and provisions.
pub fn listing(
    data: &Dataset,
    what: Listed,
    taxonomy: Option<&TaxonomyId>,
    jurisdiction: Option<JurisdictionCode>,
) -> Result<Listing, Error> {
    Ok(match what {
        Listed::Taxonomies => Listing::Taxonomies(
            data.taxonomies()
                .map(|t| TaxonomyRow {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    short_title: t.short_title.clone(),
                    adopted: t.adopted,
                    categories: t.categories.len(),
                })
                .collect(),
        ),
        Listed::Categories => {
            let chosen: Vec<&Taxonomy> = match taxonomy {
                Some(id) => vec![data.taxonomy(id).ok_or_else(|| Error::UnknownId {
                    kind: "taxonomy",
                    id: id.to_string(),
                })?],
                None => data.taxonomies().collect(),
            };
            Listing::Categories(
                chosen
                    .iter()
                    .flat_map(|taxonomy| {
                        taxonomy
                            .categories
                            .iter()
                            .map(move |category| CategoryRef { taxonomy, category })
                    })
                    .map(|c| CategoryRow {
                        id: c.id(),
                        article: c.category.article.clone(),
                        title: c.category.title.clone(),
                        class: c.category.class,
                        confidence: c.category.confidence,
                    })
                    .collect(),
            )
        }
        Listed::Jurisdictions => Listing::Jurisdictions(
            data.jurisdictions()
                .map(|j| JurisdictionRow {
                    code: j.code,
                    name: j.name.clone(),
                    as_of: j.as_of,
                    treaties: j.treaties.clone(),
                    instruments: j.instruments.len(),
                    provisions: j.provisions.len(),
                    gaps: j.gaps.len(),
                })
                .collect(),
        ),
        Listed::Treaties => Listing::Treaties(treaty_rows(data)),
        Listed::Provisions => {
            let chosen: Vec<&Jurisdiction> = match jurisdiction {
                Some(code) => vec![data.jurisdiction(code).ok_or_else(|| Error::UnknownId {
                    kind: "jurisdiction",
                    id: code.to_string(),
                })?],
                None => data.jurisdictions().collect(),
            };
            Listing::Provisions(
                chosen
                    .iter()
                    .flat_map(|j| j.provisions.iter().map(move |p| provision_view(j, p)))
                    .collect(),
            )
        }
    })
}

/// Builds the view `show` prints for an item.
pub fn shown(data: &Dataset, item: Item<'_>) -> Shown {
    match item {
        Item::Taxonomy(t) => Shown::Taxonomy(t.clone()),
        Item::Category(c) => {
            let id = c.id();
            let aligned = data
                .aligned(&id)
                .into_iter()
                .map(
                    |(relation, other, a): (Relation, &CategoryId, &Alignment)| AlignedView {
                        relation,
                        category: other.clone(),
                        title: data
                            .category(other)
                            .map(|o| o.category.title.clone())
                            .unwrap_or_default(),
                        note: a.note.clone(),
                    },
                )
                .collect();
            Shown::Category(Box::new(CategoryView {
                taxonomy: c.taxonomy.short_title.clone(),
                category: c.category.clone(),
                iccs: data.iccs(&id).cloned(),
                aligned,
                id,
            }))
        }
        Item::Jurisdiction(j) => Shown::Jurisdiction(Box::new(j.clone())),
        Item::Instrument(j, i) => Shown::Instrument {
            instrument: i.clone(),
            jurisdiction_name: j.name.clone(),
            provisions: j
                .provisions
                .iter()
                .filter(|p| p.instrument == i.id)
                .map(|p| (p.id.clone(), p.number.clone(), p.title.clone()))
                .collect(),
        },
        Item::Provision(ProvisionRef {
            jurisdiction,
            provision,
        }) => Shown::Provision {
            category_titles: provision
                .mappings
                .iter()
                .map(|m| {
                    data.category(&m.category)
                        .map(|c| c.category.title.clone())
                        .unwrap_or_default()
                })
                .collect(),
            view: Box::new(provision_view(jurisdiction, provision)),
        },
    }
}

fn only_text_or_json(format: Format, what: &'static str) -> Result<(), Error> {
    match format {
        Format::Text | Format::Json => Ok(()),
        _ => Err(Error::Render(format!(
            "{what} is available as text or JSON only"
        ))),
    }
}

/// Columns of a listing: two spaces apart.
const GAP: &str = "  ";

/// The treaty listing as aligned text.
fn treaties_text(out: &mut String, rows: &[TreatyRow]) {
    let mut table = Table::new(&[Align::Left; 4]);
    for t in rows {
        let parties: Vec<String> = t
            .parties
            .iter()
            .map(|p| {
                let mut s = format!("{} {}", p.state, p.status.as_str());
                if let Some(d) = p.since {
                    s.push_str(&format!(" {d}"));
                }
                if let Some(d) = p.signed.filter(|d| Some(*d) != p.since) {
                    s.push_str(&format!(" (signed {d})"));
                }
                s
            })
            .collect();
        table.row([
            t.id.to_string(),
            t.short_title.clone(),
            t.status.as_str().to_owned(),
            if parties.is_empty() {
                "no party records".to_owned()
            } else {
                parties.join(", ")
            },
        ]);
    }
    out.push_str(&table.text("", GAP));
}

/// Renders a listing as aligned text or JSON.
pub fn list(l: &Listing, format: Format) -> Result<String, Error> {
    only_text_or_json(format, "a listing")?;
    if format == Format::Json {
        return super::json(l);
    }
    let mut out = String::new();
    match l {
        Listing::Taxonomies(rows) => {
            let mut table = Table::new(&[Align::Left, Align::Right, Align::Left]);
            for t in rows {
                table.row([
                    t.id.to_string(),
                    format!("{} categories", t.categories),
                    t.short_title.clone(),
                ]);
            }
            out.push_str(&table.text("", GAP));
        }
        Listing::Categories(rows) => {
            let mut table = Table::new(&[Align::Left; 3]);
            for c in rows {
                table.row([
                    c.id.to_string(),
                    c.class.as_str().to_owned(),
                    c.title.clone(),
                ]);
            }
            out.push_str(&table.text("", GAP));
        }
        Listing::Jurisdictions(rows) => {
            let mut table = Table::new(&[Align::Left, Align::Left, Align::Right, Align::Left]);
            for j in rows {
                let treaties: Vec<String> = j
                    .treaties
                    .iter()
                    .map(|t| format!("{} {}", t.treaty, t.status.as_str()))
                    .collect();
                table.row([
                    j.code.to_string(),
                    j.name.clone(),
                    format!("{} provisions", j.provisions),
                    treaties.join(", "),
                ]);
            }
            out.push_str(&table.text("", GAP));
        }
        Listing::Treaties(rows) => treaties_text(&mut out, rows),
        Listing::Provisions(rows) => {
            let mut table = Table::new(&[Align::Left; 4]);
            for v in rows {
                let p = &v.provision;
                let cats: Vec<String> = p
                    .mappings
                    .iter()
                    .map(|m| format!("{} ({})", m.category, m.relation.name()))
                    .collect();
                let what = if cats.is_empty() {
                    p.outside_convention
                        .as_ref()
                        .map(|o| format!("outside the Convention: {}", o.theme.as_str()))
                        .unwrap_or_default()
                } else {
                    cats.join(", ")
                };
                table.row([
                    p.id.to_string(),
                    p.number.clone(),
                    p.confidence.as_str().to_owned(),
                    what,
                ]);
            }
            out.push_str(&table.text("", GAP));
        }
    }
    Ok(out)
}

/// Renders what `show` prints as text or JSON.
pub fn show(s: &Shown, format: Format) -> Result<String, Error> {
    only_text_or_json(format, "`show`")?;
    if format == Format::Json {
        return super::json(s);
    }
    let mut out = String::new();
    match s {
        Shown::Taxonomy(t) => taxonomy_text(&mut out, t)?,
        Shown::Category(c) => category_text(&mut out, c)?,
        Shown::Jurisdiction(j) => jurisdiction_text(&mut out, j)?,
        Shown::Instrument {
            instrument: i,
            jurisdiction_name,
            provisions,
        } => {
            writeln!(out, "{}  {} ({jurisdiction_name})", i.id, i.title)?;
            if let Some(n) = &i.number {
                writeln!(out, "Number: {n}")?;
            }
            writeln!(out, "Status: {}", i.status.as_str())?;
            writeln!(out, "Source: {}", source_line(&i.source))?;
            if !i.note.is_empty() {
                writeln!(out, "Note: {}", i.note)?;
            }
            writeln!(out, "\nProvisions:")?;
            let mut table = Table::new(&[Align::Left; 3]);
            for (id, number, title) in provisions {
                table.row([
                    id.to_string(),
                    number.clone(),
                    title.clone().unwrap_or_default(),
                ]);
            }
            out.push_str(&table.text("  ", GAP));
        }
        Shown::Provision {
            view,
            category_titles,
        } => provision_text(&mut out, view, category_titles)?,
    }
    Ok(out)
}

fn taxonomy_text(out: &mut String, t: &Taxonomy) -> std::fmt::Result {
    writeln!(out, "{} ({})", t.short_title, t.id)?;
    writeln!(out, "{}", t.title)?;
    if let Some(c) = &t.citation {
        writeln!(out, "Citation: {c}")?;
    }
    if let Some(d) = t.adopted {
        writeln!(out, "Adopted: {d}")?;
    }
    writeln!(out, "\nCategories:")?;
    let mut table = Table::new(&[Align::Left; 3]);
    for c in &t.categories {
        let article = match &c.article {
            Some(a) => format!("Art {a}"),
            None => "no article".to_owned(),
        };
        table.row([format!("{}:{}", t.id, c.id), article, c.title.clone()]);
    }
    out.push_str(&table.text("  ", GAP));
    Ok(())
}

fn category_text(out: &mut String, c: &CategoryView) -> std::fmt::Result {
    let cat = &c.category;
    match &cat.article {
        Some(article) => writeln!(
            out,
            "{}  {}, Article {article}: {}",
            c.id, c.taxonomy, cat.title
        )?,
        None => writeln!(out, "{}  {}: {}", c.id, c.taxonomy, cat.title)?,
    }
    writeln!(
        out,
        "Class: {}   Confidence: {}",
        cat.class.as_str(),
        cat.confidence
    )?;
    writeln!(out, "{}", cat.summary)?;
    writeln!(out, "\nElements:")?;
    let mut table = Table::new(&[Align::Left; 4]);
    for e in &cat.elements {
        table.row([
            e.id.to_string(),
            e.kind.as_str().to_owned(),
            e.requirement.as_str().to_owned(),
            e.description.clone(),
        ]);
    }
    out.push_str(&table.text("  ", GAP));
    writeln!(out, "\nPermitted qualifications and reservations:")?;
    if cat.qualifications.is_empty() {
        writeln!(out, "  none")?;
    }
    let mut table = Table::new(&[Align::Left; 4]);
    for q in &cat.qualifications {
        let kind = match q.kind {
            QualificationKind::MayRequire => "may require",
            QualificationKind::MayExclude => "may exclude",
            QualificationKind::MayExtend => "may extend",
            QualificationKind::Reservation { .. } => "reservation",
            QualificationKind::Conditional { .. } => "conditional",
        };
        let mut description = q.description.clone();
        if !q.kind.waives().is_empty() {
            let w: Vec<&str> = q.kind.waives().iter().map(|w| w.as_str()).collect();
            description.push_str(&format!(" (waives: {})", w.join(", ")));
        }
        table.row([
            q.id.to_string(),
            kind.to_owned(),
            format!("Art {}", q.paragraph),
            description,
        ]);
    }
    out.push_str(&table.text("  ", GAP));
    if !c.aligned.is_empty() {
        writeln!(out, "\nAligned categories:")?;
        let mut table = Table::new(&[Align::Left; 3]);
        for a in &c.aligned {
            table.row([
                a.relation.to_string(),
                a.category.to_string(),
                a.title.clone(),
            ]);
            if !a.note.is_empty() {
                table.row([String::new(), String::new(), a.note.clone()]);
            }
        }
        out.push_str(&table.text("  ", GAP));
    }
    if let Some(l) = &c.iccs {
        writeln!(out, "\nICCS: {}", super::words::iccs_link(l))?;
        if !l.note.is_empty() {
            writeln!(out, "{}", l.note)?;
        }
    }
    if let Some(h) = &cat.history {
        writeln!(out, "\nProposed in: {}", h.document)?;
        writeln!(out, "Outcome: {}", h.outcome.as_str())?;
        if !h.note.is_empty() {
            writeln!(out, "{}", h.note)?;
        }
    }
    if !cat.note.is_empty() {
        writeln!(out, "\nNote: {}", cat.note)?;
    }
    Ok(())
}

fn jurisdiction_text(out: &mut String, j: &Jurisdiction) -> std::fmt::Result {
    writeln!(out, "{} {} (researched as of {})", j.code, j.name, j.as_of)?;
    writeln!(out, "\nTreaties:")?;
    let mut table = Table::new(&[Align::Left; 3]);
    for t in &j.treaties {
        let mut dates = Vec::new();
        if let Some(d) = t.signed {
            dates.push(format!("signed {d}"));
        }
        if let Some(d) = t.consented {
            dates.push(format!("consented {d}"));
        }
        dates.push(format!("[{}]", t.confidence));
        table.row([
            t.treaty.to_string(),
            t.status.as_str().to_owned(),
            dates.join(" "),
        ]);
    }
    out.push_str(&table.text("  ", GAP));
    writeln!(out, "\nInstruments:")?;
    let mut table = Table::new(&[Align::Left; 2]);
    for i in &j.instruments {
        table.row([i.id.to_string(), i.title.clone()]);
    }
    out.push_str(&table.text("  ", GAP));
    writeln!(
        out,
        "\n{} provisions, {} gap records",
        j.provisions.len(),
        j.gaps.len()
    )
}

fn provision_text(out: &mut String, v: &ProvisionView, titles: &[String]) -> std::fmt::Result {
    let p = &v.provision;
    writeln!(
        out,
        "{}  {} {}",
        p.id,
        v.instrument_title.as_deref().unwrap_or(""),
        p.number
    )?;
    if let Some(t) = &p.title {
        writeln!(out, "Title: {t}")?;
    }
    writeln!(
        out,
        "Status: {}   Confidence: {}",
        p.status.as_str(),
        p.confidence
    )?;
    if !p.former_numbers.is_empty() {
        writeln!(out, "Formerly: {}", p.former_numbers.join(", "))?;
    }
    if !p.replaced_by.is_empty() {
        let r: Vec<&str> = p.replaced_by.iter().map(|r| r.as_str()).collect();
        writeln!(out, "Replaced by: {}", r.join(", "))?;
    }
    writeln!(out, "{}", p.summary)?;
    writeln!(out, "Source: {}", source_line(&p.source))?;
    if !p.note.is_empty() {
        writeln!(out, "Note: {}", p.note)?;
    }
    for pen in &p.penalties {
        writeln!(
            out,
            "Penalty ({}): {}",
            pen.form.as_str(),
            super::words::penalty(pen)
        )?;
    }
    if p.penalties.is_empty() && !p.penalty_note.is_empty() {
        writeln!(out, "Penalty: not confirmed ({})", p.penalty_note)?;
    }
    if let Some(o) = &p.outside_convention {
        writeln!(
            out,
            "Outside the Convention: {} {}",
            o.theme.as_str(),
            o.note
        )?;
    }
    for (m, title) in p.mappings.iter().zip(titles) {
        writeln!(
            out,
            "\n{} {}  {}  [{}]",
            m.relation, m.category, title, m.confidence
        )?;
        let covers: Vec<&str> = m.covers.iter().map(|c| c.as_str()).collect();
        writeln!(out, "  covers: {}", covers.join(", "))?;
        if !m.qualifications.is_empty() {
            let q: Vec<&str> = m.qualifications.iter().map(|c| c.as_str()).collect();
            writeln!(out, "  permitted qualifications: {}", q.join(", "))?;
        }
        for x in &m.extra_conditions {
            writeln!(out, "  extra condition {}: {}", x.id, x.description)?;
        }
        if !m.note.is_empty() {
            writeln!(out, "  {}", m.note)?;
        }
    }
    Ok(())
}

/// A source as one line: title, locator, URL and the date it was read.
pub fn source_line(s: &Source) -> String {
    let mut line = s.title.clone();
    if let Some(l) = &s.locator {
        line.push_str(&format!(", {l}"));
    }
    if let Some(u) = &s.url {
        line.push_str(&format!(" <{u}>"));
    }
    line.push_str(&format!(" (checked {})", s.checked));
    line
}
