//! The content model: every shape an engineering portfolio needs, as typed structs.
//!
//! Every YAML file in the content folder has the same top level ([`ContentFile`]): any
//! of the sections below, in any file. The loader merges the files into one [`Content`].
//! Unknown keys are errors at every depth; the JSON Schema (`resume schema`) is generated
//! from these same types.
//!
//! Every item a reader sees repeats its `tags` and `priority` fields instead of sharing
//! them through `#[serde(flatten)]`: flattening would hide the field list from our
//! deserializer and from the schema, and with it the unknown-key errors.

mod application;
mod common;
mod date;
mod design;
mod document;
mod entries;
mod extras;
mod item;
mod label;
pub mod language;
mod person;
mod profile;
mod project;
mod role;
pub mod rules;
pub mod selector;
mod spanned;
mod text;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use application::Application;
pub use common::{Bullet, Figure, Link, Metric};
pub use date::{Date, End, months_between};
pub use design::{Color, DateStyle, Design, FontSize, LabelText, Length, Paper, Theme};
pub use document::{BUILT_IN, BuiltIn, DOCUMENTS, DocumentKind, RESERVED, built_in, document};
pub use entries::Entry;
pub use extras::{Certification, Education, Exploration, Principle, SkillGroup, Writing};
pub use item::{Item, Layout, SectionDef};
pub use label::{KNOWN as KNOWN_KINDS, Label, normalise};
pub use person::{Contact, Language, Person, Variant};
pub use profile::{BulletRule, DocumentRule, Handouts, Order, PageBudget, Profile, SectionRule};
pub use project::{Architecture, CaseStudy, Decision, Incident, Module, Project};
pub use role::Role;
pub(crate) use spanned::{SPANNED_FIELDS, SPANNED_NAME};
pub use spanned::{Span, Spanned};
pub(crate) use text::TEXT_OR_LIST_NAME;
pub use text::{Block, ListOr, Term, Text, items};

/// Structs that may also be written as a plain string, which fills their first field
/// (`- Cut p99 latency by 40%` instead of `- text: Cut p99 latency by 40%`).
pub const TEXT_SHORTHAND: &[&str] = &["Bullet", "Decision", "Block", "Module", "Item"];

/// The top level of every content file. All sections are optional; a section that is a
/// list may appear in several files and is concatenated in file-name order.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "resume content file")]
pub struct ContentFile {
    /// Who the documents are about. Exactly one file has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Spanned<Person>>,
    /// Roles, in any order (documents sort them by date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experience: Vec<Role>,
    /// Volunteer work: roles of the same shape, in a section of their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volunteer: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub case_studies: Vec<CaseStudy>,
    /// Headline metrics for the portfolio cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub principles: Vec<Principle>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explorations: Vec<Exploration>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillGroup>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Education>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Certification>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub writing: Vec<Writing>,
    /// Papers and articles: title, authors, venue, date, DOI or URL, summary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Item>,
    /// Talks given: title, venue, date, location, URL, summary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub talks: Vec<Item>,
    /// Awards and honours: title, organisation (who gave it), date, summary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Item>,
    /// Interests: a title and items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<Item>,
    /// References: a title (who) and the reference. Private: shown only with
    /// `--private` or a profile's `private: true`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Item>,
    /// Sections of your own (an id, a title, a layout and entries), and titles and
    /// intros for the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionDef>,
    /// Audiences, by name: `resume build --profile backend`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub profiles: BTreeMap<String, Spanned<Profile>>,
    /// Jobs applied for, by id: `resume apply northwind` builds the kit of CV, cover
    /// letter and posting report. By convention each in `applications/<id>.yaml`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub applications: BTreeMap<String, Spanned<Application>>,
    /// The look of every document: theme, accent, font, paper, margins, size. One file
    /// has it; profiles can refine it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design: Option<Spanned<Design>>,
    /// When the content was last brought up to date: the documents' date unless
    /// `SOURCE_DATE_EPOCH` or `--date` says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Spanned<Date>>,
}

