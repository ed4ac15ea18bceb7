//! The one-page guarantee: a CV that runs long is shrunk by a fixed sequence, says what
//! it dropped, fails clearly when even its minimum does not fit, and rebuilds in one pass.

use super::{Test, pages, text};

/// Thirty roles of eight bullets, twelve projects, six skill groups: far more than a page.
fn stress(extra_profiles: &str) -> Test {
    let mut yaml = String::from(
        "person:\n  name: Stress Test\n  headline: Engineer with a long history\n  summary: A summary of ordinary length.\nexperience:\n",
    );
    for i in 0..30 {
        let year = 2025 - i;
        yaml += &format!(
            "  - id: role-{i:02}\n    title: Engineer {i}\n    organization: Company {i}\n    start: {}-01\n    end: {year}-01\n    priority: {}\n    highlights:\n",
            year - 1,
            i % 3
        );
        for j in 0..8 {
            yaml += &format!(
                "      - {{text: 'Bullet {j} of role {i}: did a thing that mattered and measured it carefully', priority: {}}}\n",
                (i * 7 + j * 3) % 5
            );
        }
    }
    yaml += "projects:\n";
    for i in 0..12 {
        yaml += &format!(
            "  - {{id: p{i}, title: Project {i}, classification: tool, tagline: 'A tool for thing {i}', priority: {}}}\n",
            i % 4
        );
    }
    yaml += "skills:\n";
    for i in 0..6 {
        yaml += &format!("  - {{group: Group {i}, items: [alpha, beta, gamma, delta]}}\n");
    }
    yaml += "education:\n  - {institution: Uni, degree: MSc, start: 2000, end: 2002}\n";
    yaml += "profiles:\n  all:\n    documents:\n      cv:\n        max: {experience: 30, projects: 12}\n        bullets: 8\n";
    yaml += extra_profiles;
    Test::new().file("content/all.yaml", &yaml)
}

/// The bytes of the stress CV as last built.
fn cv_pdf(t: &Test) -> Vec<u8> {
    std::fs::read(super::doc(&t.path("dist/all"), "-CV.pdf")).unwrap()
}

const BUILD: [&str; 5] = ["build", "cv", "--date", "2026-11-01", "--profile"];

#[test]
fn a_long_cv_is_shrunk_to_one_page_and_says_what_went() {
    let t = stress("").args(&BUILD).args(&["all"]);
    let run = t.run().success();
    let pdf = super::doc(&t.path("dist/all"), "-CV.pdf");
    assert_eq!(pages(&pdf), 1);
    let run =
        run.stdout_starts_with("wrote dist/all/Stress-Test-CV.pdf (1 page, 10 layout passes, ");
    // Bullets go first (each role keeps two), then the least important sections' entries.
    let first = run.stderr.lines().next().unwrap();
    assert_eq!(
        first,
        "warning: the cv of profile `all`: dropped 6 bullets of role `role-29` (priority 0, 1, 1, 2, 3, 3) to fit one page"
    );
    assert!(run.stderr.contains(
        "warning: the cv of profile `all`: dropped project `p8` (priority 0) to fit one page\n"
    ));
    assert!(run.stderr.contains(
        "warning: the cv of profile `all`: dropped role `role-27` (priority 0) to fit one page\n"
    ));
    // The most important of what is left is still there.
    let text = text(&pdf);
    assert!(text.contains("Engineer 1 · Company 1"), "{text}");
    assert!(text.contains("EDUCATION"), "{text}");
}

#[test]
fn the_fitted_cv_is_the_same_every_time_and_rebuilds_in_one_pass() {
    let t = stress("").args(&BUILD).args(&["all"]);
    t.run().success();
    let first = cv_pdf(&t);
    // Unchanged input: the cached plan is laid out once.
    let run = t.run().success();
    let run = run.stdout_starts_with("wrote dist/all/Stress-Test-CV.pdf (1 page, ");
    assert!(!run.stdout.contains("layout passes"), "{}", run.stdout);
    assert_eq!(cv_pdf(&t), first);
    // Without the cache the search finds the same plan, and the same bytes.
    std::fs::remove_file(t.path("dist/.resume-fit.json")).unwrap();
    t.run().success();
    assert_eq!(cv_pdf(&t), first);
}

