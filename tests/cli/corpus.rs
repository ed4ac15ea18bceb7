//! The test corpus: five small portfolios written for the tests, one per shape of
//! `portfolio-shapes.md` (`tests/corpus/<shape>/`). Each must check clean, build every
//! document in both themes, and print every title, label, chip and sentence it holds:
//! the strings are collected from the YAML itself, so a new field in a corpus file is
//! tested without touching this file.

use std::path::{Path, PathBuf};

use resume::locale::Catalog;
use resume::model::Label;
use serde_json::Value;

use super::{Test, text};

/// Keys whose values are not printed as written, wherever they appear. Everything else
/// a corpus file holds is content that some PDF must show.
const NOT_PRINTED: &[&str] = &[
    // References to other entries and selector vocabulary, not text for the reader.
    "id",
    "at",
    "project",
    "extends",
    "variant",
    "select",
    "exclude",
    "exclude_tags",
    "order",
    "max",
    "documents",
    // Addresses: printed as link targets or shortened (`example.org/x`), not as typed.
    "url",
    "website",
    "path",
    // Dates: printed formatted (`Aug 2021 – present`), not as typed.
    "start",
    "end",
    "date",
    "updated",
    // Image alt text is for screen readers, not on the page.
    "alt",
    // Switches and numbers that steer the layout.
    "priority",
    "layout",
    "new_page",
    "handout",
    "private",
    // The builds run `--private`, which prints the organisation's name instead.
    "confidential",
];

/// Keys of a profile that are not on the page: what `check` and `list` print, and PDF
/// metadata. (A module's or an exploration's `description` is.)
const PROFILE_ONLY: &[&str] = &["description", "keywords"];

/// Strings of a corpus that a PDF does not show yet because of a known bug, each with
/// the reason: `(corpus, string)`. Keep it empty; an entry here is a bug to fix.
const KNOWN_GAPS: &[(&str, &str, &str)] = &[];

#[test]
fn systems_catalogue_prints_every_string() {
    corpus("systems-catalogue");
}

#[test]
fn experience_timeline_prints_every_string() {
    corpus("experience-timeline");
}

#[test]
fn architecture_ledger_prints_every_string() {
    corpus("architecture-ledger");
}

#[test]
fn profile_page_prints_every_string() {
    corpus("profile-page");
}

#[test]
fn case_study_index_prints_every_string() {
    corpus("case-study-index");
}

fn corpus_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// Checks one corpus folder, builds it in both themes, and looks for each of its strings
/// in the text of the PDFs of each theme.
fn corpus(name: &str) {
    let dir = corpus_dir(name);
    let content = dir.to_str().unwrap();
    let check = Test::new()
        .args(&["check", "--content", content])
        .run()
        .success();
    assert!(
        check.stderr.is_empty(),
        "{name}: `check` warns:\n{}",
        check.stderr
    );

    let files = yaml_files(&dir);
    // Transcribed without squeezing: no empty text or list holds a required field's place.
    for (file, yaml) in &files {
        let mut found = Vec::new();
        empties(yaml, "", &mut found);
        assert!(found.is_empty(), "{name}/{file}: empty values at {found:?}");
    }
    let chips = files.iter().any(|(_, v)| has_chips(v));
    let expected: Vec<(String, Vec<String>)> = files
        .iter()
        .map(|(file, yaml)| {
            let mut strings = Vec::new();
            collect(yaml, None, chips, &mut strings);
            (file.clone(), strings)
        })
        .collect();

    let t = Test::new();
    for theme in ["modern", "classic"] {
        let out = t.path(theme);
        let build = Test::new()
            .args(&["build", "--all", "--content", content])
            .args(&["--out", out.to_str().unwrap(), "--theme", theme])
            .args(&["--private", "--date", "2026-11-01"])
            .run()
            .success();
        // Fitting the CV to its page is intended: what it drops is in the portfolio.
        let warnings: Vec<&str> = build
            .stderr
            .lines()
            // A portfolio of projects makes a short CV, which is said: not a fault of the corpus.
            .filter(|l| {
                l.starts_with("warning")
                    && !l.ends_with("to fit one page")
                    && !l.contains(" of its page: profile `")
            })
            .collect();
        assert!(
            warnings.is_empty(),
            "{name} ({theme}): `build` warns:\n{}",
            build.stderr
        );
        let pdfs = pdfs(&out);
        for document in ["-CV.pdf", "-Portfolio.pdf"] {
            assert!(
                pdfs.iter().any(|p| p.to_string_lossy().ends_with(document)),
                "{name} ({theme}): no {document} in {pdfs:?}"
            );
        }
        let printed: Vec<Haystack> = pdfs.iter().map(|p| Haystack::new(&text(p))).collect();
        let mut report = String::new();
        for (file, strings) in &expected {
            let missing: Vec<&String> = strings
                .iter()
                .filter(|s| !printed.iter().any(|h| h.has(s)))
                .filter(|s| !KNOWN_GAPS.iter().any(|(c, gap, _)| *c == name && gap == s))
                .collect();
            if !missing.is_empty() {
                report.push_str(&format!("  {file}:\n"));
                for s in missing {
                    report.push_str(&format!("    {s:?}\n"));
                }
            }
        }
        assert!(
            report.is_empty(),
            "{name} ({theme}): strings of the corpus in no PDF:\n{report}"
        );
    }
}

