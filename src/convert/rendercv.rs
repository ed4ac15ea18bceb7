//! RenderCV (<https://rendercv.com>) 2.x YAML in.
//!
//! RenderCV's `cv.sections` is an ordered map of free titles to lists of entries whose
//! type is told by the fields present, as RenderCV itself does: `company`/`position` an
//! ExperienceEntry, `institution`/`area` an EducationEntry, `title`/`authors` a
//! PublicationEntry, `label`/`details` a OneLineEntry, `bullet` a BulletEntry, `number`
//! a NumberedEntry, `reversed_number` a ReversedNumberedEntry, `name` a NormalEntry, and
//! a plain string a TextEntry.
//!
//! A section goes where its title says, matched without regard to case against a short
//! list of English names (`TITLES`): `experience`, `volunteer`, `education`,
//! `projects`, `skills`, `certifications`, `publications`, `talks`, `awards`,
//! `interests`, `references`, and the person's `summary` — when its entries fit there
//! (experience takes Experience and NormalEntries; education EducationEntries; projects
//! and certifications NormalEntries; skills OneLineEntries, split at commas; the
//! summary TextEntries; publications, talks, awards, interests and references any type,
//! in the layout of the type when it is not the section's own). A title that differs
//! from the section's default title is kept as the section's `title`. Any other section,
//! or a second one for the same place, becomes a section of the author's own
//! (`sections:`) with its title as RenderCV prints it and its entries as items, in the
//! layout of its entry type: Experience, Education and NormalEntries `dated`,
//! PublicationEntries `publication` (authors, DOI, URL, `journal` the venue, date),
//! OneLineEntries `line`, TextEntries `text`, BulletEntries `bullets`, NumberedEntries
//! `numbered`, ReversedNumberedEntries `reversed`. Projects get no classification:
//! RenderCV does not say what kind of project it was.
//!
//! The CV prints RenderCV's sections in RenderCV's order, fitted to one page (RenderCV
//! spills onto a second): the import writes that as the `all` profile.
//! `design.theme` is our theme of that name when there is one (`classic`), else a
//! warning; `design.page.size` is the paper; `locale.language` our locale of that
//! language, and RenderCV's phrases for `present`, month names and abbreviations and the
//! `year`/`month` units are the `design.labels` of the same meaning where they differ
//! from the locale's own (`phrases.degree_with_area` builds the degrees);
//! `settings.current_date` is `updated`. Everything else is named in a warning. Text is
//! kept as typed: the Markdown both tools read (`**bold**`, `*italic*`, `` `code` ``,
//! links) means the same here.

use std::collections::BTreeMap;

use serde_json::Value;

use super::read::{Obj, Warnings};
use super::{Ids, Imported, bare_project, bare_role, bullet, parse_date, parse_end, spanned};
use crate::load::profiles::ALL;
use crate::load::yaml::{Kind, Node};
use crate::locale::{self, Catalog};
use crate::model::{
    BUILT_IN, Bullet, Certification, Contact, ContentFile, Date, Design, DocumentRule, Education,
    End, Item, LabelText, Layout, Link, Paper, Person, Profile, Project, RESERVED, Role,
    SectionDef, SkillGroup, Text, Theme, built_in,
};

const NO_PLACE: &str = "`resume` has no place for it";

/// Where a section goes, by its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Summary,
    Experience,
    Volunteer,
    Education,
    Projects,
    Skills,
    Certifications,
    Publications,
    Talks,
    Awards,
    Interests,
    References,
}

