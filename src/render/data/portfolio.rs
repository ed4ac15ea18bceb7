//! The portfolio's data: the selected systems in full, experience with its narratives,
//! principles, explorations, an index of case studies, and every other section the
//! content has.

use serde_json::{Value, json};

use super::blocks::metric;
use super::cv::nonempty_sections;
use super::document_max;
use super::{BuildInfo, Ctx, links, texts};
use crate::model::{CaseStudy, Certification, Content, Education, Language, SkillGroup, Writing};
use crate::select::{Chosen, Selection};

pub fn portfolio(sel: &Selection, content: &Content, info: &BuildInfo) -> Value {
    let ctx = Ctx::new(sel, content, info);
    let person = &content.person;
    let doc = sel.rules.documents.get(info.document);
    let max = |section: &str| document_max(sel.rules, info.document, section).unwrap_or(usize::MAX);
    let bullets = doc.and_then(|d| d.bullets).unwrap_or(usize::MAX);
    let handouts = super::handout::handout_ids(&ctx);
    let mut fields = json!({
        "sections": doc.map(|d| d.sections.clone()).unwrap_or_default(),
        "profile": { "name": sel.rules.name, "description": sel.rules.description },
        "metrics": sel.metrics.shown.iter().take(max("metrics")).map(|m| metric(m.entry)).collect::<Vec<_>>(),
        "projects": sel.projects.shown.iter().take(max("projects")).map(|p| {
            let mut project = ctx.project_full(p);
            project["handout"] = json!(handouts.contains(&p.entry.id.as_str()));
            project
        }).collect::<Vec<_>>(),
        "experience": sel.experience.shown.iter().take(max("experience")).map(|r| ctx.role(r, bullets)).collect::<Vec<_>>(),
        "volunteer": sel.volunteer.shown.iter().take(max("volunteer")).map(|r| ctx.role(r, bullets)).collect::<Vec<_>>(),
        "principles": sel.principles.shown.iter().take(max("principles")).map(|p| json!({
            "title": p.entry.title,
            "text": ctx.blocks(&p.entry.text),
            "tags": super::tags(&p.entry.tags),
        })).collect::<Vec<_>>(),
        "explorations": sel.explorations.shown.iter().take(max("explorations")).map(|e| json!({
            "topic": e.entry.topic,
            "description": super::text_blocks(&ctx, e.entry.description.as_ref()),
            "tags": super::tags(&e.entry.tags),
        })).collect::<Vec<_>>(),
        "case_studies": sel.case_studies.shown.iter().take(max("case_studies")).map(|c| {
            let mut entry = ctx.case_study_head(c.entry);
            entry["handout"] = json!(handouts.contains(&c.entry.id.as_str()));
            entry
        }).collect::<Vec<_>>(),
        "writing": sel.writing.shown.iter().take(max("writing")).map(|w| ctx.writing(w.entry)).collect::<Vec<_>>(),
        "skills": sel.skills.shown.iter().take(max("skills")).map(|s| skill_group(s.entry)).collect::<Vec<_>>(),
        "education": sel.education.shown.iter().take(max("education")).map(|e| ctx.education(e, bullets)).collect::<Vec<_>>(),
        "certifications": sel.certifications.shown.iter().take(max("certifications")).map(|c| ctx.certification(c.entry)).collect::<Vec<_>>(),
        "languages": person.languages.iter().map(language).collect::<Vec<_>>(),
        "links": links(&person.contact.links),
    });
    if let Value::Object(map) = &mut fields {
        map.extend(ctx.lists(max));
    }
    let title = format!("{} — {}", person.name, ctx.cat.text("portfolio"));
    let mut data = ctx.document(&title, fields);
    nonempty_sections(&mut data);
    data
}

pub(super) fn skill_group(s: &SkillGroup) -> Value {
    json!({ "group": s.group, "level": s.level, "items": s.items, "tags": super::tags(&s.tags) })
}

pub(super) fn language(l: &Language) -> Value {
    json!({ "name": l.name, "level": l.level })
}

impl Ctx<'_> {
    pub(super) fn education(&self, e: &Chosen<Education>, bullets: usize) -> Value {
        let ed = e.entry;
        json!({
            "institution": ed.institution,
            "degree": ed.degree,
            "location": ed.location,
            "dates": self.range(ed.start.as_ref(), ed.end.as_ref()),
            "score": ed.score,
            "courses": ed.courses,
            "details": texts(&e.top_bullets(bullets)),
            "url": ed.url,
            "tags": super::tags(&ed.tags),
        })
    }

    pub(super) fn certification(&self, c: &Certification) -> Value {
        json!({ "name": c.name, "issuer": c.issuer, "date": self.date(c.date.as_ref()), "url": c.url, "tags": super::tags(&c.tags) })
    }

    pub(super) fn writing(&self, w: &Writing) -> Value {
        json!({ "title": w.title, "kind": self.kind(w.kind.as_ref()), "venue": w.venue, "date": self.date(w.date.as_ref()), "url": w.url, "tags": super::tags(&w.tags) })
    }

    /// What the portfolio's index and a handout both say of a case study.
    pub(super) fn case_study_head(&self, s: &CaseStudy) -> Value {
        let project = s
            .project
            .as_ref()
            .and_then(|p| self.content.projects.iter().find(|x| x.id.value == p.value));
        json!({
            "id": s.id.value,
            "title": s.title,
            "subtitle": s.subtitle,
            "kind": self.kind(s.kind.as_ref()),
            "date": self.date(s.date.as_ref()),
            "maturity": s.maturity,
            "summary": super::text_blocks(self, s.summary.as_ref()),
            "new_page": s.new_page,
            "tags": super::tags(&s.tags),
            "project": project.map(|p| json!({ "id": p.id.value, "title": p.title })),
        })
    }
}
