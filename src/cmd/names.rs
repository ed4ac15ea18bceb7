//! The names of the files `build` writes: whose document it is and what it is, so that
//! a PDF attached to an email or a release says so (`Ilka-Moravec-Dunmore-CV.pdf`).
//!
//! A pattern (`design.file_names`, or `--name`) with placeholders gives the name without
//! its extension; the default is `{name}-{document}`. Every placeholder becomes ASCII
//! words (transliterated: `Gdańsk` is `Gdansk`) joined by `-`, so that a name needs no
//! quoting anywhere; what is left empty (`{project}` of a CV) leaves no stray `-`.

use crate::args::Document;

/// The pattern when the content sets none.
pub const DEFAULT: &str = "{name}-{document}";

/// The placeholders a pattern may use, with what they stand for.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("name", "the person's name: `Ilka-Moravec-Dunmore`"),
    (
        "document",
        "`CV`, `Portfolio`, or a handout's project or case study title",
    ),
    ("profile", "the profile's name"),
    (
        "project",
        "a handout's project or case study title (empty for the CV and portfolio)",
    ),
    (
        "id",
        "a handout's project or case study id (empty for the CV and portfolio)",
    ),
    ("date", "the document date, `2026-11-01`"),
];

/// A title made into a handful of words is at most this long (cut between words).
const MAX_WORDS_LEN: usize = 60;

/// What a file is named after.
pub struct Parts<'a> {
    pub person: &'a str,
    pub document: Document,
    pub profile: &'a str,
    /// A handout's project or case study: its id and title.
    pub handout: Option<(&'a str, &'a str)>,
    pub date: String,
}

/// `Ilka Moravec-Dunmore` -> `Ilka-Moravec-Dunmore`, `Gdańsk, 2021!` -> `Gdansk-2021`:
/// ASCII letters and digits as typed, every other run of characters one `-`.
pub fn words(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::new();
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() && out.len() + 1 + word.len() > MAX_WORDS_LEN {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out.truncate(MAX_WORDS_LEN);
    out
}

/// The file name without its extension.
pub fn stem(pattern: &str, parts: &Parts) -> String {
    let title = parts.handout.map(|(_, title)| words(title));
    let document = match (parts.document, &title) {
        (Document::Cv, _) => "CV".to_owned(),
        (Document::Portfolio, _) => "Portfolio".to_owned(),
        (Document::CaseStudy, Some(title)) => title.clone(),
        (Document::CaseStudy, None) => "Case-Study".to_owned(),
        (Document::Letter, _) => "Letter".to_owned(),
    };
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let key = &rest[open + 1..open + close];
        out.push_str(&match key {
            "name" => words(parts.person),
            "document" => document.clone(),
            "profile" => words(parts.profile),
            "project" => title.clone().unwrap_or_default(),
            "id" => parts.handout.map(|(id, _)| words(id)).unwrap_or_default(),
            "date" => parts.date.clone(),
            _ => String::new(),
        });
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    tidy(&out)
}

/// No doubled or dangling separators where a placeholder was empty: `Ada--CV` ->
/// `Ada-CV`, `-CV` -> `CV`.
fn tidy(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let separator = matches!(c, '-' | '_' | '.');
        if separator && (out.is_empty() || out.ends_with(['-', '_', '.'])) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with(['-', '_', '.']) {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("document");
    }
    out
}

/// Why a pattern cannot name files, if it cannot: an unknown placeholder, or characters
/// outside ASCII letters, digits, `-`, `_` and `.` (no `/`: every file of a profile lies
/// in its folder).
pub fn check(pattern: &str) -> Result<(), String> {
    let known: Vec<&str> = PLACEHOLDERS.iter().map(|(k, _)| *k).collect();
    let mut rest = pattern;
    let mut literal = String::new();
    let mut any = false;
    while let Some(open) = rest.find(['{', '}']) {
        literal.push_str(&rest[..open]);
        if rest[open..].starts_with('}') {
            return Err("has a `}` without its `{`".to_owned());
        }
        let Some(close) = rest[open..].find('}') else {
            return Err("has a `{` without its `}`".to_owned());
        };
        let key = &rest[open + 1..open + close];
        if !known.contains(&key) {
            let all: Vec<String> = known.iter().map(|k| format!("`{{{k}}}`")).collect();
            return Err(format!(
                "has an unknown placeholder `{{{key}}}`; the placeholders are {}",
                all.join(", ")
            ));
        }
        any = true;
        rest = &rest[open + close + 1..];
    }
    literal.push_str(rest);
    if let Some(c) = literal
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "has `{c}` in it; file names are made of ASCII letters, digits, `-`, `_` and `.` (every file of a profile lies in its folder)"
        ));
    }
    if !any {
        return Err(
            "names every document the same; use placeholders such as `{name}-{document}`"
                .to_owned(),
        );
    }
    if !pattern.contains("{document}")
        && !pattern.contains("{project}")
        && !pattern.contains("{id}")
    {
        return Err("does not say which document a file is; add `{document}`".to_owned());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(document: Document, handout: Option<(&'static str, &'static str)>) -> Parts<'static> {
        Parts {
            person: "Zoë Ångström-Łukasz",
            document,
            profile: "backend",
            handout,
            date: "2026-11-01".to_owned(),
        }
    }

    #[test]
    fn default_names() {
        assert_eq!(
            stem(DEFAULT, &parts(Document::Cv, None)),
            "Zoe-Angstrom-Lukasz-CV"
        );
        assert_eq!(
            stem(
                DEFAULT,
                &parts(
                    Document::CaseStudy,
                    Some(("x", "Device telemetry, replayable by design"))
                )
            ),
            "Zoe-Angstrom-Lukasz-Device-telemetry-replayable-by-design"
        );
        assert_eq!(
            stem(
                "{name}_{profile}_{project}_{date}",
                &parts(Document::Portfolio, None)
            ),
            "Zoe-Angstrom-Lukasz_backend_2026-11-01"
        );
    }

    #[test]
    fn patterns_are_checked() {
        assert!(check(DEFAULT).is_ok());
        assert!(check("{name}-{id}").is_ok());
        assert!(check("{nam}-{document}").unwrap_err().contains("`{nam}`"));
        assert!(check("../{document}").unwrap_err().contains("`/`"));
        assert!(check("cv").is_err());
        assert!(check("{name}").is_err());
        assert!(check("{name}-{document").is_err());
    }
}