impl ContentFile {
    /// Adds another file's sections to this one. Returns the spans of things defined
    /// twice that cannot be merged (a second `person`, a profile name used again), each
    /// paired with the first definition.
    pub fn merge(&mut self, other: ContentFile) -> Vec<(String, Span, Span)> {
        let mut clashes = Vec::new();
        once("person", &mut self.person, other.person, &mut clashes);
        once("updated", &mut self.updated, other.updated, &mut clashes);
        once("design", &mut self.design, other.design, &mut clashes);
        self.experience.extend(other.experience);
        self.volunteer.extend(other.volunteer);
        self.projects.extend(other.projects);
        self.case_studies.extend(other.case_studies);
        self.metrics.extend(other.metrics);
        self.principles.extend(other.principles);
        self.explorations.extend(other.explorations);
        self.skills.extend(other.skills);
        self.education.extend(other.education);
        self.certifications.extend(other.certifications);
        self.writing.extend(other.writing);
        self.publications.extend(other.publications);
        self.talks.extend(other.talks);
        self.awards.extend(other.awards);
        self.interests.extend(other.interests);
        self.references.extend(other.references);
        self.sections.extend(other.sections);
        for (name, profile) in other.profiles {
            if let Some(first) = self.profiles.get(&name) {
                clashes.push((
                    format!("profile `{name}` is defined twice"),
                    profile.span,
                    first.span,
                ));
            } else {
                self.profiles.insert(name, profile);
            }
        }
        for (id, application) in other.applications {
            if let Some(first) = self.applications.get(&id) {
                clashes.push((
                    format!("application `{id}` is defined twice"),
                    application.span,
                    first.span,
                ));
            } else {
                self.applications.insert(id, application);
            }
        }
        clashes
    }
}

/// Keeps the first of a section that only one file may have, noting a second one.
fn once<T>(
    name: &str,
    first: &mut Option<Spanned<T>>,
    second: Option<Spanned<T>>,
    clashes: &mut Vec<(String, Span, Span)>,
) {
    match (first.as_ref(), second) {
        (Some(first), Some(second)) => clashes.push((
            format!("`{name}` is defined twice"),
            second.span,
            first.span,
        )),
        (None, second) => *first = second,
        (Some(_), None) => {}
    }
}

/// All content, merged and checked: ids unique, references resolved, dates in order.
#[derive(Debug, Clone)]
pub struct Content {
    pub person: Person,
    pub experience: Vec<Role>,
    pub volunteer: Vec<Role>,
    pub projects: Vec<Project>,
    pub case_studies: Vec<CaseStudy>,
    pub metrics: Vec<Metric>,
    pub principles: Vec<Principle>,
    pub explorations: Vec<Exploration>,
    pub skills: Vec<SkillGroup>,
    pub education: Vec<Education>,
    pub certifications: Vec<Certification>,
    pub writing: Vec<Writing>,
    pub publications: Vec<Item>,
    pub talks: Vec<Item>,
    pub awards: Vec<Item>,
    pub interests: Vec<Item>,
    pub references: Vec<Item>,
    /// Sections of the author's own (with their entries) and the titles and intros
    /// given to built-in ones, in the order written.
    pub sections: Vec<SectionDef>,
    pub profiles: BTreeMap<String, Spanned<Profile>>,
    pub applications: BTreeMap<String, Spanned<Application>>,
    /// Each application's `select` and `exclude`, parsed and checked.
    pub application_filters: BTreeMap<String, rules::Filter>,
    pub design: Design,
    pub updated: Option<Date>,
    /// The profiles resolved for selection (`extends` applied, selectors parsed).
    pub rules: BTreeMap<String, rules::Rules>,
    /// The content read again in each other locale a profile uses, where it has text by
    /// language (`summary: {en: ..., de: ...}`).
    pub translations: BTreeMap<String, Content>,
}

impl Content {
    /// The content in the language of a profile (its locale): its text by language read
    /// in that language, and the profile's rules as that reading has them.
    pub fn in_language<'c>(&'c self, rules: &'c rules::Rules) -> (&'c Content, &'c rules::Rules) {
        let locale = rules.design.over(&self.design).locale;
        match locale.and_then(|l| self.translations.get(l.as_str())) {
            Some(c) => (c, c.rules.get(&rules.name).unwrap_or(rules)),
            None => (self, rules),
        }
    }
}
