//! A serde deserializer over our positioned YAML tree (`yaml::Node`).
//!
//! Why our own and not a YAML crate's: it gives every error a `file:line:col`, reports
//! every unknown key of an entry (not just the first) with a did-you-mean, keeps scalars
//! as typed (`no` is text unless a field wants a bool), and hands positions to
//! `model::Spanned` for checks made after parsing.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use super::yaml::{Kind, Node};
use crate::diagnostic::Diag;
use crate::model::language::{best, is_language_tag};
use crate::model::{SPANNED_FIELDS, SPANNED_NAME, Span, TEXT_OR_LIST_NAME, TEXT_SHORTHAND};
use crate::suggest::{did_you_mean, quoted};

/// A deserialisation error; becomes a [`Diag`] once it knows its place.
#[derive(Debug, Clone)]
pub struct Error {
    pub span: Option<Span>,
    pub message: String,
    pub hint: Option<String>,
    /// For a missing required field: its name.
    missing: Option<&'static str>,
}

impl Error {
    fn new(span: Span, message: impl Into<String>) -> Error {
        Error {
            span: Some(span),
            message: message.into(),
            hint: None,
            missing: None,
        }
    }

    fn msg(message: impl Into<String>) -> Error {
        Error {
            span: None,
            message: message.into(),
            hint: None,
            missing: None,
        }
    }

    fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }

    /// Errors made by serde's derived code have no place; the node being read gives one.
    fn or_at(mut self, span: Span) -> Error {
        self.span.get_or_insert(span);
        self
    }

    pub fn into_diag(self) -> Diag {
        let mut diag = Diag::error(self.message);
        diag.span = self.span;
        diag.hints.extend(self.hint);
        diag
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error::msg(msg.to_string())
    }

    fn missing_field(field: &'static str) -> Error {
        let mut e = Error::msg(format!("this entry has no `{field}`, which is required"))
            .with_hint(format!("add `{field}: ...`"));
        e.missing = Some(field);
        e
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Error {
        let hint = match did_you_mean(variant, expected) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("expected one of {}", quoted(expected)),
        };
        Error::msg(format!("`{variant}` is not a known value here")).with_hint(hint)
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Error {
        unknown_key(field, expected)
    }

    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> Error {
        Error::msg(format!("expected {exp}, found {unexp}"))
    }
}

fn unknown_key(field: &str, expected: &[&str]) -> Error {
    let hint = match did_you_mean(field, expected) {
        Some(s) => format!("did you mean `{s}`?"),
        // No key of ours has a space: this is text with `: ` in it, read as a key.
        None if field.contains(' ') => format!(
            "if this is text with `: ` in it, put the whole text in quotes: `\"{field}: ...\"`; the keys allowed here are {}",
            quoted(expected)
        ),
        None => format!("the keys allowed here are {}", quoted(expected)),
    };
    Error::msg(format!("unknown key `{field}`")).with_hint(hint)
}

/// The language text is read in. Where the content gives text by language (a mapping
/// from language tag to text where text is wanted), the variant for `wanted` is read,
/// else the one for `default`, else the first; each text without a `wanted` variant is
/// noted in `missing`.
#[derive(Debug, Default)]
pub struct Language {
    pub wanted: String,
    pub default: String,
    /// Texts by language without a variant for `wanted`: where, and the language read.
    pub missing: RefCell<Vec<(Span, String)>>,
    /// Whether any text by language was read.
    pub used: Cell<bool>,
}

impl Language {
    pub fn new(wanted: &str, default: &str) -> Language {
        Language {
            wanted: wanted.to_owned(),
            default: default.to_owned(),
            ..Language::default()
        }
    }
}

