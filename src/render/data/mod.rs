//! The document data: what a template receives, as one JSON document.
//!
//! This is the template contract (documented in the README). Text is passed exactly as
//! the user typed it; templates print it as data, so nothing in it is ever run as Typst.
//! Values a template should not have to compute are computed here: dates and durations
//! in the document's language, link labels, titles and labels from the catalogue, long
//! text as blocks.
//!
//! Long text of every kind reaches templates in one shape, a list of blocks
//! (`{kind: "paragraph" | "heading" | "bullets" | "numbered" | "quote" | "terms" |
//! "figure" | "modules" | "decisions" | "incidents" | "metrics", ...}`), printed by one
//! template function. Prose in blocks and bullets carries inline markup as runs
//! ([`rich`]); names, titles, organisations, ids, dates, tags, stack and URLs stay plain
//! strings.

mod blocks;
mod cv;
mod handout;
mod letter;
mod portfolio;
mod reach;

use serde_json::{Value, json};

pub use cv::{CvDraft, Removal, cv, cv_draft, document_max};
pub use handout::{Handout, handouts};
pub use letter::letter;
pub use portfolio::portfolio;
pub use reach::{Unprinted, unprinted};

use crate::locale::{Catalog, Precision};
use crate::model::rules::Verdict;
use crate::model::selector::Subject;
use crate::model::{
    Bullet, Content, Date, DateStyle, Design, End, Figure, Item, Label, Layout, Link, Project,
    Role, Spanned, Text, Theme, built_in, months_between,
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

/// What making one document's data needs: the selection, the content, the build, the
/// design and the catalogue of this profile.
pub(crate) struct Ctx<'a> {
    pub sel: &'a Selection<'a>,
    pub content: &'a Content,
    pub info: &'a BuildInfo<'a>,
    pub design: Design,
    pub cat: Catalog,
    pub precision: Precision,
}

