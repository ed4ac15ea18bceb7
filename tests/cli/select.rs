//! Profiles and selectors: what each rule selects, down to bullets, and every selector
//! error with its position. Assertions read `resume data` (the template's JSON) and
//! `resume list`.

use serde_json::Value;

use super::Test;

const CONTENT: &str = "person:
  name: Ada Example
  headline: Engineer
  variants:
    rt:
      headline: Real-time engineer
experience:
  - id: r2023
    title: Lead
    organization: Secret Corp
    confidential: a fintech company
    start: 2023-01
    tags: [backend, lead]
    highlights:
      - {text: Built the ledger, tags: [backend], priority: 3}
      - {text: Built the dashboard, tags: [frontend], priority: 5}
      - {text: Hired five engineers, tags: [lead], priority: 1}
      - Plain bullet
  - id: r2019
    title: Engineer
    organization: Acme
    start: 2019-03
    end: 2022-12
    tags: [backend]
  - id: r2015
    title: Intern
    organization: Old Co
    employment: internship
    start: 2015-06
    end: 2016-01
    tags: [frontend]
projects:
  - {id: ledger, title: Ledger, classification: production-system, tagline: t, priority: 5, tags: [backend]}
  - {id: board, title: Board, classification: prototype, tagline: t, priority: 9, tags: [frontend, realtime]}
  - {id: stream, title: Stream, classification: tool, tagline: t, priority: 1, start: 2022, tags: [backend, realtime]}
";

const PROFILES: &str = "profiles:
  all: {}
  backend:
    tags: [backend]
  no-proto:
    exclude: kind:prototype
  recent:
    select: since:2020
  ordered:
    sections:
      projects:
        order: [stream, ledger]
        max: 2
  child:
    extends: backend
    variant: rt
    bullets: {max: 1}
  private:
    extends: backend
    private: true
  bulletsel:
    bullets:
      select: \"priority:3\"
  interns:
    select: kind:internship or kind:tool
  cv-limits:
    documents:
      cv:
        sections: [projects, experience]
        max: {projects: 1}
        bullets: 2
";

fn project(profiles: &str) -> Test {
    Test::new()
        .file("content/content.yaml", CONTENT)
        .file("content/profiles.yaml", profiles)
}

