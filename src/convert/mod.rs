//! Converting to and from other résumé formats: JSON Resume and RenderCV in, JSON
//! Resume out.
//!
//! An import reads the other format into our model ([`crate::model::ContentFile`]s, one
//! per file a person would write: `person.yaml`, `experience.yaml`, `projects/<id>.yaml`...)
//! and names every field it had to leave behind, with the reason; `yaml_out` then writes
//! those files. Building model values (rather than YAML text) keeps an import honest:
//! whatever it produces has the shape `resume check` expects. The export reads a
//! profile's selection and writes JSON Resume. Data flows one way in each direction.

pub mod jsonresume;
mod read;
pub mod rendercv;
pub mod yaml_out;

use std::collections::HashSet;

use crate::model::{Bullet, ContentFile, Date, End, Figure, Label, Project, Role, Span, Spanned};

/// A photo as an import finds it: a path relative to the imported file, which `import`
/// copies into the content folder (or drops, with a warning, when there is no such file).
fn photo(path: String, name: &str) -> Figure {
    Figure {
        path: Spanned::new(path, Default::default()),
        alt: Some(format!("Photo of {name}")),
        ..Figure::default()
    }
}

/// One content file to write: its path under the content folder, and its sections.
pub struct OutFile {
    pub path: String,
    pub content: ContentFile,
}

/// The result of an import: the files, and a warning for each field left behind.
#[derive(Default)]
pub struct Imported {
    pub files: Vec<OutFile>,
    pub warnings: Vec<String>,
}

impl Imported {
    /// Lays a whole import out as a person would write it: `person.yaml`, `meta.yaml`
    /// (the date), `design.yaml`, a file per section, and a file per project under
    /// `projects/` and per case study under `case-studies/`. Empty ones are left out.
    pub fn from_content(content: ContentFile, warnings: Vec<String>) -> Imported {
        // Every field by name, so that a new section cannot be dropped unnoticed.
        let ContentFile {
            person,
            experience,
            volunteer,
            projects,
            case_studies,
            metrics,
            principles,
            explorations,
            skills,
            education,
            certifications,
            writing,
            publications,
            talks,
            awards,
            interests,
            references,
            sections,
            profiles,
            applications,
            design,
            updated,
        } = content;
        let none = ContentFile::default;
        let mut out = Imported {
            files: Vec::new(),
            warnings,
        };
        out.file("person.yaml", ContentFile { person, ..none() });
        out.file("meta.yaml", ContentFile { updated, ..none() });
        out.file("design.yaml", ContentFile { design, ..none() });
        out.file(
            "experience.yaml",
            ContentFile {
                experience,
                ..none()
            },
        );
        out.file(
            "education.yaml",
            ContentFile {
                education,
                ..none()
            },
        );
        out.file(
            "volunteer.yaml",
            ContentFile {
                volunteer,
                ..none()
            },
        );
        out.file("skills.yaml", ContentFile { skills, ..none() });
        out.file(
            "applications.yaml",
            ContentFile {
                applications,
                ..none()
            },
        );
        out.file(
            "publications.yaml",
            ContentFile {
                publications,
                ..none()
            },
        );
        out.file("talks.yaml", ContentFile { talks, ..none() });
        out.file("awards.yaml", ContentFile { awards, ..none() });
        out.file(
            "interests.yaml",
            ContentFile {
                interests,
                ..none()
            },
        );
        out.file(
            "references.yaml",
            ContentFile {
                references,
                ..none()
            },
        );
        out.file("sections.yaml", ContentFile { sections, ..none() });
        out.file(
            "certifications.yaml",
            ContentFile {
                certifications,
                ..none()
            },
        );
        out.file("writing.yaml", ContentFile { writing, ..none() });
        out.file(
            "principles.yaml",
            ContentFile {
                principles,
                ..none()
            },
        );
        out.file("metrics.yaml", ContentFile { metrics, ..none() });
        out.file(
            "explorations.yaml",
            ContentFile {
                explorations,
                ..none()
            },
        );
        out.file("profiles.yaml", ContentFile { profiles, ..none() });
        for p in projects {
            let path = format!("projects/{}.yaml", p.id.value);
            let projects = vec![p];
            out.file(path, ContentFile { projects, ..none() });
        }
        for c in case_studies {
            let path = format!("case-studies/{}.yaml", c.id.value);
            let case_studies = vec![c];
            out.file(
                path,
                ContentFile {
                    case_studies,
                    ..none()
                },
            );
        }
        out
    }

    /// Adds a file unless it would be empty.
    pub fn file(&mut self, path: impl Into<String>, content: ContentFile) {
        let empty = serde_json::to_value(&content)
            .ok()
            .and_then(|v| v.as_object().map(serde_json::Map::is_empty))
            .unwrap_or(false);
        if !empty {
            self.files.push(OutFile {
                path: path.into(),
                content,
            });
        }
    }

