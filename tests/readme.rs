//! The README and the docs describe the command line as `--help` does: every option they use
//! with a subcommand is one of that subcommand's options, and every `--format` value they name
//! is one it offers.
//!
//! A command is recognised in a code span or a line of a fenced block as
//! `cybercrime-taxonomy CMD ...` or `cargo run [cargo options] -- CMD ...`, and in a code span
//! also as `CMD ...` (the first word a subcommand). "(also `a`, `b`)" right after a span claims
//! its options for those subcommands too. A span that starts with an option and names no
//! command is checked against the options of every subcommand.
#![cfg(feature = "cli")]

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// What `--help` says of one subcommand: its options (long and short) and, per option, the
/// values it accepts where it lists them.
#[derive(Debug, Default)]
struct Help {
    options: BTreeSet<String>,
    values: BTreeMap<String, BTreeSet<String>>,
}

fn help_text(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cybercrime-taxonomy"))
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The subcommands listed by the top-level `--help`.
fn subcommands() -> Vec<String> {
    let text = help_text(&[]);
    let mut names = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line == "Commands:" {
            inside = true;
        } else if inside && line.starts_with("  ") {
            if let Some(name) = line.split_whitespace().next() {
                if name != "help" {
                    names.push(name.to_owned());
                }
            }
        } else if inside {
            break;
        }
    }
    assert!(names.len() > 5, "no commands found in:\n{text}");
    names
}

/// Parses a subcommand's `--help`: option lines are indented less than their descriptions.
fn help(cmd: &str) -> Help {
    let text = help_text(&[cmd]);
    let mut h = Help::default();
    let mut current: Vec<String> = Vec::new();
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim_start();
        if indent > 0 && indent < 8 && trimmed.starts_with('-') {
            current = trimmed
                .split([' ', ','])
                .filter(|w| is_option(w))
                .map(str::to_owned)
                .collect();
            h.options.extend(current.iter().cloned());
        }
        if let Some(at) = line.find("[possible values: ") {
            let rest = &line[at + "[possible values: ".len()..];
            let list = rest.split(']').next().unwrap_or("");
            for option in &current {
                h.values
                    .entry(option.clone())
                    .or_default()
                    .extend(list.split(", ").map(str::to_owned));
            }
        }
    }
    assert!(
        h.options.contains("--help"),
        "{cmd}: nothing parsed from\n{text}"
    );
    h
}

/// `-o` or `--format`: dashes then a letter, then letters, digits and dashes.
fn is_option(word: &str) -> bool {
    let name = word.trim_start_matches('-');
    let dashes = word.len() - name.len();
    (dashes == 1 && name.len() == 1 || dashes == 2 && name.len() > 1)
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A piece of command-line text found in a Markdown file.
struct Snippet {
    /// Where: file and line.
    place: String,
    /// The text, with Markdown's `\|` (an escaped table bar) turned into `|`.
    text: String,
    /// An inline code span (not a line of a fenced block).
    inline: bool,
    /// The subcommands of an "(also `a`, `b`)" right after the span.
    also: Vec<String>,
}

/// Every code span and every line of a fenced block in `markdown`.
fn snippets(name: &str, markdown: &str) -> Vec<Snippet> {
    let mut out = Vec::new();
    let mut fenced = false;
    for (i, line) in markdown.lines().enumerate() {
        let place = format!("{name}:{}", i + 1);
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            out.push(Snippet {
                place,
                text: line.to_owned(),
                inline: false,
                also: Vec::new(),
            });
            continue;
        }
        let parts: Vec<&str> = line.split('`').collect();
        // Odd parts are inside backticks.
        for k in (1..parts.len().saturating_sub(1)).step_by(2) {
            let after = parts[k + 1];
            let mut also = Vec::new();
            if after.starts_with(" (also ") {
                // "(also `a`, `b`)": the names are the odd parts up to the closing bracket.
                let mut j = k + 2;
                while j < parts.len() {
                    also.push(parts[j].to_owned());
                    if parts.get(j + 1).is_none_or(|p| p.contains(')')) {
                        break;
                    }
                    j += 2;
                }
            }
            out.push(Snippet {
                place: place.clone(),
                text: parts[k].replace("\\|", "|"),
                inline: true,
                also,
            });
        }
    }
    out
}

