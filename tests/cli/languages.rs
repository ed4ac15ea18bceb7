//! Content in several languages: text by language (`summary: {en: ..., de: ...}`), each
//! profile printing its locale's text; what a locale lacks is named at its place.

use super::{Test, text};

const CONTENT: &str = "person:
  name: Anna Schmidt
  headline: {en: Backend engineer, de: Backend-Entwicklerin}
  summary:
    en: I build ledgers that balance to the cent.
    de: Ich baue Hauptbücher, die auf den Cent aufgehen.
experience:
  - id: acme
    title: {en: Staff engineer, de: Leitende Entwicklerin}
    organization: Acme
    start: 2020-01
    summary:
      en:
        - The payments platform.
        - bullets: [five teams, one ledger]
      de: Die Zahlungsplattform.
    highlights:
      - {en: Cut p99 latency by 40%, de: p99-Latenz um 40 Prozent gesenkt}
      - text: {en: Led the migration to Postgres}
        tags: [backend]
profiles:
  backend:
    tags: [backend]
  backend-de:
    tags: [backend]
    design: {locale: de}
";

#[test]
fn one_source_builds_a_cv_per_language() {
    let t =
        Test::new()
            .file("content/cv.yaml", CONTENT)
            .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run().success();
    let en = text(&super::doc(&t.path("dist/backend"), "-CV.pdf"));
    let de = text(&super::doc(&t.path("dist/backend-de"), "-CV.pdf"));
    for want in [
        "Backend engineer",
        "I build ledgers that balance to the cent.",
        "Staff engineer",
        "Cut p99 latency by 40%",
        "Led the migration to Postgres",
    ] {
        assert!(
            en.contains(want),
            "{want} missing from the English CV:\n{en}"
        );
    }
    for want in [
        "Backend-Entwicklerin",
        "Ich baue Hauptbücher, die auf den Cent aufgehen.",
        "Leitende Entwicklerin",
        "p99-Latenz um 40 Prozent gesenkt",
        // No German text: the English one is printed.
        "Led the migration to Postgres",
        "BERUFSERFAHRUNG",
    ] {
        assert!(
            de.contains(want),
            "{want} missing from the German CV:\n{de}"
        );
    }
    for english in ["Backend engineer", "Staff engineer", "Cut p99"] {
        assert!(!de.contains(english), "{english} in the German CV:\n{de}");
    }
}

#[test]
fn check_names_each_text_a_profile_language_lacks() {
    let expected = "warning: this text has no `de` version, which profile `backend-de` prints; it prints the `en` text
   ┌─ content/cv.yaml:19:15
   │
19 │       - text: {en: Led the migration to Postgres}
   │               ^
   │
   = hint: add `de: ...` to it

";
    let t = Test::new()
        .file("content/cv.yaml", CONTENT)
        .args(&["check"]);
    t.run().success().stderr_is(expected);
    let strict = Test::new()
        .file("content/cv.yaml", CONTENT)
        .args(&["check", "--strict"]);
    strict.run().failure().stderr_is(&format!(
        "{}error: `content` has 1 error\n\n",
        expected.replacen("warning", "error", 1)
    ));
}

#[test]
fn a_key_that_is_not_a_language_tag_is_an_error_at_it() {
    Test::new()
        .file(
            "content/cv.yaml",
            "person:\n  name: A\n  headline: {en: Engineer, deutsch: Entwicklerin}\n",
        )
        .args(&["check"])
        .run()
        .failure()
        .stderr_has(
            "error: `deutsch` is not a language tag
  ┌─ content/cv.yaml:3:28
",
        );
}

#[test]
fn without_profiles_in_other_languages_the_content_language_is_read() {
    // The global locale is the content's language: German here, for every profile.
    let t = Test::new()
        .file(
            "content/cv.yaml",
            "person:\n  name: A\n  headline: {en: Engineer, de: Entwicklerin}\ndesign: {locale: de}\n",
        )
        .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run().success();
    let de = text(&super::doc(&t.path("dist/all"), "-CV.pdf"));
    assert!(de.contains("Entwicklerin"), "{de}");
}

#[test]
fn a_latin_paragraph_in_a_right_to_left_cv_ends_with_its_full_stop() {
    let t = Test::new()
        .file(
            "content/cv.yaml",
            "person:
  name: Layla Haddad
  headline: مهندسة برمجيات
  summary: I build ledgers that balance. Every number is **explained**.
experience:
  - id: acme
    title: مهندسة
    organization: Acme
    start: 2020-01
    highlights:
      - Cut p99 latency by 40 percent.
      - خفض زمن الاستجابة.
design: {locale: ar}
",
        )
        .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run().success();
    // Without the marks pdftotext puts around runs of another direction.
    let cv: String = text(&super::doc(&t.path("dist/all"), "-CV.pdf"))
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'))
        .collect();
    // Set left to right, the full stop comes last, not at the left end of the line.
    assert!(
        cv.contains("I build ledgers that balance. Every number is explained."),
        "{cv}"
    );
    assert!(cv.contains("Cut p99 latency by 40 percent."), "{cv}");
    assert!(
        !cv.lines()
            .any(|l| l.starts_with(".I") || l.starts_with(".Cut")),
        "{cv}"
    );
}
