//! Self-contained HTML pages: the report (a States x categories heatmap, the regional baseline
//! and every finding) and the law-reform brief. No script, no external resource; every data
//! string is escaped, and only `http(s)` locators become links.
//!
//! Reasons are read without hovering: each finding is a `<details>` row that a heatmap cell
//! opens by its fragment, with the statute, section, source link and confidence of every
//! provision it names. The palette stays distinct for the three common colour-vision
//! deficiencies (see the tests), and each cell keeps its symbol, so colour is never the only
//! cue. On a phone the heatmap scrolls sideways inside its frame with the State column fixed.

use std::fmt::Write;

use super::{ids, join, mark, over_breadth_line, symbol, words};
use crate::Error;
use crate::check::{Brief, CategoryHeading, Citation, Coverage, Level, Report, StateFindings};

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

/// A locator as a link target, if it is one a reader can safely open: `http://` or `https://`
/// only (never `javascript:` or `data:`), escaped for an attribute.
fn href(url: &str) -> Option<String> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| escape(url.trim()))
}

fn class(level: Level) -> &'static str {
    match level {
        Level::Full => "full",
        Level::Partial => "partial",
        Level::Gap => "gap",
        Level::Unknown => "unknown",
    }
}

/// The heatmap palette: (level, background, text colour). Blue, amber, dark red and grey stay
/// at least 30 CIE76 units apart in normal vision and in simulated protanopia, deuteranopia and
/// tritanopia (tested), and each text colour has a WCAG contrast of at least 4.5.
pub(crate) const PALETTE: [(Level, &str, &str); 4] = [
    (Level::Full, "#2c6fbb", "#ffffff"),
    (Level::Partial, "#f5c242", "#1d2330"),
    (Level::Gap, "#a6192e", "#ffffff"),
    (Level::Unknown, "#dddddd", "#1d2330"),
];

