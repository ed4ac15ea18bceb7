//! Small shapes shared by many entries: bullets, links, figures, metrics.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Spanned;

/// A line a reader sees in a list. Written either as plain text or as an object
/// `{text, tags, priority}` when a profile needs to choose it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bullet {
    /// The text, printed as written.
    pub text: String,
    /// Tags a profile can select this bullet by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    /// Higher is more important: kept first when space runs out. Default 0.
    #[serde(default)]
    pub priority: i32,
}

/// A labelled link, or a profile on a network.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The address, with its scheme (`https://...`, `mailto:...`). A profile on a
    /// network without an address of its own may leave it out and give `network` and
    /// `username`: it prints as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the reader sees; defaults to `network: username` when both are given, else
    /// the address without its scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The network or site a profile is on: `GitHub`, `Mastodon`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// The user name on that network: `ilkamd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

/// An image from the content folder (architecture diagram, screenshot): SVG, PNG or JPEG.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Path relative to the content folder, for example `figures/ledger.svg`.
    pub path: Spanned<String>,
    /// Text for readers who cannot see the image. Required for accessible PDFs
    /// (`--pdf-standard ua-1`); write it always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// A caption printed under the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}

/// A number that tells: `1M+` / `records a day`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Optional id, so that profiles can pick this metric by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Spanned<String>>,
    /// The figure, printed as written: `1M+`, `99.99%`, `$5M`.
    pub value: String,
    /// What the figure counts: `records a day`.
    pub label: String,
    /// Where the figure comes from or what it compares against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub priority: i32,
}
