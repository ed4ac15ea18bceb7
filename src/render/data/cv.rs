//! The one-page CV's data.

use serde_json::{Value, json};

use super::{
    BuildInfo, certification, document, education, language, links, range_text, rich, role,
    skill_group, texts, writing,
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

/// The data for the one-page CV, as selected (before any fitting).
pub fn cv(sel: &Selection, content: &Content, info: &BuildInfo) -> Value {
    cv_draft(sel, content, info).apply(0, 0)
}

/// Bullets each role keeps however tight the page.
const MIN_BULLETS: usize = 2;

/// Sections whose entries may go to make the CV fit, least important first, with the
/// name of one entry and how many always stay.
const DROP_SECTIONS: &[(&str, &str, usize)] = &[
    ("certifications", "certification", 0),
    ("writing", "piece of writing", 0),
    ("projects", "project", 0),
    ("education", "education entry", 1),
    ("skills", "skill group", 2),
    ("experience", "role", 1),
];

/// The CV's data and the order in which its parts may go to make it fit: first the
/// lowest-priority bullets (each role keeps `MIN_BULLETS`), then the lowest-priority
/// entries of the least important sections. Ties go to the older entry, the later bullet.
pub struct CvDraft {
    pub data: Value,
    pub removals: Vec<Removal>,
}

#[derive(Debug, Clone)]
pub struct Removal {
    pub section: &'static str,
    /// `role`, `project`...
    pub what: &'static str,
    /// The entry's id, or its name where it has none.
    pub name: String,
    pub entry: usize,
    /// `Some` for a bullet of the entry, `None` for the entry itself.
    pub bullet: Option<usize>,
    pub priority: i32,
}

pub fn cv_draft(sel: &Selection, content: &Content, info: &BuildInfo) -> CvDraft {
    let data = cv_data(sel, content, info);
    let max = |section: &str| document_max(sel.rules, info.document, section).unwrap_or(usize::MAX);
    let shown = |section: &str| data[section].as_array().map_or(0, Vec::len);
    let mut removals = Vec::new();

    // Bullets, lowest priority first, beyond the few every role keeps.
    let bullets = sel
        .rules
        .documents
        .get(info.document)
        .and_then(|d| d.bullets)
        .unwrap_or(CV_DEFAULT_BULLETS);
    let mut candidates = Vec::new();
    for (entry, role) in sel
        .experience
        .shown
        .iter()
        .take(max("experience"))
        .enumerate()
    {
        let printed = role.top_bullets(bullets);
        let mut ranked: Vec<usize> = (0..printed.len()).collect();
        ranked.sort_by_key(|&i| std::cmp::Reverse(printed[i].priority));
        for &bullet in ranked.iter().skip(MIN_BULLETS) {
            candidates.push(Removal {
                section: "experience",
                what: "role",
                name: role.entry.id.value.clone(),
                entry,
                bullet: Some(bullet),
                priority: printed[bullet].priority,
            });
        }
    }
    candidates.sort_by_key(|r| {
        (
            r.priority,
            std::cmp::Reverse(r.entry),
            std::cmp::Reverse(r.bullet),
        )
    });
    removals.extend(candidates);

    // Whole entries, least important section first.
    for &(section, what, keep) in DROP_SECTIONS {
        let entries: Vec<(String, i32)> = match section {
            "certifications" => names(&sel.certifications.shown),
            "writing" => names(&sel.writing.shown),
            "projects" => names(&sel.projects.shown),
            "education" => names(&sel.education.shown),
            "skills" => names(&sel.skills.shown),
            _ => names(&sel.experience.shown),
        };
        let count = shown(section).min(entries.len());
        let mut ranked: Vec<usize> = (0..count).collect();
        ranked.sort_by_key(|&i| std::cmp::Reverse(entries[i].1));
        let mut candidates: Vec<Removal> = ranked
            .into_iter()
            .skip(keep)
            .map(|entry| Removal {
                section,
                what,
                name: entries[entry].0.clone(),
                entry,
                bullet: None,
                priority: entries[entry].1,
            })
            .collect();
        candidates.sort_by_key(|r| (r.priority, std::cmp::Reverse(r.entry)));
        removals.extend(candidates);
    }
    CvDraft { data, removals }
}

/// Each shown entry's name (id, or label) and priority, in printed order.
fn names<T: crate::select::Entry>(shown: &[crate::select::Chosen<T>]) -> Vec<(String, i32)> {
    shown
        .iter()
        .map(|c| {
            (
                c.entry.id().map_or_else(|| c.entry.label(), str::to_owned),
                c.entry.priority(),
            )
        })
        .collect()
}

impl CvDraft {
    /// The data with the first `drop` removals made, spacing tightened `tighten` steps.
    pub fn apply(&self, drop: usize, tighten: u8) -> Value {
        let gone = &self.removals[..drop.min(self.removals.len())];
        let mut data = self.data.clone();
        for section in DROP_SECTIONS.iter().map(|(s, _, _)| *s) {
            let Some(entries) = data[section].as_array_mut() else {
                continue;
            };
            let mut index = 0;
            entries.retain_mut(|entry| {
                let i = index;
                index += 1;
                let bullets: Vec<usize> = gone
                    .iter()
                    .filter(|r| r.section == section && r.entry == i)
                    .filter_map(|r| r.bullet)
                    .collect();
                if let Some(highlights) = entry["highlights"].as_array_mut() {
                    let mut j = 0;
                    highlights.retain(|_| {
                        j += 1;
                        !bullets.contains(&(j - 1))
                    });
                }
                !gone
                    .iter()
                    .any(|r| r.section == section && r.entry == i && r.bullet.is_none())
            });
        }
        data["fit"] = json!({ "tighten": tighten });
        nonempty_sections(&mut data);
        data
    }
}

fn cv_data(sel: &Selection, content: &Content, info: &BuildInfo) -> Value {
    let person = &content.person;
    let doc = sel.rules.documents.get(info.document);
    let max = |section: &str| document_max(sel.rules, info.document, section).unwrap_or(usize::MAX);
    let bullets = doc.and_then(|d| d.bullets).unwrap_or(CV_DEFAULT_BULLETS);
    document(
        sel,
        content,
        info,
        &format!("{} — CV", person.name),
        json!({
            "sections": doc.map(|d| d.sections.clone()).unwrap_or_default(),
            "profile": { "name": sel.rules.name, "description": sel.rules.description },
            "experience": sel.experience.shown.iter().take(max("experience")).map(|r| role(r, sel, info, bullets)).collect::<Vec<_>>(),
            "projects": sel.projects.shown.iter().take(max("projects")).map(|p| {
                let project = p.entry;
                json!({
                    "id": project.id.value,
                    "title": project.title,
                    "classification": project.classification.label(),
                    "tagline": rich(&project.tagline),
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
        }),
    )
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
