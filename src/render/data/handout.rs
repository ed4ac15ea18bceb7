//! The case-study handouts: one per selected project and per selected case study that
//! has enough to say, each readable on its own (the author's name and contact are in
//! its footer).
//!
//! Enough to say: at least [`MIN_WORDS`] words of write-up (a project's write-up and
//! highlights; a case study's summary and sections). A project of a title and a line
//! would print three lines on an empty page. `handout: true` on an entry, or
//! `documents: {case-study: {handouts: all}}` in a profile, makes one anyway;
//! `handout: false` makes none. A case study of a project the profile does not show gets
//! none (its project is hidden for a reason).

use serde_json::{Value, json};

use super::{BuildInfo, Ctx, rich};
use crate::model::{CaseStudy, Content, Project, Text};
use crate::select::Selection;

/// Words of write-up below which an entry gets no handout unless asked for.
pub const MIN_WORDS: usize = 60;

/// One handout: its id (the file name), its data, and the parts of its write-up that may
/// go to fit its pages, least important first (a project's; a case study has none).
#[derive(Clone)]
pub struct Handout {
    pub id: String,
    pub data: Value,
    pub removals: Vec<Part>,
}

/// A part of a project's write-up: its key in the data and the content field it prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub key: &'static str,
    pub field: &'static str,
}

/// The parts of a project's write-up that may go to fit a handout's pages, least
/// important first. The problem, the architecture, the decisions and the outcome, and
/// the highlights above them, always stay: they are the case.
pub const HANDOUT_DROP: &[Part] = &[
    Part {
        key: "roadmap",
        field: "roadmap",
    },
    Part {
        key: "scalability",
        field: "scalability",
    },
    Part {
        key: "performance",
        field: "performance",
    },
    Part {
        key: "sections",
        field: "sections",
    },
    Part {
        key: "scale",
        field: "scale",
    },
    Part {
        key: "postmortem",
        field: "postmortem",
    },
    Part {
        key: "data_flow",
        field: "data_flow",
    },
    Part {
        key: "rationale",
        field: "rationale",
    },
    Part {
        key: "scope",
        field: "scope",
    },
    Part {
        key: "thesis",
        field: "thesis",
    },
    Part {
        key: "figures",
        field: "figures",
    },
    Part {
        key: "project_metrics",
        field: "metrics",
    },
];

impl Handout {
    /// The data with the first `drop` removals made, spacing tightened `tighten` steps.
    pub fn apply(&self, drop: usize, tighten: u8) -> Value {
        let gone = &self.removals[..drop.min(self.removals.len())];
        let mut data = self.data.clone();
        if let Some(parts) = data["project"]["parts"].as_array_mut() {
            parts.retain(|p| !gone.iter().any(|g| p["key"] == g.key));
        }
        data["fit"] = json!({ "tighten": tighten });
        data
    }

    /// What fitting took out, as warning lines: `dropped `roadmap`, `scalability` (...)
    /// to fit 2 pages`, and the spacing tightened.
    pub fn describe(&self, drop: usize, tighten: u8, budget: usize) -> Vec<String> {
        let target = if budget == 1 {
            "one page".to_owned()
        } else {
            format!("{budget} pages")
        };
        let mut out = Vec::new();
        let gone = &self.removals[..drop.min(self.removals.len())];
        if !gone.is_empty() {
            let list: Vec<String> = gone.iter().map(|p| format!("`{}`", p.field)).collect();
            out.push(format!(
                "dropped {} (the least important parts of its write-up) to fit {target}",
                list.join(", ")
            ));
        }
        if tighten > 0 {
            out.push(format!(
                "tightened the spacing {tighten} step{} of {} to fit {target}",
                if tighten == 1 { "" } else { "s" },
                crate::render::fit::MAX_TIGHTEN
            ));
        }
        out
    }
}

impl crate::render::fit::Draft for Handout {
    fn removals(&self) -> usize {
        self.removals.len()
    }
    fn apply(&self, drop: usize, tighten: u8) -> Value {
        Handout::apply(self, drop, tighten)
    }
}

/// The handouts of a selection; with `only`, just those ids (asked for by name, so made
/// whatever their length).
pub fn handouts(
    sel: &Selection,
    content: &Content,
    info: &BuildInfo,
    only: &[String],
) -> Vec<Handout> {
    let ctx = Ctx::new(sel, content, info);
    let person = &content.person;
    let wanted = |id: &str| only.is_empty() || only.iter().any(|o| o == id);
    let ids = handout_ids(&ctx);
    let chosen = |id: &str| {
        if only.is_empty() {
            ids.contains(&id)
        } else {
            wanted(id)
        }
    };
    let mut out = Vec::new();
    for p in candidates_projects(&ctx).filter(|p| chosen(&p.entry.id)) {
        let related: Vec<Value> = sel
            .case_studies
            .shown
            .iter()
            .filter(|c| c.entry.project.as_ref().is_some_and(|id| id.value == p.entry.id.value))
            .map(|c| json!({ "id": c.entry.id.value, "title": c.entry.title, "kind": ctx.kind(c.entry.kind.as_ref()) }))
            .collect();
        let title = format!("{} — {}", person.name, p.entry.title);
        let project = ctx.project_full(p);
        let has = |key: &str| {
            project["parts"]
                .as_array()
                .is_some_and(|parts| parts.iter().any(|x| x["key"] == key))
        };
        let removals = HANDOUT_DROP
            .iter()
            .filter(|r| has(r.key))
            .copied()
            .collect();
        out.push(Handout {
            id: p.entry.id.value.clone(),
            removals,
            data: ctx.document(
                &title,
                json!({
                    "kind": "project",
                    "project": project,
                    "related": related,
                }),
            ),
        });
    }
    for c in candidates_case_studies(&ctx).filter(|c| chosen(&c.id)) {
        let project = c
            .project
            .as_ref()
            .and_then(|p| content.projects.iter().find(|x| x.id.value == p.value));
        let title = format!("{} — {}", person.name, c.title);
        let mut case_study = ctx.case_study_head(c);
        case_study["sections"] = json!(super::text_blocks(&ctx, c.sections.as_ref()));
        case_study["figures"] = json!(ctx.figures(&c.figures));
        case_study["project"] = json!(project.map(|p| {
            json!({ "id": p.id.value, "title": p.title, "tagline": p.tagline.as_deref().map(rich), "stack": p.stack, "links": super::links(&p.links) })
        }));
        out.push(Handout {
            id: c.id.value.clone(),
            removals: Vec::new(),
            data: ctx.document(
                &title,
                json!({
                    "kind": "case-study",
                    "case_study": case_study,
                }),
            ),
        });
    }
    out
}

