//! [`Dataset`]: validated taxonomies, alignments and jurisdictions, with indexes for lookups.

use foldhash::HashMap;
use std::sync::OnceLock;

use indexmap::IndexMap;

use crate::diagnostic::Diagnostics;
use crate::origin::Origin;
use crate::provision_index::{At, ProvisionIndex, provision_at};
use crate::{
    Alignment, Alignments, Category, CategoryId, IccsLink, Jurisdiction, JurisdictionCode,
    Provision, ProvisionId, Relation, Taxonomy, TaxonomyId,
};

/// Validated data with indexes. Build one with [`Dataset::embedded`] or a
/// [`DatasetBuilder`](crate::DatasetBuilder).
#[derive(Debug, Clone)]
pub struct Dataset {
    taxonomies: IndexMap<TaxonomyId, Taxonomy>,
    alignments: Alignments,
    jurisdictions: IndexMap<JurisdictionCode, Jurisdiction>,
    treaties: IndexMap<crate::TreatyId, crate::Treaty>,
    categories: HashMap<CategoryId, (usize, usize)>,
    provisions: ProvisionIndex,
    diagnostics: Diagnostics,
    origin: Origin,
}

type Jurisdictions = IndexMap<JurisdictionCode, Jurisdiction>;

fn provision_in(jurisdictions: &Jurisdictions, at: At) -> Option<&Provision> {
    provision_at(jurisdictions, at, |j| j)
}

fn index_provisions(jurisdictions: &Jurisdictions) -> ProvisionIndex {
    let count = jurisdictions.values().map(|j| j.provisions.len()).sum();
    let mut index = ProvisionIndex::with_capacity(count);
    for (ji, j) in jurisdictions.values().enumerate() {
        for (pi, p) in j.provisions.iter().enumerate() {
            index.insert(&p.id, (ji, pi), |at| provision_in(jurisdictions, at));
        }
    }
    index
}

/// A category together with the taxonomy it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct CategoryRef<'a> {
    /// The taxonomy.
    pub taxonomy: &'a Taxonomy,
    /// The category.
    pub category: &'a Category,
}

impl CategoryRef<'_> {
    /// The category's full id, e.g. `un2024:art7`.
    pub fn id(&self) -> CategoryId {
        CategoryId::new(&self.taxonomy.id, &self.category.id)
    }
}

/// A provision together with its jurisdiction.
#[derive(Debug, Clone, Copy)]
pub struct ProvisionRef<'a> {
    /// The jurisdiction.
    pub jurisdiction: &'a Jurisdiction,
    /// The provision.
    pub provision: &'a Provision,
}