/// The CV data for a profile: role ids, project ids, and the whole JSON.
fn cv(profile: &str, extra: &[&str]) -> (Vec<String>, Vec<String>, Value) {
    let run = project(PROFILES)
        .args(&["data", "cv", "--date", "2026-11-01", "--profile", profile])
        .args(extra)
        .run()
        .success();
    let data: Value = serde_json::from_str(&run.stdout).unwrap();
    let ids = |key: &str| {
        data[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect()
    };
    (ids("experience"), ids("projects"), data)
}

/// The texts of a list of rich-text items (each an array of runs).
fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|runs| {
            runs.as_array()
                .unwrap()
                .iter()
                .map(|r| r["text"].as_str().unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn tags_select_entries_and_bullets() {
    let (roles, projects, data) = cv("backend", &[]);
    assert_eq!(roles, ["r2023", "r2019"]);
    assert_eq!(projects, ["ledger", "stream"]);
    // Untagged bullets stay; tagged ones need a profile tag.
    assert_eq!(
        strings(&data["experience"][0]["highlights"]),
        ["Built the ledger", "Plain bullet"]
    );
}

#[test]
fn everything_without_rules_newest_first_and_by_priority() {
    let (roles, projects, data) = cv("all", &[]);
    assert_eq!(roles, ["r2023", "r2019", "r2015"]);
    assert_eq!(projects, ["board", "ledger", "stream"]);
    assert_eq!(
        data["sections"],
        serde_json::json!(["experience", "projects"])
    );
}

#[test]
fn excludes_by_kind() {
    assert_eq!(cv("no-proto", &[]).1, ["ledger", "stream"]);
}

#[test]
fn date_filter_keeps_what_ends_after_since() {
    let (roles, projects, _) = cv("recent", &[]);
    assert_eq!(roles, ["r2023", "r2019"]);
    // Undated projects are timeless; `stream` started in 2022.
    assert_eq!(projects, ["board", "ledger", "stream"]);
}

#[test]
fn kinds_select_across_sections() {
    let (roles, projects, _) = cv("interns", &[]);
    assert_eq!(roles, ["r2015"]);
    assert_eq!(projects, ["stream"]);
}

#[test]
fn explicit_order_and_section_max() {
    assert_eq!(cv("ordered", &[]).1, ["stream", "ledger"]);
}

#[test]
fn document_sections_limits_and_bullets() {
    let (roles, projects, data) = cv("cv-limits", &[]);
    assert_eq!(
        data["sections"],
        serde_json::json!(["projects", "experience"])
    );
    assert_eq!(projects, ["board"]);
    assert_eq!(roles.len(), 3);
    // The two most important bullets, printed in the author's order.
    assert_eq!(
        strings(&data["experience"][0]["highlights"]),
        ["Built the ledger", "Built the dashboard"]
    );
}

#[test]
fn bullets_selected_by_priority() {
    let (_, _, data) = cv("bulletsel", &[]);
    assert_eq!(
        strings(&data["experience"][0]["highlights"]),
        ["Built the ledger", "Built the dashboard"]
    );
}

#[test]
fn extends_inherits_and_overrides() {
    let (roles, projects, data) = cv("child", &[]);
    assert_eq!(
        (roles, projects),
        (
            vec!["r2023".to_owned(), "r2019".to_owned()],
            vec!["ledger".to_owned(), "stream".to_owned()]
        )
    );
    assert_eq!(data["person"]["headline"], "Real-time engineer");
    assert_eq!(
        strings(&data["experience"][0]["highlights"]),
        ["Built the ledger"]
    );
}

#[test]
fn confidential_names_in_public_and_private_builds() {
    let org = |data: &Value| {
        data["experience"][0]["organization"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(org(&cv("backend", &[]).2), "a fintech company");
    assert_eq!(org(&cv("backend", &["--private"]).2), "Secret Corp");
    assert_eq!(org(&cv("private", &[]).2), "Secret Corp");
}

#[test]
fn select_and_exclude_on_top_of_a_profile() {
    let (roles, projects, _) = cv("backend", &["--select", "tag:realtime"]);
    assert!(roles.is_empty());
    assert_eq!(projects, ["stream"]);
    assert_eq!(cv("backend", &["--exclude", "id:stream"]).1, ["ledger"]);
    assert_eq!(
        cv("all", &["--select", "id:ledger,board"]).1,
        ["board", "ledger"]
    );
}

#[test]
fn a_selection_that_empties_a_section_warns() {
    project(PROFILES)
        .args(&[
            "build",
            "cv",
            "--profile",
            "backend",
            "--select",
            "id:ledger",
            "--date",
            "2026-11-01",
        ])
        .run()
        .success()
        .stderr_besides_fill_is(
            "warning: the cv of profile `backend` shows nothing in its `experience` section
 = hint: every entry is left out; `resume list --profile backend` shows why

",
        );
}

#[test]
fn what_no_document_prints_is_warned_once_and_listed() {
    let content = "projects:
  - {id: a, title: Alpha}
  - {id: b, title: Beta}
  - {id: c, title: Gamma}
talks:
  - {title: On ledgers, venue: Meetup, date: 2024-05}
profiles:
  short:
    documents:
      cv: {sections: [projects], max: {projects: 1}}
      portfolio: {sections: [projects], max: {projects: 2}}
";
    Test::with_content("content.yaml", content)
        .args(&["build", "--date", "2026-11-01"])
        .run()
        .success()
        .stderr_besides_fill_is(
            "warning: profile `short`, section `projects`: 1 of 3 selected is in neither the cv nor the portfolio: the cv shows at most 1, the portfolio shows at most 2
 = hint: raise the limit, or leave the entries out with `exclude:` so the choice is yours; `resume list --profile short` shows which

warning: profile `short`, section `talks`: 1 of 1 selected is in neither the cv nor the portfolio: neither lists `talks`
 = hint: add `talks` to the `sections:` of a document in profile `short`, or leave its entries out with `exclude:`

",
        );
    let list = Test::with_content("content.yaml", content)
        .args(&["list"])
        .run()
        .success();
    assert!(
        list.stdout.contains(
            "projects: 3 shown, 0 left out, by priority; the cv shows at most 1, the portfolio shows at most 2
  ! 1 of 3 selected is in neither the cv nor the portfolio: the cv shows at most 1, the portfolio shows at most 2
"
        ),
        "{}",
        list.stdout
    );
    assert!(
        list.stdout.contains(
            "talks: 1 shown, 0 left out, newest first
  ! 1 of 1 selected is in neither the cv nor the portfolio: neither lists `talks`
"
        ),
        "{}",
        list.stdout
    );
}

#[test]
fn list_explains_each_decision() {
    let run = project(PROFILES)
        .args(&["list", "--profile", "child", "--bullets"])
        .run()
        .success();
    assert_eq!(
        run.stdout,
        "profile `child`
  extends `backend`; variant `rt`; confidential names hidden

experience: 2 shown, 1 left out, newest first; the cv shows 4, more while there is room
  + r2023                  Lead — Secret Corp
      selected by tag `backend` (tags)
      bullets: 1 kept, 3 dropped
        keep [3] Built the ledger
        drop [5] Built the dashboard (does not match `untagged or tag:backend` (tags))
        drop [1] Hired five engineers (does not match `untagged or tag:backend` (tags))
        drop [0] Plain bullet (beyond `bullets.max: 1`)
  + r2019                  Engineer — Acme
      selected by tag `backend` (tags)
  - r2015                  Intern — Old Co
      does not match `untagged or tag:backend` (tags)

projects: 2 shown, 1 left out, by priority; the cv shows 4, more while there is room
  + ledger                 Ledger
      selected by tag `backend` (tags)
  + stream                 Stream
      selected by tag `backend` (tags)
  - board                  Board
      does not match `untagged or tag:backend` (tags)
"
    );
}

fn check_profiles(profiles: &str) -> super::Run {
    project(profiles).args(&["check"]).run().failure()
}

#[test]
fn selector_syntax_error_points_at_the_column() {
    check_profiles("profiles:\n  a:\n    select: \"tag:backend and\"\n").stderr_is(
        "error: in this selector: the expression ends where a term was expected
  ┌─ content/profiles.yaml:3:29
  │
3 │     select: \"tag:backend and\"
  │                             ^
  │
  = hint: finish it with a term such as `tag:backend`

error: `content` has 1 error

",
    );
    check_profiles("profiles:\n  a:\n    select: tga:backend\n")
        .stderr_has(
            "error: in this selector: unknown selector key `tga`\n  ┌─ content/profiles.yaml:3:13",
        )
        .stderr_has("= hint: did you mean `tag`?");
}

#[test]
fn unknown_tag_id_kind_section_and_document_are_errors() {
    check_profiles("profiles:\n  a:\n    select: tag:backedn\n")
        .stderr_has("error: there is no tag `backedn`\n  ┌─ content/profiles.yaml:3:17")
        .stderr_has("= hint: did you mean `backend`?");
    check_profiles("profiles:\n  a:\n    exclude: kind:prototyp\n")
        .stderr_has("error: there is no kind `prototyp`\n  ┌─ content/profiles.yaml:3:19")
        .stderr_has("= hint: did you mean `prototype`?");
    check_profiles("profiles:\n  a:\n    sections:\n      projects:\n        select: id:r2023\n")
        .stderr_has("error: there is no id `r2023` in `projects`\n  ┌─ content/profiles.yaml:5:20")
        .stderr_has("= hint: known: `ledger`, `board`, `stream`");
    check_profiles(
        "profiles:\n  a:\n    sections:\n      projects:\n        order: [ledger, nope]\n",
    )
    .stderr_has("error: there is no id `nope` in `projects`\n  ┌─ content/profiles.yaml:5:25");
    check_profiles("profiles:\n  a:\n    sections:\n      projcts: {max: 1}\n")
        .stderr_has("error: unknown section `projcts`\n  ┌─ content/profiles.yaml:4:7")
        .stderr_has("= hint: did you mean `projects`?");
    check_profiles(
        "profiles:\n  a:\n    documents:\n      cv:\n        sections: [summary, experiense]\n",
    )
    .stderr_has("error: the cv has no section `experiense`\n  ┌─ content/profiles.yaml:5:29")
    .stderr_has("= hint: did you mean `experience`?");
    check_profiles("profiles:\n  a:\n    documents:\n      resum: {}\n")
        .stderr_has("error: unknown document `resum`\n  ┌─ content/profiles.yaml:4:7");
    check_profiles("profiles:\n  a:\n    bullets:\n      select: id:ledger\n")
        .stderr_has("error: bullets cannot be selected by `id:`\n  ┌─ content/profiles.yaml:4:15");
    check_profiles("profiles:\n  a:\n    variant: realtime\n")
        .stderr_has("error: there is no variant `realtime` in `person.variants`\n  ┌─ content/profiles.yaml:3:14");
}

#[test]
fn bad_extends_and_cycles_are_errors() {
    check_profiles("profiles:\n  backend: {}\n  e:\n    extends: backedn\n")
        .stderr_has("error: profile `e` extends `backedn`, which does not exist\n  ┌─ content/profiles.yaml:4:14")
        .stderr_has("= hint: did you mean `backend`?");
    check_profiles("profiles:\n  f:\n    extends: g\n  g:\n    extends: f\n")
        .stderr_has("error: profiles extend each other in a circle: f -> g -> f\n  ┌─ content/profiles.yaml:5:14");
}

#[test]
fn command_line_selector_errors_point_into_the_flag() {
    project(PROFILES)
        .args(&["build", "--select", "tag:backedn or"])
        .run()
        .failure()
        .stderr_is(
            "error: in this selector: the expression ends where a term was expected
  ┌─ --select:1:15
  │
1 │ tag:backedn or
  │               ^
  │
  = hint: finish it with a term such as `tag:backend`

",
        );
    project(PROFILES)
        .args(&["list", "--exclude", "tag:backedn"])
        .run()
        .failure()
        .stderr_has("error: there is no tag `backedn`\n  ┌─ --exclude:1:5");
}
