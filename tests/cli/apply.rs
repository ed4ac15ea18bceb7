//! Applications: `resume apply <id>` builds a kit of CV, cover letter and posting
//! report; errors in an application point at its place.

use super::{PERSON, Test, example_content, pages, text};

/// A small career: a selected backend role on PostgreSQL and Kafka, and a Rust project
/// that the profile leaves out.
const CAREER: &str = "experience:
  - id: acme
    title: Backend Engineer
    organization: Acme
    start: 2020
    stack: [PostgreSQL, Kafka]
    highlights:
      - Moved billing onto Kafka, with a ledger in PostgreSQL.
projects:
  - id: rustlab
    title: Rustlab
    tagline: A toy consensus library.
    tags: [hobby]
    stack: [Rust]
  - id: dashboard
    title: Dashboard
    tagline: Internal tools in TypeScript.
    tags: [backend]
profiles:
  backend:
    exclude_tags: [hobby]
";

const APPLICATION: &str = "applications:
  acme-2:
    company: Zürich Widgets AG
    role: Platform Engineer
    profile: backend
    exclude: id:dashboard
    posting: postings/zw.txt
    date: 2026-11-02
    letter:
      - I would like to **apply** for the platform role.
      - My CV is attached.
";

/// The posting: Postgres (a variant of a term on the CV), Kafka (on the CV), Rust (only
/// in a project the profile leaves out), JS (a variant of a term nowhere in the
/// content), GraphQL (nowhere), and the word `go`, which is not Go.
const POSTING: &str =
    "We run Postgres and Kafka. Rust is a plus, as is some JS.\nYou will go far with GraphQL.\n";

fn kit() -> Test {
    Test::new()
        .file("content/person.yaml", PERSON)
        .file("content/career.yaml", CAREER)
        .file("content/applications/acme-2.yaml", APPLICATION)
        .file("content/postings/zw.txt", POSTING)
}

#[test]
fn the_kit_has_a_cv_a_letter_and_a_report() {
    let t = kit().args(&["apply", "acme-2", "--date", "2026-11-01"]);
    let run = t.run().success();
    let dir = "dist/applications/acme-2";
    let cv = t.path(&format!("{dir}/Ada-Example-CV-Zurich-Widgets-AG.pdf"));
    let letter = t.path(&format!("{dir}/Ada-Example-Letter-Zurich-Widgets-AG.pdf"));
    assert_eq!(pages(&cv), 1);
    assert_eq!(pages(&letter), 1);
    // The CV is the profile's, with the application's `exclude` on top.
    let cv_text = text(&cv);
    assert!(cv_text.contains("Moved billing onto Kafka"), "{cv_text}");
    assert!(!cv_text.contains("Rustlab"), "{cv_text}");
    assert!(!cv_text.contains("Dashboard"), "{cv_text}");
    // The letter: masthead, recipient, date, salutation, body, closing, name.
    let letter_text = text(&letter);
    for part in [
        "Ada Example",
        "Zürich Widgets AG",
        "Platform Engineer",
        "2 Nov 2026",
        "Dear Zürich Widgets AG hiring team,",
        "I would like to apply for the platform role.",
        "My CV is attached.",
        "Kind regards,",
    ] {
        assert!(
            letter_text.contains(part),
            "{part:?} missing:\n{letter_text}"
        );
    }
    run.stdout_has(&format!(
        "wrote {dir}/report.md (5 terms of the posting: 3 not on the CV)"
    ));
    // Nothing else is built.
    assert!(!t.path("dist/backend").exists());
}

