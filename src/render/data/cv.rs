//! The one-page CV's data, and the order in which its parts may go to make it fit.

use serde_json::{Value, json};

use super::{BuildInfo, Ctx, texts};
use crate::model::Content;
use crate::model::rules::Rules;
use crate::select::{Chosen, Entry, Selection};

/// What the CV shows when a profile does not say: entries per section, bullets per entry.
const CV_DEFAULT_MAX: &[(&str, usize)] = &[("experience", 4), ("projects", 4), ("volunteer", 2)];
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
/// name of one entry and how many always stay. Sections not named here (generic ones the
/// profile lists itself) go before all of these.
const DROP_SECTIONS: &[(&str, &str, usize)] = &[
    ("certifications", "certification", 0),
    ("writing", "piece of writing", 0),
    ("volunteer", "volunteer role", 0),
    ("projects", "project", 0),
    ("education", "education entry", 1),
    ("skills", "skill group", 2),
    ("experience", "role", 1),
];

/// The CV's data and the order in which its parts may go to make it fit: first the
/// sections shown only while there is room (the profile did not list them), then the
/// lowest-priority bullets (each role keeps `MIN_BULLETS`), then the lowest-priority
/// entries of the least important sections. Ties go to the older entry, the later bullet.
pub struct CvDraft {
    pub data: Value,
    pub removals: Vec<Removal>,
}

#[derive(Debug, Clone)]
pub struct Removal {
    pub section: String,
    /// `role`, `project`...
    pub what: String,
    /// The entry's id, or its name where it has none.
    pub name: String,
    pub entry: usize,
    /// `Some` for a bullet of the entry, `None` for the entry itself.
    pub bullet: Option<usize>,
    pub priority: i32,
    /// In a section the profile did not list, shown only while there is room.
    pub optional: bool,
}

