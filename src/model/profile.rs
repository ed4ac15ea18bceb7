//! Profiles: what one audience sees.
//!
//! This is the first, simple form: a profile chooses entries and bullets by tag. The rule:
//! an entry without tags is always shown; an entry with tags is shown when one of them is
//! in the profile's `tags` and none is in `exclude_tags`. A profile without `tags` shows
//! everything that is not excluded.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Spanned;

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// What the profile is for, shown by `resume check`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Which of `person.variants` gives the headline and summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<Spanned<String>>,
    /// Show tagged entries and bullets that carry one of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    /// Never show entries or bullets that carry one of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_tags: Vec<Spanned<String>>,
    /// Keywords for the PDF metadata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Limits for the one-page CV.
    #[serde(default)]
    pub cv: CvLimits,
}

/// How much of each section the CV shows at most.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CvLimits {
    /// Roles shown, newest first. Default 4.
    #[serde(default = "default_roles")]
    pub roles: usize,
    /// Bullets per role, highest priority first. Default 4.
    #[serde(default = "default_bullets")]
    pub bullets: usize,
    /// Projects shown as one-liners. Default 4.
    #[serde(default = "default_projects")]
    pub projects: usize,
}

fn default_roles() -> usize {
    4
}
fn default_bullets() -> usize {
    4
}
fn default_projects() -> usize {
    4
}

impl Default for CvLimits {
    fn default() -> Self {
        CvLimits {
            roles: default_roles(),
            bullets: default_bullets(),
            projects: default_projects(),
        }
    }
}
