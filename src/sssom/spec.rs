//! What the SSSOM specification says a mapping set may hold: every slot of the SSSOM 1.1
//! LinkML schema with its range, where it may appear, whether it is multi-valued and whether a
//! set-level value propagates to every mapping; the built-in prefixes; and the controlled
//! vocabularies (justifications, entity types, cardinalities, predicate modifiers).
//!
//! Taken from the schema `src/sssom_schema/schema/sssom_schema.yaml` and the specification
//! pages (`spec-intro.md`, `spec-model.md`, `spec-formats-tsv.md`) of
//! <https://github.com/mapping-commons/sssom/tree/8cfba109> (mapping-commons/sssom at commit
//! 8cfba109, read 2026-12-02).

/// What a slot's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    /// A CURIE whose prefix must be declared or built in (`EntityReference`).
    Curie,
    /// An absolute IRI (`NonRelativeURI`).
    Uri,
    /// A number (`double`).
    Double,
    /// An `xsd:date`, `YYYY-MM-DD`.
    Date,
    /// Free text.
    Text,
    /// One of the entity types ([`ENTITY_TYPES`]).
    EntityType,
    /// `Not` ([`PREDICATE_MODIFIERS`]).
    PredicateModifier,
    /// One of the cardinalities ([`CARDINALITIES`]).
    Cardinality,
    /// `1.0` or `1.1`.
    Version,
    /// A structure of its own (the curie_map, the mappings, extension definitions).
    Structured,
}

/// Where a slot may appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// On a mapping only (a TSV column).
    Mapping,
    /// On the set only (the metadata block).
    Set,
    /// On both.
    Both,
}

/// One slot of the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Its name.
    pub name: &'static str,
    /// Its range.
    pub range: Range,
    /// Where it may appear.
    pub on: On,
    /// Whether it holds several values (`|`-separated in a TSV cell, a list in YAML).
    pub multivalued: bool,
    /// Whether a set-level value applies to every mapping.
    pub propagated: bool,
    /// The SSSOM version that added it.
    pub since: &'static str,
}

impl Slot {
    /// Whether the slot may be a TSV column.
    pub fn on_mapping(&self) -> bool {
        matches!(self.on, On::Mapping | On::Both)
    }
    /// Whether the slot may be in the metadata block.
    pub fn on_set(&self) -> bool {
        matches!(self.on, On::Set | On::Both)
    }
}

/// The slot called `name`, if the schema has one.
pub fn slot(name: &str) -> Option<&'static Slot> {
    SLOTS.iter().find(|s| s.name == name)
}

/// Every slot of the schema: the `Mapping` class's slots in schema order, then the slots only
/// `MappingSet` has.
pub const SLOTS: &[Slot] = &[
    Slot {
        name: "record_id",
        range: Range::Curie,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.1",
    },
    Slot {
        name: "subject_id",
        range: Range::Curie,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "subject_label",
        range: Range::Text,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "subject_category",
        range: Range::Text,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "predicate_id",
        range: Range::Curie,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "predicate_label",
        range: Range::Text,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "predicate_modifier",
        range: Range::PredicateModifier,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "object_id",
        range: Range::Curie,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "object_label",
        range: Range::Text,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "object_category",
        range: Range::Text,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "mapping_justification",
        range: Range::Curie,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "author_id",
        range: Range::Curie,
        on: On::Mapping,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "author_label",
        range: Range::Text,
        on: On::Mapping,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "reviewer_id",
        range: Range::Curie,
        on: On::Mapping,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "reviewer_label",
        range: Range::Text,
        on: On::Mapping,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "creator_id",
        range: Range::Curie,
        on: On::Both,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "creator_label",
        range: Range::Text,
        on: On::Both,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "license",
        range: Range::Uri,
        on: On::Both,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "subject_type",
        range: Range::EntityType,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "subject_source",
        range: Range::Curie,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "subject_source_version",
        range: Range::Text,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "object_type",
        range: Range::EntityType,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "object_source",
        range: Range::Curie,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "object_source_version",
        range: Range::Text,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "predicate_type",
        range: Range::EntityType,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.1",
    },
    Slot {
        name: "mapping_provider",
        range: Range::Uri,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "mapping_source",
        range: Range::Curie,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "mapping_cardinality",
        range: Range::Cardinality,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "cardinality_scope",
        range: Range::Text,
        on: On::Both,
        multivalued: true,
        propagated: true,
        since: "1.1",
    },
    Slot {
        name: "mapping_tool",
        range: Range::Text,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "mapping_tool_id",
        range: Range::Curie,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.1",
    },
    Slot {
        name: "mapping_tool_version",
        range: Range::Text,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "mapping_date",
        range: Range::Date,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "publication_date",
        range: Range::Date,
        on: On::Both,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "review_date",
        range: Range::Date,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.1",
    },
    Slot {
        name: "confidence",
        range: Range::Double,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "reviewer_agreement",
        range: Range::Double,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.1",
    },
    Slot {
        name: "curation_rule",
        range: Range::Curie,
        on: On::Both,
        multivalued: true,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "curation_rule_text",
        range: Range::Text,
        on: On::Both,
        multivalued: true,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "subject_match_field",
        range: Range::Curie,
        on: On::Both,
        multivalued: true,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "object_match_field",
        range: Range::Curie,
        on: On::Both,
        multivalued: true,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "match_string",
        range: Range::Text,
        on: On::Mapping,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "subject_preprocessing",
        range: Range::Curie,
        on: On::Both,
        multivalued: true,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "object_preprocessing",
        range: Range::Curie,
        on: On::Both,
        multivalued: true,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "similarity_score",
        range: Range::Double,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "similarity_measure",
        range: Range::Text,
        on: On::Both,
        multivalued: false,
        propagated: true,
        since: "1.0",
    },
    Slot {
        name: "see_also",
        range: Range::Uri,
        on: On::Both,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "issue_tracker_item",
        range: Range::Curie,
        on: On::Mapping,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "other",
        range: Range::Text,
        on: On::Both,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "comment",
        range: Range::Text,
        on: On::Both,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "sssom_version",
        range: Range::Version,
        on: On::Set,
        multivalued: false,
        propagated: false,
        since: "1.1",
    },
    Slot {
        name: "curie_map",
        range: Range::Structured,
        on: On::Set,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "mappings",
        range: Range::Structured,
        on: On::Set,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "mapping_set_id",
        range: Range::Uri,
        on: On::Set,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "mapping_set_version",
        range: Range::Text,
        on: On::Set,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "mapping_set_source",
        range: Range::Uri,
        on: On::Set,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "mapping_set_title",
        range: Range::Text,
        on: On::Set,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "mapping_set_description",
        range: Range::Text,
        on: On::Set,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "mapping_set_confidence",
        range: Range::Double,
        on: On::Set,
        multivalued: false,
        propagated: false,
        since: "1.1",
    },
    Slot {
        name: "issue_tracker",
        range: Range::Uri,
        on: On::Set,
        multivalued: false,
        propagated: false,
        since: "1.0",
    },
    Slot {
        name: "extension_definitions",
        range: Range::Structured,
        on: On::Set,
        multivalued: true,
        propagated: false,
        since: "1.0",
    },
];

