//! A role: in the experience section, or in volunteering (the same shape).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Bullet, Date, End, Label, Link, Spanned, Text};

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Unique across all content; profiles and projects refer to the role by it.
    pub id: Spanned<String>,
    /// The job title: `Staff engineer`.
    pub title: String,
    /// The employer or client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// What the organisation is or does: `a card-acquiring business in 9 EU markets`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<Text>,
    /// If set, the organisation stays anonymous and readers see this instead:
    /// `a European logistics company`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<String>,
    /// The organisation's site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `full-time`, `part-time`, `contract`, `freelance`, `founder`, `internship`,
    /// `volunteer`, or your own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Label>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// `remote`, `on-site`, `hybrid`, or your own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_mode: Option<Label>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Spanned<Date>>,
    /// A date, or `present`. Left out (with a start), the role is current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Spanned<End>>,
    /// What the role was, in a line or a paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// Key contributions, strongest first or with priorities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Bullet>,
    /// The long story, for the portfolio: text or blocks (paragraphs, headings, lists...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stack: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Start this entry on a new page in long documents.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new_page: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}

impl Role {
    /// Whether it is still going on: no end (but a start), or `end: present`.
    pub fn current(&self) -> bool {
        match self.end.as_ref().map(|e| e.value) {
            Some(End::Present) => true,
            Some(End::Date(_)) => false,
            None => self.start.is_some(),
        }
    }
}
