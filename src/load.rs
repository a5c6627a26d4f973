//! Loading data files (embedded, from a directory, or from readers) into a validated
//! [`Dataset`].

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::origin::Origin;
use crate::source_text::{MAX_FILE_BYTES, Position, ScanProblem, SourceText};
use crate::{Alignments, Dataset, Jurisdiction, Taxonomy, embedded, sssom, validate};

/// A parsed file and where it came from.
#[derive(Debug)]
pub(crate) struct Parsed<T> {
    pub value: T,
    pub source: Arc<SourceText>,
    /// Later layers override earlier ones (embedded data is layer 0).
    pub layer: usize,
}

impl<T> Parsed<T> {
    /// A diagnostic located at `path` in this file.
    pub fn diagnostic(
        &self,
        severity: Severity,
        code: Code,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let path = path.into();
        let position = self.source.position(&path);
        Diagnostic::new(severity, code, &self.source.name, position, path, message)
    }
}

/// All parsed files, before validation.
#[derive(Debug, Default)]
pub(crate) struct ParsedSet {
    pub taxonomies: Vec<Parsed<Taxonomy>>,
    pub alignments: Vec<Parsed<Alignments>>,
    pub jurisdictions: Vec<Parsed<Jurisdiction>>,
    pub treaties: Vec<Parsed<crate::TreatyFile>>,
}

/// Builds a [`Dataset`] from shipped data and users' own files.
///
/// Files added later override earlier ones: a user directory may add jurisdictions or replace
/// shipped ones (a note says so). Two files of the same *layer* defining the same jurisdiction or
/// taxonomy are an error.
///
/// ```
/// use cybercrime_taxonomy::DatasetBuilder;
///
/// let my_state = r#"{ "code": "ZZ", "name": "Example State", "as_of": "2026-11",
///                     "instruments": [], "provisions": [], "gaps": [] }"#;
/// let dataset = DatasetBuilder::new()
///     .embedded()
///     .text("zz.json", my_state)
///     .build()
///     .expect("valid");
/// assert!(dataset.jurisdiction_str("ZZ").is_some());
/// ```
#[derive(Debug, Default)]
pub struct DatasetBuilder {
    inputs: Vec<(SourceText, usize)>,
    diagnostics: Vec<Diagnostic>,
    layer: usize,
    origin: Origin,
    import_date: Option<crate::Date>,
    /// External metadata blocks, by the name of the mapping set they describe.
    metadata: std::collections::HashMap<String, SourceText>,
    /// The largest input file accepted, when not [`MAX_FILE_BYTES`].
    max_bytes: Option<usize>,
}