/// Deserialises `T` from `node`, reporting every error in it, not just the first: after
/// an error, the value it is about is taken out and the rest read again, until the rest
/// reads or nothing more can be taken out. On failure, the errors and the node as written.
/// Unknown keys go into `sink`, each once.
pub fn every_error<'de, T: de::Deserialize<'de>>(
    node: Node,
    sink: &RefCell<Vec<Error>>,
    lang: &Language,
) -> Result<T, (Vec<Error>, Node)> {
    /// Enough for any real entry; each round takes one value out.
    const ROUNDS: usize = 64;
    let mut rest = node.clone();
    let mut errors: Vec<Error> = Vec::new();
    let mut taken: Vec<(Span, String)> = Vec::new();
    // Lists and mappings left empty by taking a value out: not the author's mistake.
    let mut emptied: Vec<Span> = Vec::new();
    for _ in 0..ROUNDS {
        let round = RefCell::new(Vec::new());
        let result = from_node::<T>(&rest, &round, lang);
        {
            let mut sink = sink.borrow_mut();
            for e in round.into_inner() {
                if !sink
                    .iter()
                    .any(|s| s.span == e.span && s.message == e.message)
                {
                    sink.push(e);
                }
            }
        }
        let e = match result {
            Ok(value) if errors.is_empty() => return Ok(value),
            Ok(_) => break,
            Err(e) => e,
        };
        // A required value that was taken out for its own error is not missing as well,
        // and a list emptied that way is not empty by the author's hand.
        let caused = match (e.missing, e.span) {
            (Some(field), Some(span)) => taken.iter().any(|(p, key)| *p == span && key == field),
            (None, Some(span)) => emptied.contains(&span),
            _ => false,
        };
        if caused {
            break;
        }
        // Taking out what lacks a required field would leave nothing to read on.
        let Some(span) = e.span.filter(|_| e.missing.is_none()) else {
            errors.push(e);
            break;
        };
        errors.push(e);
        match take_out(&mut rest, span) {
            Some((parent, key, empty)) => {
                if empty {
                    emptied.push(parent);
                }
                taken.push((parent, key));
            }
            None => break,
        }
    }
    Err((errors, node))
}

/// Takes out of `node` the deepest value written at `span` (a mapping's entry, or a list's
/// item); returns the span of the mapping or list, the key it held (if a mapping), and
/// whether it is empty now.
fn take_out(node: &mut Node, span: Span) -> Option<(Span, String, bool)> {
    let parent = node.span;
    match &mut node.kind {
        Kind::Map(entries) => {
            for i in 0..entries.len() {
                if let Some(found) = take_out(&mut entries[i].1, span) {
                    return Some(found);
                }
                if entries[i].0.span == span || entries[i].1.span == span {
                    let (key, _) = entries.remove(i);
                    let name = match key.kind {
                        Kind::Scalar { text, .. } => text,
                        _ => String::new(),
                    };
                    return Some((parent, name, entries.is_empty()));
                }
            }
            None
        }
        Kind::Seq(items) => {
            for i in 0..items.len() {
                if let Some(found) = take_out(&mut items[i], span) {
                    return Some(found);
                }
                if items[i].span == span {
                    items.remove(i);
                    return Some((parent, String::new(), items.is_empty()));
                }
            }
            None
        }
        Kind::Scalar { .. } => None,
    }
}

/// Deserialises `T` from `node`. Errors that do not stop the entry (unknown keys) go
/// into `sink`; the first error that does is returned.
pub fn from_node<'de, T: de::Deserialize<'de>>(
    node: &Node,
    sink: &RefCell<Vec<Error>>,
    lang: &Language,
) -> Result<T, Error> {
    T::deserialize(De { node, sink, lang })
}

#[derive(Clone, Copy)]
struct De<'a> {
    node: &'a Node,
    sink: &'a RefCell<Vec<Error>>,
    lang: &'a Language,
}

