//! YAML text to a tree of nodes that remember where they were written.
//!
//! We parse with `saphyr-parser` (events with positions) and build our own small tree
//! instead of deserialising straight into the model, for three reasons: every error can
//! point at `file:line:col`, scalars keep the exact text the user typed (`1.10` stays
//! `1.10`, `no` stays `no`), and one file can report many errors at once.
//!
//! Hostile input is bounded here: nesting depth, the number of values and the bytes of
//! text (aliases included, so an alias bomb stops early, whether it copies many values or
//! one long one), and one document per file. Duplicate keys are found through a hash set,
//! so a mapping with a million keys stays linear.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YSpan};

use crate::diagnostic::Diag;
use crate::model::Span;

/// Deeper than any real content; deep enough that a hostile file stops early.
const MAX_DEPTH: usize = 64;
/// Values in one file, counting every copy an alias makes.
const MAX_NODES: usize = 1_000_000;
/// Bytes of text in one file, counting every copy an alias makes (files are at most
/// 8 MiB, so only aliases reach this).
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

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
    /// How many values the tree holds and how many bytes of text, aliases expanded.
    pub fn totals(&self) -> (usize, usize) {
        let w = self.weight();
        (w.values, w.bytes)
    }

    /// The text of a scalar.
    /// The first value (not a key) whose text has `c` in it, in the order written.
    pub fn find_char(&self, c: char) -> Option<Span> {
        match &self.kind {
            Kind::Scalar { text, .. } => text.contains(c).then_some(self.span),
            Kind::Seq(items) => items.iter().find_map(|n| n.find_char(c)),
            Kind::Map(entries) => entries.iter().find_map(|(_, v)| v.find_char(c)),
        }
    }

    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(&k.kind, Kind::Scalar { text, .. } if text == key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn scalar_text(&self) -> Option<String> {
        match &self.kind {
            Kind::Scalar { text, .. } => Some(text.clone()),
            _ => None,
        }
    }

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
        self.json(true)
    }

    /// The value as JSON with every scalar but null kept as the text typed (`2020` stays
    /// `"2020"`, `1.10` stays `"1.10"`): for reading another tool's YAML as text.
    pub fn to_json_text(&self) -> serde_json::Value {
        self.json(false)
    }

    /// `typed`: plain scalars become numbers and booleans where they read as such.
    fn json(&self, typed: bool) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            _ if self.is_null() => Value::Null,
            Kind::Scalar { text, plain: true } if typed => match text.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                t => t
                    .parse::<i64>()
                    .map(Value::from)
                    .or_else(|_| t.parse::<f64>().map(Value::from))
                    .unwrap_or_else(|_| Value::from(t)),
            },
            Kind::Scalar { text, .. } => Value::from(text.as_str()),
            Kind::Seq(items) => items.iter().map(|n| n.json(typed)).collect(),
            Kind::Map(entries) => entries
                .iter()
                .map(|(k, v)| {
                    let key = match &k.kind {
                        Kind::Scalar { text, .. } => text.clone(),
                        _ => String::new(),
                    };
                    (key, v.json(typed))
                })
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }

    /// How much a copy of this node costs: values, and bytes of text.
    fn weight(&self) -> Weight {
        match &self.kind {
            Kind::Scalar { text, .. } => Weight {
                values: 1,
                bytes: text.len(),
            },
            Kind::Seq(items) => items.iter().fold(Weight::ONE, |w, n| w.add(n.weight())),
            Kind::Map(entries) => entries
                .iter()
                .fold(Weight::ONE, |w, (k, v)| w.add(k.weight()).add(v.weight())),
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Weight {
    values: usize,
    bytes: usize,
}

impl Weight {
    const ONE: Weight = Weight {
        values: 1,
        bytes: 0,
    };

    fn add(self, other: Weight) -> Weight {
        Weight {
            values: self.values.saturating_add(other.values),
            bytes: self.bytes.saturating_add(other.bytes),
        }
    }
}

/// Parses one file. `None` means the file holds no document at all (empty, or only
/// comments). Errors are returned, not printed; the caller decides.
pub fn parse(text: &str, file: u32) -> Result<Option<Node>, Diag> {
    parse_with(text, file, false)
}

/// Parses a content file: as [`parse`], and a control character in any key or value
/// (other than tab and line breaks) is an error at its place. Such characters print as
/// nothing, and in a terminal they can move the cursor or retitle the window.
pub fn parse_content(text: &str, file: u32) -> Result<Option<Node>, Diag> {
    parse_with(text, file, true)
}

fn parse_with(text: &str, file: u32, content: bool) -> Result<Option<Node>, Diag> {
    let end = Place {
        line: lines(text).count(),
        col: lines(text).last().map_or(0, |l| l.chars().count()),
    };
    let mut builder = Builder {
        file,
        end,
        stack: Vec::new(),
        anchors: HashMap::new(),
        used: Weight::default(),
        root: None,
        documents: 0,
        source: content.then_some(text),
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            let m = e.marker();
            // At the end of a file without a last newline the parser counts a line more.
            let at = end.clamp(m.line(), m.col());
            let line = lines(text).nth(at.line - 1).unwrap_or_default();
            let chars = line.chars().count();
            let hint = if e.info().contains("unprintable") {
                "the file holds control characters: if it is not content (a binary file), give it another extension than `.yaml`".to_owned()
            } else if e.info().contains("mapping values are not allowed") {
                quote_hint(line)
            } else {
                "check the indentation: the items of one list or mapping start in the same column, and text with `: ` or ` #` in it needs quotes".to_owned()
            };
            Diag::error(format!("invalid YAML: {}", e.info()))
                .at(Span { file, line: at.line as u32, col: at.col.min(chars) as u32, len: 1 })
                .hint(hint)
        })?;
        builder.event(event, span)?;
    }
    Ok(builder.root)
}

