//! The portfolio's data: the selected systems in full, experience with its narratives,
//! principles, explorations and an index of case studies.

use serde_json::{Value, json};

use super::cv::nonempty_sections;
use super::{
    BuildInfo, case_study_head, certification, document, education, language, links, metric,
    paragraphs, project_full, rich, role, skill_group, writing,
};
use crate::model::Content;
use crate::select::Selection;

pub fn portfolio(sel: &Selection, content: &Content, info: &BuildInfo) -> Value {
    let person = &content.person;
    let doc = sel.rules.documents.get(info.document);
    let max = |section: &str| {
        doc.and_then(|d| d.max.get(section).copied())
            .unwrap_or(usize::MAX)
    };
    let bullets = doc.and_then(|d| d.bullets).unwrap_or(usize::MAX);
    // Which selected case studies get a handout of their own (those of a selected project).
    let handout = |project: Option<&str>| {
        project.is_some_and(|p| sel.projects.shown.iter().any(|c| c.entry.id.value == p))
    };
    let mut data = document(
        sel,
        content,
        info,
        &format!("{} — Portfolio", person.name),
        json!({
            "sections": doc.map(|d| d.sections.clone()).unwrap_or_default(),
            "profile": { "name": sel.rules.name, "description": sel.rules.description },
            "metrics": sel.metrics.shown.iter().take(max("metrics")).map(|m| metric(m.entry)).collect::<Vec<_>>(),
            "projects": sel.projects.shown.iter().take(max("projects")).map(|p| project_full(p, sel, content, info)).collect::<Vec<_>>(),
            "experience": sel.experience.shown.iter().take(max("experience")).map(|r| role(r, sel, info, bullets)).collect::<Vec<_>>(),
            "principles": sel.principles.shown.iter().take(max("principles")).map(|p| json!({
                "title": p.entry.title,
                "paragraphs": paragraphs(&p.entry.text),
            })).collect::<Vec<_>>(),
            "explorations": sel.explorations.shown.iter().take(max("explorations")).map(|e| json!({
                "topic": e.entry.topic,
                "description": rich(&e.entry.description),
            })).collect::<Vec<_>>(),
            "case_studies": sel.case_studies.shown.iter().take(max("case_studies")).map(|c| {
                let s = c.entry;
                let project = s.project.as_ref().and_then(|p| content.projects.iter().find(|x| x.id.value == p.value));
                let mut entry = case_study_head(s);
                entry["project"] = json!(project.map(|p| json!({ "id": p.id.value, "title": p.title })));
                entry["handout"] = json!(handout(s.project.as_ref().map(|p| p.value.as_str())));
                entry
            }).collect::<Vec<_>>(),
            "writing": sel.writing.shown.iter().take(max("writing")).map(|w| writing(w.entry)).collect::<Vec<_>>(),
            "skills": sel.skills.shown.iter().take(max("skills")).map(|s| skill_group(s.entry)).collect::<Vec<_>>(),
            "education": sel.education.shown.iter().take(max("education")).map(|e| education(e, bullets)).collect::<Vec<_>>(),
            "certifications": sel.certifications.shown.iter().take(max("certifications")).map(|c| certification(c.entry)).collect::<Vec<_>>(),
            "languages": person.languages.iter().map(language).collect::<Vec<_>>(),
            "links": links(&person.contact.links),
        }),
    );
    nonempty_sections(&mut data);
    data
}
