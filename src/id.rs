//! Identifier newtypes and their parsing.
//!
//! Every identifier is a CURIE-like string so that it drops straight into SSSOM:
//!
//! | type | form | example |
//! |---|---|---|
//! | [`TaxonomyId`] | prefix | `un2024` |
//! | [`CategoryId`] | `prefix:local` | `un2024:art7` |
//! | [`LocalId`] | local id inside a category | `security-measures` |
//! | [`ElementRef`] | `category#local` | `un2024:art7#security-measures` |
//! | [`JurisdictionCode`] | ISO 3166-1 alpha-2 (or subdivision) | `SG`, `MY-10` |
//! | [`InstrumentId`] | `cc:local` | `sg:cma1993` |
//! | [`ProvisionId`] | `cc:instrument/local` | `sg:cma1993/s3` |
//!
//! Each type implements [`FromStr`] and [`Display`] that round-trip, and (de)serialises as a
//! plain string; a malformed identifier is an [`IdError`], never a panic.
//!
//! The text of a [`LocalId`], [`CategoryId`], [`InstrumentId`] or [`ProvisionId`] is shared:
//! cloning one counts a reference instead of copying the text, so the many copies a dataset
//! holds of the same element or category (one in every mapping that names it) cost one
//! allocation between them.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A malformed identifier: which kind was expected, the offending input and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {kind} `{input}`: {reason}")]
pub struct IdError {
    /// The kind of identifier that was being parsed, e.g. `category id`.
    pub kind: &'static str,
    /// The input as given.
    pub input: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

/// The longest identifier accepted, in bytes: far beyond any real id, short enough that an
/// error message or a "did you mean" hint on a hostile one stays cheap.
pub const MAX_ID_LEN: usize = 200;

/// How much of an offending input an error message repeats.
const SHOWN: usize = 80;

fn id_error(kind: &'static str, input: &str, reason: &'static str) -> IdError {
    let input = if input.len() > SHOWN {
        let mut end = SHOWN;
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}… ({} bytes)", &input[..end], input.len())
    } else {
        input.to_owned()
    };
    IdError {
        kind,
        input,
        reason,
    }
}

/// Refuses an input longer than [`MAX_ID_LEN`] before any other check.
fn check_len(kind: &'static str, input: &str) -> Result<(), IdError> {
    if input.len() > MAX_ID_LEN {
        Err(id_error(kind, input, "longer than 200 bytes"))
    } else {
        Ok(())
    }
}

/// Checks a local part: starts with `a-z` or `0-9`, then `a-z`, `0-9`, `-`, `.` or `_`.
fn check_local(kind: &'static str, input: &str, local: &str) -> Result<(), IdError> {
    // Every allowed character is ASCII, so bytes decide as characters would.
    let mut bytes = local.bytes();
    match bytes.next() {
        None => return Err(id_error(kind, input, "local part is empty")),
        Some(c) if !(c.is_ascii_lowercase() || c.is_ascii_digit()) => {
            return Err(id_error(
                kind,
                input,
                "local part must start with a lower-case letter or a digit",
            ));
        }
        Some(_) => {}
    }
    if bytes
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'.' | b'_'))
    {
        Ok(())
    } else {
        Err(id_error(
            kind,
            input,
            "local part may only use a-z, 0-9, '-', '.' and '_'",
        ))
    }
}

/// Checks a taxonomy prefix: a lower-case letter, then lower-case letters and digits.
fn check_prefix(kind: &'static str, input: &str, prefix: &str) -> Result<(), IdError> {
    let mut bytes = prefix.bytes();
    match bytes.next() {
        Some(c) if c.is_ascii_lowercase() => {}
        Some(_) => {
            return Err(id_error(
                kind,
                input,
                "prefix must start with a lower-case letter",
            ));
        }
        None => return Err(id_error(kind, input, "prefix is empty")),
    }
    if bytes.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(id_error(
            kind,
            input,
            "prefix may only use lower-case letters and digits",
        ))
    }
}

/// Deserialises an identifier from a string by its `FromStr`, without first copying the
/// string (the text is parsed where the deserialiser holds it).
struct ParseVisitor<T>(std::marker::PhantomData<T>);

impl<T> serde::de::Visitor<'_> for ParseVisitor<T>
where
    T: FromStr<Err = IdError>,
{
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }
}

