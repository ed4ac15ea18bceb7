//! One test per kind of content error, each with the exact place and message.

use super::{PERSON, Test};

fn check(name: &str, text: &str) -> super::Run {
    Test::with_content(name, text)
        .args(&["check"])
        .run()
        .failure()
}

#[test]
fn yaml_syntax_error_points_at_the_bad_line() {
    check("bad.yaml", "experience:\n  - id: a\n   title: x\n").stderr_is(
        "error: invalid YAML: while parsing a block collection, did not find expected '-' indicator
  ┌─ content/bad.yaml:3:4
  │
3 │    title: x
  │    ^
  │
  = hint: check the indentation: the items of one list or mapping start in the same column, and text with `: ` or ` #` in it needs quotes

error: `content` has 1 error

",
    );
}

#[test]
fn text_with_a_colon_gets_the_line_back_quoted() {
    check(
        "person.yaml",
        "person:\n  name: Ada\n  headline: Engineer: backend, \"data\"\n",
    )
    .stderr_has(
        "  = hint: text with `: ` in it needs quotes: `headline: \"Engineer: backend, \\\"data\\\"\"` (or check the indentation)\n",
    );
    // In a list, the text reads as a mapping with a key no entry has.
    check(
        "p.yaml",
        &format!("{PERSON}projects:\n  - id: a\n    title: A\n    highlights:\n      - Cut costs: 40% down\n"),
    )
    .stderr_has(
        "error: unknown key `Cut costs`\n  ┌─ content/p.yaml:8:9\n  │\n8 │       - Cut costs: 40% down\n  │         ^^^^^^^^^\n  │\n  = hint: if this is text with `: ` in it, put the whole text in quotes: `\"Cut costs: ...\"`; the keys allowed here are `text`, `tags`, `priority`\n",
    );
}

#[test]
fn wrong_type_points_at_the_value() {
    check(
        "bad.yaml",
        "experience:\n  - id: acme\n    title: Engineer\n    organization: Acme\n    start: 2021\n    priority: high\n",
    )
    .stderr_is(
        "error: expected a whole number, found `high`
  ┌─ content/bad.yaml:6:15
  │
6 │     priority: high
  │               ^^^^

error: `content` has 1 error

",
    );
}

#[test]
fn unknown_top_level_key_suggests_the_section() {
    check("bad.yaml", "projets: []\n")
        .stderr_has("error: unknown key `projets`\n  ┌─ content/bad.yaml:1:1\n")
        .stderr_has("= hint: did you mean `projects`?");
}

#[test]
fn unknown_nested_key_suggests_the_field() {
    check(
        "bad.yaml",
        "projects:\n  - id: ledger\n    title: Ledger\n    classification: tool\n    tagline: x\n    techstack: [rust]\n",
    )
    .stderr_is(
        "error: unknown key `techstack`
  ┌─ content/bad.yaml:6:5
  │
6 │     techstack: [rust]
  │     ^^^^^^^^^
  │
  = hint: did you mean `stack`?

error: `content` has 1 error

",
    );
}

#[test]
fn every_error_of_a_run_is_reported_not_just_the_first() {
    // Two unknown keys in one entry, two bad values in the same entry, a bad value in a
    // bullet, a second broken entry in another file, and a reference across files to an
    // entry that does not exist: all seven are reported in one run.
    Test::new()
        .file("content/person.yaml", PERSON)
        .file(
            "content/projects.yaml",
            "projects:\n  - id: ledger\n    title: L\n    priority: high\n    start: 2021-13\n    techstack: [rust]\n    dataflow: [a]\n    highlights:\n      - text: x\n        priority: top\n",
        )
        .file("content/roles.yaml", "experience:\n  - id: acme\n    title: E\n    organization: A\n    start: 2021-00\n")
        .file("content/studies.yaml", "case_studies:\n  - id: cs\n    title: C\n    project: ledgr\n")
        .args(&["check"])
        .run()
        .failure()
        .stderr_has("error: unknown key `techstack`\n  ┌─ content/projects.yaml:6:5")
        .stderr_has("error: unknown key `dataflow`\n  ┌─ content/projects.yaml:7:5")
        .stderr_has("= hint: did you mean `data_flow`?")
        .stderr_has("error: expected a whole number, found `high`\n  ┌─ content/projects.yaml:4:15")
        .stderr_has("error: `2021-13` has month 13: months run from 01 to 12\n  ┌─ content/projects.yaml:5:12")
        .stderr_has("error: expected a whole number, found `top`\n   ┌─ content/projects.yaml:10:19")
        .stderr_has("error: `2021-00` has month 0: months run from 01 to 12\n  ┌─ content/roles.yaml:5:12")
        .stderr_has("error: there is no project with the id `ledgr`\n  ┌─ content/studies.yaml:4:14")
        // The project that failed to load is still known by its id.
        .stderr_has("= hint: did you mean `ledger`?")
        .stderr_has("error: `content` has 7 errors");
}

