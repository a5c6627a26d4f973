//! Markdown renderers.

use std::fmt::Write;

use super::table::{Align, Table};
use super::{ids, join, mark, over_breadth_line, symbol, words};
use crate::Error;
use crate::check::{Baseline, Crosswalk, DualReport, Level, Overlap, Report};

/// User text made inert in Markdown: no table breaks, no raw HTML, no links or images.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The matrix legend.
const LEGEND: &str = "Legend: ● full (every element covered, only permitted qualifications) · ◐ partial (elements missing or conditions the Convention does not permit) · ✗ researched gap · ? not researched · * rests only on low-confidence (unverified) citations or mappings · + rests on law not yet in force (only with `--include-pending`)";

pub(super) fn report(r: &Report) -> Result<String, crate::Error> {
    let mut out = String::new();
    writeln!(
        out,
        "# National law against the {}",
        cell(&r.taxonomy_title)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}. {} States, {} offence categories. {}",
        cell(&words::origin(&r.origin)),
        r.states.len(),
        r.categories.len(),
        words::scope(&r.options, r.beyond_research).join(" ")
    )?;
    writeln!(out)?;
    matrix(
        &mut out,
        &r.categories,
        r.states.iter().map(|s| (s, &s.coverage[..])),
    )?;
    writeln!(out)?;
    writeln!(out, "{LEGEND}")?;
    writeln!(out)?;
    writeln!(out, "Columns:")?;
    for c in &r.categories {
        writeln!(
            out,
            "- {} ({}): {} [{}]",
            cell(&c.label()),
            c.id,
            cell(&c.title),
            c.class.as_str()
        )?;
    }
    if !r.powers.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Procedural powers")?;
        writeln!(out)?;
        matrix(
            &mut out,
            &r.powers,
            r.states.iter().map(|s| (s, &s.powers[..])),
        )?;
        writeln!(out)?;
        writeln!(out, "{LEGEND}")?;
        writeln!(out)?;
        writeln!(out, "Columns:")?;
        for c in &r.powers {
            writeln!(out, "- {} ({}): {}", cell(&c.label()), c.id, cell(&c.title))?;
        }
    }
    writeln!(out)?;
    out.push_str(&baseline(&r.baseline)?);
    writeln!(out)?;
    writeln!(out, "## Findings by State")?;
    for s in &r.states {
        state_findings(&mut out, s, &r.categories)?;
        if !s.powers.is_empty() {
            writeln!(out)?;
            writeln!(out, "Procedural powers:")?;
            writeln!(out)?;
            findings_list(&mut out, &s.powers, &r.powers)?;
        }
    }
    Ok(out)
}

/// A States x categories matrix of coverage marks.
fn matrix<'a>(
    out: &mut String,
    headings: &[crate::check::CategoryHeading],
    rows: impl Iterator<
        Item = (
            &'a crate::check::StateFindings,
            &'a [crate::check::Coverage],
        ),
    >,
) -> std::fmt::Result {
    let mut align = vec![Align::Left];
    align.extend(headings.iter().map(|_| Align::Center));
    let mut t = Table::new(&align);
    t.row(std::iter::once("State".to_owned()).chain(headings.iter().map(|c| cell(&c.label()))));
    for (s, coverage) in rows {
        t.row(
            std::iter::once(format!("{} {}", s.jurisdiction, cell(&s.name)))
                .chain(coverage.iter().map(mark)),
        );
    }
    out.push_str(&t.markdown());
    Ok(())
}

/// One State's section: each category's verdict with its reasons, overlaps, over-breadth.
fn state_findings(
    out: &mut String,
    s: &crate::check::StateFindings,
    headings: &[crate::check::CategoryHeading],
) -> std::fmt::Result {
    writeln!(out)?;
    writeln!(out, "### {} {}", s.jurisdiction, cell(&s.name))?;
    writeln!(out)?;
    writeln!(
        out,
        "Researched as of {}. Treaties: {}.",
        s.as_of,
        s.treaty_summary()
    )?;
    writeln!(out)?;
    findings_list(out, &s.coverage, headings)?;
    findings_tail(out, s)
}

/// Each category's verdict with its reasons, as a list.
fn findings_list(
    out: &mut String,
    coverage: &[crate::check::Coverage],
    headings: &[crate::check::CategoryHeading],
) -> std::fmt::Result {
    for (c, heading) in coverage.iter().zip(headings) {
        let level = c.verdict.level();
        writeln!(
            out,
            "- {} **{} {}**: {}{}",
            symbol(level),
            cell(&heading.label()),
            cell(&heading.title),
            level.as_str(),
            c.confidence()
                .map(|x| format!(" (confidence {x})"))
                .unwrap_or_default()
        )?;
        for reason in words::reasons(c) {
            writeln!(out, "  - {}", cell(&reason))?;
        }
    }
    Ok(())
}

