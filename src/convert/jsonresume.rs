//! JSON Resume (<https://jsonresume.org/schema>) in and out.
//!
//! What maps where (the README's "Coming from JSON Resume or RenderCV" says the same):
//! `basics` -> `person` (`label` is the headline, `location` one line, `profiles` links
//! with their network and user name); `work` (and the legacy `company`/`website`) ->
//! `experience` (`description` is the role's `about`); `volunteer` -> `volunteer`;
//! `education` -> `education` (`studyType in area` is the degree; `score`, `courses` and
//! `url` as they are); `awards` -> `awards`; `certificates` -> `certifications`;
//! `publications` -> `publications`; `skills` -> skill groups (with `level`);
//! `languages` -> `person.languages`; `interests` -> `interests`; `references` ->
//! `references` (private); `projects` -> `projects` (`type` is the classification as
//! typed, `entity` the organisation); `meta.lastModified` -> `updated`; `meta.language` (a
//! language tag: not in the schema, whose `meta` takes any key, but the key themes read,
//! as jsonresume-theme-class does) -> `design.locale`, the built-in locale of that
//! language. Everything else is named in a warning. Export writes the profile's locale
//! back as `meta.language`.

use serde_json::{Map, Value, json};

use super::read::{Obj, Warnings};
use super::{Ids, Imported, bare_project, bare_role, bullet, parse_date, parse_end, spanned};
use crate::model::{
    Certification, Contact, Content, ContentFile, Date, Education, End, Item, Label, Language,
    Link, Person, Project, Role, SkillGroup, Text,
};
use crate::select::{Chosen, Section, Selection};

const NO_PLACE: &str = "not part of the JSON Resume schema, and `resume` has no place for it";

/// Reads a JSON Resume document into content files.
pub fn import(root: &Value) -> Imported {
    let warnings = Warnings::default();
    let doc = Obj::new("", root, &warnings);
    let mut ids = Ids::default();

    let person = basics(&doc.object("basics"), &doc);
    let experience = doc
        .objects("work")
        .iter()
        .filter_map(|w| role(w, &mut ids, "name"))
        .collect();
    let volunteer = doc
        .objects("volunteer")
        .iter()
        .filter_map(|v| role(v, &mut ids, "organization"))
        .collect();
    let education: Vec<Education> = doc
        .objects("education")
        .iter()
        .filter_map(|e| school(e, &mut ids))
        .collect();
    let awards = items(&doc, "awards", &mut ids, |a| Item {
        title: a.str("title"),
        organization: a.str("awarder"),
        date: date(a, "date").map(spanned),
        summary: a.str("summary").map(Text::Plain),
        ..Item::default()
    });
    let mut certifications = Vec::new();
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
    let publications = items(&doc, "publications", &mut ids, |p| Item {
        title: p.str("name"),
        venue: p.str("publisher"),
        date: date(p, "releaseDate").map(spanned),
        url: p.str("url"),
        summary: p.str("summary").map(Text::Plain),
        ..Item::default()
    });
    let mut skills = Vec::new();
    for s in doc.objects("skills") {
        let Some(group) = s.str("name") else {
            s.warn(format!("dropped `{}`: a skill needs a `name`", s.path));
            continue;
        };
        skills.push(SkillGroup {
            id: Some(spanned(ids.make(&["skills", &group], "skills"))),
            items: s.strings("keywords"),
            level: s.str("level"),
            group,
            ..SkillGroup::default()
        });
        s.finish(NO_PLACE);
    }
    let projects: Vec<Project> = doc
        .objects("projects")
        .iter()
        .filter_map(|p| project(p, &mut ids))
        .collect();
    let interests = items(&doc, "interests", &mut ids, |i| Item {
        title: i.str("name"),
        items: i.strings("keywords"),
        ..Item::default()
    });
    let references = items(&doc, "references", &mut ids, |r| Item {
        title: r.str("name"),
        summary: r.str("reference").map(Text::Plain),
        ..Item::default()
    });
    let meta = doc.object("meta");
    let updated = meta.str("lastModified").and_then(|t| match parse_date(&t) {
        Ok(d) => d,
        Err(e) => {
            meta.warn(format!("dropped `meta.lastModified`: {e}"));
            None
        }
    });
    let locale = meta.str("language").and_then(|tag| match crate::locale::find(&tag) {
        Some(locale) => Some(locale.to_owned()),
        None => {
            meta.warn(format!(
                "dropped `meta.language`: `{tag}` is no built-in locale ({}); set `design.locale` to the closest and rename its labels with `design.labels`",
                crate::locale::tags().join(", ")
            ));
            None
        }
    });
    meta.drop("canonical", "`resume` content has no canonical address");
    meta.drop("version", "`resume` content has no version");
    meta.finish(NO_PLACE);
    doc.str("$schema");
    doc.finish("not part of the JSON Resume schema");

    let design = locale.map(|tag| {
        spanned(crate::model::Design {
            locale: Some(spanned(tag)),
            ..Default::default()
        })
    });
    let content = ContentFile {
        person: Some(spanned(person)),
        updated: updated.map(spanned),
        design,
        experience,
        volunteer,
        education,
        skills,
        certifications,
        publications,
        awards,
        interests,
        references,
        projects,
        ..Default::default()
    };
    Imported::from_content(content, warnings.take())
}

