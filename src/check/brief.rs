//! The law-reform brief for one State: per Convention article, what its law covers, what is
//! missing, and which other States' provisions cover it fully, as models to look at.

use serde::{Deserialize, Serialize};

use super::Checker;
use super::citation::{Citation, citations};
use super::coverage::{Coverage, Level, Narrowing};
use super::overlap::{OverBreadth, over_breadth};
use crate::{CategoryId, Confidence, Error, JurisdictionCode, LocalId, Origin, ProvisionId};

/// A provision of another State that covers an article fully: a model to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerProvision {
    /// The State.
    pub jurisdiction: JurisdictionCode,
    /// The provision.
    pub provision: ProvisionId,
    /// Its number as cited.
    pub number: String,
    /// The statute's title.
    pub instrument: String,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How well its citation is confirmed.
    pub confidence: Confidence,
}

/// One Convention article in the brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefArticle {
    /// The category.
    pub category: CategoryId,
    /// Its title.
    pub title: String,
    /// The State's coverage, with its reasons.
    pub coverage: Coverage,
    /// Elements no provision covers.
    pub missing: Vec<LocalId>,
    /// Conditions the Convention does not permit.
    pub conditions: Vec<Narrowing>,
    /// For a partial or gap verdict: provisions of other States in the data that cover the
    /// article fully, best sourced first.
    pub peers: Vec<PeerProvision>,
}

/// The law-reform brief for one State, as [`Checker::brief`] builds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Brief {
    /// Where the data came from.
    pub origin: Origin,
    /// The options of the check.
    pub options: super::Options,
    /// The State.
    pub jurisdiction: JurisdictionCode,
    /// Its name.
    pub name: String,
    /// Per Convention offence article (Arts 7-17), in order.
    pub articles: Vec<BriefArticle>,
    /// Offences outside the Convention or reaching beyond it, for the human-rights review.
    pub outside: Vec<OverBreadth>,
    /// Every provision of this State that the articles and `outside` name, cited once each, in
    /// the order they are first named (peer provisions carry their own citation).
    #[serde(default)]
    pub sources: Vec<Citation>,
}

impl Brief {
    /// The articles with a verdict of `level`.
    pub fn at(&self, level: Level) -> impl Iterator<Item = &BriefArticle> {
        self.articles
            .iter()
            .filter(move |a| a.coverage.verdict.level() == level)
    }
}

impl Checker<'_> {
    /// The law-reform brief for `code`: every Convention offence article with the State's
    /// verdict, what is missing, and peer provisions from the other States that cover the
    /// article fully.
    ///
    /// ```
    /// use cybercrime_taxonomy::{Dataset, check::{Checker, Level}};
    /// let brief = Checker::new(Dataset::embedded()).brief("VN".parse().unwrap()).unwrap();
    /// assert_eq!(brief.articles.len(), 11);
    /// for a in brief.at(Level::Partial) {
    ///     assert!(a.peers.iter().all(|p| p.jurisdiction.as_str() != "VN"));
    /// }
    /// ```
    pub fn brief(&self, code: JurisdictionCode) -> Result<Brief, Error> {
        let data = self.data();
        let j = self.jurisdiction(code)?;
        let convention = crate::TaxonomyId::convention();
        let rows = self.coverage_all(j, &convention);
        let others: Vec<(&crate::Jurisdiction, Vec<Coverage>)> = data
            .jurisdictions()
            .filter(|o| o.code != code)
            .map(|o| (o, self.coverage_all(o, &convention)))
            .collect();
        let mut articles = Vec::new();
        for (i, c) in rows.into_iter().enumerate() {
            let title = data
                .category(&c.category)
                .map(|r| r.category.title.clone())
                .unwrap_or_default();
            let needs_model = matches!(c.verdict.level(), Level::Partial | Level::Gap);
            let mut peers = Vec::new();
            if needs_model {
                for (o, cov) in &others {
                    let Some(oc) = cov.get(i).filter(|oc| oc.verdict.level() == Level::Full) else {
                        continue;
                    };
                    for id in oc.verdict.provisions() {
                        if let Some(p) = o.provision(id) {
                            peers.push(PeerProvision {
                                jurisdiction: o.code,
                                provision: p.id.clone(),
                                number: p.number.clone(),
                                instrument: o
                                    .instrument(&p.instrument)
                                    .map(|x| x.title.clone())
                                    .unwrap_or_default(),
                                url: p.source.url.clone(),
                                confidence: p.confidence,
                            });
                        }
                    }
                }
                peers.sort_by(|a, b| {
                    b.confidence
                        .cmp(&a.confidence)
                        .then_with(|| a.provision.cmp(&b.provision))
                });
            }
            articles.push(BriefArticle {
                category: c.category.clone(),
                title,
                missing: c.verdict.missing().to_vec(),
                conditions: c.verdict.extra_conditions().to_vec(),
                coverage: c,
                peers,
            });
        }
        let outside = over_breadth(j, convention.as_str());
        let sources = citations(j, articles.iter().map(|a| &a.coverage), &outside);
        Ok(Brief {
            origin: data.origin().clone(),
            options: *self.options(),
            jurisdiction: code,
            name: j.name.clone(),
            articles,
            outside,
            sources,
        })
    }
}
