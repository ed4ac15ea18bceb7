//! A role in the experience section.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Bullet, Date, End, Link, Section, Spanned};

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Unique across all content; profiles and projects refer to the role by it.
    pub id: Spanned<String>,
    /// The job title: `Staff engineer`.
    pub title: String,
    /// The employer or client.
    pub organization: String,
    /// If set, the organisation stays anonymous and readers see this instead:
    /// `a European logistics company`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<String>,
    /// The organisation's site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Employment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_mode: Option<WorkMode>,
    pub start: Spanned<Date>,
    /// A date, or `present`. Left out, the role is current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Spanned<End>>,
    /// One line on what the role was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Key contributions, strongest first or with priorities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Bullet>,
    /// The long story, for the portfolio: headed sections of prose and bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub narrative: Vec<Section>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Employment {
    FullTime,
    PartTime,
    Contract,
    Freelance,
    Founder,
    Internship,
    Volunteer,
}

impl Employment {
    pub fn label(self) -> &'static str {
        match self {
            Employment::FullTime => "Full-time",
            Employment::PartTime => "Part-time",
            Employment::Contract => "Contract",
            Employment::Freelance => "Freelance",
            Employment::Founder => "Founder",
            Employment::Internship => "Internship",
            Employment::Volunteer => "Volunteer",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WorkMode {
    Remote,
    OnSite,
    Hybrid,
}

impl WorkMode {
    pub fn label(self) -> &'static str {
        match self {
            WorkMode::Remote => "Remote",
            WorkMode::OnSite => "On-site",
            WorkMode::Hybrid => "Hybrid",
        }
    }
}
