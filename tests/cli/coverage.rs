//! Imports lose nothing on the way to the page: a JSON Resume file that uses every
//! schema section and a RenderCV file that uses every entry type are imported, built
//! with `--all`, and at least 98% of their source values must be in some PDF, as text
//! or, for addresses, as a link.

use serde_json::Value;

use super::Test;
use super::convert::fixture;
use super::corpus::{Haystack, pdfs};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

#[test]
fn a_jsonresume_import_prints_its_values() {
    let source: Value = serde_json::from_str(&fixture("jsonresume-full.json")).unwrap();
    let mut values = Vec::new();
    for (key, value) in source.as_object().unwrap() {
        // The schema's address and `meta` (canonical URL, version, last modified) are
        // about the file, not the person.
        if key != "$schema" && key != "meta" {
            leaves(value, &mut values);
        }
    }
    let missing = import_and_find("jsonresume", "resume.json", "jsonresume-full.json", &values);
    assert_coverage(&values, &missing);
}

#[test]
fn a_rendercv_import_prints_its_values() {
    let text = fixture("rendercv-full.yaml");
    let node = resume::load::yaml::parse(&text, 0).unwrap().unwrap();
    // Only `cv` is content; `design`, `locale` and `settings` are how RenderCV sets it.
    let source = node.to_json_text();
    let mut values = Vec::new();
    leaves(&source["cv"], &mut values);
    let missing = import_and_find("rendercv", "cv.yaml", "rendercv-full.yaml", &values);
    assert!(
        !missing.contains(&"tomasz.png".to_owned()),
        "the photo is in no PDF"
    );
    assert_coverage(&values, &missing);
}

/// Imports `fixture` with `import <format>`, builds every document of every profile
/// (`--private`: references are shown only then), and returns the values in no PDF.
fn import_and_find(format: &str, file: &str, name: &str, values: &[String]) -> Vec<String> {
    let t = Test::new()
        .file(file, &fixture(name))
        .args(&["import", format, file]);
    // The RenderCV file's photo, beside it.
    std::fs::write(t.path("tomasz.png"), super::hostile::small_png()).unwrap();
    t.run().success();
    let out = t.path("out");
    let build = Test::new()
        .args(&["build", "--all", "--private", "--date", "2026-11-01"])
        .args(&["--content", t.path("content").to_str().unwrap()])
        .args(&["--out", out.to_str().unwrap()])
        .run()
        .success();
    let pdfs = pdfs(&out);
    assert!(pdfs.len() >= 2, "{pdfs:?}\n{}", build.stderr);
    let texts: Vec<Haystack> = pdfs
        .iter()
        .map(|p| Haystack::new(&super::text(p)))
        .collect();
    let links: Vec<String> = pdfs
        .iter()
        .flat_map(|p| {
            super::poppler("pdfinfo", &["-url"], p)
                .lines()
                .filter_map(|l| l.split_whitespace().last().map(normal_url))
                .collect::<Vec<_>>()
        })
        .collect();
    // A photo is printed as an image: `pdfimages -list` has a line per image after its
    // two header lines.
    let images = pdfs
        .iter()
        .any(|p| super::poppler("pdfimages", &["-list"], p).lines().count() > 2);
    values
        .iter()
        .filter(|v| !((images && v.ends_with(".png")) || printed(v, &texts, &links)))
        .cloned()
        .collect()
}

#[track_caller]
fn assert_coverage(values: &[String], missing: &[String]) {
    let found = values.len() - missing.len();
    let share = found as f64 / values.len() as f64;
    eprintln!("{found} of {} source values are in some PDF", values.len());
    assert!(values.len() > 80, "only {} values", values.len());
    assert!(
        share >= 0.98,
        "{found} of {} source values ({:.1}%) are in some PDF; missing:\n{missing:#?}",
        values.len(),
        share * 100.0
    );
}

/// Every string, number and boolean under `value`, as text.
fn leaves(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Number(n) => out.push(n.to_string()),
        Value::Bool(b) => out.push(b.to_string()),
        Value::Array(items) => items.iter().for_each(|v| leaves(v, out)),
        Value::Object(map) => map.values().for_each(|v| leaves(v, out)),
        Value::Null => {}
    }
}

/// Whether a source value is on a page: an address as a link or as printed text
/// (`example.org/x`), a date as the document prints it (`Mar 2022`), text with its
/// Markdown as printed.
fn printed(value: &str, texts: &[Haystack], links: &[String]) -> bool {
    let in_text = |needle: &str| texts.iter().any(|h| h.has(needle));
    if value.starts_with("http://") || value.starts_with("https://") {
        let url = normal_url(value);
        return links.contains(&url)
            || in_text(url.split_once("://").map_or(&url[..], |(_, rest)| rest));
    }
    if let Some(date) = printed_date(value) {
        return in_text(&date);
    }
    // The end of an ongoing role prints in the document's language (RenderCV's locale
    // may call it `ongoing`).
    if value == "present" {
        return in_text("present") || in_text("ongoing");
    }
    in_text(&markdown_text(value))
}

fn normal_url(url: &str) -> String {
    url.trim_end_matches('/').to_owned()
}

/// `2022-03` and `2019-01-15` as the documents print them, `Mar 2022` and `Jan 2019`;
/// a year alone as itself.
fn printed_date(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split('-').collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits || parts[0].len() != 4 || parts.len() > 3 {
        return None;
    }
    match parts.get(1) {
        None => Some(parts[0].to_owned()),
        Some(month) => {
            let month: usize = month.parse().ok()?;
            Some(format!(
                "{} {}",
                MONTHS.get(month.checked_sub(1)?)?,
                parts[0]
            ))
        }
    }
}

/// Text as printed from its inline Markdown: emphasis marks gone, a link as its text.
fn markdown_text(value: &str) -> String {
    let mut text = String::new();
    let mut rest = value;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        text.push_str(&rest[..open]);
        text.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    text.replace("**", "")
        .replace(['*', '`'], "")
        .replace(" _", " ")
        .replace("_ ", " ")
}

#[test]
fn values_are_matched_as_printed() {
    assert_eq!(printed_date("2022-03").as_deref(), Some("Mar 2022"));
    assert_eq!(printed_date("2019-01-15").as_deref(), Some("Jan 2019"));
    assert_eq!(printed_date("2018").as_deref(), Some("2018"));
    assert_eq!(printed_date("Summer 2017"), None);
    assert_eq!(printed_date("1.10"), None);
    assert_eq!(
        markdown_text("I write `SQL` and [Rust](https://www.rust-lang.org) for **fun**"),
        "I write SQL and Rust for fun"
    );
}