/// Section titles, lowercase, `_` read as a space and `&` as `and`, by where they go.
const TITLES: &[(Target, &[&str])] = &[
    (
        Target::Summary,
        &[
            "summary",
            "about",
            "about me",
            "profile",
            "professional summary",
            "objective",
            "introduction",
            "bio",
        ],
    ),
    (
        Target::Experience,
        &[
            "experience",
            "work experience",
            "professional experience",
            "relevant experience",
            "employment",
            "employment history",
            "work history",
            "work",
            "career",
        ],
    ),
    (
        Target::Volunteer,
        &[
            "volunteer",
            "volunteering",
            "volunteer experience",
            "volunteer work",
        ],
    ),
    (
        Target::Education,
        &["education", "academic background", "education and training"],
    ),
    (
        Target::Projects,
        &[
            "projects",
            "personal projects",
            "selected projects",
            "side projects",
        ],
    ),
    (
        Target::Skills,
        &["skills", "technical skills", "technologies", "core skills"],
    ),
    (
        Target::Certifications,
        &[
            "certifications",
            "certificates",
            "licenses and certifications",
            "licences and certifications",
        ],
    ),
    (
        Target::Publications,
        &["publications", "selected publications", "papers"],
    ),
    (
        Target::Talks,
        &[
            "talks",
            "selected talks",
            "invited talks",
            "conference talks",
            "presentations",
            "speaking",
        ],
    ),
    (
        Target::Awards,
        &[
            "awards",
            "honors",
            "honours",
            "prizes",
            "awards and honors",
            "awards and honours",
            "honors and awards",
            "honours and awards",
            "awards and achievements",
        ],
    ),
    (
        Target::Interests,
        &[
            "interests",
            "hobbies",
            "hobbies and interests",
            "interests and hobbies",
        ],
    ),
    (Target::References, &["references"]),
];

impl Target {
    fn of(title: &str) -> Option<Target> {
        let words = title.to_lowercase().replace('_', " ").replace('&', " and ");
        let title = words.split_whitespace().collect::<Vec<_>>().join(" ");
        TITLES
            .iter()
            .find(|(_, names)| names.contains(&title.as_str()))
            .map(|(t, _)| *t)
    }

    /// The section's name in `resume`.
    fn id(self) -> &'static str {
        match self {
            Target::Summary => "summary",
            Target::Experience => "experience",
            Target::Volunteer => "volunteer",
            Target::Education => "education",
            Target::Projects => "projects",
            Target::Skills => "skills",
            Target::Certifications => "certifications",
            Target::Publications => "publications",
            Target::Talks => "talks",
            Target::Awards => "awards",
            Target::Interests => "interests",
            Target::References => "references",
        }
    }

    /// Whether entries of this type have a place in it.
    fn takes(self, kind: EntryType) -> bool {
        match self {
            Target::Summary => kind == EntryType::Text,
            Target::Experience | Target::Volunteer => {
                matches!(kind, EntryType::Experience | EntryType::Normal)
            }
            Target::Education => kind == EntryType::Education,
            Target::Projects | Target::Certifications => kind == EntryType::Normal,
            Target::Skills => kind == EntryType::OneLine,
            Target::Publications
            | Target::Talks
            | Target::Awards
            | Target::Interests
            | Target::References => true,
        }
    }

    /// Whether its entries are items (a generic section).
    fn generic(self) -> bool {
        matches!(
            self,
            Target::Publications
                | Target::Talks
                | Target::Awards
                | Target::Interests
                | Target::References
        )
    }
}

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
    /// The layout that prints entries of this type as RenderCV does.
    fn layout(self) -> Layout {
        match self {
            EntryType::Experience | EntryType::Education | EntryType::Normal => Layout::Dated,
            EntryType::Publication => Layout::Publication,
            EntryType::OneLine => Layout::Line,
            EntryType::Text => Layout::Text,
            EntryType::Bullet => Layout::Bullets,
            EntryType::Numbered => Layout::Numbered,
            EntryType::ReversedNumbered => Layout::Reversed,
        }
    }

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
    volunteer: Vec<Role>,
    education: Vec<Education>,
    projects: Vec<Project>,
    certifications: Vec<Certification>,
    skills: Vec<SkillGroup>,
    publications: Vec<Item>,
    talks: Vec<Item>,
    awards: Vec<Item>,
    interests: Vec<Item>,
    references: Vec<Item>,
    sections: Vec<SectionDef>,
    /// The sections that have something, in RenderCV's order, by our names.
    order: Vec<String>,
    /// The places already given to a RenderCV section.
    taken: Vec<Target>,
}

impl Parts {
    fn items(&mut self, target: Target) -> Option<&mut Vec<Item>> {
        Some(match target {
            Target::Publications => &mut self.publications,
            Target::Talks => &mut self.talks,
            Target::Awards => &mut self.awards,
            Target::Interests => &mut self.interests,
            Target::References => &mut self.references,
            _ => return None,
        })
    }
}