/// The built-in prefixes (`spec-intro.md`, "IRI prefixes"): they may be left out of the
/// curie_map, and if declared must expand to the same IRI.
pub const BUILTIN_PREFIXES: [(&str, &str); 8] = [
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("semapv", "https://w3id.org/semapv/vocab/"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("sssom", "https://w3id.org/sssom/"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("linkml", "https://w3id.org/linkml/"),
];

/// The justifications the schema permits for `mapping_justification`.
pub const JUSTIFICATIONS: [&str; 13] = [
    "semapv:LexicalMatching",
    "semapv:LogicalReasoning",
    "semapv:CompositeMatching",
    "semapv:UnspecifiedMatching",
    "semapv:SemanticSimilarityThresholdMatching",
    "semapv:LexicalSimilarityThresholdMatching",
    "semapv:MappingChaining",
    "semapv:MappingReview",
    "semapv:ManualMappingCuration",
    "semapv:MappingInversion",
    "semapv:StructuralMatching",
    "semapv:InstanceBasedMatching",
    "semapv:BackgroundKnowledgeBasedMatching",
];

/// The entity types (`entity_type_enum`), as written in TSV.
pub const ENTITY_TYPES: [&str; 12] = [
    "owl class",
    "owl object property",
    "owl data property",
    "owl annotation property",
    "owl named individual",
    "skos concept",
    "rdfs resource",
    "rdfs class",
    "rdfs literal",
    "rdfs datatype",
    "rdf property",
    "composed entity expression",
];

/// The entity type of a literal mapping's side: a label without an id.
pub const LITERAL: &str = "rdfs literal";

/// The mapping cardinalities (`mapping_cardinality_enum`).
pub const CARDINALITIES: [&str; 7] = ["1:1", "1:n", "n:1", "n:n", "1:0", "0:1", "0:0"];

/// The predicate modifiers (`predicate_modifier_enum`).
pub const PREDICATE_MODIFIERS: [&str; 1] = ["Not"];

/// The SSSOM versions (`sssom_version_enum`).
pub const VERSIONS: [&str; 2] = ["1.0", "1.1"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_the_schema() {
        assert_eq!(SLOTS.len(), 61);
        let propagated: Vec<&str> = SLOTS
            .iter()
            .filter(|s| s.propagated)
            .map(|s| s.name)
            .collect();
        // spec-model.md lists 19 propagatable slots; the schema also marks mapping_tool_id.
        assert_eq!(propagated.len(), 20);
        assert!(propagated.contains(&"subject_source"));
        assert_eq!(slot("confidence").map(|s| s.range), Some(Range::Double));
        assert!(slot("mapping_set_id").is_some_and(|s| s.on_set() && !s.on_mapping()));
        assert!(slot("creator_id").is_some_and(|s| s.multivalued && s.on_mapping()));
        assert_eq!(slot("record_id").map(|s| s.since), Some("1.1"));
    }

    #[test]
    fn the_data_model_reads_every_justification() {
        let mut ours: Vec<&str> = crate::Justification::ALL
            .iter()
            .map(|j| j.curie())
            .collect();
        let mut spec = JUSTIFICATIONS.to_vec();
        ours.sort_unstable();
        spec.sort_unstable();
        assert_eq!(ours, spec);
    }
}
