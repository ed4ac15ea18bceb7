//! The person the documents are about.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Figure, Link, Spanned, Text};

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    /// How to refer to the person, printed beside the contact details: `she/her`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pronouns: Option<String>,
    /// One line under the name: `Senior backend engineer, distributed systems`.
    pub headline: String,
    /// City and country, as the reader should see them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default)]
    pub contact: Contact,
    /// A short paragraph for the top of the CV: text (a blank line starts a new
    /// paragraph) or blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// `Open to consulting on data platforms from March 2027`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<String>,
    /// A portrait, printed in the CV's and the portfolio's header (`design: {photo:
    /// false}` hides it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Figure>,
    /// Spoken languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// Other headlines and summaries, by name; a profile picks one with `variant:`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, Spanned<Variant>>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// A personal site, with its scheme: `https://example.dev`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Code hosting and social profiles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A headline and summary for one audience.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub name: String,
    /// `native`, `fluent`, `C1`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
}