/// Implements `Display`, `Serialize`, `Deserialize` and `JsonSchema` for a newtype whose text form
/// is `as_str()` and which parses with `FromStr`.
macro_rules! string_form {
    ($ty:ident, $pattern:expr, $description:expr) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(ParseVisitor::<$ty>(std::marker::PhantomData))
            }
        }
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> String {
                stringify!($ty).to_owned()
            }
            fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
                let mut schema = schemars::schema::SchemaObject {
                    instance_type: Some(schemars::schema::InstanceType::String.into()),
                    ..Default::default()
                };
                schema.string().pattern = Some($pattern.to_owned());
                schema.metadata().description = Some($description.to_owned());
                schema.into()
            }
        }
    };
}

/// A taxonomy prefix such as `un2024`, `budapest2001` or `undraft`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaxonomyId(String);

impl TaxonomyId {
    /// `un2024`: the UN Convention against Cybercrime, the taxonomy coverage is read against.
    pub fn convention() -> Self {
        Self(crate::CONVENTION.to_owned())
    }
    /// Whether this is the UN Convention's taxonomy.
    pub fn is_convention(&self) -> bool {
        self.0 == crate::CONVENTION
    }
    /// The prefix as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for TaxonomyId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        check_len("taxonomy id", s)?;
        check_prefix("taxonomy id", s, s)?;
        Ok(Self(s.to_owned()))
    }
}
string_form!(
    TaxonomyId,
    "^[a-z][a-z0-9]*$",
    "A taxonomy prefix, e.g. `un2024`."
);

/// A cooperation treaty's id, such as `asean-mla-2004` or `id-sg-extradition-2022`: a lower-case
/// letter or digit, then `a-z`, `0-9`, `-`, `.` or `_`.
///
/// ```
/// use cybercrime_taxonomy::TreatyId;
/// assert_eq!("asean-mla-2004".parse::<TreatyId>().unwrap().as_str(), "asean-mla-2004");
/// assert!("ASEAN".parse::<TreatyId>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TreatyId(String);

impl TreatyId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for TreatyId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        check_len("treaty id", s)?;
        check_local("treaty id", s, s)?;
        Ok(Self(s.to_owned()))
    }
}
string_form!(
    TreatyId,
    "^[a-z0-9][a-z0-9._-]*$",
    "A cooperation treaty id, e.g. `asean-mla-2004`."
);

/// A code of the International Classification of Crime for Statistical Purposes (ICCS): 2 to 8
/// digits, e.g. `09031`.
///
/// ```
/// use cybercrime_taxonomy::IccsCode;
/// assert_eq!("09031".parse::<IccsCode>().unwrap().as_str(), "09031");
/// assert_eq!(
///     "9a".parse::<IccsCode>().unwrap_err().to_string(),
///     "invalid ICCS code `9a`: expected 2 to 8 digits, e.g. `09031`"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IccsCode(String);

impl IccsCode {
    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for IccsCode {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        check_len("ICCS code", s)?;
        if (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(s.to_owned()))
        } else {
            Err(id_error(
                "ICCS code",
                s,
                "expected 2 to 8 digits, e.g. `09031`",
            ))
        }
    }
}
string_form!(IccsCode, "^[0-9]{2,8}$", "An ICCS code, e.g. `09031`.");

impl AsRef<str> for IccsCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A local identifier: an element, qualification or extra condition inside a category.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(Arc<str>);

impl LocalId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A local id hashes, compares and orders as its text, so a set of ids can be searched by a
/// `&str` without building an id first.
impl std::borrow::Borrow<str> for LocalId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl FromStr for LocalId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        check_len("local id", s)?;
        check_local("local id", s, s)?;
        Ok(Self(s.into()))
    }
}
string_form!(
    LocalId,
    "^[a-z0-9][a-z0-9._-]*$",
    "A local id such as `security-measures`."
);

/// A taxonomy category, `prefix:local`, e.g. `un2024:art7`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CategoryId {
    text: Arc<str>,
    colon: usize,
}

impl CategoryId {
    /// Builds the id of `local` in `taxonomy`.
    pub fn new(taxonomy: &TaxonomyId, local: &LocalId) -> Self {
        Self {
            text: format!("{taxonomy}:{local}").into(),
            colon: taxonomy.as_str().len(),
        }
    }
    /// The full id as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
    /// The taxonomy prefix, e.g. `un2024`.
    pub fn prefix(&self) -> &str {
        &self.text[..self.colon]
    }
    /// The local part, e.g. `art7`.
    pub fn local(&self) -> &str {
        &self.text[self.colon + 1..]
    }
}