/// Where a command line starts in `words`: the index of its subcommand, if the words are a use
/// of this program. `Err` for a use of this program whose subcommand is not one.
fn command_at(words: &[&str], inline: bool, commands: &[String]) -> Result<Option<usize>, String> {
    // `schema` exists only with the `schema` feature; its options are then not checked.
    let known = |w: &str| commands.iter().any(|c| c == w) || w == "schema";
    if let Some(i) = words
        .iter()
        .position(|w| *w == "cybercrime-taxonomy" || w.ends_with("/cybercrime-taxonomy"))
    {
        return match words.get(i + 1) {
            Some(w) if known(w) => Ok(Some(i + 1)),
            Some(w) if w.starts_with('-') => Ok(None),
            other => Err(format!("`cybercrime-taxonomy {}`", other.unwrap_or(&""))),
        };
    }
    if words.len() > 1 && words[0] == "cargo" && words[1] == "run" {
        if words.contains(&"--example") {
            return Ok(None);
        }
        return match words.iter().position(|w| *w == "--") {
            Some(i) => match words.get(i + 1) {
                Some(w) if known(w) => Ok(Some(i + 1)),
                other => Err(format!("`cargo run -- {}`", other.unwrap_or(&""))),
            },
            None => Ok(None),
        };
    }
    if inline && words.first().is_some_and(|w| known(w)) {
        return Ok(Some(0));
    }
    Ok(None)
}

/// The options in `words` with the values written after each (`--format md|json` gives
/// `md` and `json`).
fn options_used(words: &[&str]) -> Vec<(String, Vec<String>)> {
    let clean = |w: &str| {
        w.trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | ',' | '.' | ';' | ':'))
            .to_owned()
    };
    let mut used = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let word = clean(word);
        let option = word.split('=').next().unwrap_or("");
        if !is_option(option) {
            continue;
        }
        let values = words
            .get(i + 1)
            .map(|v| clean(v))
            .filter(|v| !v.starts_with('-'))
            .map(|v| {
                v.split('|')
                    .map(&clean)
                    .filter(|x| {
                        !x.is_empty()
                            && x.chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                    })
                    .collect()
            })
            .unwrap_or_default();
        used.push((option.to_owned(), values));
    }
    used
}

/// Every mismatch between `markdown`'s command lines and `--help`.
fn mismatches(
    name: &str,
    markdown: &str,
    commands: &[String],
    helps: &BTreeMap<String, Help>,
) -> Vec<String> {
    let mut bad = Vec::new();
    let any = Help {
        options: helps.values().flat_map(|h| h.options.clone()).collect(),
        values: helps.values().fold(BTreeMap::new(), |mut all, h| {
            for (o, v) in &h.values {
                all.entry(o.clone())
                    .or_insert_with(BTreeSet::new)
                    .extend(v.iter().cloned());
            }
            all
        }),
    };
    let check = |place: &str, cmd: &str, h: &Help, words: &[&str], bad: &mut Vec<String>| {
        for (option, values) in options_used(words) {
            if !h.options.contains(&option) {
                bad.push(format!("{place}: `{cmd}` has no option `{option}`"));
                continue;
            }
            if let Some(offered) = h.values.get(&option) {
                for v in values.iter().filter(|v| !offered.contains(*v)) {
                    bad.push(format!(
                        "{place}: `{cmd} {option}` offers no `{v}` ({offered:?})"
                    ));
                }
            }
        }
    };
    for s in snippets(name, markdown) {
        // A shell comment ends the command; `&&`, `;` and a pipe start another.
        let text = s.text.split(" # ").next().unwrap_or("");
        for segment in text
            .split("&&")
            .flat_map(|t| t.split(';'))
            .flat_map(|t| t.split(" | "))
        {
            let words: Vec<&str> = segment.split_whitespace().collect();
            match command_at(&words, s.inline, commands) {
                Err(e) => bad.push(format!("{}: {e} is not a subcommand", s.place)),
                Ok(Some(at)) => {
                    let cmd = words[at];
                    if cmd == "schema" && cfg!(not(feature = "schema")) {
                        continue;
                    }
                    let rest = &words[at + 1..];
                    check(&s.place, cmd, &helps[cmd], rest, &mut bad);
                    for other in &s.also {
                        match helps.get(other.as_str()) {
                            Some(h) => check(&s.place, other, h, rest, &mut bad),
                            None => {
                                bad.push(format!("{}: (also `{other}`): not a subcommand", s.place))
                            }
                        }
                    }
                    if !s.also.is_empty() {
                        // "(also ...)" names every other subcommand that takes these options.
                        let options: Vec<String> =
                            options_used(rest).into_iter().map(|(o, _)| o).collect();
                        let taking: BTreeSet<&str> = helps
                            .iter()
                            .filter(|(_, h)| options.iter().all(|o| h.options.contains(o)))
                            .map(|(c, _)| c.as_str())
                            .collect();
                        let named: BTreeSet<&str> =
                            s.also.iter().map(String::as_str).chain([cmd]).collect();
                        let missing: Vec<&&str> = taking.difference(&named).collect();
                        if !missing.is_empty() {
                            bad.push(format!(
                                "{}: {options:?} are also taken by {missing:?}, which the (also ...) list leaves out",
                                s.place
                            ));
                        }
                    }
                }
                Ok(None) if s.inline && words.first().is_some_and(|w| is_option(w)) => {
                    check(&s.place, "any command", &any, &words, &mut bad);
                }
                Ok(None) => {}
            }
        }
    }
    bad
}

