//! Argument parsing and the commands. Every command loads a dataset, calls the library and
//! prints what `render` makes of the result; nothing here decides or words a finding.

use std::borrow::Cow;

use crate::output::print_out;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use cybercrime_taxonomy::check::{Checker, Options, Scope};
use cybercrime_taxonomy::render::{self, Format, catalogue};
use cybercrime_taxonomy::{
    CategoryId, Confidence, Dataset, DatasetBuilder, Error, JurisdictionCode, TaxonomyId, sssom,
};

/// Compare national cybercrime law with the UN Convention against Cybercrime (2024).
#[derive(Debug, Parser)]
#[command(name = "cybercrime-taxonomy", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// A `--format` argument offering only `formats`, parsed by [`Format`]'s `FromStr`.
fn formats(formats: &'static [&'static str]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(formats).try_map(|s| s.parse::<Format>())
}

/// The State a command-line argument names: a code in any case, a name or an alias (`sg`,
/// `Singapore`, `SGP`), as [`Dataset::lookup_jurisdiction`] finds it.
fn state(data: &Dataset, name: &str) -> Result<JurisdictionCode, Error> {
    Ok(data.lookup_jurisdiction(name)?.code)
}

/// The States a list of arguments names.
fn states(data: &Dataset, names: &[String]) -> Result<Vec<JurisdictionCode>, Error> {
    names.iter().map(|name| state(data, name)).collect()
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List taxonomies, categories, jurisdictions, provisions or cooperation treaties.
    List {
        /// What to list: taxonomies, categories, jurisdictions, provisions or treaties (with
        /// their parties).
        #[arg(value_parser = PossibleValuesParser::new(["taxonomies", "categories", "jurisdictions", "provisions", "treaties"])
            .try_map(|s| s.parse::<catalogue::Listed>()))]
        what: catalogue::Listed,
        /// Only categories of this taxonomy (e.g. un2024).
        #[arg(long)]
        taxonomy: Option<TaxonomyId>,
        /// Only provisions of this jurisdiction (a code, name or alias: SG, Singapore).
        #[arg(long)]
        jurisdiction: Option<String>,
        #[command(flatten)]
        data: Data,
        /// Output format.
        #[arg(long, default_value = "text", value_parser = formats(&["text", "json"]))]
        format: Format,
    },
    /// Show one item: a taxonomy, category, jurisdiction, instrument or provision.
    ///
    /// Found by id in any case, by name (a State's name or alias, a title) or by article
    /// number; a near miss is answered with "did you mean".
    Show {
        /// Its id or name, e.g. un2024:art7, "art 7", "budapest art 2", SG, "Viet Nam", VNM,
        /// sg:cma1993 or sg:cma1993/s3.
        id: String,
        #[command(flatten)]
        data: Data,
        /// Output format.
        #[arg(long, default_value = "text", value_parser = formats(&["text", "json"]))]
        format: Format,
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
        /// Check an SSSOM `.tsv` file against the SSSOM specification alone, without this
        /// crate's taxonomy (a fast SSSOM validator).
        #[arg(long, requires = "path")]
        sssom_only: bool,
        /// The metadata block of an SSSOM `.tsv` file in a separate YAML file (external
        /// metadata mode); without it, a `.yml` of the same name beside the file is used when
        /// the file has no `#` block.
        #[arg(long, value_name = "FILE", requires = "path")]
        metadata: Option<PathBuf>,
        /// The largest input file read, in bytes (default 536870912, 512 MiB); a larger one is
        /// refused, never read in part.
        #[arg(long, value_name = "BYTES")]
        max_input_bytes: Option<usize>,
        /// Output format.
        #[arg(long, default_value = "text", value_parser = formats(&["text", "json"]))]
        format: Format,
    },
    /// The compatibility report: every State against every Convention offence category.
    Report {
        #[command(flatten)]
        scope: ScopeArgs,
        #[command(flatten)]
        out: Output,
        /// Output format.
        #[arg(long, default_value = "md", value_parser = formats(&["md", "json", "csv", "html"]))]
        format: Format,
    },
    /// Dual criminality between two States, per category.
    Dual {
        /// The first State: a code, name or alias, e.g. SG or Singapore.
        first: String,
        /// The second State, e.g. MY or Malaysia.
        second: String,
        /// Only these categories (repeat or comma-separate; default: Articles 7-17).
        #[arg(long, value_delimiter = ',')]
        category: Vec<CategoryId>,
        #[command(flatten)]
        check: CheckArgs,
        #[command(flatten)]
        out: Output,
        /// Output format.
        #[arg(long, default_value = "md", value_parser = formats(&["md", "json", "csv"]))]
        format: Format,
    },
    /// Readiness to cooperate: the legal bases two States share, per offence dual criminality,
    /// penalties and thresholds, and the procedural powers of the requested State.
    Cooperation {
        /// The requesting State: a code, name or alias, e.g. SG or Singapore.
        requesting: String,
        /// The requested State, e.g. VN or "Viet Nam".
        requested: String,
        /// Only these categories (offences or procedural powers; repeat or comma-separate;
        /// default: Articles 7-17 and the procedural powers).
        #[arg(long, value_delimiter = ',')]
        category: Vec<CategoryId>,
        #[command(flatten)]
        check: CheckArgs,
        #[command(flatten)]
        out: Output,
        /// Output format.
        #[arg(long, default_value = "md", value_parser = formats(&["md", "json", "csv"]))]
        format: Format,
    },
    /// The law-reform brief for one State: per Convention article what its law covers, what is
    /// missing, and peer provisions of other States that cover it fully.
    Brief {
        /// The State: a code, name or alias, e.g. VN, "Viet Nam" or Vietnam.
        state: String,
        #[command(flatten)]
        check: CheckArgs,
        #[command(flatten)]
        out: Output,
        /// Output format.
        #[arg(long, default_value = "md", value_parser = formats(&["md", "json", "html"]))]
        format: Format,
    },
    /// The regional baseline over a set of States.
    Baseline {
        #[command(flatten)]
        scope: ScopeArgs,
        #[command(flatten)]
        out: Output,
        /// Output format.
        #[arg(long, default_value = "md", value_parser = formats(&["md", "json", "csv"]))]
        format: Format,
    },
    /// Verdict-level differences: the law on two dates (`--from`, `--to`), or the data against
    /// another data directory or SSSOM set (`--against`), with the cause of each change.
    Diff {
        /// The earlier date (default: the law as recorded today).
        #[arg(long)]
        from: Option<cybercrime_taxonomy::Date>,
        /// The later date (default: the law as recorded today).
        #[arg(long)]
        to: Option<cybercrime_taxonomy::Date>,
        /// Compare with the embedded data plus this directory (JSON files or SSSOM sets).
        #[arg(long)]
        against: Option<PathBuf>,
        /// Only these States (codes, names or aliases; repeat or comma-separate; default: all).
        #[arg(long, value_delimiter = ',')]
        jurisdiction: Vec<String>,
        /// Read verdicts against this taxonomy.
        #[arg(long, default_value = "un2024")]
        taxonomy: TaxonomyId,
        #[command(flatten)]
        out: Output,
        /// Output format.
        #[arg(long, default_value = "md", value_parser = formats(&["md", "json", "csv"]))]
        format: Format,
    },
    /// Aggregate counts per provision (CSV `provision,count`) to categories and ICCS codes.
    Crosswalk {
        /// The counts file.
        counts: PathBuf,
        /// The taxonomy to aggregate to.
        #[arg(long, default_value = "un2024")]
        taxonomy: TaxonomyId,
        #[command(flatten)]
        check: CheckArgs,
        #[command(flatten)]
        out: Output,
        /// Output format.
        #[arg(long, default_value = "md", value_parser = formats(&["md", "json", "csv"]))]
        format: Format,
    },
    /// Export mappings and researched gaps as an SSSOM mapping set (TSV).
    Sssom {
        /// Only these States (codes, names or aliases; repeat or comma-separate; default: all).
        #[arg(long, value_delimiter = ',')]
        jurisdiction: Vec<String>,
        /// Leave out the researched gaps (`sssom:NoTermFound` rows).
        #[arg(long)]
        no_gaps: bool,
        /// The mapping set id (a URI).
        #[arg(long)]
        mapping_set_id: Option<String>,
        /// Write only the law in force on this date (YYYY, YYYY-MM or YYYY-MM-DD); without
        /// it every record is written, repealed and pending law included.
        #[arg(long)]
        as_of: Option<cybercrime_taxonomy::Date>,
        #[command(flatten)]
        out: Output,
    },
    /// Print the data-status table (per State: provisions by confidence, penalties, verdicts,
    /// treaty status), as shown in the README.
    Status {
        #[command(flatten)]
        data: Data,
        /// Output format.
        #[arg(long, default_value = "md", value_parser = formats(&["md", "json"]))]
        format: Format,
    },
    /// Print the JSON Schemas of the data files as one JSON object keyed by file name
    /// (`taxonomy.schema.json`, ...), or write them into a directory as separate files (built
    /// with the `schema` feature).
    #[cfg(feature = "schema")]
    Schema {
        /// Write `*.schema.json` files into this directory instead of printing.
        #[arg(long)]
        write: Option<PathBuf>,
    },
}

