//! Long text: one type for every field that holds more than a line (summaries, a role's
//! narrative, a project's write-up, case-study sections, principles, intros, letters).
//!
//! It is written either as plain text, where a blank line starts a new paragraph:
//!
//! ```yaml
//! problem: |-
//!   Balances were computed in three places.
//!
//!   Each was right by its own rules.
//! ```
//!
//! or as a list of blocks in any order, where a plain string is a paragraph and a mapping
//! is a block with any of `heading`, `text`, `quote` (and `by`), `bullets`, `numbered`,
//! `terms` and `figure`, printed in that order:
//!
//! ```yaml
//! narrative:
//!   - An intro paragraph with no heading.
//!   - heading: Three things I learned
//!     text: "A lead-in line:"
//!     numbered: [One ..., Two ..., Three ...]
//!   - A closing paragraph after the list.
//! ```
//!
//! A block may carry `tags` and a `priority` like a bullet, so that a profile can leave
//! it out; leaving out a block with a `heading` leaves out what follows it up to the next
//! heading. Fields that hold a list of things (decisions, data flow, roadmap...) take
//! [`ListOr`]: the list, or prose instead.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

use super::{Bullet, Figure, Spanned};

/// The struct name our deserializer looks for: a scalar is handed over as the text it
/// was typed as (never as a number), a list as a list.
pub(crate) const TEXT_OR_LIST_NAME: &str = "$resume::TextOrList";

/// Long text: plain (paragraphs split on blank lines) or blocks.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Plain(String),
    Blocks(Vec<Block>),
}

/// One block of long text. A plain string in the list is a block with only `text`.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// A paragraph (a blank line starts another).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A sub-heading, printed before the rest of the block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// A quotation, set apart from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Who said the quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// A bullet list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<Bullet>,
    /// A numbered list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbered: Vec<Bullet>,
    /// A definition list: terms, each with its text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Term>,
    /// An image with its caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    /// Tags a profile can select this block by (like a bullet's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}

impl Block {
    /// Whether the block has something to print (tags alone are not a block).
    pub fn is_empty(&self) -> bool {
        self.text.is_none()
            && self.heading.is_none()
            && self.quote.is_none()
            && self.bullets.is_empty()
            && self.numbered.is_empty()
            && self.terms.is_empty()
            && self.figure.is_none()
    }
}

/// A term and what it means: `Posting API` / `validates that each entry balances`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    pub text: String,
}

impl Text {
    /// The blocks, plain text being one block of paragraphs.
    pub fn blocks(&self) -> Cow<'_, [Block]> {
        match self {
            Text::Plain(text) => Cow::Owned(vec![Block {
                text: Some(text.clone()),
                ..Block::default()
            }]),
            Text::Blocks(blocks) => Cow::Borrowed(blocks),
        }
    }

    /// Every piece of text in it, in reading order (for searching and exports).
    pub fn strings(&self) -> Vec<&str> {
        match self {
            Text::Plain(text) => vec![text],
            Text::Blocks(blocks) => blocks.iter().flat_map(Block::strings).collect(),
        }
    }

    /// The figures it holds.
    pub fn figures(&self) -> Vec<&Figure> {
        match self {
            Text::Plain(_) => Vec::new(),
            Text::Blocks(blocks) => blocks.iter().filter_map(|b| b.figure.as_ref()).collect(),
        }
    }

    /// The tags on its blocks and their bullets.
    pub fn tags(&self) -> Vec<&Spanned<String>> {
        match self {
            Text::Plain(_) => Vec::new(),
            Text::Blocks(blocks) => blocks
                .iter()
                .flat_map(|b| {
                    b.tags
                        .iter()
                        .chain(b.bullets.iter().chain(&b.numbered).flat_map(|x| &x.tags))
                        .chain(b.figure.iter().flat_map(|f| &f.tags))
                })
                .collect(),
        }
    }
}

impl Block {
    fn strings(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        out.extend(self.heading.as_deref());
        out.extend(self.text.as_deref());
        out.extend(self.quote.as_deref());
        out.extend(self.by.as_deref());
        out.extend(
            self.bullets
                .iter()
                .chain(&self.numbered)
                .map(|b| b.text.as_str()),
        );
        for t in &self.terms {
            out.push(&t.term);
            out.push(&t.text);
        }
        if let Some(f) = &self.figure {
            out.extend(f.caption.as_deref());
        }
        out
    }
}

/// A list of things, or prose in their place: `decisions:` as a list of decisions, or as
/// a paragraph when the author wrote them as one.
#[derive(Debug, Clone, PartialEq)]
pub enum ListOr<T> {
    List(Vec<T>),
    Prose(String),
}

impl<T> ListOr<T> {
    /// The items; none when it is prose.
    pub fn items(&self) -> &[T] {
        match self {
            ListOr::List(items) => items,
            ListOr::Prose(_) => &[],
        }
    }

    pub fn prose(&self) -> Option<&str> {
        match self {
            ListOr::Prose(text) => Some(text),
            ListOr::List(_) => None,
        }
    }
}

/// The items of an optional list field (none when it is absent or prose).
pub fn items<T>(field: &Option<ListOr<T>>) -> &[T] {
    field.as_ref().map_or(&[], ListOr::items)
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text, or a list of blocks")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
                let mut blocks = Vec::new();
                while let Some(block) = seq.next_element::<Block>()? {
                    if block.is_empty() {
                        return Err(de::Error::custom(
                            "this block has nothing to print: give it `text`, `heading`, `quote`, `bullets`, `numbered`, `terms` or `figure`",
                        ));
                    }
                    blocks.push(block);
                }
                Ok(Text::Blocks(blocks))
            }
        }
        d.deserialize_struct(TEXT_OR_LIST_NAME, &[], V)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ListOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ListOr<T>, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = ListOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list, or text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ListOr<T>, E> {
                Ok(ListOr::Prose(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ListOr<T>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(ListOr::List(items))
            }
        }
        d.deserialize_struct(TEXT_OR_LIST_NAME, &[], V(PhantomData))
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(text) => s.serialize_str(text),
            Text::Blocks(blocks) => blocks.serialize(s),
        }
    }
}

impl<T: Serialize> Serialize for ListOr<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ListOr::List(items) => items.serialize(s),
            ListOr::Prose(text) => s.serialize_str(text),
        }
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let block = generator.subschema_for::<Block>();
        json_schema!({
            "description": "Text (a blank line starts a paragraph), or a list of blocks: a string is a paragraph; a mapping has any of `heading`, `text`, `quote`/`by`, `bullets`, `numbered`, `terms`, `figure`.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                { "type": "array", "minItems": 1, "items": { "anyOf": [ { "type": "string", "minLength": 1 }, block ] } }
            ]
        })
    }
}

impl<T: JsonSchema> JsonSchema for ListOr<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("ListOr_{}", T::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let item = generator.subschema_for::<T>();
        json_schema!({
            "description": "A list, or a paragraph of text in its place.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                { "type": "array", "minItems": 1, "items": item }
            ]
        })
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::Plain(String::new())
    }
}