const STYLE: &str = r#"
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1d2330; line-height: 1.4; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
p.meta { color: #555; margin-top: 0; }
a { color: #1a4f8b; }
div.scroll { position: relative; overflow-x: auto; max-width: 100%; border: 1px solid #ccd; }
table.heat { border-collapse: separate; border-spacing: 0; }
table.heat th, table.heat td { border: 1px solid #fff; padding: .45rem .6rem; text-align: center; white-space: nowrap; }
table.heat thead th { background: #eef1f6; font-weight: 600; font-size: .85rem; }
table.heat th.state { position: sticky; left: 0; z-index: 1; background: #eef1f6; text-align: left; }
table.heat td a { display: block; color: inherit; text-decoration: none; font-size: 1.1rem; }
.legend span { display: inline-block; padding: .2rem .6rem; margin: 0 .4rem .3rem 0; border-radius: 3px; }
dl.key { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; font-size: .9rem; }
dl.key dt { font-weight: 600; } dl.key dd { margin: 0; }
section.state { border-top: 1px solid #ccd; margin-top: 1.5rem; }
details.finding { margin: .3rem 0; }
details.finding > summary { cursor: pointer; }
details.finding:target > summary { background: #fff7d6; }
details.finding ul { color: #333; font-size: .9rem; margin: .3rem 0 .6rem; }
table.base { border-collapse: collapse; font-size: .9rem; }
table.base td, table.base th { border: 1px solid #ccd; padding: .3rem .5rem; text-align: left; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media (max-width: 600px) {
  body { margin: .6rem; }
  table.heat th, table.heat td { padding: .3rem .35rem; }
  table.heat th.state .name { display: block; font-weight: 400; font-size: .75rem; max-width: 6.5rem; white-space: normal; }
}
"#;

/// The CSS of the palette, one rule per level for the cells and the legend.
fn palette_css() -> String {
    let mut css = String::new();
    for (level, bg, fg) in PALETTE {
        let c = class(level);
        css.push_str(&format!(
            "td.{c}, .legend .{c} {{ background: {bg}; color: {fg}; }}\n"
        ));
    }
    css
}

/// The page around `body`: the head with the title and the styles.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title><style>{STYLE}{}</style></head><body>\n{body}</body></html>\n",
        escape(title),
        palette_css()
    )
}

const LEGEND: &str = "<p class=\"legend\"><span class=\"full\">● full</span><span class=\"partial\">◐ partial</span><span class=\"gap\">✗ gap</span><span class=\"unknown\">? not researched</span> * rests only on low-confidence citations · + rests on law not yet in force</p>";

pub(super) fn report(r: &Report) -> Result<String, Error> {
    let mut out = String::new();
    let title = format!("National law against the {}", r.taxonomy_title);
    writeln!(out, "<h1>{}</h1>", escape(&title))?;
    writeln!(
        out,
        "<p class=\"meta\">{} · {} States × {} offence categories. Select a cell, or open a finding below, for its reasons and sources.</p>",
        escape(&words::origin(&r.origin)),
        r.states.len(),
        r.categories.len()
    )?;
    writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        escape(&words::scope(&r.options, r.beyond_research).join(" "))
    )?;
    writeln!(out, "{LEGEND}")?;
    table(&mut out, r, &r.categories, |s| &s.coverage)?;
    key(&mut out, &r.categories)?;
    if !r.powers.is_empty() {
        writeln!(out, "<h2>Procedural powers</h2>")?;
        table(&mut out, r, &r.powers, |s| &s.powers)?;
        key(&mut out, &r.powers)?;
    }
    baseline(&mut out, &r.baseline)?;
    findings(&mut out, r)?;
    Ok(page(&title, &out))
}

/// The fragment id of one State's finding on one category.
fn anchor(s: &StateFindings, c: &Coverage) -> String {
    format!("{}-{}", s.jurisdiction, c.category.local())
}

/// One matrix: `headings` as columns, `cells` picking each State's row.
fn table(
    out: &mut String,
    r: &Report,
    headings: &[CategoryHeading],
    cells: impl Fn(&StateFindings) -> &[Coverage],
) -> std::fmt::Result {
    writeln!(
        out,
        "<div class=\"scroll\"><table class=\"heat\"><thead><tr><th class=\"state\">State</th>"
    )?;
    for c in headings {
        writeln!(
            out,
            "<th scope=\"col\" title=\"{}\">{}</th>",
            escape(&c.title),
            escape(&c.label())
        )?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for s in &r.states {
        write!(
            out,
            "<tr><th class=\"state\" scope=\"row\">{} <span class=\"name\">{}</span></th>",
            escape(s.jurisdiction.as_str()),
            escape(&s.name)
        )?;
        for (c, h) in cells(s).iter().zip(headings) {
            let level = c.verdict.level();
            write!(
                out,
                "<td class=\"{}\"><a href=\"#{}\" title=\"{} {}: {}\">{}<span class=\"sr\"> {}</span></a></td>",
                class(level),
                escape(&anchor(s, c)),
                escape(s.jurisdiction.as_str()),
                escape(&h.label()),
                level.as_str(),
                escape(&mark(c)),
                level.as_str()
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>")
}

/// The key under a matrix: each column label with the article's title.
fn key(out: &mut String, headings: &[CategoryHeading]) -> std::fmt::Result {
    writeln!(out, "<dl class=\"key\">")?;
    for c in headings {
        writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(&c.label()),
            escape(&c.title)
        )?;
    }
    writeln!(out, "</dl>")
}

/// The regional baseline table.
fn baseline(out: &mut String, b: &crate::check::Baseline) -> std::fmt::Result {
    writeln!(out, "<h2>Regional baseline</h2>")?;
    writeln!(
        out,
        "<div class=\"scroll\"><table class=\"base\"><tr><th>Category</th><th>Full</th><th>Partial</th><th>Gap</th><th>Not researched</th><th>Elements common to all</th><th>Pairs blocked</th></tr>"
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
    writeln!(out, "</table></div>")
}

/// Every State's findings, each an expandable row with its reasons and sources, and the
/// over-breadth list.
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
            "<p>Researched as of {}. Treaties: {}.</p>",
            escape(&s.as_of),
            escape(&s.treaty_summary())
        )?;
        let all = s.coverage.iter().zip(&r.categories);
        for (c, heading) in all.chain(s.powers.iter().zip(&r.powers)) {
            let label = heading.label();
            finding(out, &anchor(s, c), (&label, &heading.title), c, &s.sources)?;
            writeln!(out, "</details>")?;
        }
        outside(out, &s.over_breadth)?;
        writeln!(out, "</section>")?;
    }
    Ok(())
}

/// One finding, left open for the caller to add to and close with `</details>`: a summary
/// line (symbol, article, title, verdict, confidence) that opens onto its reasons and the
/// citation of every provision it names.
fn finding(
    out: &mut String,
    id: &str,
    (label, title): (&str, &str),
    c: &Coverage,
    sources: &[Citation],
) -> std::fmt::Result {
    let level = c.verdict.level();
    writeln!(
        out,
        "<details class=\"finding\" id=\"{}\"><summary>{} <strong>{} {}</strong>: {}{}</summary>",
        escape(id),
        symbol(level),
        escape(label),
        escape(title),
        level.as_str(),
        c.confidence()
            .map(|x| format!(" (confidence {x})"))
            .unwrap_or_default()
    )?;
    writeln!(out, "<ul class=\"reasons\">")?;
    for reason in words::reasons(c) {
        writeln!(out, "<li>{}</li>", escape(&reason))?;
    }
    writeln!(out, "</ul>")?;
    let named: Vec<&Citation> = sources
        .iter()
        .filter(|s| {
            c.verdict.provisions().contains(&s.provision)
                || c.reasons
                    .iter()
                    .any(|r| r.provision() == Some(&s.provision))
        })
        .collect();
    cited(out, &named)
}

/// A list of citations, each with a link to its source where it has a locator one can open.
fn cited(out: &mut String, sources: &[&Citation]) -> std::fmt::Result {
    if sources.is_empty() {
        return Ok(());
    }
    writeln!(out, "<ul class=\"sources\">")?;
    for s in sources {
        write!(out, "<li>{}", escape(&words::citation(s)))?;
        if let Some(url) = s.url.as_deref().and_then(href) {
            write!(out, " · <a href=\"{url}\" rel=\"noreferrer\">source</a>")?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>")
}

/// The provisions for the human-rights safeguards review.
fn outside(out: &mut String, list: &[crate::check::OverBreadth]) -> std::fmt::Result {
    if list.is_empty() {
        return Ok(());
    }
    writeln!(out, "<p>For the human-rights safeguards review:</p><ul>")?;
    for o in list {
        writeln!(out, "<li>{}</li>", escape(&over_breadth_line(o)))?;
    }
    writeln!(out, "</ul>")
}

/// The law-reform brief as a page: the counts, one expandable row per article (its reasons,
/// sources and peer models), and the offences outside the Convention.
pub(super) fn brief(b: &Brief) -> Result<String, Error> {
    let mut out = String::new();
    let title = format!("Law-reform brief: {} {}", b.jurisdiction, b.name);
    writeln!(out, "<h1>{}</h1>", escape(&title))?;
    writeln!(
        out,
        "<p class=\"meta\">{}. {}</p>",
        escape(&words::origin(&b.origin)),
        escape(&words::scope(&b.options, false).join(" "))
    )?;
    writeln!(out, "<p>{}</p>", escape(&words::brief_counts(b)))?;
    writeln!(out, "{LEGEND}")?;
    writeln!(
        out,
        "<div class=\"scroll\"><table class=\"base\"><tr><th>Article</th><th>Verdict</th><th>Missing</th><th>Conditions not permitted</th></tr>"
    )?;
    for a in &b.articles {
        let conditions = a
            .conditions
            .iter()
            .map(|x| format!("{} ({})", x.id, x.provision))
            .collect::<Vec<_>>();
        writeln!(
            out,
            "<tr><td><a href=\"#{}\">{} {}</a></td><td>{} {}</td><td>{}</td><td>{}</td></tr>",
            escape(a.category.local()),
            escape(a.category.as_str()),
            escape(&a.title),
            escape(&mark(&a.coverage)),
            a.coverage.verdict.level().as_str(),
            escape(&or_dash(&join(&ids(&a.missing), ", "))),
            escape(&or_dash(&conditions.join(", ")))
        )?;
    }
    writeln!(out, "</table></div>")?;
    writeln!(out, "<h2>Per article</h2>")?;
    for a in &b.articles {
        finding(
            &mut out,
            a.category.local(),
            (a.category.as_str(), &a.title),
            &a.coverage,
            &b.sources,
        )?;
        if matches!(a.coverage.verdict.level(), Level::Partial | Level::Gap) {
            peers(&mut out, a)?;
        }
        writeln!(out, "</details>")?;
    }
    writeln!(
        out,
        "<h2>Outside the Convention (for the human-rights review)</h2>"
    )?;
    if b.outside.is_empty() {
        writeln!(out, "<p>None recorded.</p>")?;
    }
    outside(&mut out, &b.outside)?;
    Ok(page(&title, &out))
}

/// The peer models of one article: provisions of other States that cover it fully.
fn peers(out: &mut String, a: &crate::check::BriefArticle) -> std::fmt::Result {
    if a.peers.is_empty() {
        return writeln!(
            out,
            "<p>Peer models: no other State in the data covers this article fully.</p>"
        );
    }
    writeln!(
        out,
        "<p>Peer models (provisions of other States that cover it fully):</p><ul class=\"peers\">"
    )?;
    for p in &a.peers {
        write!(
            out,
            "<li>{} {}, {} ({}, confidence {})",
            escape(p.jurisdiction.as_str()),
            escape(&p.instrument),
            escape(&p.number),
            escape(p.provision.as_str()),
            p.confidence
        )?;
        if let Some(url) = p.url.as_deref().and_then(href) {
            write!(out, " · <a href=\"{url}\" rel=\"noreferrer\">source</a>")?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>")
}

fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "-".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{PALETTE, escape, href};

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn only_web_locators_become_links() {
        assert_eq!(
            href("https://example.org/a?b=1&c=\"2\"").as_deref(),
            Some("https://example.org/a?b=1&amp;c=&quot;2&quot;")
        );
        assert_eq!(href("HTTP://x.test").as_deref(), Some("HTTP://x.test"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<b>",
            "vbscript:x",
            "//evil.test",
            "gazette no. 12",
        ] {
            assert_eq!(href(bad), None, "{bad}");
        }
    }

    /// sRGB component to linear light.
    fn linear(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn rgb(hex: &str) -> [f64; 3] {
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
        [linear(byte(1)), linear(byte(3)), linear(byte(5))]
    }

    /// CIE L*a*b* (D65) of a linear RGB colour.
    fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// Colour-vision deficiency simulation matrices (Machado, Oliveira and Fernandes 2009,
    /// severity 1.0), applied in linear RGB.
    const VISION: [(&str, [[f64; 3]; 3]); 4] = [
        (
            "normal",
            [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        ),
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];

    fn seen(hex: &str, m: &[[f64; 3]; 3]) -> [f64; 3] {
        let c = rgb(hex);
        let row = |i: usize| (m[i][0] * c[0] + m[i][1] * c[1] + m[i][2] * c[2]).clamp(0.0, 1.0);
        lab([row(0), row(1), row(2)])
    }

    fn closest_pair(colours: &[&str], m: &[[f64; 3]; 3]) -> f64 {
        let mut min = f64::MAX;
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                let (x, y) = (seen(a, m), seen(b, m));
                let d =
                    ((x[0] - y[0]).powi(2) + (x[1] - y[1]).powi(2) + (x[2] - y[2]).powi(2)).sqrt();
                min = min.min(d);
            }
        }
        min
    }

    #[test]
    fn the_palette_stays_distinct_for_colour_blind_readers() {
        let ours: Vec<&str> = PALETTE.iter().map(|(_, bg, _)| *bg).collect();
        for (name, m) in &VISION {
            let d = closest_pair(&ours, m);
            assert!(d >= 30.0, "{name}: two levels only {d:.1} apart");
        }
        // The old green/yellow/red palette fails: under deuteranopia full and gap were both
        // olive.
        let old = ["#1a9850", "#fee08b", "#d73027", "#d9d9d9"];
        assert!(closest_pair(&old, &VISION[1].1) < 30.0);
        assert!(closest_pair(&old, &VISION[2].1) < 30.0);
    }

    #[test]
    fn cell_text_is_readable_on_its_colour() {
        let luminance = |hex: &str| {
            let [r, g, b] = rgb(hex);
            0.2126 * r + 0.7152 * g + 0.0722 * b
        };
        for (level, bg, fg) in PALETTE {
            let (a, b) = (luminance(bg), luminance(fg));
            let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
            assert!(ratio >= 4.5, "{}: contrast {ratio:.2}", level.as_str());
        }
    }
}