#[test]
fn an_edited_cv_is_refitted_from_its_last_plan_to_what_a_fresh_fit_finds() {
    let t = stress("").args(&BUILD).args(&["all"]);
    let fresh = |t: &Test| {
        std::fs::remove_file(t.path("dist/.resume-fit.json")).unwrap();
        t.run().success();
    };
    t.run().success();
    let content = t.path("content/all.yaml");
    let original = std::fs::read_to_string(&content).unwrap();
    // A one-line edit keeps the plan: it is checked (it fits, one removal fewer does
    // not) in two passes instead of ten.
    let edited = original.replace(
        "A summary of ordinary length.",
        "A summary of ordinary length, edited.",
    );
    std::fs::write(&content, &edited).unwrap();
    t.run()
        .success()
        .stdout_starts_with("wrote dist/all/Stress-Test-CV.pdf (1 page, 2 layout passes, ");
    let refitted = cv_pdf(&t);
    fresh(&t);
    assert_eq!(cv_pdf(&t), refitted);
    // An edit that changes the plan (twenty roles fewer: less to drop) is fitted afresh.
    let cut = edited.split("  - id: role-10\n").next().unwrap().to_owned()
        + &edited[edited.find("projects:\n").unwrap()..];
    std::fs::write(&content, &cut).unwrap();
    let run = t.run().success();
    assert!(run.stdout.contains("layout passes"), "{}", run.stdout);
    let refitted = cv_pdf(&t);
    fresh(&t);
    assert_eq!(cv_pdf(&t), refitted);
}

#[test]
fn a_fitting_cache_with_impossible_plans_is_not_trusted() {
    let t = stress("").args(&BUILD).args(&["all"]);
    t.run().success();
    let first = cv_pdf(&t);
    let cache = t.path("dist/.resume-fit.json");
    let original = std::fs::read_to_string(&cache).unwrap();
    let plan = |text: &str| {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        value["all/cv"]["plan"].clone()
    };
    let fitted = plan(&original);
    // More tightening than the template has set lines over each other; more removals
    // than there are is no plan fitting makes. Either way: fit afresh, same bytes.
    for bad in [
        serde_json::json!({"drop": fitted["drop"], "tighten": 10}),
        serde_json::json!({"drop": 100000, "tighten": fitted["tighten"]}),
    ] {
        let mut value: serde_json::Value = serde_json::from_str(&original).unwrap();
        value["all/cv"]["plan"] = bad.clone();
        std::fs::write(&cache, value.to_string()).unwrap();
        let run = t.run().success();
        assert!(
            run.stdout.contains("layout passes"),
            "{bad}: {}",
            run.stdout
        );
        assert_eq!(cv_pdf(&t), first, "{bad}");
        // The cache holds the plan fitting found again.
        assert_eq!(plan(&std::fs::read_to_string(&cache).unwrap()), fitted);
    }
}

#[test]
fn a_profile_can_allow_two_pages_or_switch_fitting_off() {
    let profiles = "  two:\n    extends: all\n    documents: {cv: {pages: 2}}\n  off:\n    extends: all\n    documents: {cv: {fit: false}}\n";
    let t = stress(profiles).args(&BUILD).args(&["two"]);
    t.run().success();
    assert_eq!(pages(&super::doc(&t.path("dist/two"), "-CV.pdf")), 2);
    let t = stress(profiles).args(&BUILD).args(&["off"]);
    let run = t.run().success();
    assert!(pages(&super::doc(&t.path("dist/off"), "-CV.pdf")) > 2);
    assert!(!run.stderr.contains("dropped"), "{}", run.stderr);
    stress("  three:\n    documents: {cv: {pages: 3}}\n")
        .args(&["check"])
        .run()
        .failure()
        .stderr_has("error: a CV of 3 pages is not offered: `pages` is 1 or 2");
}

