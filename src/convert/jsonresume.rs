//! JSON Resume (<https://jsonresume.org/schema>) in and out.
//!
//! What maps where (the README's "Coming from JSON Resume or RenderCV" says the same):
//! `basics` -> `person` (`label` is the headline, `location` one line, `profiles` links);
//! `work` (and the legacy `company`/`website`) and `volunteer` -> `experience` (volunteer
//! roles have `employment: volunteer`); `education` -> `education` (`studyType in area`
//! is the degree, `score` and `courses` are details); `awards` -> `certifications`
//! tagged `award`; `certificates` -> `certifications`; `publications` -> `writing`
//! (papers); `skills` -> skill groups; `languages` -> `person.languages`; `projects` ->
//! `projects`; `meta.lastModified` -> `updated`. Everything else is named in a warning.

use serde_json::{Map, Value, json};

use super::read::{Obj, Warnings};
use super::{Ids, Imported, bare_project, bare_role, bullet, parse_date, parse_end, spanned};
use crate::model::{
    Certification, Contact, Content, ContentFile, Date, Education, End, Label, Language, Link,
    Person, Project, Role, SkillGroup, Text, Writing,
};
use crate::select::{Chosen, Selection};

/// The tag that marks a certification as a JSON Resume award, both ways.
pub const AWARD_TAG: &str = "award";
/// The prefix that marks an education detail as JSON Resume's `score`, both ways.
pub const SCORE_PREFIX: &str = "Score: ";
const NO_PLACE: &str = "not part of the JSON Resume schema, and `resume` has no place for it";

/// Reads a JSON Resume document into content files.
pub fn import(root: &Value) -> Imported {
    let warnings = Warnings::default();
    let doc = Obj::new("", root, &warnings);
    let mut ids = Ids::default();

    let person = basics(&doc.object("basics"), &doc);
    let mut experience = Vec::new();
    for w in doc.objects("work") {
        experience.extend(role(&w, &mut ids, None));
    }
    for v in doc.objects("volunteer") {
        experience.extend(role(&v, &mut ids, Some(Label("volunteer".into()))));
    }
    let education: Vec<Education> = doc
        .objects("education")
        .iter()
        .filter_map(|e| school(e, &mut ids))
        .collect();
    let mut certifications = Vec::new();
    for a in doc.objects("awards") {
        let Some(name) = a.str("title") else {
            a.warn(format!("dropped `{}`: an award needs a `title`", a.path));
            continue;
        };
        certifications.push(Certification {
            id: Some(spanned(ids.make(&[&name], "award"))),
            name,
            issuer: a.str("awarder"),
            date: date(&a, "date"),
            url: None,
            tags: vec![spanned(AWARD_TAG.to_owned())],
            priority: 0,
        });
        a.drop("summary", "a certification has no summary in `resume`");
        a.finish(NO_PLACE);
    }
    for c in doc.objects("certificates") {
        let Some(name) = c.str("name") else {
            c.warn(format!(
                "dropped `{}`: a certificate needs a `name`",
                c.path
            ));
            continue;
        };
        certifications.push(Certification {
            id: Some(spanned(ids.make(&[&name], "certificate"))),
            name,
            issuer: c.str("issuer"),
            date: date(&c, "date"),
            url: c.str("url"),
            tags: Vec::new(),
            priority: 0,
        });
        c.finish(NO_PLACE);
    }
    let mut writing = Vec::new();
    for p in doc.objects("publications") {
        let Some(title) = p.str("name") else {
            p.warn(format!(
                "dropped `{}`: a publication needs a `name`",
                p.path
            ));
            continue;
        };
        writing.push(Writing {
            id: Some(spanned(ids.make(&[&title], "publication"))),
            title,
            kind: Some(Label("paper".into())),
            venue: p.str("publisher"),
            date: date(&p, "releaseDate"),
            url: p.str("url"),
            tags: Vec::new(),
            priority: 0,
        });
        p.drop("summary", "writing has no summary in `resume`");
        p.finish(NO_PLACE);
    }
    let mut skills = Vec::new();
    for s in doc.objects("skills") {
        let Some(group) = s.str("name") else {
            s.warn(format!("dropped `{}`: a skill needs a `name`", s.path));
            continue;
        };
        skills.push(SkillGroup {
            id: Some(spanned(ids.make(&["skills", &group], "skills"))),
            items: s.strings("keywords"),
            group,
            ..SkillGroup::default()
        });
        s.drop("level", "a skill group has no level in `resume`");
        s.finish(NO_PLACE);
    }
    let projects: Vec<Project> = doc
        .objects("projects")
        .iter()
        .filter_map(|p| project(p, &mut ids))
        .collect();
    for i in doc.objects("interests") {
        i.warn(format!(
            "dropped `{}`: `resume` has no interests section",
            i.path
        ));
    }
    for r in doc.objects("references") {
        r.warn(format!(
            "dropped `{}`: `resume` has no references section",
            r.path
        ));
    }
    let meta = doc.object("meta");
    let updated = meta.str("lastModified").and_then(|t| match parse_date(&t) {
        Ok(d) => d,
        Err(e) => {
            meta.warn(format!("dropped `meta.lastModified`: {e}"));
            None
        }
    });
    meta.drop("canonical", "`resume` content has no canonical address");
    meta.drop("version", "`resume` content has no version");
    meta.finish(NO_PLACE);
    doc.str("$schema");
    doc.finish("not part of the JSON Resume schema");

    let content = ContentFile {
        person: Some(spanned(person)),
        updated: updated.map(spanned),
        experience,
        education,
        skills,
        certifications,
        writing,
        projects,
        ..Default::default()
    };
    Imported::from_content(content, warnings.take())
}