/// The entries of one of JSON Resume's simple sections as items, each with an id made
/// from its title; an entry without a title is dropped with a warning.
fn items(doc: &Obj, key: &str, ids: &mut Ids, read: impl Fn(&Obj) -> Item) -> Vec<Item> {
    let mut out = Vec::new();
    for o in doc.objects(key) {
        let item = read(&o);
        o.finish(NO_PLACE);
        let Some(title) = item.title.clone() else {
            o.warn(format!("dropped `{}`: it has no name or title", o.path));
            continue;
        };
        let fallback = key.trim_end_matches('s');
        out.push(Item {
            id: Some(spanned(ids.make(&[&title], fallback))),
            ..item
        });
    }
    out
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
        // One line, as a letter's address reads: street, postal code and city, region, country.
        let loc = b.object("location");
        let city = match (loc.str("postalCode"), loc.str("city")) {
            (Some(code), Some(city)) => Some(format!("{code} {city}")),
            (code, city) => city.or(code),
        };
        let parts: Vec<String> = [
            loc.str("address"),
            city,
            loc.str("region"),
            loc.str("countryCode"),
        ]
        .into_iter()
        .flatten()
        .map(|s| s.lines().map(str::trim).collect::<Vec<_>>().join(", "))
        .collect();
        loc.finish(NO_PLACE);
        (!parts.is_empty()).then(|| parts.join(", "))
    };
    let mut links = Vec::new();
    for p in b.objects("profiles") {
        let (network, username) = (p.str("network"), p.str("username"));
        let url = p
            .str("url")
            .or_else(|| super::network_url(network.as_deref()?, username.as_deref()?));
        // A profile on a network without a known address prints as `network: username`.
        if url.is_some() || (network.is_some() && username.is_some()) {
            links.push(Link {
                url,
                network,
                username,
                ..Link::default()
            });
        } else {
            p.warn(format!(
                "dropped `{}`: a profile needs a `url`, or a `network` and a `username`",
                p.path
            ));
        }
        p.finish(NO_PLACE);
    }
    // An address cannot be fetched (no network); a path beside the file is copied in by
    // `import`.
    let photo = match b.str("image") {
        Some(image) if image.contains("://") => {
            b.warn(format!(
                "dropped `basics.image` (`{image}`): a photo must be a file; save it into the content folder and set `person.photo`"
            ));
            None
        }
        image => image.map(|path| super::photo(path, &name)),
    };
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
        pronouns: b.str("pronouns"),
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
        photo,
        languages,
        variants: Default::default(),
    };
    b.finish(NO_PLACE);
    person
}