fn all_helps(commands: &[String]) -> BTreeMap<String, Help> {
    commands.iter().map(|c| (c.clone(), help(c))).collect()
}

#[test]
fn every_option_the_readme_and_docs_use_is_in_the_subcommands_help() {
    let commands = subcommands();
    let helps = all_helps(&commands);
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = vec![format!("{root}/README.md")];
    for entry in std::fs::read_dir(format!("{root}/docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            files.push(path.display().to_string());
        }
    }
    let mut bad = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let name = file.trim_start_matches(root).trim_start_matches('/');
        bad.extend(mismatches(name, &text, &commands, &helps));
        checked += snippets(name, &text).len();
    }
    assert!(checked > 100, "only {checked} snippets found");
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn only_validate_and_schema_read_no_data_as_the_readme_says() {
    let helps = all_helps(&subcommands());
    let without: Vec<&str> = helps
        .iter()
        .filter(|(_, h)| !h.options.contains("--data"))
        .map(|(c, _)| c.as_str())
        .collect();
    let expected: &[&str] = if cfg!(feature = "schema") {
        &["schema", "validate"]
    } else {
        &["validate"]
    };
    assert_eq!(without, expected);
    let readme = include_str!("../README.md").replace('\n', " ");
    assert!(
        readme.contains(
            "takes `--data DIR` to add or replace jurisdictions with your own files, except `validate`"
        ),
        "the README's sentence on `--data` changed: check it against `--help`"
    );
}

#[test]
fn the_check_catches_an_option_a_subcommand_does_not_have() {
    let commands = subcommands();
    let helps = all_helps(&commands);
    let text = "\
| `dual SG MY --format md\\|json\\|html` | one |
| `report --min-confidence medium` (also `dual`, `validate`) | two |
Run `--stict` or

```sh
cargo run --release -- report --colour
cargo run -- reprot
cybercrime-taxonomy status --format md   # fine
```
";
    assert_eq!(
        mismatches("x.md", text, &commands, &helps),
        [
            "x.md:1: `dual --format` offers no `html` ({\"csv\", \"json\", \"md\"})",
            "x.md:2: `validate` has no option `--min-confidence`",
            "x.md:2: [\"--min-confidence\"] are also taken by [\"baseline\", \"brief\", \"cooperation\", \"crosswalk\"], which the (also ...) list leaves out",
            "x.md:3: `any command` has no option `--stict`",
            "x.md:6: `report` has no option `--colour`",
            "x.md:7: `cargo run -- reprot` is not a subcommand",
        ]
    );
}