#[test]
fn a_cv_whose_minimum_overflows_fails_and_names_the_overflow() {
    let mut summary =
        String::from("person:\n  name: Huge Summary\n  headline: Writes too much\n  summary: |\n");
    for _ in 0..60 {
        summary += &format!(
            "    {}\n\n",
            "This paragraph goes on about everything the person has ever done. ".repeat(3)
        );
    }
    let t = Test::new().file("content/person.yaml", &summary).args(&[
        "build",
        "cv",
        "--date",
        "2026-11-01",
    ]);
    let run = t.run().failure();
    let first = run.stderr.lines().next().unwrap();
    assert!(
        first.starts_with(
            "error: the CV does not fit on one page even at its minimum: it runs about "
        ),
        "{first}"
    );
    assert!(first.ends_with(" mm onto page 2"), "{first}");
    assert!(
        run.stderr
            .contains(" = hint: on page 2 and after: `summary`\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`documents: {cv: {pages: 2}}`"),
        "{}",
        run.stderr
    );
    assert!(super::no_doc(&t.path("dist/all"), "-CV.pdf"));
}

#[test]
fn list_shows_what_fitting_drops() {
    let run = stress("")
        .args(&["list", "--profile", "all", "--fit"])
        .run()
        .success();
    assert!(
        run.stdout
            .contains("\ncv: fits on 1 page after fitting (10 layout passes):\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("\n  dropped project `p8` (priority 0) to fit one page\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn sections_shown_while_there_is_room_are_one_line_and_selection_by_tags_is_silent() {
    // The backend profile lists no CV sections: talks, awards, writing, interests and the
    // author's own `open-source` fill what room is left, and what does not fit is one
    // line. Its tags leave out all volunteer work, which is no warning: it is the point.
    let content = super::example_content();
    let run = Test::new()
        .args(&[
            "build",
            "cv",
            "--profile",
            "backend",
            "--content",
            content.to_str().unwrap(),
            "--date",
            "2026-11-01",
        ])
        .run()
        .success();
    assert_eq!(
        run.stderr,
        "warning: the cv of profile `backend`: left out 2 of `talks`, 1 of `awards`, 1 of `writing`, 2 of `interests`, 2 of `open-source` (sections shown while there is room) to fit one page\n\n"
    );
}

#[test]
fn a_short_cv_fills_its_page_with_what_the_defaults_leave_out() {
    // One role of seven bullets and ten projects with highlights: by default the CV shows
    // four bullets and four one-line projects, and that leaves most of the page empty.
    let mut yaml = String::from(
        "person: {name: Short Test, headline: Engineer}\nexperience:\n  - id: only\n    title: Engineer\n    organization: Acme\n    start: 2020-01\n    highlights:\n",
    );
    for j in 0..7 {
        yaml += &format!("      - Role bullet {j} with a measured result\n");
    }
    yaml += "projects:\n";
    for i in 0..10 {
        yaml += &format!(
            "  - id: p{i}\n    title: Project {i}\n    tagline: A tool for thing {i}\n    highlights: [Highlight A of project {i}, Highlight B of project {i}]\n"
        );
    }
    let t =
        Test::new()
            .file("content/all.yaml", &yaml)
            .args(&["build", "cv", "--date", "2026-11-01"]);
    // What is added while there is room is no warning, and none is left out.
    t.run().success().stderr_is("");
    let text = text(&super::doc(&t.path("dist/all"), "-CV.pdf"));
    for s in [
        "Role bullet 6 with a measured result",
        "Project 9",
        "Highlight B of project 9",
    ] {
        assert!(text.contains(s), "the CV lacks {s:?}:\n{text}");
    }
}

#[test]
fn a_cv_that_fills_under_half_its_page_is_a_warning_that_says_why() {
    Test::new()
        .file(
            "content/all.yaml",
            "person: {name: Short Test, headline: Engineer}\nexperience:\n  - {id: only, title: Engineer, organization: Acme, start: 2020-01}\n",
        )
        .args(&["build", "cv", "--date", "2026-11-01"])
        .run()
        .success()
        .stderr_is(
            "warning: `dist/all/Short-Test-CV.pdf` fills 10% of its page: profile `all` gives it 1 role, 0 projects and 0 skill groups
 = hint: `resume list --profile all` shows what it selects and leaves out; add roles, projects or skills to the content, or select more

",
        );
}

/// A project with every write-up field, each paragraph `n` sentences long; each field's
/// text says which field it is (`The scope work...`, `Roadmap point 1...`).
fn every_field(id: &str, n: usize) -> String {
    let para = |field: &str| {
        vec![format!("The {field} work covered queues, ledgers, retries and the careful review of every change before it shipped."); n].join(" ")
    };
    let mut y = format!(
        "  - id: {id}\n    title: Project {id}\n    classification: production system\n    handout: true\n    highlights: [Cut latency by half, Ran the migration]\n    thesis: One ledger beats five.\n"
    );
    for f in ["scope", "problem", "rationale", "scale", "outcome"] {
        y += &format!("    {f}: {}\n", para(f));
    }
    y += &format!(
        "    architecture:\n      overview: {}\n      style: modular monolith\n      modules:\n        - {{name: api, description: Takes the orders.}}\n        - {{name: ledger, description: Books the money.}}\n",
        para("architecture")
    );
    y += "    data_flow:\n";
    for i in 1..=5 {
        y += &format!("      - Flow step {i} moves the order along and records what it did.\n");
    }
    y += "    decisions:\n";
    for i in 1..=3 {
        y += &format!(
            "      - text: Decision {i}\n        why: {}\n        tradeoff: Slower writes.\n",
            para("why")
        );
    }
    for f in ["performance", "scalability", "roadmap"] {
        y += &format!("    {f}:\n");
        for i in 1..=4 {
            y += &format!("      - {f} point {i}, and what it came to in the end.\n");
        }
    }
    y += "    postmortem:\n";
    for i in 1..=2 {
        y += &format!(
            "      - {{issue: Incident {i} took the ledger down, fix: Fixed it with a check., lesson: Check first.}}\n"
        );
    }
    y += "    metrics:\n      - {value: 50%, label: less latency}\n      - {value: 3x, label: more throughput}\n";
    y += &format!(
        "    sections:\n      - heading: Team\n        text: {}\n",
        para("team")
    );
    y
}

/// A marker of each write-up field in the text every_field writes, by field name.
const FIELD_MARKS: &[(&str, &str)] = &[
    ("thesis", "One ledger beats five."),
    ("scope", "The scope work"),
    ("problem", "The problem work"),
    ("architecture", "The architecture work"),
    ("rationale", "The rationale work"),
    ("data_flow", "Flow step 2"),
    ("decisions", "Decision 3"),
    ("scale", "The scale work"),
    ("performance", "performance point 1"),
    ("scalability", "scalability point 1"),
    ("postmortem", "Incident 2 took"),
    ("metrics", "more throughput"),
    ("outcome", "The outcome work"),
    ("roadmap", "roadmap point 1"),
    ("sections", "The team work"),
];

fn flat(pdf: &std::path::Path) -> String {
    text(pdf).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A handout prints every write-up field the project has, in the portfolio's order; one
/// that runs past two pages loses its least important parts first, and says which.
#[test]
fn a_long_handout_is_fitted_to_two_pages_by_priority() {
    let content = |profiles: &str| {
        Test::new().file(
            "content/all.yaml",
            &format!(
                "person: {{name: Ada Example, headline: Engineer}}\nprojects:\n{}{profiles}",
                every_field("big", 10)
            ),
        )
    };
    // As written, it runs to three pages.
    let t = content("profiles:\n  all:\n    documents:\n      case-study: {fit: false}\n").args(&[
        "build",
        "case-study",
        "--date",
        "2026-11-01",
    ]);
    t.run().success().stderr_has("runs to 3 pages");
    let pdf = t.path("dist/all/Ada-Example-Project-big.pdf");
    assert_eq!(pages(&pdf), 3);
    let whole = flat(&pdf);
    // Every field, in the portfolio's order.
    let mut at = 0;
    for (field, mark) in FIELD_MARKS {
        let found = whole[at..]
            .find(mark)
            .unwrap_or_else(|| panic!("{field} ({mark:?}) missing or out of order:\n{whole}"));
        at += found;
    }

    // Fitted (the default): two pages, the least important parts gone.
    let t = content("").args(&["build", "case-study", "--date", "2026-11-01"]);
    t.run().success().stderr_is(
        "warning: the handout `big` of profile `all`: dropped `roadmap`, `scalability`, `performance`, `sections`, `scale` (the least important parts of its write-up) to fit 2 pages\n\n",
    );
    let pdf = t.path("dist/all/Ada-Example-Project-big.pdf");
    assert_eq!(pages(&pdf), 2);
    let fitted = flat(&pdf);
    for (field, mark) in FIELD_MARKS {
        let dropped =
            ["roadmap", "scalability", "performance", "sections", "scale"].contains(field);
        assert_eq!(!fitted.contains(mark), dropped, "{field}:\n{fitted}");
    }

    // `resume data --typst` writes the input as it is built: fitted.
    let t = content("").args(&[
        "data",
        "case-study",
        "--project",
        "big",
        "--typst",
        "typst",
        "--date",
        "2026-11-01",
    ]);
    t.run().success();
    let data = std::fs::read_to_string(t.path("typst/templates/sample/case-study.json")).unwrap();
    assert!(data.contains("\"key\": \"outcome\""), "{data}");
    assert!(!data.contains("\"key\": \"roadmap\""), "{data}");

    // One page asked for: more goes, least important first, and the spacing tightens.
    let t = content("profiles:\n  all:\n    documents:\n      case-study: {pages: 1}\n").args(&[
        "build",
        "case-study",
        "--date",
        "2026-11-01",
    ]);
    let run = t.run().success();
    let pdf = t.path("dist/all/Ada-Example-Project-big.pdf");
    assert_eq!(pages(&pdf), 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("warning: the handout `big` of profile `all`: dropped `roadmap`, `scalability`, `performance`, `sections`, `scale`, "),
        "{}",
        run.stderr
    );
    let one = flat(&pdf);
    for mark in [
        "The problem work",
        "The architecture work",
        "Decision 3",
        "The outcome work",
    ] {
        assert!(one.contains(mark), "{mark}:\n{one}");
    }
}

/// A short project's handout prints every field it has, and nothing is reported.
#[test]
fn a_short_handout_prints_every_field_it_has() {
    let t = Test::new()
        .file(
            "content/all.yaml",
            &format!(
                "person: {{name: Ada Example, headline: Engineer}}\nprojects:\n{}",
                every_field("small", 1)
            ),
        )
        .args(&["build", "case-study", "--date", "2026-11-01"]);
    t.run().success().stderr_is("");
    let pdf = t.path("dist/all/Ada-Example-Project-small.pdf");
    assert!(pages(&pdf) <= 2);
    let all = flat(&pdf);
    for (field, mark) in FIELD_MARKS {
        assert!(all.contains(mark), "{field} ({mark:?}) missing:\n{all}");
    }
}

/// A handout whose essentials alone run past its pages prints whole: nothing is dropped
/// for nothing, and the page count is the warning.
#[test]
fn a_handout_too_long_even_without_its_extras_prints_whole() {
    let long =
        vec!["The problem was long and hard and took a great many words to tell."; 400].join(" ");
    let t = Test::new()
        .file(
            "content/all.yaml",
            &format!("person: {{name: Ada Example, headline: Engineer}}\nprojects:\n  - id: huge\n    title: Huge\n    roadmap: [Next the queue]\n    problem: {long}\n"),
        )
        .args(&["build", "case-study", "--date", "2026-11-01"]);
    let run = t.run().success();
    let pdf = t.path("dist/all/Ada-Example-Huge.pdf");
    let n = pages(&pdf);
    assert!(n > 2, "{n}");
    assert!(!run.stderr.contains("dropped"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("runs to {n} pages")),
        "{}",
        run.stderr
    );
    assert!(flat(&pdf).contains("Next the queue"));
}