/// A work or volunteer entry; `org_key` is where the organisation's name is (`name` in
/// `work`, `organization` in `volunteer`).
fn role(w: &Obj, ids: &mut Ids, org_key: &str) -> Option<Role> {
    // `company` and `website` are the names of JSON Resume before 1.0.
    let organization = w
        .str(org_key)
        .or_else(|| w.str("company"))
        .or_else(|| w.str("organization"));
    let title = w.str("position");
    let Some(title) = title.or_else(|| organization.clone()) else {
        w.warn(format!(
            "dropped `{}`: it has neither a `position` nor an organisation",
            w.path
        ));
        return None;
    };
    let base = bare_role(ids, title, organization, date(w, "startDate"));
    let role = Role {
        url: w.str("url").or_else(|| w.str("website")),
        about: w.str("description").map(Text::Plain),
        location: w.str("location"),
        end: end(w, "endDate").map(spanned),
        summary: w.str("summary").map(Text::Plain),
        highlights: w.strings("highlights").into_iter().map(bullet).collect(),
        ..base
    };
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
        score: e.str("score"),
        courses: e.strings("courses"),
        url: e.str("url"),
        ..Education::default()
    };
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
        organization: p.str("entity"),
        role: (!roles.is_empty()).then(|| roles.join(", ")),
        start: date(p, "startDate").map(spanned),
        end: end(p, "endDate").map(spanned),
        highlights: p.strings("highlights").into_iter().map(bullet).collect(),
        stack: p.strings("keywords"),
        links: p
            .str("url")
            .map(|url| {
                vec![Link {
                    url: Some(url),
                    ..Link::default()
                }]
            })
            .unwrap_or_default(),
        ..base
    };
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

/// A link as a JSON Resume profile: the network and user name as written, or read from
/// the address.
fn profile(link: &Link) -> Value {
    let url = link.url.as_deref().unwrap_or_default();
    let network = link
        .network
        .clone()
        .or_else(|| super::network_of(url).map(str::to_owned))
        .or_else(|| link.label.clone())
        .unwrap_or_else(|| {
            let host = url.split("://").nth(1).unwrap_or(url);
            host.split('/').next().unwrap_or(host).to_owned()
        });
    let username = link.username.clone().unwrap_or_else(|| {
        url.split("://")
            .nth(1)
            .and_then(|rest| rest.trim_end_matches('/').rsplit('/').next())
            .map(|u| u.trim_start_matches('@').to_owned())
            .unwrap_or_default()
    });
    obj(&[
        ("network", json!(network)),
        ("username", json!(username)),
        ("url", json!(link.url)),
    ])
}

/// Long text as JSON Resume's one string: paragraphs and list items, a blank line apart.
fn plain(text: Option<&Text>) -> Value {
    text.map_or(Value::Null, |t| json!(t.strings().join("\n\n")))
}

/// A work or volunteer entry; `org_key` is where the organisation's name goes.
fn role_json(sel: &Selection, c: &Chosen<Role>, org_key: &str) -> Value {
    let r = c.entry;
    let hide = r.confidential.is_some() && !sel.private;
    let name = match &r.confidential {
        Some(public) if !sel.private => Some(public.clone()),
        _ => r.organization.clone(),
    };
    obj(&[
        (org_key, json!(name)),
        ("position", json!(r.title)),
        ("url", json!(r.url.as_ref().filter(|_| !hide))),
        ("location", json!(r.location)),
        ("description", plain(r.about.as_ref())),
        ("startDate", date_json(r.start.as_ref().map(|s| &s.value))),
        ("endDate", end_json(r.end.as_ref().map(|e| &e.value))),
        ("summary", plain(r.summary.as_ref())),
        ("highlights", kept(c)),
    ])
}

/// The shown entries of one of the simple sections, each written by `write`.
fn list_json(sel: &Selection, name: &str, write: impl Fn(&Item) -> Value) -> Value {
    let section: Option<&Section<Item>> = sel.list(name);
    section
        .map(|s| s.shown.iter().map(|c| write(c.entry)).collect())
        .unwrap_or(Value::Array(Vec::new()))
}