/// What every entry is read with.
struct Cx<'w> {
    warnings: &'w Warnings,
    ids: Ids,
    /// The catalogue of the documents' language, to tell a default title.
    catalog: Catalog,
    /// RenderCV's `phrases.degree_with_area`: `DEGREE in AREA`.
    degree_with_area: String,
}

/// Reads a RenderCV document (its YAML tree) into content files.
pub fn import(root: &Node) -> Imported {
    let warnings = Warnings::default();
    let value = root.to_json_text();
    let doc = Obj::new("", &value, &warnings);
    let cv = doc.object("cv");
    if !doc.has("cv") {
        warnings.push("the file has no `cv`: is it a RenderCV file?".to_owned());
    }
    let mut design = read_design(&doc.object("design"));
    let locale = read_locale(&doc.object("locale"), "locale");
    let catalog_locale = read_locale(&doc.object("locale_catalog"), "locale_catalog");
    if locale.is_some() && catalog_locale.is_some() {
        warnings.push(
            "dropped `locale_catalog`: RenderCV 1.x's name for `locale`, which the file also has"
                .to_owned(),
        );
    }
    let locale = locale.or(catalog_locale);
    let updated = ["settings", "rendercv_settings"]
        .into_iter()
        .find_map(|key| read_settings(&doc.object(key)));
    doc.finish("not a RenderCV section");

    let mut cx = Cx {
        warnings: &warnings,
        ids: Ids::default(),
        catalog: Catalog::new(
            locale.as_ref().and_then(|l| l.tag.as_deref()),
            std::iter::empty(),
        ),
        degree_with_area: locale
            .as_ref()
            .and_then(|l| l.degree_with_area.clone())
            .unwrap_or_else(|| "DEGREE in AREA".to_owned()),
    };
    if let Some(l) = locale {
        design.locale = l.tag.map(spanned);
        design.labels = l
            .labels
            .into_iter()
            .map(|(k, v)| (spanned(k.to_owned()), spanned(v)))
            .collect();
    }

    let mut parts = Parts::default();
    cv.raw("sections");
    for (title, entries) in ordered_sections(root) {
        section(&title, &entries, &mut cx, &mut parts);
    }

    let person = person(&cv, &parts);
    cv.finish(NO_PLACE);

    let profiles = if parts.order.is_empty() {
        BTreeMap::new()
    } else {
        let cv_rule = DocumentRule {
            sections: Some(parts.order.iter().cloned().map(spanned).collect()),
            ..DocumentRule::default()
        };
        let profile = Profile {
            description: Some(
                "everything; the CV shows RenderCV's sections in RenderCV's order".to_owned(),
            ),
            documents: BTreeMap::from([(spanned("cv".to_owned()), cv_rule)]),
            ..Profile::default()
        };
        BTreeMap::from([(ALL.to_owned(), spanned(profile))])
    };
    let design_empty = serde_json::to_value(&design)
        .ok()
        .and_then(|v| v.as_object().map(serde_json::Map::is_empty))
        .unwrap_or(true);

    let content = ContentFile {
        person: Some(spanned(person)),
        updated: updated.map(spanned),
        experience: parts.experience,
        volunteer: parts.volunteer,
        education: parts.education,
        skills: parts.skills,
        certifications: parts.certifications,
        publications: parts.publications,
        talks: parts.talks,
        awards: parts.awards,
        interests: parts.interests,
        references: parts.references,
        sections: parts.sections,
        projects: parts.projects,
        profiles,
        design: (!design_empty).then(|| spanned(design)),
        ..Default::default()
    };
    Imported::from_content(content, warnings.take())
}