    /// Each file as YAML text, with the schema line for its depth.
    pub fn render(&self) -> Result<Vec<(String, String)>, String> {
        self.files
            .iter()
            .map(|f| {
                let depth = f.path.matches('/').count();
                let schema = format!("{}schema.json", "../".repeat(depth + 1));
                yaml_out::to_yaml(&f.content, &schema).map(|text| (f.path.clone(), text))
            })
            .collect()
    }
}

pub fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(value, Span::default())
}

/// A plain bullet: no tags, priority 0.
pub fn bullet(text: String) -> Bullet {
    Bullet {
        text,
        tags: Vec::new(),
        priority: 0,
    }
}

/// A role with what every role must have and nothing else, for an import to fill in with
/// struct update syntax. Its id is made from the organisation and the start year
/// (`halden-pay-2022`).
pub fn bare_role(
    ids: &mut Ids,
    title: String,
    organization: Option<String>,
    start: Option<Date>,
) -> Role {
    let year = start.map(|s| s.year.to_string()).unwrap_or_default();
    let org = organization.clone().unwrap_or_else(|| title.clone());
    let id = ids.make(&[&org, &year], "role");
    Role {
        id: spanned(id),
        title,
        organization,
        start: start.map(spanned),
        ..Role::default()
    }
}

/// A project with an id, a title and, when the source says what kind it is, its
/// classification; the write-up empty, for an import to fill in.
pub fn bare_project(id: String, title: String, classification: Option<Label>) -> Project {
    Project {
        id: spanned(id),
        title,
        classification,
        ..Project::default()
    }
}

/// Hands out ids that are valid (lowercase letters, digits, `-`) and unique across the
/// whole import: `Halden Pay` from 2022 becomes `halden-pay-2022`.
#[derive(Default)]
pub struct Ids(HashSet<String>);

