//! Proptest strategies for downstream test suites (feature `proptest`).
//!
//! ```
//! use cybercrime_taxonomy::strategy;
//! use proptest::prelude::*;
//!
//! proptest!(|(data in strategy::dataset(4, 20))| {
//!     cybercrime_taxonomy::assert_consistent(&data);
//! });
//! ```

use proptest::prelude::*;

use crate::Dataset;
use crate::synthetic::{Options, dataset_with};

/// Valid datasets: the embedded taxonomies with up to `max_jurisdictions` generated
/// jurisdictions of up to `max_provisions` provisions each.
pub fn dataset(max_jurisdictions: usize, max_provisions: usize) -> impl Strategy<Value = Dataset> {
    (
        1..=max_jurisdictions.max(1),
        0..=max_provisions,
        any::<u64>(),
    )
        .prop_map(|(jurisdictions, provisions, seed)| {
            dataset_with(
                Dataset::embedded(),
                Options {
                    jurisdictions,
                    provisions,
                    seed,
                },
            )
        })
}