impl FromStr for CategoryId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        check_len("category id", s)?;
        const KIND: &str = "category id";
        let (prefix, local) = s
            .split_once(':')
            .ok_or_else(|| id_error(KIND, s, "expected `prefix:local`, e.g. `un2024:art7`"))?;
        check_prefix(KIND, s, prefix)?;
        check_local(KIND, s, local)?;
        Ok(Self {
            text: s.into(),
            colon: prefix.len(),
        })
    }
}
string_form!(
    CategoryId,
    "^[a-z][a-z0-9]*:[a-z0-9][a-z0-9._-]*$",
    "A taxonomy category, e.g. `un2024:art7`."
);

/// An element or qualification written in full: `un2024:art7#security-measures`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ElementRef {
    /// The category the element belongs to.
    pub category: CategoryId,
    /// The element's local id.
    pub element: LocalId,
}

impl FromStr for ElementRef {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        check_len("element reference", s)?;
        let (category, element) = s.split_once('#').ok_or_else(|| {
            id_error(
                "element reference",
                s,
                "expected `category#element`, e.g. `un2024:art7#access`",
            )
        })?;
        Ok(Self {
            category: category.parse()?,
            element: element.parse()?,
        })
    }
}

impl fmt::Display for ElementRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.category, self.element)
    }
}

/// A jurisdiction code: ISO 3166-1 alpha-2 such as `SG`, or an ISO 3166-2-style subdivision
/// such as `MY-10` (a State of a federation with its own criminal law), or a user-assigned code
/// (`XA`..`XZ`, `ZZ`) for synthetic or private data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JurisdictionCode {
    bytes: [u8; 6],
    len: u8,
}

impl JurisdictionCode {
    /// The code as upper-case text.
    pub fn as_str(&self) -> &str {
        // Only ASCII upper-case letters, digits and `-` are ever stored (see `parse_code`).
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("??")
    }
    /// The lower-case prefix used by this jurisdiction's instrument and provision ids.
    pub fn prefix(&self) -> String {
        self.as_str().to_ascii_lowercase()
    }
    /// The ISO 3166-1 alpha-2 country part, e.g. `MY` for `MY-10`.
    pub fn country(&self) -> &str {
        &self.as_str()[..2]
    }
}

/// Parses `AA` or `AA-X`, `AA-XX`, `AA-XXX` in the given letter case.
fn parse_code(text: &str, upper: bool) -> Option<JurisdictionCode> {
    let b = text.as_bytes();
    let letter = |c: u8| {
        if upper {
            c.is_ascii_uppercase()
        } else {
            c.is_ascii_lowercase()
        }
    };
    let ok = match b {
        [x, y] => letter(*x) && letter(*y),
        [x, y, b'-', rest @ ..] if (1..=3).contains(&rest.len()) => {
            letter(*x) && letter(*y) && rest.iter().all(|c| letter(*c) || c.is_ascii_digit())
        }
        _ => false,
    };
    if !ok {
        return None;
    }
    let mut bytes = [0u8; 6];
    for (slot, c) in bytes.iter_mut().zip(b) {
        *slot = c.to_ascii_uppercase();
    }
    Some(JurisdictionCode {
        bytes,
        len: b.len() as u8,
    })
}

impl FromStr for JurisdictionCode {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        check_len("jurisdiction code", s)?;
        parse_code(s, true).ok_or_else(|| {
            id_error(
                "jurisdiction code",
                s,
                "expected two upper-case letters (ISO 3166-1 alpha-2), e.g. `SG`, optionally with a subdivision, e.g. `MY-10`",
            )
        })
    }
}
string_form!(
    JurisdictionCode,
    "^[A-Z]{2}(-[A-Z0-9]{1,3})?$",
    "An ISO 3166-1 alpha-2 code, e.g. `SG`, optionally with a subdivision, e.g. `MY-10`."
);

/// Splits `cc:rest` and checks that `cc` is a lower-case jurisdiction prefix.
fn split_jurisdiction<'a>(
    kind: &'static str,
    s: &'a str,
) -> Result<(JurisdictionCode, &'a str), IdError> {
    let (prefix, rest) = s.split_once(':').ok_or_else(|| {
        id_error(
            kind,
            s,
            "expected a lower-case jurisdiction prefix, e.g. `sg:`",
        )
    })?;
    let code = parse_code(prefix, false).ok_or_else(|| {
        id_error(
            kind,
            s,
            "prefix must be a lower-case jurisdiction code, e.g. `sg` or `my-10`",
        )
    })?;
    Ok((code, rest))
}