/// Where the data comes from.
#[derive(Debug, Args)]
struct Data {
    /// Add or override data with this directory (JSON data files or SSSOM sets).
    #[arg(long)]
    data: Option<PathBuf>,
}

impl Data {
    /// The embedded data, or the embedded data with the user's directory on top.
    /// Warnings about the user's files go to standard error.
    fn load(&self) -> Result<Cow<'static, Dataset>, Error> {
        match &self.data {
            None => Ok(Cow::Borrowed(Dataset::embedded())),
            Some(dir) => {
                let data = Dataset::from_dir(dir).map_err(Error::InvalidData)?;
                for d in data.diagnostics().iter() {
                    if d.severity >= cybercrime_taxonomy::Severity::Warning {
                        eprintln!("{}", render::terminal::escape(&d.to_string()));
                    }
                }
                Ok(Cow::Owned(data))
            }
        }
    }
}

/// The options of a check.
#[derive(Debug, Args)]
struct CheckArgs {
    /// Count only provisions and mappings of at least this confidence (low, medium, high).
    #[arg(long)]
    min_confidence: Option<Confidence>,
    /// Read the law in force on this date (YYYY, YYYY-MM or YYYY-MM-DD) instead of today's.
    #[arg(long)]
    as_of: Option<cybercrime_taxonomy::Date>,
    /// Count law not yet in force (bills, enacted law awaiting commencement) as coverage too;
    /// verdicts resting on it are marked `+` and say so.
    #[arg(long)]
    include_pending: bool,
}