impl Ids {
    pub fn make(&mut self, parts: &[&str], fallback: &str) -> String {
        let words: Vec<String> = parts
            .iter()
            .map(|p| slug(p))
            .filter(|s| !s.is_empty())
            .collect();
        let mut base = words.join("-");
        if base.is_empty() {
            base = fallback.to_owned();
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}

/// Words a cut name does not end in: `budapest-university-of` reads as cut off.
const TRAILING: &[&str] = &[
    "of", "the", "and", "for", "in", "at", "on", "a", "an", "de", "der", "la", "le", "da", "di",
    "du", "van", "von", "y",
];

/// A name as part of an id: its link text rather than its Markdown link, transliterated
/// to ASCII (`Gdańsk` is `gdansk`, `Łódź` is `lodz`), lowercase words joined by `-`, cut
/// at a word to at most 32 characters.
fn slug(name: &str) -> String {
    let text = link_text(name);
    let ascii = deunicode::deunicode(&text);
    let mut words: Vec<String> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let whole = words.len();
    while words.len() > 1 && words.join("-").len() > 32 {
        words.pop();
    }
    while words.len() > 1
        && words.len() < whole
        && TRAILING.contains(&words[words.len() - 1].as_str())
    {
        words.pop();
    }
    let mut slug = words.join("-");
    slug.truncate(32);
    slug
}

/// `[FlashInfer](https://github.com/...) kernels` is `FlashInfer kernels`: link text kept,
/// addresses dropped, also bare ones.
fn link_text(name: &str) -> String {
    split_links(name)
        .0
        .split_whitespace()
        .filter(|w| !w.contains("://"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name written with Markdown links, as its text and the links' addresses:
/// `[FlashInfer](https://github.com/x)` is `FlashInfer` and `https://github.com/x`.
pub fn split_links(name: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut urls = Vec::new();
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        text.push_str(&rest[..open]);
        text.push_str(&rest[open + 1..close]);
        urls.push(rest[close + 2..end].to_owned());
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    (text, urls)
}

/// A date as the other formats write it: `2020`, `2020-03`, `2020-03-15`, also a full
/// timestamp (`2020-03-15T10:00:00Z`, whose date is kept). Empty means absent.
pub fn parse_date(text: &str) -> Result<Option<Date>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = match t.split_once('T') {
        Some((day, _)) if day.len() == 10 => day,
        _ => t,
    };
    Date::parse(t).map(Some)
}

/// An end date: a date, `present` (any case), or absent.
pub fn parse_end(text: &str) -> Result<Option<End>, String> {
    if text.trim().eq_ignore_ascii_case("present") {
        return Ok(Some(End::Present));
    }
    parse_date(text).map(|d| d.map(End::Date))
}

/// The link to a profile on a well-known network, from the user name.
pub fn network_url(network: &str, username: &str) -> Option<String> {
    let user = username.trim().trim_start_matches('@');
    if user.is_empty() {
        return None;
    }
    let base = match network.trim().to_ascii_lowercase().as_str() {
        "linkedin" => "https://linkedin.com/in/",
        "github" => "https://github.com/",
        "gitlab" => "https://gitlab.com/",
        "imdb" => "https://imdb.com/name/",
        "instagram" => "https://instagram.com/",
        "orcid" => "https://orcid.org/",
        "stackoverflow" => "https://stackoverflow.com/users/",
        "researchgate" => "https://researchgate.net/profile/",
        "youtube" => "https://youtube.com/@",
        "google scholar" => "https://scholar.google.com/citations?user=",
        "telegram" => "https://t.me/",
        "leetcode" => "https://leetcode.com/u/",
        "x" | "twitter" => "https://x.com/",
        "bluesky" => "https://bsky.app/profile/",
        "mastodon" => {
            // `@name@example.social`
            let (name, host) = user.split_once('@')?;
            return Some(format!("https://{host}/@{name}"));
        }
        _ => return None,
    };
    Some(format!("{base}{user}"))
}

/// The network a profile link is on, from its host: the reverse of [`network_url`].
pub fn network_of(url: &str) -> Option<&'static str> {
    let host = url.split("://").nth(1)?.split('/').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    Some(match host {
        "linkedin.com" => "LinkedIn",
        "github.com" => "GitHub",
        "gitlab.com" => "GitLab",
        "imdb.com" => "IMDB",
        "instagram.com" => "Instagram",
        "orcid.org" => "ORCID",
        "stackoverflow.com" => "StackOverflow",
        "researchgate.net" => "ResearchGate",
        "youtube.com" => "YouTube",
        "scholar.google.com" => "Google Scholar",
        "t.me" => "Telegram",
        "leetcode.com" => "Leetcode",
        "x.com" | "twitter.com" => "X",
        "bsky.app" => "Bluesky",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_valid_and_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.make(&["Halden Pay", "2022"], "role"), "halden-pay-2022");
        assert_eq!(
            ids.make(&["Halden Pay", "2022"], "role"),
            "halden-pay-2022-2"
        );
        assert_eq!(ids.make(&["Zürich Ünï"], "x"), "zurich-uni");
        assert_eq!(ids.make(&["日本"], "project"), "ri-ben");
        assert_eq!(ids.make(&["— …"], "project"), "project");
        assert_eq!(
            ids.make(&["Gdańsk University of Technology", "2014"], "x"),
            "gdansk-university-of-technology-2014"
        );
        assert_eq!(ids.make(&["Łódź Straße"], "x"), "lodz-strasse");
        assert_eq!(
            ids.make(
                &["Budapest University of Technology and Economics", "2014"],
                "x"
            ),
            "budapest-university-2014"
        );
        assert_eq!(
            ids.make(
                &["[FlashInfer](https://github.com/flashinfer-ai/flashinfer) kernels"],
                "x"
            ),
            "flashinfer-kernels"
        );
        assert_eq!(ids.make(&["see https://example.com/x"], "x"), "see");
        assert_eq!(ids.make(&["C#/.NET!"], "x"), "c-net");
        assert_eq!(
            ids.make(
                &["Norwegian University of Science and Technology", "2014"],
                "x"
            ),
            "norwegian-university-of-science-2014"
        );
    }

    #[test]
    fn dates_in_their_forms() {
        assert_eq!(parse_date("2020").unwrap().unwrap().to_string(), "2020");
        assert_eq!(
            parse_date("2020-03").unwrap().unwrap().to_string(),
            "2020-03"
        );
        assert_eq!(
            parse_date("2020-03-15").unwrap().unwrap().to_string(),
            "2020-03-15"
        );
        assert_eq!(
            parse_date("2020-03-15T10:00:00Z")
                .unwrap()
                .unwrap()
                .to_string(),
            "2020-03-15"
        );
        assert!(parse_date("").unwrap().is_none());
        assert!(parse_date("March 2020").is_err());
        assert_eq!(parse_end("Present").unwrap(), Some(End::Present));
    }

    #[test]
    fn network_links_both_ways() {
        let url = network_url("GitHub", "ada").unwrap();
        assert_eq!(url, "https://github.com/ada");
        assert_eq!(network_of(&url), Some("GitHub"));
        assert_eq!(
            network_url("Mastodon", "@ada@example.social").unwrap(),
            "https://example.social/@ada"
        );
        assert_eq!(network_url("Myspace", "ada"), None);
    }
}
