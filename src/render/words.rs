//! How findings are worded: one place for every sentence the renderers print.

use crate::check::{
    Citation, Cited, Coverage, DualCategory, DualFinding, Reason, UnknownCause, Verdict,
};
use crate::{CategoryId, LocalId, Origin};

fn cited(c: &Cited) -> String {
    format!("{} ({})", c.provision, c.number)
}

fn list(ids: &[LocalId]) -> String {
    ids.iter()
        .map(LocalId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// One step of a verdict's argument as a sentence fragment (no final full stop).
pub fn reason(r: &Reason, category: &CategoryId) -> String {
    match r {
        Reason::Counts {
            provision,
            relation,
        } => format!("{} {relation} {category}", cited(provision)),
        Reason::NotInForce {
            provision,
            status,
            on: None,
        } => format!(
            "{} is {} and is not counted",
            cited(provision),
            status.as_str()
        ),
        Reason::NotInForce {
            provision,
            on: Some(date),
            ..
        } => format!(
            "{} was not in force on {date} and is not counted",
            cited(provision)
        ),
        Reason::BelowConfidence {
            provision,
            confidence,
            floor,
        } => format!(
            "{} is below the minimum confidence ({confidence} < {floor}) and is not counted",
            cited(provision)
        ),
        Reason::OnlyRelated {
            provision,
            relation,
        } => format!(
            "{} is only related ({relation}): it does not criminalise the conduct as such",
            cited(provision)
        ),
        Reason::Pending { provision } => format!(
            "{} is not yet in force: it counts only because pending law is included",
            cited(provision)
        ),
        Reason::Reserved { element } => {
            format!("`{element}` is not covered, as a reservation permits")
        }
        Reason::NotRequired {
            element,
            qualification,
        } => format!(
            "`{element}` is not covered, as the obligation is conditional ({qualification}) and the State relies on the condition"
        ),
        Reason::MissingElements { elements } => format!("missing elements: {}", list(elements)),
        Reason::ImpermissibleCondition { condition } => format!(
            "{} adds a condition the Convention does not permit ({}): {}",
            condition.provision, condition.id, condition.description
        ),
        Reason::NarrowedNotNeeded => {
            "the narrowed provisions are not needed: others cover every element without them"
                .to_owned()
        }
        Reason::ResearchedGap => "researched gap: no provision criminalises it".to_owned(),
        Reason::NotResearched => "not researched".to_owned(),
        Reason::NoVerdict => "no provision mapped and no gap record".to_owned(),
        Reason::Derived {
            from,
            from_level,
            relation,
            gives,
        } => format!(
            "{from} is {} and {relation} {category}, which gives {}",
            from_level.as_str(),
            gives.as_str()
        ),
        Reason::NotChained { from, relation } => format!(
            "{from} {relation} {category}: not chained (only exact, broad and narrow alignments are)"
        ),
        Reason::NoAlignment => "no direct mapping and no alignment to the Convention".to_owned(),
    }
}

/// Every reason of a coverage, worded, followed by what the gap record or unknown says.
pub fn reasons(c: &Coverage) -> Vec<String> {
    let mut out: Vec<String> = c.reasons.iter().map(|r| reason(r, &c.category)).collect();
    match &c.verdict {
        Verdict::Gap { checked } if !checked.is_empty() => out.push(format!("checked: {checked}")),
        Verdict::Unknown { cause } => out.push(unknown(cause)),
        _ => {}
    }
    out
}

/// Why a verdict is unknown.
pub fn unknown(cause: &UnknownCause) -> String {
    match cause {
        UnknownCause::NotResearched { checked } => format!("not researched: {checked}"),
        UnknownCause::NoVerdict => "no verdict recorded".to_owned(),
        UnknownCause::BelowConfidence => {
            "only provisions below the minimum confidence map onto it".to_owned()
        }
        UnknownCause::NotDerivable => {
            "not derivable: no Convention verdict carries over to it".to_owned()
        }
    }
}

/// One State's side of a dual-criminality finding, as a sentence.
pub fn side(c: &Coverage) -> String {
    let code = c.jurisdiction;
    let provisions = |ps: &[crate::ProvisionId]| {
        ps.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &c.verdict {
        Verdict::Full { provisions: ps, .. } => {
            format!("{code} covers it fully ({}).", provisions(ps))
        }
        Verdict::Partial {
            provisions: ps,
            missing,
            extra_conditions,
            ..
        } => {
            let mut s = format!("{code} covers it partly ({})", provisions(ps));
            if !missing.is_empty() {
                s.push_str(&format!("; it does not cover {}", list(missing)));
            }
            let mut seen: Vec<&LocalId> = Vec::new();
            for x in extra_conditions {
                if !seen.contains(&&x.id) {
                    seen.push(&x.id);
                    s.push_str(&format!(
                        "; {} requires a condition the Convention does not permit ({}: {})",
                        x.provision, x.id, x.description
                    ));
                }
            }
            s.push('.');
            s
        }
        Verdict::Gap { .. } => format!("{code} has no such offence (researched gap)."),
        Verdict::Unknown { cause } => format!("{code}: {}.", unknown(cause)),
    }
}

/// The sentences behind one category's dual-criminality verdict, each printed once.
pub fn dual(c: &DualCategory) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in c.sides.iter().map(side) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out.push(
        match c.finding {
            DualFinding::BothFull => "Both States fully criminalise the conduct.",
            DualFinding::GapOnOneSide => "A side has no such offence: dual criminality fails.",
            DualFinding::UnknownOnOneSide => "A side is not researched: no verdict can be given.",
            DualFinding::SharedConduct => {
                "The conduct is criminal in both, but only where the differences above do not matter in the case."
            }
            DualFinding::NoSharedConduct => "No conduct limb of the category is criminal in both.",
        }
        .to_owned(),
    );
    out
}

/// Where the data came from, as one line: `data 2026.12.0 (shipped, as of 2026-12-01) + ./mine`.
pub fn origin(o: &Origin) -> String {
    let mut s = format!("data {}", o.version());
    if let Some(shipped) = &o.shipped {
        let what = match (&shipped.path, shipped.taxonomies_only) {
            (Some(path), _) => format!("release read from {path}"),
            (None, true) => "shipped taxonomies only".to_owned(),
            (None, false) => "shipped".to_owned(),
        };
        s.push_str(&format!(" ({what}, as of {})", shipped.as_of));
    }
    for input in &o.inputs {
        s.push_str(&format!(" + {input}"));
    }
    if let Some(g) = &o.generated {
        s.push_str(&format!(" + {g}"));
    }
    s
}

/// A penalty in words: `up to 3 years' imprisonment, a fine of up to 10000 SGD, caning`.
pub fn penalty(p: &crate::Penalty) -> String {
    let mut parts = Vec::new();
    if p.death {
        parts.push("death".to_owned());
    }
    match (p.min_imprisonment, p.max_imprisonment) {
        (Some(min), Some(crate::Term::Life)) => {
            parts.push(format!("imprisonment from {min} to life"));
        }
        (_, Some(crate::Term::Life)) => parts.push("imprisonment for life".to_owned()),
        (Some(min), Some(max)) => parts.push(format!("{min} to {max} of imprisonment")),
        (None, Some(max)) => parts.push(format!("up to {max} of imprisonment")),
        (Some(min), None) => parts.push(format!("at least {min} of imprisonment")),
        (None, None) => {}
    }
    if let Some(f) = &p.fine {
        let money = |m: &crate::Money| format!("{} {}", m.amount, m.currency);
        let mut s = match (&f.min, &f.max) {
            (Some(a), Some(b)) => format!("a fine of {} to {}", money(a), money(b)),
            (None, Some(b)) => format!("a fine of up to {}", money(b)),
            (Some(a), None) => format!("a fine of at least {}", money(a)),
            (None, None) => "a fine".to_owned(),
        };
        if !f.note.is_empty() {
            s.push_str(&format!(" ({})", f.note));
        }
        parts.push(s);
    }
    parts.extend(p.other.iter().cloned());
    let mut s = if parts.is_empty() {
        "no sanction recorded".to_owned()
    } else {
        parts.join(", ")
    };
    if !p.condition.is_empty() {
        s.push_str(&format!(" where {}", p.condition));
    }
    s.push_str(&format!(" [{}]", p.confidence));
    s
}

/// What a check read: the law on its as-of date (or as recorded today) and the confidence
/// floor, as sentences; with a warning when the date is after the research date.
pub fn scope(options: &crate::check::Options, beyond_research: bool) -> Vec<String> {
    let mut out = Vec::new();
    match options.as_of {
        Some(date) => out.push(format!("Law in force on {date}.")),
        None => out.push("Law in force as the data records it today.".to_owned()),
    }
    if beyond_research {
        out.push(
            "The date is after the data was researched: later changes in the law are not in the data."
                .to_owned(),
        );
    }
    if let Some(min) = options.min_confidence {
        out.push(format!(
            "Counting only provisions and mappings of {min} confidence or better."
        ));
    }
    if options.include_pending {
        out.push("Law not yet in force is counted too: a verdict marked + rests on it.".to_owned());
    }
    out
}

/// Why a provision does not count on one side of a diff.
pub fn why(w: &crate::check::Why) -> String {
    use crate::check::Why;
    match w {
        Why::NotInData => "it is not in that data".to_owned(),
        Why::NotInForce { replaced_by } if replaced_by.is_empty() => {
            "it was not in force".to_owned()
        }
        Why::NotInForce { replaced_by } => format!(
            "it was not in force (replaced by {})",
            replaced_by
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Why::NotCounted => "its mapping is absent or does not count".to_owned(),
    }
}

/// One cause of a verdict change, as a sentence.
pub fn cause(c: &crate::check::Cause) -> String {
    use crate::check::Cause;
    let gap = |g: &Option<crate::GapVerdict>| match g {
        Some(crate::GapVerdict::Gap) => "a researched gap",
        Some(crate::GapVerdict::NotResearched) => "not researched",
        None => "no gap record",
    };
    match c {
        Cause::ProvisionEntered { provision, before } => {
            format!("{provision} now counts; before, {}.", why(before))
        }
        Cause::ProvisionLeft { provision, after } => {
            format!("{provision} no longer counts: {}.", why(after))
        }
        Cause::MappingChanged { provisions } => format!(
            "The mappings of {} changed (elements covered or conditions).",
            provisions
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Cause::GapRecordChanged { before, after } => {
            format!(
                "The gap record changed from {} to {}.",
                gap(before),
                gap(after)
            )
        }
    }
}

/// The date a side reads the law on, or "today".
pub fn compared(s: &crate::check::Side) -> String {
    let date = s
        .options
        .as_of
        .map_or_else(|| "as recorded today".to_owned(), |d| format!("on {d}"));
    format!("{}, law {date}", origin(&s.origin))
}

/// A State's standing towards a treaty, e.g. `party since 2013-11-16 (bound)`.
pub fn standing(s: &crate::check::Standing) -> String {
    let mut out = s.status.as_str().to_owned();
    if let Some(d) = s.since {
        out.push_str(&format!(" since {d}"));
    }
    out.push_str(match s.bound {
        Some(true) => " (bound)",
        Some(false) => " (not bound)",
        None => " (bound: unknown)",
    });
    out
}

/// Whether a treaty binds both States, in words.
pub fn shared(b: &crate::check::LegalBasis) -> &'static str {
    match (b.shared, b.in_force) {
        (Some(true), _) => "shared basis",
        (_, Some(false)) => "not in force",
        (Some(false), _) => "not shared",
        (None, _) => "cannot say",
    }
}

/// A treaty rule, e.g. `Art 24(1)(a) extradition-threshold (12 months): ...`.
pub fn rule(r: &crate::Rule) -> String {
    let months = r
        .months
        .map(|m| format!(" ({m} months)"))
        .unwrap_or_default();
    format!(
        "Art {} {}{months}: {} (confidence {})",
        r.article,
        r.kind.as_str(),
        r.summary,
        r.confidence.as_str()
    )
}

/// The highest penalty of a side, e.g. `10 years (vn:pc2015/art289)` or `not recorded`.
pub fn max_penalty(p: Option<&crate::check::MaxPenalty>) -> String {
    match p {
        None => "not recorded".to_owned(),
        Some(m) => {
            let term = match (m.death, m.max_imprisonment) {
                (true, _) => "death".to_owned(),
                (false, Some(t)) => t.to_string(),
                (false, None) => "fine only".to_owned(),
            };
            format!("{term} ({})", m.provision)
        }
    }
}

/// A yes/no/unknown flag.
pub fn flag(f: Option<bool>) -> &'static str {
    match f {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

/// Whether dual criminality is needed for a power, in words.
pub fn dual_need(d: &crate::check::DualNeed) -> String {
    match d {
        crate::check::DualNeed::NotRequired { treaty, article } => {
            format!("not required ({treaty} Art {article})")
        }
        crate::check::DualNeed::MayBeRequired { treaty, article } => {
            format!("may be required ({treaty} Art {article})")
        }
        crate::check::DualNeed::NotARequest => "not a request (safeguards)".to_owned(),
        _ => "no rule recorded".to_owned(),
    }
}

/// How a national power serves a foreign request, in words.
pub fn foreign_requests(f: crate::ForeignRequests) -> &'static str {
    match f {
        crate::ForeignRequests::Direct => "usable on a foreign request directly",
        crate::ForeignRequests::ThroughMla => "only through an MLA request",
        crate::ForeignRequests::NotAvailable => "domestic investigations only",
        _ => "use for foreign requests not stated",
    }
}

/// A provision as a reader would cite it, without its link: `Computer Misuse Act 1993, s 3
/// (sg:cma1993/s3); read in: <source>, <locator>; confidence high`.
pub fn citation(c: &Citation) -> String {
    let mut s = format!(
        "{}, {} ({}); read in: {}",
        c.instrument, c.number, c.provision, c.source
    );
    if let Some(l) = &c.locator {
        s.push_str(&format!(", {l}"));
    }
    s.push_str(&format!("; confidence {}", c.confidence));
    if c.url.is_none() {
        s.push_str("; no public locator recorded");
    }
    s
}

/// A category's ICCS codes in a crosswalk: the codes, `no code` where the data records that it
/// has none (its note says why), or `not recorded` where the data has no ICCS link for it.
pub fn iccs_codes(t: &crate::check::CategoryTotal) -> String {
    if !t.iccs.is_empty() {
        t.iccs
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    } else if t.iccs_note.is_some() {
        "no code".to_owned()
    } else {
        "not recorded".to_owned()
    }
}

/// An ICCS link as `show` words it: the codes and their confidence, or that there is none.
pub fn iccs_link(l: &crate::IccsLink) -> String {
    if l.codes.is_empty() {
        format!("no code (confidence {})", l.confidence)
    } else {
        format!(
            "{} ({})",
            l.codes
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            l.confidence
        )
    }
}

/// The brief's count line: `Of the Convention's 11 offence articles: 0 full, 10 partial, 1 gap,
/// 0 not researched.`
pub fn brief_counts(b: &crate::check::Brief) -> String {
    use crate::check::Level;
    let count = |l: Level| b.at(l).count();
    format!(
        "Of the Convention's {} offence articles: {} full, {} partial, {} gap, {} not researched.",
        b.articles.len(),
        count(Level::Full),
        count(Level::Partial),
        count(Level::Gap),
        count(Level::Unknown)
    )
}