impl CheckArgs {
    fn options(&self) -> Options {
        let mut options = Options::default();
        if let Some(min) = self.min_confidence {
            options = options.with_min_confidence(min);
        }
        if let Some(date) = self.as_of {
            options = options.with_as_of(date);
        }
        if self.include_pending {
            options = options.with_pending();
        }
        options
    }
}

/// Which States and which taxonomy a report or baseline covers.
#[derive(Debug, Args)]
struct ScopeArgs {
    #[command(flatten)]
    check: CheckArgs,
    /// Only these States (codes, names or aliases; repeat or comma-separate; default: all).
    #[arg(long, value_delimiter = ',')]
    jurisdiction: Vec<String>,
    /// Read coverage against this taxonomy (un2024, budapest2001 or undraft).
    #[arg(long, default_value = "un2024")]
    taxonomy: TaxonomyId,
}

impl ScopeArgs {
    fn report(&self, data: &Dataset) -> Result<cybercrime_taxonomy::check::Report, Error> {
        let scope = Scope {
            jurisdictions: states(data, &self.jurisdiction)?,
            taxonomy: self.taxonomy.clone(),
        };
        Checker::with_options(data, self.check.options()).report(&scope)
    }
}

/// Where the data comes from and where the output goes.
#[derive(Debug, Args)]
struct Output {
    #[command(flatten)]
    data: Data,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

impl Output {
    /// Writes to standard output or the `-o` file, which must not be one of `inputs`.
    fn emit_checked(&self, text: &str, inputs: &[&std::path::Path]) -> Result<(), Error> {
        crate::output::emit(
            text,
            self.output.as_deref(),
            self.data.data.as_deref(),
            inputs,
        )
    }

