//! A profile resolved for selection: `extends` applied, expressions parsed and checked,
//! defaults filled in. Made by `load::profiles`, used by `select`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::selector::{Expr, Subject};
use super::{
    Block, Bullet, CaseStudy, Certification, Date, Decision, Education, End, Exploration, Figure,
    Incident, Item, Metric, Principle, Project, Role, SkillGroup, Spanned, Writing,
};

#[derive(Debug, Clone)]
pub struct Rules {
    pub name: String,
    pub description: Option<String>,
    pub extends: Option<String>,
    pub variant: Option<String>,
    pub private: bool,
    pub keywords: Vec<String>,
    /// The profile's design over the content's.
    pub design: super::Design,
    /// Applies to the entries of every section.
    pub entries: Filter,
    /// By section name; every section with entries to select has one.
    pub sections: BTreeMap<String, SectionRules>,
    pub bullets: Filter,
    pub bullet_max: Option<usize>,
    /// By document name (`model::DOCUMENTS`); every document has one.
    pub documents: BTreeMap<String, DocumentRules>,
}

/// Selectors that must all match, and selectors none of which may match, each with the
/// place it came from (for `resume list`).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub select: Vec<Labeled>,
    pub exclude: Vec<Labeled>,
}

#[derive(Debug, Clone)]
pub struct Labeled {
    pub expr: Expr,
    /// `tags`, `select`, `sections.projects.exclude`, `--select`...
    pub origin: String,
}

/// Whether an item passes a filter, and why.
pub enum Verdict {
    Shown(String),
    LeftOut(String),
}

impl Filter {
    pub fn judge(&self, item: &dyn Subject) -> Verdict {
        if let Some(ex) = self.exclude.iter().find(|l| l.expr.matches(item)) {
            return Verdict::LeftOut(format!("excluded by `{}` ({})", ex.expr, ex.origin));
        }
        if let Some(miss) = self.select.iter().find(|l| !l.expr.matches(item)) {
            return Verdict::LeftOut(format!("does not match `{}` ({})", miss.expr, miss.origin));
        }
        let whys: Vec<String> = self
            .select
            .iter()
            .filter_map(|l| l.expr.why(item).map(|why| format!("{why} ({})", l.origin)))
            .collect();
        if whys.is_empty() {
            Verdict::Shown("shown: the profile selects everything".to_owned())
        } else {
            Verdict::Shown(format!("selected by {}", whys.join("; ")))
        }
    }

    /// Both filters: all selects of each, and none of the excludes.
    pub fn and(&self, other: &Filter) -> Filter {
        Filter {
            select: self.select.iter().chain(&other.select).cloned().collect(),
            exclude: self.exclude.iter().chain(&other.exclude).cloned().collect(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SectionRules {
    pub filter: Filter,
    pub order: ResolvedOrder,
    pub max: Option<usize>,
    /// The profile's own heading and intro for the section.
    pub title: Option<String>,
    pub intro: Option<super::Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ResolvedOrder {
    Date,
    Priority,
    Ids(Vec<String>),
}

impl ResolvedOrder {
    pub fn describe(&self) -> String {
        match self {
            ResolvedOrder::Date => "newest first".to_owned(),
            ResolvedOrder::Priority => "by priority".to_owned(),
            ResolvedOrder::Ids(ids) => format!("in the order {}", ids.join(", ")),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentRules {
    /// The sections to show, in order.
    pub sections: Vec<String>,
    /// Whether the profile listed `sections` itself (else they are the defaults).
    pub explicit: bool,
    /// Those of `sections` shown only while there is room (the CV's fitting drops them
    /// first); empty when the profile lists the sections itself.
    pub extra: Vec<String>,
    pub max: BTreeMap<String, usize>,
    pub bullets: Option<usize>,
    /// The page budget: the CV's 1 unless the profile says 2, each handout's 2 unless it says 1.
    pub pages: usize,
    /// Whether to shrink the document to its page budget.
    pub fit: bool,
    /// Handouts for every selected project and case study, however short.
    pub every_handout: bool,
}

fn tags(t: &[Spanned<String>]) -> Vec<&str> {
    t.iter().map(|t| t.value.as_str()).collect()
}

fn end(e: Option<&Spanned<End>>) -> Option<Date> {
    match e.map(|e| e.value) {
        Some(End::Date(d)) => Some(d),
        _ => None,
    }
}

macro_rules! subject {
    ($ty:ty, |$s:ident| id: $id:expr, kind: $kind:expr, dates: $dates:expr) => {
        // Not every entry uses its binding in every method.
        #[allow(unused_variables)]
        impl Subject for $ty {
            fn tags(&self) -> Vec<&str> {
                tags(&self.tags)
            }
            fn id(&self) -> Option<&str> {
                let $s = self;
                $id
            }
            fn kind(&self) -> Option<String> {
                let $s = self;
                $kind
            }
            fn dates(&self) -> (Option<Date>, Option<Date>) {
                let $s = self;
                $dates
            }
            fn priority(&self) -> i32 {
                self.priority
            }
        }
    };
}

subject!(Role, |s| id: Some(&s.id), kind: s.employment.as_ref().map(|k| k.key()), dates: (s.start.as_ref().map(|d| d.value), end(s.end.as_ref())));
subject!(Project, |s| id: Some(&s.id), kind: s.classification.as_ref().map(|k| k.key()), dates: (s.start.as_ref().map(|d| d.value), end(s.end.as_ref())));
subject!(CaseStudy, |s| id: Some(&s.id), kind: s.kind.as_ref().map(|k| k.key()), dates: (s.date, s.date));
subject!(Metric, |s| id: s.id.as_deref().map(String::as_str), kind: None, dates: (None, None));
subject!(Principle, |s| id: s.id.as_deref().map(String::as_str), kind: None, dates: (None, None));
subject!(Exploration, |s| id: s.id.as_deref().map(String::as_str), kind: None, dates: (None, None));
subject!(SkillGroup, |s| id: s.id.as_deref().map(String::as_str), kind: None, dates: (None, None));
subject!(Education, |s| id: s.id.as_deref().map(String::as_str), kind: None, dates: (s.start.as_ref().map(|d| d.value), end(s.end.as_ref())));
subject!(Certification, |s| id: s.id.as_deref().map(String::as_str), kind: None, dates: (s.date, s.date));
subject!(Writing, |s| id: s.id.as_deref().map(String::as_str), kind: s.kind.as_ref().map(|k| k.key()), dates: (s.date, s.date));
subject!(Item, |s| id: s.id.as_deref().map(String::as_str), kind: None, dates: s.period());
subject!(Bullet, |_s| id: None, kind: None, dates: (None, None));
subject!(Figure, |_s| id: None, kind: None, dates: (None, None));
subject!(Block, |_s| id: None, kind: None, dates: (None, None));
subject!(Decision, |_s| id: None, kind: None, dates: (None, None));
subject!(Incident, |_s| id: None, kind: None, dates: (None, None));
