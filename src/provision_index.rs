//! An index of provisions by id that stores where each provision is (the position of its
//! jurisdiction and its own position there), 8 bytes an entry, instead of a copy of the id:
//! the id is hashed and compared where it lies. Used by the dataset and by the SSSOM import,
//! each with its own list of jurisdictions.

use std::hash::BuildHasher;

use indexmap::IndexMap;

use crate::{Jurisdiction, JurisdictionCode, Provision, ProvisionId};

/// A jurisdiction's position and the provision's position in it.
pub(crate) type At = (u32, u32);

/// The provision at `at` in a list of jurisdictions whose entries hold a jurisdiction
/// (`jurisdiction` takes it out of an entry).
pub(crate) fn provision_at<V>(
    list: &IndexMap<JurisdictionCode, V>,
    (ji, pi): At,
    jurisdiction: impl Fn(&V) -> &Jurisdiction,
) -> Option<&Provision> {
    let (_, entry) = list.get_index(ji as usize)?;
    jurisdiction(entry).provisions.get(pi as usize)
}

/// Provisions by id; `provision` (given to each call) finds the provision at a position.
#[derive(Debug, Clone, Default)]
pub(crate) struct ProvisionIndex {
    table: hashbrown::HashTable<At>,
    hasher: foldhash::fast::RandomState,
}

impl ProvisionIndex {
    /// An empty index with room for `count` provisions.
    pub(crate) fn with_capacity(count: usize) -> Self {
        Self {
            table: hashbrown::HashTable::with_capacity(count),
            hasher: Default::default(),
        }
    }

    /// Where provision `id` is.
    pub(crate) fn find<'p>(
        &self,
        id: &ProvisionId,
        provision: impl Fn(At) -> Option<&'p Provision>,
    ) -> Option<At> {
        let same = |&at: &At| provision(at).is_some_and(|p| &p.id == id);
        self.table.find(self.hasher.hash_one(id), same).copied()
    }

    /// Records that provision `id` is at `(jurisdiction, index)`; a later record of an id
    /// replaces an earlier one, as in a map. Positions beyond `u32` are not recorded (no
    /// dataset comes near four billion provisions).
    pub(crate) fn insert<'p>(
        &mut self,
        id: &ProvisionId,
        (jurisdiction, index): (usize, usize),
        provision: impl Fn(At) -> Option<&'p Provision>,
    ) {
        let (Ok(j), Ok(i)) = (u32::try_from(jurisdiction), u32::try_from(index)) else {
            return;
        };
        let hash = self.hasher.hash_one(id);
        let same = |&at: &At| provision(at).is_some_and(|p| &p.id == id);
        if let Some(slot) = self.table.find_mut(hash, same) {
            *slot = (j, i);
            return;
        }
        let hasher = &self.hasher;
        let rehash = |&at: &At| provision(at).map_or(0, |p| hasher.hash_one(&p.id));
        self.table.insert_unique(hash, (j, i), rehash);
    }
}