impl<'a> De<'a> {
    fn at(&self, node: &'a Node) -> De<'a> {
        De {
            node,
            sink: self.sink,
            lang: self.lang,
        }
    }

    /// Whether the node is text by language: a mapping whose keys are all language tags.
    fn by_language(&self) -> bool {
        matches!(&self.node.kind, Kind::Map(entries) if !entries.is_empty()
            && entries.iter().all(|(k, _)| k.scalar_text().is_some_and(|t| is_language_tag(&t))))
    }

    /// Where text is wanted: the node itself, or, for text by language, the variant in
    /// the language being read. A mapping with some language tags as keys is text by
    /// language with a wrong key; one with none is not meant as text by language.
    fn variant(&self) -> Result<De<'a>, Error> {
        let Kind::Map(entries) = &self.node.kind else {
            return Ok(*self);
        };
        let tags: Vec<String> = entries
            .iter()
            .map(|(k, _)| k.scalar_text().unwrap_or_default())
            .collect();
        if !tags.iter().any(|t| is_language_tag(t)) {
            return Ok(*self);
        }
        if let Some(((key, _), tag)) = entries.iter().zip(&tags).find(|(_, t)| !is_language_tag(t))
        {
            return Err(Error::new(
                key.span,
                format!("`{tag}` is not a language tag"),
            )
            .with_hint("text by language has a language tag for each key: `en`, `de`, `pt-BR`, `zh-Hans` (ISO 639-1, then a script or region)"));
        }
        self.lang.used.set(true);
        let keys = tags.iter().map(String::as_str);
        let i = match best(keys.clone(), &self.lang.wanted) {
            Some(i) => i,
            None => {
                let i = best(keys, &self.lang.default).unwrap_or(0);
                self.lang
                    .missing
                    .borrow_mut()
                    .push((self.node.span, tags[i].clone()));
                i
            }
        };
        let node = &entries[i].1;
        if matches!(node.kind, Kind::Map(_)) {
            return Err(Error::new(
                node.span,
                format!("expected text, found {}", node.describe()),
            )
            .with_hint("text by language holds one text (or list of blocks) for each language"));
        }
        Ok(self.at(node))
    }

    fn expected(&self, what: &str) -> Error {
        Error::new(
            self.node.span,
            format!("expected {what}, found {}", self.node.describe()),
        )
    }

    /// The text of a scalar that a field wants as text (in the language being read).
    fn text(&self) -> Result<&'a str, Error> {
        self.variant()?.scalar()
    }

    fn scalar(&self) -> Result<&'a str, Error> {
        match &self.node.kind {
            _ if self.node.is_null() => Err(self
                .expected("text")
                .with_hint("write the text after the colon, or leave the key out")),
            // An empty string says nothing: leaving the key out says it plainly.
            Kind::Scalar { text, .. } if text.trim().is_empty() => {
                Err(Error::new(self.node.span, "empty text: leave the key out")
                    .with_hint("a key with nothing to say is left out, not given `\"\"`"))
            }
            Kind::Scalar { text, .. } => Ok(text),
            Kind::Seq(_) => Err(self
                .expected("text")
                .with_hint("a list is not allowed here; write one value")),
            Kind::Map(_) => Err(self
                .expected("text")
                .with_hint("is the indentation right? text that contains `: ` must be quoted")),
        }
    }

    fn empty_list(&self) -> Error {
        Error::new(self.node.span, "empty list: leave the key out")
            .with_hint("a key with nothing in it is left out, not given `[]`")
    }

    fn number<N: std::str::FromStr>(&self, what: &str) -> Result<N, Error> {
        let text = self.text().map_err(|_| self.expected(what))?;
        text.trim().parse().map_err(|_| self.expected(what))
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $ty:ty, $what:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            let n: $ty = self.number($what)?;
            v.$visit::<Error>(n).map_err(|e| e.or_at(self.node.span))
        }
    )*};
}