/// A State's overlaps and over-breadth findings.
fn findings_tail(out: &mut String, s: &crate::check::StateFindings) -> std::fmt::Result {
    if !s.overlaps.is_empty() {
        writeln!(out)?;
        writeln!(out, "Overlaps:")?;
        for o in &s.overlaps {
            match o {
                Overlap::SeveralProvisions {
                    category,
                    provisions,
                    ..
                } => writeln!(
                    out,
                    "- {category} is covered by {}",
                    join(&ids(provisions), ", ")
                )?,
                Overlap::SeveralCategories {
                    provision,
                    categories,
                    ..
                } => writeln!(out, "- {provision} covers {}", join(&ids(categories), ", "))?,
            }
        }
    }
    if !s.over_breadth.is_empty() {
        writeln!(out)?;
        writeln!(out, "For the human-rights safeguards review:")?;
        for o in &s.over_breadth {
            writeln!(out, "- {}", cell(&over_breadth_line(o)))?;
        }
    }
    sources(out, &s.sources)
}

/// The provisions cited above, each with its statute, section, link and confidence.
fn sources(out: &mut String, sources: &[crate::check::Citation]) -> std::fmt::Result {
    if sources.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "Sources:")?;
    for c in sources {
        match &c.url {
            Some(url) => writeln!(
                out,
                "- {} [source]({})",
                cell(&words::citation(c)),
                link(url)
            )?,
            None => writeln!(out, "- {}", cell(&words::citation(c)))?,
        }
    }
    Ok(())
}

/// A link destination: in angle brackets, so that parentheses and spaces cannot end it early,
/// with the characters that could end the brackets percent-encoded.
fn link(url: &str) -> String {
    let mut out = String::from("<");
    for c in url.chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

pub(super) fn baseline(b: &Baseline) -> Result<String, Error> {
    let mut out = String::new();
    writeln!(
        out,
        "## Regional baseline ({} States)",
        b.jurisdictions.len()
    )?;
    writeln!(out)?;
    let mut t = Table::new(&[
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
    ]);
    t.row([
        "Category",
        "Full",
        "Partial",
        "Gap",
        "Not researched",
        "Elements common to all",
        "Pairs blocked",
    ]);
    for c in &b.categories {
        t.row([
            c.category.to_string(),
            join(&ids(&c.full), " "),
            join(&ids(&c.partial), " "),
            join(&ids(&c.gap), " "),
            join(&ids(&c.unknown), " "),
            join(&ids(&c.common_elements), ", "),
            c.blocked_pairs.to_string(),
        ]);
    }
    out.push_str(&t.markdown());
    writeln!(out)?;
    writeln!(
        out,
        "Fully covered by every State: {}.",
        if b.common_to_all.is_empty() {
            "none".to_owned()
        } else {
            join(&ids(&b.common_to_all), ", ")
        }
    )?;
    writeln!(
        out,
        "Gaps that block the most pairs of States (for mutual legal assistance and extradition): {}.",
        if b.ranked_gaps.is_empty() {
            "none".to_owned()
        } else {
            join(&ids(&b.ranked_gaps), ", ")
        }
    )?;
    reform_table(&mut out, &b.reform)?;
    pairs_table(&mut out, &b.pairs)?;
    Ok(out)
}

/// The States by need for law reform.
fn reform_table(out: &mut String, rows: &[crate::check::ReformNeed]) -> std::fmt::Result {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "### Need for law reform, greatest first")?;
    writeln!(out)?;
    writeln!(
        out,
        "Need: two points per researched gap, one per partial article. Not researched and low-confidence verdicts are shown beside it, not counted. `brief CC` gives each State's detail with peer models."
    )?;
    writeln!(out)?;
    let mut align = vec![Align::Right; 7];
    align[0] = Align::Left;
    let mut t = Table::new(&align);
    t.row([
        "State",
        "Need",
        "Full",
        "Partial",
        "Gap",
        "Not researched",
        "Low confidence",
    ]);
    for r in rows {
        t.row([
            r.jurisdiction.to_string(),
            r.need().to_string(),
            r.full.to_string(),
            r.partial.to_string(),
            r.gap.to_string(),
            r.unknown.to_string(),
            r.low_confidence.to_string(),
        ]);
    }
    out.push_str(&t.markdown());
    Ok(())
}

