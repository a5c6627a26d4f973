//! Where the command line's output goes: standard output (escaped for a terminal) or a file
//! written atomically.

use std::path::{Path, PathBuf};

use cybercrime_taxonomy::{Error, render};

/// The absolute, symlink-free form of a path that may not exist yet (its parent does).
pub(crate) fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`: an
/// interrupted write never leaves a truncated file where the old one was.
pub(crate) fn write_atomically(path: &Path, text: &str) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

/// Writes to standard output, control characters escaped; a closed pipe (e.g. `| head`) ends
/// output quietly, any other write error (a full disk) is an error.
pub(crate) fn print_out(text: &str) -> Result<(), Error> {
    use std::io::Write;
    let text = render::terminal::escape(text);
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

/// Writes the output: to standard output, or atomically to `file`, which must not be one of
/// the `inputs` nor lie inside the `--data` directory `data_dir`.
pub(crate) fn emit(
    text: &str,
    file: Option<&Path>,
    data_dir: Option<&Path>,
    inputs: &[&Path],
) -> Result<(), Error> {
    let Some(path) = file else {
        return print_out(text);
    };
    let target = resolved(path);
    let clashes = inputs.iter().any(|i| resolved(i) == target)
        || data_dir.is_some_and(|dir| target.starts_with(resolved(dir)));
    if clashes {
        return Err(Error::InvalidOption {
            option: "output",
            message: format!(
                "`{}` is one of the inputs (or inside the --data directory): choose another file",
                path.display()
            ),
        });
    }
    write_atomically(path, text)
}

/// `schema`: one JSON document holding every schema on standard output, or with `--write DIR`
/// one `*.schema.json` file per schema in `DIR`.
#[cfg(feature = "schema")]
pub(crate) fn schema(write: Option<PathBuf>) -> Result<(), Error> {
    let Some(dir) = write else {
        return print_out(&cybercrime_taxonomy::schema::bundle_text());
    };
    for (name, make) in cybercrime_taxonomy::schema::KINDS {
        let path = dir.join(name);
        std::fs::write(&path, cybercrime_taxonomy::schema::to_text(&make())).map_err(|source| {
            Error::Io {
                path: path.display().to_string(),
                source,
            }
        })?;
    }
    Ok(())
}
