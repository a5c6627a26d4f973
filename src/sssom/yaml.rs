//! The YAML of an SSSOM metadata block (the `#` lines of a TSV file, or a `.sssom.yml` file
//! beside it), read by a real YAML parser into a small tree that keeps where each node is.
//!
//! Metadata is plain data, so the reader refuses what plain data never needs and a hostile
//! file could abuse: anchors and aliases (an alias bomb expands exponentially), tags, and
//! nesting deeper than [`MAX_DEPTH`].

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// The deepest nesting a metadata block may have (SSSOM needs three: the block, a list of
/// extension definitions, one definition).
pub(crate) const MAX_DEPTH: usize = 16;

/// Where a node starts, in the YAML text: line and column from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct At {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// A YAML node.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// A scalar, as written (YAML 1.2 core types are not resolved: SSSOM values are strings,
    /// read by the slot's range). `plain` is false for a quoted or block scalar.
    Scalar { text: String, plain: bool, at: At },
    /// A sequence.
    List(Vec<Node>, At),
    /// A mapping, keys in order (a key given twice is reported by [`parse`]).
    Map(Vec<(String, At, Node)>, At),
}

impl Node {
    /// Where the node starts.
    pub(crate) fn at(&self) -> At {
        match self {
            Node::Scalar { at, .. } | Node::List(_, at) | Node::Map(_, at) => *at,
        }
    }
    /// The scalar's text, if it is one; `null`, `~` and an empty plain scalar are absent.
    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Node::Scalar { text, plain, .. } => {
                if *plain && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL") {
                    None
                } else {
                    Some(text)
                }
            }
            _ => None,
        }
    }
    /// What kind of node it is, for messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Node::Scalar { .. } => "a single value",
            Node::List(..) => "a list",
            Node::Map(..) => "a mapping",
        }
    }
}

/// A YAML problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub(crate) at: At,
    pub(crate) message: String,
}

fn at(m: &Marker) -> At {
    At {
        line: m.line().max(1),
        column: m.col() + 1,
    }
}

enum Open {
    List(Vec<Node>, At),
    Map(Vec<(String, At, Node)>, Option<(String, At)>, At),
}

#[derive(Default)]
struct Builder {
    stack: Vec<Open>,
    done: Option<Node>,
    documents: usize,
    error: Option<YamlError>,
}

impl Builder {
    fn fail(&mut self, at: At, message: String) {
        if self.error.is_none() {
            self.error = Some(YamlError { at, message });
        }
    }

    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.done = Some(node),
            Some(Open::List(items, _)) => items.push(node),
            Some(Open::Map(entries, key, _)) => match key.take() {
                None => match node {
                    Node::Scalar { text, at, .. } => *key = Some((text, at)),
                    other => {
                        let at = other.at();
                        self.fail(
                            at,
                            format!(
                                "a mapping key must be a single value, found {}",
                                other.kind()
                            ),
                        );
                    }
                },
                Some((k, kat)) => {
                    if let Some((_, first, _)) = entries.iter().find(|(e, _, _)| *e == k) {
                        let first = first.line;
                        self.fail(
                            kat,
                            format!("key `{k}` is given twice (first on line {first})"),
                        );
                    } else {
                        entries.push((k, kat, node));
                    }
                }
            },
        }
    }

    fn open(&mut self, o: Open, mark: &Marker) {
        if self.stack.len() >= MAX_DEPTH {
            self.fail(
                at(mark),
                format!("nested deeper than {MAX_DEPTH} levels: metadata is never this deep"),
            );
        }
        self.stack.push(o);
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.error.is_some() {
            return;
        }
        match ev {
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    self.fail(at(&mark), "more than one YAML document".to_owned());
                }
            }
            Event::Alias(_) => self.fail(
                at(&mark),
                "YAML aliases (`*name`) are not accepted in metadata".to_owned(),
            ),
            Event::Scalar(text, style, anchor, tag) => {
                if anchor != 0 {
                    self.fail(
                        at(&mark),
                        "YAML anchors (`&name`) are not accepted in metadata".to_owned(),
                    );
                } else if tag.is_some() {
                    self.fail(
                        at(&mark),
                        "YAML tags (`!tag`) are not accepted in metadata".to_owned(),
                    );
                } else {
                    self.push(Node::Scalar {
                        text,
                        plain: style == TScalarStyle::Plain,
                        at: at(&mark),
                    });
                }
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag)
                if anchor != 0 || tag.is_some() =>
            {
                self.fail(
                    at(&mark),
                    "YAML anchors and tags are not accepted in metadata".to_owned(),
                );
            }
            Event::SequenceStart(..) => self.open(Open::List(Vec::new(), at(&mark)), &mark),
            Event::MappingStart(..) => self.open(Open::Map(Vec::new(), None, at(&mark)), &mark),
            Event::SequenceEnd => {
                if let Some(Open::List(items, a)) = self.stack.pop() {
                    self.push(Node::List(items, a));
                }
            }
            Event::MappingEnd => {
                if let Some(Open::Map(entries, _, a)) = self.stack.pop() {
                    self.push(Node::Map(entries, a));
                }
            }
            _ => {}
        }
    }
}

/// Parses one YAML document; `Ok(None)` for an empty one.
pub(crate) fn parse(text: &str) -> Result<Option<Node>, YamlError> {
    let mut b = Builder::default();
    let mut parser = Parser::new_from_str(text);
    if let Err(e) = parser.load(&mut b, true) {
        return Err(YamlError {
            at: at(e.marker()),
            message: e.info().to_owned(),
        });
    }
    if let Some(e) = b.error {
        return Err(e);
    }
    Ok(b.done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_metadata_with_positions() {
        let node = parse("a: x\ncurie_map:\n  ex: http://e.org/\nlist:\n  - one\n  - 'two'\n")
            .unwrap()
            .unwrap();
        let Node::Map(entries, _) = node else {
            panic!("not a map")
        };
        assert_eq!(entries[0].0, "a");
        assert_eq!(entries[1].1, At { line: 2, column: 1 });
        let Node::Map(prefixes, _) = &entries[1].2 else {
            panic!("curie_map not a map")
        };
        assert_eq!(prefixes[0].2.text(), Some("http://e.org/"));
        assert_eq!(prefixes[0].2.at(), At { line: 3, column: 7 });
        let Node::List(items, _) = &entries[2].2 else {
            panic!("not a list")
        };
        assert_eq!(items[1].text(), Some("two"));
    }

    #[test]
    fn refuses_aliases_anchors_tags_duplicates_and_depth() {
        let cases = [
            (
                "a: &x [1]\nb: *x\n",
                "YAML anchors and tags are not accepted in metadata",
            ),
            (
                "a: !!str x\n",
                "YAML tags (`!tag`) are not accepted in metadata",
            ),
            ("a: 1\na: 2\n", "key `a` is given twice (first on line 1)"),
        ];
        for (text, message) in cases {
            assert_eq!(parse(text).unwrap_err().message, message, "{text}");
        }
        let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(
            parse(&deep).unwrap_err().message,
            "nested deeper than 16 levels: metadata is never this deep"
        );
        let e = parse("a: [1, 2\n").unwrap_err();
        assert_eq!(e.at.line, 2);
    }
}