fn person(cv: &Obj, parts: &Parts) -> Person {
    let mut links = Vec::new();
    for s in cv.objects("social_networks") {
        let (network, user) = (s.str("network"), s.str("username"));
        match (&network, &user) {
            // A network RenderCV does not know has no address: it prints as text.
            (Some(n), Some(u)) => links.push(Link {
                url: super::network_url(n, u),
                network,
                username: user,
                ..Link::default()
            }),
            _ => s.warn(format!(
                "dropped `{}`: a social network needs `network` and `username`",
                s.path
            )),
        }
        s.finish(NO_PLACE);
    }
    for c in cv.objects("custom_connections") {
        match c.str("url") {
            Some(url) => links.push(Link {
                url: Some(url),
                label: c.str("placeholder"),
                ..Link::default()
            }),
            None => c.warn(format!(
                "dropped `{}`: a connection without a `url` has no place in `resume`",
                c.path
            )),
        }
        c.drop("fontawesome_icon", "`resume` prints no icons");
        c.finish(NO_PLACE);
    }
    // RenderCV takes one or several of each; `resume` has one email, phone and website,
    // and more websites are links.
    let first = |key: &str| -> (Option<String>, Vec<String>) {
        let mut all = cv.strings(key).into_iter();
        (all.next(), all.collect())
    };
    let (email, more_emails) = first("email");
    let (phone, more_phones) = first("phone");
    let (website, more_websites) = first("website");
    for (key, more) in [("email", more_emails), ("phone", more_phones)] {
        if !more.is_empty() {
            cv.warn(format!(
                "dropped `{}` after the first ({}): `resume` has one {key}",
                cv.at(key),
                more.join(", ")
            ));
        }
    }
    links.extend(more_websites.into_iter().map(|url| Link {
        url: Some(url),
        ..Link::default()
    }));
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
    // A path beside the RenderCV file: `import` copies it into the content folder.
    let photo = cv.str("photo").map(|path| super::photo(path, &name));
    Person {
        name,
        pronouns: None,
        headline,
        location: cv.str("location"),
        contact: Contact {
            email,
            phone,
            website,
            links,
        },
        summary: (!parts.summary.is_empty()).then(|| Text::Plain(parts.summary.join("\n\n"))),
        availability: None,
        photo,
        languages: Vec::new(),
        variants: Default::default(),
    }
}

/// `design.theme` and `design.page.size`; the rest of RenderCV's design is its own.
fn read_design(d: &Obj) -> Design {
    let theme = d.str("theme").and_then(|name| {
        let found = Theme::ALL
            .iter()
            .copied()
            .find(|t| t.name().eq_ignore_ascii_case(name.trim()));
        if found.is_none() {
            let mut ours: Vec<String> = Theme::ALL
                .iter()
                .map(|t| format!("`{}`", t.name()))
                .collect();
            let last = ours.pop().unwrap_or_default();
            d.warn(format!(
                "dropped `{}` (`{name}`): `resume` has no theme of that name; its themes are {} and {last}",
                d.at("theme"),
                ours.join(", ")
            ));
        }
        found
    });
    let page = d.object("page");
    let paper = page.str("size").and_then(|size| match size.trim() {
        "a4" => Some(Paper::A4),
        "us-letter" => Some(Paper::UsLetter),
        other => {
            page.warn(format!(
                "dropped `{}` (`{other}`): `resume` prints on `a4` or `us-letter`",
                page.at("size")
            ));
            None
        }
    });
    page.finish("RenderCV's own page setting; `resume` has `design.margins` instead");
    d.finish("RenderCV's own design setting; `resume` has `design:` (theme, accent, font, paper, margins, font size)");
    Design {
        theme,
        paper,
        ..Design::default()
    }
}

/// What RenderCV's `locale` (or 1.x `locale_catalog`) gives.
struct Locale {
    /// Our locale of its language.
    tag: Option<String>,
    /// Its phrases, where they differ from our catalogue's.
    labels: BTreeMap<&'static str, LabelText>,
    degree_with_area: Option<String>,
}

