//! Crosswalk for statistics: counts per national provision aggregated to categories and ICCS
//! codes, flagging provisions that map onto several categories instead of double counting.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::Checker;
use crate::{CategoryId, Count, Error, ProvisionId, Relation, TaxonomyId};

/// Totals for one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTotal {
    /// The category.
    pub category: CategoryId,
    /// Its ICCS codes; empty when the data gives none.
    pub iccs: Vec<crate::IccsCode>,
    /// Why the category has no ICCS code, when the data records that it has none (an ICCS
    /// link without codes); `None` when it has codes or no ICCS link at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iccs_note: Option<String>,
    /// Counts from provisions that map onto this category only.
    pub exclusive: u64,
    /// Counts from provisions that also map onto other categories (counted in each).
    pub shared: u64,
    /// The provisions counted.
    pub provisions: Vec<ProvisionId>,
}

/// Totals for one ICCS code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IccsTotal {
    /// The code.
    pub code: crate::IccsCode,
    /// Counts from provisions reaching this code only.
    pub exclusive: u64,
    /// Counts from provisions that reach other codes too.
    pub shared: u64,
}

/// A provision mapped onto several categories: its count appears in each as `shared`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneToMany {
    /// The provision.
    pub provision: ProvisionId,
    /// Its count.
    pub count: u64,
    /// The categories.
    pub categories: Vec<CategoryId>,
}

/// The crosswalk result. Nothing is dropped: every input row ends up in a category total, in
/// `unmapped` or in `unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Crosswalk {
    /// Where the data came from.
    pub origin: crate::Origin,
    /// The taxonomy aggregated to.
    pub taxonomy: String,
    /// The sum of all input counts, each counted once.
    pub total: u64,
    /// Per category, in taxonomy order.
    pub categories: Vec<CategoryTotal>,
    /// Per ICCS code.
    pub iccs: Vec<IccsTotal>,
    /// Provisions counted in several categories.
    pub one_to_many: Vec<OneToMany>,
    /// Known provisions with no covering mapping onto the taxonomy.
    pub unmapped: Vec<Count>,
    /// Rows naming a provision the dataset does not have.
    pub unknown: Vec<Count>,
}

impl Checker<'_> {
    /// The categories of `taxonomy` a provision's counts go to: those its counted mappings
    /// name directly, or else (for a taxonomy other than the Convention) the categories its
    /// Convention categories are aligned to as equal or broader, where every count belongs.
    /// In `order` of the taxonomy.
    fn counted_categories(
        &self,
        provision: &crate::Provision,
        taxonomy: &TaxonomyId,
        order: &HashMap<CategoryId, usize>,
    ) -> Vec<CategoryId> {
        let counted = || {
            provision
                .mappings
                .iter()
                .filter(|m| super::coverage::counts(self.options(), provision, m))
        };
        let mut cats: Vec<CategoryId> = counted()
            .filter(|m| order.contains_key(&m.category))
            .map(|m| m.category.clone())
            .collect();
        if cats.is_empty() && !taxonomy.is_convention() {
            for m in counted().filter(|m| m.category.prefix() == crate::CONVENTION) {
                for (relation, other, _) in self.data().aligned(&m.category) {
                    // Read "convention category RELATION other".
                    if matches!(relation, Relation::Exact | Relation::Broad)
                        && order.contains_key(other)
                    {
                        cats.push(other.clone());
                    }
                }
            }
        }
        cats.sort_by_key(|c| order.get(c));
        cats.dedup();
        cats
    }

    /// Aggregates counts to the categories of `taxonomy` (e.g. `un2024`), counting a provision
    /// wherever coverage counts it (see [`Checker::coverage_all`]). A total that does not fit in
    /// 64 bits is an error naming the row.
    pub fn crosswalk(&self, taxonomy: &TaxonomyId, counts: &[Count]) -> Result<Crosswalk, Error> {
        let data = self.data();
        let t = data.taxonomy(taxonomy).ok_or_else(|| Error::UnknownId {
            kind: "taxonomy",
            id: taxonomy.to_string(),
        })?;
        let mut totals: BTreeMap<usize, CategoryTotal> = BTreeMap::new();
        let order: HashMap<CategoryId, usize> = t
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (CategoryId::new(&t.id, &c.id), i))
            .collect();
        let mut iccs: BTreeMap<crate::IccsCode, IccsTotal> = BTreeMap::new();
        let (mut one_to_many, mut unmapped, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
        let mut total = 0u64;
        for row in counts {
            let add = |sum: &mut u64| -> Result<(), Error> {
                *sum = sum
                    .checked_add(row.count)
                    .ok_or(Error::CountOverflow { line: row.line })?;
                Ok(())
            };
            add(&mut total)?;
            let Some(p) = data.provision(&row.provision) else {
                unknown.push(row.clone());
                continue;
            };
            let cats = self.counted_categories(p.provision, &t.id, &order);
            if cats.is_empty() {
                unmapped.push(row.clone());
                continue;
            }
            let shared = cats.len() > 1;
            if shared {
                one_to_many.push(OneToMany {
                    provision: row.provision.clone(),
                    count: row.count,
                    categories: cats.clone(),
                });
            }
            let mut codes: Vec<&crate::IccsCode> = Vec::new();
            for c in &cats {
                let Some(&i) = order.get(c) else { continue };
                let entry = totals.entry(i).or_insert_with(|| CategoryTotal {
                    category: c.clone(),
                    iccs: data.iccs(c).map(|l| l.codes.clone()).unwrap_or_default(),
                    iccs_note: data
                        .iccs(c)
                        .filter(|l| l.codes.is_empty())
                        .map(|l| l.note.clone()),
                    exclusive: 0,
                    shared: 0,
                    provisions: Vec::new(),
                });
                add(if shared {
                    &mut entry.shared
                } else {
                    &mut entry.exclusive
                })?;
                entry.provisions.push(row.provision.clone());
                if let Some(l) = data.iccs(c) {
                    codes.extend(l.codes.iter());
                }
            }
            codes.sort();
            codes.dedup();
            let shared_code = codes.len() > 1;
            for code in codes {
                let e = iccs.entry(code.clone()).or_insert_with(|| IccsTotal {
                    code: code.clone(),
                    exclusive: 0,
                    shared: 0,
                });
                add(if shared_code {
                    &mut e.shared
                } else {
                    &mut e.exclusive
                })?;
            }
        }
        Ok(Crosswalk {
            origin: data.origin().clone(),
            taxonomy: t.id.to_string(),
            total,
            categories: totals.into_values().collect(),
            iccs: iccs.into_values().collect(),
            one_to_many,
            unmapped,
            unknown,
        })
    }
}
