//! The posting coverage report of an application's kit: which skills and terms the job
//! posting asks for, and for each whether the kit's CV shows it, only some other entry of
//! the content has it (named, so that it can be selected), or nothing in the content
//! does. Offline and deterministic: the terms are the content's own (tags, stacks, skill
//! items) and a small dictionary of engineering terms with their variants (`terms.txt`).

use serde_json::Value;

use crate::model::{Application, Content};

/// The dictionary: `Name: variant, variant` a line.
const TERMS: &str = include_str!("terms.txt");

/// A term to look for: the name the report uses and every way of writing it.
#[derive(Debug, Clone)]
pub struct Term {
    pub name: String,
    pub forms: Vec<String>,
}

/// Where a term of the posting was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// In the text (or the tags) of the kit's CV.
    OnCv,
    /// Only in these entries of the content: `project `raftlab``.
    Elsewhere(Vec<String>),
    Missing,
}

/// One term the posting asks for.
#[derive(Debug, Clone)]
pub struct Asked {
    pub term: String,
    /// How the posting writes it, where that is not the term's name.
    pub written: String,
    pub found: Found,
}

/// The dictionary's terms.
pub fn dictionary() -> Vec<Term> {
    TERMS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let (name, variants) = line.split_once(':')?;
            let name = name.trim().to_owned();
            let mut forms = vec![name.clone()];
            forms.extend(
                variants
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned),
            );
            Some(Term { name, forms })
        })
        .collect()
}

/// The terms to look for in a posting: the dictionary's, then the content's tags, stack
/// items and skill items that it does not already have (as a name or a variant).
pub fn vocabulary(content: &Content) -> Vec<Term> {
    let mut terms = dictionary();
    let mut known: std::collections::HashSet<String> = terms
        .iter()
        .flat_map(|t| t.forms.iter().map(|f| normalise(f).to_lowercase()))
        .collect();
    let mut add = |raw: &str| {
        for name in pieces(raw) {
            let key = normalise(&name).to_lowercase();
            if key.chars().count() < 2 || !known.insert(key) {
                continue;
            }
            terms.push(Term {
                forms: vec![name.clone()],
                name,
            });
        }
    };
    for entry in entries(content) {
        let mut words = Vec::new();
        collect_keyed(&entry.value, &mut words);
        for word in words {
            add(&word);
        }
    }
    terms
}