fn date(o: &Obj, key: &str) -> Option<Date> {
    let text = o.str(key)?;
    parse_date(&text).unwrap_or_else(|e| {
        o.warn(format!("dropped `{}`: {e}", o.at(key)));
        None
    })
}

fn end(o: &Obj, key: &str) -> Option<End> {
    let text = o.str(key)?;
    parse_end(&text).unwrap_or_else(|e| {
        o.warn(format!("dropped `{}`: {e}", o.at(key)));
        None
    })
}

fn basics(b: &Obj, doc: &Obj) -> Person {
    let name = b.str("name").unwrap_or_else(|| {
        b.warn("`basics.name` is missing: the person's name is left empty; fill it in".into());
        String::new()
    });
    let headline = b.str("label").unwrap_or_else(|| {
        b.warn(
            "`basics.label` is missing: the headline is left empty; fill it in (`person.headline`)"
                .into(),
        );
        String::new()
    });
    // The schema has an object; some files have the place as one line of text.
    let location = if b.raw("location").is_some_and(Value::is_string) {
        b.str("location")
    } else {
        let loc = b.object("location");
        let parts: Vec<String> = ["city", "region", "countryCode"]
            .iter()
            .filter_map(|k| loc.str(k))
            .collect();
        let why = "`resume` keeps a location as city, region and country";
        loc.drop("address", why);
        loc.drop("postalCode", why);
        loc.finish(NO_PLACE);
        (!parts.is_empty()).then(|| parts.join(", "))
    };
    let mut links = Vec::new();
    for p in b.objects("profiles") {
        let url = p.str("url").or_else(|| {
            let (network, user) = (p.str("network")?, p.str("username")?);
            super::network_url(&network, &user)
        });
        match url {
            Some(url) => links.push(Link { url, ..Link::default() }),
            None => p.warn(format!(
                "dropped `{}`: a profile needs a `url` (or a well-known `network` and a `username`)",
                p.path
            )),
        }
        // The network and user name are read back from the address on export.
        p.str("network");
        p.str("username");
        p.finish(NO_PLACE);
    }
    b.drop(
        "image",
        "a photo must be a file in the content folder: copy it there and set `person.photo`",
    );
    let languages = doc
        .objects("languages")
        .iter()
        .filter_map(|l| {
            let name = l.str("language");
            if name.is_none() {
                l.warn(format!(
                    "dropped `{}`: a language needs a `language`",
                    l.path
                ));
            }
            let level = l.str("fluency");
            l.finish(NO_PLACE);
            Some(Language { name: name?, level })
        })
        .collect();
    let person = Person {
        name,
        headline,
        location,
        contact: Contact {
            email: b.str("email"),
            phone: b.str("phone"),
            website: b.str("url").or_else(|| b.str("website")),
            links,
        },
        summary: b.str("summary").map(Text::Plain),
        availability: None,
        photo: None,
        languages,
        variants: Default::default(),
    };
    b.finish(NO_PLACE);
    person
}

