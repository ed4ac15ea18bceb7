//! The one-page CV's data, and the order in which its parts may go to make it fit.
//!
//! The fitting works both ways. The data holds everything the profile allows: beyond
//! what the CV shows by default (four roles of four bullets, four projects of one line
//! each...) it has the rest, marked as shown only while there is room. The first
//! removals take that back out, so the fitting, which finds the fewest removals that
//! fit the page, fills a short CV with what the defaults left out and shortens a long
//! one by priority.

use serde_json::{Value, json};

use super::{BuildInfo, Ctx, texts};
use crate::model::Content;
use crate::model::rules::Rules;
use crate::select::{Chosen, Entry, Selection};

/// What the CV shows when a profile does not say: entries per section, bullets per entry.
/// More is added while there is room.
const CV_DEFAULT_MAX: &[(&str, usize)] = &[("experience", 4), ("projects", 4), ("volunteer", 2)];
const CV_DEFAULT_BULLETS: usize = 4;
/// Bullets of a volunteer role or a degree the CV shows by default.
const CV_DEFAULT_DETAILS: usize = 2;

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
#[derive(Clone)]
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
    /// Beyond what the CV shows by default: added while there is room, and not reported
    /// when there is none.
    pub bonus: bool,
}

pub fn cv_draft(sel: &Selection, content: &Content, info: &BuildInfo) -> CvDraft {
    let ctx = Ctx::new(sel, content, info);
    let data = cv_data(&ctx);
    let doc = sel.rules.documents.get(info.document);
    let extra: &[String] = doc.map_or(&[], |d| &d.extra);
    // The entries shown by default: those past a default cap are bonus removals.
    let printed = |section: &str| -> Vec<(String, i32)> {
        let mut names = names_of(sel, section);
        names.truncate(shown_by_default(&data, sel.rules, section));
        names
    };
    let mut removals = bonus_removals(sel, &data, doc);

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
                bonus: false,
            })
            .collect();
        candidates.sort_by_key(|r| (r.priority, std::cmp::Reverse(r.entry)));
        removals.extend(candidates);
    }

    // Bullets, lowest priority first, beyond the few every role keeps (and within what
    // the CV shows by default).
    let role_bullets = doc.and_then(|d| d.bullets);
    let roles = &sel.experience.shown[..shown_by_default(&data, sel.rules, "experience")];
    let default_bullets = role_bullets.unwrap_or(CV_DEFAULT_BULLETS);
    removals.extend(bullet_removals(
        "experience",
        roles,
        MIN_BULLETS..default_bullets,
        false,
    ));
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
                bonus: false,
            })
            .collect();
        candidates.sort_by_key(|r| (r.priority, std::cmp::Reverse(r.entry)));
        removals.extend(candidates);
    }
    CvDraft { data, removals }
}

/// What the CV holds beyond its defaults, the first to go: the entries past a default
/// cap (the oldest role, the lowest-priority project first), then the bullets past the
/// default counts, lowest priority first. Where the profile sets a limit itself, it is
/// the limit and nothing is added past it.
fn bonus_removals(
    sel: &Selection,
    data: &Value,
    doc: Option<&crate::model::rules::DocumentRules>,
) -> Vec<Removal> {
    let explicit = |section: &str| doc.is_some_and(|d| d.max.contains_key(section));
    let mut removals = Vec::new();
    for section in ["volunteer", "projects", "experience"] {
        let Some(cap) = CV_DEFAULT_MAX
            .iter()
            .find(|(s, _)| *s == section)
            .map(|c| c.1)
        else {
            continue;
        };
        if explicit(section) {
            continue;
        }
        let names = names_of(sel, section);
        let shown = entries(data, section).map_or(0, Vec::len).min(names.len());
        removals.extend((cap.min(shown)..shown).rev().map(|entry| Removal {
            section: section.to_owned(),
            what: what(section),
            name: names[entry].0.clone(),
            entry,
            bullet: None,
            priority: names[entry].1,
            optional: false,
            bonus: true,
        }));
    }
    let printed = |section: &str| shown_by_default(data, sel.rules, section);
    let mut bullets = Vec::new();
    if doc.and_then(|d| d.bullets).is_none() {
        let roles = &sel.experience.shown[..printed("experience")];
        bullets.extend(bullet_removals(
            "experience",
            roles,
            CV_DEFAULT_BULLETS..usize::MAX,
            true,
        ));
    }
    // A project's highlights are all shown only while there is room: the CV's projects
    // are one line each by default.
    let projects = &sel.projects.shown[..printed("projects")];
    bullets.extend(bullet_removals("projects", projects, 0..usize::MAX, true));
    let volunteer = &sel.volunteer.shown[..printed("volunteer")];
    bullets.extend(bullet_removals(
        "volunteer",
        volunteer,
        CV_DEFAULT_DETAILS..usize::MAX,
        true,
    ));
    let education = &sel.education.shown[..printed("education")];
    bullets.extend(bullet_removals(
        "education",
        education,
        CV_DEFAULT_DETAILS..usize::MAX,
        true,
    ));
    bullets.sort_by_key(|r| {
        (
            r.priority,
            std::cmp::Reverse(r.entry),
            std::cmp::Reverse(r.bullet),
        )
    });
    removals.extend(bullets);
    removals
}

