//! The one-page CV's data.

use serde_json::{Value, json};

use super::{
    BuildInfo, certification, design, education, language, links, meta, person_data, range_text,
    role, skill_group, texts, writing,
};
use crate::model::Content;
use crate::model::rules::Rules;
use crate::select::Selection;

/// What the CV shows when a profile does not say: entries per section, bullets per entry.
const CV_DEFAULT_MAX: &[(&str, usize)] = &[("experience", 4), ("projects", 4)];
const CV_DEFAULT_BULLETS: usize = 4;

/// How many entries of a section a document shows at most, if it limits them.
pub fn document_max(rules: &Rules, document: &str, section: &str) -> Option<usize> {
    let set = rules
        .documents
        .get(document)
        .and_then(|d| d.max.get(section).copied());
    let default = || match document {
        "cv" => CV_DEFAULT_MAX
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, n)| *n),
        _ => None,
    };
    set.or_else(default)
}

/// The data for the one-page CV.
pub fn cv(sel: &Selection, content: &Content, info: &BuildInfo) -> Value {
    let mut data = cv_data(sel, content, info);
    nonempty_sections(&mut data);
    data
}

fn cv_data(sel: &Selection, content: &Content, info: &BuildInfo) -> Value {
    let person = &content.person;
    let doc = sel.rules.documents.get(info.document);
    let max = |section: &str| document_max(sel.rules, info.document, section).unwrap_or(usize::MAX);
    let bullets = doc.and_then(|d| d.bullets).unwrap_or(CV_DEFAULT_BULLETS);
    json!({
        "document": info.document,
        "sections": doc.map(|d| d.sections.clone()).unwrap_or_default(),
        "meta": meta(sel, person, info, "CV"),
        "design": design(sel, content, info),
        "profile": { "name": sel.rules.name, "description": sel.rules.description },
        "person": person_data(sel, person, info),
        "experience": sel.experience.shown.iter().take(max("experience")).map(|r| role(r, sel, info, bullets)).collect::<Vec<_>>(),
        "projects": sel.projects.shown.iter().take(max("projects")).map(|p| {
            let project = p.entry;
            json!({
                "id": project.id.value,
                "title": project.title,
                "classification": project.classification.label(),
                "tagline": project.tagline,
                "role": project.role,
                "dates": range_text(project.start.as_ref().map(|s| &s.value), project.end.as_ref()),
                "highlights": texts(&p.top_bullets(2)),
                "stack": project.stack,
                "links": links(&project.links),
            })
        }).collect::<Vec<_>>(),
        "skills": sel.skills.shown.iter().take(max("skills")).map(|s| skill_group(s.entry)).collect::<Vec<_>>(),
        "education": sel.education.shown.iter().take(max("education")).map(|e| education(e, 2)).collect::<Vec<_>>(),
        "certifications": sel.certifications.shown.iter().take(max("certifications")).map(|c| certification(c.entry)).collect::<Vec<_>>(),
        "writing": sel.writing.shown.iter().take(max("writing")).map(|w| writing(w.entry)).collect::<Vec<_>>(),
        "languages": person.languages.iter().map(language).collect::<Vec<_>>(),
    })
}

/// Keeps the sections that have something to show, so that no heading stands alone.
pub(super) fn nonempty_sections(data: &mut Value) {
    let keep: Vec<Value> = data["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|name| {
            let name = name.as_str().unwrap_or_default();
            let value = if name == "summary" {
                &data["person"]["summary"]
            } else {
                &data[name]
            };
            value.as_array().is_some_and(|v| !v.is_empty())
        })
        .cloned()
        .collect();
    data["sections"] = Value::Array(keep);
}
