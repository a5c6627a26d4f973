//! What a provision's offence is punishable by, and the cooperation thresholds that follow.
//!
//! Penalties matter for cooperation: the UN Convention calls an offence a "serious crime" when it
//! is punishable by at least four years' deprivation of liberty (Art 2(h)), and extradition
//! treaties usually require a minimum penalty in both States (one year in Budapest Art 24(1)(a)).

use serde::{Deserialize, Serialize};

use crate::{Confidence, Source};

/// A length of imprisonment as a statute states it.
///
/// Written in data files as `{ "years": 3 }`, `{ "months": 6 }`, `{ "days": 15 }` or `"life"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Term {
    /// A number of days.
    Days(u32),
    /// A number of months.
    Months(u32),
    /// A number of years.
    Years(u32),
    /// Imprisonment for life.
    Life,
}

impl Term {
    /// The term in whole months, rounding days down; `None` for life.
    pub fn months(&self) -> Option<u64> {
        match *self {
            Self::Days(d) => Some(u64::from(d) * 12 / 365),
            Self::Months(m) => Some(u64::from(m)),
            Self::Years(y) => Some(u64::from(y) * 12),
            Self::Life => None,
        }
    }
    /// Whether the term is at least `months` long (life always is).
    pub fn at_least_months(&self, months: u64) -> bool {
        self.months().is_none_or(|m| m >= months)
    }
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Self::Days(1) => f.write_str("1 day"),
            Self::Days(d) => write!(f, "{d} days"),
            Self::Months(1) => f.write_str("1 month"),
            Self::Months(m) => write!(f, "{m} months"),
            Self::Years(1) => f.write_str("1 year"),
            Self::Years(y) => write!(f, "{y} years"),
            Self::Life => f.write_str("life"),
        }
    }
}

/// An amount of money in a currency.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// The amount in whole units of the currency.
    pub amount: u64,
    /// ISO 4217 code, e.g. `SGD`, `VND`, `IDR`.
    pub currency: String,
}

/// A fine as a statute states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fine {
    /// The least fine, where the statute sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Money>,
    /// The greatest fine, where the statute sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Money>,
    /// How the fine is set where it is not a plain amount (day-fines, penalty units, a multiple
    /// of the gain), or anything else a reader should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Whether a penalty is the basic one or an aggravated form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PenaltyForm {
    /// The penalty for the offence as defined.
    #[default]
    Basic,
    /// A higher penalty the statute sets where a further circumstance is present.
    Aggravated,
}

impl PenaltyForm {
    /// The kebab-case name used in data files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Basic => "basic",
            Self::Aggravated => "aggravated",
        }
    }
    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// One penalty a statute sets for a provision's offence: its basic form or one aggravated form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Penalty {
    /// Basic or aggravated.
    #[serde(default, skip_serializing_if = "PenaltyForm::is_default")]
    pub form: PenaltyForm,
    /// For an aggravated form: the circumstance that triggers it, in own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub condition: String,
    /// The longest imprisonment; absent when the statute sets none (fine only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_imprisonment: Option<Term>,
    /// The shortest imprisonment, where the statute sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_imprisonment: Option<Term>,
    /// Whether death is among the penalties.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub death: bool,
    /// The fine, if the statute provides one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine: Option<Fine>,
    /// Other sanctions (caning, deprivation of rights, forfeiture, ...), in own words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<String>,
    /// Where the penalty is stated (often another section than the offence).
    pub source: Source,
    /// How far the figures are confirmed from the statute's text.
    pub confidence: Confidence,
    /// What a reviewer should know.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Four years: the Convention's "serious crime" threshold (UN Convention Art 2(h)).
pub const SERIOUS_CRIME_MONTHS: u64 = 48;

/// One year: the usual extradition threshold (Budapest Art 24(1)(a)).
pub const EXTRADITION_MONTHS: u64 = 12;

impl Penalty {
    /// Whether this penalty reaches `months` of deprivation of liberty (death and life always do).
    pub fn reaches_months(&self, months: u64) -> bool {
        self.death
            || self
                .max_imprisonment
                .is_some_and(|t| t.at_least_months(months))
    }
    /// Whether the statute sets a fine and no imprisonment or death.
    pub fn is_fine_only(&self) -> bool {
        self.max_imprisonment.is_none() && !self.death && self.fine.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_parse_from_their_data_form_and_print_in_words() {
        let t: Term = serde_json::from_str(r#"{"years": 4}"#).unwrap();
        assert_eq!(t, Term::Years(4));
        assert_eq!(t.to_string(), "4 years");
        let life: Term = serde_json::from_str(r#""life""#).unwrap();
        assert_eq!(life, Term::Life);
        assert_eq!(
            serde_json::to_string(&Term::Months(6)).unwrap(),
            r#"{"months":6}"#
        );
        assert!(serde_json::from_str::<Term>(r#"{"weeks": 2}"#).is_err());
    }

    #[test]
    fn thresholds_count_life_and_death_and_not_fines() {
        assert!(Term::Years(4).at_least_months(SERIOUS_CRIME_MONTHS));
        assert!(!Term::Months(47).at_least_months(SERIOUS_CRIME_MONTHS));
        assert!(Term::Life.at_least_months(SERIOUS_CRIME_MONTHS));
        assert!(!Term::Days(364).at_least_months(EXTRADITION_MONTHS));
        assert!(Term::Days(365).at_least_months(EXTRADITION_MONTHS));
    }
}
