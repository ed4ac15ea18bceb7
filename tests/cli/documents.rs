//! The portfolio and the handouts, themes, design parameters, and taking over templates.

use serde_json::Value;

use super::{PERSON, Test, example_content, pages, poppler, text};

/// Every example profile, with its CV's page budget.
const PROFILES: [(&str, usize); 5] = [
    ("backend", 1),
    ("fullstack", 1),
    ("leadership", 1),
    ("longform", 2),
    ("streaming", 1),
];

fn content_arg() -> String {
    example_content().to_str().unwrap().to_owned()
}

/// Builds every document of the example for one profile (and theme) into a scratch folder.
fn build(profile: &str, extra: &[&str]) -> Test {
    let t = Test::new()
        .args(&[
            "build",
            "--profile",
            profile,
            "--content",
            &content_arg(),
            "--date",
            "2026-11-01",
        ])
        .args(extra);
    t.run().success();
    t
}

fn data(document: &str, profile: &str) -> Value {
    let run = Test::new()
        .args(&[
            "data",
            document,
            "--profile",
            profile,
            "--content",
            &content_arg(),
            "--date",
            "2026-11-01",
        ])
        .run()
        .success();
    serde_json::from_str(&run.stdout).unwrap()
}

fn page_text(pdf: &std::path::Path, page: usize) -> String {
    let n = page.to_string();
    poppler("pdftotext", &["-raw", "-f", &n, "-l", &n], pdf)
}

#[test]
fn every_profile_gets_a_cv_a_portfolio_and_its_handouts() {
    for (profile, budget) in PROFILES {
        let t = build(profile, &[]);
        assert_eq!(
            pages(&t.path(&format!("dist/{profile}/Ilka-Moravec-Dunmore-CV.pdf"))),
            budget,
            "{profile} cv"
        );
        let portfolio = pages(&t.path(&format!(
            "dist/{profile}/Ilka-Moravec-Dunmore-Portfolio.pdf"
        )));
        assert!(portfolio >= 4, "{profile} portfolio has {portfolio} pages");
        let data = data("portfolio", profile);
        let projects = data["projects"].as_array().unwrap();
        assert!(!projects.is_empty());
        // Every project that has enough to say gets a handout; raftlab says it wants none.
        let handed: Vec<&Value> = projects.iter().filter(|p| p["handout"] == true).collect();
        assert!(!handed.iter().any(|p| p["id"] == "raftlab"), "{profile}");
        for p in &handed {
            let pdf = t.path(&format!(
                "dist/{profile}/{}",
                super::example_handout(p["title"].as_str().unwrap())
            ));
            let n = pages(&pdf);
            assert!((1..=2).contains(&n), "{} has {n} pages", pdf.display());
            assert!(text(&pdf).contains(p["title"].as_str().unwrap()));
        }
        let handouts = super::handouts(&t.path(&format!("dist/{profile}"))).len();
        let tied = data["case_studies"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["handout"] == true)
            .count();
        assert_eq!(handouts, handed.len() + tied, "{profile}");
    }
}

/// The write-up headings a project has, in the order the portfolio prints them: the
/// titles of its parts, which come from the labels catalogue (the thesis has none).
fn write_up_headings(p: &Value) -> Vec<&str> {
    p["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|part| part["title"].as_str().unwrap())
        .filter(|title| !title.is_empty())
        .collect()
}

/// A section's title as the document prints it.
fn title<'a>(data: &'a Value, section: &str) -> &'a str {
    data["labels"][section]
        .as_str()
        .unwrap_or_else(|| panic!("no label `{section}`"))
}

