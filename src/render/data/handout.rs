//! The case-study handouts: one per selected project, and one per selected case study
//! that belongs to a selected project. Each reads on its own, so it carries the author's
//! name and contact.

use serde_json::{Value, json};

use super::{
    BuildInfo, case_study_head, document, figures, links, project_full, rich, section_data,
};
use crate::model::Content;
use crate::select::Selection;

/// One handout: its id (the file name) and its data.
pub struct Handout {
    pub id: String,
    pub data: Value,
}

/// The handouts of a selection; with `only`, just those ids.
pub fn handouts(
    sel: &Selection,
    content: &Content,
    info: &BuildInfo,
    only: &[String],
) -> Vec<Handout> {
    let doc = sel.rules.documents.get(info.document);
    let sections = doc.map(|d| d.sections.clone()).unwrap_or_default();
    let max = |section: &str| {
        doc.and_then(|d| d.max.get(section).copied())
            .unwrap_or(usize::MAX)
    };
    let wanted = |id: &str| only.is_empty() || only.iter().any(|o| o == id);
    let person = &content.person;
    let mut out = Vec::new();

    if sections.iter().any(|s| s == "projects") {
        for p in sel
            .projects
            .shown
            .iter()
            .take(max("projects"))
            .filter(|p| wanted(&p.entry.id))
        {
            let project = project_full(p, sel, content, info);
            let related: Vec<Value> = sel
                .case_studies
                .shown
                .iter()
                .filter(|c| c.entry.project.as_ref().is_some_and(|id| id.value == p.entry.id.value))
                .map(|c| json!({ "id": c.entry.id.value, "title": c.entry.title, "kind": c.entry.kind.label() }))
                .collect();
            let title = format!("{} — {}", person.name, p.entry.title);
            out.push(Handout {
                id: p.entry.id.value.clone(),
                data: document(
                    sel,
                    content,
                    info,
                    &title,
                    json!({
                        "kind": "project",
                        "project": project,
                        "related": related,
                    }),
                ),
            });
        }
    }

    if sections.iter().any(|s| s == "case_studies") {
        let of_selected = |c: &&crate::select::Chosen<crate::model::CaseStudy>| {
            c.entry.project.as_ref().is_some_and(|p| {
                sel.projects
                    .shown
                    .iter()
                    .any(|x| x.entry.id.value == p.value)
            })
        };
        for c in sel
            .case_studies
            .shown
            .iter()
            .filter(of_selected)
            .take(max("case_studies"))
            .filter(|c| wanted(&c.entry.id))
        {
            let s = c.entry;
            let project = s
                .project
                .as_ref()
                .and_then(|p| content.projects.iter().find(|x| x.id.value == p.value));
            let title = format!("{} — {}", person.name, s.title);
            let mut case_study = case_study_head(s);
            case_study["sections"] = json!(
                s.sections
                    .iter()
                    .map(|x| section_data(x, sel))
                    .collect::<Vec<_>>()
            );
            case_study["figures"] = json!(figures(&s.figures, info));
            case_study["project"] = json!(project.map(|p| {
                json!({ "id": p.id.value, "title": p.title, "tagline": rich(&p.tagline), "stack": p.stack, "links": links(&p.links) })
            }));
            out.push(Handout {
                id: s.id.value.clone(),
                data: document(
                    sel,
                    content,
                    info,
                    &title,
                    json!({
                        "kind": "case-study",
                        "case_study": case_study,
                    }),
                ),
            });
        }
    }
    out
}
