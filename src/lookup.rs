//! Finding things by imprecise names, as spdx finds licences: ids in any case, State names and
//! their aliases (data, in each jurisdiction file), titles, and article numbers such as `art 7`,
//! with "did you mean" suggestions for near misses.

use std::fmt;

use crate::dataset::{CategoryRef, Item, ProvisionRef};
use crate::distance::edit_distance;
use crate::validate::CONVENTION;
use crate::{Dataset, Jurisdiction, Taxonomy};

/// The most suggestions an unknown name gets.
const MAX_SUGGESTIONS: usize = 3;
/// Longer queries get no suggestions: the distance costs |query| x |name| for every name.
const MAX_HINTED_CHARS: usize = 64;

/// An item a query could mean, shown as `SG (Singapore)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its id, e.g. `SG` or `un2024:art7`.
    pub id: String,
    /// What it is called, e.g. `Singapore` (see [`Item::label`]).
    pub label: String,
}

impl Candidate {
    fn of(item: &Item<'_>) -> Self {
        Self {
            id: item.id(),
            label: item.label(),
        }
    }
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.label.is_empty() || self.label == self.id {
            f.write_str(&self.id)
        } else {
            write!(f, "{} ({})", self.id, self.label)
        }
    }
}

/// A query that names nothing, or more than one thing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LookupError {
    /// Nothing goes by this id or name.
    #[error("unknown {sought} {}{}", Quoted(.query), did_you_mean(.suggestions))]
    Unknown {
        /// What was sought: `id or name`, or `State`.
        sought: &'static str,
        /// The query, trimmed.
        query: String,
        /// Up to three near misses, closest first.
        suggestions: Vec<Candidate>,
    },
    /// Several items go by this name.
    #[error("{} is ambiguous: it may mean {}; give the id", Quoted(.query), OneOf(.candidates))]
    Ambiguous {
        /// The query, trimmed.
        query: String,
        /// Every item it names, in dataset order.
        candidates: Vec<Candidate>,
    },
}

/// A query in backticks, cut short past [`MAX_HINTED_CHARS`] characters: `` `aaa…` (10000 bytes) ``.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(MAX_HINTED_CHARS) {
            Some((end, _)) => write!(f, "`{}…` ({} bytes)", &self.0[..end], self.0.len()),
            None => write!(f, "`{}`", self.0),
        }
    }
}

/// `A`, `A or B`, `A, B or C`.
struct OneOf<'a>(&'a [Candidate]);

impl fmt::Display for OneOf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(if i + 1 == self.0.len() { " or " } else { ", " })?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

fn did_you_mean(suggestions: &[Candidate]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(": did you mean {}?", OneOf(suggestions))
    }
}

/// The form in which names are compared: lower case, apostrophes dropped (`Lao People's` and
/// `Lao Peoples` are one name), every other run of characters that are neither letters nor
/// digits one space, trimmed. `Art. 7` becomes `art 7`, `Timor-Leste` `timor leste`.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '\u{2019}') {
            gap = true;
        }
    }
    out
}

/// Which names [`Dataset::each_name`] visits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Names {
    /// States' codes, names and aliases only.
    States,
    /// Every id, name and title except provision ids (too many to scan for an exact name).
    Titles,
    /// Everything, provision ids included: the pool of suggestions.
    All,
}

/// Records `item` unless an item with its id is already there.
fn push_new<'a>(found: &mut Vec<Item<'a>>, item: Item<'a>) {
    let id = item.id();
    if !found.iter().any(|f| f.id() == id) {
        found.push(item);
    }
}

/// The one thing found, or the error for none or several.
fn resolve<T: Copy>(
    query: &str,
    sought: &'static str,
    found: &[T],
    candidate: impl Fn(&T) -> Candidate,
    suggestions: impl FnOnce() -> Vec<Candidate>,
) -> Result<T, LookupError> {
    match found {
        [one] => Ok(*one),
        [] => Err(LookupError::Unknown {
            sought,
            query: query.to_owned(),
            suggestions: suggestions(),
        }),
        several => Err(LookupError::Ambiguous {
            query: query.to_owned(),
            candidates: several.iter().map(candidate).collect(),
        }),
    }
}

/// The normalised words a query may start with to mean this taxonomy: its id, its id without
/// the year (`budapest`, `un`), its short title and its title.
fn taxonomy_prefixes(t: &Taxonomy) -> Vec<String> {
    let id = t.id.as_str();
    let stem = id.trim_end_matches(|c: char| c.is_ascii_digit());
    let mut prefixes = vec![normalise(id)];
    if !stem.is_empty() && stem != id {
        prefixes.push(normalise(stem));
    }
    prefixes.push(normalise(&t.short_title));
    prefixes.push(normalise(&t.title));
    prefixes.retain(|p| !p.is_empty());
    prefixes
}

