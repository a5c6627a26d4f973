//! Evidence on every verdict, in every format: the statute, the section, a link to the source
//! read and the confidence of every provision a finding names (issue 12, item 2), and the HTML
//! page readable without hovering (item 9).

use cybercrime_taxonomy::Dataset;
use cybercrime_taxonomy::check::{Checker, Report, Scope};
use cybercrime_taxonomy::render::{self, Format};

fn report() -> Report {
    Checker::new(Dataset::embedded())
        .report(&Scope::default())
        .unwrap()
}

const SSO_S3: &str = "https://sso.agc.gov.sg/Act/CMA1993?ProvIds=P12-";

#[test]
fn each_state_cites_every_provision_its_findings_name_once() {
    let r = report();
    for s in &r.states {
        let mut seen = std::collections::HashSet::new();
        for c in &s.sources {
            assert!(seen.insert(&c.provision), "{} cited twice", c.provision);
        }
        for c in s.coverage.iter().chain(&s.powers) {
            let named = c
                .verdict
                .provisions()
                .iter()
                .chain(c.reasons.iter().filter_map(|r| r.provision()));
            for id in named {
                assert!(
                    s.sources.iter().any(|x| &x.provision == id),
                    "{}: {id} is named in {} but not cited",
                    s.jurisdiction,
                    c.category
                );
            }
        }
    }
    let sg = r
        .states
        .iter()
        .find(|s| s.jurisdiction.as_str() == "SG")
        .unwrap();
    // In the order the findings first name them: Art 7's provision comes first (in id order
    // `sg:cdsa1992/...` would).
    assert_eq!(sg.sources[0].provision.as_str(), "sg:cma1993/s3");
    let s3 = sg
        .sources
        .iter()
        .find(|c| c.provision.as_str() == "sg:cma1993/s3")
        .unwrap();
    assert_eq!(s3.instrument, "Computer Misuse Act 1993");
    assert_eq!(s3.number, "s 3");
    assert_eq!(s3.url.as_deref(), Some(SSO_S3));
    assert_eq!(s3.confidence.as_str(), "high");
}

#[test]
fn markdown_lists_the_sources_with_links() {
    let md = render::report(&report(), Format::Markdown).unwrap();
    let line = md
        .lines()
        .find(|l| l.starts_with("- Computer Misuse Act 1993, s 3 (sg:cma1993/s3)"))
        .expect("a source line for SG CMA s 3");
    assert_eq!(
        line,
        format!(
            "- Computer Misuse Act 1993, s 3 (sg:cma1993/s3); read in: Computer Misuse Act 1993, Part 2, Singapore Statutes Online, s 3; confidence high [source](<{SSO_S3}>)"
        )
    );
}

#[test]
fn csv_rows_name_the_statutes_and_their_links() {
    let csv = render::report(&report(), Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (statutes, urls) = (col("statutes"), col("source_urls"));
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "SG" && &r[1] == "un2024:art7")
        .unwrap();
    assert_eq!(&row[statutes], "Computer Misuse Act 1993, s 3");
    assert_eq!(&row[urls], SSO_S3);
}

#[test]
fn html_findings_open_without_hovering_and_link_their_sources() {
    let html = render::report(&report(), Format::Html).unwrap();
    // The SG Art 7 cell links to an expandable finding row that holds the reasons and the link.
    assert!(html.contains("<a href=\"#SG-art7\" title=\"SG Art 7: full\">●"));
    let start = html
        .find("<details class=\"finding\" id=\"SG-art7\">")
        .unwrap();
    let row = &html[start..start + html[start..].find("</details>").unwrap()];
    assert!(row.contains("sg:cma1993/s3 (s 3) skos:closeMatch un2024:art7"));
    assert!(row.contains(&format!(
        "<a href=\"{}\" rel=\"noreferrer\">source</a>",
        SSO_S3
    )));
    // No long tooltips: every title attribute is a short label.
    for title in html.split(" title=\"").skip(1) {
        let text = &title[..title.find('"').unwrap()];
        assert!(
            text.chars().count() <= 120,
            "a {}-character tooltip",
            text.len()
        );
    }
    // The key names each article.
    assert!(html.contains("<dt>Art 7</dt><dd>Illegal access</dd>"));
    assert!(html.contains("<dt>Art 17</dt><dd>Laundering of proceeds of crime</dd>"));
}

#[test]
fn html_links_only_web_locators() {
    let mut r = report();
    let s = &mut r.states[0];
    s.sources[0].url = Some("javascript:alert(1)".to_owned());
    s.sources[1].url = Some("https://x.test/?a=\"><script>".to_owned());
    let html = render::report(&r, Format::Html).unwrap();
    assert!(!html.contains("href=\"javascript:"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("href=\"https://x.test/?a=&quot;&gt;&lt;script&gt;\""));
}

#[test]
fn brief_html_has_a_row_per_article_with_peer_models() {
    let b = Checker::new(Dataset::embedded())
        .brief("VN".parse().unwrap())
        .unwrap();
    let html = render::brief(&b, Format::Html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<details class=\"finding\"").count(), 11);
    // Art 7 is partial for Viet Nam; a full peer provision is offered, with its link.
    let start = html
        .find("<details class=\"finding\" id=\"art7\">")
        .unwrap();
    let row = &html[start..start + html[start..].find("</details>").unwrap()];
    assert!(row.contains("Peer models (provisions of other States that cover it fully):"));
    assert!(row.contains("SG Computer Misuse Act 1993, s 3 (sg:cma1993/s3, confidence high)"));
    // Viet Nam's own provisions are cited in the row.
    assert!(row.contains("(vn:pc2015/a289); read in: "));
    assert!(!b.sources.is_empty());
    let md = render::brief(&b, Format::Markdown).unwrap();
    assert!(md.contains("\nSources:\n"));
}