impl<'a> Ctx<'a> {
    pub fn new(sel: &'a Selection<'a>, content: &'a Content, info: &'a BuildInfo<'a>) -> Ctx<'a> {
        let design = sel.rules.design.over(&content.design);
        let cat = Catalog::new(
            design.locale.as_ref().map(|l| l.as_str()),
            design.labels.iter().map(|(k, v)| (k.as_str(), &v.value)),
        );
        let precision = match design.dates {
            Some(DateStyle::Year) => Precision::Year,
            // Days only when every date shown has one: a column of dates never mixes
            // `1 Sep 2018 – 31 Mar 2022` with `Apr 2022 – present`.
            Some(DateStyle::Day) if all_have_days(sel) => Precision::Day,
            _ => Precision::Month,
        };
        Ctx {
            sel,
            content,
            info,
            design,
            cat,
            precision,
        }
    }

    /// What every document's data has (the README's "every document"): which document,
    /// its PDF metadata titled `title`, the design, the labels, the person; `fields` adds
    /// the rest.
    fn document(&self, title: &str, fields: Value) -> Value {
        let mut data = json!({
            "document": self.info.document,
            "meta": self.meta(title),
            "design": self.design_data(),
            "labels": self.labels(),
            "intros": self.intros(),
            "chips": self.chips(),
            "person": self.person(),
        });
        if let (Some(data), Value::Object(fields)) = (data.as_object_mut(), fields) {
            data.extend(fields);
        }
        data
    }

    fn meta(&self, title: &str) -> Value {
        let sel = self.sel;
        let mut keywords: Vec<&str> = sel.rules.keywords.iter().map(String::as_str).collect();
        if keywords.is_empty() {
            keywords.push(&sel.rules.name);
        }
        let date = self.info.date;
        json!({
            "title": title,
            "author": self.content.person.name,
            "keywords": keywords,
            "date": date.to_string(),
            "year": date.year,
            "month": date.month,
            "day": date.day,
            // Typst takes a language and a region apart: `pt-BR` is `pt` in `BR`;
            // `zh-Hans` is `zh` (a script, not a region).
            "lang": self.cat.tag.split('-').next().unwrap_or("en").to_ascii_lowercase(),
            "region": self.cat.tag.split('-').nth(1).filter(|r| r.len() == 2).map(str::to_ascii_uppercase),
            "dir": self.cat.direction(),
            "generator": concat!("resume ", env!("CARGO_PKG_VERSION")),
        })
    }

    /// The catalogue's labels, with each section's title as the content and the profile
    /// set it: the profile's, else the section's own (`sections:`), else the catalogue's.
    fn labels(&self) -> Value {
        let mut labels = self.cat.labels();
        for def in &self.content.sections {
            if let Some(title) = &def.title {
                labels[def.id.as_str()] = json!(title);
            }
        }
        for (name, rule) in &self.sel.rules.sections {
            if let Some(title) = &rule.title {
                labels[name.as_str()] = json!(title);
            }
        }
        labels
    }

    /// Each section's intro, by section name, as blocks: the profile's, else the
    /// section's own.
    fn intros(&self) -> Value {
        let mut intros = serde_json::Map::new();
        for def in &self.content.sections {
            if let Some(intro) = &def.intro {
                intros.insert(def.id.value.clone(), json!(self.blocks(intro)));
            }
        }
        for (name, rule) in &self.sel.rules.sections {
            if let Some(intro) = &rule.intro {
                intros.insert(name.clone(), json!(self.blocks(intro)));
            }
        }
        Value::Object(intros)
    }

    /// Whether this document shows entries' tags as chips.
    fn chips(&self) -> bool {
        self.design
            .chips
            .iter()
            .flatten()
            .any(|d| d.as_str() == self.info.document)
    }

    fn person(&self) -> Value {
        let person = &self.content.person;
        let c = &person.contact;
        let show_photo = self.design.photo.unwrap_or(true);
        json!({
            "name": person.name,
            "pronouns": person.pronouns,
            "headline": self.sel.headline,
            "location": person.location,
            "email": c.email,
            "phone": c.phone,
            "website": c.website.as_ref().map(|url| json!({ "url": url, "label": bare(url) })),
            "links": links(&c.links),
            "summary": self.sel.summary.map(|s| self.blocks(s)).unwrap_or_default(),
            "availability": person.availability.as_deref().map(rich),
            "photo": person.photo.as_ref().filter(|_| show_photo).map(|f| self.figure(f)),
        })
    }

    /// The design a template applies: `--theme`, then the profile's, then the content's.
    /// Unset values are `null`; the theme supplies them.
    fn design_data(&self) -> Value {
        let d = &self.design;
        json!({
            "theme": self.info.theme.or(d.theme).unwrap_or(Theme::Modern).name(),
            "accent": d.accent,
            "font": d.font.as_ref().map(|f| f.value.clone()),
            "paper": d.paper,
            "margins": d.margins,
            "font_size": d.font_size,
        })
    }

    /// An image as Typst finds it: under the project root, in the content folder.
    fn figure(&self, f: &Figure) -> Value {
        json!({
            "path": figure_path(f, self.info),
            "alt": f.alt.as_deref().map(str::trim).filter(|a| !a.is_empty()),
            "caption": f.caption.as_deref().map(rich),
        })
    }

    fn figures(&self, figures: &[Figure]) -> Vec<Value> {
        figures.iter().map(|f| self.figure(f)).collect()
    }

    /// The organisation as this build may name it.
    fn organization(&self, name: Option<&String>, confidential: Option<&String>) -> Option<String> {
        match confidential {
            Some(public) if !self.sel.private => Some(public.clone()),
            _ => name.cloned(),
        }
    }

    /// Whether the profile's bullet rules keep an item of a write-up (a bullet, a block,
    /// a decision...).
    fn keeps(&self, item: &dyn Subject) -> bool {
        matches!(self.sel.rules.bullets.judge(item), Verdict::Shown(_))
    }

    /// Items of a write-up list that the profile's bullet rules keep, in the author's order.
    fn kept<'i, T: Subject>(&self, items: &'i [T]) -> Vec<&'i T> {
        items.iter().filter(|i| self.keeps(*i)).collect()
    }

    /// `Mar 2021 – present`, `2019 – 2021` in the document's language and precision.
    fn range(&self, start: Option<&Spanned<Date>>, end: Option<&Spanned<End>>) -> Option<String> {
        self.cat.range(
            start.map(|s| &s.value),
            end.map(|e| &e.value),
            self.precision,
        )
    }

    fn date(&self, d: Option<&Date>) -> Option<String> {
        d.map(|d| self.cat.date(d, self.precision))
    }

    fn kind(&self, label: Option<&Label>) -> Option<String> {
        label.map(|l| self.cat.kind(l))
    }

    /// A role (experience or volunteering) with `bullets` of its highlights.
    fn role(&self, chosen: &Chosen<Role>, bullets: usize) -> Value {
        let r = chosen.entry;
        let end_date = match r.end.as_ref().map(|e| e.value) {
            Some(End::Date(d)) => Some(d),
            _ if r.current() => Some(self.info.date),
            _ => None,
        };
        // A duration needs both ends to the month: `2019 – 2021` cannot say `2 yrs 1 mo`.
        let duration = match (r.start.as_ref(), end_date) {
            (Some(start), Some(end)) if start.month.is_some() && end.month.is_some() => {
                Some(self.cat.duration(months_between(&start.value, &end)))
            }
            _ => None,
        };
        let hidden = r.confidential.is_some() && !self.sel.private;
        json!({
            "id": r.id.value,
            "title": r.title,
            "organization": self.organization(r.organization.as_ref(), r.confidential.as_ref()),
            "about": r.about.as_ref().filter(|_| !hidden).map(|t| self.blocks(t)).unwrap_or_default(),
            "confidential": hidden,
            "url": r.url.as_ref().filter(|_| !hidden),
            "employment": self.kind(r.employment.as_ref()),
            "location": r.location,
            "work_mode": self.kind(r.work_mode.as_ref()),
            "start": r.start.as_ref().map(|s| s.value.to_string()),
            "end": r.end.as_ref().map_or_else(|| "present".to_owned(), |e| e.value.to_string()),
            "current": r.current(),
            "dates": self.range(r.start.as_ref(), r.end.as_ref()).or_else(|| r.current().then(|| self.cat.text("present").to_owned())),
            "duration": duration,
            "summary": r.summary.as_ref().map(|t| self.blocks(t)).unwrap_or_default(),
            "highlights": texts(&chosen.top_bullets(bullets)),
            "stack": r.stack,
            "narrative": r.narrative.as_ref().map(|t| self.blocks(t)).unwrap_or_default(),
            "links": links(&r.links),
            "new_page": r.new_page,
            "tags": tags(&r.tags),
        })
    }

    /// A project's title, labels and dates: what every document says of it.
    fn project_head(&self, p: &Project) -> Value {
        json!({
            "id": p.id.value,
            "title": p.title,
            "classification": self.kind(p.classification.as_ref()),
            "status": p.status,
            "role": p.role,
            "tagline": p.tagline.as_deref().map(rich),
            "dates": self.range(p.start.as_ref(), p.end.as_ref()),
            "stack": p.stack,
            "links": links(&p.links),
            "tags": tags(&p.tags),
        })
    }

    /// A project written up in full: its head, and every part of the write-up it has, in
    /// the portfolio's order, each with its label.
    fn project_full(&self, chosen: &Chosen<Project>) -> Value {
        let p = chosen.entry;
        let role = p.at.as_ref().and_then(|at| {
            self.content
                .experience
                .iter()
                .find(|r| r.id.value == at.value)
        });
        let org = match (&p.confidential, role) {
            (Some(public), _) if !self.sel.private => Some(public.clone()),
            (_, Some(r)) => self.organization(r.organization.as_ref(), r.confidential.as_ref()),
            _ => p.organization.clone(),
        };
        let mut data = self.project_head(p);
        data["organization"] = json!(org);
        data["thesis"] = json!(p.thesis.as_deref().map(rich));
        data["highlights"] = json!(texts(&chosen.top_bullets(usize::MAX)));
        data["parts"] = json!(self.write_up(p));
        data["figures"] = json!(self.figures(&p.figures));
        data["new_page"] = json!(p.new_page);
        data
    }

    /// One item of a generic section.
    fn item(&self, i: &Item, me: &str) -> Value {
        json!({
            "id": i.id.as_ref().map(|id| id.value.clone()),
            "title": i.title,
            "subtitle": i.subtitle,
            "organization": i.organization,
            "venue": i.venue,
            "location": i.location,
            "dates": match &i.date {
                Some(d) => self.date(Some(&d.value)),
                None => self.range(i.start.as_ref(), i.end.as_ref()),
            },
            "authors": i.authors.iter().map(|a| json!({ "name": a, "me": same_person(a, me) })).collect::<Vec<_>>(),
            "items": i.items,
            "summary": i.summary.as_ref().map(|t| self.blocks(t)).unwrap_or_default(),
            "highlights": texts(&self.kept(&i.highlights)),
            "url": i.url,
            "doi": i.doi,
            "links": links(&i.links),
            "tags": tags(&i.tags),
        })
    }

    /// Every generic section the selection has, by name: its layout and its entries.
    fn lists(&self, max: impl Fn(&str) -> usize) -> serde_json::Map<String, Value> {
        let me = &self.content.person.name;
        self.sel
            .lists
            .iter()
            .map(|section| {
                let layout = self.layout(&section.name);
                let entries: Vec<Value> = section
                    .shown
                    .iter()
                    .take(max(&section.name))
                    .map(|c| self.item(c.entry, me))
                    .collect();
                (
                    section.name.clone(),
                    json!({ "layout": layout.name(), "entries": entries }),
                )
            })
            .collect()
    }

    /// A generic section's layout: as its definition says, else its built-in default.
    fn layout(&self, name: &str) -> Layout {
        self.content
            .section_def(name)
            .and_then(|d| d.layout.as_ref().map(|l| l.value))
            .or_else(|| built_in(name).and_then(|b| b.layout))
            .unwrap_or(Layout::Dated)
    }
}

