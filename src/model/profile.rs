//! Profiles: what one audience sees, written in `profiles.yaml`.
//!
//! Which entries a profile shows is decided per section by selector expressions (see
//! [`super::selector`]); `tags` and `exclude_tags` are the short form: with `tags`, an
//! entry or bullet is shown when it is untagged or carries one of them; with
//! `exclude_tags`, never when it carries one of those. A profile can `extend` another and
//! override any part of it. Checked and resolved by `load::check`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

use super::{Design, Spanned, Text};

#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// What the profile is for, shown by `resume check` and `resume list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Another profile this one starts from; anything set here overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<Spanned<String>>,
    /// Which of `person.variants` gives the headline and summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<Spanned<String>>,
    /// Show confidential organisations by name (as `--private` does). Default false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    /// Short form: show untagged entries and bullets, and those with one of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    /// Short form: never show entries or bullets with one of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_tags: Vec<Spanned<String>>,
    /// A selector every shown entry must match, in every section: `tag:backend or untagged`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Spanned<String>>,
    /// A selector no shown entry may match: `kind:prototype`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude: Option<Spanned<String>>,
    /// Rules for one section, by its name (`experience`, `projects`, `case_studies`...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<Spanned<String>, SectionRule>,
    /// Which bullets of a shown entry to keep.
    #[serde(default)]
    pub bullets: BulletRule,
    /// What each document shows, by document name (`cv`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub documents: BTreeMap<Spanned<String>, DocumentRule>,
    /// Keywords for the PDF metadata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// The look of this profile's documents, over the content's `design`.
    #[serde(default)]
    pub design: Design,
}

/// How one section chooses and orders its entries.
#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionRule {
    /// Entries must also match this: `kind:production-system and since:2019`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Spanned<String>>,
    /// Entries matching this are left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude: Option<Spanned<String>>,
    /// `date` (newest first), `priority` (highest first), or a list of ids (those first,
    /// in that order, the rest after by priority).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    /// At most this many entries, in every document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
    /// The section's heading for this profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Text under the heading for this profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
}

/// Which bullets (highlights, details) of a shown entry are kept.
#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BulletRule {
    /// Bullets must match this: `tag:backend or untagged`, `priority:2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Spanned<String>>,
    /// Bullets matching this are dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude: Option<Spanned<String>>,
    /// At most this many per entry, highest priority first (printed in your order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
}

/// What one document shows for this profile.
#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    /// The sections, in order: any section of the content (built-in or your own), and
    /// `summary` and `languages`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sections: Option<Vec<Spanned<String>>>,
    /// At most this many entries of a section in this document, by section name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub max: BTreeMap<Spanned<String>, usize>,
    /// At most this many bullets per entry in this document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bullets: Option<usize>,
    /// The page budget: the CV's 1 (default) or 2 for a long-form CV; each handout's 2
    /// (default) or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<PageBudget>,
    /// Shrink the CV, or each handout, to its page budget (default true); `false` prints
    /// it as selected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<bool>,
    /// For `case-study`: `all` makes a handout for every selected project and case
    /// study, however short; `substantial` (the default) only for those with enough to
    /// say (see the README).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handouts: Option<Handouts>,
}

/// Which projects and case studies get a handout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Handouts {
    All,
    Substantial,
}

/// How many pages the CV may take: 1 or 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PageBudget(pub u8);

impl JsonSchema for PageBudget {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "PageBudget".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "minimum": 1, "maximum": 2, "description": "1 or 2 pages" })
    }
}

impl<'de> Deserialize<'de> for PageBudget {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PageBudget, D::Error> {
        match u8::deserialize(d)? {
            n @ 1..=2 => Ok(PageBudget(n)),
            n => Err(de::Error::custom(format!(
                "a CV of {n} pages is not offered: `pages` is 1 or 2"
            ))),
        }
    }
}

/// How a section is ordered.
#[derive(Debug, Clone, PartialEq)]
pub enum Order {
    Date,
    Priority,
    Ids(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for Order {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Order, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Order;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`date`, `priority`, or a list of ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Order, E> {
                match v {
                    "date" => Ok(Order::Date),
                    "priority" => Ok(Order::Priority),
                    other => Err(E::unknown_variant(other, &["date", "priority"])),
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Order, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(Order::Ids(ids))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Order {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Order::Date => s.serialize_str("date"),
            Order::Priority => s.serialize_str("priority"),
            Order::Ids(ids) => ids.serialize(s),
        }
    }
}

impl JsonSchema for Order {
    fn schema_name() -> Cow<'static, str> {
        "Order".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "`date` (newest first), `priority` (highest first), or a list of ids to put first",
            "anyOf": [
                { "enum": ["date", "priority"] },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

impl Profile {
    /// This profile on top of `parent`: what this one sets wins; sections and documents
    /// are merged rule by rule, field by field.
    pub fn inherit(&mut self, parent: &Profile) {
        fn keep<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        fn keep_list<T: Clone>(mine: &mut Vec<T>, theirs: &[T]) {
            if mine.is_empty() {
                *mine = theirs.to_vec();
            }
        }
        keep(&mut self.description, &parent.description);
        keep(&mut self.variant, &parent.variant);
        keep(&mut self.private, &parent.private);
        keep_list(&mut self.tags, &parent.tags);
        keep_list(&mut self.exclude_tags, &parent.exclude_tags);
        keep(&mut self.select, &parent.select);
        keep(&mut self.exclude, &parent.exclude);
        keep_list(&mut self.keywords, &parent.keywords);
        self.design = self.design.over(&parent.design);
        keep(&mut self.bullets.select, &parent.bullets.select);
        keep(&mut self.bullets.exclude, &parent.bullets.exclude);
        keep(&mut self.bullets.max, &parent.bullets.max);
        for (name, theirs) in &parent.sections {
            let mine = self.sections.entry(name.clone()).or_default();
            keep(&mut mine.select, &theirs.select);
            keep(&mut mine.exclude, &theirs.exclude);
            keep(&mut mine.order, &theirs.order);
            keep(&mut mine.max, &theirs.max);
            keep(&mut mine.title, &theirs.title);
            keep(&mut mine.intro, &theirs.intro);
        }
        for (name, theirs) in &parent.documents {
            let mine = self.documents.entry(name.clone()).or_default();
            keep(&mut mine.sections, &theirs.sections);
            keep(&mut mine.bullets, &theirs.bullets);
            keep(&mut mine.pages, &theirs.pages);
            keep(&mut mine.fit, &theirs.fit);
            keep(&mut mine.handouts, &theirs.handouts);
            for (section, max) in &theirs.max {
                mine.max.entry(section.clone()).or_insert(*max);
            }
        }
    }
}