/// The hint for a line whose text holds `: `: the line as it should be, quoted.
fn quote_hint(line: &str) -> String {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let (lead, body) = match rest.strip_prefix("- ") {
        Some(item) => ("- ", item),
        None => ("", rest),
    };
    match body.split_once(": ") {
        Some((key, value)) if !value.trim().is_empty() && !key.contains(' ') => {
            let value = value.trim_end().replace('\\', "\\\\").replace('"', "\\\"");
            format!("text with `: ` in it needs quotes: `{lead}{key}: \"{value}\"` (or check the indentation)")
        }
        _ => "text with `: ` in it needs quotes, or check the indentation: the items of one list or mapping start in the same column".to_owned(),
    }
}

/// A control character content may not hold: all but tab and line feed (a carriage
/// return in a file is a line break, never part of a value).
pub fn forbidden_control(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// The lines of a text, split where YAML breaks them: at `\n`, `\r\n` and a lone `\r`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

enum Open {
    Seq(Span, usize, Vec<Node>),
    /// The entries so far, the key waiting for its value, and where each key was first
    /// written (found by hashing, so that a huge mapping stays linear).
    Map(
        Span,
        usize,
        Vec<(Node, Node)>,
        Option<Node>,
        HashMap<String, Span>,
    ),
}

/// A line (1-based) and column (in characters) in the text.
#[derive(Clone, Copy)]
struct Place {
    line: usize,
    col: usize,
}

impl Place {
    /// `line:col`, or this place (the end of the text) if that is past it.
    fn clamp(self, line: usize, col: usize) -> Place {
        if line > self.line {
            self
        } else {
            Place {
                line: line.max(1),
                col,
            }
        }
    }
}

struct Builder<'a> {
    file: u32,
    /// The text, when control characters in values are errors.
    source: Option<&'a str>,
    /// The end of the text: places past it are moved back to it.
    end: Place,
    stack: Vec<Open>,
    anchors: HashMap<usize, Node>,
    /// Values and text so far, copies included.
    used: Weight,
    root: Option<Node>,
    documents: usize,
}

