//! YAML text to a tree of nodes that remember where they were written.
//!
//! We parse with `saphyr-parser` (events with positions) and build our own small tree
//! instead of deserialising straight into the model, for three reasons: every error can
//! point at `file:line:col`, scalars keep the exact text the user typed (`1.10` stays
//! `1.10`, `no` stays `no`), and one file can report many errors at once.
//!
//! Hostile input is bounded here: nesting depth, the number of values (aliases included,
//! so an alias bomb stops early) and one document per file.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YSpan};

use crate::diagnostic::Diag;
use crate::model::Span;

/// Deeper than any real content; deep enough that a hostile file stops early.
const MAX_DEPTH: usize = 64;
/// Values in one file, counting every copy an alias makes.
const MAX_NODES: usize = 1_000_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `plain` is false for quoted and block scalars, which are always text.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// `~`, `null` and an empty plain value.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// How a value is described in an error: `a list`, `the text `abc``.
    pub fn describe(&self) -> String {
        match &self.kind {
            _ if self.is_null() => "an empty value".to_owned(),
            Kind::Scalar { text, .. } => {
                let short: String = text.chars().take(40).collect();
                let more = if short.len() < text.len() { "..." } else { "" };
                format!("`{short}{more}`")
            }
            Kind::Seq(_) => "a list".to_owned(),
            Kind::Map(_) => "a mapping (key: value pairs)".to_owned(),
        }
    }

    /// The value as JSON, reading plain scalars as YAML 1.2 would (numbers, booleans,
    /// null). Used to check content files against the JSON Schema.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            _ if self.is_null() => Value::Null,
            Kind::Scalar { text, plain: true } => match text.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                t => t
                    .parse::<i64>()
                    .map(Value::from)
                    .or_else(|_| t.parse::<f64>().map(Value::from))
                    .unwrap_or_else(|_| Value::from(t)),
            },
            Kind::Scalar { text, .. } => Value::from(text.as_str()),
            Kind::Seq(items) => items.iter().map(Node::to_json).collect(),
            Kind::Map(entries) => entries
                .iter()
                .map(|(k, v)| {
                    let key = match &k.kind {
                        Kind::Scalar { text, .. } => text.clone(),
                        _ => String::new(),
                    };
                    (key, v.to_json())
                })
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }

    fn count(&self) -> usize {
        match &self.kind {
            Kind::Scalar { .. } => 1,
            Kind::Seq(items) => 1 + items.iter().map(Node::count).sum::<usize>(),
            Kind::Map(entries) => {
                1 + entries
                    .iter()
                    .map(|(k, v)| k.count() + v.count())
                    .sum::<usize>()
            }
        }
    }
}

/// Parses one file. `None` means the file holds no document at all (empty, or only
/// comments). Errors are returned, not printed; the caller decides.
pub fn parse(text: &str, file: u32) -> Result<Option<Node>, Diag> {
    let mut builder = Builder {
        file,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        root: None,
        documents: 0,
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            let m = e.marker();
            Diag::error(format!("invalid YAML: {}", e.info()))
                .at(Span { file, line: m.line() as u32, col: m.col() as u32, len: 1 })
                .hint("check the indentation: the items of one list or mapping start in the same column, and text with `: ` or ` #` in it needs quotes")
        })?;
        builder.event(event, span)?;
    }
    Ok(builder.root)
}

enum Open {
    Seq(Span, usize, Vec<Node>),
    Map(Span, usize, Vec<(Node, Node)>, Option<Node>),
}

struct Builder {
    file: u32,
    stack: Vec<Open>,
    anchors: HashMap<usize, Node>,
    nodes: usize,
    root: Option<Node>,
    documents: usize,
}

impl Builder {
    fn span(&self, s: YSpan) -> Span {
        let len = if s.end.line() == s.start.line() {
            s.end.index().saturating_sub(s.start.index()).max(1)
        } else {
            1
        };
        Span {
            file: self.file,
            line: s.start.line() as u32,
            col: s.start.col() as u32,
            len: len as u32,
        }
    }