/// Whether every date of the entries a selection shows is written to the day.
fn all_have_days(sel: &Selection) -> bool {
    fn days<T: Subject>(shown: &[Chosen<T>]) -> bool {
        shown.iter().all(|c| {
            let (start, end) = c.entry.dates();
            start.into_iter().chain(end).all(|d| d.day.is_some())
        })
    }
    days(&sel.experience.shown)
        && days(&sel.volunteer.shown)
        && days(&sel.projects.shown)
        && days(&sel.case_studies.shown)
        && days(&sel.education.shown)
        && days(&sel.certifications.shown)
        && days(&sel.writing.shown)
        && sel.lists.iter().all(|l| days(&l.shown))
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
    let mut missing: Vec<&Figure> = content
        .figures()
        .into_iter()
        .filter(|f| f.alt.as_deref().is_none_or(|a| a.trim().is_empty()))
        .filter(|f| shown.contains(&figure_path(f, info).as_str()))
        .collect();
    missing.sort_by_key(|f| f.path.span);
    missing.dedup_by_key(|f| f.path.span);
    missing
}

fn figure_path(f: &Figure, info: &BuildInfo) -> String {
    format!(
        "{}/{}",
        info.content_root,
        f.path.value.trim_start_matches("./")
    )
}

/// Whether an author's name is the person's own: the same name, or the same surname
/// with the same first initial (`I. Moravec-Dunmore`).
fn same_person(author: &str, me: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| c.is_whitespace() || c == '.' || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, m) = (words(author), words(me));
    if a == m {
        return true;
    }
    match (a.first(), a.last(), m.first(), m.last()) {
        (Some(af), Some(al), Some(mf), Some(ml)) if a.len() > 1 => {
            al == ml && af.chars().next() == mf.chars().next()
        }
        _ => false,
    }
}

fn tags(tags: &[Spanned<String>]) -> Vec<&str> {
    tags.iter().map(|t| t.as_str()).collect()
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
        .map(|l| {
            let label = l
                .label
                .clone()
                .unwrap_or_else(|| match (&l.network, &l.username) {
                    (Some(network), Some(user)) => format!("{network}: {user}"),
                    (None, Some(user)) => user.clone(),
                    _ => l.url.as_deref().map(bare).unwrap_or_default(),
                });
            json!({ "url": l.url, "label": label, "network": l.network, "username": l.username })
        })
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
fn split_paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The long text of a field that may be absent, as blocks.
fn text_blocks(ctx: &Ctx, text: Option<&Text>) -> Vec<Value> {
    text.map(|t| ctx.blocks(t)).unwrap_or_default()
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

    #[test]
    fn own_name_among_authors() {
        assert!(same_person("Ilka Moravec-Dunmore", "Ilka Moravec-Dunmore"));
        assert!(same_person("I. Moravec-Dunmore", "Ilka Moravec-Dunmore"));
        assert!(!same_person("J. Moravec-Dunmore", "Ilka Moravec-Dunmore"));
        assert!(!same_person("Moravec-Dunmore", "Ilka Moravec-Dunmore"));
    }
}
