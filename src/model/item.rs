//! The generic section: entries of one shape in one of a few layouts. Publications,
//! talks, awards, interests and references are built-in instances (top-level keys of
//! their own); any other section an author needs (patents, teaching, open source...) is
//! defined under `sections:` with an id, a title, a layout and its entries.
//!
//! `sections:` also gives any built-in section (experience, projects...) its own title
//! and an intro, and a built-in generic section another layout.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Bullet, Date, End, Link, Spanned, Text};

/// One entry of a generic section. Every layout prints every field the entry has; the
/// layout decides the arrangement. A plain string is an entry with only `summary`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The body: what it was, why it matters. Plain text or blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// Optional id, so that profiles can pick this entry by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Spanned<String>>,
    /// What it is called: the paper's, talk's or award's title; a one-line entry's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A second line under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Who gave it, or where it was done: the awarding body, the employer, the school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Where it appeared: a journal, a conference, a podcast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// One date (an award, a talk, a paper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Spanned<Date>>,
    /// Or a period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Spanned<Date>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Spanned<End>>,
    /// A publication's authors, in order; the person's own name is printed emphasised.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Short items after the title: an interest's keywords, a line's details.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// Bullets under the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Bullet>,
    /// The address of the thing itself (the paper, the recording).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A publication's DOI: `10.1145/3299869.3319893`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}

impl Item {
    /// The dates that order and select it: its period, or its one date.
    pub fn period(&self) -> (Option<Date>, Option<Date>) {
        let end = match self.end.as_ref().map(|e| e.value) {
            Some(End::Date(d)) => Some(d),
            _ => None,
        };
        match (&self.start, &self.date) {
            (Some(start), _) => (Some(start.value), end),
            (None, Some(date)) => (Some(date.value), Some(date.value)),
            (None, None) => (None, end),
        }
    }

    /// A name for messages and `resume list`.
    pub fn name(&self) -> String {
        let summary = || {
            self.summary
                .as_ref()
                .and_then(|s| s.strings().first().map(|s| s.to_string()))
        };
        let text = self
            .title
            .clone()
            .or_else(summary)
            .unwrap_or_else(|| "(untitled)".to_owned());
        short(&text)
    }
}

/// The first 60 characters of a text, on one line.
fn short(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 60 {
        let cut: String = line.chars().take(59).collect();
        format!("{cut}…")
    } else {
        line
    }
}

/// How a generic section's entries are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// Title, organisation or venue, dates on the right; location; summary; bullets.
    Dated,
    /// Title (linked), authors (yours emphasised), venue, date and DOI; summary.
    Publication,
    /// One line each: the title, then its items or summary.
    Line,
    /// A block of text each, with its title as a lead-in.
    Text,
    /// A bullet each.
    Bullets,
    /// Numbered entries, 1, 2, 3...
    Numbered,
    /// Numbered entries counting down to 1 (newest first, highest number).
    Reversed,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Dated => "dated",
            Layout::Publication => "publication",
            Layout::Line => "line",
            Layout::Text => "text",
            Layout::Bullets => "bullets",
            Layout::Numbered => "numbered",
            Layout::Reversed => "reversed",
        }
    }
}

/// A section of the author's own, or the title and intro of a built-in one.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    /// The section's name in profiles and `documents.*.sections`: lowercase letters,
    /// digits, `-` and `_`. A built-in name (`projects`) configures that section.
    pub id: Spanned<String>,
    /// The heading printed over it. Required for a section of your own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Text printed under the heading, before the entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// How the entries are arranged (default `dated`). Built-in generic sections may
    /// take another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Spanned<Layout>>,
    /// The entries (sections of your own only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Item>,
}