impl<'de> Deserializer<'de> for De<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let span = self.node.span;
        let result = match &self.node.kind {
            _ if self.node.is_null() => v.visit_unit(),
            Kind::Scalar { text, plain: true } => match text.as_str() {
                "true" => v.visit_bool(true),
                "false" => v.visit_bool(false),
                t => match (t.parse::<i64>(), t.parse::<f64>()) {
                    (Ok(i), _) => v.visit_i64(i),
                    (_, Ok(f)) if t.chars().any(|c| c.is_ascii_digit()) => v.visit_f64(f),
                    _ => v.visit_str(t),
                },
            },
            Kind::Scalar { text, .. } => v.visit_str(text),
            Kind::Seq(items) => v.visit_seq(Seq {
                de: self,
                items: items.iter(),
            }),
            Kind::Map(entries) => v.visit_map(Map::new(self, entries, None)),
        };
        result.map_err(|e| e.or_at(span))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            Kind::Scalar { text, .. } if text == "true" => v.visit_bool(true),
            Kind::Scalar { text, .. } if text == "false" => v.visit_bool(false),
            _ => Err(self.expected("`true` or `false`")),
        }
    }

    numbers! {
        deserialize_i8 visit_i8 i8, "a whole number";
        deserialize_i16 visit_i16 i16, "a whole number";
        deserialize_i32 visit_i32 i32, "a whole number";
        deserialize_i64 visit_i64 i64, "a whole number";
        deserialize_u8 visit_u8 u8, "a whole number, 0 or more";
        deserialize_u16 visit_u16 u16, "a whole number, 0 or more";
        deserialize_u32 visit_u32 u32, "a whole number, 0 or more";
        deserialize_u64 visit_u64 u64, "a whole number, 0 or more";
        deserialize_f32 visit_f32 f32, "a number";
        deserialize_f64 visit_f64 f64, "a number";
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_str::<Error>(self.text()?)
            .map_err(|e| e.or_at(self.node.span))
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(self.expected("bytes (not supported)"))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.node.is_null() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.node.is_null() {
            v.visit_unit()
        } else {
            Err(self.expected("an empty value"))
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            Kind::Seq(items) if items.is_empty() => Err(self.empty_list()),
            Kind::Seq(items) => v
                .visit_seq(Seq {
                    de: self,
                    items: items.iter(),
                })
                .map_err(|e| e.or_at(self.node.span)),
            _ => Err(self
                .expected("a list")
                .with_hint("write each item on its own line, starting with `- `")),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            Kind::Map(entries) => v
                .visit_map(Map::new(self, entries, None))
                .map_err(|e| e.or_at(self.node.span)),
            _ => Err(self.expected("a mapping (key: value pairs)")),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let span = self.node.span;
        let result = match &self.node.kind {
            _ if name == SPANNED_NAME => v.visit_map(SpannedAccess { de: self, step: 0 }),
            // Long text or a list (`model::Text`, `ListOr`): a scalar as the text typed.
            _ if name == TEXT_OR_LIST_NAME => match &self.node.kind {
                Kind::Seq(items) if items.is_empty() => Err(self.empty_list()),
                Kind::Seq(items) => v.visit_seq(Seq {
                    de: self,
                    items: items.iter(),
                }),
                Kind::Map(_) if self.by_language() => {
                    return self.variant()?.deserialize_struct(name, fields, v);
                }
                Kind::Map(_) => Err(self
                    .expected("text, or a list")
                    .with_hint("is the indentation right? text that contains `: ` must be quoted")),
                _ => v.visit_str(self.text()?),
            },
            Kind::Scalar { .. } if TEXT_SHORTHAND.contains(&name) && !self.node.is_null() => {
                match fields.first() {
                    Some(&field) => v.visit_map(Shorthand {
                        de: self,
                        field,
                        done: false,
                    }),
                    None => Err(self.expected("a mapping (key: value pairs)")),
                }
            }
            // A bullet (or another struct written as its text) as text by language.
            Kind::Map(entries)
                if TEXT_SHORTHAND.contains(&name)
                    && self.by_language()
                    && !entries.iter().any(|(k, _)| {
                        k.scalar_text()
                            .is_some_and(|t| fields.contains(&t.as_str()))
                    }) =>
            {
                match fields.first() {
                    Some(&field) => v.visit_map(Shorthand {
                        de: self,
                        field,
                        done: false,
                    }),
                    None => Err(self.expected("a mapping (key: value pairs)")),
                }
            }
            Kind::Map(entries) => {
                // Report every unknown key now, before a later error can end the entry.
                let mut sink = self.sink.borrow_mut();
                for (key, _) in entries {
                    if let Kind::Scalar { text, .. } = &key.kind
                        && !fields.contains(&text.as_str())
                    {
                        sink.push(unknown_key(text, fields).or_at(key.span));
                    }
                }
                drop(sink);
                v.visit_map(Map::new(self, entries, Some(fields)))
            }
            _ => Err(self.expected("a mapping (key: value pairs)")),
        };
        result.map_err(|e| e.or_at(span))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let span = self.node.span;
        let text = self
            .text()
            .map_err(|_| self.expected("one of the names listed in the schema"))?;
        v.visit_enum(UnitVariant { text, span })
            .map_err(|e| e.or_at(span))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }
}