/// Every YAML file of a corpus, relative name and content (scalars as typed).
fn yaml_files(dir: &Path) -> Vec<(String, Value)> {
    let mut paths = Vec::new();
    super::schema::yaml_files(dir, &mut paths);
    paths.sort();
    assert!(!paths.is_empty(), "{} has no YAML files", dir.display());
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let node = resume::load::yaml::parse(&text, 0).unwrap().unwrap();
            let name = path.strip_prefix(dir).unwrap().display().to_string();
            (name, node.to_json_text())
        })
        .collect()
}

pub(super) fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(pdfs(&path));
        } else if path.extension().is_some_and(|e| e == "pdf") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The paths of empty values, strings, lists and mappings under `value`.
fn empties(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::Null => out.push(path.to_owned()),
        Value::String(s) if s.trim().is_empty() => out.push(path.to_owned()),
        Value::Array(items) if items.is_empty() => out.push(path.to_owned()),
        Value::Object(map) if map.is_empty() => out.push(path.to_owned()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                empties(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                empties(v, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_corpus_file_matches_the_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files = Vec::new();
    super::schema::yaml_files(&root, &mut files);
    assert!(files.len() >= 5, "{files:?}");
    super::convert::assert_match_our_schema(&root);
}

/// Whether the content shows tags as chips in some document (`design.chips`).
fn has_chips(file: &Value) -> bool {
    file.pointer("/design/chips")
        .and_then(Value::as_array)
        .is_some_and(|docs| !docs.is_empty())
}

/// Collects the printable strings under `value`, reached through `key`.
fn collect(value: &Value, key: Option<&str>, chips: bool, out: &mut Vec<String>) {
    match (key, value) {
        (Some(k), _) if NOT_PRINTED.contains(&k) => {}
        // Tags are for profiles, unless a document shows them as chips.
        (Some("tags"), _) if !chips => {}
        // The photo is an image; its path and alt text are not on the page.
        (Some("photo"), _) => {}
        (Some("profiles"), Value::Object(profiles)) => {
            for profile in profiles.values().filter_map(Value::as_object) {
                for (k, v) in profile {
                    if !PROFILE_ONLY.contains(&k.as_str()) {
                        collect(v, Some(k), chips, out);
                    }
                }
            }
        }
        // The design's keys are settings; only its labels are text.
        (Some("design"), Value::Object(design)) => {
            if let Some(labels) = design.get("labels") {
                collect(labels, Some("labels"), chips, out);
            }
        }
        // `Issue #{n}` prints numbered.
        (Some("labels"), Value::Object(labels)) => {
            for label in labels.values().filter_map(Value::as_str) {
                out.push(label.replace("{n}", "1"));
            }
        }
        // Open labels: a known value prints as its label (`engineering-lab` as
        // `Engineering lab`), any other text as typed.
        (Some("classification" | "kind" | "employment" | "work_mode"), Value::String(s)) => {
            out.push(Catalog::new(Some("en"), []).kind(&Label(s.clone())));
        }
        (_, Value::String(s)) => out.push(s.clone()),
        (_, Value::Array(items)) => {
            for item in items {
                collect(item, key, chips, out);
            }
        }
        (_, Value::Object(map)) => {
            for (k, v) in map {
                collect(v, Some(k), chips, out);
            }
        }
        _ => {}
    }
}

/// A PDF's text, normalised for searching: lowercase (themes print titles in capitals),
/// every run of whitespace one space (pdftotext breaks lines where the layout did), soft
/// hyphens removed, in three forms for a line that ends in a hyphen: a space after it
/// (`Fan- out`), none (`Fan-out`), and without it (`opti-misation` hyphenated).
pub(super) struct Haystack {
    forms: [String; 3],
}

impl Haystack {
    pub(super) fn new(text: &str) -> Haystack {
        let text = text.replace('\u{ad}', "");
        Haystack {
            forms: [
                normalise(&text),
                normalise(&text.replace("-\n", "-")),
                normalise(&text.replace("-\n", "")),
            ],
        }
    }

    /// Whether the text holds `needle` as whole words: `Go` is not found in `good`.
    pub(super) fn has(&self, needle: &str) -> bool {
        let needle = normalise(&strip_markup(needle));
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.forms.iter().any(|text| {
            text.match_indices(&needle).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + needle.len()..].chars().next();
                let joined_before = word(before) && word(needle.chars().next());
                let joined_after = word(after) && word(needle.chars().next_back());
                !joined_before && !joined_after
            })
        })
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The text of inline markup as printed: the corpus uses `**bold**` and `` `code` ``.
fn strip_markup(text: &str) -> String {
    text.replace("**", "").replace('`', "")
}

#[test]
fn search_reads_across_line_breaks_and_matches_whole_words() {
    let h = Haystack::new("SYSTEMS DELIVERED\nFan-\nout delivers in opti-\nmised\ntime · Good\n");
    assert!(h.has("Systems delivered"));
    assert!(h.has("Fan-out delivers"));
    assert!(h.has("optimised time"));
    assert!(h.has("**Good**"));
    assert!(!h.has("Go"));
    assert!(h.has("delivered fan"));
}