fn role(w: &Obj, ids: &mut Ids, employment: Option<Label>) -> Option<Role> {
    // `company` and `website` are the names of JSON Resume before 1.0.
    let organization = w
        .str("name")
        .or_else(|| w.str("company"))
        .or_else(|| w.str("organization"));
    let Some(organization) = organization else {
        w.warn(format!(
            "dropped `{}`: a role needs an organisation (`name`)",
            w.path
        ));
        return None;
    };
    let Some(start) = date(w, "startDate") else {
        w.warn(format!(
            "dropped `{}` ({organization}): a role needs a `startDate`",
            w.path
        ));
        return None;
    };
    let title = w.str("position").unwrap_or_else(|| {
        w.warn(format!(
            "`{}.position` is missing: the role's title is left empty",
            w.path
        ));
        String::new()
    });
    let base = bare_role(ids, title, Some(organization), Some(start));
    let role = Role {
        url: w.str("url").or_else(|| w.str("website")),
        employment,
        location: w.str("location"),
        end: end(w, "endDate").map(spanned),
        summary: w.str("summary").map(Text::Plain),
        highlights: w.strings("highlights").into_iter().map(bullet).collect(),
        ..base
    };
    w.drop(
        "description",
        "a role has no description of the organisation in `resume`",
    );
    w.finish(NO_PLACE);
    Some(role)
}

fn school(e: &Obj, ids: &mut Ids) -> Option<Education> {
    let Some(institution) = e.str("institution") else {
        e.warn(format!(
            "dropped `{}`: an education entry needs an `institution`",
            e.path
        ));
        return None;
    };
    let degree = match (e.str("studyType"), e.str("area")) {
        (Some(t), Some(a)) => format!("{t} in {a}"),
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => {
            e.warn(format!(
                "`{}` has no `studyType` or `area`: the degree is left empty",
                e.path
            ));
            String::new()
        }
    };
    let mut details = Vec::new();
    if let Some(score) = e.str("score") {
        details.push(bullet(format!("{SCORE_PREFIX}{score}")));
    }
    details.extend(e.strings("courses").into_iter().map(bullet));
    let start = date(e, "startDate");
    let id = ids.make(
        &[
            &institution,
            &start.map(|d| d.year.to_string()).unwrap_or_default(),
        ],
        "education",
    );
    let edu = Education {
        id: Some(spanned(id)),
        institution,
        degree: (!degree.is_empty()).then_some(degree),
        start: start.map(spanned),
        end: end(e, "endDate").map(spanned),
        details,
        ..Education::default()
    };
    e.drop("url", "an education entry has no address in `resume`");
    e.finish(NO_PLACE);
    Some(edu)
}

/// JSON Resume's free `type`, as typed: classifications are open labels.
fn classification(p: &Obj) -> Option<Label> {
    p.str("type").map(Label)
}

fn project(p: &Obj, ids: &mut Ids) -> Option<Project> {
    let Some(title) = p.str("name") else {
        p.warn(format!("dropped `{}`: a project needs a `name`", p.path));
        return None;
    };
    let tagline = p.str("description");
    let roles = p.strings("roles");
    let base = bare_project(ids.make(&[&title], "project"), title, classification(p));
    let project = Project {
        tagline,
        role: (!roles.is_empty()).then(|| roles.join(", ")),
        start: date(p, "startDate").map(spanned),
        end: end(p, "endDate").map(spanned),
        highlights: p.strings("highlights").into_iter().map(bullet).collect(),
        stack: p.strings("keywords"),
        links: p
            .str("url")
            .map(|url| vec![Link { url, ..Link::default() }])
            .unwrap_or_default(),
        ..base
    };
    p.drop(
        "entity",
        "link the project to a role with `at:` (a role id) instead",
    );
    p.finish(NO_PLACE);
    Some(project)
}

