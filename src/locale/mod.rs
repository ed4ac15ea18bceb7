//! The catalogue: every title and label a document prints, month names, date formats and
//! duration units, per language. One catalogue per locale, as data (`locales/*.yaml`,
//! compiled in); content overrides any key (`design: {labels: ...}`), and a section's
//! own `title` overrides its title. Templates receive the resolved labels as
//! `data.labels`; dates and durations are formatted here.

use std::collections::BTreeMap;

use icu_plurals::{PluralCategory, PluralRules};
use serde_json::{Value, json};

use crate::load::yaml;
use crate::model::{Date, End, Label, LabelText};

/// The built-in catalogues, by language tag.
pub const LOCALES: &[(&str, &str)] = &[
    ("en", include_str!("../../locales/en.yaml")),
    ("ar", include_str!("../../locales/ar.yaml")),
    ("cs", include_str!("../../locales/cs.yaml")),
    ("da", include_str!("../../locales/da.yaml")),
    ("de", include_str!("../../locales/de.yaml")),
    ("el", include_str!("../../locales/el.yaml")),
    ("es", include_str!("../../locales/es.yaml")),
    ("fa", include_str!("../../locales/fa.yaml")),
    ("fi", include_str!("../../locales/fi.yaml")),
    ("fr", include_str!("../../locales/fr.yaml")),
    ("he", include_str!("../../locales/he.yaml")),
    ("hi", include_str!("../../locales/hi.yaml")),
    ("hu", include_str!("../../locales/hu.yaml")),
    ("id", include_str!("../../locales/id.yaml")),
    ("it", include_str!("../../locales/it.yaml")),
    ("ja", include_str!("../../locales/ja.yaml")),
    ("ko", include_str!("../../locales/ko.yaml")),
    ("nb", include_str!("../../locales/nb.yaml")),
    ("nl", include_str!("../../locales/nl.yaml")),
    ("nn", include_str!("../../locales/nn.yaml")),
    ("pl", include_str!("../../locales/pl.yaml")),
    ("pt", include_str!("../../locales/pt.yaml")),
    ("pt-BR", include_str!("../../locales/pt-BR.yaml")),
    ("ro", include_str!("../../locales/ro.yaml")),
    ("ru", include_str!("../../locales/ru.yaml")),
    ("sv", include_str!("../../locales/sv.yaml")),
    ("tr", include_str!("../../locales/tr.yaml")),
    ("uk", include_str!("../../locales/uk.yaml")),
    ("vi", include_str!("../../locales/vi.yaml")),
    ("zh-Hans", include_str!("../../locales/zh-Hans.yaml")),
];

/// The tags of the built-in locales.
pub fn tags() -> Vec<&'static str> {
    LOCALES.iter().map(|(tag, _)| *tag).collect()
}

/// The built-in locale a tag names: exact (`pt-BR`), else by language (`de-AT` -> `de`,
/// `zh` -> `zh-Hans`). Case does not matter.
pub fn find(tag: &str) -> Option<&'static str> {
    let lower = tag.to_ascii_lowercase().replace('_', "-");
    let exact = LOCALES
        .iter()
        .find(|(t, _)| t.to_ascii_lowercase() == lower);
    let language = || {
        let lang = lower.split('-').next().unwrap_or_default();
        LOCALES
            .iter()
            .find(|(t, _)| t.split('-').next() == Some(lang))
    };
    exact.or_else(language).map(|(t, _)| *t)
}

/// A resolved catalogue: a locale's entries with the content's overrides on top.
#[derive(Debug)]
pub struct Catalog {
    /// The locale's tag (`en`, `pt-BR`).
    pub tag: &'static str,
    entries: BTreeMap<String, LabelText>,
    plurals: Option<PluralRules>,
}

