//! Projects (systems written up in full) and case studies.
//!
//! Only an id and a title are required: real entries range from a title and one line
//! (a status chip such as `Shipped`) to a full write-up. Every write-up field is
//! optional and printed under its label from the catalogue (renamable in `design`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Bullet, Date, End, Figure, Label, Link, ListOr, Metric, Spanned, Text};

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Unique across all content: `ledger`. Names the handout file.
    pub id: Spanned<String>,
    pub title: String,
    /// What kind of system it is, in your own words (`MVP / SaaS foundation`) or a known
    /// value (`production-system`, `mvp`, `engineering-lab`, `prototype`, `tool`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<Label>,
    /// Where it stands: `Shipped`, `In production`, `Archived`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The part played: `tech lead`, `sole engineer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The id of the role (job) this was built in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Spanned<String>>,
    /// Who it was built for or with, when no role of `experience` says it (a client, a
    /// university, an open-source foundation). `at:` takes the role's organisation instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// If set, the client or employer stays anonymous and readers see this instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<String>,
    /// One line that says what it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tagline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Spanned<Date>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Spanned<End>>,
    /// One-line results for the CV.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Bullet>,

    // The write-up, in the order the portfolio prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architecture: Option<Architecture>,
    /// Why the system is shaped this way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<Text>,
    /// How data moves through the system: ordered steps, or a paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_flow: Option<ListOr<String>>,
    /// Engineering decisions: a list (each with its why and trade-off), or a paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions: Option<ListOr<Decision>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performance: Option<ListOr<Bullet>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scalability: Option<ListOr<Bullet>>,
    /// What broke and how it was fixed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postmortem: Vec<Incident>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap: Option<ListOr<Bullet>>,
    /// The idea in one sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thesis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Text>,
    /// Anything else, as blocks with headings of your own: printed after the write-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sections: Option<Text>,

    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stack: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Start this entry on a new page in long documents.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new_page: bool,
    /// Whether it gets a handout of its own (default: when it has enough to say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handout: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}

impl Project {
    /// The write-up fields that are plain long text, in the portfolio's order.
    pub fn texts(&self) -> [&Option<Text>; 6] {
        [
            &self.scope,
            &self.problem,
            &self.rationale,
            &self.scale,
            &self.outcome,
            &self.sections,
        ]
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Architecture {
    /// The system in a paragraph or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview: Option<Text>,
    /// `event-driven modular monolith`, `hexagonal`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    /// Its parts: names with what each does, or bare names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<Module>,
}

/// A named part of an architecture. A plain string is a module with only a name.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// An engineering decision: plain text, or the choice with its reasons and price.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// What was decided.
    pub text: String,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// What it cost, or what was given up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tradeoff: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}

/// One post-mortem entry: what went wrong and how it was fixed.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub issue: String,
    pub fix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}

/// A long-form write-up, on its own or tied to a project.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseStudy {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// What kind of write-up: `design-exercise`, `reference-architecture`,
    /// `incident-review`, or your own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Label>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// How far along it is: `architecture complete, implementation in progress`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity: Option<String>,
    /// The id of the project this case study belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Spanned<String>>,
    /// A short abstract for indexes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// The body: blocks with headings of your own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sections: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Start this entry on a new page in long documents.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new_page: bool,
    /// Whether it gets a handout of its own (default: when it has enough to say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handout: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}