#[test]
fn missing_required_field_points_at_the_entry() {
    check(
        "bad.yaml",
        "experience:\n  - id: acme\n    organization: Acme\n    start: 2021\n",
    )
    .stderr_is(
        "error: this entry has no `title`, which is required
  ┌─ content/bad.yaml:2:5
  │
2 │   - id: acme
  │     ^
  │
  = hint: add `title: ...`

error: `content` has 1 error

",
    );
}

#[test]
fn bad_date_says_why() {
    check(
        "bad.yaml",
        "experience:\n  - id: acme\n    title: E\n    organization: Acme\n    start: 2021-13\n",
    )
    .stderr_has(
        "error: `2021-13` has month 13: months run from 01 to 12\n  ┌─ content/bad.yaml:5:12",
    );
    check("bad.yaml", "experience:\n  - id: acme\n    title: E\n    organization: Acme\n    start: March 2021\n")
        .stderr_has("error: `March 2021` is not a date: expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; did you mean `2021-03`?\n  ┌─ content/bad.yaml:5:12");
}

#[test]
fn end_before_start_points_at_both() {
    check(
        "bad.yaml",
        "experience:\n  - id: acme\n    title: E\n    organization: Acme\n    start: 2021-03\n    end: 2019\n",
    )
    .stderr_is(
        "error: this ends (2019) before it starts (2021-03)
  ┌─ content/bad.yaml:6:10
  │
5 │     start: 2021-03
  │            ------- starts here
6 │     end: 2019
  │          ^^^^
  │
  = hint: swap `start` and `end`, or use `end: present` for something still going on

error: `content` has 1 error

",
    );
}

#[test]
fn duplicate_id_across_files_names_both_places() {
    let role = "experience:\n  - id: acme\n    title: E\n    organization: Acme\n    start: 2021\n";
    let project =
        "projects:\n  - id: acme\n    title: P\n    classification: tool\n    tagline: t\n";
    Test::new()
        .file("content/person.yaml", PERSON)
        .file("content/a.yaml", role)
        .file("content/b/project.yaml", project)
        .args(&["check"])
        .run()
        .failure()
        .stderr_has("error: id `acme` is used twice")
        .stderr_has("┌─ content/b/project.yaml:2:9")
        .stderr_has("┌─ content/a.yaml:2:9")
        .stderr_has("first used here")
        .stderr_has("= hint: ids must be unique across all content files");
}

#[test]
fn dangling_reference_suggests_the_id() {
    check(
        "bad.yaml",
        "case_studies:\n  - id: cs\n    title: CS\n    kind: design-exercise\n    project: ledgr\nprojects:\n  - id: ledger\n    title: L\n    classification: tool\n    tagline: x\n",
    )
    .stderr_is(
        "error: there is no project with the id `ledgr`
  ┌─ content/bad.yaml:5:14
  │
5 │     project: ledgr
  │              ^^^^^
  │
  = hint: did you mean `ledger`?

error: `content` has 1 error

",
    );
}

#[test]
fn profile_tag_that_selects_nothing_is_an_error() {
    check(
        "bad.yaml",
        "experience:\n  - id: acme\n    title: E\n    organization: A\n    start: 2021\n    tags: [backend]\nprofiles:\n  be:\n    tags: [backedn]\n",
    )
    .stderr_has("error: there is no tag `backedn`\n  ┌─ content/bad.yaml:9:12")
    .stderr_has("= hint: did you mean `backend`?");
}

