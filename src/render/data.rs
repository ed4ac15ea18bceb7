//! The document data: what a template receives, as one JSON document.
//!
//! This is the template contract (documented in the README). Text is passed exactly as
//! the user typed it; templates print it as data, so nothing in it is ever run as Typst.
//! Values a template should not have to compute are computed here: date ranges as text,
//! durations, link labels, paragraphs split on blank lines.

use serde_json::{Value, json};

use crate::model::rules::Rules;
use crate::model::{Bullet, Date, End, Link, Person, Role, Spanned, duration_text, months_between};
use crate::select::{Chosen, Selection};

/// Facts about the build that are not content.
pub struct BuildInfo<'a> {
    pub date: Date,
    pub document: &'a str,
}

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
pub fn cv(sel: &Selection, person: &Person, info: &BuildInfo) -> Value {
    let mut data = cv_data(sel, person, info);
    nonempty_sections(&mut data);
    data
}

fn cv_data(sel: &Selection, person: &Person, info: &BuildInfo) -> Value {
    let doc = sel.rules.documents.get(info.document);
    let max = |section: &str| document_max(sel.rules, info.document, section).unwrap_or(usize::MAX);
    let bullets = doc.and_then(|d| d.bullets).unwrap_or(CV_DEFAULT_BULLETS);
    json!({
        "document": info.document,
        "sections": doc.map(|d| d.sections.clone()).unwrap_or_default(),
        "meta": meta(sel, person, info, "CV"),
        "profile": { "name": sel.rules.name, "description": sel.rules.description },
        "person": person_data(sel, person),
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
        "skills": sel.skills.shown.iter().take(max("skills")).map(|s| json!({ "group": s.entry.group, "items": s.entry.items })).collect::<Vec<_>>(),
        "education": sel.education.shown.iter().take(max("education")).map(|e| {
            let ed = e.entry;
            json!({
                "institution": ed.institution,
                "degree": ed.degree,
                "location": ed.location,
                "dates": range_text(ed.start.as_ref().map(|s| &s.value), ed.end.as_ref()),
                "details": texts(&e.top_bullets(2)),
            })
        }).collect::<Vec<_>>(),
        "certifications": sel.certifications.shown.iter().take(max("certifications")).map(|c| {
            let c = c.entry;
            json!({ "name": c.name, "issuer": c.issuer, "date": c.date.map(|d| d.display()), "url": c.url })
        }).collect::<Vec<_>>(),
        "writing": sel.writing.shown.iter().take(max("writing")).map(|w| {
            let w = w.entry;
            json!({ "title": w.title, "kind": kind_label(&w.kind), "venue": w.venue, "date": w.date.map(|d| d.display()), "url": w.url })
        }).collect::<Vec<_>>(),
        "languages": person.languages.iter().map(|l| json!({ "name": l.name, "level": l.level })).collect::<Vec<_>>(),
    })
}

/// Keeps the sections that have something to show, so that no heading stands alone.
fn nonempty_sections(data: &mut Value) {
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

/// `Talk`, `Post`: the kind's name with a capital.
fn kind_label<T: serde::Serialize>(kind: &T) -> Option<String> {
    let name = serde_json::to_value(kind).ok()?.as_str()?.replace('-', " ");
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
}

fn meta(sel: &Selection, person: &Person, info: &BuildInfo, kind: &str) -> Value {
    let mut keywords: Vec<&str> = sel.rules.keywords.iter().map(String::as_str).collect();
    if keywords.is_empty() {
        keywords.push(&sel.rules.name);
    }
    json!({
        "title": format!("{} — {kind}", person.name),
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

fn person_data(sel: &Selection, person: &Person) -> Value {
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
        "availability": person.availability,
    })
}

fn role(chosen: &Chosen<Role>, sel: &Selection, info: &BuildInfo, bullets: usize) -> Value {
    let r = chosen.entry;
    let organization = match (&r.confidential, sel.private) {
        (Some(public), false) => public.clone(),
        _ => r.organization.clone(),
    };
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
        "summary": r.summary,
        "highlights": texts(&chosen.top_bullets(bullets)),
        "stack": r.stack,
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

fn texts(bullets: &[&Bullet]) -> Vec<String> {
    bullets.iter().map(|b| b.text.clone()).collect()
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

/// Paragraphs split on blank lines; the line breaks inside one are folded to spaces.
fn paragraphs(text: &str) -> Vec<String> {
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
            paragraphs("one\ntwo\n\n\nthree  "),
            vec!["one two", "three"]
        );
    }
}