    fn emit(&self, text: &str) -> Result<(), Error> {
        self.emit_checked(text, &[])
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::List {
            what,
            taxonomy,
            jurisdiction,
            data,
            format,
        } => {
            let data = data.load()?;
            let jurisdiction = jurisdiction.map(|j| state(&data, &j)).transpose()?;
            let listing = catalogue::listing(&data, what, taxonomy.as_ref(), jurisdiction)?;
            print_out(&catalogue::list(&listing, format)?)?;
        }
        Command::Show { id, data, format } => {
            let data = data.load()?;
            let item = data.lookup(&id)?;
            print_out(&catalogue::show(&catalogue::shown(&data, item), format)?)?;
        }
        Command::Validate {
            path,
            strict,
            sssom_only,
            metadata,
            max_input_bytes,
            format,
        } => return validate(path, metadata, sssom_only, strict, max_input_bytes, format),
        Command::Report { scope, out, format } => {
            let data = out.data.load()?;
            let report = scope.report(&data)?;
            out.emit(&render::report(&report, format)?)?;
        }
        Command::Dual {
            first,
            second,
            category,
            check,
            out,
            format,
        } => {
            let data = out.data.load()?;
            let (first, second) = (state(&data, &first)?, state(&data, &second)?);
            let dual = Checker::with_options(&data, check.options())
                .dual_criminality(first, second, &category)?;
            out.emit(&render::dual(&dual, format)?)?;
        }
        Command::Cooperation {
            requesting,
            requested,
            category,
            check,
            out,
            format,
        } => {
            let data = out.data.load()?;
            let (requesting, requested) = (state(&data, &requesting)?, state(&data, &requested)?);
            let report = Checker::with_options(&data, check.options())
                .cooperation(requesting, requested, &category)?;
            out.emit(&render::cooperation(&report, format)?)?;
        }
        Command::Brief {
            state: state_name,
            check,
            out,
            format,
        } => {
            let data = out.data.load()?;
            let brief =
                Checker::with_options(&data, check.options()).brief(state(&data, &state_name)?)?;
            out.emit(&render::brief(&brief, format)?)?;
        }
        Command::Baseline { scope, out, format } => {
            let data = out.data.load()?;
            let report = scope.report(&data)?;
            out.emit(&render::baseline(&report.baseline, format)?)?;
        }
        Command::Diff {
            from,
            to,
            against,
            jurisdiction,
            taxonomy,
            out,
            format,
        } => diff(
            (from, to),
            against.as_ref(),
            &jurisdiction,
            &taxonomy,
            &out,
            format,
        )?,
        Command::Crosswalk {
            counts,
            taxonomy,
            check,
            out,
            format,
        } => crosswalk(&counts, &taxonomy, &check, &out, format)?,
        Command::Sssom {
            jurisdiction,
            no_gaps,
            mapping_set_id,
            as_of,
            out,
        } => {
            let data = out.data.load()?;
            let mut options =
                sssom::ExportOptions::for_jurisdictions(states(&data, &jurisdiction)?);
            options.include_gaps = !no_gaps;
            options.as_of = as_of;
            if let Some(id) = mapping_set_id {
                options.mapping_set_id = id;
            }
            options.check()?;
            out.emit(&sssom::export(&data, &options))?;
        }
        Command::Status { data, format } => {
            let data = data.load()?;
            print_out(&render::data_status(
                &Checker::new(&data).data_status(),
                format,
            )?)?;
        }
        #[cfg(feature = "schema")]
        Command::Schema { write } => crate::output::schema(write)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `diff`: the data on two dates, or against another directory or SSSOM set.
fn diff(
    (from, to): (
        Option<cybercrime_taxonomy::Date>,
        Option<cybercrime_taxonomy::Date>,
    ),
    against: Option<&PathBuf>,
    jurisdiction: &[String],
    taxonomy: &TaxonomyId,
    out: &Output,
    format: Format,
) -> Result<(), Error> {
    let data = out.data.load()?;
    let other = match against {
        Some(dir) => Data {
            data: Some(dir.clone()),
        }
        .load()?,
        None => Cow::Borrowed(&*data),
    };
    let with = |date: Option<cybercrime_taxonomy::Date>| match date {
        Some(d) => Options::default().with_as_of(d),
        None => Options::default(),
    };
    // A State may be in one side only (added by the other directory).
    let jurisdiction = jurisdiction
        .iter()
        .map(|name| state(&data, name).or_else(|e| state(&other, name).map_err(|_| e)))
        .collect::<Result<Vec<_>, _>>()?;
    let before = Checker::with_options(&data, with(from));
    let after = Checker::with_options(&other, with(to));
    let diff = before.diff(&after, taxonomy, &jurisdiction);
    out.emit(&render::diff(&diff, format)?)
}

/// `crosswalk`: statistics per provision aggregated to categories and ICCS codes.
fn crosswalk(
    counts: &PathBuf,
    taxonomy: &TaxonomyId,
    check: &CheckArgs,
    out: &Output,
    format: Format,
) -> Result<(), Error> {
    let data = out.data.load()?;
    let name = counts.display().to_string();
    let file = std::fs::File::open(counts).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    let rows = cybercrime_taxonomy::read_counts(&name, file)?;
    let walk = Checker::with_options(&data, check.options()).crosswalk(taxonomy, &rows)?;
    out.emit_checked(&render::crosswalk(&walk, format)?, &[counts])
}

/// `validate`: exit 2 for unusable input, 1 for findings (or warnings with `--strict`).
fn validate(
    path: Option<PathBuf>,
    metadata: Option<PathBuf>,
    sssom_only: bool,
    strict: bool,
    max_input_bytes: Option<usize>,
    format: Format,
) -> Result<ExitCode, Error> {
    let max = max_input_bytes.unwrap_or(cybercrime_taxonomy::MAX_FILE_BYTES);
    let diagnostics = if sssom_only {
        let Some(p) = &path else {
            return Err(Error::InvalidOption {
                option: "--sssom-only",
                message: "it needs the path of an SSSOM .tsv file".to_owned(),
            });
        };
        cybercrime_taxonomy::sssom::validate_file_within(p, metadata.as_deref(), max).1
    } else {
        let builder = DatasetBuilder::new().embedded().max_input_bytes(max);
        let builder = match (&path, &metadata) {
            (Some(p), Some(m)) => builder.file_with_metadata(p, m),
            (Some(p), None) if p.is_dir() => builder.dir(p),
            (Some(p), None) => builder.file(p),
            (None, _) => builder,
        };
        match builder.build() {
            Ok(data) => {
                let d = data.diagnostics().clone();
                // The process ends right after printing: freeing a large dataset piece by
                // piece would only delay the exit (about 6% of validating the 100k set).
                std::mem::forget(data);
                d
            }
            Err(d) => d,
        }
    };
    print_out(&render::validation(&diagnostics, format)?)?;
    let warnings = diagnostics.count(cybercrime_taxonomy::Severity::Warning);
    Ok(if diagnostics.iter().any(|d| d.code.is_unusable()) {
        ExitCode::from(2)
    } else if diagnostics.has_errors() || (strict && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