#[test]
fn hostile_yaml_is_refused_with_a_reason() {
    check("bad.yaml", "a: &a [x, x]\nb: &b [*a, *a]\n---\nc: 1\n").stderr_has(
        "error: this file holds more than one YAML document\n  ┌─ content/bad.yaml:3:1",
    );
    check("bad.yaml", "person:\n  name: A\n  name: B\n")
        .stderr_has("error: key `name` appears twice in this mapping");
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9u8 {
        let (n, p) = ((b'a' + i) as char, (b'a' + i - 1) as char);
        bomb.push_str(&format!(
            "{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        ));
    }
    check("bad.yaml", &bomb).stderr_has("error: this file expands to more than 1000000 values");
    Test::new()
        .file("content/person.yaml", PERSON)
        .file("content/latin1.yaml", "")
        .args(&["check"])
        .run()
        .success()
        .stderr_has("warning: this file is empty");
}

#[test]
fn non_utf8_file_is_named() {
    let t = Test::with_content("ok.yaml", "");
    std::fs::write(
        t.path("content/latin1.yaml"),
        b"person:\n  name: M\xfcller\n",
    )
    .unwrap();
    t.args(&["check"])
        .run()
        .failure()
        .stderr_has("error: `content/latin1.yaml` is not UTF-8 text (invalid byte at offset 17)");
}

#[test]
fn missing_person_is_explained() {
    Test::new()
        .file("content/roles.yaml", "experience: []\n")
        .args(&["check"])
        .run()
        .failure()
        .stderr_has("error: no content file defines `person`");
}

#[test]
fn text_shorthand_and_quoted_scalars_stay_text() {
    // `no` and `1.10` stay text where the model wants text; bullets may be plain strings.
    Test::with_content(
        "roles.yaml",
        "experience:\n  - id: acme\n    title: no\n    organization: 1.10\n    start: 2021\n    highlights:\n      - plain bullet\n      - text: object bullet\n        priority: 2\n",
    )
    .args(&["check"])
    .run()
    .success()
    .stdout_has("content is valid: 2 files; 1 role, 0 projects, 0 case studies, 0 profiles");
}

#[test]
fn a_section_only_one_file_may_have_is_refused_twice() {
    Test::new()
        .file("content/a.yaml", PERSON)
        .file(
            "content/b.yaml",
            "person:\n  name: Other\n  headline: Other\ndesign: {theme: classic}\n",
        )
        .file("content/c.yaml", "design: {theme: modern}\n")
        .args(&["check"])
        .run()
        .failure()
        .stderr_has("error: `person` is defined twice\n  ┌─ content/b.yaml:2:3")
        .stderr_has("first defined here")
        .stderr_has("error: `design` is defined twice\n  ┌─ content/c.yaml:1:9")
        .stderr_has("error: `content` has 2 errors");
}

#[test]
fn links_are_http_https_or_mailto_addresses_at_their_place() {
    let person = "person:\n  name: Ada\n  headline: x\n  contact:\n    website: javascript:alert(1)\n    phone: call me\n    links:\n      - url: file:///etc/passwd\n      - url: https://exa mple.com\n      - url: mailto:ada@example.com\n";
    let projects = "projects:\n  - id: ledger\n    title: Ledger\n    classification: tool\n    tagline: x\n    links:\n      - url: HTTPS://example.com/ok\n      - url: \"ftp://example.com\"\n";
    let run = Test::new()
        .file("content/person.yaml", person)
        .file("content/projects.yaml", projects)
        .args(&["check"])
        .run()
        .failure();
    run.stderr_has(
        "error: not a link: `javascript:alert(1)`: use an http, https or mailto address
  ┌─ content/person.yaml:5:14
  │
5 │     website: javascript:alert(1)
  │              ^^^^^^^^^^^^^^^^^^^
  │
  = hint: write the whole address with its scheme and without spaces, for example `https://example.com/ada`
",
    )
    .stderr_has("error: not a phone number: `call me`: use digits, spaces and `+ - ( ) . /`\n  ┌─ content/person.yaml:6:12\n")
    .stderr_has("error: not a link: `file:///etc/passwd`: use an http, https or mailto address\n  ┌─ content/person.yaml:8:14\n")
    .stderr_has("error: not a link: `https://exa mple.com`: use an http, https or mailto address\n  ┌─ content/person.yaml:9:14\n")
    .stderr_has("error: not a link: `ftp://example.com`: use an http, https or mailto address\n  ┌─ content/projects.yaml:8:14\n")
    .stderr_has("error: `content` has 5 errors\n");
}

#[test]
fn a_link_longer_than_typst_accepts_is_a_content_error() {
    let url = format!("https://example.com/{}", "a".repeat(8000));
    check(
        "writing.yaml",
        &format!("writing:\n  - title: Notes\n    url: {url}\n"),
    )
    .stderr_has("error: this link is 8020 bytes long; a link may be at most 8000\n  ┌─ content/writing.yaml:3:10\n");
    // A link in text, too.
    check(
        "roles.yaml",
        &format!("experience:\n  - id: acme\n    title: Lead\n    highlights:\n      - see [the notes]({url})\n"),
    )
    .stderr_has("error: a link in this text is 8020 bytes long; a link may be at most 8000\n  ┌─ content/roles.yaml:5:9\n");
}

#[test]
fn old_mac_line_ends_give_the_right_line() {
    // Lines ended by a lone CR: the error is on line 3, and the snippet is that line.
    check(
        "roles.yaml",
        "experience:\r  - id: acme\r    title: Lead\r    organisation: Acme\r",
    )
    .stderr_is(
        "error: unknown key `organisation`
  ┌─ content/roles.yaml:4:5
  │
4 │     organisation: Acme
  │     ^^^^^^^^^^^^
  │
  = hint: did you mean `organization`?

error: `content` has 1 error

",
    );
    check(
        "roles.yaml",
        "experience:\r  - id: acme\r   title: Lead\r",
    )
    .stderr_has("error: invalid YAML: while parsing a block collection, did not find expected '-' indicator\n  ┌─ content/roles.yaml:3:4\n  │\n3 │    title: Lead\n");
}

#[test]
fn a_negative_margin_is_called_negative() {
    check("design.yaml", "design:\n  margins: -5mm\n")
        .stderr_has("error: `-5mm` is a negative margin: write 0 or more, for example `16mm`\n");
}