struct Seq<'a> {
    de: De<'a>,
    items: std::slice::Iter<'a, Node>,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some(node) => seed
                .deserialize(self.de.at(node))
                .map(Some)
                .map_err(|e| e.or_at(node.span)),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'a> {
    de: De<'a>,
    entries: std::slice::Iter<'a, (Node, Node)>,
    /// The keys the target struct knows; others are skipped.
    fields: Option<&'static [&'static str]>,
    value: Option<&'a Node>,
}

impl<'a> Map<'a> {
    fn new(
        de: De<'a>,
        entries: &'a [(Node, Node)],
        fields: Option<&'static [&'static str]>,
    ) -> Map<'a> {
        Map {
            de,
            entries: entries.iter(),
            fields,
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Map<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        for (key, value) in self.entries.by_ref() {
            // Unknown keys were reported by `deserialize_struct`; skip them here.
            if let (Some(fields), Kind::Scalar { text, .. }) = (self.fields, &key.kind)
                && !fields.contains(&text.as_str())
            {
                continue;
            }
            self.value = Some(value);
            return seed
                .deserialize(self.de.at(key))
                .map(Some)
                .map_err(|e| e.or_at(key.span));
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let node = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value was read before its key"))?;
        seed.deserialize(self.de.at(node))
            .map_err(|e| e.or_at(node.span))
    }
}

/// A plain string where a struct is expected: it fills the struct's first field.
struct Shorthand<'a> {
    de: De<'a>,
    field: &'static str,
    done: bool,
}

impl<'de> MapAccess<'de> for Shorthand<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.done {
            return Ok(None);
        }
        self.done = true;
        seed.deserialize(self.field.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(self.de)
    }
}

/// Feeds `model::Spanned` its position and then its value.
struct SpannedAccess<'a> {
    de: De<'a>,
    step: u8,
}

impl<'de> MapAccess<'de> for SpannedAccess<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(key) = SPANNED_FIELDS.get(usize::from(self.step)) else {
            return Ok(None);
        };
        seed.deserialize((*key).into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.step += 1;
        if self.step == 1 {
            let [a, b] = self.de.node.span.encode();
            seed.deserialize(de::value::SeqDeserializer::new([a, b].into_iter()))
        } else {
            seed.deserialize(self.de)
        }
    }
}

struct UnitVariant<'a> {
    text: &'a str,
    span: Span,
}

impl<'de> EnumAccess<'de> for UnitVariant<'_> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self), Error> {
        let value = seed
            .deserialize(de::value::StrDeserializer::<Error>::new(self.text))
            .map_err(|e| e.or_at(self.span))?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for UnitVariant<'_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, Error> {
        Err(Error::new(
            self.span,
            "expected a value with fields, found a name",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Error> {
        Err(Error::new(self.span, "expected a list, found a name"))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error::new(self.span, "expected a mapping, found a name"))
    }
}
