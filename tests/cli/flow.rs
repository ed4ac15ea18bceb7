//! Page flow (issue #15, item 1): every document of the example content, of every test
//! corpus and of the JSON Resume and RenderCV imports of tests/convert, in every theme, built `--all --verbose`, read back from the fill report
//! (`filled 92% 41%+ 88%`, see `resume build --help`) and from `pdftotext`:
//!
//! - no page but the last is less than 60% filled, unless the next page starts where an
//!   entry asked for a new page (`new_page: true`, a `+` in the report);
//! - the last page of a document of several pages holds at least a quarter page (a
//!   one-page document is as long as its content);
//! - no page ends with a heading (the report names such pages);
//! - no page ends with a label parted from its value (a last line ending in `:`).

use std::path::{Path, PathBuf};

use super::{Test, example_content, poppler};

/// Least share of a page that is not the last, unless a new page was asked for.
const PAGE_MIN: f64 = 0.60;
/// Least share of the last page of a document of several pages.
const LAST_MIN: f64 = 0.25;

/// Known exceptions: `(content, theme, file ending, rule, reason)`. `theme` `*` is every
/// theme.
/// Each is a fault the page-flow rules name, left for a reason given here; keep it short.
const EXCEPTIONS: &[(&str, &str, &str, Rule, &str)] = &[];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// A page but the last under [`PAGE_MIN`].
    Underfilled,
    /// A last page under [`LAST_MIN`].
    ShortLast,
    /// A page whose last line is a heading.
    HeadingEnds,
    /// A page whose last line is a label without its value.
    LabelEnds,
}

#[test]
fn example_pages_flow() {
    flows("example", &example_content());
}

#[test]
fn systems_catalogue_pages_flow() {
    flows("systems-catalogue", &corpus("systems-catalogue"));
}

#[test]
fn experience_timeline_pages_flow() {
    flows("experience-timeline", &corpus("experience-timeline"));
}

#[test]
fn architecture_ledger_pages_flow() {
    flows("architecture-ledger", &corpus("architecture-ledger"));
}

#[test]
fn profile_page_pages_flow() {
    flows("profile-page", &corpus("profile-page"));
}

#[test]
fn case_study_index_pages_flow() {
    flows("case-study-index", &corpus("case-study-index"));
}

#[test]
fn jsonresume_import_pages_flow() {
    let t = imported("jsonresume", "jsonresume-full.json");
    flows("jsonresume-import", &t.path("content"));
}

#[test]
fn rendercv_import_pages_flow() {
    let t = imported("rendercv", "rendercv-full.yaml");
    flows("rendercv-import", &t.path("content"));
}

/// A scratch folder with `tests/convert/<file>` imported into its `content/`.
fn imported(format: &str, file: &str) -> Test {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/convert")
        .join(file);
    let t = Test::new().file(file, &std::fs::read_to_string(fixture).unwrap());
    Test::new()
        .args(&["import", format, t.path(file).to_str().unwrap(), "--into"])
        .args(&[t.path("content").to_str().unwrap()])
        .run()
        .success();
    t
}