/// Anything an id can name, for forgiving lookups such as the CLI's `show`.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    /// A taxonomy.
    Taxonomy(&'a Taxonomy),
    /// A category.
    Category(CategoryRef<'a>),
    /// A jurisdiction.
    Jurisdiction(&'a Jurisdiction),
    /// An instrument, with its jurisdiction.
    Instrument(&'a Jurisdiction, &'a crate::Instrument),
    /// A provision.
    Provision(ProvisionRef<'a>),
}

impl Item<'_> {
    /// The item's id as written in data files and reports, e.g. `un2024:art7` or `SG`.
    pub fn id(&self) -> String {
        match self {
            Self::Taxonomy(t) => t.id.to_string(),
            Self::Category(c) => c.id().to_string(),
            Self::Jurisdiction(j) => j.code.to_string(),
            Self::Instrument(_, i) => i.id.to_string(),
            Self::Provision(p) => p.provision.id.to_string(),
        }
    }

    /// What the item is called: a State's name, a category's or instrument's title, a
    /// taxonomy's short title, or a provision's instrument title and number
    /// (`Computer Misuse Act 1993 s 3`).
    pub fn label(&self) -> String {
        match self {
            Self::Taxonomy(t) => t.short_title.clone(),
            Self::Category(c) => c.category.title.clone(),
            Self::Jurisdiction(j) => j.name.clone(),
            Self::Instrument(_, i) => i.title.clone(),
            Self::Provision(p) => match p.jurisdiction.instrument(&p.provision.instrument) {
                Some(i) => format!("{} {}", i.title, p.provision.number),
                None => p.provision.number.clone(),
            },
        }
    }
}

impl Dataset {
    /// All data shipped with the crate, parsed and validated once, then shared.
    ///
    /// # Panics
    /// Never in a released crate: the test suite loads and validates every embedded file, so
    /// invalid embedded data cannot ship.
    ///
    /// ```
    /// let data = cybercrime_taxonomy::Dataset::embedded();
    /// let art7 = data.category_str("un2024:art7").unwrap();
    /// assert_eq!(art7.category.title, "Illegal access");
    /// ```
    pub fn embedded() -> &'static Dataset {
        static EMBEDDED: OnceLock<Dataset> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            crate::DatasetBuilder::new()
                .embedded()
                .build()
                .unwrap_or_else(|d| panic!("embedded data is invalid (a bug in this crate):\n{d}"))
        })
    }

    /// The embedded data plus every data file (JSON) and SSSOM set (`.tsv`) under `dir`, which
    /// may add jurisdictions or replace shipped ones. Shorthand for
    /// `DatasetBuilder::new().embedded().dir(dir).build()`.
    pub fn from_dir(dir: impl AsRef<std::path::Path>) -> Result<Dataset, Diagnostics> {
        crate::DatasetBuilder::new().embedded().dir(dir).build()
    }

    /// The embedded data plus one file read from `reader`; `name` is used in diagnostics (a
    /// name ending in `.tsv` marks an SSSOM set).
    pub fn from_reader(
        name: impl Into<String>,
        reader: impl std::io::Read,
    ) -> Result<Dataset, Diagnostics> {
        crate::DatasetBuilder::new()
            .embedded()
            .reader(name, reader)
            .build()
    }

    pub(crate) fn from_parts(
        taxonomies: Vec<Taxonomy>,
        alignments: Vec<Alignments>,
        jurisdictions: Vec<Jurisdiction>,
        treaties: Vec<crate::Treaty>,
        diagnostics: Diagnostics,
        origin: Origin,
    ) -> Self {
        // A later file's treaty replaces an earlier one with the same id (a user's override);
        // duplicates within one layer were reported by validation.
        let treaties: IndexMap<_, _> = treaties.into_iter().map(|t| (t.id.clone(), t)).collect();
        let taxonomies: IndexMap<_, _> =
            taxonomies.into_iter().map(|t| (t.id.clone(), t)).collect();
        let mut jurisdictions: IndexMap<_, _> = jurisdictions
            .into_iter()
            .map(|mut j| {
                // Most provisions have one or two mappings; a list read from JSON grows to
                // room for four. The dataset is kept for the whole run: drop the spare room.
                for p in &mut j.provisions {
                    p.mappings.shrink_to_fit();
                }
                (j.code, j)
            })
            .collect();
        jurisdictions.sort_keys();
        let mut merged = Alignments::default();
        for a in alignments {
            merged.relations.extend(a.relations);
            merged.iccs.extend(a.iccs);
        }
        let mut categories = HashMap::default();
        for (ti, t) in taxonomies.values().enumerate() {
            for (ci, c) in t.categories.iter().enumerate() {
                categories.insert(CategoryId::new(&t.id, &c.id), (ti, ci));
            }
        }
        let provisions = index_provisions(&jurisdictions);
        Self {
            taxonomies,
            alignments: merged,
            jurisdictions,
            treaties,
            categories,
            provisions,
            diagnostics,
            origin,
        }
    }

    /// Where the data came from: the shipped version and as-of date, and the user's inputs.
    /// Every report and export copies it.
    ///
    /// ```
    /// let data = cybercrime_taxonomy::Dataset::embedded();
    /// assert!(data.origin().is_shipped_only());
    /// assert_eq!(data.origin().version(), cybercrime_taxonomy::DATA_VERSION);
    /// ```
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// Warnings and notes found while loading (errors prevent a dataset from being built).
    pub fn diagnostics(&self) -> &Diagnostics {
        &self.diagnostics
    }

    /// All taxonomies, in load order.
    pub fn taxonomies(&self) -> impl ExactSizeIterator<Item = &Taxonomy> {
        self.taxonomies.values()
    }

    /// The taxonomy with this id.
    pub fn taxonomy(&self, id: &TaxonomyId) -> Option<&Taxonomy> {
        self.taxonomies.get(id)
    }

    /// The taxonomy with this id, given as text.
    pub fn taxonomy_str(&self, id: &str) -> Option<&Taxonomy> {
        self.taxonomies.get(&id.parse::<TaxonomyId>().ok()?)
    }

    /// The category with this id.
    pub fn category(&self, id: &CategoryId) -> Option<CategoryRef<'_>> {
        let &(ti, ci) = self.categories.get(id)?;
        let (_, taxonomy) = self.taxonomies.get_index(ti)?;
        Some(CategoryRef {
            taxonomy,
            category: taxonomy.categories.get(ci)?,
        })
    }

    /// The category with this id, given as text.
    pub fn category_str(&self, id: &str) -> Option<CategoryRef<'_>> {
        self.category(&id.parse().ok()?)
    }

    /// Every category of every taxonomy.
    pub fn categories(&self) -> impl Iterator<Item = CategoryRef<'_>> {
        self.taxonomies.values().flat_map(|taxonomy| {
            taxonomy
                .categories
                .iter()
                .map(move |category| CategoryRef { taxonomy, category })
        })
    }

    /// All jurisdictions, ordered by code.
    pub fn jurisdictions(&self) -> impl ExactSizeIterator<Item = &Jurisdiction> {
        self.jurisdictions.values()
    }

    /// The jurisdiction with this code.
    pub fn jurisdiction(&self, code: JurisdictionCode) -> Option<&Jurisdiction> {
        self.jurisdictions.get(&code)
    }

    /// The jurisdiction with this code, given as text (case-insensitive).
    pub fn jurisdiction_str(&self, code: &str) -> Option<&Jurisdiction> {
        self.jurisdiction(code.to_ascii_uppercase().parse().ok()?)
    }

    /// The provision with this id.
    pub fn provision(&self, id: &ProvisionId) -> Option<ProvisionRef<'_>> {
        let (ji, pi) = self
            .provisions
            .find(id, |at| provision_in(&self.jurisdictions, at))?;
        let (_, jurisdiction) = self.jurisdictions.get_index(ji as usize)?;
        Some(ProvisionRef {
            jurisdiction,
            provision: jurisdiction.provisions.get(pi as usize)?,
        })
    }

    /// The cooperation treaties (MLA and extradition), in file order.
    pub fn treaties(&self) -> impl Iterator<Item = &crate::Treaty> {
        self.treaties.values()
    }

    /// The cooperation treaty with this id.
    pub fn treaty(&self, id: &crate::TreatyId) -> Option<&crate::Treaty> {
        self.treaties.get(id)
    }

    /// The alignments between taxonomies.
    pub fn alignments(&self) -> &Alignments {
        &self.alignments
    }

    /// Categories aligned with `id`, read from `id`'s side: `(relation, other)` means
    /// "`id` RELATION other". Links stated the other way round are inverted.
    pub fn aligned(&self, id: &CategoryId) -> Vec<(Relation, &CategoryId, &Alignment)> {
        self.alignments
            .relations
            .iter()
            .filter_map(|a| {
                if &a.subject == id {
                    Some((a.relation, &a.object, a))
                } else if &a.object == id {
                    Some((a.relation.inverse(), &a.subject, a))
                } else {
                    None
                }
            })
            .collect()
    }

    /// The ICCS codes of a category.
    pub fn iccs(&self, id: &CategoryId) -> Option<&IccsLink> {
        self.alignments.iccs.iter().find(|l| &l.category == id)
    }

    /// Resolves any kind of exact id: taxonomy, category, jurisdiction code, instrument or
    /// provision. Jurisdiction codes are matched case-insensitively. For names, aliases,
    /// article numbers and "did you mean" hints, use [`Dataset::lookup`].
    pub fn find(&self, id: &str) -> Option<Item<'_>> {
        let id = id.trim();
        if let Some(t) = self.taxonomy_str(id) {
            return Some(Item::Taxonomy(t));
        }
        if let Some(c) = self.category_str(id) {
            return Some(Item::Category(c));
        }
        if let Some(p) = id.parse().ok().and_then(|p| self.provision(&p)) {
            return Some(Item::Provision(p));
        }
        if let Ok(instrument) = id.parse::<crate::InstrumentId>() {
            let j = self.jurisdiction(instrument.jurisdiction())?;
            return j.instrument(&instrument).map(|i| Item::Instrument(j, i));
        }
        self.jurisdiction_str(id).map(Item::Jurisdiction)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provision_is_found_by_its_id_and_an_unknown_one_is_not() {
        let data = Dataset::embedded();
        let mut n = 0;
        for j in data.jurisdictions() {
            for p in &j.provisions {
                let found = data
                    .provision(&p.id)
                    .map(|r| (r.jurisdiction.code, r.provision));
                assert_eq!(found, Some((j.code, p)), "{}", p.id);
                n += 1;
            }
        }
        assert!(n > 100);
        assert!(
            data.provision(&"sg:cma1993/s999".parse().unwrap())
                .is_none()
        );
    }

    #[test]
    fn of_two_records_with_one_id_the_later_is_found() {
        let mut sg = Dataset::embedded().jurisdiction_str("SG").unwrap().clone();
        let mut later = sg.provisions[0].clone();
        later.summary = "the later record".to_owned();
        sg.provisions.push(later.clone());
        let js: Jurisdictions = [(sg.code, sg)].into_iter().collect();
        let index = index_provisions(&js);
        let at = index.find(&later.id, |at| provision_in(&js, at)).unwrap();
        assert_eq!(provision_in(&js, at).unwrap().summary, "the later record");
    }
}