#[test]
fn the_report_says_where_each_term_of_the_posting_is() {
    let t = kit().args(&["apply", "acme-2", "--report", "--date", "2026-11-01"]);
    let run = t.run().success();
    let expected = "# Platform Engineer at Zürich Widgets AG: what the posting asks for

Application `acme-2`, posting `postings/zw.txt`, CV from profile `backend` with the application's selectors.

5 terms found in the posting: 2 on the CV, 1 only elsewhere in the content, 2 not in the content.

## On the CV

- PostgreSQL (the posting says \"Postgres\")
- Kafka

## Only elsewhere in the content

Select one of these entries in the application (`select:`) or its profile to show it.

- Rust: project `rustlab`

## Not in the content

Nothing in the content mentions these; add them where they are true.

- JavaScript (the posting says \"JS\")
- GraphQL
";
    assert_eq!(
        std::fs::read_to_string(t.path("dist/applications/acme-2/report.md")).unwrap(),
        expected
    );
    run.stdout_has(expected);
}

#[test]
fn a_term_shown_by_the_cv_through_the_application_counts_as_on_it() {
    // Without the `exclude`, the dashboard (TypeScript) is on the CV: the report says so.
    let t = kit()
        .file(
            "content/applications/acme-2.yaml",
            &APPLICATION.replace("    exclude: id:dashboard\n", ""),
        )
        .file("content/postings/zw.txt", "TypeScript and Rust.\n")
        .args(&["apply", "acme-2", "--report", "--date", "2026-11-01"]);
    t.run()
        .success()
        .stdout_has("## On the CV\n\n- TypeScript\n\n## Only elsewhere in the content");
}

#[test]
fn an_unknown_application_is_named_with_the_known_ones() {
    kit()
        .args(&["apply", "acme2"])
        .run()
        .failure()
        .stderr_is("error: there is no application `acme2`\n = hint: did you mean `acme-2`?\n\n");
}

#[test]
fn a_kit_holds_the_handouts_its_application_asks_for() {
    let application = APPLICATION.replace("    exclude: id:dashboard\n", "");
    let t = kit()
        .file(
            "content/applications/acme-2.yaml",
            &format!("{application}    handouts: [dashboard]\n"),
        )
        .args(&["apply", "acme-2", "--date", "2026-11-01"]);
    let run = t.run().success();
    let pdf = t.path("dist/applications/acme-2/Ada-Example-Dashboard-Zurich-Widgets-AG.pdf");
    assert!(
        text(&pdf).contains("Internal tools in TypeScript."),
        "{}",
        run.stdout
    );

    // A project the profile leaves out has no handout: said, not silent.
    kit()
        .file(
            "content/applications/acme-2.yaml",
            &format!("{APPLICATION}    handouts: [rustlab]\n"),
        )
        .args(&["apply", "acme-2", "--date", "2026-11-01"])
        .run()
        .success()
        .stderr_has("warning: application `acme-2`: the handout of `rustlab` is not in the kit: its profile `backend` or the application's selectors leave it out\n");

    kit()
        .file(
            "content/applications/acme-2.yaml",
            &format!("{APPLICATION}    handouts: [rustlba]\n"),
        )
        .args(&["check"])
        .run()
        .failure()
        .stderr_is(
            "error: application `acme-2` asks for the handout of `rustlba`, which is no project or case study
   ┌─ content/applications/acme-2.yaml:12:16
   │
12 │     handouts: [rustlba]
   │                ^^^^^^^
   │
   = hint: did you mean `rustlab`?

error: `content` has 1 error

",
        );
}

#[test]
fn an_unknown_profile_points_at_the_application() {
    kit()
        .file(
            "content/applications/acme-2.yaml",
            &APPLICATION.replace("profile: backend", "profile: bakend"),
        )
        .args(&["check"])
        .run()
        .failure()
        .stderr_is(
            "error: application `acme-2` starts from the profile `bakend`, which does not exist
  ┌─ content/applications/acme-2.yaml:5:14
  │
5 │     profile: bakend
  │              ^^^^^^
  │
  = hint: did you mean `backend`?

error: `content` has 1 error

",
        );
}

#[test]
fn a_missing_posting_or_one_outside_the_content_is_an_error() {
    kit()
        .file(
            "content/applications/acme-2.yaml",
            &APPLICATION.replace("postings/zw.txt", "postings/nope.txt"),
        )
        .args(&["check"])
        .run()
        .failure()
        .stderr_has(
            "error: cannot read the posting `postings/nope.txt`: No such file or directory
  ┌─ content/applications/acme-2.yaml:7:14
",
        );
    kit()
        .file("outside.txt", "Kafka\n")
        .file(
            "content/applications/acme-2.yaml",
            &APPLICATION.replace("postings/zw.txt", "../outside.txt"),
        )
        .args(&["check"])
        .run()
        .failure()
        .stderr_has(
            "error: `../outside.txt` lies outside the content folder
  ┌─ content/applications/acme-2.yaml:7:14
",
        );
}

#[test]
fn application_ids_and_selectors_are_checked() {
    kit()
        .file(
            "content/applications/acme-2.yaml",
            &APPLICATION
                .replace("acme-2:", "../acme:")
                .replace("id:dashboard", "id:dashbord"),
        )
        .args(&["check"])
        .run()
        .failure()
        .stderr_has("error: `../acme` is not a valid application id\n  ┌─ content/applications/acme-2.yaml:2:3\n")
        .stderr_has("error: there is no id `dashbord`\n  ┌─ content/applications/acme-2.yaml:6:17\n")
        .stderr_has("= hint: did you mean `dashboard`?");
}

#[test]
fn a_letter_longer_than_a_page_is_an_error() {
    let long = format!(
        "      - {}\n",
        "This sentence goes on about the role at some length. ".repeat(400)
    );
    let t = kit()
        .file(
            "content/applications/acme-2.yaml",
            &APPLICATION.replace("      - My CV is attached.\n", &long),
        )
        .args(&["apply", "acme-2", "--date", "2026-11-01"]);
    let run = t.run().failure();
    run.stderr_has("error: the cover letter does not fit on one page even at its tightest spacing: it runs about ")
        .stderr_has("= hint: a cover letter is one page: shorten the `letter` of the application");
    assert!(
        !t.path("dist/applications/acme-2/Ada-Example-Letter-Zurich-Widgets-AG.pdf")
            .exists()
    );
}

#[test]
fn the_example_application_builds() {
    let content = example_content();
    let t = Test::new().args(&[
        "apply",
        "northwind",
        "--content",
        content.to_str().unwrap(),
        "--date",
        "2026-11-01",
    ]);
    t.run().success();
    let dir = "dist/applications/northwind";
    for what in ["CV", "Letter"] {
        let pdf = t.path(&format!(
            "{dir}/Ilka-Moravec-Dunmore-{what}-Northwind-Freight-Systems.pdf"
        ));
        assert_eq!(pages(&pdf), 1, "{what}");
    }
    // The handout the application asks for, named for the project and the company.
    let handout = t.path(&format!(
        "{dir}/Ilka-Moravec-Dunmore-Halden-Ledger-Northwind-Freight-Systems.pdf"
    ));
    assert!(text(&handout).contains("Halden Ledger"));
    let report = std::fs::read_to_string(t.path(&format!("{dir}/report.md"))).unwrap();
    assert!(
        report.contains("- Kubernetes (the posting says \"k8s\")"),
        "{report}"
    );
    assert!(report.contains("- gRPC\n"), "{report}");
}

#[test]
fn the_letters_sample_data_is_current() {
    let content = example_content();
    let run = Test::new()
        .args(&[
            "apply",
            "northwind",
            "--data",
            "--content",
            content.to_str().unwrap(),
            "--date",
            "2026-11-01",
        ])
        .run()
        .success();
    super::assert_current("templates/sample/letter.json", &run.stdout);
}

#[test]
fn a_full_build_leaves_the_kits_alone() {
    let t = kit().args(&["apply", "acme-2", "--date", "2026-11-01"]);
    t.run().success();
    let t = Test {
        args: Vec::new(),
        ..t
    }
    .args(&["build", "--all", "--clean", "--date", "2026-11-01"]);
    let run = t.run().success();
    assert!(!run.stderr.contains("no longer built"), "{}", run.stderr);
    assert!(!run.stdout.contains("removed"), "{}", run.stdout);
    assert!(
        t.path("dist/applications/acme-2/Ada-Example-CV-Zurich-Widgets-AG.pdf")
            .is_file()
    );
    let manifest = std::fs::read_to_string(t.path("dist/manifest.json")).unwrap();
    assert!(
        manifest.contains("\"applications/acme-2/Ada-Example-Letter-Zurich-Widgets-AG.pdf\""),
        "{manifest}"
    );
}

#[test]
fn applications_is_not_a_profile_name() {
    kit()
        .file("content/more.yaml", "profiles:\n  applications: {}\n")
        .args(&["check"])
        .run()
        .failure()
        .stderr_has("error: `applications` cannot name a profile\n  ┌─ content/more.yaml:2:3\n");
}

#[test]
fn check_names_the_applications() {
    kit()
        .args(&["check"])
        .run()
        .success()
        .stdout_has("applications: acme-2 (`resume apply <id>`)\n");
}

/// A role with two bullets, of which the CV prints one: the one of higher priority,
/// or with `--tailor` the one that names what the posting asks for.
const TAILORED: &str = "experience:
  - id: acme
    title: Backend Engineer
    organization: Acme
    start: 2020
    highlights:
      - {text: Ran the office book club for three years., priority: 5}
      - {text: Moved billing onto Kafka and Postgres., priority: 1}
profiles:
  backend:
    bullets: {max: 1}
applications:
  acme-2:
    company: Acme
    role: Platform Engineer
    profile: backend
    posting: posting.txt
    date: 2026-11-02
    letter: Hello.
";

fn tailored() -> Test {
    Test::new()
        .file("content/person.yaml", PERSON)
        .file("content/career.yaml", TAILORED)
        .file("content/posting.txt", "We use Kafka and PostgreSQL.\n")
}

#[test]
fn tailor_keeps_the_bullets_that_name_the_posting() {
    let t = tailored().args(&["apply", "acme-2", "--date", "2026-11-01"]);
    t.run().success();
    let cv = t.path("dist/applications/acme-2/Ada-Example-CV-Acme.pdf");
    let plain = text(&cv);
    assert!(plain.contains("book club"), "{plain}");
    assert!(!plain.contains("billing"), "{plain}");
    let t = Test {
        args: Vec::new(),
        ..t
    }
    .args(&[
        "apply",
        "acme-2",
        "--tailor",
        "--report",
        "--date",
        "2026-11-01",
    ]);
    t.run()
        .success()
        .stdout_has("CV from profile `backend`, bullets re-ranked by the posting (`--tailor`).");
    let plain = text(&cv);
    assert!(
        plain.contains("Moved billing onto Kafka and Postgres."),
        "{plain}"
    );
    assert!(!plain.contains("book club"), "{plain}");
}

#[test]
fn list_shows_how_an_application_ranks_the_bullets() {
    tailored()
        .args(&["list", "--application", "acme-2"])
        .run()
        .success()
        .stdout_has("application `acme-2`: Platform Engineer at Acme; bullets re-ranked by the 2 terms of its posting: Kafka, PostgreSQL\n")
        .stdout_has("        keep [1, +2] Moved billing onto Kafka and Postgres. — names Kafka, PostgreSQL\n")
        .stdout_has("        drop [5] Ran the office book club for three years. (");
    tailored()
        .args(&["list", "--application", "acme"])
        .run()
        .failure()
        .stderr_is("error: there is no application `acme`\n = hint: did you mean `acme-2`?\n\n");
}