#[test]
fn the_fill_report_reads() {
    let report = Report::parse(
        "wrote out/x/Ada-Example-Portfolio.pdf (3 pages, 2 layout passes, filled 92% 41%+ 31%, page 2 ends with the heading \"Why: it\", 12 ms)",
    )
    .unwrap();
    assert_eq!(
        report.path,
        PathBuf::from("out/x/Ada-Example-Portfolio.pdf")
    );
    assert_eq!(report.fills, [(0.92, false), (0.41, true), (0.31, false)]);
    assert_eq!(report.heading_ends, [(2, "Why: it".to_owned())]);
    assert!(Report::parse("built 3 documents in 1.2 s").is_none());
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// One document's line of `build --verbose`.
#[derive(Debug)]
struct Report {
    path: PathBuf,
    /// Each page's fill, and whether the next page was asked for.
    fills: Vec<(f64, bool)>,
    /// Pages (1-based) that end with a heading, and its text.
    heading_ends: Vec<(usize, String)>,
}

impl Report {
    /// `wrote PATH (N pages, [k layout passes, ]filled a% b%+, [page n ends with the
    /// heading "X", ]t ms)`.
    fn parse(line: &str) -> Option<Report> {
        let rest = line.strip_prefix("wrote ")?;
        let (path, rest) = rest.split_once(" (")?;
        let (_, rest) = rest.split_once("filled ")?;
        let (fills, rest) = rest.split_once(", ").unwrap_or((rest, ""));
        let fills = fills
            .split(' ')
            .map(|f| {
                let asked = f.ends_with('+');
                let percent: f64 = f.trim_end_matches('+').trim_end_matches('%').parse().ok()?;
                Some((percent / 100.0, asked))
            })
            .collect::<Option<Vec<_>>>()?;
        let mut heading_ends = Vec::new();
        let mut rest = rest;
        while let Some(after) = rest.strip_prefix("page ") {
            let (n, after) = after.split_once(" ends with the heading \"")?;
            let (heading, after) = after.split_once("\", ")?;
            heading_ends.push((n.parse().ok()?, heading.to_owned()));
            rest = after;
        }
        Some(Report {
            path: PathBuf::from(path),
            fills,
            heading_ends,
        })
    }
}

/// Builds `content` in every theme and checks the rules on every PDF.
fn flows(name: &str, content: &Path) {
    let t = Test::new();
    let mut faults = Vec::new();
    for theme in ["modern", "classic", "sidebar"] {
        let out = t.path(theme);
        let build = Test::new()
            .args(&["build", "--all", "--verbose", "--content"])
            .args(&[content.to_str().unwrap(), "--out", out.to_str().unwrap()])
            .args(&["--theme", theme, "--private", "--date", "2026-11-01"])
            .run()
            .success();
        let reports: Vec<Report> = build.stdout.lines().filter_map(Report::parse).collect();
        assert!(
            !reports.is_empty(),
            "{name} ({theme}): no fill report in:\n{}",
            build.stdout
        );
        // The measure measures: some page is not full.
        assert!(
            reports
                .iter()
                .any(|r| r.fills.iter().any(|&(f, _)| f < 0.99)),
            "{name} ({theme}): every page 99% full or more:\n{}",
            build.stdout
        );
        for report in &reports {
            let file = report
                .path
                .strip_prefix(&out)
                .unwrap_or(&report.path)
                .display()
                .to_string();
            let mut fault = |rule: Rule, what: String| {
                let known = EXCEPTIONS.iter().any(|(c, th, f, r, _)| {
                    *c == name && (*th == "*" || *th == theme) && file.ends_with(f) && *r == rule
                });
                if !known {
                    faults.push(format!("{theme} {file}: {what}"));
                }
            };
            let pages = report.fills.len();
            for (i, &(fill, asked)) in report.fills.iter().enumerate() {
                let page = i + 1;
                if page < pages && fill < PAGE_MIN && !asked {
                    fault(
                        Rule::Underfilled,
                        format!("page {page} of {pages} is {:.0}% filled", fill * 100.0),
                    );
                }
                if page == pages && pages > 1 && fill < LAST_MIN {
                    fault(
                        Rule::ShortLast,
                        format!("the last page {page} is {:.0}% filled", fill * 100.0),
                    );
                }
            }
            for (page, heading) in &report.heading_ends {
                fault(
                    Rule::HeadingEnds,
                    format!("page {page} ends with the heading {heading:?}"),
                );
            }
            for page in 1..=pages {
                if let Some(last) = last_line(&report.path, page)
                    && last.ends_with(':')
                {
                    fault(
                        Rule::LabelEnds,
                        format!("page {page} ends with the label {last:?}"),
                    );
                }
            }
        }
    }
    assert!(
        faults.is_empty(),
        "{name}: the pages do not flow:\n  {}",
        faults.join("\n  ")
    );
}

/// The last line of content of a page: the footer (`name · what`, `n / total`) left out.
fn last_line(pdf: &Path, page: usize) -> Option<String> {
    let n = page.to_string();
    let text = poppler("pdftotext", &["-layout", "-f", &n, "-l", &n], pdf);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let footer = lines.last().is_some_and(|l| is_page_number(l));
    let content = if footer {
        &lines[..lines.len() - 1]
    } else {
        &lines[..]
    };
    content.last().map(|l| (*l).to_owned())
}

/// A footer line: `Name · Portfolio      3 / 12`, ending with the page number.
fn is_page_number(line: &str) -> bool {
    let mut words = line.split_whitespace().rev();
    let (Some(total), Some(slash), Some(n)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    slash == "/"
        && total.chars().all(|c| c.is_ascii_digit())
        && n.chars().all(|c| c.is_ascii_digit())
}