/// RenderCV's language names and our locales of them.
const LANGUAGES: &[(&str, &str)] = &[
    ("english", "en"),
    ("arabic", "ar"),
    ("danish", "da"),
    ("dutch", "nl"),
    ("french", "fr"),
    ("german", "de"),
    ("hebrew", "he"),
    ("hindi", "hi"),
    ("hungarian", "hu"),
    ("indonesian", "id"),
    ("italian", "it"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("mandarin_chinese", "zh-Hans"),
    ("norwegian_bokmål", "nb"),
    ("norwegian_nynorsk", "nn"),
    ("persian", "fa"),
    ("portuguese", "pt"),
    ("russian", "ru"),
    ("spanish", "es"),
    ("turkish", "tr"),
    ("vietnamese", "vi"),
];

fn read_locale(o: &Obj, key: &str) -> Option<Locale> {
    if !o.is_present() {
        return None;
    }
    let language = o.str("language");
    let tag = language.as_deref().and_then(|name| {
        let lower = name.trim().to_lowercase().replace([' ', '-'], "_");
        let found = LANGUAGES
            .iter()
            .find(|(n, _)| *n == lower)
            .map(|(_, t)| *t)
            .or_else(|| locale::find(name.trim()));
        if found.is_none() {
            o.warn(format!(
                "dropped `{key}.language` (`{name}`): `resume` has no locale for it; it has {}",
                locale::tags().join(", ")
            ));
        }
        found.map(str::to_owned)
    });
    let ours = Catalog::new(tag.as_deref(), std::iter::empty());
    let mut labels = BTreeMap::new();
    let mut put = |key: &'static str, value: LabelText| {
        if ours.get(key) != Some(&value) {
            labels.insert(key, value);
        }
    };
    if let Some(present) = o.str("present") {
        put("present", LabelText::Text(present));
    }
    for (theirs, mine) in [
        ("month_names", "months"),
        ("full_names_of_months", "months"),
        ("month_abbreviations", "months_short"),
        ("abbreviations_for_months", "months_short"),
    ] {
        let names = o.strings(theirs);
        if names.len() == 12 {
            put(mine, LabelText::List(names));
        } else if !names.is_empty() {
            o.warn(format!(
                "dropped `{}`: it needs 12 names, one a month",
                o.at(theirs)
            ));
        }
    }
    // RenderCV's units are words (`year`, `years`); ours count (`{n} yr`).
    for (one, other, mine) in [
        ("year", "years", "years"),
        ("month", "months", "months_count"),
    ] {
        let (a, b) = (o.str(one), o.str(other));
        if let Some(singular) = a.clone().or_else(|| b.clone()) {
            let plural = b.unwrap_or_else(|| singular.clone());
            put(
                mine,
                LabelText::Forms(BTreeMap::from([
                    ("one".to_owned(), format!("{{n}} {singular}")),
                    ("other".to_owned(), format!("{{n}} {plural}")),
                ])),
            );
        }
    }
    let phrases = o.object("phrases");
    let degree_with_area = phrases.str("degree_with_area");
    phrases.finish("a RenderCV phrase `resume` has no label for");
    o.finish("a RenderCV locale setting `resume` has no label for");
    Some(Locale {
        tag,
        labels,
        degree_with_area,
    })
}

/// `settings.current_date` (RenderCV 2.x) or `rendercv_settings.date` (1.x): the date
/// the documents are of.
fn read_settings(o: &Obj) -> Option<Date> {
    let text = o.str("current_date").or_else(|| o.str("date"));
    o.finish("RenderCV's own setting; `resume` has no such setting");
    let text = text?;
    if text.trim().eq_ignore_ascii_case("today") {
        return None;
    }
    parse_date(&text).unwrap_or_else(|err| {
        o.warn(format!("dropped the date `{text}` of `{}`: {err}", o.path));
        None
    })
}