impl DatasetBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// The largest input file accepted, in bytes, for the files added after this call (the
    /// default is [`MAX_FILE_BYTES`]). A larger file is refused with a diagnostic, never read
    /// in part.
    ///
    /// ```
    /// use cybercrime_taxonomy::DatasetBuilder;
    /// let e = DatasetBuilder::new()
    ///     .max_input_bytes(10)
    ///     .text("big.json", "{\"too\": \"long\"}")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(e.to_string().starts_with("big.json: error[too-large]: file is larger than the input limit of 10 bytes\n"));
    /// ```
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_bytes = Some(bytes);
        self
    }

    fn limit(&self) -> usize {
        self.max_bytes.unwrap_or(MAX_FILE_BYTES)
    }

    /// The date to give what an SSSOM import synthesises (the `checked` date of sources made
    /// for new provisions, the `as_of` of a new jurisdiction) when a mapping set has no
    /// `mapping_date`. Without it, the shipped data's [`DATA_AS_OF`](crate::DATA_AS_OF) is used,
    /// so that building a dataset never reads the clock.
    pub fn import_date(mut self, date: crate::Date) -> Self {
        self.import_date = Some(date);
        self
    }

    /// Adds every data file shipped with the crate.
    pub fn embedded(mut self) -> Self {
        self.origin.shipped = Origin::shipped().shipped;
        for (name, text) in embedded::FILES {
            let mut source = SourceText::new(format!("embedded:{name}"), *text);
            source.shipped = true;
            self.inputs.push((source, self.layer));
        }
        self.layer += 1;
        self
    }

    /// Adds only the shipped taxonomies and alignments, without the national data: for checking
    /// your own jurisdictions on their own.
    pub fn embedded_taxonomies(mut self) -> Self {
        if self.origin.shipped.is_none() {
            self.origin.shipped = Origin::shipped().shipped.map(|mut s| {
                s.taxonomies_only = true;
                s
            });
        }
        for (name, text) in embedded::FILES {
            if name.starts_with("data/taxonomies/") {
                let mut source = SourceText::new(format!("embedded:{name}"), *text);
                source.shipped = true;
                self.inputs.push((source, self.layer));
            }
        }
        self.layer += 1;
        self
    }

    /// Adds every `*.json` data file and `*.tsv` SSSOM mapping set under `dir` (searched two
    /// levels deep, skipping `schema/`), in name order. Read errors become diagnostics at build
    /// time.
    ///
    /// A directory with a `manifest.json` at its top (a whole data release, such as the crate's
    /// own `data/` at another version) *replaces* the embedded data instead of adding to it: its
    /// manifest's version and date are then the data's, and only one such directory can be given.
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        let dir = dir.as_ref();
        let manifest = dir.join(MANIFEST);
        if manifest.is_file() {
            self.release(dir, &manifest);
        } else {
            self.origin.inputs.push(dir.display().to_string());
        }
        let mut files = Vec::new();
        if let Err(e) = collect_json_files(dir, 0, &mut files) {
            self.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Code::Io,
                &dir.display().to_string(),
                None,
                "",
                format!("cannot read directory: {e}"),
            ));
        }
        if files.is_empty() && self.diagnostics.is_empty() {
            // The user's data would contribute nothing: a report would silently be the
            // shipped data alone.
            self.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Code::Io,
                &dir.display().to_string(),
                None,
                "",
                "no .json data files or .tsv SSSOM files found (searched two levels deep)",
            ));
        }
        files.retain(|f| *f != manifest);
        files.sort();
        for path in files {
            self = self.add_file(&path);
        }
        self.layer += 1;
        self
    }

    /// Reads a release's manifest and puts the release in the place of the embedded data.
    fn release(&mut self, dir: &Path, manifest: &Path) {
        let name = manifest.display().to_string();
        if let Some(first) = self.origin.shipped.as_ref().and_then(|s| s.path.as_ref()) {
            self.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Code::DuplicateId,
                &name,
                None,
                "",
                format!(
                    "a second data release: only one directory with a manifest.json can be read (the first is {first})"
                ),
            ));
            return;
        }
        self.inputs
            .retain(|(s, _)| !s.name.starts_with("embedded:"));
        let path = Some(dir.display().to_string());
        let text = match std::fs::read(manifest) {
            Ok(bytes) if bytes.len() > MAX_MANIFEST_BYTES => {
                self.diagnostics.push(Diagnostic::new(
                    Severity::Error,
                    Code::TooLarge,
                    &name,
                    None,
                    "",
                    format!("a manifest is larger than the limit of {MAX_MANIFEST_BYTES} bytes"),
                ));
                return;
            }
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                self.diagnostics.push(unreadable(&name, &e));
                return;
            }
        };
        match serde_json::from_str::<Manifest>(&text) {
            Ok(m)
                if m.version.is_empty()
                    || m.version.len() > 40
                    || !m
                        .version
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b)) =>
            {
                self.diagnostics.push(Diagnostic::new(
                    Severity::Error,
                    Code::Schema,
                    &name,
                    None,
                    "version",
                    "expected a version of 1 to 40 letters, digits, `.`, `_`, `+` or `-` (e.g. `2026.12.1`)",
                ));
            }
            Ok(m) => {
                self.origin.shipped = Some(crate::origin::Shipped {
                    version: m.version,
                    as_of: m.as_of,
                    taxonomies_only: false,
                    path,
                });
            }
            Err(e) => self.diagnostics.push(json_error_diagnostic(&name, &e)),
        }
    }

    /// Adds one file: JSON data, or an SSSOM mapping set when its name ends in `.tsv`.
    pub fn file(mut self, path: impl AsRef<Path>) -> Self {
        let path = path.as_ref();
        self.origin.inputs.push(path.display().to_string());
        self = self.add_file(path);
        self.layer += 1;
        // An SSSOM mapping set in external metadata mode has its metadata block in a YAML
        // file beside it: `x.sssom.tsv` → `x.sssom.yml` (or `.yaml`).
        if is_sssom_name(&path.display().to_string()) {
            if let Some(meta) = metadata_beside(path) {
                if self.has_no_metadata_block(path) {
                    self = self.metadata_for(path, &meta);
                }
            }
        }
        self
    }

    /// Adds an SSSOM mapping set whose metadata block is in a separate YAML file (external
    /// metadata mode), as `validate --metadata FILE` does.
    pub fn file_with_metadata(mut self, tsv: impl AsRef<Path>, metadata: impl AsRef<Path>) -> Self {
        let tsv = tsv.as_ref();
        self.origin.inputs.push(tsv.display().to_string());
        self = self.add_file(tsv);
        self.layer += 1;
        self.metadata_for(tsv, metadata.as_ref())
    }

    /// Whether the mapping set last read from `path` starts without `#` lines.
    fn has_no_metadata_block(&self, path: &Path) -> bool {
        let name = path.display().to_string();
        self.inputs
            .iter()
            .rev()
            .find(|(s, _)| s.name == name)
            .is_some_and(|(s, _)| !s.text.starts_with('#'))
    }

    /// Reads `meta` as the metadata block of the mapping set at `tsv`.
    fn metadata_for(mut self, tsv: &Path, meta: &Path) -> Self {
        match read_text(meta, self.limit()) {
            Ok(t) => {
                let name = meta.display().to_string();
                self.origin.inputs.push(name.clone());
                self.metadata
                    .insert(tsv.display().to_string(), SourceText::new(name, t));
            }
            Err(d) => self.diagnostics.push(d),
        }
        self
    }

    fn add_file(mut self, path: &Path) -> Self {
        // Only regular files (opening a FIFO or a device could block forever), within the
        // size limit: `read_text` checks both.
        match read_text(path, self.limit()) {
            Ok(text) => self.accept(path.display().to_string(), text),
            Err(d) => self.diagnostics.push(d),
        }
        self
    }

    /// Adds a file's contents from a reader; `name` is used in diagnostics, and a name ending in
    /// `.tsv` marks an SSSOM mapping set.
    pub fn reader(mut self, name: impl Into<String>, reader: impl Read) -> Self {
        let name = name.into();
        self.origin.inputs.push(name.clone());
        self = self.read_into(name, reader);
        self.layer += 1;
        self
    }

    /// Adds a file's contents given as text; `name` is used in diagnostics, and a name ending in
    /// `.tsv` marks an SSSOM mapping set.
    pub fn text(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let name = name.into();
        self.origin.inputs.push(name.clone());
        if text.len() > self.limit() {
            self.diagnostics.push(too_large(&name, self.limit()));
        } else {
            self.accept(name, text);
        }
        self.layer += 1;
        self
    }

    /// Takes a file's text: a UTF-8 byte-order mark is dropped (with a note), and a file whose
    /// lines end in a bare carriage return is refused with a message that says so.
    fn accept(&mut self, name: String, mut text: String) {
        if let Some(rest) = text.strip_prefix('\u{feff}') {
            self.diagnostics.push(Diagnostic::new(
                Severity::Note,
                Code::Syntax,
                &name,
                None,
                "",
                "a UTF-8 byte-order mark at the start was ignored",
            ));
            text = rest.to_owned();
        }
        if text.contains('\r') && !text.contains('\n') {
            self.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Code::Syntax,
                &name,
                None,
                "",
                "lines end in a bare carriage return (old Mac style): save the file with LF or CRLF line endings",
            ));
            return;
        }
        self.inputs.push((SourceText::new(name, text), self.layer));
    }

    fn read_into(mut self, name: String, reader: impl Read) -> Self {
        let mut text = String::new();
        let max = self.limit();
        let limit = max as u64 + 1;
        match reader.take(limit).read_to_string(&mut text) {
            Ok(n) if n > max => self.diagnostics.push(too_large(&name, max)),
            Ok(_) => self.accept(name, text),
            Err(e) => self.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Code::Io,
                &name,
                None,
                "",
                format!("cannot read as UTF-8 text: {e}"),
            )),
        }
        self
    }

    /// Parses and validates everything added. On success the dataset carries the warnings and
    /// notes; on failure every diagnostic (errors and warnings) is returned.
    pub fn build(self) -> Result<Dataset, Diagnostics> {
        let mut diagnostics = self.diagnostics;
        let mut set = ParsedSet::default();
        let mut mapping_sets = Vec::new();
        for (source, layer) in self.inputs {
            if is_sssom_name(&source.name) {
                mapping_sets.push((source, layer));
            } else {
                parse_input(source, layer, &mut set, &mut diagnostics);
            }
        }
        let mut set = resolve_overrides(set, &mut diagnostics);
        if !mapping_sets.is_empty() {
            let date = self.import_date.unwrap_or(crate::DATA_AS_OF);
            let mut imported = Vec::new();
            {
                let base = sssom::Base::new(
                    set.taxonomies.iter().map(|p| &p.value),
                    set.jurisdictions.iter().map(|p| &p.value),
                );
                for (source, layer) in mapping_sets {
                    let meta = self.metadata.get(&source.name);
                    let (parsed, problems) = sssom::parse_with_metadata(
                        &source.name,
                        &source.text,
                        meta.map(|m| (m.name.as_str(), m.text.as_str())),
                    );
                    diagnostics.extend(problems);
                    let conformance = sssom::conform(&source.name, &parsed);
                    diagnostics.extend(conformance.diagnostics);
                    let set = sssom::import(
                        &base,
                        &source.name,
                        &parsed,
                        &conformance.bad_rows,
                        date,
                        &mut diagnostics,
                    );
                    imported.push((source.name, layer, set));
                }
            }
            for (name, layer, result) in imported {
                for (value, rows) in result.jurisdictions {
                    set.jurisdictions.push(Parsed {
                        value,
                        source: Arc::new(SourceText::with_rows(name.clone(), rows)),
                        layer,
                    });
                }
            }
            set = resolve_overrides(set, &mut diagnostics);
        }
        validate::check(&set, &mut diagnostics);
        diagnostics.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code))
        });
        let diagnostics = Diagnostics(diagnostics);
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(Dataset::from_parts(
            set.taxonomies.into_iter().map(|p| p.value).collect(),
            set.alignments.into_iter().map(|p| p.value).collect(),
            set.jurisdictions.into_iter().map(|p| p.value).collect(),
            set.treaties
                .into_iter()
                .flat_map(|p| p.value.treaties)
                .collect(),
            diagnostics,
            self.origin,
        ))
    }
}

