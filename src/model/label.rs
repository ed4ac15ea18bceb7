//! Open labels: a project's classification, a case study's or a piece of writing's kind,
//! a role's employment and work mode. Any text is allowed, in the author's own words
//! (`MVP / SaaS foundation`, `Functional MVP`); text that reads as a known value
//! (`production-system`, `Production system`) prints as that value's label in the
//! document's language. Selectors (`kind:`) match the normalised form of any value.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// A label as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label(pub String);

impl Label {
    /// The form selectors and the catalogue of known values use: `mvp-saas-foundation`.
    pub fn key(&self) -> String {
        normalise(&self.0)
    }
}

/// Lowercase, every run of characters that are neither letters nor digits made one `-`,
/// none at either end: `MVP / SaaS foundation` -> `mvp-saas-foundation`,
/// `On-site` -> `on-site`, `Produktivsystem` -> `produktivsystem`.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Label, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Label;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a label: text in your own words, or a known value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Label, E> {
                if normalise(v).is_empty() {
                    return Err(E::custom(format!(
                        "`{v}` has no letters or digits; write the label in words"
                    )));
                }
                Ok(Label(v.trim().to_owned()))
            }
        }
        d.deserialize_str(V)
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl JsonSchema for Label {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Label".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "description": "Your own words, or a known value that prints in the document's language",
            "examples": KNOWN,
        })
    }
}

/// The known values, for the schema's examples and for `kind:` did-you-means. Their
/// labels are in the locale catalogues (`kinds:`).
pub const KNOWN: &[&str] = &[
    "production-system",
    "public-product",
    "mvp",
    "saas-foundation",
    "engineering-lab",
    "prototype",
    "tool",
    "library",
    "design-exercise",
    "reference-architecture",
    "experiment",
    "incident-review",
    "migration",
    "full-time",
    "part-time",
    "contract",
    "freelance",
    "founder",
    "internship",
    "volunteer",
    "remote",
    "on-site",
    "hybrid",
    "post",
    "talk",
    "paper",
    "book",
    "podcast",
];

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn normalises_free_labels() {
        assert_eq!(normalise("MVP / SaaS foundation"), "mvp-saas-foundation");
        assert_eq!(normalise("Production system"), "production-system");
        assert_eq!(normalise("production-system"), "production-system");
        assert_eq!(normalise("  On-site "), "on-site");
        assert_eq!(normalise("Prototype / MVP"), "prototype-mvp");
        assert_eq!(normalise("Système de production"), "système-de-production");
        assert_eq!(normalise("/"), "");
    }
}
