//! Applications: one job applied for, written under `applications:` in any content
//! file (by convention `applications/<id>.yaml`). `resume apply <id>` builds its kit:
//! the CV of a profile with the application's selectors on top, a cover letter, and a
//! report of what the posting asks for against the content.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Date, Spanned, Text};

#[derive(Debug, Clone, serde::Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// The company applied to; it names the kit's files (`Ada-Example-CV-Northwind.pdf`).
    pub company: String,
    /// The role applied for, as the posting names it.
    pub role: String,
    /// The profile the CV starts from.
    pub profile: Spanned<String>,
    /// A selector every entry of the CV must also match, over the profile's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Spanned<String>>,
    /// A selector no entry of the CV may match, over the profile's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude: Option<Spanned<String>>,
    /// The job posting as a text file, relative to the content folder
    /// (`applications/northwind.txt`): read for the coverage report.
    pub posting: Spanned<String>,
    /// Who the letter is addressed to; without it, the company's hiring team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The letter's date.
    pub date: Spanned<Date>,
    /// The greeting; default `Dear <contact>,` (or `Dear <company> hiring team,`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<String>,
    /// The body of the cover letter: paragraphs, or blocks, with inline markup.
    pub letter: Text,
    /// The words before the signature; default `Kind regards,`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
    /// Projects or case studies (their ids) whose handouts go into the kit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handouts: Vec<Spanned<String>>,
}

impl Application {
    pub fn salutation(&self) -> String {
        match (&self.salutation, &self.contact) {
            (Some(s), _) => s.clone(),
            (None, Some(contact)) => format!("Dear {contact},"),
            (None, None) => format!("Dear {} hiring team,", self.company),
        }
    }

    pub fn closing(&self) -> &str {
        self.closing.as_deref().unwrap_or("Kind regards,")
    }
}