#[test]
fn portfolio_prints_each_system_and_its_headings_in_order() {
    let t = build("backend", &["portfolio"]);
    let pdf = t.path("dist/backend/Ilka-Moravec-Dunmore-Portfolio.pdf");
    let lines: Vec<String> = text(&pdf)
        .lines()
        .map(|l| l.trim().to_uppercase())
        .collect();
    let data = data("portfolio", "backend");
    let mut at = 0;
    let mut find = |wanted: &str| {
        let wanted = wanted.to_uppercase();
        let found = lines[at..].iter().position(|l| *l == wanted);
        let i = found.unwrap_or_else(|| panic!("`{wanted}` is missing after line {at}"));
        at += i + 1;
    };
    find(title(&data, "projects"));
    for p in data["projects"].as_array().unwrap() {
        find(p["title"].as_str().unwrap());
        for heading in write_up_headings(p) {
            find(heading);
        }
    }
    find(title(&data, "experience"));
    find(title(&data, "principles"));
    find(title(&data, "case_studies"));
}

#[test]
fn no_heading_ends_a_page() {
    for theme in ["modern", "classic", "sidebar"] {
        let t = build("backend", &["portfolio", "--theme", theme]);
        let pdf = t.path("dist/backend/Ilka-Moravec-Dunmore-Portfolio.pdf");
        let data = data("portfolio", "backend");
        let mut headings: Vec<String> = ["projects", "experience", "principles"]
            .iter()
            .map(|s| title(&data, s).to_owned())
            .collect();
        for p in data["projects"].as_array().unwrap() {
            headings.push(p["title"].as_str().unwrap().into());
            headings.extend(write_up_headings(p).into_iter().map(String::from));
        }
        for r in data["experience"].as_array().unwrap() {
            headings.extend(
                r["narrative"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|b| b["kind"] == "heading")
                    .map(|b| b["text"].as_str().unwrap().to_owned()),
            );
        }
        let headings: Vec<String> = headings.iter().map(|h| h.to_uppercase()).collect();
        let total = pages(&pdf);
        for page in 1..total {
            let text = page_text(&pdf, page);
            // The footer (name · Portfolio, n / total) comes last; the line before it is the
            // page's last line of content.
            let content: Vec<&str> = text
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.contains(" / "))
                .collect();
            let last = content
                .iter()
                .rev()
                .find(|l| !l.contains("· Portfolio"))
                .unwrap()
                .trim()
                .to_uppercase();
            assert!(
                !headings.contains(&last),
                "{theme}: page {page} ends with the heading `{last}`"
            );
        }
    }
}

#[test]
fn every_document_builds_under_every_theme() {
    for theme in ["modern", "classic", "sidebar"] {
        let t = build("streaming", &["--theme", theme]);
        assert_eq!(
            pages(&t.path("dist/streaming/Ilka-Moravec-Dunmore-CV.pdf")),
            1,
            "{theme}"
        );
        assert!(
            pages(&t.path("dist/streaming/Ilka-Moravec-Dunmore-Portfolio.pdf")) >= 4,
            "{theme}"
        );
        for pdf in super::handouts(&t.path("dist/streaming")) {
            assert!((1..=2).contains(&pages(&pdf)), "{theme}: {}", pdf.display());
        }
        let fonts = poppler(
            "pdffonts",
            &[],
            &t.path("dist/streaming/Ilka-Moravec-Dunmore-Portfolio.pdf"),
        );
        let family = if theme == "classic" {
            "LibertinusSerif"
        } else {
            "Inter"
        };
        assert!(fonts.contains(family), "{theme}: {fonts}");
    }
}