fn section(title: &str, entries: &Value, cx: &mut Cx, parts: &mut Parts) {
    let path = format!("cv.sections.{title}");
    let Value::Array(entries) = entries else {
        if !super::read::is_empty(entries) {
            cx.warnings
                .push(format!("dropped `{path}`: a section is a list of entries"));
        }
        return;
    };
    let Some(kind) = entries.iter().find_map(EntryType::of) else {
        if !entries.is_empty() {
            cx.warnings.push(format!(
                "dropped `{path}`: its entries match no RenderCV entry type"
            ));
        }
        return;
    };
    let target = Target::of(title).filter(|t| t.takes(kind) && !parts.taken.contains(t));
    let shown = section_title(title);
    let mut items = Vec::new();
    let mut landed = 0;
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("{path}[{i}]");
        if EntryType::of(entry) != Some(kind) {
            cx.warnings.push(format!(
                "dropped `{at}`: the section holds {}s and this entry is not one",
                kind.name()
            ));
            continue;
        }
        if let Value::String(s) = entry {
            if target == Some(Target::Summary) {
                parts.summary.push(s.clone());
            } else {
                items.push(Item {
                    summary: Some(Text::Plain(s.clone())),
                    ..Item::default()
                });
            }
            landed += 1;
            continue;
        }
        let e = Obj::new(at, entry, cx.warnings);
        let kept = match target {
            Some(Target::Experience) => push(&mut parts.experience, role(&e, kind, &mut cx.ids)),
            Some(Target::Volunteer) => push(&mut parts.volunteer, role(&e, kind, &mut cx.ids)),
            Some(Target::Education) => push(&mut parts.education, education(&e, cx)),
            Some(Target::Projects) => push(&mut parts.projects, project(&e, &mut cx.ids)),
            Some(Target::Certifications) => {
                push(&mut parts.certifications, certification(&e, &mut cx.ids))
            }
            Some(Target::Skills) => push(&mut parts.skills, skill_group(&e, &mut cx.ids)),
            Some(Target::Summary) => false,
            Some(_) | None => push(&mut items, item(kind, &e, cx)),
        };
        landed += usize::from(kept);
        e.finish(NO_PLACE);
    }
    if landed == 0 {
        return;
    }
    let id = match target {
        Some(t) => {
            parts.taken.push(t);
            if let Some(list) = parts.items(t) {
                list.extend(items);
            }
            // Its title as RenderCV prints it, when that is not ours; and the layout of
            // its entry type, when that is not the section's own.
            let default_title = cx.catalog.text(t.id());
            let title = (!shown.eq_ignore_ascii_case(default_title)).then(|| shown.clone());
            let layout = built_in(t.id())
                .and_then(|b| b.layout)
                .filter(|l| t.generic() && *l != kind.layout())
                .map(|_| spanned(kind.layout()));
            if title.is_some() || layout.is_some() {
                parts.sections.push(SectionDef {
                    id: spanned(t.id().to_owned()),
                    title,
                    intro: None,
                    layout,
                    entries: Vec::new(),
                });
            }
            t.id().to_owned()
        }
        None => {
            let id = own_id(title, &mut cx.ids);
            parts.sections.push(SectionDef {
                id: spanned(id.clone()),
                title: Some(shown),
                intro: None,
                layout: Some(spanned(kind.layout())),
                entries: items,
            });
            id
        }
    };
    parts.order.push(id);
}

fn push<T>(list: &mut Vec<T>, value: Option<T>) -> bool {
    let some = value.is_some();
    list.extend(value);
    some
}

/// A name for a section of the author's own, from its title, that no built-in section
/// has, is not reserved, and does not read as a typo of a built-in one.
fn own_id(title: &str, ids: &mut Ids) -> String {
    let names: Vec<&str> = BUILT_IN.iter().map(|b| b.name).collect();
    let clashes = |id: &str| {
        built_in(id).is_some()
            || built_in(&id.replace('-', "_")).is_some()
            || RESERVED.contains(&id)
            || crate::suggest::did_you_mean(id, &names)
                .is_some_and(|s| s.trim_end_matches('s') == id.trim_end_matches('s'))
    };
    let id = ids.make(&[title], "section");
    if clashes(&id) {
        ids.make(&[title, "section"], "section")
    } else {
        id
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
        if let Ok(Some(d)) = parse_date(&text) {
            return (Some(d), Some(End::Date(d)));
        }
        // Free text (`Summer 2017`, `Fall 2020 – Spring 2021`): its years keep the entry
        // in its place in time.
        let years = years_in(&text);
        let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
            e.warn(format!(
                "dropped `{}` (`{text}`): `resume` dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
                e.at("date")
            ));
            return (None, None);
        };
        let year = |y| Date {
            year: y,
            month: None,
            day: None,
        };
        let shown = if first == last {
            first.to_string()
        } else {
            format!("{first} – {last}")
        };
        e.warn(format!(
            "`{}` (`{text}`) is read as `{shown}`: `resume` dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
            e.at("date")
        ));
        return (Some(year(first)), Some(End::Date(year(last))));
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

/// The plausible years written in free text, in order: `Fall 2020 – Spring 2021` has
/// 2020 and 2021.
fn years_in(text: &str) -> Vec<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1900..=2100).contains(y))
        .collect()
}

