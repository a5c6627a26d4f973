//! The evidence a finding cites: for each provision a verdict rests on, the statute's name, the
//! section, where to read it and how well the citation is confirmed, so that every format can
//! print it without going back to the data.

use serde::{Deserialize, Serialize};

use super::coverage::{Coverage, Reason};
use super::overlap::OverBreadth;
use crate::{Confidence, Jurisdiction, ProvisionId};

/// One provision as a reader would cite it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The provision.
    pub provision: ProvisionId,
    /// Its number as cited in the State, e.g. `s 3`.
    pub number: String,
    /// The statute's title.
    pub instrument: String,
    /// The document read: its title (an official text, an unofficial copy or a translation).
    pub source: String,
    /// Where to read it, when the data has a locator a reader can open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where in the document, e.g. `s 3` or `p. 12`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// How well the citation is confirmed.
    pub confidence: Confidence,
}

impl Citation {
    /// The citation of provision `id` of `j`, if `j` has it.
    pub fn of(j: &Jurisdiction, id: &ProvisionId) -> Option<Self> {
        Some(Self::from_provision(j, j.provision(id)?))
    }

    fn from_provision(j: &Jurisdiction, p: &crate::Provision) -> Self {
        Self {
            provision: p.id.clone(),
            number: p.number.clone(),
            instrument: j
                .instrument(&p.instrument)
                .map(|i| i.title.clone())
                .unwrap_or_else(|| p.instrument.to_string()),
            source: p.source.title.clone(),
            url: p.source.url.clone(),
            locator: p.source.locator.clone(),
            confidence: p.confidence,
        }
    }
}

impl Reason {
    /// The provision this step of the argument names, if it names one.
    pub fn provision(&self) -> Option<&ProvisionId> {
        match self {
            Reason::Counts { provision, .. }
            | Reason::NotInForce { provision, .. }
            | Reason::BelowConfidence { provision, .. }
            | Reason::OnlyRelated { provision, .. }
            | Reason::Pending { provision } => Some(&provision.provision),
            Reason::ImpermissibleCondition { condition } => Some(&condition.provision),
            _ => None,
        }
    }
}

/// Every provision of `j` that the coverages and over-breadth findings name, cited once each,
/// in the order they are first named.
pub(crate) fn citations<'a>(
    j: &Jurisdiction,
    coverage: impl IntoIterator<Item = &'a Coverage>,
    over_breadth: &[OverBreadth],
) -> Vec<Citation> {
    let mut ids: Vec<&ProvisionId> = Vec::new();
    for c in coverage {
        ids.extend(c.verdict.provisions());
        ids.extend(c.reasons.iter().filter_map(Reason::provision));
    }
    for o in over_breadth {
        ids.push(match o {
            OverBreadth::BroaderThanConvention { provision, .. }
            | OverBreadth::NoCounterpart { provision, .. } => provision,
        });
    }
    // One index per State: looking each id up in the provision list would be quadratic in a
    // State's provisions.
    let by_id: std::collections::HashMap<&ProvisionId, &crate::Provision> =
        j.provisions.iter().map(|p| (&p.id, p)).collect();
    let mut seen = std::collections::HashSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(*id))
        .filter_map(|id| by_id.get(id).map(|p| Citation::from_provision(j, p)))
        .collect()
}