// ---------------------------------------------------------------------------------------
// Export

/// Inserts `value` under `key` unless it is empty.
fn put(map: &mut Map<String, Value>, key: &str, value: Value) {
    if !super::read::is_empty(&value) {
        map.insert(key.to_owned(), value);
    }
}

fn obj(pairs: &[(&str, Value)]) -> Value {
    let mut map = Map::new();
    for (k, v) in pairs {
        put(&mut map, k, v.clone());
    }
    Value::Object(map)
}

fn date_json(d: Option<&Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn end_json(e: Option<&End>) -> Value {
    match e {
        Some(End::Date(d)) => Value::String(d.to_string()),
        _ => Value::Null,
    }
}

/// The bullets a profile keeps of an entry, in the author's order.
fn kept<T>(c: &Chosen<T>) -> Value {
    let mut ranked = c.bullets.clone();
    ranked.sort_by_key(|r| r.position);
    ranked.iter().map(|r| json!(r.bullet.text)).collect()
}

/// A link as a JSON Resume profile: the network and user name read from the address.
fn profile(link: &Link) -> Value {
    let network = super::network_of(&link.url)
        .map(str::to_owned)
        .or_else(|| link.label.clone())
        .unwrap_or_else(|| {
            let host = link.url.split("://").nth(1).unwrap_or(&link.url);
            host.split('/').next().unwrap_or(host).to_owned()
        });
    let username = link
        .url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.trim_end_matches('/').rsplit('/').next())
        .map(|u| u.trim_start_matches('@').to_owned())
        .unwrap_or_default();
    obj(&[
        ("network", json!(network)),
        ("username", json!(username)),
        ("url", json!(link.url)),
    ])
}