/// The name of a data release's manifest, at the top of its directory.
const MANIFEST: &str = "manifest.json";
/// A manifest holds two short fields; anything bigger is not one.
const MAX_MANIFEST_BYTES: usize = 4096;

/// A data release's `manifest.json`: its version and research date.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    version: String,
    as_of: crate::Date,
}

/// Whether a file name marks an SSSOM mapping set (`.tsv`, in any case).
fn is_sssom_name(name: &str) -> bool {
    name.len() >= 4
        && name.is_char_boundary(name.len() - 4)
        && name[name.len() - 4..].eq_ignore_ascii_case(".tsv")
}

/// The text of a regular file of at most `max` bytes, or the diagnostic that says why it
/// cannot be read.
pub(crate) fn read_text(path: &Path, max: usize) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(Diagnostic::new(
            Severity::Error,
            Code::Io,
            &name,
            None,
            "",
            "not a regular file: only data files are read",
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| unreadable(&name, &e))?;
    // Room for the whole file at once (reading through `take` loses std's size hint, and a
    // buffer grown by doubling can hold up to twice the text).
    let size = file.metadata().map_or(0, |m| m.len());
    let mut text = String::with_capacity(usize::try_from(size).unwrap_or(max).min(max) + 1);
    match file.take(max as u64 + 1).read_to_string(&mut text) {
        Ok(n) if n > max => Err(too_large(&name, max)),
        Ok(_) => Ok(text),
        Err(e) => Err(Diagnostic::new(
            Severity::Error,
            Code::Io,
            &name,
            None,
            "",
            format!("cannot read as UTF-8 text: {e}"),
        )),
    }
}