/// A skill item or stack entry as the terms it names: without what is in brackets or
/// trailing version numbers, split at `and` and commas. `Kafka and Kafka Streams` is
/// `Kafka` and `Kafka Streams`; `PostgreSQL 16` is `PostgreSQL`.
fn pieces(raw: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0;
    for c in raw.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = usize::saturating_sub(depth, 1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .replace(" and ", ",")
        .split([',', ';'])
        .map(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            let keep = words
                .iter()
                .rposition(|w| !w.chars().all(|c| c.is_ascii_digit() || c == '.'))
                .map_or(0, |i| i + 1);
            words[..keep].join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The values of `tags`, `stack` and a skill group's `items` anywhere in an entry.
fn collect_keyed(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if matches!(key.as_str(), "tags" | "stack" | "items")
                    && let Value::Array(items) = v
                {
                    out.extend(items.iter().filter_map(Value::as_str).map(str::to_owned));
                } else {
                    collect_keyed(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_keyed(v, out)),
        _ => {}
    }
}

/// An entry of the content as data, with a name for the report: `project `raftlab``.
pub struct Named {
    pub name: String,
    pub value: Value,
}

/// Every entry of the content that has an id, as data.
fn entries(c: &Content) -> Vec<Named> {
    fn named<T: serde::Serialize>(
        what: &str,
        items: &[T],
        id: impl Fn(&T) -> Option<String>,
    ) -> Vec<Named> {
        items
            .iter()
            .map(|item| Named {
                name: match id(item) {
                    Some(id) => format!("{what} `{id}`"),
                    None => what.to_owned(),
                },
                value: serde_json::to_value(item).unwrap_or(Value::Null),
            })
            .collect()
    }
    let mut out = Vec::new();
    out.extend(named("role", &c.experience, |r| Some(r.id.value.clone())));
    out.extend(named("volunteer role", &c.volunteer, |r| {
        Some(r.id.value.clone())
    }));
    out.extend(named("project", &c.projects, |p| Some(p.id.value.clone())));
    out.extend(named("case study", &c.case_studies, |p| {
        Some(p.id.value.clone())
    }));
    out.extend(named("skill group", &c.skills, |s| {
        s.id.as_ref().map(|i| i.value.clone())
    }));
    out.extend(named("exploration", &c.explorations, |s| {
        s.id.as_ref().map(|i| i.value.clone())
    }));
    out.extend(named("education entry", &c.education, |s| {
        s.id.as_ref().map(|i| i.value.clone())
    }));
    out.extend(named("certification", &c.certifications, |s| {
        s.id.as_ref().map(|i| i.value.clone())
    }));
    out.extend(named("writing", &c.writing, |s| {
        s.id.as_ref().map(|i| i.value.clone())
    }));
    out.extend(named("principle", &c.principles, |s| {
        s.id.as_ref().map(|i| i.value.clone())
    }));
    for (section, items) in c.generic_lists() {
        out.extend(named(&format!("`{section}` entry"), items, |s| {
            s.id.as_ref().map(|i| i.value.clone())
        }));
    }
    out
}

/// Every string in a value, one a line: the text a term is searched in. Keys a reader
/// never sees (`meta`, `design`, `labels`, paths, URLs) are left out.
pub fn text_of(value: &Value) -> String {
    fn walk(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Value::Object(map) => {
                for (key, v) in map {
                    if !matches!(
                        key.as_str(),
                        "meta" | "design" | "labels" | "path" | "url" | "kind" | "fit"
                    ) {
                        walk(v, out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = String::new();
    walk(value, &mut out);
    out
}

/// Hyphens, underscores and slashes as spaces, runs of spaces as one.
fn normalise(text: &str) -> String {
    text.replace(['-', '_', '/'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text made ready for searching: as written and lowercased, both normalised.
pub struct Haystack {
    exact: String,
    lower: String,
}

impl Haystack {
    pub fn new(text: &str) -> Haystack {
        let exact = normalise(text);
        Haystack {
            lower: exact.to_lowercase(),
            exact,
        }
    }

    /// Where the first of a term's forms occurs as a whole word or phrase, and which.
    pub fn find<'t>(&self, term: &'t Term) -> Option<(usize, &'t str)> {
        term.forms
            .iter()
            .filter_map(|form| self.position(form).map(|at| (at, form.as_str())))
            .min()
    }

    fn position(&self, form: &str) -> Option<usize> {
        let form = normalise(form);
        if form.is_empty() {
            return None;
        }
        // `Go`, `JS`, `C#`: short and written with capitals, they match only as written
        // (`go` is an English word).
        let exact = form.chars().count() <= 3 && form.chars().any(char::is_uppercase);
        let (hay, needle) = if exact {
            (self.exact.as_str(), form)
        } else {
            (self.lower.as_str(), form.to_lowercase())
        };
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '+' || c == '#');
        let mut from = 0;
        while let Some(i) = hay[from..].find(&needle) {
            let at = from + i;
            let end = at + needle.len();
            let before = hay[..at].chars().next_back();
            let after = hay[end..].chars().next();
            // A form ending in a letter may take a plural `s` (`microservice(s)`).
            let after_ok = !word(after)
                || (after == Some('s')
                    && needle.chars().last().is_some_and(char::is_alphabetic)
                    && !word(hay[end + 1..].chars().next()));
            if !word(before) && after_ok {
                return Some(at);
            }
            from = at + needle.len().max(1);
            while !hay.is_char_boundary(from) {
                from += 1;
            }
        }
        None
    }
}

/// What the posting asks for, in the order it first asks, each with where the content
/// has it. `cv` is the kit's CV data.
pub fn coverage(posting: &str, content: &Content, cv: &Value) -> Vec<Asked> {
    let posting = Haystack::new(posting);
    let on_cv = Haystack::new(&text_of(cv));
    let elsewhere: Vec<(String, Haystack)> = entries(content)
        .into_iter()
        .map(|e| (e.name, Haystack::new(&text_of(&e.value))))
        .collect();
    let mut hits: Vec<(usize, usize, Term, String)> = vocabulary(content)
        .into_iter()
        .filter_map(|term| {
            let (at, written) = posting.find(&term)?;
            let written = written.to_owned();
            Some((at, at + normalise(&written).len(), term, written))
        })
        .collect();
    // `Kafka Streams` asked for is not also `Kafka` at the same place.
    let places: Vec<(usize, usize)> = hits.iter().map(|h| (h.0, h.1)).collect();
    hits.retain(|h| {
        !places
            .iter()
            .any(|&(a, e)| a <= h.0 && h.1 <= e && (a, e) != (h.0, h.1))
    });
    hits.sort_by_key(|h| (h.0, std::cmp::Reverse(h.1)));
    hits.into_iter()
        .map(|(_, _, term, written)| {
            let found = if on_cv.find(&term).is_some() {
                Found::OnCv
            } else {
                let names: Vec<String> = elsewhere
                    .iter()
                    .filter(|(_, hay)| hay.find(&term).is_some())
                    .map(|(name, _)| name.clone())
                    .collect();
                if names.is_empty() {
                    Found::Missing
                } else {
                    Found::Elsewhere(names)
                }
            };
            Asked {
                term: term.name,
                written,
                found,
            }
        })
        .collect()
}

/// The terms of the vocabulary the posting names, in the order it first names them.
pub fn posting_terms(posting: &str, content: &Content) -> Vec<Term> {
    let posting = Haystack::new(posting);
    let mut found: Vec<(usize, Term)> = vocabulary(content)
        .into_iter()
        .filter_map(|t| Some((posting.find(&t)?.0, t)))
        .collect();
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, t)| t).collect()
}

/// The names of the `terms` a text names.
pub fn named_in<'t>(text: &str, terms: &'t [Term]) -> Vec<&'t str> {
    let hay = Haystack::new(text);
    terms
        .iter()
        .filter(|t| hay.find(t).is_some())
        .map(|t| t.name.as_str())
        .collect()
}

/// What a posting's term is worth to a bullet's priority when tailoring: more than any
/// priority written by hand, so that a bullet naming more of the posting ranks first,
/// and the author's priorities order bullets that name as many.
pub const TAILOR_WEIGHT: i32 = 1000;

/// The content with every bullet (highlights, details) re-ranked by the posting: its
/// priority raised by [`TAILOR_WEIGHT`] for each of `terms` it names. Which bullets an
/// entry keeps, and which go first when the CV is fitted, follow; the printed order
/// stays the author's.
pub fn tailor(mut content: Content, terms: &[Term]) -> Content {
    let rank = |bullets: &mut Vec<crate::model::Bullet>| {
        for b in bullets {
            let n = named_in(&b.text, terms).len() as i32;
            b.priority = b.priority.saturating_add(n.saturating_mul(TAILOR_WEIGHT));
        }
    };
    for role in content.experience.iter_mut().chain(&mut content.volunteer) {
        rank(&mut role.highlights);
    }
    for project in &mut content.projects {
        rank(&mut project.highlights);
    }
    for education in &mut content.education {
        rank(&mut education.details);
    }
    for item in content
        .publications
        .iter_mut()
        .chain(&mut content.talks)
        .chain(&mut content.awards)
        .chain(&mut content.interests)
        .chain(&mut content.references)
    {
        rank(&mut item.highlights);
    }
    for def in &mut content.sections {
        for item in &mut def.entries {
            rank(&mut item.highlights);
        }
    }
    content
}

/// The report as Markdown.
pub fn report(id: &str, app: &Application, asked: &[Asked], tailored: bool) -> String {
    let mut out = format!(
        "# {} at {}: what the posting asks for\n\n",
        app.role, app.company
    );
    let count = |f: fn(&Found) -> bool| asked.iter().filter(|a| f(&a.found)).count();
    let on_cv = count(|f| *f == Found::OnCv);
    let elsewhere = count(|f| matches!(f, Found::Elsewhere(_)));
    let missing = count(|f| *f == Found::Missing);
    out.push_str(&format!(
        "Application `{id}`, posting `{}`, CV from profile `{}`{}{}.\n\n",
        app.posting.value,
        app.profile.value,
        if app.select.is_some() || app.exclude.is_some() {
            " with the application's selectors"
        } else {
            ""
        },
        if tailored {
            ", bullets re-ranked by the posting (`--tailor`)"
        } else {
            ""
        }
    ));
    out.push_str(&format!(
        "{} terms found in the posting: {on_cv} on the CV, {elsewhere} only elsewhere in the content, {missing} not in the content.\n",
        asked.len()
    ));
    let as_written = |a: &Asked| {
        if a.written == a.term {
            String::new()
        } else {
            format!(" (the posting says \"{}\")", a.written)
        }
    };
    let mut section = |title: &str, hint: &str, pick: &dyn Fn(&Asked) -> Option<String>| {
        let lines: Vec<String> = asked.iter().filter_map(pick).collect();
        if lines.is_empty() {
            return;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        if !hint.is_empty() {
            out.push_str(hint);
            out.push_str("\n\n");
        }
        for line in lines {
            out.push_str(&format!("- {line}\n"));
        }
    };
    section("On the CV", "", &|a| {
        (a.found == Found::OnCv).then(|| format!("{}{}", a.term, as_written(a)))
    });
    section(
        "Only elsewhere in the content",
        "Select one of these entries in the application (`select:`) or its profile to show it.",
        &|a| match &a.found {
            Found::Elsewhere(names) => {
                Some(format!("{}{}: {}", a.term, as_written(a), names.join(", ")))
            }
            _ => None,
        },
    );
    section(
        "Not in the content",
        "Nothing in the content mentions these; add them where they are true.",
        &|a| (a.found == Found::Missing).then(|| format!("{}{}", a.term, as_written(a))),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(forms: &[&str]) -> Term {
        Term {
            name: forms[0].to_owned(),
            forms: forms.iter().map(|f| f.to_string()).collect(),
        }
    }

    #[test]
    fn whole_words_and_variants() {
        let hay = Haystack::new("We run Postgres on k8s; you will go far with Golang and C#.");
        assert!(hay.find(&term(&["PostgreSQL", "Postgres"])).is_some());
        assert!(hay.find(&term(&["Kubernetes", "k8s"])).is_some());
        assert!(hay.find(&term(&["Go", "Golang"])).is_some());
        assert!(hay.find(&term(&["C#"])).is_some());
        assert!(hay.find(&term(&["C"])).is_none());
        // `go` in prose is not Go.
        assert!(
            Haystack::new("you will go far")
                .find(&term(&["Go"]))
                .is_none()
        );
        assert!(Haystack::new("Gopher").find(&term(&["Go"])).is_none());
        assert!(
            Haystack::new("event-driven microservices")
                .find(&term(&["event driven"]))
                .is_some()
        );
        assert!(
            Haystack::new("microservices")
                .find(&term(&["microservice"]))
                .is_some()
        );
    }

    #[test]
    fn pieces_of_skill_items() {
        assert_eq!(
            pieces("Kafka and Kafka Streams"),
            vec!["Kafka", "Kafka Streams"]
        );
        assert_eq!(pieces("PostgreSQL 16"), vec!["PostgreSQL"]);
        assert_eq!(pieces("Rust (side projects)"), vec!["Rust"]);
    }

    #[test]
    fn the_dictionary_reads() {
        let terms = dictionary();
        let k8s = terms.iter().find(|t| t.name == "Kubernetes").unwrap();
        assert!(k8s.forms.contains(&"k8s".to_owned()));
    }
}