/// The ids of the projects and case studies of this selection that get a handout.
pub(super) fn handout_ids<'c>(ctx: &Ctx<'c>) -> Vec<&'c str> {
    let every = ctx
        .sel
        .rules
        .documents
        .get("case-study")
        .is_some_and(|d| d.every_handout);
    let projects = candidates_projects(ctx)
        .map(|p| p.entry)
        .filter(|p| p.handout.unwrap_or(every || project_words(p) >= MIN_WORDS))
        .map(|p| p.id.as_str());
    let studies = candidates_case_studies(ctx)
        .filter(|c| {
            c.handout
                .unwrap_or(every || case_study_words(c) >= MIN_WORDS)
        })
        .map(|c| c.id.as_str());
    projects.chain(studies).collect()
}

/// The projects a handout may be made for: shown, within the document's max.
fn candidates_projects<'a, 'c>(
    ctx: &'a Ctx<'c>,
) -> impl Iterator<Item = &'a crate::select::Chosen<'c, Project>> {
    let sel = ctx.sel;
    let doc = sel.rules.documents.get("case-study");
    let listed = |s: &str| doc.is_none_or(|d| d.sections.iter().any(|x| x == s));
    let max = doc
        .and_then(|d| d.max.get("projects").copied())
        .unwrap_or(usize::MAX);
    sel.projects
        .shown
        .iter()
        .take(if listed("projects") { max } else { 0 })
}

/// The case studies a handout may be made for: shown, on their own or of a shown project.
fn candidates_case_studies<'a, 'c: 'a>(
    ctx: &'a Ctx<'c>,
) -> impl Iterator<Item = &'c CaseStudy> + 'a {
    let sel = ctx.sel;
    let doc = sel.rules.documents.get("case-study");
    let listed = doc.is_none_or(|d| d.sections.iter().any(|x| x == "case_studies"));
    let max = doc
        .and_then(|d| d.max.get("case_studies").copied())
        .unwrap_or(usize::MAX);
    sel.case_studies
        .shown
        .iter()
        .map(|c| c.entry)
        .filter(move |c| {
            c.project.as_ref().is_none_or(|p| {
                sel.projects
                    .shown
                    .iter()
                    .any(|x| x.entry.id.value == p.value)
            })
        })
        .take(if listed { max } else { 0 })
}

fn words(texts: &[&str]) -> usize {
    texts.iter().map(|t| t.split_whitespace().count()).sum()
}

fn text_words(text: &Option<Text>) -> usize {
    text.as_ref().map_or(0, |t| words(&t.strings()))
}

/// Words of a project's write-up (not its title or tagline).
fn project_words(p: &Project) -> usize {
    let mut n = words(
        &p.highlights
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>(),
    );
    for t in p.texts() {
        n += text_words(t);
    }
    if let Some(a) = &p.architecture {
        n += text_words(&a.overview);
        n += words(&a.style.iter().map(String::as_str).collect::<Vec<_>>());
        for m in &a.modules {
            n += words(&[&m.name]) + m.description.as_deref().map_or(0, |d| words(&[d]));
        }
    }
    let list_words = |l: Option<&crate::model::ListOr<crate::model::Bullet>>| match l {
        Some(crate::model::ListOr::Prose(t)) => words(&[t]),
        Some(crate::model::ListOr::List(items)) => {
            words(&items.iter().map(|b| b.text.as_str()).collect::<Vec<_>>())
        }
        None => 0,
    };
    n += list_words(p.performance.as_ref());
    n += list_words(p.scalability.as_ref());
    n += list_words(p.roadmap.as_ref());
    n += match &p.data_flow {
        Some(crate::model::ListOr::Prose(t)) => words(&[t]),
        Some(crate::model::ListOr::List(steps)) => {
            words(&steps.iter().map(String::as_str).collect::<Vec<_>>())
        }
        None => 0,
    };
    n += match &p.decisions {
        Some(crate::model::ListOr::Prose(t)) => words(&[t]),
        Some(crate::model::ListOr::List(d)) => d
            .iter()
            .map(|d| {
                words(&[&d.text])
                    + d.why.as_deref().map_or(0, |w| words(&[w]))
                    + d.tradeoff.as_deref().map_or(0, |w| words(&[w]))
            })
            .sum(),
        None => 0,
    };
    n += p
        .postmortem
        .iter()
        .map(|i| words(&[&i.issue, &i.fix]) + i.lesson.as_deref().map_or(0, |l| words(&[l])))
        .sum::<usize>();
    n += p.thesis.as_deref().map_or(0, |t| words(&[t]));
    n
}

fn case_study_words(c: &CaseStudy) -> usize {
    text_words(&c.summary) + text_words(&c.sections)
}