/// The metadata file beside an SSSOM TSV file in external metadata mode: `x.sssom.tsv` →
/// `x.sssom.yml` (or `.yaml`), if there is one.
pub(crate) fn metadata_beside(tsv: &Path) -> Option<PathBuf> {
    ["yml", "yaml"]
        .into_iter()
        .map(|ext| tsv.with_extension(ext))
        .find(|p| p.is_file())
}

/// A file that cannot be opened or read.
fn unreadable(name: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        Code::Io,
        name,
        None,
        "",
        format!("cannot read file: {e}"),
    )
}

fn too_large(name: &str, max: usize) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        Code::TooLarge,
        name,
        None,
        "",
        format!("file is larger than the input limit of {max} bytes"),
    )
}

fn collect_json_files(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            let skip = path.file_name().is_some_and(|n| n == "schema");
            if depth < 2 && !skip {
                collect_json_files(&path, depth + 1, out)?;
            }
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("tsv"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Which kind of data file a text is, judged by its top-level keys.
enum FileKind {
    Taxonomy,
    Alignments,
    Jurisdiction,
    Treaties,
}

fn parse_input(
    source: SourceText,
    layer: usize,
    set: &mut ParsedSet,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (problems, repaired) = if source.shipped {
        (Vec::new(), None)
    } else {
        source.recover()
    };
    for problem in &problems {
        match problem {
            ScanProblem::TrailingComma(at) => diagnostics.push(Diagnostic::new(
                Severity::Error,
                Code::TrailingComma,
                &source.name,
                Some(*at),
                "",
                "trailing comma before `]` or `}`: JSON allows none; remove it",
            )),
            ScanProblem::TooDeep(at) => {
                diagnostics.push(Diagnostic::new(
                    Severity::Error,
                    Code::TooLarge,
                    &source.name,
                    Some(*at),
                    "",
                    format!(
                        "nesting deeper than {} levels",
                        crate::source_text::MAX_DEPTH
                    ),
                ));
                return;
            }
        }
    }
    let text = repaired.as_deref().unwrap_or(&source.text);
    let known = source.shipped.then(|| shipped_kind(&source.name)).flatten();
    let kind = match known.map_or_else(|| sniff_kind(text), Ok) {
        Ok(kind) => kind,
        Err(diagnostic) => {
            diagnostics.push(diagnostic.in_file(&source.name));
            return;
        }
    };
    let source = Arc::new(source);
    let text = repaired.as_deref().unwrap_or(&source.text);
    match kind {
        FileKind::Taxonomy => push_parsed(text, &source, layer, &mut set.taxonomies, diagnostics),
        FileKind::Alignments => push_parsed(text, &source, layer, &mut set.alignments, diagnostics),
        FileKind::Jurisdiction => {
            push_parsed(text, &source, layer, &mut set.jurisdictions, diagnostics)
        }
        FileKind::Treaties => push_parsed(text, &source, layer, &mut set.treaties, diagnostics),
    }
}

/// A diagnostic whose file is filled in later.
struct Unplaced(Diagnostic);

impl Unplaced {
    fn in_file(mut self, file: &str) -> Diagnostic {
        file.clone_into(&mut self.0.file);
        self.0
    }
}

fn json_error_diagnostic(file: &str, e: &serde_json::Error) -> Diagnostic {
    let code = match e.classify() {
        serde_json::error::Category::Data => Code::Schema,
        _ => Code::Syntax,
    };
    // serde_json gives column 0 at the very end of a line (e.g. at the end of the file).
    let position = (e.line() > 0).then_some(Position {
        line: e.line(),
        column: e.column().max(1),
    });
    // serde_json appends " at line L column C"; the position is shown separately.
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    };
    Diagnostic::new(Severity::Error, code, file, position, "", message)
}

/// The kind of a shipped file, from where it sits in `data/` (so that loading the embedded
/// data does not parse each file twice).
fn shipped_kind(name: &str) -> Option<FileKind> {
    let path = name.strip_prefix("embedded:")?;
    if path == "data/taxonomies/alignments.json" {
        Some(FileKind::Alignments)
    } else if path.starts_with("data/taxonomies/") {
        Some(FileKind::Taxonomy)
    } else if path.starts_with("data/jurisdictions/") {
        Some(FileKind::Jurisdiction)
    } else if path.starts_with("data/cooperation/") {
        Some(FileKind::Treaties)
    } else {
        None
    }
}

fn sniff_kind(text: &str) -> Result<FileKind, Unplaced> {
    #[derive(serde::Deserialize)]
    struct Keys {
        categories: Option<serde::de::IgnoredAny>,
        relations: Option<serde::de::IgnoredAny>,
        iccs: Option<serde::de::IgnoredAny>,
        code: Option<serde::de::IgnoredAny>,
        treaties: Option<serde::de::IgnoredAny>,
    }
    const KINDS: &str = "a taxonomy (with `categories`), a jurisdiction (with `code`), alignments (with `relations` or `iccs`) or cooperation treaties (with `treaties`)";
    let keys: Keys = serde_json::from_str(text).map_err(|e| {
        if e.classify() == serde_json::error::Category::Data {
            // Valid JSON whose top level is not an object (`null`, `[]`, `"x"`).
            Unplaced(Diagnostic::new(
                Severity::Error,
                Code::UnknownFileKind,
                "",
                Some(Position { line: 1, column: 1 }),
                "",
                format!("not a data file: the top level must be a JSON object, {KINDS}"),
            ))
        } else {
            Unplaced(json_error_diagnostic("", &e))
        }
    })?;
    if keys.categories.is_some() {
        Ok(FileKind::Taxonomy)
    } else if keys.code.is_some() {
        Ok(FileKind::Jurisdiction)
    } else if keys.relations.is_some() || keys.iccs.is_some() {
        Ok(FileKind::Alignments)
    } else if keys.treaties.is_some() {
        Ok(FileKind::Treaties)
    } else {
        Err(Unplaced(Diagnostic::new(
            Severity::Error,
            Code::UnknownFileKind,
            "",
            Some(Position { line: 1, column: 1 }),
            "",
            format!("not a data file: expected {KINDS}"),
        )))
    }
}

fn push_parsed<T: DeserializeOwned>(
    text: &str,
    source: &Arc<SourceText>,
    layer: usize,
    into: &mut Vec<Parsed<T>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    match serde_json::from_str::<T>(text) {
        Ok(value) => into.push(Parsed {
            value,
            source: Arc::clone(source),
            layer,
        }),
        Err(e) => diagnostics.push(json_error_diagnostic(&source.name, &e)),
    }
}

/// Applies overrides between layers and reports duplicates within a layer.
fn resolve_overrides(set: ParsedSet, diagnostics: &mut Vec<Diagnostic>) -> ParsedSet {
    ParsedSet {
        taxonomies: dedupe(
            set.taxonomies,
            |t| t.id.to_string(),
            ("taxonomy", "id"),
            diagnostics,
        ),
        alignments: set.alignments,
        treaties: set.treaties,
        jurisdictions: dedupe(
            set.jurisdictions,
            |j| j.code.to_string(),
            ("jurisdiction", "code"),
            diagnostics,
        ),
    }
}

fn dedupe<T>(
    items: Vec<Parsed<T>>,
    key: impl Fn(&T) -> String,
    (what, path): (&str, &str),
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Parsed<T>> {
    let mut kept: Vec<Parsed<T>> = Vec::with_capacity(items.len());
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for item in items {
        let k = key(&item.value);
        match index.get(&k) {
            Some(&at) if kept[at].layer == item.layer => {
                let first = kept[at].source.name.clone();
                diagnostics.push(item.diagnostic(
                    Severity::Error,
                    Code::DuplicateId,
                    path,
                    format!("{what} `{k}` is already defined in {first}"),
                ));
            }
            Some(&at) => {
                let replaced = kept[at].source.name.clone();
                diagnostics.push(item.diagnostic(
                    Severity::Note,
                    Code::Override,
                    path,
                    format!("{what} `{k}` replaces the one from {replaced}"),
                ));
                kept[at] = item;
            }
            None => {
                index.insert(k, kept.len());
                kept.push(item);
            }
        }
    }
    kept
}