impl Builder<'_> {
    fn span(&self, s: YSpan) -> Span {
        let len = if s.end.line() == s.start.line() {
            s.end.index().saturating_sub(s.start.index()).max(1)
        } else {
            1
        };
        let at = self.end.clamp(s.start.line(), s.start.col());
        Span {
            file: self.file,
            line: at.line as u32,
            col: at.col as u32,
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
                if let Some(source) = self.source
                    && let Some(c) = text.chars().find(|&c| forbidden_control(c))
                {
                    return Err(self.control(source, c, ys, span));
                }
                let plain = style == ScalarStyle::Plain && tag.is_none();
                let node = Node {
                    span,
                    kind: Kind::Scalar {
                        text: text.into_owned(),
                        plain,
                    },
                };
                self.push(node, anchor)?;
            }
            Event::SequenceStart(anchor, _) => {
                self.open(Open::Seq(span, anchor, Vec::new()), span)?
            }
            Event::MappingStart(anchor, _) => self.open(
                Open::Map(span, anchor, Vec::new(), None, HashMap::new()),
                span,
            )?,
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Open::Seq(span, anchor, items)) => (
                        Node {
                            span,
                            kind: Kind::Seq(items),
                        },
                        anchor,
                    ),
                    Some(Open::Map(span, anchor, entries, _, _)) => (
                        Node {
                            span,
                            kind: Kind::Map(entries),
                        },
                        anchor,
                    ),
                    None => return Ok(()),
                };
                // A collection's values were counted as they came.
                self.push_weighed(node, anchor, Weight::ONE)?;
            }
            Event::Alias(id) => {
                let Some(copied) = self.anchors.get(&id).map(Node::weight) else {
                    return Err(Diag::error("this alias names no anchor").at(span));
                };
                // Weighed before it is copied, so a bomb never allocates.
                self.spend(copied, span)?;
                let Some(mut node) = self.anchors.get(&id).cloned() else {
                    return Err(Diag::error("this alias names no anchor").at(span));
                };
                node.span = span;
                self.push_weighed(node, 0, Weight::default())?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    /// The error for a control character `c` in a scalar: at the character if it is
    /// written as itself, else (written as an escape such as `\e`) at the scalar.
    fn control(&self, source: &str, c: char, ys: YSpan, scalar: Span) -> Diag {
        let (mut line, mut col) = (ys.start.line(), ys.start.col());
        let mut at = None;
        let mut chars = source
            .chars()
            .skip(ys.start.index())
            .take(ys.end.index().saturating_sub(ys.start.index()))
            .peekable();
        while let Some(ch) = chars.next() {
            if ch == c {
                at = Some(Span {
                    file: self.file,
                    line: line as u32,
                    col: col as u32,
                    len: 1,
                });
                break;
            }
            if ch == '\n' || (ch == '\r' && chars.peek() != Some(&'\n')) {
                (line, col) = (line + 1, 0);
            } else if ch != '\r' {
                col += 1;
            }
        }
        Diag::error(format!(
            "control character U+{:04X} in text: remove it",
            c as u32
        ))
        .at(at.unwrap_or(scalar))
        .hint("control characters print as nothing, and in a terminal they act on it; only tabs and line breaks are allowed")
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

    /// Counts what a new value or copy costs, and stops when the file is too big.
    fn spend(&mut self, weight: Weight, span: Span) -> Result<(), Diag> {
        self.used = self.used.add(weight);
        let what = if self.used.values > MAX_NODES {
            format!("more than {MAX_NODES} values")
        } else if self.used.bytes > MAX_TEXT_BYTES {
            format!("more than {} MiB of text", MAX_TEXT_BYTES / (1024 * 1024))
        } else {
            return Ok(());
        };
        Err(Diag::error(format!("this file expands to {what}"))
            .at(span)
            .hint("aliases (`*name`) that copy aliases multiply quickly; write the values out instead"))
    }

    /// Adds a new scalar (weighed here) to the collection that is open.
    fn push(&mut self, node: Node, anchor: usize) -> Result<(), Diag> {
        let weight = node.weight();
        self.push_weighed(node, anchor, weight)
    }

    /// Adds a finished node to the collection that is open, or makes it the root.
    /// `weight` is what the node adds that was not counted yet.
    fn push_weighed(&mut self, node: Node, anchor: usize, weight: Weight) -> Result<(), Diag> {
        self.spend(weight, node.span)?;
        if anchor != 0 {
            // The anchor keeps a copy: it costs as much again.
            self.spend(node.weight(), node.span)?;
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq(_, _, items)) => items.push(node),
            Some(Open::Map(_, _, entries, key, seen)) => match key.take() {
                None => {
                    let Kind::Scalar { text, .. } = &node.kind else {
                        return Err(Diag::error("a key must be plain text")
                            .at(node.span)
                            .hint("keys are names such as `title:`; lists and mappings go after the colon"));
                    };
                    if let Some(first) = seen.get(text) {
                        return Err(Diag::error(format!(
                            "key `{text}` appears twice in this mapping"
                        ))
                        .at(node.span)
                        .label("second time here")
                        .note_at(*first, "first defined here")
                        .hint("YAML keeps only one value per key: merge the two or remove one"));
                    }
                    seen.insert(text.clone(), node.span);
                    *key = Some(node);
                }
                Some(k) => entries.push((k, node)),
            },
        }
        Ok(())
    }
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
    fn an_error_at_the_end_points_inside_the_file() {
        // The parser places it on a line 2 that a file without a last newline lacks.
        let e = parse("a: [x", 0).unwrap_err();
        assert_eq!((e.span.unwrap().line, e.span.unwrap().col), (1, 5));
        let e = parse("%0", 0).unwrap_err();
        assert_eq!((e.span.unwrap().line, e.span.unwrap().col), (1, 2));
    }

    #[test]
    fn a_mapping_with_many_keys_is_read_in_linear_time() {
        // Duplicate keys were found by a scan of the keys before: quadratic, minutes here.
        // Measured against an eighth of the keys, not a clock: eight times the keys may
        // take 24 times as long (quadratic would be 64).
        let time = |n: usize| {
            let text: String = (0..n).map(|i| format!("k{i}: 1\n")).collect();
            let start = std::time::Instant::now();
            assert!(parse(&text, 0).unwrap().is_some());
            start.elapsed()
        };
        let small = time(25_000);
        let large = time(200_000);
        assert!(
            large < small * 24 + std::time::Duration::from_millis(500),
            "{small:?} then {large:?}"
        );
        let e = parse("'a': 1\na: 2\n", 0).unwrap_err();
        assert_eq!(e.message, "key `a` appears twice in this mapping");
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