fn item_date(i: &Item) -> Value {
    date_json(i.date.as_ref().or(i.start.as_ref()).map(|d| &d.value))
}

/// The selection as a JSON Resume document.
pub fn export(sel: &Selection, content: &Content) -> Value {
    let p = &content.person;
    let basics = obj(&[
        ("name", json!(p.name)),
        ("label", json!(sel.headline)),
        ("pronouns", json!(p.pronouns)),
        ("email", json!(p.contact.email)),
        ("phone", json!(p.contact.phone)),
        ("url", json!(p.contact.website)),
        ("summary", plain(sel.summary)),
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
    let work: Vec<Value> = sel
        .experience
        .shown
        .iter()
        .map(|c| role_json(sel, c, "name"))
        .collect();
    let volunteer: Vec<Value> = sel
        .volunteer
        .shown
        .iter()
        .map(|c| role_json(sel, c, "organization"))
        .collect();
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
            obj(&[
                ("institution", json!(e.institution)),
                ("url", json!(e.url)),
                ("area", area),
                ("studyType", study),
                ("startDate", date_json(e.start.as_ref().map(|d| &d.value))),
                ("endDate", end_json(e.end.as_ref().map(|d| &d.value))),
                ("score", json!(e.score)),
                ("courses", json!(e.courses)),
            ])
        })
        .collect();
    let certificates: Vec<Value> = sel
        .certifications
        .shown
        .iter()
        .map(|c| {
            let c = c.entry;
            obj(&[
                ("name", json!(c.name)),
                ("date", date_json(c.date.as_ref())),
                ("url", json!(c.url)),
                ("issuer", json!(c.issuer)),
            ])
        })
        .collect();
    let awards = list_json(sel, "awards", |a| {
        obj(&[
            ("title", json!(a.title)),
            ("date", item_date(a)),
            ("awarder", json!(a.organization)),
            ("summary", plain(a.summary.as_ref())),
        ])
    });
    let mut publications: Vec<Value> = sel
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
    if let Value::Array(papers) = list_json(sel, "publications", |w| {
        obj(&[
            ("name", json!(w.title)),
            (
                "publisher",
                json!(w.venue.as_ref().or(w.organization.as_ref())),
            ),
            ("releaseDate", item_date(w)),
            ("url", json!(w.url)),
            ("summary", plain(w.summary.as_ref())),
        ])
    }) {
        publications.extend(papers);
    }
    let interests = list_json(sel, "interests", |i| {
        obj(&[("name", json!(i.title)), ("keywords", json!(i.items))])
    });
    let references = list_json(sel, "references", |r| {
        obj(&[
            ("name", json!(r.title)),
            ("reference", plain(r.summary.as_ref())),
        ])
    });
    let skills: Vec<Value> = sel
        .skills
        .shown
        .iter()
        .map(|c| {
            obj(&[
                ("name", json!(c.entry.group)),
                ("level", json!(c.entry.level)),
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
                ("entity", json!(pr.organization)),
                ("highlights", kept(c)),
                ("keywords", json!(pr.stack)),
                ("startDate", date_json(pr.start.as_ref().map(|d| &d.value))),
                ("endDate", end_json(pr.end.as_ref().map(|d| &d.value))),
                ("url", json!(pr.links.iter().find_map(|l| l.url.as_ref()))),
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
    let locale = sel.rules.design.over(&content.design).locale;
    let meta = obj(&[
        ("lastModified", date_json(content.updated.as_ref())),
        ("language", json!(locale.map(|l| l.value))),
    ]);
    obj(&[
        (
            "$schema",
            json!("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"),
        ),
        ("basics", basics),
        ("work", Value::Array(work)),
        ("volunteer", Value::Array(volunteer)),
        ("education", Value::Array(education)),
        ("awards", awards),
        ("certificates", Value::Array(certificates)),
        ("publications", Value::Array(publications)),
        ("skills", Value::Array(skills)),
        ("languages", Value::Array(languages)),
        ("interests", interests),
        ("references", references),
        ("projects", Value::Array(projects)),
        ("meta", meta),
    ])
}
