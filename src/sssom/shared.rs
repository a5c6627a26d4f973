//! The element ids an import has already read, so that every mapping naming the same element
//! holds one shared copy of its text; and the `other` column of a mapping row read through
//! them, so that an id already seen is found by its text in the JSON instead of being parsed
//! and allocated again. (Categories are shared from the import's table of known categories.)

use std::fmt;

use foldhash::HashSet;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::MappingExtras;
use crate::{ExtraCondition, LocalId};

/// The element ids seen so far in one import.
#[derive(Default)]
pub(crate) struct Shared {
    locals: HashSet<LocalId>,
}

impl Shared {
    /// The local id written `text`: the shared copy when it has been seen, else parsed (and
    /// checked) and kept.
    fn local(&mut self, text: &str) -> Result<LocalId, crate::IdError> {
        if let Some(known) = self.locals.get(text) {
            return Ok(known.clone());
        }
        let id: LocalId = text.parse()?;
        self.locals.insert(id.clone());
        Ok(id)
    }

    /// Reads a mapping row's `other` JSON object. It accepts and refuses exactly what
    /// `serde_json::from_str::<MappingExtras>` does, with the same messages; only the ids are
    /// shared.
    pub(crate) fn mapping_extras(&mut self, json: &str) -> serde_json::Result<MappingExtras> {
        let mut de = serde_json::Deserializer::from_str(json);
        let extras = ExtrasSeed(self).deserialize(&mut de)?;
        de.end()?;
        Ok(extras)
    }
}

const FIELDS: &[&str] = &["covers", "qualifications", "extra_conditions"];

/// `MappingExtras` read with shared ids.
struct ExtrasSeed<'s>(&'s mut Shared);

impl<'de> DeserializeSeed<'de> for ExtrasSeed<'_> {
    type Value = MappingExtras;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<MappingExtras, D::Error> {
        deserializer.deserialize_struct("MappingExtras", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for ExtrasSeed<'_> {
    type Value = MappingExtras;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct MappingExtras")
    }
    /// The derived reader also takes the fields as an array, in order.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MappingExtras, A::Error> {
        let covers = seq.next_element_seed(LocalsSeed(&mut *self.0))?;
        let qualifications = match covers {
            Some(_) => seq.next_element_seed(LocalsSeed(&mut *self.0))?,
            None => None,
        };
        let extra_conditions = match qualifications {
            Some(_) => seq.next_element()?,
            None => None,
        };
        Ok(MappingExtras {
            covers: covers.unwrap_or_default(),
            qualifications: qualifications.unwrap_or_default(),
            extra_conditions: extra_conditions.unwrap_or_default(),
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MappingExtras, A::Error> {
        let mut covers = None;
        let mut qualifications = None;
        let mut extra_conditions: Option<Vec<ExtraCondition>> = None;
        while let Some(field) = map.next_key_seed(FieldSeed)? {
            match field {
                Field::Covers if covers.is_some() => {
                    return Err(de::Error::duplicate_field("covers"));
                }
                Field::Covers => covers = Some(map.next_value_seed(LocalsSeed(self.0))?),
                Field::Qualifications if qualifications.is_some() => {
                    return Err(de::Error::duplicate_field("qualifications"));
                }
                Field::Qualifications => {
                    qualifications = Some(map.next_value_seed(LocalsSeed(self.0))?);
                }
                Field::ExtraConditions if extra_conditions.is_some() => {
                    return Err(de::Error::duplicate_field("extra_conditions"));
                }
                Field::ExtraConditions => extra_conditions = Some(map.next_value()?),
            }
        }
        Ok(MappingExtras {
            covers: covers.unwrap_or_default(),
            qualifications: qualifications.unwrap_or_default(),
            extra_conditions: extra_conditions.unwrap_or_default(),
        })
    }
}

enum Field {
    Covers,
    Qualifications,
    ExtraConditions,
}

/// A key of the `other` object; any other key is refused, as `deny_unknown_fields` does.
struct FieldSeed;

impl<'de> DeserializeSeed<'de> for FieldSeed {
    type Value = Field;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldSeed {
    type Value = Field;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<Field, E> {
        match key {
            "covers" => Ok(Field::Covers),
            "qualifications" => Ok(Field::Qualifications),
            "extra_conditions" => Ok(Field::ExtraConditions),
            other => Err(E::unknown_field(other, FIELDS)),
        }
    }
}

/// A list of local ids, each shared; the list keeps no spare capacity.
struct LocalsSeed<'s>(&'s mut Shared);

impl<'de> DeserializeSeed<'de> for LocalsSeed<'_> {
    type Value = Vec<LocalId>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<LocalId>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for LocalsSeed<'_> {
    type Value = Vec<LocalId>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<LocalId>, A::Error> {
        let mut ids = Vec::new();
        while let Some(id) = seq.next_element_seed(LocalSeed(&mut *self.0))? {
            ids.push(id);
        }
        ids.shrink_to_fit();
        Ok(ids)
    }
}

/// One local id, shared.
struct LocalSeed<'s>(&'s mut Shared);

impl<'de> DeserializeSeed<'de> for LocalSeed<'_> {
    type Value = LocalId;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<LocalId, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for LocalSeed<'_> {
    type Value = LocalId;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<LocalId, E> {
        self.0.local(text).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the derived reader gives, as text: the value's debug form or the error message.
    fn derived(json: &str) -> String {
        match serde_json::from_str::<MappingExtras>(json) {
            Ok(v) => format!("{v:?}"),
            Err(e) => e.to_string(),
        }
    }

    fn seeded(shared: &mut Shared, json: &str) -> String {
        match shared.mapping_extras(json) {
            Ok(v) => format!("{v:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn reads_and_refuses_as_the_derived_reader_does() {
        let cases = [
            r#"{}"#,
            r#"{"covers":["access","without-right"],"qualifications":["dishonest-intent"]}"#,
            r#"{"covers":["access"],"extra_conditions":[{"id":"damage-threshold","description":"x"}]}"#,
            r#"{"covers":["acc\u0065ss"]}"#,
            r#"{"covers":["Access"]}"#,
            r#"{"covers":[""]}"#,
            r#"{"covers":"access"}"#,
            r#"{"covers":null}"#,
            r#"{"covers":[1]}"#,
            r#"{"covers":["access"],"covers":["access"]}"#,
            r#"{"cover":["access"]}"#,
            r#"{"covers":["access"]} trailing"#,
            r#"{"covers":["access"]"#,
            r#"["access"]"#,
            r#"[["access"]]"#,
            r#"[["access"],["dishonest-intent"],[],[]]"#,
            r#"[]"#,
            r#"null"#,
            r#"{"extra_conditions":[{"id":"x"}]}"#,
        ];
        let mut shared = Shared::default();
        for json in cases {
            // Twice: the second time the ids come from the shared set.
            for _ in 0..2 {
                assert_eq!(seeded(&mut shared, json), derived(json), "{json}");
            }
        }
    }

    #[test]
    fn an_element_read_twice_is_one_copy() {
        let mut shared = Shared::default();
        let a = shared.mapping_extras(r#"{"covers":["access"]}"#).unwrap();
        let b = shared.mapping_extras(r#"{"covers":["access"]}"#).unwrap();
        assert!(std::ptr::eq(a.covers[0].as_str(), b.covers[0].as_str()));
        assert_eq!(a.covers.capacity(), 1);
    }
}