/// The article number in `art 7`, `art7`, `article 7` or `arts 7` (normalised), or the text
/// itself when it has no such word (`7`, `ap 3`).
fn article_number(rest: &str) -> &str {
    for word in ["article", "arts", "art"] {
        if let Some(n) = rest.strip_prefix(word) {
            if n.starts_with(' ') || n.starts_with(|c: char| c.is_ascii_digit()) {
                return n.trim_start();
            }
        }
    }
    rest
}

/// Without spaces, so that `ap3` and `AP 3` compare equal.
fn compact(s: &str) -> String {
    s.chars().filter(|c| *c != ' ').collect()
}

impl Dataset {
    /// Finds an item by id or by name, forgivingly, as the CLI's `show` does:
    ///
    /// - exact ids in any case (`un2024:art7`, `SG:CMA1993/S3`, `sg`);
    /// - names, compared without regard to case, spacing or punctuation: a State's name and its
    ///   aliases (`Viet Nam`, `Vietnam`, `VNM`), a taxonomy's title or short title, a
    ///   category's title, an instrument's title;
    /// - article numbers: of the Convention (`art 7`, `Art. 7`, `article 7`, `7`), or of
    ///   another taxonomy named first by id, id without year or title (`budapest art 2`,
    ///   `budapest2001 art2`).
    ///
    /// A name several items share is [`LookupError::Ambiguous`], listing them. A query that
    /// names nothing is [`LookupError::Unknown`], with up to three ids or names within a small
    /// edit distance (a quarter of the query's length) as suggestions.
    ///
    /// ```
    /// use cybercrime_taxonomy::Dataset;
    ///
    /// let data = Dataset::embedded();
    /// assert_eq!(data.lookup("Viet Nam").unwrap().id(), "VN");
    /// assert_eq!(data.lookup("vnm").unwrap().id(), "VN");
    /// assert_eq!(data.lookup("Art. 7").unwrap().id(), "un2024:art7");
    /// assert_eq!(data.lookup("budapest art 2").unwrap().id(), "budapest2001:art2");
    /// assert_eq!(
    ///     data.lookup("Singapor").unwrap_err().to_string(),
    ///     "unknown id or name `Singapor`: did you mean SG (Singapore)?"
    /// );
    /// ```
    pub fn lookup(&self, query: &str) -> Result<Item<'_>, LookupError> {
        let query = query.trim();
        if let Some(item) = self
            .find(query)
            .or_else(|| self.find(&query.to_lowercase()))
        {
            return Ok(item);
        }
        let key = normalise(query);
        let mut found = Vec::new();
        if !key.is_empty() {
            self.each_name(Names::Titles, &mut |item, name| {
                if normalise(name) == key {
                    push_new(&mut found, item);
                }
            });
            if found.is_empty() {
                found = self.articles(&key);
            }
        }
        resolve(query, "id or name", &found, Candidate::of, || {
            self.suggestions(&key, Names::All)
        })
    }

    /// Finds a State by code in any case, name or alias (`sg`, `Singapore`, `SGP`), like
    /// [`Dataset::lookup`] but only among jurisdictions, and with only States as suggestions.
    ///
    /// ```
    /// use cybercrime_taxonomy::Dataset;
    ///
    /// let data = Dataset::embedded();
    /// assert_eq!(data.lookup_jurisdiction("Burma").unwrap().name, "Myanmar");
    /// assert_eq!(
    ///     data.lookup_jurisdiction("Vietnma").unwrap_err().to_string(),
    ///     "unknown State `Vietnma`: did you mean VN (Viet Nam)?"
    /// );
    /// ```
    pub fn lookup_jurisdiction(&self, query: &str) -> Result<&Jurisdiction, LookupError> {
        let query = query.trim();
        if let Some(j) = self.jurisdiction_str(query) {
            return Ok(j);
        }
        let key = normalise(query);
        let found: Vec<&Jurisdiction> = if key.is_empty() {
            Vec::new()
        } else {
            self.jurisdictions()
                .filter(|j| {
                    normalise(&j.code.to_string()) == key
                        || normalise(&j.name) == key
                        || j.aliases.iter().any(|a| normalise(a) == key)
                })
                .collect()
        };
        resolve(
            query,
            "State",
            &found,
            |j| Candidate::of(&Item::Jurisdiction(j)),
            || self.suggestions(&key, Names::States),
        )
    }

    /// Calls `f` with every item and each id, name or title it goes by.
    fn each_name<'a>(&'a self, names: Names, f: &mut dyn FnMut(Item<'a>, &str)) {
        for j in self.jurisdictions() {
            let item = Item::Jurisdiction(j);
            f(item, &j.code.to_string());
            f(item, &j.name);
            for alias in &j.aliases {
                f(item, alias);
            }
            if names == Names::States {
                continue;
            }
            for i in &j.instruments {
                let item = Item::Instrument(j, i);
                f(item, i.id.as_str());
                f(item, &i.title);
            }
            if names == Names::All {
                for provision in &j.provisions {
                    let item = Item::Provision(ProvisionRef {
                        jurisdiction: j,
                        provision,
                    });
                    f(item, provision.id.as_str());
                }
            }
        }
        if names == Names::States {
            return;
        }
        for taxonomy in self.taxonomies() {
            let item = Item::Taxonomy(taxonomy);
            f(item, taxonomy.id.as_str());
            f(item, &taxonomy.short_title);
            f(item, &taxonomy.title);
            for category in &taxonomy.categories {
                let c = CategoryRef { taxonomy, category };
                let item = Item::Category(c);
                f(item, c.id().as_str());
                f(item, &category.title);
            }
        }
    }

    /// The categories an article form names: `art 7` (the Convention), `budapest art 2`.
    fn articles(&self, key: &str) -> Vec<Item<'_>> {
        let mut found = Vec::new();
        for taxonomy in self.taxonomies() {
            let mut rests = Vec::new();
            if taxonomy.id.as_str() == CONVENTION {
                rests.push(key);
            }
            for prefix in taxonomy_prefixes(taxonomy) {
                if let Some(rest) = key
                    .strip_prefix(prefix.as_str())
                    .and_then(|r| r.strip_prefix(' '))
                {
                    rests.push(rest);
                }
            }
            for rest in rests {
                let number = compact(article_number(rest));
                if number.is_empty() {
                    continue;
                }
                for category in &taxonomy.categories {
                    if category
                        .article
                        .as_deref()
                        .is_some_and(|a| compact(&normalise(a)) == number)
                    {
                        push_new(
                            &mut found,
                            Item::Category(CategoryRef { taxonomy, category }),
                        );
                    }
                }
            }
        }
        found
    }

    /// Up to three items with an id or name near `key` (normalised), closest first.
    fn suggestions(&self, key: &str, names: Names) -> Vec<Candidate> {
        let length = key.chars().count();
        let allowed = length / 4;
        if allowed == 0 || length > MAX_HINTED_CHARS {
            return Vec::new();
        }
        let mut near: Vec<(usize, usize, Item<'_>)> = Vec::new();
        let mut order = 0;
        self.each_name(names, &mut |item, name| {
            order += 1;
            let name = normalise(name);
            if name.chars().count().abs_diff(length) > allowed {
                return;
            }
            let distance = edit_distance(&name, key);
            if distance <= allowed {
                near.push((distance, order, item));
            }
        });
        near.sort_by_key(|&(distance, order, _)| (distance, order));
        let mut out: Vec<Candidate> = Vec::new();
        for (_, _, item) in near {
            let candidate = Candidate::of(&item);
            if !out.contains(&candidate) {
                out.push(candidate);
                if out.len() == MAX_SUGGESTIONS {
                    break;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{article_number, normalise};

    #[test]
    fn names_are_compared_without_case_spacing_or_punctuation() {
        assert_eq!(normalise("  Art.\t7 "), "art 7");
        assert_eq!(normalise("Timor-Leste"), "timor leste");
        assert_eq!(
            normalise("Lao People's Democratic Republic"),
            "lao peoples democratic republic"
        );
        assert_eq!(normalise("un2024:art7"), "un2024 art7");
        assert_eq!(normalise("Bộ luật Hình sự"), "bộ luật hình sự");
        assert_eq!(normalise("--"), "");
    }

    #[test]
    fn article_words_are_dropped_before_the_number() {
        assert_eq!(article_number("art 7"), "7");
        assert_eq!(article_number("art7"), "7");
        assert_eq!(article_number("article 7"), "7");
        assert_eq!(article_number("arts 7"), "7");
        assert_eq!(article_number("ap 3"), "ap 3");
        assert_eq!(article_number("artwork"), "artwork");
    }
}
