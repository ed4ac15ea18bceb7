//! RenderCV (<https://rendercv.com>) YAML in.
//!
//! RenderCV's `cv.sections` is an ordered map of free titles to lists of entries whose
//! type is told by the fields present, as RenderCV itself does: `company`/`position` an
//! experience entry, `institution`/`area` education, `title`/`authors` a publication,
//! `label`/`details` a one-line entry, `bullet`, `number`, `reversed_number`, `name` a
//! normal entry, and a plain string a text entry. Entries go by their type, not their
//! title: experience to `experience`, education to `education`, publications to
//! `writing`, one-line entries to skill groups, normal entries to `projects` (or to
//! `certifications` when the section's title says awards, honours or certificates).
//! Text, bullet and numbered sections become the summary when titled like one, else a
//! principle titled by the section. `design`, `locale` and `rendercv_settings` are
//! RenderCV's own and are dropped with a warning. Text is kept as typed: the Markdown
//! both tools read (`**bold**`, `*italic*`, `` `code` ``, links) means the same here.

use serde_json::Value;

use super::read::{Obj, Warnings};
use super::{Ids, Imported, bare_project, bare_role, bullet, parse_date, parse_end, spanned};
use crate::load::yaml::{Kind, Node};
use crate::model::{
    Bullet, Certification, Contact, ContentFile, Date, Education, End, Label, Link, Person,
    Principle, Project, Role, SkillGroup, Text, Writing,
};

const NO_PLACE: &str = "`resume` has no place for it";

/// Section titles whose text becomes the person's summary.
const SUMMARY_TITLES: &[&str] = &[
    "summary",
    "about",
    "about me",
    "profile",
    "professional summary",
    "objective",
    "introduction",
    "bio",
];