/// The selection as a JSON Resume document.
pub fn export(sel: &Selection, content: &Content) -> Value {
    let p = &content.person;
    let basics = obj(&[
        ("name", json!(p.name)),
        ("label", json!(sel.headline)),
        ("email", json!(p.contact.email)),
        ("phone", json!(p.contact.phone)),
        ("url", json!(p.contact.website)),
        ("summary", json!(sel.summary)),
        (
            "location",
            p.location
                .as_ref()
                .map_or(Value::Null, |l| json!({ "city": l })),
        ),
        (
            "profiles",
            p.contact.links.iter().map(profile).collect::<Value>(),
        ),
    ]);
    let org = |name: &str, confidential: Option<&String>| match confidential {
        Some(public) if !sel.private => public.clone(),
        _ => name.to_owned(),
    };
    let mut work = Vec::new();
    let mut volunteer = Vec::new();
    for c in &sel.experience.shown {
        let r = c.entry;
        let hide = r.confidential.is_some() && !sel.private;
        let name = org(
            r.organization.as_deref().unwrap_or_default(),
            r.confidential.as_ref(),
        );
        let is_volunteer = r.employment.as_ref().is_some_and(|e| e.key() == "volunteer");
        let entry = obj(&[
            (
                if is_volunteer { "organization" } else { "name" },
                json!(name),
            ),
            ("position", json!(r.title)),
            ("url", json!(r.url.as_ref().filter(|_| !hide))),
            (
                "location",
                if is_volunteer {
                    Value::Null
                } else {
                    json!(r.location)
                },
            ),
            ("startDate", date_json(r.start.as_ref().map(|s| &s.value))),
            ("endDate", end_json(r.end.as_ref().map(|e| &e.value))),
            ("summary", json!(r.summary.as_ref().map(|s| s.strings().join("\n\n")))),
            ("highlights", kept(c)),
        ]);
        if is_volunteer {
            volunteer.push(entry);
        } else {
            work.push(entry);
        }
    }
    let education: Vec<Value> = sel
        .education
        .shown
        .iter()
        .map(|c| {
            let e = c.entry;
            let degree = e.degree.as_deref().unwrap_or_default();
            let (study, area) = match degree.split_once(" in ") {
                Some((t, a)) => (Value::from(t), Value::from(a)),
                None if degree.is_empty() => (Value::Null, Value::Null),
                None => (Value::Null, Value::from(degree)),
            };
            let mut ranked = c.bullets.clone();
            ranked.sort_by_key(|r| r.position);
            let mut score = Value::Null;
            let mut courses = Vec::new();
            for r in ranked {
                match r.bullet.text.strip_prefix(SCORE_PREFIX) {
                    Some(s) if score.is_null() => score = json!(s),
                    _ => courses.push(json!(r.bullet.text)),
                }
            }
            obj(&[
                ("institution", json!(e.institution)),
                ("area", area),
                ("studyType", study),
                ("startDate", date_json(e.start.as_ref().map(|d| &d.value))),
                ("endDate", end_json(e.end.as_ref().map(|d| &d.value))),
                ("score", score),
                ("courses", Value::Array(courses)),
            ])
        })
        .collect();
    let mut awards = Vec::new();
    let mut certificates = Vec::new();
    for c in &sel.certifications.shown {
        let c = c.entry;
        if c.tags.iter().any(|t| t.value == AWARD_TAG) {
            awards.push(obj(&[
                ("title", json!(c.name)),
                ("date", date_json(c.date.as_ref())),
                ("awarder", json!(c.issuer)),
            ]));
        } else {
            certificates.push(obj(&[
                ("name", json!(c.name)),
                ("date", date_json(c.date.as_ref())),
                ("url", json!(c.url)),
                ("issuer", json!(c.issuer)),
            ]));
        }
    }
    let publications: Vec<Value> = sel
        .writing
        .shown
        .iter()
        .map(|c| {
            let w = c.entry;
            obj(&[
                ("name", json!(w.title)),
                ("publisher", json!(w.venue)),
                ("releaseDate", date_json(w.date.as_ref())),
                ("url", json!(w.url)),
            ])
        })
        .collect();
    let skills: Vec<Value> = sel
        .skills
        .shown
        .iter()
        .map(|c| {
            obj(&[
                ("name", json!(c.entry.group)),
                ("keywords", json!(c.entry.items)),
            ])
        })
        .collect();
    let languages: Vec<Value> = p
        .languages
        .iter()
        .map(|l| obj(&[("language", json!(l.name)), ("fluency", json!(l.level))]))
        .collect();
    let projects: Vec<Value> = sel
        .projects
        .shown
        .iter()
        .map(|c| {
            let pr = c.entry;
            obj(&[
                ("name", json!(pr.title)),
                ("description", json!(pr.tagline)),
                ("highlights", kept(c)),
                ("keywords", json!(pr.stack)),
                ("startDate", date_json(pr.start.as_ref().map(|d| &d.value))),
                ("endDate", end_json(pr.end.as_ref().map(|d| &d.value))),
                ("url", json!(pr.links.first().map(|l| &l.url))),
                (
                    "roles",
                    json!(
                        pr.role
                            .iter()
                            .flat_map(|r| r.split(", "))
                            .collect::<Vec<_>>()
                    ),
                ),
                (
                    "type",
                    serde_json::to_value(&pr.classification).unwrap_or(Value::Null),
                ),
            ])
        })
        .collect();
    let meta = obj(&[("lastModified", date_json(content.updated.as_ref()))]);
    obj(&[
        (
            "$schema",
            json!("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"),
        ),
        ("basics", basics),
        ("work", Value::Array(work)),
        ("volunteer", Value::Array(volunteer)),
        ("education", Value::Array(education)),
        ("awards", Value::Array(awards)),
        ("certificates", Value::Array(certificates)),
        ("publications", Value::Array(publications)),
        ("skills", Value::Array(skills)),
        ("languages", Value::Array(languages)),
        ("projects", Value::Array(projects)),
        ("meta", meta),
    ])
}
