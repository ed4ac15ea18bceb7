//! Design parameters a user sets without touching Typst: theme, accent colour, font,
//! paper, margins, font size. Set in a content file (`design:`), refined per profile,
//! overridden by `--theme`. Checked like the rest of the content.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

use super::Spanned;

#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Design {
    /// `modern` (sans, left-aligned, ruled headings), `classic` (serif, centred header,
    /// small capitals) or `sidebar` (the CV in two columns, a tinted sidebar beside the
    /// main column). Default `modern`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// The accent colour as `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<Color>,
    /// The text font family: `Inter`, `Libertinus Serif`, `New Computer Modern`, or an
    /// installed one with `--system-fonts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<Spanned<String>>,
    /// `a4` or `us-letter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<Paper>,
    /// Page margins: `16mm`, `0.7in`, `2cm`, `48pt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margins: Option<Length>,
    /// Body text size in points, from 7 to 14.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font_size: Option<FontSize>,
    /// The documents' language, as a language tag: `en` (the default), `de`, `fr`,
    /// `pt-BR`, `zh-Hans`... It sets every default title and label, month names, the
    /// date format and the PDF's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Spanned<String>>,
    /// Titles and labels in your own words, by their key in the catalogue (see
    /// `locales/en.yaml`): `{projects: Systems delivered, scope: Engineering scope}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<Spanned<String>, Spanned<LabelText>>,
    /// Print the person's photo in the CV's and portfolio's header (default: yes, when
    /// `person.photo` is set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<bool>,
    /// How precisely dates are printed: `month` (the default: `Mar 2021`), `year`
    /// (`2021`) or `day` (`15 Mar 2021`, when every date shown gives the day; else to the
    /// month, so that no column of dates mixes the two).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateStyle>,
    /// The documents that show entries' tags as chips: any of `cv`, `portfolio`,
    /// `case-study` (default: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chips: Option<Vec<Spanned<String>>>,
    /// How the files built are named, without the extension: a pattern with
    /// placeholders `{name}` (the person's), `{document}` (`CV`, `Portfolio`, or a
    /// handout's title), `{profile}`, `{project}` and `{id}` (a handout's title and id),
    /// `{date}`. Default `{name}-{document}`: `Ilka-Moravec-Dunmore-CV.pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_names: Option<Spanned<String>>,
}

/// A label's text: one text, a list (month names), or forms by key (plural forms,
/// `kinds`).
#[derive(Debug, Clone, PartialEq)]
pub enum LabelText {
    Text(String),
    List(Vec<String>),
    Forms(BTreeMap<String, String>),
}