    fn event(&mut self, event: Event, ys: YSpan) -> Result<(), Diag> {
        let span = self.span(ys);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(Diag::error("this file holds more than one YAML document")
                        .at(span)
                        .label("a second document starts here")
                        .hint(
                            "put each document in a file of its own; `---` separates documents",
                        ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if let Some(tag) = &tag
                    && !(tag.handle == "tag:yaml.org,2002:" || tag.handle == "!!")
                {
                    return Err(Diag::error(format!(
                        "YAML tags such as `{}{}` are not supported",
                        tag.handle, tag.suffix
                    ))
                    .at(span)
                    .hint("write the value without the tag"));
                }
                let plain = style == ScalarStyle::Plain && tag.is_none();
                let node = Node {
                    span,
                    kind: Kind::Scalar {
                        text: text.into_owned(),
                        plain,
                    },
                };
                self.push(node, anchor, 1)?;
            }
            Event::SequenceStart(anchor, _) => {
                self.open(Open::Seq(span, anchor, Vec::new()), span)?
            }
            Event::MappingStart(anchor, _) => {
                self.open(Open::Map(span, anchor, Vec::new(), None), span)?
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Open::Seq(span, anchor, items)) => (
                        Node {
                            span,
                            kind: Kind::Seq(items),
                        },
                        anchor,
                    ),
                    Some(Open::Map(span, anchor, entries, _)) => (
                        Node {
                            span,
                            kind: Kind::Map(entries),
                        },
                        anchor,
                    ),
                    None => return Ok(()),
                };
                self.push(node, anchor, 1)?;
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    return Err(Diag::error("this alias names no anchor").at(span));
                };
                let copied = target.count();
                if self.nodes + copied > MAX_NODES {
                    return Err(alias_bomb(span));
                }
                let mut node = target.clone();
                node.span = span;
                self.push(node, 0, copied)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    fn open(&mut self, open: Open, span: Span) -> Result<(), Diag> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Diag::error(format!(
                "values are nested more than {MAX_DEPTH} levels deep"
            ))
            .at(span)
            .hint("content never needs this depth; is the indentation right?"));
        }
        self.stack.push(open);
        Ok(())
    }

    /// Adds a finished node to the collection that is open, or makes it the root.
    /// `weight` is how many values the node adds: 1, or the size of an alias's copy.
    fn push(&mut self, node: Node, anchor: usize, weight: usize) -> Result<(), Diag> {
        self.nodes += weight;
        if self.nodes > MAX_NODES {
            return Err(alias_bomb(node.span));
        }
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq(_, _, items)) => items.push(node),
            Some(Open::Map(_, _, entries, key)) => match key.take() {
                None => {
                    if !matches!(node.kind, Kind::Scalar { .. }) {
                        return Err(Diag::error("a key must be plain text")
                            .at(node.span)
                            .hint("keys are names such as `title:`; lists and mappings go after the colon"));
                    }
                    if let Some((first, _)) = entries.iter().find(|(k, _)| k.kind == node.kind) {
                        let Kind::Scalar { text, .. } = &node.kind else {
                            unreachable!()
                        };
                        return Err(Diag::error(format!(
                            "key `{text}` appears twice in this mapping"
                        ))
                        .at(node.span)
                        .label("second time here")
                        .note_at(first.span, "first defined here")
                        .hint("YAML keeps only one value per key: merge the two or remove one"));
                    }
                    *key = Some(node);
                }
                Some(k) => entries.push((k, node)),
            },
        }
        Ok(())
    }
}

fn alias_bomb(span: Span) -> Diag {
    Diag::error(format!("this file expands to more than {MAX_NODES} values"))
        .at(span)
        .hint("aliases (`*name`) that copy aliases multiply quickly; write the values out instead")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(node: &Node) -> (&str, bool) {
        match &node.kind {
            Kind::Scalar { text, plain } => (text, *plain),
            _ => panic!("not a scalar"),
        }
    }

    #[test]
    fn keeps_scalars_as_typed_with_positions() {
        let root = parse("a: 1.10\nb: 'no'\nc:\n  - x\n", 7).unwrap().unwrap();
        let Kind::Map(entries) = &root.kind else {
            panic!()
        };
        assert_eq!(scalar(&entries[0].1), ("1.10", true));
        assert_eq!(scalar(&entries[1].1), ("no", false));
        let Kind::Seq(items) = &entries[2].1.kind else {
            panic!()
        };
        assert_eq!(
            items[0].span,
            Span {
                file: 7,
                line: 4,
                col: 4,
                len: 1
            }
        );
    }

    #[test]
    fn empty_file_has_no_document() {
        assert_eq!(parse("", 0).unwrap(), None);
        assert_eq!(parse("# only a comment\n", 0).unwrap(), None);
    }

    #[test]
    fn rejects_duplicate_keys_second_documents_and_bombs() {
        let e = parse("a: 1\na: 2\n", 0).unwrap_err();
        assert_eq!(e.message, "key `a` appears twice in this mapping");
        assert_eq!(e.span.unwrap().line, 2);
        let e = parse("a: 1\n---\nb: 2\n", 0).unwrap_err();
        assert_eq!(e.message, "this file holds more than one YAML document");
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            bomb.push_str(&format!(
                "{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n",
                (b'a' + i) as char,
                (b'a' + i) as char,
                p = (b'a' + i - 1) as char
            ));
        }
        let e = parse(&bomb, 0).unwrap_err();
        assert!(
            e.message.starts_with("this file expands to more than"),
            "{}",
            e.message
        );
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(
            parse(&deep, 0)
                .unwrap_err()
                .message
                .contains("nested more than")
        );
    }
}
