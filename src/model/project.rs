//! Projects (systems written up in full) and case studies.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Bullet, Date, End, Figure, Link, Metric, Section, Spanned};

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Unique across all content: `ledger`. Names the handout file.
    pub id: Spanned<String>,
    pub title: String,
    pub classification: Classification,
    /// The part played: `tech lead`, `sole engineer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The id of the role (job) this was built in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Spanned<String>>,
    /// If set, the client or employer stays anonymous and readers see this instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<String>,
    /// One line that says what it is.
    pub tagline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Spanned<Date>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Spanned<End>>,
    /// One-line results for the CV.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Bullet>,

    // The write-up, in the order the portfolio prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architecture: Option<Architecture>,
    /// Why the system is shaped this way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    /// How data moves through the system, as ordered steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_flow: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub performance: Vec<Bullet>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scalability: Vec<Bullet>,
    /// What broke and how it was fixed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postmortem: Vec<Incident>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roadmap: Vec<Bullet>,
    /// The idea in one sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thesis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,

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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}

/// What kind of thing a project or case study is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Classification {
    ProductionSystem,
    PublicProduct,
    Mvp,
    SaasFoundation,
    EngineeringLab,
    Prototype,
    Tool,
    Library,
    DesignExercise,
    ReferenceArchitecture,
    Experiment,
    IncidentReview,
    Migration,
}

impl Classification {
    pub fn label(self) -> &'static str {
        match self {
            Classification::ProductionSystem => "Production system",
            Classification::PublicProduct => "Public product",
            Classification::Mvp => "MVP",
            Classification::SaasFoundation => "SaaS foundation",
            Classification::EngineeringLab => "Engineering lab",
            Classification::Prototype => "Prototype",
            Classification::Tool => "Tool",
            Classification::Library => "Library",
            Classification::DesignExercise => "Design exercise",
            Classification::ReferenceArchitecture => "Reference architecture",
            Classification::Experiment => "Experiment",
            Classification::IncidentReview => "Incident review",
            Classification::Migration => "Migration",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Architecture {
    /// The system in a paragraph or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview: Option<String>,
    /// `event-driven modular monolith`, `hexagonal`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<Module>,
}

/// A named part of an architecture.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub name: String,
    pub description: String,
}

/// An engineering decision: plain text, or the choice with its reasons and price.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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

/// A long-form write-up, optionally tied to a project.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseStudy {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    pub kind: Classification,
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
    pub summary: Option<String>,
    pub sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Start this entry on a new page in long documents.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new_page: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}
