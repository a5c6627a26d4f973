//! Argument parsing and the commands. Every command loads a dataset, calls the library and
//! prints; nothing here decides a finding.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use cybercrime_taxonomy::{
    CategoryRef, Confidence, Dataset, DatasetBuilder, Error, Item, Jurisdiction, ProvisionRef,
    Severity, Taxonomy, check, render,
};
use serde_json::json;

/// Compare national cybercrime law with the UN Convention against Cybercrime (2024).
#[derive(Debug, Parser)]
#[command(name = "cybercrime-taxonomy", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List taxonomies, categories, jurisdictions or provisions.
    List {
        /// What to list.
        what: ListWhat,
        /// Only categories of this taxonomy (e.g. un2024).
        #[arg(long)]
        taxonomy: Option<String>,
        /// Only provisions of this jurisdiction (e.g. SG).
        #[arg(long)]
        jurisdiction: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Show one item: a taxonomy, category, jurisdiction, instrument or provision.
    Show {
        /// Its id, e.g. un2024:art7, SG, sg:cma1993 or sg:cma1993/s3.
        id: String,
        #[command(flatten)]
        common: Common,
    },
    /// Validate data files and SSSOM mapping sets.
    ///
    /// Exit codes: 0 clean; 1 findings (errors in the content, or warnings with --strict);
    /// 2 unusable input (unreadable, too large, not JSON/TSV, or not a data file).
    Validate {
        /// A directory, JSON data file or SSSOM `.tsv` file of user data, checked on top of the
        /// embedded data; without it, the embedded data is validated.
        path: Option<PathBuf>,
        /// Treat warnings as findings (exit 1).
        #[arg(long)]
        strict: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The compatibility report: every State against every Convention offence category.
    Report {
        #[command(flatten)]
        scope: Scope,
        #[command(flatten)]
        out: Output,
    },
    /// Dual criminality between two States, per category.
    Dual {
        /// The first State, e.g. SG.
        first: String,
        /// The second State, e.g. MY.
        second: String,
        /// Only these categories (repeat or comma-separate; default: Articles 7-17).
        #[arg(long, value_delimiter = ',')]
        category: Vec<String>,
        /// Count only provisions and mappings of at least this confidence.
        #[arg(long, value_enum)]
        min_confidence: Option<MinConfidence>,
        #[command(flatten)]
        out: Output,
    },
    /// The regional baseline over a set of States.
    Baseline {
        #[command(flatten)]
        scope: Scope,
        #[command(flatten)]
        out: Output,
    },
    /// Aggregate counts per provision (CSV `provision,count`) to categories and ICCS codes.
    Crosswalk {
        /// The counts file.
        counts: PathBuf,
        /// The taxonomy to aggregate to.
        #[arg(long, default_value = "un2024")]
        taxonomy: String,
        #[command(flatten)]
        out: Output,
    },
    /// Export mappings and researched gaps as an SSSOM mapping set (TSV).
    Sssom {
        /// Only these States (repeat or comma-separate; default: all).
        #[arg(long, value_delimiter = ',')]
        jurisdiction: Vec<String>,
        /// Leave out the researched gaps (`sssom:NoTermFound` rows).
        #[arg(long)]
        no_gaps: bool,
        /// The mapping set id (a URI).
        #[arg(long)]
        mapping_set_id: Option<String>,
        /// Add or override data with this directory (JSON files or SSSOM sets).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the data-status table (per State: provisions by confidence, verdicts, treaty
    /// status) as Markdown, as shown in the README.
    Status {
        #[command(flatten)]
        common: Common,
    },
    /// Print the JSON Schemas of the data files, or write them into a directory.
    Schema {
        /// Write `*.schema.json` files into this directory instead of printing.
        #[arg(long)]
        write: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListWhat {
    Taxonomies,
    Categories,
    Jurisdictions,
    Provisions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Md,
    Json,
    Csv,
    Html,
}

impl From<ReportFormat> for render::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Md => render::Format::Markdown,
            ReportFormat::Json => render::Format::Json,
            ReportFormat::Csv => render::Format::Csv,
            ReportFormat::Html => render::Format::Html,
        }
    }
}

/// Which States and which taxonomy a report or baseline covers.
#[derive(Debug, Args)]
struct Scope {
    /// Count only provisions and mappings of at least this confidence.
    #[arg(long, value_enum)]
    min_confidence: Option<MinConfidence>,
    /// Only these States (repeat or comma-separate; default: all).
    #[arg(long, value_delimiter = ',')]
    jurisdiction: Vec<String>,
    /// Read coverage against this taxonomy (un2024, budapest2001 or undraft).
    #[arg(long, default_value = "un2024")]
    taxonomy: String,
}

impl Scope {
    fn report(&self, data: Cow<'static, Dataset>) -> Result<check::Report, Error> {
        let data = at_least(data, self.min_confidence);
        let options = check::ReportOptions {
            jurisdictions: self.jurisdiction.clone(),
            taxonomy: self.taxonomy.clone(),
        };
        check::report(&data, &options)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MinConfidence {
    Low,
    Medium,
    High,
}

/// The dataset, counting only what reaches `min` (when given).
fn at_least(data: Cow<'static, Dataset>, min: Option<MinConfidence>) -> Cow<'static, Dataset> {
    let Some(min) = min else { return data };
    let min = match min {
        MinConfidence::Low => Confidence::Low,
        MinConfidence::Medium => Confidence::Medium,
        MinConfidence::High => Confidence::High,
    };
    Cow::Owned(data.into_owned().with_min_confidence(min))
}

#[derive(Debug, Args)]
struct Output {
    /// Add or override data with this directory of JSON files.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    format: ReportFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

impl Output {
    fn dataset(&self) -> Result<Cow<'static, Dataset>, Error> {
        load(self.data.as_ref())
    }

    fn emit(&self, text: &str) -> Result<(), Error> {
        match &self.output {
            Some(path) => std::fs::write(path, text).map_err(|source| Error::Io {
                path: path.display().to_string(),
                source,
            }),
            None => print_out(text),
        }
    }
}

/// Writes to standard output; a closed pipe (e.g. `| head`) ends output quietly.
fn print_out(text: &str) -> Result<(), Error> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: "standard output".into(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// The embedded data, or the embedded data with a user directory on top.
fn load(dir: Option<&PathBuf>) -> Result<Cow<'static, Dataset>, Error> {
    match dir {
        None => Ok(Cow::Borrowed(Dataset::embedded())),
        Some(dir) => Dataset::from_dir(dir)
            .map(Cow::Owned)
            .map_err(Error::InvalidData),
    }
}

#[derive(Debug, Args)]
struct Common {
    /// Add or override data with this directory of JSON files.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

impl Common {
    fn dataset(&self) -> Result<Cow<'static, Dataset>, Error> {
        load(self.data.as_ref())
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::List {
            what,
            taxonomy,
            jurisdiction,
            common,
        } => {
            let data = common.dataset()?;
            let out = list(
                &data,
                what,
                taxonomy.as_deref(),
                jurisdiction.as_deref(),
                common.format,
            )?;
            print_out(&out)?;
        }
        Command::Show { id, common } => {
            let data = common.dataset()?;
            let item = data.find(&id).ok_or_else(|| Error::UnknownId {
                kind: "id",
                id: id.clone(),
            })?;
            print_out(&show(&data, item, common.format)?)?;
        }
        Command::Validate {
            path,
            strict,
            format,
        } => return Ok(validate(path, strict, format)),
        Command::Report { scope, out } => {
            let report = scope.report(out.dataset()?)?;
            out.emit(&render::report(&report, out.format.into())?)?;
        }
        Command::Dual {
            first,
            second,
            category,
            min_confidence,
            out,
        } => {
            let data = at_least(out.dataset()?, min_confidence);
            let categories = category
                .iter()
                .map(|c| c.parse())
                .collect::<Result<Vec<_>, _>>()?;
            let dual = check::dual_criminality(&data, &first, &second, &categories)?;
            out.emit(&render::dual(&dual, out.format.into())?)?;
        }
        Command::Baseline { scope, out } => {
            let report = scope.report(out.dataset()?)?;
            out.emit(&render::baseline(&report.baseline, out.format.into())?)?;
        }
        Command::Crosswalk {
            counts,
            taxonomy,
            out,
        } => {
            let data = out.dataset()?;
            let name = counts.display().to_string();
            let file = std::fs::File::open(&counts).map_err(|source| Error::Io {
                path: name.clone(),
                source,
            })?;
            let rows = check::read_counts(&name, file)?;
            let walk = check::crosswalk(&data, &taxonomy, &rows)?;
            out.emit(&render::crosswalk(&walk, out.format.into())?)?;
        }
        Command::Sssom {
            jurisdiction,
            no_gaps,
            mapping_set_id,
            data,
            output,
        } => {
            let data = load(data.as_ref())?;
            let mut options =
                cybercrime_taxonomy::sssom::ExportOptions::for_jurisdictions(jurisdiction);
            options.include_gaps = !no_gaps;
            if let Some(id) = mapping_set_id {
                options.mapping_set_id = id;
            }
            let text = cybercrime_taxonomy::sssom::export(&data, &options);
            match output {
                Some(path) => std::fs::write(&path, text).map_err(|source| Error::Io {
                    path: path.display().to_string(),
                    source,
                })?,
                None => print_out(&text)?,
            }
        }
        Command::Status { common } => {
            let data = common.dataset()?;
            print_out(&render::data_status(&data)?)?;
        }
        Command::Schema { write } => schema(write)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn to_json(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

fn list(
    data: &Dataset,
    what: ListWhat,
    taxonomy: Option<&str>,
    jurisdiction: Option<&str>,
    format: Format,
) -> Result<String, Error> {
    let mut out = String::new();
    match what {
        ListWhat::Taxonomies => {
            if format == Format::Json {
                let rows: Vec<_> = data
                    .taxonomies()
                    .map(|t| {
                        json!({"id": t.id, "title": t.title, "short_title": t.short_title,
                               "adopted": t.adopted, "categories": t.categories.len()})
                    })
                    .collect();
                return Ok(to_json(&rows));
            }
            for t in data.taxonomies() {
                writeln!(
                    out,
                    "{:<14} {:>3} categories  {}",
                    t.id.as_str(),
                    t.categories.len(),
                    t.short_title
                )?;
            }
        }
        ListWhat::Categories => {
            let chosen: Vec<&Taxonomy> = match taxonomy {
                Some(id) => vec![data.taxonomy_str(id).ok_or_else(|| Error::UnknownId {
                    kind: "taxonomy",
                    id: id.to_owned(),
                })?],
                None => data.taxonomies().collect(),
            };
            let cats: Vec<CategoryRef> = chosen
                .iter()
                .flat_map(|taxonomy| {
                    taxonomy
                        .categories
                        .iter()
                        .map(move |category| CategoryRef { taxonomy, category })
                })
                .collect();
            if format == Format::Json {
                let rows: Vec<_> = cats
                    .iter()
                    .map(|c| {
                        json!({"id": c.id(), "article": c.category.article, "title": c.category.title,
                               "class": c.category.class, "confidence": c.category.confidence})
                    })
                    .collect();
                return Ok(to_json(&rows));
            }
            for c in cats {
                writeln!(
                    out,
                    "{:<26} {:<16} {}",
                    c.id().as_str(),
                    c.category.class.as_str(),
                    c.category.title
                )?;
            }
        }
        ListWhat::Jurisdictions => {
            if format == Format::Json {
                let rows: Vec<_> = data
                    .jurisdictions()
                    .map(|j| {
                        json!({"code": j.code, "name": j.name, "as_of": j.as_of,
                               "treaties": j.treaties, "instruments": j.instruments.len(),
                               "provisions": j.provisions.len(), "gaps": j.gaps.len()})
                    })
                    .collect();
                return Ok(to_json(&rows));
            }
            for j in data.jurisdictions() {
                let treaties: Vec<String> = j
                    .treaties
                    .iter()
                    .map(|t| format!("{} {}", t.treaty, t.status.as_str()))
                    .collect();
                writeln!(
                    out,
                    "{}  {:<20} {:>3} provisions  {}",
                    j.code,
                    j.name,
                    j.provisions.len(),
                    treaties.join(", ")
                )?;
            }
        }
        ListWhat::Provisions => {
            let chosen: Vec<&Jurisdiction> = match jurisdiction {
                Some(code) => {
                    vec![
                        data.jurisdiction_str(code)
                            .ok_or_else(|| Error::UnknownId {
                                kind: "jurisdiction",
                                id: code.to_owned(),
                            })?,
                    ]
                }
                None => data.jurisdictions().collect(),
            };
            if format == Format::Json {
                let rows: Vec<_> = chosen
                    .iter()
                    .flat_map(|j| j.provisions.iter().map(move |p| (j, p)))
                    .map(|(j, p)| provision_json(j, p))
                    .collect();
                return Ok(to_json(&rows));
            }
            for j in chosen {
                for p in &j.provisions {
                    let cats: Vec<String> = p
                        .mappings
                        .iter()
                        .map(|m| format!("{} ({})", m.category, m.relation.name()))
                        .collect();
                    writeln!(
                        out,
                        "{:<28} {:<14} {:<6} {}",
                        p.id.as_str(),
                        p.number,
                        p.confidence.as_str(),
                        if cats.is_empty() {
                            p.outside_convention
                                .as_ref()
                                .map(|o| format!("outside the Convention: {}", o.theme.as_str()))
                                .unwrap_or_default()
                        } else {
                            cats.join(", ")
                        }
                    )?;
                }
            }
        }
    }
    Ok(out)
}

fn provision_json(j: &Jurisdiction, p: &cybercrime_taxonomy::Provision) -> serde_json::Value {
    let instrument = j.instrument(&p.instrument).map(|i| i.title.as_str());
    json!({
        "id": p.id,
        "jurisdiction": j.code,
        "instrument": instrument,
        "instrument_id": p.instrument,
        "number": p.number,
        "title": p.title,
        "summary": p.summary,
        "status": p.status.as_str(),
        "confidence": p.confidence,
        "source": p.source,
        "note": p.note,
        "mappings": p.mappings,
        "outside_convention": p.outside_convention,
    })
}

fn show(data: &Dataset, item: Item, format: Format) -> Result<String, Error> {
    let mut out = String::new();
    match item {
        Item::Taxonomy(t) => {
            if format == Format::Json {
                return Ok(to_json(t));
            }
            writeln!(out, "{} ({})", t.short_title, t.id)?;
            writeln!(out, "{}", t.title)?;
            if let Some(c) = &t.citation {
                writeln!(out, "Citation: {c}")?;
            }
            if let Some(d) = t.adopted {
                writeln!(out, "Adopted: {d}")?;
            }
            writeln!(out, "\nCategories:")?;
            for c in &t.categories {
                writeln!(
                    out,
                    "  {}:{:<10} Art {:<6} {}",
                    t.id, c.id, c.article, c.title
                )?;
            }
        }
        Item::Category(c) => {
            let id = c.id();
            let aligned = data.aligned(&id);
            let iccs = data.iccs(&id);
            if format == Format::Json {
                let aligned: Vec<_> = aligned
                    .iter()
                    .map(|(r, other, a)| json!({"relation": r.name(), "category": other, "note": a.note}))
                    .collect();
                return Ok(to_json(&json!({
                    "id": id, "taxonomy": c.taxonomy.short_title, "category": c.category,
                    "aligned": aligned, "iccs": iccs,
                })));
            }
            let cat = c.category;
            writeln!(
                out,
                "{id}  {}, Article {}: {}",
                c.taxonomy.short_title, cat.article, cat.title
            )?;
            writeln!(
                out,
                "Class: {}   Confidence: {}",
                cat.class.as_str(),
                cat.confidence
            )?;
            writeln!(out, "{}", cat.summary)?;
            writeln!(out, "\nElements:")?;
            for e in &cat.elements {
                writeln!(
                    out,
                    "  {:<26} {:<12} {:<11} {}",
                    e.id.as_str(),
                    e.kind.as_str(),
                    e.requirement.as_str(),
                    e.description
                )?;
            }
            writeln!(out, "\nPermitted qualifications and reservations:")?;
            if cat.qualifications.is_empty() {
                writeln!(out, "  none")?;
            }
            for q in &cat.qualifications {
                let kind = match q.kind {
                    cybercrime_taxonomy::QualificationKind::MayRequire => "may require",
                    cybercrime_taxonomy::QualificationKind::MayExclude => "may exclude",
                    cybercrime_taxonomy::QualificationKind::MayExtend => "may extend",
                    cybercrime_taxonomy::QualificationKind::Reservation => "reservation",
                };
                write!(
                    out,
                    "  {:<22} {:<12} Art {:<9} {}",
                    q.id.as_str(),
                    kind,
                    q.paragraph,
                    q.description
                )?;
                if !q.waives.is_empty() {
                    let w: Vec<&str> = q.waives.iter().map(|w| w.as_str()).collect();
                    write!(out, " (waives: {})", w.join(", "))?;
                }
                writeln!(out)?;
            }
            if !aligned.is_empty() {
                writeln!(out, "\nAligned categories:")?;
                for (r, other, a) in &aligned {
                    let title = data
                        .category(other)
                        .map(|o| o.category.title.as_str())
                        .unwrap_or("");
                    writeln!(
                        out,
                        "  {:<18} {:<24} {}",
                        r.to_string(),
                        other.as_str(),
                        title
                    )?;
                    if !a.note.is_empty() {
                        writeln!(out, "  {:<18} {}", "", a.note)?;
                    }
                }
            }
            if let Some(l) = iccs {
                writeln!(out, "\nICCS: {} ({})", l.codes.join(", "), l.confidence)?;
            }
            if let Some(h) = &cat.history {
                writeln!(out, "\nProposed in: {}", h.document)?;
                writeln!(out, "Outcome: {:?}", h.outcome)?;
                if !h.note.is_empty() {
                    writeln!(out, "{}", h.note)?;
                }
            }
            if !cat.note.is_empty() {
                writeln!(out, "\nNote: {}", cat.note)?;
            }
        }
        Item::Jurisdiction(j) => {
            if format == Format::Json {
                return Ok(to_json(j));
            }
            writeln!(out, "{} {} (researched as of {})", j.code, j.name, j.as_of)?;
            writeln!(out, "\nTreaties:")?;
            for t in &j.treaties {
                write!(out, "  {:<14} {:<14}", t.treaty.as_str(), t.status.as_str())?;
                if let Some(d) = t.signed {
                    write!(out, " signed {d}")?;
                }
                if let Some(d) = t.consented {
                    write!(out, " consented {d}")?;
                }
                writeln!(out, " [{}]", t.confidence)?;
            }
            writeln!(out, "\nInstruments:")?;
            for i in &j.instruments {
                writeln!(out, "  {:<20} {}", i.id.as_str(), i.title)?;
            }
            writeln!(
                out,
                "\n{} provisions, {} gap records",
                j.provisions.len(),
                j.gaps.len()
            )?;
        }
        Item::Instrument(j, i) => {
            if format == Format::Json {
                return Ok(to_json(i));
            }
            writeln!(out, "{}  {} ({})", i.id, i.title, j.name)?;
            if let Some(n) = &i.number {
                writeln!(out, "Number: {n}")?;
            }
            writeln!(out, "Status: {}", i.status.as_str())?;
            writeln!(out, "Source: {}", source_line(&i.source))?;
            if !i.note.is_empty() {
                writeln!(out, "Note: {}", i.note)?;
            }
            writeln!(out, "\nProvisions:")?;
            for p in j.provisions.iter().filter(|p| p.instrument == i.id) {
                writeln!(
                    out,
                    "  {:<28} {:<12} {}",
                    p.id.as_str(),
                    p.number,
                    p.title.as_deref().unwrap_or("")
                )?;
            }
        }
        Item::Provision(ProvisionRef {
            jurisdiction,
            provision: p,
        }) => {
            if format == Format::Json {
                return Ok(to_json(&provision_json(jurisdiction, p)));
            }
            let instrument = jurisdiction
                .instrument(&p.instrument)
                .map(|i| i.title.as_str())
                .unwrap_or("");
            writeln!(out, "{}  {} {}", p.id, instrument, p.number)?;
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
            writeln!(out, "{}", p.summary)?;
            writeln!(out, "Source: {}", source_line(&p.source))?;
            if !p.note.is_empty() {
                writeln!(out, "Note: {}", p.note)?;
            }
            if let Some(o) = &p.outside_convention {
                writeln!(
                    out,
                    "Outside the Convention: {} {}",
                    o.theme.as_str(),
                    o.note
                )?;
            }
            for m in &p.mappings {
                let title = data
                    .category(&m.category)
                    .map(|c| c.category.title.as_str())
                    .unwrap_or("");
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
        }
    }
    Ok(out)
}

fn source_line(s: &cybercrime_taxonomy::Source) -> String {
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

fn validate(path: Option<PathBuf>, strict: bool, format: Format) -> ExitCode {
    let builder = DatasetBuilder::new().embedded();
    let builder = match &path {
        Some(p) if p.is_dir() => builder.dir(p),
        Some(p) => builder.file(p),
        None => builder,
    };
    let diagnostics = match builder.build() {
        Ok(data) => data.diagnostics().clone(),
        Err(d) => d,
    };
    let unusable = diagnostics.iter().any(|d| d.code.is_unusable());
    let shown: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity > Severity::Note || format == Format::Json)
        .collect();
    if format == Format::Json {
        print!(
            "{}",
            to_json(&json!({
                "errors": diagnostics.count(Severity::Error),
                "warnings": diagnostics.count(Severity::Warning),
                "diagnostics": shown,
            }))
        );
    } else {
        for d in &shown {
            let _ = print_out(&format!("{d}\n"));
        }
        let _ = print_out(&format!(
            "{} error(s), {} warning(s)\n",
            diagnostics.count(Severity::Error),
            diagnostics.count(Severity::Warning)
        ));
    }
    if unusable {
        ExitCode::from(2)
    } else if diagnostics.has_errors() || (strict && diagnostics.count(Severity::Warning) > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn schema(write: Option<PathBuf>) -> Result<(), Error> {
    for (name, make) in cybercrime_taxonomy::schema::KINDS {
        let text = cybercrime_taxonomy::schema::to_text(&make());
        match &write {
            Some(dir) => {
                let path = dir.join(name);
                std::fs::write(&path, text).map_err(|source| Error::Io {
                    path: path.display().to_string(),
                    source,
                })?;
            }
            None => print_out(&text)?,
        }
    }
    Ok(())
}
