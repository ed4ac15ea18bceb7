//! The document data: what a template receives, as one JSON document.
//!
//! This is the template contract (documented in the README). Text is passed exactly as
//! the user typed it; templates print it as data, so nothing in it is ever run as Typst.
//! Values a template should not have to compute are computed here: date ranges as text,
//! durations, link labels, paragraphs split on blank lines.
//!
//! Prose fields (summaries, paragraphs, bullets, write-up text, captions) carry inline
//! markup: they become arrays of runs here ([`rich`]), parsed by [`crate::render::markup`].
//! Names, titles, organisations, ids, dates, tags, skills, stack, labels and URLs stay
//! plain strings.

mod cv;
mod handout;
mod portfolio;

use serde_json::{Value, json};

pub use cv::{CvDraft, Removal, cv, cv_draft, document_max};
pub use handout::{Handout, handouts};
pub use portfolio::portfolio;

use crate::model::selector::Subject;
use crate::model::{
    Bullet, Content, Date, Design, End, Figure, Link, Person, Project, Role, Section, Spanned,
    Theme, duration_text, months_between,
};
use crate::render::markup;
use crate::select::{Chosen, Selection};

/// Facts about the build that are not content.
pub struct BuildInfo<'a> {
    pub date: Date,
    pub document: &'a str,
    /// The content folder as Typst sees it (`/content`), for image paths.
    pub content_root: &'a str,
    /// `--theme`, over the content's and the profile's design.
    pub theme: Option<Theme>,
}

/// `Talk`, `Post`: the kind's name with a capital.
fn kind_label<T: serde::Serialize>(kind: &T) -> Option<String> {
    let name = serde_json::to_value(kind).ok()?.as_str()?.replace('-', " ");
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
}

/// What every document's data has (the README's "every document"): which document, its
/// PDF metadata titled `title`, the design, and the person; `fields` adds the rest.
fn document(
    sel: &Selection,
    content: &Content,
    info: &BuildInfo,
    title: &str,
    fields: Value,
) -> Value {
    let person = &content.person;
    let mut data = json!({
        "document": info.document,
        "meta": meta_titled(sel, person, info, title),
        "design": design(sel, content, info),
        "person": person_data(sel, person, info),
    });
    if let (Some(data), Value::Object(fields)) = (data.as_object_mut(), fields) {
        data.extend(fields);
    }
    data
}

fn meta_titled(sel: &Selection, person: &Person, info: &BuildInfo, title: &str) -> Value {
    let mut keywords: Vec<&str> = sel.rules.keywords.iter().map(String::as_str).collect();
    if keywords.is_empty() {
        keywords.push(&sel.rules.name);
    }
    json!({
        "title": title,
        "author": person.name,
        "keywords": keywords,
        "date": info.date.to_string(),
        "year": info.date.year,
        "month": info.date.month,
        "day": info.date.day,
        "lang": "en",
        "generator": concat!("resume ", env!("CARGO_PKG_VERSION")),
    })
}

fn person_data(sel: &Selection, person: &Person, info: &BuildInfo) -> Value {
    let c = &person.contact;
    json!({
        "name": person.name,
        "headline": sel.headline,
        "location": person.location,
        "email": c.email,
        "phone": c.phone,
        "website": c.website.as_ref().map(|url| json!({ "url": url, "label": bare(url) })),
        "links": links(&c.links),
        "summary": sel.summary.map(paragraphs).unwrap_or_default(),
        "availability": person.availability.as_deref().map(rich),
        "photo": person.photo.as_ref().map(|f| figure(f, info)),
    })
}

/// The design a template applies: `--theme`, then the profile's, then the content's.
/// Unset values are `null`; the theme supplies them.
fn design(sel: &Selection, content: &Content, info: &BuildInfo) -> Value {
    let d: Design = sel.rules.design.over(&content.design);
    json!({
        "theme": info.theme.or(d.theme).unwrap_or(Theme::Modern).name(),
        "accent": d.accent,
        "font": d.font.map(|f| f.value),
        "paper": d.paper,
        "margins": d.margins,
        "font_size": d.font_size,
    })
}

fn figures(figures: &[Figure], info: &BuildInfo) -> Vec<Value> {
    figures.iter().map(|f| figure(f, info)).collect()
}

/// An image as Typst finds it: under the project root, in the content folder.
fn figure(f: &Figure, info: &BuildInfo) -> Value {
    json!({
        "path": figure_path(f, info),
        "alt": f.alt.as_deref().map(str::trim).filter(|a| !a.is_empty()),
        "caption": f.caption.as_deref().map(rich),
    })
}

fn figure_path(f: &Figure, info: &BuildInfo) -> String {
    format!(
        "{}/{}",
        info.content_root,
        f.path.value.trim_start_matches("./")
    )
}