/// `sections` in the order written (a JSON object would sort them).
fn ordered_sections(root: &Node) -> Vec<(String, Value)> {
    let find = |node: &Node, key: &str| -> Option<Node> {
        match &node.kind {
            Kind::Map(entries) => entries.iter().find_map(|(k, v)| {
                matches!(&k.kind, Kind::Scalar { text, .. } if text == key).then(|| v.clone())
            }),
            _ => None,
        }
    };
    let Some(sections) = find(root, "cv").and_then(|cv| find(&cv, "sections")) else {
        return Vec::new();
    };
    match &sections.kind {
        Kind::Map(entries) => entries
            .iter()
            .map(|(k, v)| {
                let title = match &k.kind {
                    Kind::Scalar { text, .. } => text.clone(),
                    _ => String::new(),
                };
                (title, v.to_json_text())
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryType {
    Experience,
    Education,
    Publication,
    OneLine,
    Bullet,
    Numbered,
    ReversedNumbered,
    Normal,
    Text,
}

impl EntryType {
    fn name(self) -> &'static str {
        match self {
            EntryType::Experience => "ExperienceEntry",
            EntryType::Education => "EducationEntry",
            EntryType::Publication => "PublicationEntry",
            EntryType::OneLine => "OneLineEntry",
            EntryType::Bullet => "BulletEntry",
            EntryType::Numbered => "NumberedEntry",
            EntryType::ReversedNumbered => "ReversedNumberedEntry",
            EntryType::Normal => "NormalEntry",
            EntryType::Text => "TextEntry",
        }
    }

    /// By the fields only that type has, as RenderCV decides.
    fn of(entry: &Value) -> Option<EntryType> {
        let map = match entry {
            Value::String(_) => return Some(EntryType::Text),
            Value::Object(m) => m,
            _ => return None,
        };
        let has = |keys: &[&str]| keys.iter().any(|k| map.contains_key(*k));
        Some(if has(&["company", "position"]) {
            EntryType::Experience
        } else if has(&["institution", "area", "degree"]) {
            EntryType::Education
        } else if has(&["authors", "doi", "journal"]) {
            EntryType::Publication
        } else if has(&["label", "details"]) {
            EntryType::OneLine
        } else if has(&["bullet"]) {
            EntryType::Bullet
        } else if has(&["reversed_number"]) {
            EntryType::ReversedNumbered
        } else if has(&["number"]) {
            EntryType::Numbered
        } else if has(&["name"]) {
            EntryType::Normal
        } else {
            return None;
        })
    }
}

/// What the sections add up to.
#[derive(Default)]
struct Parts {
    summary: Vec<String>,
    experience: Vec<Role>,
    education: Vec<Education>,
    projects: Vec<Project>,
    certifications: Vec<Certification>,
    writing: Vec<Writing>,
    skills: Vec<SkillGroup>,
    principles: Vec<Principle>,
}

/// Reads a RenderCV document (its YAML tree) into content files.
pub fn import(root: &Node) -> Imported {
    let warnings = Warnings::default();
    let value = root.to_json_text();
    let doc = Obj::new("", &value, &warnings);
    let mut ids = Ids::default();
    let cv = doc.object("cv");
    if !doc.has("cv") {
        warnings.push("the file has no `cv`: is it a RenderCV file?".to_owned());
    }
    for key in ["design", "locale", "locale_catalog", "rendercv_settings"] {
        doc.drop(
            key,
            "RenderCV's own settings; `resume` has its `design:` section and themes instead",
        );
    }
    doc.finish("not a RenderCV section");

    let mut parts = Parts::default();
    cv.raw("sections");
    for (title, entries) in ordered_sections(root) {
        section(&title, &entries, &warnings, &mut ids, &mut parts);
    }

    let mut links = Vec::new();
    for s in cv.objects("social_networks") {
        let (network, user) = (s.str("network"), s.str("username"));
        match (&network, &user) {
            (Some(n), Some(u)) => match super::network_url(n, u) {
                Some(url) => links.push(Link {
                    url,
                    ..Link::default()
                }),
                None => s.warn(format!(
                    "dropped `{}`: `{n}` is not a network RenderCV knows",
                    s.path
                )),
            },
            _ => s.warn(format!(
                "dropped `{}`: a social network needs `network` and `username`",
                s.path
            )),
        }
        s.finish(NO_PLACE);
    }
    let name = cv.str("name").unwrap_or_else(|| {
        cv.warn("`cv.name` is missing: the person's name is left empty; fill it in".into());
        String::new()
    });
    let headline = cv
        .str("headline")
        .or_else(|| cv.str("label"))
        .unwrap_or_else(|| {
            let from_role = parts.experience.first().map(|r| r.title.clone());
            cv.warn(match &from_role {
                Some(t) => format!(
                    "RenderCV has no headline: `person.headline` is the first role's title, `{t}`; change it to taste"
                ),
                None => "RenderCV has no headline: `person.headline` is left empty; fill it in"
                    .to_owned(),
            });
            from_role.unwrap_or_default()
        });
    cv.drop(
        "photo",
        "a photo must be a file in the content folder: copy it there and set `person.photo`",
    );
    let person = Person {
        name,
        headline,
        location: cv.str("location"),
        contact: Contact {
            email: cv.str("email"),
            phone: cv.str("phone"),
            website: cv.str("website"),
            links,
        },
        summary: (!parts.summary.is_empty()).then(|| Text::Plain(parts.summary.join("\n\n"))),
        availability: None,
        photo: None,
        languages: Vec::new(),
        variants: Default::default(),
    };
    cv.finish(NO_PLACE);

    let content = ContentFile {
        person: Some(spanned(person)),
        experience: parts.experience,
        education: parts.education,
        skills: parts.skills,
        certifications: parts.certifications,
        writing: parts.writing,
        principles: parts.principles,
        projects: parts.projects,
        ..Default::default()
    };
    Imported::from_content(content, warnings.take())
}

fn section(title: &str, entries: &Value, warnings: &Warnings, ids: &mut Ids, parts: &mut Parts) {
    let path = format!("cv.sections.{title}");
    let Value::Array(entries) = entries else {
        if !super::read::is_empty(entries) {
            warnings.push(format!("dropped `{path}`: a section is a list of entries"));
        }
        return;
    };
    let Some(kind) = entries.iter().find_map(EntryType::of) else {
        if !entries.is_empty() {
            warnings.push(format!(
                "dropped `{path}`: its entries match no RenderCV entry type"
            ));
        }
        return;
    };
    let lower = title.to_lowercase().replace('_', " ");
    let mut texts = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("{path}[{i}]");
        if EntryType::of(entry) != Some(kind) {
            warnings.push(format!(
                "dropped `{at}`: the section holds {}s and this entry is not one",
                kind.name()
            ));
            continue;
        }
        if let Value::String(s) = entry {
            texts.push(s.clone());
            continue;
        }
        let e = Obj::new(at, entry, warnings);
        match kind {
            EntryType::Experience => parts.experience.extend(experience(&e, ids)),
            EntryType::Education => parts.education.extend(education(&e, ids)),
            EntryType::Publication => parts.writing.extend(publication(&e, ids)),
            EntryType::OneLine => {
                if let Some(group) = e.str("label") {
                    let items = e
                        .str("details")
                        .map(|d| {
                            d.split(',')
                                .map(|s| s.trim().to_owned())
                                .filter(|s| !s.is_empty())
                                .collect()
                        })
                        .unwrap_or_default();
                    parts.skills.push(SkillGroup {
                        id: Some(spanned(ids.make(&["skills", &group], "skills"))),
                        group,
                        items,
                        ..SkillGroup::default()
                    });
                } else {
                    e.warn(format!("dropped `{}`: it has no `label`", e.path));
                }
            }
            EntryType::Bullet => texts.extend(e.str("bullet")),
            EntryType::Numbered => texts.extend(e.str("number")),
            EntryType::ReversedNumbered => texts.extend(e.str("reversed_number")),
            EntryType::Normal => {
                let award = ["award", "honor", "honour", "certif", "prize"]
                    .iter()
                    .any(|w| lower.contains(w));
                if award {
                    parts.certifications.extend(certification(&e, ids));
                } else {
                    parts.projects.extend(project(&e, ids));
                }
            }
            EntryType::Text => {}
        }
        e.finish(NO_PLACE);
    }
    if texts.is_empty() {
        return;
    }
    if matches!(kind, EntryType::Numbered | EntryType::ReversedNumbered) {
        warnings.push(format!(
            "`{path}`: the numbering of its {}s is not kept (each entry is a paragraph)",
            kind.name()
        ));
    }
    if SUMMARY_TITLES.contains(&lower.trim()) {
        parts.summary.extend(texts);
    } else {
        let title = section_title(title);
        warnings.push(format!(
            "`{path}` ({}s) became the principle `{title}`, one paragraph per entry; `resume` has no free sections",
            kind.name()
        ));
        parts.principles.push(Principle {
            id: Some(spanned(ids.make(&[&title], "section"))),
            title,
            text: Text::Plain(texts.join("\n\n")),
            tags: Vec::new(),
            priority: 0,
        });
    }
}

/// `start_date`, `end_date` and the free-form `date` of an entry, as RenderCV reads
/// them: a `date` alone is a one-day event; a start without an end is still going on.
fn dates(e: &Obj) -> (Option<Date>, Option<End>) {
    let parse = |key: &str| -> Option<Date> {
        let text = e.str(key)?;
        parse_date(&text).unwrap_or_else(|err| {
            e.warn(format!("dropped `{}`: {err}", e.at(key)));
            None
        })
    };
    if let Some(text) = e.str("date") {
        e.str("start_date");
        e.str("end_date");
        return match parse_date(&text) {
            Ok(Some(d)) => (Some(d), Some(End::Date(d))),
            _ => {
                e.warn(format!(
                    "dropped `{}` (`{text}`): `resume` dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
                    e.at("date")
                ));
                (None, None)
            }
        };
    }
    let start = parse("start_date");
    let end = e.str("end_date").and_then(|t| {
        parse_end(&t).unwrap_or_else(|err| {
            e.warn(format!("dropped `{}`: {err}", e.at("end_date")));
            None
        })
    });
    match (start, end) {
        (None, Some(End::Date(d))) => (Some(d), Some(End::Date(d))),
        (start, end) => (start, end),
    }
}

fn experience(e: &Obj, ids: &mut Ids) -> Option<Role> {
    let organization = e.str("company").unwrap_or_default();
    let title = e.str("position").unwrap_or_default();
    let (start, end) = dates(e);
    let Some(start) = start else {
        e.warn(format!(
            "dropped `{}` ({title} at {organization}): a role needs a start date",
            e.path
        ));
        return None;
    };
    let base = bare_role(ids, title, Some(organization), Some(start));
    Some(Role {
        location: e.str("location"),
        end: end.map(spanned),
        summary: e.str("summary").map(Text::Plain),
        highlights: e.strings("highlights").into_iter().map(bullet).collect(),
        ..base
    })
}

fn education(e: &Obj, ids: &mut Ids) -> Option<Education> {
    let Some(institution) = e.str("institution") else {
        e.warn(format!("dropped `{}`: it has no `institution`", e.path));
        return None;
    };
    let degree = match (e.str("degree"), e.str("area")) {
        (Some(d), Some(a)) => format!("{d} in {a}"),
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => String::new(),
    };
    let (start, end) = dates(e);
    let mut details: Vec<Bullet> = e.str("summary").into_iter().map(bullet).collect();
    details.extend(e.strings("highlights").into_iter().map(bullet));
    let year = start.map(|d| d.year.to_string()).unwrap_or_default();
    Some(Education {
        id: Some(spanned(ids.make(&[&institution, &year], "education"))),
        institution,
        degree: (!degree.is_empty()).then_some(degree),
        location: e.str("location"),
        start: start.map(spanned),
        end: end.map(spanned),
        details,
        ..Education::default()
    })
}

fn publication(e: &Obj, ids: &mut Ids) -> Option<Writing> {
    let Some(title) = e.str("title") else {
        e.warn(format!("dropped `{}`: it has no `title`", e.path));
        return None;
    };
    let (start, _) = dates(e);
    let url = e
        .str("doi")
        .map(|doi| format!("https://doi.org/{doi}"))
        .or_else(|| e.str("url"));
    if e.has("doi") {
        e.drop(
            "url",
            "RenderCV links the DOI when there is one, and so does `resume`",
        );
    }
    e.drop(
        "authors",
        "writing has no authors in `resume` (it is yours)",
    );
    e.drop("summary", "writing has no summary in `resume`");
    e.drop("location", "writing has no location in `resume`");
    e.drop("highlights", "writing has no highlights in `resume`");
    Some(Writing {
        id: Some(spanned(ids.make(&[&title], "publication"))),
        title,
        kind: Some(Label("paper".into())),
        venue: e.str("journal"),
        date: start,
        url,
        tags: Vec::new(),
        priority: 0,
    })
}

fn project(e: &Obj, ids: &mut Ids) -> Option<Project> {
    let title = e.str("name")?;
    let (start, end) = dates(e);
    let mut highlights: Vec<String> = e.strings("highlights");
    let tagline = match e.str("summary") {
        Some(s) => s,
        None if !highlights.is_empty() => highlights.remove(0),
        None => {
            e.warn(format!(
                "`{}` has no summary: the project's tagline is left empty",
                e.path
            ));
            String::new()
        }
    };
    let links = e
        .str("url")
        .map(|url| {
            vec![Link {
                url,
                ..Link::default()
            }]
        })
        .unwrap_or_default();
    e.drop("location", "a project has no location in `resume`");
    // RenderCV says nothing of what kind of project it was: no classification is invented.
    let base = bare_project(ids.make(&[&title], "project"), title, None);
    Some(Project {
        tagline: Some(tagline).filter(|t| !t.is_empty()),
        start: start.map(spanned),
        end: end.map(spanned),
        highlights: highlights.into_iter().map(bullet).collect(),
        links,
        ..base
    })
}

fn certification(e: &Obj, ids: &mut Ids) -> Option<Certification> {
    let name = e.str("name")?;
    let (start, _) = dates(e);
    e.drop("summary", "a certification has no summary in `resume`");
    e.drop(
        "highlights",
        "a certification has no highlights in `resume`",
    );
    e.drop("location", "a certification has no location in `resume`");
    Some(Certification {
        id: Some(spanned(ids.make(&[&name], "certification"))),
        name,
        issuer: None,
        date: start,
        url: e.str("url"),
        tags: Vec::new(),
        priority: 0,
    })
}

/// A section key as RenderCV titles it: `education_and_training` reads "Education and
/// Training"; a key with a space or a capital is kept as written.
fn section_title(key: &str) -> String {
    if key.contains(' ') || key.chars().any(char::is_uppercase) {
        return key.to_owned();
    }
    const SMALL: &[&str] = &[
        "a", "and", "as", "at", "but", "by", "for", "from", "if", "in", "into", "like", "near",
        "nor", "of", "off", "on", "onto", "or", "over", "so", "than", "that", "to", "upon", "when",
        "with", "yet",
    ];
    key.split('_')
        .map(|w| {
            if SMALL.contains(&w) {
                return w.to_owned();
            }
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}