/// The text of a part of page 1 (`x`, `width` in points from the left edge), its lines
/// joined by spaces.
fn text_within(pdf: &std::path::Path, x: f64, width: f64) -> String {
    let (x, width) = (format!("{x:.0}"), format!("{width:.0}"));
    let args = [
        "-raw", "-f", "1", "-l", "1", "-x", &x, "-y", "0", "-W", &width, "-H", "2000",
    ];
    poppler("pdftotext", &args, pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_sidebar_theme_sets_every_cv_in_two_columns_within_its_pages() {
    let t = Test::new().args(&[
        "build",
        "--all",
        "--content",
        &content_arg(),
        "--theme",
        "sidebar",
        "--date",
        "2026-11-01",
    ]);
    t.run().success();
    // The one-page fitting works in two columns: every CV within its budget.
    for (profile, budget) in PROFILES {
        let pdf = t.path(&format!("dist/{profile}/Ilka-Moravec-Dunmore-CV.pdf"));
        assert_eq!(pages(&pdf), budget, "{profile}");
    }
    // The sidebar is the left third of the A4 page (595 pt wide): the contact, a skill
    // group, the spoken languages and the school are there; the name and a role title
    // are in the main column beside it.
    let pdf = t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf");
    let side = text_within(&pdf, 0.0, 190.0);
    let main = text_within(&pdf, 190.0, 405.0);
    for want in [
        "ilka@example.com",
        "SKILLS",
        "Data stores and streaming",
        "Dutch (native)",
        "EDUCATION",
        "Noordzee University of Technology",
    ] {
        assert!(side.contains(want), "not in the sidebar: {want}\n{side}");
        assert!(!main.contains(want), "in the main column: {want}\n{main}");
    }
    for want in [
        "Ilka Moravec-Dunmore",
        "EXPERIENCE",
        "Staff Engineer, Payments Platform",
    ] {
        assert!(
            main.contains(want),
            "not in the main column: {want}\n{main}"
        );
        assert!(!side.contains(want), "in the sidebar: {want}\n{side}");
    }
    // The main column reads first (text, Markdown, screen readers): the name, then the
    // summary; the sidebar after the main column.
    let raw = text(&pdf);
    assert!(
        raw.starts_with("Ilka Moravec-Dunmore\nSenior backend engineer"),
        "{raw}"
    );
    assert!(
        raw.find("Staff Engineer, Payments Platform") < raw.find("ilka@example.com"),
        "{raw}"
    );
    // The portfolio and the handouts build in the theme too.
    assert!(pages(&t.path("dist/backend/Ilka-Moravec-Dunmore-Portfolio.pdf")) >= 4);
    assert!(
        t.path("dist/backend/Ilka-Moravec-Dunmore-Halden-Ledger.pdf")
            .is_file()
    );
}

#[test]
fn every_pdf_has_title_author_keywords_and_language() {
    let t = build("backend", &[]);
    for (file, title) in [
        ("Ilka-Moravec-Dunmore-CV.pdf", "Ilka Moravec-Dunmore — CV"),
        (
            "Ilka-Moravec-Dunmore-Portfolio.pdf",
            "Ilka Moravec-Dunmore — Portfolio",
        ),
        (
            "Ilka-Moravec-Dunmore-Halden-Ledger.pdf",
            "Ilka Moravec-Dunmore — Halden Ledger",
        ),
        (
            "Ilka-Moravec-Dunmore-The-double-posted-refunds.pdf",
            "Ilka Moravec-Dunmore — The double-posted refunds",
        ),
    ] {
        let pdf = t.path(&format!("dist/backend/{file}"));
        let info = poppler("pdfinfo", &[], &pdf);
        assert!(
            info.contains(&format!("Title:           {title}\n")),
            "{file}: {info}"
        );
        assert!(
            info.contains("Author:          Ilka Moravec-Dunmore\n"),
            "{file}: {info}"
        );
        assert!(
            info.contains("Keywords:        backend engineer, distributed systems"),
            "{file}: {info}"
        );
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(
            bytes.windows(9).any(|w| w == b"/Lang(en)"),
            "{file} has no /Lang"
        );
    }
}

#[test]
fn handouts_carry_the_author_in_the_footer() {
    let t = build("backend", &["case-study", "--project", "ledger"]);
    let pdf = t.path("dist/backend/Ilka-Moravec-Dunmore-Halden-Ledger.pdf");
    for page in 1..=pages(&pdf) {
        let text = page_text(&pdf, page);
        assert!(
            text.contains("Ilka Moravec-Dunmore · ilka@example.com · ilka.example.dev"),
            "page {page}:\n{text}"
        );
    }
    // Only the one asked for.
    assert_eq!(super::handouts(&t.path("dist/backend")).len(), 1);
    assert!(!t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf").exists());
}

#[test]
fn project_option_errors() {
    let base = ["build", "case-study", "--content"];
    Test::new()
        .args(&base)
        .args(&[&content_arg(), "--project", "ledgr"])
        .run()
        .failure()
        .stderr_is(
            "error: there is no project or case study `ledgr`\n = hint: did you mean `ledger`?\n\n",
        );
    Test::new()
        .args(&base)
        .args(&[
            &content_arg(),
            "--profile",
            "backend",
            "--project",
            "clinic-board",
        ])
        .run()
        .failure()
        .stderr_has("error: no profile selects `clinic-board`");
}

#[test]
fn a_content_field_starts_an_entry_on_a_new_page() {
    let t = build("backend", &["portfolio"]);
    let pdf = t.path("dist/backend/Ilka-Moravec-Dunmore-Portfolio.pdf");
    // halden-2022, the newest role, has `new_page: true`: it starts a page, and takes the
    // section heading above it along.
    let starts = (1..=pages(&pdf)).any(|p| {
        page_text(&pdf, p)
            .starts_with("EXPERIENCE\nStaff Engineer, Payments Platform · Halden Pay\n")
    });
    assert!(starts, "the role does not start a page");
}

fn design(yaml: &str) -> Test {
    Test::new()
        .file("content/person.yaml", PERSON)
        .file("content/design.yaml", yaml)
}

#[test]
fn design_parameters_apply_without_touching_typst() {
    let t = design("design:\n  paper: us-letter\n  theme: classic\n  accent: '#336699'\n  margins: 0.75in\n  font_size: 11\n")
        .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run().success();
    let pdf = super::doc(&t.path("dist/all"), "-CV.pdf");
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(
        info.contains("Page size:       612 x 792 pts (letter)"),
        "{info}"
    );
    assert!(poppler("pdffonts", &[], &pdf).contains("LibertinusSerif"));
}

#[test]
fn design_mistakes_are_errors_with_places() {
    let check = |yaml: &str| design(yaml).args(&["check"]).run().failure();
    check("design:\n  accent: blue\n")
        .stderr_has("error: `blue` is not a colour: expected `#rrggbb`, for example `#1d4f91`\n  ┌─ content/design.yaml:2:11");
    check("design:\n  paper: a5\n")
        .stderr_has("error: `a5` is not a known value here\n  ┌─ content/design.yaml:2:10")
        .stderr_has("= hint: did you mean `a4`?");
    check("design:\n  margins: 16\n").stderr_has("error: `16` is not a length");
    check("design:\n  font_size: 30\n").stderr_has(
        "error: font size 30 is out of range: use 7 to 14 (points)\n  ┌─ content/design.yaml:2:14",
    );
    check("design:\n  theme: modrn\n").stderr_has("= hint: did you mean `modern`?");
    design("design:\n  font: Interr\n")
        .args(&["build"])
        .run()
        .failure()
        .stderr_has("error: there is no font `Interr`\n  ┌─ content/design.yaml:2:9")
        .stderr_has("= hint: did you mean `Inter`?");
}

#[test]
fn ejected_templates_replace_the_built_ins() {
    let t = Test::new()
        .file("content/person.yaml", PERSON)
        .args(&["templates", "eject"]);
    let run = t.run().success();
    for file in [
        "lib.typ",
        "cv.typ",
        "sidebar.typ",
        "portfolio.typ",
        "case-study.typ",
        "sample/cv.json",
        "sample/portfolio.json",
        "sample/case-study.json",
    ] {
        assert!(
            t.path(&format!("templates/{file}")).is_file(),
            "{file} missing"
        );
        assert!(
            run.stdout.contains(&format!("wrote templates/{file}")),
            "{}",
            run.stdout
        );
    }
    // A second eject would overwrite: refused, nothing written.
    Test::new().file("templates/cv.typ", "mine").args(&["templates", "eject"]).run().failure().stderr_has(
        "error: `templates/cv.typ` already exists\n = hint: nothing was written; pass `--force` to overwrite them, or name another folder",
    );
    // Edit the ejected CV; the build uses it.
    let cv = std::fs::read_to_string(t.path("templates/cv.typ")).unwrap();
    let t = t
        .file(
            "templates/cv.typ",
            &cv.replace(
                "masthead(t, person)\n",
                "masthead(t, person)\n  [Ejected and edited]\n",
            ),
        )
        .file(
            "content/roles.yaml",
            "experience:\n  - {id: a, title: Engineer, organization: Acme, start: 2020}\n",
        );
    let t = Test {
        args: Vec::new(),
        ..t
    }
    .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run().success();
    assert!(text(&super::doc(&t.path("dist/all"), "-CV.pdf")).contains("Ejected and edited"));
}

#[test]
fn sample_data_of_every_template_is_current() {
    for (document, extra) in [
        ("cv", &[][..]),
        ("portfolio", &[][..]),
        ("case-study", &["--project", "ledger"][..]),
    ] {
        let run = Test::new()
            .args(&[
                "data",
                document,
                "--profile",
                "backend",
                "--content",
                &content_arg(),
                "--date",
                "2026-11-01",
            ])
            .args(extra)
            .run()
            .success();
        super::assert_current(&format!("templates/sample/{document}.json"), &run.stdout);
    }
}

/// Decisions with a why or a trade-off keep a bold title; a plain one (text only) prints
/// as plain text, and a list of plain ones as a bullet list. A data flow of one step is
/// a paragraph, not a numbered list of one. In the handout and the portfolio, every
/// theme; bold read from the Markdown output, which marks the weight the page has.
#[test]
fn plain_decisions_are_not_bold_and_one_step_is_not_a_list() {
    let projects = "projects:\n  - id: p\n    title: Proj\n    classification: tool\n    handout: true\n    data_flow: [Reads the queue and writes the ledger]\n    decisions:\n      - text: Postgres over Kafka\n        why: Fewer moving parts\n        tradeoff: Lower throughput\n      - text: Plain decision here\n  - id: q\n    title: Qroj\n    classification: tool\n    handout: true\n    data_flow: [Takes the order, Books the payment]\n    decisions:\n      - text: Only plain decision\n      - text: Another plain decision\n";
    for theme in ["modern", "classic", "sidebar"] {
        let t = Test::with_content("projects.yaml", projects).args(&[
            "build",
            "--all",
            "--theme",
            theme,
            "--format",
            "pdf,md",
            "--date",
            "2026-11-01",
        ]);
        t.run().success();
        let read = |p: &str| std::fs::read_to_string(t.path(p)).unwrap();
        let handouts = read("dist/all/Ada-Example-Proj.md") + &read("dist/all/Ada-Example-Qroj.md");
        for (name, md) in [
            ("handouts", handouts),
            ("portfolio", read("dist/all/Ada-Example-Portfolio.md")),
        ] {
            let at = |s: &str| {
                md.find(s)
                    .unwrap_or_else(|| panic!("{theme} {name}: no {s:?} in\n{md}"))
            };
            at("**Postgres over Kafka**");
            at("Why: Fewer moving parts");
            // Plain: no bold, no list marker of its own.
            at("\nPlain decision here\n");
            assert!(
                !md.contains("**Plain decision here"),
                "{theme} {name}\n{md}"
            );
            // One step: a paragraph.
            at("\nReads the queue and writes the ledger\n");
            assert!(!md.contains("1. Reads"), "{theme} {name}\n{md}");
            // Two steps and all-plain decisions: lists.
            at("1. Takes the order\n");
            at("2. Books the payment\n");
            at("- Only plain decision\n");
            assert!(
                !md.contains("**Only plain decision"),
                "{theme} {name}\n{md}"
            );
        }
        let pdf = text(&t.path("dist/all/Ada-Example-Proj.pdf"));
        assert!(
            pdf.contains("Reads the queue and writes the ledger"),
            "{pdf}"
        );
        assert!(
            !pdf.contains("1. Reads") && !pdf.contains("1.\nReads"),
            "{pdf}"
        );
    }
}