/// An item's dates: one `date`, or a period. A free-form `date` (`Summer 2017`) is kept
/// as typed among the entry's short items, where it prints beside the location.
fn item_dates(e: &Obj) -> Item {
    if let Some(text) = e.str("date") {
        e.str("start_date");
        e.str("end_date");
        return match parse_date(&text) {
            Ok(Some(d)) => Item {
                date: Some(spanned(d)),
                ..Item::default()
            },
            _ => Item {
                items: vec![text],
                ..Item::default()
            },
        };
    }
    match dates(e) {
        (Some(start), Some(End::Date(end))) if start == end => Item {
            date: Some(spanned(start)),
            ..Item::default()
        },
        (start, end) => Item {
            start: start.map(spanned),
            end: end.map(spanned),
            ..Item::default()
        },
    }
}

/// Any entry as an item of a generic section or a section of the author's own.
fn item(kind: EntryType, e: &Obj, cx: &mut Cx) -> Option<Item> {
    let text = |key: &str| e.str(key).map(Text::Plain);
    let highlights =
        || -> Vec<Bullet> { e.strings("highlights").into_iter().map(bullet).collect() };
    let item = match kind {
        EntryType::Experience => Item {
            title: e.str("position").or_else(|| e.str("company")),
            organization: e.str("company").filter(|_| e.has("position")),
            location: e.str("location"),
            summary: text("summary"),
            highlights: highlights(),
            url: e.str("url"),
            ..item_dates(e)
        },
        EntryType::Education => Item {
            title: e.str("institution"),
            subtitle: degree(e, &cx.degree_with_area),
            location: e.str("location"),
            summary: text("summary"),
            highlights: highlights(),
            url: e.str("url"),
            ..item_dates(e)
        },
        EntryType::Normal => Item {
            title: e.str("name"),
            location: e.str("location"),
            summary: text("summary"),
            highlights: highlights(),
            url: e.str("url"),
            ..item_dates(e)
        },
        EntryType::Publication => Item {
            title: e.str("title"),
            authors: e.strings("authors").iter().map(|a| plain_name(a)).collect(),
            venue: e.str("journal"),
            doi: e.str("doi"),
            url: e.str("url"),
            summary: text("summary"),
            ..item_dates(e)
        },
        EntryType::OneLine => Item {
            title: e.str("label"),
            summary: text("details"),
            ..Item::default()
        },
        EntryType::Bullet => Item {
            summary: text("bullet"),
            ..Item::default()
        },
        EntryType::Numbered => Item {
            summary: text("number"),
            ..Item::default()
        },
        EntryType::ReversedNumbered => Item {
            summary: text("reversed_number"),
            ..Item::default()
        },
        // A TextEntry is a string, read by the caller.
        EntryType::Text => return None,
    };
    if item.title.is_none() && item.summary.is_none() {
        e.warn(format!("dropped `{}`: it has no text", e.path));
        return None;
    }
    let id = item
        .title
        .as_deref()
        .map(|t| spanned(cx.ids.make(&[t], "entry")));
    Some(Item { id, ..item })
}

/// An author as RenderCV users mark themselves, `**Ada Lovelace**`, without the
/// emphasis: `resume` emphasises the person's own name by itself.
fn plain_name(author: &str) -> String {
    let a = author.trim();
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = a.strip_prefix(mark).and_then(|r| r.strip_suffix(mark))
            && !inner.is_empty()
        {
            return inner.trim().to_owned();
        }
    }
    a.to_owned()
}

/// `degree in area`, by RenderCV's `phrases.degree_with_area`.
fn degree(e: &Obj, template: &str) -> Option<String> {
    match (e.str("degree"), e.str("area")) {
        (Some(d), Some(a)) => Some(template.replace("DEGREE", &d).replace("AREA", &a)),
        (Some(x), None) | (None, Some(x)) => Some(x),
        (None, None) => None,
    }
}