/// Every pair of States by readiness to cooperate.
fn pairs_table(out: &mut String, rows: &[crate::check::PairReadiness]) -> std::fmt::Result {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "### Readiness to cooperate, least ready pairs first")?;
    writeln!(out)?;
    writeln!(
        out,
        "Treaty bases in force binding both States, and the procedural powers (Arts 25-30) a side has a researched gap for. `cooperation A B` gives the detail."
    )?;
    writeln!(out)?;
    let mut t = Table::new(&[
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
    ]);
    t.row([
        "Pair",
        "MLA basis",
        "Extradition basis",
        "Powers lacking",
        "Powers not researched",
    ]);
    for p in rows {
        let basis = |t: &[crate::TreatyId]| {
            if t.is_empty() {
                "**none**".to_owned()
            } else {
                t.iter()
                    .map(|id| {
                        if p.limited.contains(id) {
                            format!("{id} (some offences only)")
                        } else {
                            id.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let mut lacking: Vec<String> = p
            .first_lacks
            .iter()
            .map(|c| format!("{} {}", p.first, c.local()))
            .collect();
        lacking.extend(
            p.second_lacks
                .iter()
                .map(|c| format!("{} {}", p.second, c.local())),
        );
        t.row([
            format!("{}-{}", p.first, p.second),
            basis(&p.mutual_assistance),
            basis(&p.extradition),
            if lacking.is_empty() {
                "none".to_owned()
            } else {
                lacking.join(", ")
            },
            p.not_researched.to_string(),
        ]);
    }
    out.push_str(&t.markdown());
    Ok(())
}

pub(super) fn dual(d: &DualReport) -> Result<String, Error> {
    let mut out = String::new();
    writeln!(out, "# Dual criminality: {} and {}", d.first, d.second)?;
    writeln!(out)?;
    writeln!(out, "{}.", cell(&words::origin(&d.origin)))?;
    writeln!(out)?;
    writeln!(out, "{}", words::scope(&d.options, false).join(" "))?;
    writeln!(out)?;
    let n = &d.counts;
    writeln!(
        out,
        "Overall: {} of {} categories satisfied, {} conditional, {} unknown, {} not satisfied (worst: **{}**).",
        n.satisfied,
        d.categories.len(),
        n.conditional,
        n.unknown,
        n.not_satisfied,
        d.overall.as_str()
    )?;
    writeln!(out)?;
    writeln!(out, "Treaty basis:")?;
    for t in &d.treaty_basis {
        let basis = if t.both_parties {
            "both Parties"
        } else if t.both_signed {
            "both signed, not both Parties"
        } else {
            "not shared"
        };
        writeln!(
            out,
            "- {}: {} {}, {} {} ({basis})",
            t.treaty,
            d.first,
            t.first.as_str(),
            d.second,
            t.second.as_str()
        )?;
    }
    writeln!(out)?;
    let mut t = Table::new(&[Align::Left, Align::Center, Align::Center, Align::Left]);
    t.row([
        "Category".to_owned(),
        d.first.to_string(),
        d.second.to_string(),
        "Verdict".to_owned(),
    ]);
    for c in &d.categories {
        t.row([
            c.category.to_string(),
            symbol(c.first).to_owned(),
            symbol(c.second).to_owned(),
            c.verdict.as_str().to_owned(),
        ]);
    }
    out.push_str(&t.markdown());
    writeln!(out)?;
    for c in &d.categories {
        writeln!(out, "## {}: {}", c.category, c.verdict.as_str())?;
        writeln!(out)?;
        for r in words::dual(c) {
            writeln!(out, "- {}", cell(&r))?;
        }
        writeln!(out)?;
    }
    Ok(out)
}

pub(super) fn crosswalk(c: &Crosswalk) -> Result<String, Error> {
    let mut out = String::new();
    writeln!(out, "# Crosswalk to {} and ICCS", c.taxonomy)?;
    writeln!(out)?;
    writeln!(out, "Total counted once: {}", c.total)?;
    writeln!(out)?;
    let mut table = Table::new(&[
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Left,
    ]);
    table.row(["Category", "ICCS", "Exclusive", "Shared", "Provisions"]);
    for t in &c.categories {
        table.row([
            t.category.to_string(),
            words::iccs_codes(t),
            t.exclusive.to_string(),
            t.shared.to_string(),
            join(&ids(&t.provisions), ", "),
        ]);
    }
    out.push_str(&table.markdown());
    writeln!(out)?;
    let mut table = Table::new(&[Align::Left, Align::Right, Align::Right]);
    table.row(["ICCS", "Exclusive", "Shared"]);
    for t in &c.iccs {
        table.row([
            t.code.to_string(),
            t.exclusive.to_string(),
            t.shared.to_string(),
        ]);
    }
    out.push_str(&table.markdown());
    let without: Vec<_> = c
        .categories
        .iter()
        .filter_map(|t| t.iccs_note.as_ref().map(|note| (&t.category, note)))
        .collect();
    if !without.is_empty() {
        writeln!(out)?;
        writeln!(out, "No ICCS code:")?;
        for (category, note) in without {
            writeln!(out, "- {category}: {}", cell(note))?;
        }
    }
    if !c.one_to_many.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Counted in several categories (shown as shared, not added up):"
        )?;
        for o in &c.one_to_many {
            writeln!(
                out,
                "- {} ({}): {}",
                o.provision,
                o.count,
                join(&ids(&o.categories), ", ")
            )?;
        }
    }
    for (title, rows) in [
        ("Not mapped onto the taxonomy", &c.unmapped),
        ("Not in the dataset", &c.unknown),
    ] {
        if !rows.is_empty() {
            writeln!(out)?;
            writeln!(out, "{title}:")?;
            for r in rows {
                writeln!(out, "- line {}: {} ({})", r.line, r.provision, r.count)?;
            }
        }
    }
    Ok(out)
}

/// The data-status table: per State, what the data holds and how well it is sourced.
pub(super) fn data_status(d: &crate::check::DataStatus) -> Result<String, Error> {
    let mut out = String::new();
    let mut align = vec![Align::Right; 11];
    for i in [0, 1, 2, 9, 10] {
        align[i] = Align::Left;
    }
    let mut t = Table::new(&align);
    t.row([
        "State",
        "As of",
        "Provisions (high / medium / low confidence)",
        "With penalties",
        "Art 7-17 covered",
        "Researched gaps",
        "Not researched",
        "Outside the Convention",
        "Powers (Art 24-30): covered / gap / not researched",
        "UN Convention",
        "Budapest",
    ]);
    for s in &d.states {
        let treaty = |t: &str| {
            s.treaties
                .iter()
                .find(|c| c.treaty.as_str() == t)
                .map(|c| match c.date {
                    Some(date) => format!("{} {date}", c.status.as_str()),
                    None => c.status.as_str().to_owned(),
                })
                .unwrap_or_else(|| "unknown".to_owned())
        };
        let p = &s.provisions;
        t.row([
            format!("{} {}", s.jurisdiction, cell(&s.name)),
            s.as_of.to_string(),
            format!(
                "{} ({} / {} / {})",
                p.high + p.medium + p.low,
                p.high,
                p.medium,
                p.low
            ),
            s.with_penalties.to_string(),
            s.covered.to_string(),
            s.gaps.to_string(),
            s.not_researched.to_string(),
            s.outside_convention.to_string(),
            format!(
                "{} / {} / {}",
                s.powers_covered, s.powers_gaps, s.powers_not_researched
            ),
            treaty("un2024"),
            treaty("budapest2001"),
        ]);
    }
    out.push_str(&t.markdown());
    Ok(out)
}

pub(super) fn diff(d: &crate::check::Diff) -> Result<String, Error> {
    let mut out = String::new();
    writeln!(out, "# Changes in the verdicts ({})", d.taxonomy)?;
    writeln!(out)?;
    writeln!(out, "From: {}.", cell(&words::compared(&d.from)))?;
    writeln!(out, "To: {}.", cell(&words::compared(&d.to)))?;
    writeln!(out)?;
    if d.is_empty() {
        writeln!(out, "No differences.")?;
        return Ok(out);
    }
    let level = |l: Option<Level>| l.map_or("absent", |l| l.as_str());
    for c in &d.changes {
        writeln!(
            out,
            "- **{} {}**: {} -> {}",
            c.jurisdiction,
            c.category,
            level(c.before),
            level(c.after)
        )?;
        for cause in &c.causes {
            writeln!(out, "  - {}", cell(&words::cause(cause)))?;
        }
    }
    if !d.treaties.is_empty() {
        writeln!(out)?;
        writeln!(out, "Treaty status:")?;
        for t in &d.treaties {
            writeln!(
                out,
                "- {} {}: {} -> {}",
                t.jurisdiction,
                t.treaty,
                t.before.as_str(),
                t.after.as_str()
            )?;
        }
    }
    Ok(out)
}

pub(super) fn cooperation(r: &crate::check::CooperationReport) -> Result<String, Error> {
    let mut out = String::new();
    writeln!(
        out,
        "# Cooperation: {} requests, {} executes",
        r.requesting, r.requested
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}. Law and treaties read on {}.",
        cell(&words::origin(&r.origin)),
        r.on
    )?;
    writeln!(out)?;
    bases_section(&mut out, r)?;
    authorities_section(&mut out, r)?;
    offences_section(&mut out, r)?;
    powers_section(&mut out, r)?;
    Ok(out)
}

/// The treaty bases and the rules of the shared ones.
fn bases_section(out: &mut String, r: &crate::check::CooperationReport) -> std::fmt::Result {
    writeln!(out, "## Legal bases")?;
    writeln!(out)?;
    let mut t = Table::new(&[Align::Left; 6]);
    t.row([
        "Treaty".to_owned(),
        "For".to_owned(),
        "In force".to_owned(),
        r.requesting.to_string(),
        r.requested.to_string(),
        "Basis".to_owned(),
    ]);
    for b in &r.bases {
        let subjects: Vec<&str> = b.subjects.iter().map(|s| s.as_str()).collect();
        t.row([
            format!(
                "[{}]({})",
                cell(&b.short_title),
                cell(b.source.url.as_deref().unwrap_or(""))
            ),
            subjects.join(", "),
            words::flag(b.in_force).to_owned(),
            words::standing(&b.requesting),
            words::standing(&b.requested),
            words::shared(b).to_owned(),
        ]);
    }
    out.push_str(&t.markdown());
    writeln!(out)?;
    for b in r.bases.iter().filter(|b| b.shared == Some(true)) {
        writeln!(out, "Rules of {} read from its text:", cell(&b.short_title))?;
        if b.rules.is_empty() {
            writeln!(out, "- none recorded (see the treaty's note)")?;
        }
        for rule in &b.rules {
            writeln!(out, "- {}", cell(&words::rule(rule)))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Both States' cooperation authorities.
fn authorities_section(out: &mut String, r: &crate::check::CooperationReport) -> std::fmt::Result {
    writeln!(out, "## Authorities")?;
    writeln!(out)?;
    for (code, list) in [
        (r.requesting, &r.requesting_authorities),
        (r.requested, &r.requested_authorities),
    ] {
        if list.is_empty() {
            writeln!(out, "- {code}: none recorded")?;
        }
        for a in list {
            writeln!(
                out,
                "- {code} {}: {}{}{} ([source]({}), {})",
                a.role.as_str(),
                cell(&a.name),
                if a.basis.is_empty() {
                    String::new()
                } else {
                    format!(", under {}", cell(&a.basis))
                },
                a.from.map(|d| format!(", from {d}")).unwrap_or_default(),
                cell(a.source.url.as_deref().unwrap_or("")),
                a.confidence.as_str()
            )?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// Per offence: dual criminality, penalties and thresholds.
fn offences_section(out: &mut String, r: &crate::check::CooperationReport) -> std::fmt::Result {
    writeln!(
        out,
        "## Offences: dual criminality, penalties and thresholds"
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "Serious crime: a maximum of at least four years (UN Art 2(h)). Extradition threshold: at least one year in both States (Budapest Art 24(1)(a)). Penalties are the highest basic penalty among the provisions the coverage rests on."
    )?;
    writeln!(out)?;
    let mut t = Table::new(&[Align::Left; 6]);
    t.row([
        "Category".to_owned(),
        "Dual criminality".to_owned(),
        format!("{} max", r.requesting),
        format!("{} max", r.requested),
        "Serious crime (both)".to_owned(),
        "Extradition threshold (both)".to_owned(),
    ]);
    for c in &r.categories {
        t.row([
            c.category.to_string(),
            c.dual.as_str().to_owned(),
            format!(
                "{} {}",
                symbol(c.requesting.level),
                cell(&words::max_penalty(c.requesting.basic.as_ref()))
            ),
            format!(
                "{} {}",
                symbol(c.requested.level),
                cell(&words::max_penalty(c.requested.basic.as_ref()))
            ),
            words::flag(c.serious_crime).to_owned(),
            words::flag(c.extradition_threshold).to_owned(),
        ]);
    }
    out.push_str(&t.markdown());
    writeln!(out)?;
    Ok(())
}

/// The requested State's powers.
fn powers_section(out: &mut String, r: &crate::check::CooperationReport) -> std::fmt::Result {
    writeln!(out, "## Powers of {} for the request", r.requested)?;
    writeln!(out)?;
    let mut t = Table::new(&[Align::Left; 5]);
    t.row([
        "Power",
        "Coverage",
        "Provisions",
        "Foreign requests",
        "Dual criminality",
    ]);
    for p in &r.powers {
        let provisions: Vec<String> = p
            .provisions
            .iter()
            .map(|x| format!("{} ({})", x.provision, cell(&x.authority)))
            .collect();
        let foreign: Vec<&str> = p
            .provisions
            .iter()
            .map(|x| words::foreign_requests(x.foreign_requests))
            .collect();
        let mut foreign_unique: Vec<&str> = Vec::new();
        for f in foreign {
            if !foreign_unique.contains(&f) {
                foreign_unique.push(f);
            }
        }
        t.row([
            format!("{} {}", p.category, cell(&p.title)),
            format!(
                "{} {}",
                symbol(p.coverage.verdict.level()),
                p.coverage.verdict.level().as_str()
            ),
            if provisions.is_empty() {
                "none".to_owned()
            } else {
                provisions.join("; ")
            },
            if foreign_unique.is_empty() {
                "-".to_owned()
            } else {
                foreign_unique.join("; ")
            },
            cell(&words::dual_need(&p.dual_criminality)),
        ]);
    }
    out.push_str(&t.markdown());
    writeln!(out)?;
    Ok(())
}

pub(super) fn brief(b: &crate::check::Brief) -> Result<String, Error> {
    use crate::check::Level;
    let mut out = String::new();
    writeln!(
        out,
        "# Law-reform brief: {} {}",
        b.jurisdiction,
        cell(&b.name)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}. {}",
        cell(&words::origin(&b.origin)),
        words::scope(&b.options, false).join(" ")
    )?;
    writeln!(out)?;
    writeln!(out, "{}", words::brief_counts(b))?;
    writeln!(out)?;
    let mut t = Table::new(&[Align::Left; 4]);
    t.row(["Article", "Verdict", "Missing", "Conditions not permitted"]);
    for a in &b.articles {
        t.row([
            format!("{} {}", a.category, cell(&a.title)),
            super::mark(&a.coverage),
            if a.missing.is_empty() {
                "-".to_owned()
            } else {
                join(&ids(&a.missing), ", ")
            },
            if a.conditions.is_empty() {
                "-".to_owned()
            } else {
                a.conditions
                    .iter()
                    .map(|x| format!("{} ({})", x.id, x.provision))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        ]);
    }
    out.push_str(&t.markdown());
    writeln!(out)?;
    writeln!(out, "{LEGEND}")?;
    for a in b.articles.iter().filter(|a| {
        matches!(
            a.coverage.verdict.level(),
            Level::Partial | Level::Gap | Level::Unknown
        )
    }) {
        writeln!(out)?;
        writeln!(
            out,
            "## {} {}: {}",
            a.category,
            cell(&a.title),
            a.coverage.verdict.level().as_str()
        )?;
        writeln!(out)?;
        for r in words::reasons(&a.coverage) {
            writeln!(out, "- {}", cell(&r))?;
        }
        if a.coverage.verdict.level() == Level::Unknown {
            continue;
        }
        writeln!(out)?;
        if a.peers.is_empty() {
            writeln!(
                out,
                "Peer models: no other State in the data covers this article fully."
            )?;
        } else {
            writeln!(
                out,
                "Peer models (provisions of other States that cover it fully):"
            )?;
            for p in &a.peers {
                let name = format!("{} {}, {}", p.jurisdiction, cell(&p.instrument), p.number);
                match &p.url {
                    Some(url) => writeln!(
                        out,
                        "- [{name}]({}) ({}, confidence {})",
                        link(url),
                        p.provision,
                        p.confidence.as_str()
                    )?,
                    None => writeln!(
                        out,
                        "- {name} ({}, confidence {})",
                        p.provision,
                        p.confidence.as_str()
                    )?,
                }
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "## Outside the Convention (for the human-rights review)"
    )?;
    writeln!(out)?;
    if b.outside.is_empty() {
        writeln!(out, "None recorded.")?;
    }
    for o in &b.outside {
        writeln!(out, "- {}", cell(&over_breadth_line(o)))?;
    }
    sources(&mut out, &b.sources)?;
    Ok(out)
}
