//! Checks of a `design` (the content's, or a profile's): the locale exists, label
//! overrides name keys of the catalogue and have their shape, chips name documents.

use crate::diagnostic::Diag;
use crate::locale::{self, Catalog};
use crate::model::{DOCUMENTS, Design, LabelText, normalise};
use crate::suggest::{did_you_mean, quoted};

const PLURAL_FORMS: &[&str] = &["zero", "one", "two", "few", "many", "other"];

pub fn check(design: &Design, diags: &mut Vec<Diag>) {
    if let Some(tag) = &design.locale
        && locale::find(tag).is_none()
    {
        let tags = locale::tags();
        let diag = Diag::error(format!("there is no built-in locale `{}`", tag.value)).at(tag.span);
        diags.push(match did_you_mean(tag, &tags) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None => diag.hint(format!(
                "built in: {}; for another language, pick the closest and rename every label with `labels:`",
                quoted(&tags)
            )),
        });
    }
    let reference = Catalog::reference();
    let keys: Vec<&str> = reference.keys().map(String::as_str).collect();
    for (key, text) in &design.labels {
        let Some(shape) = reference.get(key.as_str()) else {
            let diag = Diag::error(format!("there is no label `{}`", key.value)).at(key.span);
            diags.push(match did_you_mean(key, &keys) {
                Some(s) => diag.hint(format!("did you mean `{s}`?")),
                None => diag.hint("the labels are the keys of `locales/en.yaml` in the resume repository; a section's title can also be set with `sections: [{id: ..., title: ...}]`"),
            });
            continue;
        };
        let problem = match (shape, &text.value) {
            (LabelText::Text(_), LabelText::Text(_)) => None,
            (LabelText::Text(_), _) => Some("a text".to_owned()),
            (LabelText::List(_), LabelText::List(items)) if items.len() == 12 => None,
            (LabelText::List(_), _) => Some("a list of the 12 month names".to_owned()),
            (LabelText::Forms(_), LabelText::Forms(forms)) if key.as_str() == "kinds" => {
                forms.keys().find(|k| normalise(k) != **k).map(|k| {
                    format!(
                        "kinds by their normalised name (`{}`, not `{k}`)",
                        normalise(k)
                    )
                })
            }
            (LabelText::Forms(_), LabelText::Forms(forms)) => forms
                .keys()
                .find(|k| !PLURAL_FORMS.contains(&k.as_str()))
                .map(|_| format!("plural forms by category: {}", quoted(PLURAL_FORMS))),
            (LabelText::Forms(_), _) if key.as_str() == "kinds" => {
                Some("kinds with their labels: `{mvp: Minimum viable product}`".to_owned())
            }
            (LabelText::Forms(_), _) => Some(
                "plural forms by category, for example `{one: \"{n} yr\", other: \"{n} yrs\"}`"
                    .to_owned(),
            ),
        };
        if let Some(expected) = problem {
            diags.push(
                Diag::error(format!("the label `{}` takes {expected}", key.value)).at(text.span),
            );
        }
    }
    if let Some(pattern) = &design.file_names
        && let Err(why) = crate::cmd::names::check(pattern)
    {
        diags.push(
            Diag::error(format!("the file name pattern `{}` {why}", pattern.value))
                .at(pattern.span)
                .hint("for example `file_names: \"{name}-{document}\"` (the default) or `\"{name}-{profile}-{document}-{date}\"`"),
        );
    }
    let documents: Vec<&str> = DOCUMENTS.iter().map(|d| d.name).collect();
    for doc in design.chips.iter().flatten() {
        if !documents.contains(&doc.as_str()) {
            let diag = Diag::error(format!("there is no document `{}`", doc.value)).at(doc.span);
            diags.push(match did_you_mean(doc, &documents) {
                Some(s) => diag.hint(format!("did you mean `{s}`?")),
                None => diag.hint(format!("the documents are {}", quoted(&documents))),
            });
        }
    }
}