impl Catalog {
    /// The catalogue of `tag` (a built-in locale, else English) with `overrides` on top.
    /// Keys and shapes of the overrides were checked when the content was loaded.
    pub fn new<'a>(
        tag: Option<&str>,
        overrides: impl IntoIterator<Item = (&'a str, &'a LabelText)>,
    ) -> Catalog {
        let tag = tag.and_then(find).unwrap_or("en");
        let mut entries = builtin(tag);
        for (key, text) in overrides {
            match (entries.get_mut(key), text) {
                (Some(LabelText::Forms(forms)), LabelText::Forms(mine)) => {
                    forms.extend(mine.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                _ => {
                    entries.insert(key.to_owned(), text.clone());
                }
            }
        }
        let plurals = icu_locale_core::Locale::try_from_str(tag)
            .ok()
            .and_then(|l| PluralRules::try_new_cardinal(l.into()).ok());
        Catalog {
            tag,
            entries,
            plurals,
        }
    }

    /// A plain label (`experience`, `stack`); empty when the catalogue has none.
    pub fn text(&self, key: &str) -> &str {
        match self.entries.get(key) {
            Some(LabelText::Text(t)) => t,
            _ => "",
        }
    }

    /// An entry as the catalogue has it, whatever its shape.
    pub fn get(&self, key: &str) -> Option<&LabelText> {
        self.entries.get(key)
    }

    /// The text direction: `ltr` or `rtl`.
    pub fn direction(&self) -> &str {
        match self.text("direction") {
            "rtl" => "rtl",
            _ => "ltr",
        }
    }

    /// An open label as printed: a known value's label in this language, else the text
    /// as typed.
    pub fn kind(&self, label: &Label) -> String {
        match self.entries.get("kinds") {
            Some(LabelText::Forms(kinds)) => kinds
                .get(&label.key())
                .cloned()
                .unwrap_or_else(|| label.0.clone()),
            _ => label.0.clone(),
        }
    }

    fn list(&self, key: &str, index: usize) -> String {
        match self.entries.get(key) {
            Some(LabelText::List(items)) => items.get(index).cloned().unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// A date at the precision it was written with (`Mar 2021`, `2021`, `15 Mar 2021`),
    /// or at most `precision` (`year`, `month`).
    pub fn date(&self, d: &Date, precision: Precision) -> String {
        let month = d.month.filter(|_| precision >= Precision::Month);
        let day = d.day.filter(|_| precision >= Precision::Day);
        let pattern = match (month, day) {
            (Some(_), Some(_)) => "date_day",
            (Some(_), None) => "date_month",
            _ => "date_year",
        };
        let m = month.map_or(0, |m| usize::from(m) - 1);
        fill(
            self.text(pattern),
            &[
                ("year", d.year.to_string()),
                ("month", self.list("months", m)),
                ("mon", self.list("months_short", m)),
                ("day", day.map_or(String::new(), |d| d.to_string())),
            ],
        )
    }

    /// `Mar 2021 – present`, `2019 – 2021`, `Mar 2021`.
    pub fn range(
        &self,
        start: Option<&Date>,
        end: Option<&End>,
        precision: Precision,
    ) -> Option<String> {
        let end = end.map(|e| match e {
            End::Date(d) => self.date(d, precision),
            End::Present => self.text("present").to_owned(),
        });
        let start = start.map(|s| self.date(s, precision));
        match (start, end) {
            (Some(s), Some(e)) if s == e => Some(e),
            (Some(s), Some(e)) => Some(fill(self.text("range"), &[("start", s), ("end", e)])),
            (Some(s), None) => Some(fill(
                self.text("range"),
                &[("start", s), ("end", self.text("present").to_owned())],
            )),
            (None, Some(e)) => Some(e),
            (None, None) => None,
        }
    }

    /// `3 yrs 2 mos`, `11 mos`, `1 yr`, in this language's units and plural forms.
    pub fn duration(&self, months: i64) -> String {
        let (y, m) = (months / 12, months % 12);
        let part = |n: i64, key: &str| (n > 0).then(|| self.count(n, key));
        [part(y, "years"), part(m, "months_count")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `n` with its unit in the plural form the language uses for it.
    fn count(&self, n: i64, key: &str) -> String {
        let category = self
            .plurals
            .as_ref()
            .map_or(PluralCategory::Other, |p| p.category_for(n as usize));
        let name = match category {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        };
        let pattern = match self.entries.get(key) {
            Some(LabelText::Forms(forms)) => forms
                .get(name)
                .or_else(|| forms.get("other"))
                .cloned()
                .unwrap_or_default(),
            Some(LabelText::Text(t)) => t.clone(),
            _ => String::new(),
        };
        fill(&pattern, &[("n", n.to_string())])
    }

    /// Every plain label, for templates (`data.labels`).
    pub fn labels(&self) -> Value {
        let map: serde_json::Map<String, Value> = self
            .entries
            .iter()
            .filter_map(|(k, v)| match v {
                LabelText::Text(t) => Some((k.clone(), json!(t))),
                _ => None,
            })
            .collect();
        Value::Object(map)
    }

    /// The keys and shapes a catalogue has: English's, the reference.
    pub fn reference() -> &'static BTreeMap<String, LabelText> {
        static REFERENCE: std::sync::OnceLock<BTreeMap<String, LabelText>> =
            std::sync::OnceLock::new();
        REFERENCE.get_or_init(|| builtin("en"))
    }
}

/// How precisely dates are printed: at most to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// `{name}` placeholders filled in.
fn fill(pattern: &str, values: &[(&str, String)]) -> String {
    let mut out = pattern.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A built-in catalogue's entries. The files are ours and checked by a test, so a
/// malformed one is a bug.
fn builtin(tag: &str) -> BTreeMap<String, LabelText> {
    let text = LOCALES
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or(LOCALES[0].1, |(_, text)| text);
    let Ok(Some(root)) = yaml::parse(text, u32::MAX) else {
        unreachable!("the built-in catalogue `{tag}` is valid YAML")
    };
    let Value::Object(map) = root.to_json_text() else {
        unreachable!("the built-in catalogue `{tag}` is a mapping")
    };
    map.into_iter()
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => LabelText::Text(s),
                Value::Array(items) => LabelText::List(
                    items
                        .into_iter()
                        .map(|i| i.as_str().unwrap_or_default().to_owned())
                        .collect(),
                ),
                Value::Object(forms) => LabelText::Forms(
                    forms
                        .into_iter()
                        .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_owned()))
                        .collect(),
                ),
                other => LabelText::Text(other.to_string()),
            };
            (k, text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn every_catalogue_has_the_reference_keys_and_shapes() {
        let reference = Catalog::reference();
        for (tag, _) in LOCALES {
            let entries = builtin(tag);
            for (key, value) in reference {
                let Some(mine) = entries.get(key) else {
                    panic!("`{tag}` lacks `{key}`")
                };
                let same = matches!(
                    (value, mine),
                    (LabelText::Text(_), LabelText::Text(_))
                        | (LabelText::List(_), LabelText::List(_))
                        | (LabelText::Forms(_), LabelText::Forms(_))
                );
                assert!(same, "`{tag}`: `{key}` has another shape than in `en`");
                if let (LabelText::Forms(a), LabelText::Forms(b)) = (value, mine)
                    && key == "kinds"
                {
                    let a: Vec<_> = a.keys().collect();
                    let b: Vec<_> = b.keys().collect();
                    assert_eq!(a, b, "`{tag}`: kinds differ");
                }
                if let LabelText::List(items) = mine {
                    assert_eq!(items.len(), 12, "`{tag}`: `{key}` needs 12 months");
                }
            }
            let extra: Vec<_> = entries
                .keys()
                .filter(|k| !reference.contains_key(*k))
                .collect();
            assert!(
                extra.is_empty(),
                "`{tag}` has keys English lacks: {extra:?}"
            );
        }
    }

    #[test]
    fn dates_and_durations_read_per_language() {
        let en = Catalog::new(None, []);
        assert_eq!(en.date(&date("2021-03"), Precision::Day), "Mar 2021");
        assert_eq!(en.date(&date("2021-03-15"), Precision::Day), "15 Mar 2021");
        assert_eq!(en.date(&date("2021-03-15"), Precision::Month), "Mar 2021");
        assert_eq!(en.duration(26), "2 yrs 2 mos");
        assert_eq!(en.duration(13), "1 yr 1 mo");
        let present = End::Present;
        assert_eq!(
            en.range(Some(&date("2021-03")), Some(&present), Precision::Day)
                .unwrap(),
            "Mar 2021 – present"
        );
        let de = Catalog::new(Some("de-AT"), []);
        assert_eq!(de.tag, "de");
        assert_eq!(de.date(&date("2021-03-05"), Precision::Day), "5. März 2021");
        let pl = Catalog::new(Some("pl"), []);
        // Polish: 2 is "few", 5 is "many".
        assert_ne!(pl.count(2, "years"), pl.count(5, "years").replace('5', "2"));
        let zh = Catalog::new(Some("zh"), []);
        assert_eq!(zh.tag, "zh-Hans");
    }

    #[test]
    fn overrides_win_and_kinds_merge() {
        let mut kinds = BTreeMap::new();
        kinds.insert("mvp".to_owned(), "Minimum viable product".to_owned());
        let stack = LabelText::Text("Built with".into());
        let kinds = LabelText::Forms(kinds);
        let c = Catalog::new(None, [("stack", &stack), ("kinds", &kinds)]);
        assert_eq!(c.text("stack"), "Built with");
        assert_eq!(c.kind(&Label("MVP".into())), "Minimum viable product");
        assert_eq!(c.kind(&Label("Tool".into())), "Tool");
        assert_eq!(
            c.kind(&Label("MVP / SaaS foundation".into())),
            "MVP / SaaS foundation"
        );
    }
}