/// The figures (and photo) in a document's data that have no alt text, as the content
/// wrote them: an accessible PDF needs one for each image it may show. The data is what
/// the template receives, so this covers every image any template could show.
pub fn figures_without_alt<'a>(
    data: &Value,
    content: &'a Content,
    info: &BuildInfo,
) -> Vec<&'a Figure> {
    fn walk<'v>(value: &'v Value, found: &mut Vec<&'v str>) {
        match value {
            Value::Object(map) => {
                if let (Some(Value::String(path)), Some(Value::Null)) =
                    (map.get("path"), map.get("alt"))
                {
                    found.push(path);
                }
                map.values().for_each(|v| walk(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut shown = Vec::new();
    walk(data, &mut shown);
    let all = content
        .person
        .photo
        .iter()
        .chain(content.projects.iter().flat_map(|p| &p.figures))
        .chain(content.case_studies.iter().flat_map(|c| &c.figures));
    let mut missing: Vec<&Figure> = all
        .filter(|f| f.alt.as_deref().is_none_or(|a| a.trim().is_empty()))
        .filter(|f| shown.contains(&figure_path(f, info).as_str()))
        .collect();
    missing.sort_by_key(|f| f.path.span);
    missing.dedup_by_key(|f| f.path.span);
    missing
}

/// The organisation as this build may name it.
fn organization(name: &str, confidential: Option<&String>, sel: &Selection) -> String {
    match confidential {
        Some(public) if !sel.private => public.clone(),
        _ => name.to_owned(),
    }
}

/// Items of a write-up list that the profile's bullet rules keep, in the author's order.
fn kept<'a, T: Subject>(items: &'a [T], sel: &Selection) -> Vec<&'a T> {
    items
        .iter()
        .filter(|i| {
            matches!(
                sel.rules.bullets.judge(*i),
                crate::model::rules::Verdict::Shown(_)
            )
        })
        .collect()
}

/// A headed section of prose and bullets.
fn section_data(s: &Section, sel: &Selection) -> Value {
    json!({
        "heading": s.heading,
        "paragraphs": s.text.as_deref().map(paragraphs).unwrap_or_default(),
        "bullets": kept(&s.bullets, sel).iter().map(|b| rich(&b.text)).collect::<Vec<_>>(),
    })
}

/// A project written up in full: every section it has, in the portfolio's order.
fn project_full(
    p: &Chosen<Project>,
    sel: &Selection,
    content: &Content,
    info: &BuildInfo,
) -> Value {
    let project = p.entry;
    let role = project
        .at
        .as_ref()
        .and_then(|at| content.experience.iter().find(|r| r.id.value == at.value));
    let org = match (&project.confidential, role) {
        (Some(public), _) if !sel.private => Some(public.clone()),
        (_, Some(r)) => Some(organization(&r.organization, r.confidential.as_ref(), sel)),
        _ => None,
    };
    let prose = |t: &Option<String>| t.as_deref().map(paragraphs).unwrap_or_default();
    let texts_of = |items: &[Bullet]| {
        kept(items, sel)
            .iter()
            .map(|b| rich(&b.text))
            .collect::<Vec<_>>()
    };
    json!({
        "id": project.id.value,
        "title": project.title,
        "classification": project.classification.label(),
        "role": project.role,
        "organization": org,
        "tagline": rich(&project.tagline),
        "dates": range_text(project.start.as_ref().map(|s| &s.value), project.end.as_ref()),
        "thesis": project.thesis.as_deref().map(rich),
        "highlights": texts(&p.top_bullets(usize::MAX)),
        "scope": prose(&project.scope),
        "problem": prose(&project.problem),
        "architecture": project.architecture.as_ref().map(|a| json!({
            "overview": prose(&a.overview),
            "style": a.style.as_deref().map(rich),
            "modules": a.modules.iter().map(|m| json!({ "name": m.name, "description": rich(&m.description) })).collect::<Vec<_>>(),
        })),
        "rationale": prose(&project.rationale),
        "data_flow": project.data_flow.iter().map(|s| rich(s)).collect::<Vec<_>>(),
        "decisions": kept(&project.decisions, sel).iter().map(|d| json!({ "text": rich(&d.text), "why": d.why.as_deref().map(rich), "tradeoff": d.tradeoff.as_deref().map(rich) })).collect::<Vec<_>>(),
        "scale": prose(&project.scale),
        "performance": texts_of(&project.performance),
        "scalability": texts_of(&project.scalability),
        "postmortem": kept(&project.postmortem, sel).iter().map(|i| json!({ "issue": rich(&i.issue), "fix": rich(&i.fix), "lesson": i.lesson.as_deref().map(rich) })).collect::<Vec<_>>(),
        "roadmap": texts_of(&project.roadmap),
        "outcome": prose(&project.outcome),
        "metrics": kept(&project.metrics, sel).iter().map(|m| metric(m)).collect::<Vec<_>>(),
        "stack": project.stack,
        "links": links(&project.links),
        "figures": figures(&project.figures, info),
        "new_page": project.new_page,
    })
}

fn skill_group(s: &crate::model::SkillGroup) -> Value {
    json!({ "group": s.group, "items": s.items })
}

fn education(e: &Chosen<crate::model::Education>, bullets: usize) -> Value {
    let ed = e.entry;
    json!({
        "institution": ed.institution,
        "degree": ed.degree,
        "location": ed.location,
        "dates": range_text(ed.start.as_ref().map(|s| &s.value), ed.end.as_ref()),
        "details": texts(&e.top_bullets(bullets)),
    })
}

fn certification(c: &crate::model::Certification) -> Value {
    json!({ "name": c.name, "issuer": c.issuer, "date": c.date.map(|d| d.display()), "url": c.url })
}

fn writing(w: &crate::model::Writing) -> Value {
    json!({ "title": w.title, "kind": kind_label(&w.kind), "venue": w.venue, "date": w.date.map(|d| d.display()), "url": w.url })
}

fn language(l: &crate::model::Language) -> Value {
    json!({ "name": l.name, "level": l.level })
}

/// What the portfolio's index and a handout both say of a case study.
fn case_study_head(s: &crate::model::CaseStudy) -> Value {
    json!({
        "id": s.id.value,
        "title": s.title,
        "subtitle": s.subtitle,
        "kind": s.kind.label(),
        "date": s.date.map(|d| d.display()),
        "maturity": s.maturity,
        "summary": s.summary.as_deref().map(paragraphs).unwrap_or_default(),
        "new_page": s.new_page,
    })
}

fn metric(m: &crate::model::Metric) -> Value {
    json!({ "value": m.value, "label": m.label, "context": m.context.as_deref().map(rich) })
}

fn role(chosen: &Chosen<Role>, sel: &Selection, info: &BuildInfo, bullets: usize) -> Value {
    let r = chosen.entry;
    let organization = organization(&r.organization, r.confidential.as_ref(), sel);
    let end_date = match r.end.as_ref().map(|e| e.value) {
        Some(End::Date(d)) => d,
        _ => info.date,
    };
    json!({
        "id": r.id.value,
        "title": r.title,
        "organization": organization,
        "confidential": r.confidential.is_some() && !sel.private,
        "url": r.url.as_ref().filter(|_| r.confidential.is_none() || sel.private),
        "employment": r.employment.map(|e| e.label()),
        "location": r.location,
        "work_mode": r.work_mode.map(|m| m.label()),
        "start": r.start.value.to_string(),
        "end": r.end.as_ref().map_or("present".to_owned(), |e| e.value.to_string()),
        "current": matches!(r.end.as_ref().map(|e| e.value), None | Some(End::Present)),
        "dates": range_text(Some(&r.start.value), r.end.as_ref()),
        "duration": duration_text(months_between(&r.start.value, &end_date)),
        "summary": r.summary.as_deref().map(rich),
        "highlights": texts(&chosen.top_bullets(bullets)),
        "stack": r.stack,
        "narrative": r.narrative.iter().filter(|s| matches!(sel.rules.bullets.judge(*s), crate::model::rules::Verdict::Shown(_))).map(|s| section_data(s, sel)).collect::<Vec<_>>(),
        "links": links(&r.links),
        "new_page": r.new_page,
    })
}

/// `Mar 2021 – present`, `2019 – 2021`, `Mar 2021`.
fn range_text(start: Option<&Date>, end: Option<&Spanned<End>>) -> Option<String> {
    let end = end.map(|e| match e.value {
        End::Date(d) => d.display(),
        End::Present => "present".to_owned(),
    });
    match (start, end) {
        (Some(s), Some(e)) if s.display() == e => Some(e),
        (Some(s), Some(e)) => Some(format!("{} – {e}", s.display())),
        (Some(s), None) => Some(format!("{} – present", s.display())),
        (None, Some(e)) => Some(e),
        (None, None) => None,
    }
}

/// Bullets as rich text.
fn texts(bullets: &[&Bullet]) -> Vec<Value> {
    bullets.iter().map(|b| rich(&b.text)).collect()
}

/// One piece of prose as runs of inline markup.
fn rich(text: &str) -> Value {
    markup::rich(text)
}

fn links(links: &[Link]) -> Vec<Value> {
    links
        .iter()
        .map(|l| json!({ "url": l.url, "label": l.label.clone().unwrap_or_else(|| bare(&l.url)) }))
        .collect()
}

/// `https://github.com/ada/` -> `github.com/ada`; `mailto:a@b.c` -> `a@b.c`.
fn bare(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.strip_prefix("mailto:").unwrap_or(rest);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_owned()
}

/// Paragraphs split on blank lines, each as rich text.
fn paragraphs(text: &str) -> Vec<Value> {
    split_paragraphs(text).iter().map(|p| rich(p)).collect()
}

/// Paragraphs split on blank lines; the line breaks inside one are folded to spaces.
fn split_paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_links_and_paragraphs() {
        assert_eq!(bare("https://www.github.com/ada/"), "github.com/ada");
        assert_eq!(bare("mailto:ada@example.com"), "ada@example.com");
        assert_eq!(
            split_paragraphs("one\ntwo\n\n\nthree  "),
            vec!["one two", "three"]
        );
    }
}