impl<'de> Deserialize<'de> for LabelText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LabelText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a label's text, a list of texts, or texts by key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LabelText, E> {
                Ok(LabelText::Text(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<LabelText, E> {
                Ok(LabelText::Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<LabelText, E> {
                Ok(LabelText::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<LabelText, E> {
                Ok(LabelText::Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<LabelText, E> {
                Ok(LabelText::Text(v.to_string()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<LabelText, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(LabelText::List(items))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<LabelText, A::Error> {
                let mut forms = BTreeMap::new();
                while let Some((key, value)) = map.next_entry::<String, String>()? {
                    forms.insert(key, value);
                }
                Ok(LabelText::Forms(forms))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for LabelText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LabelText::Text(t) => s.serialize_str(t),
            LabelText::List(l) => l.serialize(s),
            LabelText::Forms(f) => f.serialize(s),
        }
    }
}

impl JsonSchema for LabelText {
    fn schema_name() -> Cow<'static, str> {
        "LabelText".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "a label's text; a list for month names; texts by key for plural forms (`one`, `other`) and `kinds`",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } },
                { "type": "object", "additionalProperties": { "type": "string" } }
            ]
        })
    }
}

impl Design {
    /// `self` on top of `base`: what `self` sets wins.
    pub fn over(&self, base: &Design) -> Design {
        Design {
            theme: self.theme.or(base.theme),
            accent: self.accent.clone().or_else(|| base.accent.clone()),
            font: self.font.clone().or_else(|| base.font.clone()),
            paper: self.paper.or(base.paper),
            margins: self.margins.clone().or_else(|| base.margins.clone()),
            font_size: self.font_size.or(base.font_size),
            locale: self.locale.clone().or_else(|| base.locale.clone()),
            labels: {
                let mut labels = base.labels.clone();
                for (key, text) in &self.labels {
                    match (labels.get_mut(key), &text.value) {
                        // Forms (plural forms, kinds) merge form by form.
                        (
                            Some(Spanned {
                                value: LabelText::Forms(theirs),
                                ..
                            }),
                            LabelText::Forms(mine),
                        ) => {
                            theirs.extend(mine.iter().map(|(k, v)| (k.clone(), v.clone())));
                        }
                        _ => {
                            labels.insert(key.clone(), text.clone());
                        }
                    }
                }
                labels
            },
            photo: self.photo.or(base.photo),
            dates: self.dates.or(base.dates),
            chips: self.chips.clone().or_else(|| base.chips.clone()),
            file_names: self.file_names.clone().or_else(|| base.file_names.clone()),
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    Modern,
    Classic,
    Sidebar,
}

impl Theme {
    pub const ALL: &[Theme] = &[Theme::Modern, Theme::Classic, Theme::Sidebar];

    pub fn name(self) -> &'static str {
        match self {
            Theme::Modern => "modern",
            Theme::Classic => "classic",
            Theme::Sidebar => "sidebar",
        }
    }
}

/// How precisely a document prints dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DateStyle {
    Year,
    Month,
    Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    A4,
    UsLetter,
}

macro_rules! checked_text {
    ($ty:ident, $inner:ty, $parse:expr, $expecting:literal, $schema:tt) => {
        #[derive(Debug, Clone, PartialEq)]
        pub struct $ty(pub $inner);

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        let parse: fn(&str) -> Result<$inner, String> = $parse;
                        parse(v.trim()).map($ty).map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }

        impl JsonSchema for $ty {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

checked_text!(
    Color,
    String,
    |v| {
        let hex = v.strip_prefix('#').unwrap_or("");
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            Ok(v.to_ascii_lowercase())
        } else {
            Err(format!("`{v}` is not a colour: expected `#rrggbb`, for example `#1d4f91`"))
        }
    },
    "a colour as #rrggbb",
    { "type": "string", "pattern": "^#[0-9a-fA-F]{6}$", "description": "a colour as #rrggbb" }
);

checked_text!(
    Length,
    String,
    |v| {
        let unit = ["mm", "cm", "in", "pt"].into_iter().find(|u| v.ends_with(u));
        let number = unit.map(|u| &v[..v.len() - u.len()]).and_then(|n| n.trim().parse::<f64>().ok());
        match (unit, number) {
            (Some(u), Some(n)) if n >= 0.0 && n <= if u == "pt" { 144.0 } else if u == "in" { 2.0 } else if u == "cm" { 5.0 } else { 50.0 } => {
                Ok(format!("{n}{u}"))
            }
            (Some(_), Some(n)) if n < 0.0 => Err(format!("`{v}` is a negative margin: write 0 or more, for example `16mm`")),
            (Some(_), Some(_)) => Err(format!("`{v}` is too wide a margin: at most 50mm (5cm, 2in, 144pt)")),
            _ => Err(format!("`{v}` is not a length: expected a number with `mm`, `cm`, `in` or `pt`, for example `16mm`")),
        }
    },
    "a length such as 16mm",
    { "type": "string", "pattern": "^[0-9.]+ ?(mm|cm|in|pt)$", "description": "a length: 16mm, 2cm, 0.7in, 48pt" }
);

/// A font size in points, checked to be readable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FontSize(pub f64);

impl<'de> Deserialize<'de> for FontSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let size = f64::deserialize(d)?;
        if (7.0..=14.0).contains(&size) {
            Ok(FontSize(size))
        } else {
            Err(de::Error::custom(format!(
                "font size {size} is out of range: use 7 to 14 (points)"
            )))
        }
    }
}

impl JsonSchema for FontSize {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "FontSize".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "number", "minimum": 7, "maximum": 14, "description": "body text size in points" })
    }
}

macro_rules! serialize_inner {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.0.serialize(s)
            }
        }
    )*};
}

serialize_inner!(Color, Length, FontSize);