pub fn cv_draft(sel: &Selection, content: &Content, info: &BuildInfo) -> CvDraft {
    let ctx = Ctx::new(sel, content, info);
    let data = cv_data(&ctx);
    let doc = sel.rules.documents.get(info.document);
    let extra: &[String] = doc.map_or(&[], |d| &d.extra);
    let printed = |section: &str| -> Vec<(String, i32)> {
        let shown = entries(&data, section).map_or(0, Vec::len);
        let mut names = names_of(sel, section);
        names.truncate(shown);
        names
    };
    let mut removals = Vec::new();

    // Sections shown while there is room, the last listed first, each entry by priority.
    for section in extra.iter().rev() {
        let names = printed(section);
        let mut candidates: Vec<Removal> = names
            .iter()
            .enumerate()
            .map(|(entry, (name, priority))| Removal {
                section: section.clone(),
                what: what(section),
                name: name.clone(),
                entry,
                bullet: None,
                priority: *priority,
                optional: true,
            })
            .collect();
        candidates.sort_by_key(|r| (r.priority, std::cmp::Reverse(r.entry)));
        removals.extend(candidates);
    }

    // Bullets, lowest priority first, beyond the few every role keeps.
    let bullets = doc.and_then(|d| d.bullets).unwrap_or(CV_DEFAULT_BULLETS);
    let shown_roles = entries(&data, "experience").map_or(0, Vec::len);
    let mut candidates = Vec::new();
    for (entry, role) in sel.experience.shown.iter().take(shown_roles).enumerate() {
        let printed = role.top_bullets(bullets);
        let mut ranked: Vec<usize> = (0..printed.len()).collect();
        ranked.sort_by_key(|&i| std::cmp::Reverse(printed[i].priority));
        for &bullet in ranked.iter().skip(MIN_BULLETS) {
            candidates.push(Removal {
                section: "experience".to_owned(),
                what: "role".to_owned(),
                name: role.entry.id.value.clone(),
                entry,
                bullet: Some(bullet),
                priority: printed[bullet].priority,
                optional: false,
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

    // Whole entries: generic sections the profile listed, then the least important
    // built-in section first.
    let listed = doc.map_or(&[][..], |d| &d.sections[..]);
    let generic = listed
        .iter()
        .filter(|s| !extra.contains(s) && sel.list(s).is_some())
        .map(|s| (s.as_str(), 0));
    let built: Vec<(&str, usize)> = DROP_SECTIONS
        .iter()
        .filter(|(s, _, _)| !extra.iter().any(|e| e == s))
        .map(|(s, _, keep)| (*s, *keep))
        .collect();
    for (section, keep) in generic.chain(built) {
        let names = printed(section);
        let mut ranked: Vec<usize> = (0..names.len()).collect();
        ranked.sort_by_key(|&i| std::cmp::Reverse(names[i].1));
        let mut candidates: Vec<Removal> = ranked
            .into_iter()
            .skip(keep)
            .map(|entry| Removal {
                section: section.to_owned(),
                what: what(section),
                name: names[entry].0.clone(),
                entry,
                bullet: None,
                priority: names[entry].1,
                optional: false,
            })
            .collect();
        candidates.sort_by_key(|r| (r.priority, std::cmp::Reverse(r.entry)));
        removals.extend(candidates);
    }
    CvDraft { data, removals }
}

/// What one entry of a section is called in a message.
fn what(section: &str) -> String {
    DROP_SECTIONS
        .iter()
        .find(|(s, _, _)| *s == section)
        .map_or_else(
            || format!("entry of `{section}`"),
            |(_, what, _)| (*what).to_owned(),
        )
}

/// Each shown entry's name (id, or label) and priority, in printed order.
fn names_of(sel: &Selection, section: &str) -> Vec<(String, i32)> {
    fn names<T: Entry>(shown: &[Chosen<T>]) -> Vec<(String, i32)> {
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
    match section {
        "experience" => names(&sel.experience.shown),
        "volunteer" => names(&sel.volunteer.shown),
        "projects" => names(&sel.projects.shown),
        "skills" => names(&sel.skills.shown),
        "education" => names(&sel.education.shown),
        "certifications" => names(&sel.certifications.shown),
        "writing" => names(&sel.writing.shown),
        other => sel.list(other).map(|s| names(&s.shown)).unwrap_or_default(),
    }
}

/// A section's entries in a document's data: its list, or a generic section's `entries`.
pub(super) fn entries<'v>(data: &'v Value, section: &str) -> Option<&'v Vec<Value>> {
    let value = &data[section];
    match value {
        Value::Array(items) => Some(items),
        Value::Object(map) => map.get("entries").and_then(Value::as_array),
        _ => None,
    }
}

fn entries_mut<'v>(data: &'v mut Value, section: &str) -> Option<&'v mut Vec<Value>> {
    let value = &mut data[section];
    match value {
        Value::Array(items) => Some(items),
        Value::Object(map) => map.get_mut("entries").and_then(Value::as_array_mut),
        _ => None,
    }
}

impl CvDraft {
    /// The data with the first `drop` removals made, spacing tightened `tighten` steps.
    pub fn apply(&self, drop: usize, tighten: u8) -> Value {
        let gone = &self.removals[..drop.min(self.removals.len())];
        let mut data = self.data.clone();
        let mut sections: Vec<&str> = gone.iter().map(|r| r.section.as_str()).collect();
        sections.dedup();
        for section in sections {
            let Some(entries) = entries_mut(&mut data, section) else {
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

fn cv_data(ctx: &Ctx) -> Value {
    let (sel, info) = (ctx.sel, ctx.info);
    let person = &ctx.content.person;
    let doc = sel.rules.documents.get(info.document);
    let max = |section: &str| document_max(sel.rules, info.document, section).unwrap_or(usize::MAX);
    let bullets = doc.and_then(|d| d.bullets).unwrap_or(CV_DEFAULT_BULLETS);
    let mut fields = json!({
        "sections": doc.map(|d| d.sections.clone()).unwrap_or_default(),
        "profile": { "name": sel.rules.name, "description": sel.rules.description },
        "experience": sel.experience.shown.iter().take(max("experience")).map(|r| ctx.role(r, bullets)).collect::<Vec<_>>(),
        "volunteer": sel.volunteer.shown.iter().take(max("volunteer")).map(|r| ctx.role(r, 2)).collect::<Vec<_>>(),
        "projects": sel.projects.shown.iter().take(max("projects")).map(|p| {
            let mut head = ctx.project_head(p.entry);
            head["highlights"] = json!(texts(&p.top_bullets(2)));
            head
        }).collect::<Vec<_>>(),
        "skills": sel.skills.shown.iter().take(max("skills")).map(|s| super::portfolio::skill_group(s.entry)).collect::<Vec<_>>(),
        "education": sel.education.shown.iter().take(max("education")).map(|e| ctx.education(e, 2)).collect::<Vec<_>>(),
        "certifications": sel.certifications.shown.iter().take(max("certifications")).map(|c| ctx.certification(c.entry)).collect::<Vec<_>>(),
        "writing": sel.writing.shown.iter().take(max("writing")).map(|w| ctx.writing(w.entry)).collect::<Vec<_>>(),
        "languages": person.languages.iter().map(super::portfolio::language).collect::<Vec<_>>(),
    });
    if let Value::Object(map) = &mut fields {
        map.extend(ctx.lists(max));
    }
    // Spoken languages sit with the skills unless the profile gives them a section; with
    // no skills to sit with, they get their own.
    let listed = |name: &str| {
        fields["sections"]
            .as_array()
            .is_some_and(|s| s.iter().any(|x| x == name))
    };
    let skills = fields["skills"].as_array().is_some_and(|s| !s.is_empty());
    let with_skills = skills && listed("skills");
    let needs_section = !person.languages.is_empty() && !listed("languages") && !with_skills;
    if needs_section && let Some(sections) = fields["sections"].as_array_mut() {
        sections.push(json!("languages"));
    }
    ctx.document(&format!("{} — {}", person.name, ctx.cat.text("cv")), fields)
}

/// Keeps the sections that have something to show, so that no heading stands alone.
pub(super) fn nonempty_sections(data: &mut Value) {
    let keep: Vec<Value> = data["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|name| {
            let name = name.as_str().unwrap_or_default();
            if name == "summary" {
                return data["person"]["summary"]
                    .as_array()
                    .is_some_and(|v| !v.is_empty());
            }
            entries(data, name).is_some_and(|v| !v.is_empty())
        })
        .cloned()
        .collect();
    data["sections"] = Value::Array(keep);
}
