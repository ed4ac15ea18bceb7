//! A value together with where it was written, so that checks made after parsing
//! (duplicate ids, dangling references, date ranges) can point at the offending line.
//!
//! Only our own YAML deserializer (`load::de`) knows positions: it recognises the magic
//! struct name below and hands over the span. Everywhere else a `Spanned<T>` behaves like
//! `T`: it serialises as `T` and has `T`'s JSON Schema.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};

/// The struct name and fields our deserializer looks for.
pub(crate) const SPANNED_NAME: &str = "$resume::Spanned";
pub(crate) const SPANNED_FIELDS: &[&str] = &["$span", "$value"];

/// A place in a content file: file index (into the loader's file table), 1-based line,
/// 0-based column in characters, and a length in characters (on that line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub file: u32,
    pub line: u32,
    pub col: u32,
    pub len: u32,
}

impl Span {
    /// Packs the span into a u64 pair so that it can travel through serde as plain numbers.
    pub(crate) fn encode(self) -> [u64; 2] {
        [
            (u64::from(self.file) << 32) | u64::from(self.line),
            (u64::from(self.col) << 32) | u64::from(self.len),
        ]
    }

    pub(crate) fn decode([a, b]: [u64; 2]) -> Span {
        Span {
            file: (a >> 32) as u32,
            line: a as u32,
            col: (b >> 32) as u32,
            len: b as u32,
        }
    }
}

/// Compared, ordered and hashed by value alone: the span is where, not what.
#[derive(Debug, Clone, Default)]
pub struct Spanned<T> {
    pub span: Span,
    pub value: T,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { span, value }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: PartialOrd> PartialOrd for Spanned<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        self.value.partial_cmp(&other.value)
    }
}

impl<T: Ord> Ord for Spanned<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl<T: std::hash::Hash> std::hash::Hash for Spanned<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state)
    }
}

/// Lets a map keyed by `Spanned<String>` be looked up with a `&str`.
impl std::borrow::Borrow<str> for Spanned<String> {
    fn borrow(&self) -> &str {
        &self.value
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Spanned<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value with its position")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Spanned<T>, A::Error> {
                let mut span = None;
                let mut value = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "$span" => span = Some(Span::decode(map.next_value()?)),
                        "$value" => value = Some(map.next_value()?),
                        _ => return Err(de::Error::unknown_field(&key, SPANNED_FIELDS)),
                    }
                }
                let value = value.ok_or_else(|| de::Error::missing_field("$value"))?;
                Ok(Spanned::new(value, span.unwrap_or_default()))
            }
        }
        d.deserialize_struct(SPANNED_NAME, SPANNED_FIELDS, V(std::marker::PhantomData))
    }
}
