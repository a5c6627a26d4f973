//! A self-contained HTML page: a States x categories heatmap. Hovering a cell shows its reasons;
//! clicking it jumps to the full finding. Every data string is escaped.

use std::fmt::Write;

use super::{ids, join, mark, over_breadth_line, symbol, words};
use crate::Error;
use crate::check::{Level, Report};

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn class(level: Level) -> &'static str {
    match level {
        Level::Full => "full",
        Level::Partial => "partial",
        Level::Gap => "gap",
        Level::Unknown => "unknown",
    }
}

const STYLE: &str = r#"
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1d2330; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
p.meta { color: #555; margin-top: 0; }
table.heat { border-collapse: collapse; margin: 1rem 0; }
table.heat th, table.heat td { border: 1px solid #fff; padding: .45rem .6rem; text-align: center; }
table.heat th { background: #eef1f6; font-weight: 600; font-size: .85rem; }
table.heat th.state { text-align: left; }
table.heat td a { display: block; color: inherit; text-decoration: none; font-size: 1.1rem; }
td.full { background: #1a9850; color: #fff; }
td.partial { background: #fee08b; }
td.gap { background: #d73027; color: #fff; }
td.unknown { background: #d9d9d9; color: #444; }
.legend span { display: inline-block; padding: .2rem .6rem; margin-right: .4rem; border-radius: 3px; }
.legend .full { background: #1a9850; color: #fff; } .legend .partial { background: #fee08b; }
.legend .gap { background: #d73027; color: #fff; } .legend .unknown { background: #d9d9d9; }
section.state { border-top: 1px solid #ccd; margin-top: 1.5rem; }
li.finding:target { background: #fff7d6; }
ul.reasons { color: #444; font-size: .9rem; }
table.base { border-collapse: collapse; font-size: .9rem; }
table.base td, table.base th { border: 1px solid #ccd; padding: .3rem .5rem; text-align: left; }
"#;

pub(super) fn report(r: &Report) -> Result<String, Error> {
    let mut out = String::new();
    let title = format!("National law against the {}", r.taxonomy_title);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\"><head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<title>{}</title><style>{STYLE}</style></head><body>",
        escape(&title)
    )?;
    writeln!(out, "<h1>{}</h1>", escape(&title))?;
    writeln!(
        out,
        "<p class=\"meta\">{} · {} States × {} offence categories. Hover a cell for the reasons; click it for the full finding.</p>",
        escape(&words::origin(&r.origin)),
        r.states.len(),
        r.categories.len()
    )?;
    writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        escape(&words::scope(&r.options, r.beyond_research).join(" "))
    )?;
    writeln!(
        out,
        "<p class=\"legend\"><span class=\"full\">● full</span><span class=\"partial\">◐ partial</span><span class=\"gap\">✗ gap</span><span class=\"unknown\">? not researched</span> * rests only on low-confidence citations</p>"
    )?;
    heatmap(&mut out, r)?;
    baseline(&mut out, &r.baseline)?;
    findings(&mut out, r)?;
    writeln!(out, "</body></html>")?;
    Ok(out)
}

/// The States x categories table, each cell linking to its finding.
fn heatmap(out: &mut String, r: &Report) -> std::fmt::Result {
    table(out, r, &r.categories, |s| &s.coverage)?;
    if !r.powers.is_empty() {
        writeln!(out, "<h2>Procedural powers</h2>")?;
        table(out, r, &r.powers, |s| &s.powers)?;
    }
    Ok(())
}

/// One matrix: `headings` as columns, `cells` picking each State's row.
fn table(
    out: &mut String,
    r: &Report,
    headings: &[crate::check::CategoryHeading],
    cells: impl Fn(&crate::check::StateFindings) -> &[crate::check::Coverage],
) -> std::fmt::Result {
    writeln!(
        out,
        "<table class=\"heat\"><thead><tr><th class=\"state\">State</th>"
    )?;
    for c in headings {
        writeln!(
            out,
            "<th title=\"{}\">{}</th>",
            escape(&format!("{}: {}", c.id, c.title)),
            escape(&c.label())
        )?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for s in &r.states {
        write!(
            out,
            "<tr><th class=\"state\">{} {}</th>",
            escape(s.jurisdiction.as_str()),
            escape(&s.name)
        )?;
        for c in cells(s) {
            let level = c.verdict.level();
            let anchor = format!("{}-{}", s.jurisdiction, c.category.local());
            write!(
                out,
                "<td class=\"{}\"><a href=\"#{}\" title=\"{}\">{}</a></td>",
                class(level),
                escape(&anchor),
                escape(&format!(
                    "{} {}: {}{}\n{}",
                    s.jurisdiction,
                    c.category,
                    level.as_str(),
                    c.confidence()
                        .map(|x| format!(" (confidence {x})"))
                        .unwrap_or_default(),
                    words::reasons(c).join("\n")
                )),
                mark(c)
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table>")
}

/// The regional baseline table.
fn baseline(out: &mut String, b: &crate::check::Baseline) -> std::fmt::Result {
    writeln!(out, "<h2>Regional baseline</h2>")?;
    writeln!(
        out,
        "<table class=\"base\"><tr><th>Category</th><th>Full</th><th>Partial</th><th>Gap</th><th>Not researched</th><th>Elements common to all</th><th>Pairs blocked</th></tr>"
    )?;
    for c in &b.categories {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(c.category.as_str()),
            escape(&join(&ids(&c.full), " ")),
            escape(&join(&ids(&c.partial), " ")),
            escape(&join(&ids(&c.gap), " ")),
            escape(&join(&ids(&c.unknown), " ")),
            escape(&join(&ids(&c.common_elements), ", ")),
            c.blocked_pairs
        )?;
    }
    writeln!(out, "</table>")
}

/// Every State's findings with their reasons, and the over-breadth list.
fn findings(out: &mut String, r: &Report) -> std::fmt::Result {
    writeln!(out, "<h2>Findings by State</h2>")?;
    for s in &r.states {
        writeln!(
            out,
            "<section class=\"state\" id=\"{}\"><h3>{} {}</h3>",
            escape(s.jurisdiction.as_str()),
            escape(s.jurisdiction.as_str()),
            escape(&s.name)
        )?;
        writeln!(
            out,
            "<p>Researched as of {}. Treaties: {}.</p><ul>",
            escape(&s.as_of),
            escape(&s.treaty_summary())
        )?;
        let all = s.coverage.iter().zip(&r.categories);
        for (c, heading) in all.chain(s.powers.iter().zip(&r.powers)) {
            let level = c.verdict.level();
            writeln!(
                out,
                "<li class=\"finding\" id=\"{}-{}\"><strong>{} {} {}</strong>: {}",
                escape(s.jurisdiction.as_str()),
                escape(c.category.local()),
                symbol(level),
                escape(&heading.label()),
                escape(&heading.title),
                level.as_str()
            )?;
            writeln!(out, "<ul class=\"reasons\">")?;
            for reason in words::reasons(c) {
                writeln!(out, "<li>{}</li>", escape(&reason))?;
            }
            writeln!(out, "</ul></li>")?;
        }
        writeln!(out, "</ul>")?;
        if !s.over_breadth.is_empty() {
            writeln!(out, "<p>For the human-rights safeguards review:</p><ul>")?;
            for o in &s.over_breadth {
                writeln!(out, "<li>{}</li>", escape(&over_breadth_line(o)))?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "</section>")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