/// The bullets of each entry whose rank by priority is in `ranks` (0 the most
/// important), as removals, lowest priority first. A bullet is named by its place in
/// the entry's printed list, which keeps the author's order.
fn bullet_removals<T: Entry>(
    section: &str,
    shown: &[Chosen<T>],
    ranks: std::ops::Range<usize>,
    bonus: bool,
) -> Vec<Removal> {
    let mut removals = Vec::new();
    for (entry, chosen) in shown.iter().enumerate() {
        let kept = &chosen.bullets[..chosen.bullets.len().min(ranks.end)];
        for ranked in kept.iter().skip(ranks.start) {
            let place = kept.iter().filter(|r| r.position < ranked.position).count();
            removals.push(Removal {
                section: section.to_owned(),
                what: what(section),
                name: chosen
                    .entry
                    .id()
                    .map_or_else(|| chosen.entry.label(), str::to_owned),
                entry,
                bullet: Some(place),
                priority: ranked.bullet.priority,
                optional: false,
                bonus,
            });
        }
    }
    removals.sort_by_key(|r| {
        (
            r.priority,
            std::cmp::Reverse(r.entry),
            std::cmp::Reverse(r.bullet),
        )
    });
    removals
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
                if let Some(highlights) = entry[bullet_key(section)].as_array_mut() {
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

/// How many entries of a section the CV shows before anything is added while there is
/// room: those in the data, up to the document's limit.
fn shown_by_default(data: &Value, rules: &Rules, section: &str) -> usize {
    let shown = entries(data, section).map_or(0, Vec::len);
    document_max(rules, "cv", section).map_or(shown, |max| shown.min(max))
}

/// Where an entry of a section keeps its bullets in the data.
fn bullet_key(section: &str) -> &'static str {
    if section == "education" {
        "details"
    } else {
        "highlights"
    }
}

fn cv_data(ctx: &Ctx) -> Value {
    let (sel, info) = (ctx.sel, ctx.info);
    let person = &ctx.content.person;
    let doc = sel.rules.documents.get(info.document);
    // Everything the profile allows: what the CV shows by default is the fitting's job.
    let max = |section: &str| {
        doc.and_then(|d| d.max.get(section).copied())
            .unwrap_or(usize::MAX)
    };
    let bullets = doc.and_then(|d| d.bullets).unwrap_or(usize::MAX);
    let all = usize::MAX;
    let mut fields = json!({
        "sections": doc.map(|d| d.sections.clone()).unwrap_or_default(),
        "profile": { "name": sel.rules.name, "description": sel.rules.description },
        "experience": sel.experience.shown.iter().take(max("experience")).map(|r| ctx.role(r, bullets)).collect::<Vec<_>>(),
        "volunteer": sel.volunteer.shown.iter().take(max("volunteer")).map(|r| ctx.role(r, all)).collect::<Vec<_>>(),
        "projects": sel.projects.shown.iter().take(max("projects")).map(|p| {
            let mut head = ctx.project_head(p.entry);
            head["highlights"] = json!(texts(&p.top_bullets(all)));
            head
        }).collect::<Vec<_>>(),
        "skills": sel.skills.shown.iter().take(max("skills")).map(|s| super::portfolio::skill_group(s.entry)).collect::<Vec<_>>(),
        "education": sel.education.shown.iter().take(max("education")).map(|e| ctx.education(e, all)).collect::<Vec<_>>(),
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