/// An ExperienceEntry (`position` at `company`), or a NormalEntry (`name`), as a role.
fn role(e: &Obj, kind: EntryType, ids: &mut Ids) -> Option<Role> {
    let (title, organization) = if kind == EntryType::Experience {
        let company = e.str("company");
        (e.str("position").or_else(|| company.clone()), company)
    } else {
        (e.str("name"), None)
    };
    let Some(title) = title else {
        e.warn(format!(
            "dropped `{}`: it has no `position` or `name`",
            e.path
        ));
        return None;
    };
    let (start, end) = dates(e);
    let Some(start) = start else {
        let who = match &organization {
            Some(org) => format!("{title} at {org}"),
            None => title,
        };
        e.warn(format!(
            "dropped `{}` ({who}): a role needs a start date",
            e.path
        ));
        return None;
    };
    let base = bare_role(ids, title, organization, Some(start));
    Some(Role {
        location: e.str("location"),
        end: end.map(spanned),
        summary: e.str("summary").map(Text::Plain),
        highlights: e.strings("highlights").into_iter().map(bullet).collect(),
        url: e.str("url"),
        ..base
    })
}

fn education(e: &Obj, cx: &mut Cx) -> Option<Education> {
    let Some(institution) = e.str("institution") else {
        e.warn(format!("dropped `{}`: it has no `institution`", e.path));
        return None;
    };
    let degree = degree(e, &cx.degree_with_area);
    let (start, end) = dates(e);
    let mut details: Vec<Bullet> = e.str("summary").into_iter().map(bullet).collect();
    details.extend(e.strings("highlights").into_iter().map(bullet));
    let year = start.map(|d| d.year.to_string()).unwrap_or_default();
    Some(Education {
        id: Some(spanned(cx.ids.make(&[&institution, &year], "education"))),
        institution,
        degree,
        location: e.str("location"),
        start: start.map(spanned),
        end: end.map(spanned),
        details,
        url: e.str("url"),
        ..Education::default()
    })
}

fn skill_group(e: &Obj, ids: &mut Ids) -> Option<SkillGroup> {
    let Some(group) = e.str("label") else {
        e.warn(format!("dropped `{}`: it has no `label`", e.path));
        return None;
    };
    let items = e
        .str("details")
        .map(|d| {
            d.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Some(SkillGroup {
        id: Some(spanned(ids.make(&["skills", &group], "skills"))),
        group,
        items,
        ..SkillGroup::default()
    })
}

fn project(e: &Obj, ids: &mut Ids) -> Option<Project> {
    // A name written as a Markdown link is the title, and its address a link.
    let (title, in_name) = super::split_links(&e.str("name")?);
    let (start, end) = dates(e);
    let links = e
        .str("url")
        .into_iter()
        .chain(in_name)
        .map(|url| Link {
            url: Some(url),
            ..Link::default()
        })
        .collect();
    e.drop("location", "a project has no location in `resume`");
    // RenderCV says nothing of what kind of project it was: no classification is invented.
    let base = bare_project(ids.make(&[&title], "project"), title, None);
    Some(Project {
        tagline: e.str("summary"),
        start: start.map(spanned),
        end: end.map(spanned),
        highlights: e.strings("highlights").into_iter().map(bullet).collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_matched_without_regard_to_case() {
        assert_eq!(Target::of("Talks"), Some(Target::Talks));
        assert_eq!(Target::of("awards_and_honours"), Some(Target::Awards));
        assert_eq!(Target::of("Honors & Awards"), Some(Target::Awards));
        assert_eq!(Target::of("WORK EXPERIENCE"), Some(Target::Experience));
        assert_eq!(Target::of("Patents"), None);
    }

    #[test]
    fn own_names_never_take_a_built_in_one() {
        let mut ids = Ids::default();
        assert_eq!(own_id("patents", &mut ids), "patents");
        assert_eq!(own_id("languages", &mut ids), "languages-section");
        assert_eq!(own_id("Case Studies", &mut ids), "case-studies-section");
        assert_eq!(own_id("talk", &mut ids), "talk-section");
    }

    #[test]
    fn authors_lose_rendercv_emphasis() {
        assert_eq!(plain_name("**Ada Lovelace**"), "Ada Lovelace");
        assert_eq!(plain_name("*Ada*"), "Ada");
        assert_eq!(plain_name("Ada **Lovelace**"), "Ada **Lovelace**");
    }
}