/// A national instrument (statute), `cc:local`, e.g. `sg:cma1993`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstrumentId {
    text: Arc<str>,
    jurisdiction: JurisdictionCode,
}

impl InstrumentId {
    /// The full id as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
    /// The jurisdiction named by the prefix.
    pub fn jurisdiction(&self) -> JurisdictionCode {
        self.jurisdiction
    }
}

impl FromStr for InstrumentId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        check_len("instrument id", s)?;
        const KIND: &str = "instrument id";
        let (jurisdiction, local) = split_jurisdiction(KIND, s)?;
        check_local(KIND, s, local)?;
        Ok(Self {
            text: s.into(),
            jurisdiction,
        })
    }
}
string_form!(
    InstrumentId,
    "^[a-z]{2}(-[a-z0-9]{1,3})?:[a-z0-9][a-z0-9._-]*$",
    "A national instrument, e.g. `sg:cma1993`."
);

/// A provision of an instrument, `cc:instrument/local`, e.g. `sg:cma1993/s3`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvisionId {
    text: Arc<str>,
    slash: usize,
    jurisdiction: JurisdictionCode,
}

impl ProvisionId {
    /// The full id as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
    /// The jurisdiction named by the prefix.
    pub fn jurisdiction(&self) -> JurisdictionCode {
        self.jurisdiction
    }
    /// The text of the instrument part, e.g. `sg:cma1993`.
    pub fn instrument(&self) -> &str {
        &self.text[..self.slash]
    }
}

impl FromStr for ProvisionId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        check_len("provision id", s)?;
        const KIND: &str = "provision id";
        let (jurisdiction, rest) = split_jurisdiction(KIND, s)?;
        let (instrument, local) = rest.split_once('/').ok_or_else(|| {
            id_error(
                KIND,
                s,
                "expected `cc:instrument/provision`, e.g. `sg:cma1993/s3`",
            )
        })?;
        check_local(KIND, s, instrument)?;
        check_local(KIND, s, local)?;
        Ok(Self {
            text: s.into(),
            slash: s.len() - local.len() - 1,
            jurisdiction,
        })
    }
}
string_form!(
    ProvisionId,
    "^[a-z]{2}(-[a-z0-9]{1,3})?:[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*$",
    "A provision, e.g. `sg:cma1993/s3`."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_parts() {
        let id: CategoryId = "un2024:art7".parse().unwrap();
        assert_eq!(id.prefix(), "un2024");
        assert_eq!(id.local(), "art7");
    }

    #[test]
    fn provision_parts() {
        let id: ProvisionId = "ph:ra10175/s4-a-1".parse().unwrap();
        assert_eq!(id.instrument(), "ph:ra10175");
        assert_eq!(id.jurisdiction().as_str(), "PH");
    }

    #[test]
    fn subdivision_codes() {
        let code: JurisdictionCode = "MY-10".parse().unwrap();
        assert_eq!(code.country(), "MY");
        assert_eq!(code.prefix(), "my-10");
        let id: ProvisionId = "my-10:enactment/s2".parse().unwrap();
        assert_eq!(id.jurisdiction(), code);
        assert!("MY-".parse::<JurisdictionCode>().is_err());
        assert!("MY-1234".parse::<JurisdictionCode>().is_err());
    }

    #[test]
    fn exact_error_messages() {
        assert_eq!(
            "un2024:Art7".parse::<CategoryId>().unwrap_err().to_string(),
            "invalid category id `un2024:Art7`: local part must start with a lower-case letter or a digit"
        );
        assert_eq!(
            "sgp".parse::<JurisdictionCode>().unwrap_err().to_string(),
            "invalid jurisdiction code `sgp`: expected two upper-case letters (ISO 3166-1 alpha-2), e.g. `SG`, optionally with a subdivision, e.g. `MY-10`"
        );
        assert_eq!(
            "sg:cma1993".parse::<ProvisionId>().unwrap_err().to_string(),
            "invalid provision id `sg:cma1993`: expected `cc:instrument/provision`, e.g. `sg:cma1993/s3`"
        );
    }
}
