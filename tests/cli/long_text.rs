//! Long text (issue #13, item 5): no content is silently clipped or run off the page. Text
//! taller than a page breaks across pages in every place that holds it; a word no line can
//! hold is an error at its place; text that still leaves the page's text area is a
//! warning naming the document and the entry.

use super::Test;

/// `n` words `{prefix}0000`, `{prefix}0001`..., in paragraphs of `per` words.
fn words(prefix: &str, n: usize, per: usize) -> String {
    let all: Vec<String> = (0..n).map(|i| format!("{prefix}{i:04}")).collect();
    all.chunks(per)
        .map(|c| c.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `text` as a YAML literal block indented by `indent`.
fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect();
    format!("|-\n{}", lines.join("\n"))
}

/// Builds `document` of the content and asserts that it is several pages and holds every
/// one of the `n` words of each prefix.
#[track_caller]
fn every_word_reaches(t: &Test, pdf: &str, prefixes: &[&str], n: usize) {
    let pdf = t.path(pdf);
    let pages = super::pages(&pdf);
    assert!(pages > 1, "{} is {pages} page", pdf.display());
    let text = super::text(&pdf);
    for prefix in prefixes {
        let lost: Vec<String> = (0..n)
            .map(|i| format!("{prefix}{i:04}"))
            .filter(|w| !text.contains(w.as_str()))
            .collect();
        assert!(
            lost.is_empty(),
            "{}: {} of {n} words of `{prefix}` lost, the first {:?}",
            pdf.display(),
            lost.len(),
            lost.first()
        );
    }
}

#[test]
fn a_principle_and_a_decision_of_3000_words_break_across_pages() {
    let t = Test::with_content(
        "long.yaml",
        &format!(
            "principles:\n  - id: long\n    title: A long principle\n    text: {}\n\
             projects:\n  - id: pr\n    title: Proj\n    classification: tool\n    decisions:\n      - text: A decision\n        why: {}\n",
            block(&words("pa", 3000, 500), 6),
            words("dw", 3000, 3000),
        ),
    )
    .args(&["build", "--all", "--date", "2026-11-01"]);
    let run = t.run().success();
    assert!(!run.stderr.contains("margin"), "{}", run.stderr);
    every_word_reaches(
        &t,
        "dist/all/Ada-Example-Portfolio.pdf",
        &["pa", "dw"],
        3000,
    );
    every_word_reaches(&t, "dist/all/Ada-Example-Proj.pdf", &["dw"], 3000);
}

#[test]
fn long_rows_of_two_columns_break_across_pages() {
    // Modules, skills and a section of one's own in the `line` layout are set in two
    // columns: a row taller than a page breaks (it used to be cut off under the footer).
    let skills: Vec<String> = (0..3000).map(|i| format!("sk{i:04}")).collect();
    let t = Test::with_content(
        "long.yaml",
        &format!(
            "projects:\n  - id: pr\n    title: Proj\n    classification: tool\n    architecture:\n      modules:\n        - name: Mod\n          description: {}\n\
             skills:\n  - id: s\n    group: Languages\n    items: [{}]\n\
             sections:\n  - id: oss\n    title: Open source\n    layout: line\n    entries:\n      - title: pgx\n        summary: {}\n",
            words("mo", 3000, 3000),
            skills.join(", "),
            words("ol", 3000, 3000),
        ),
    )
    .args(&["build", "portfolio", "--date", "2026-11-01"]);
    let run = t.run().success();
    assert!(!run.stderr.contains("margin"), "{}", run.stderr);
    every_word_reaches(
        &t,
        "dist/all/Ada-Example-Portfolio.pdf",
        &["mo", "sk", "ol"],
        3000,
    );
}

#[test]
fn a_long_metric_exploration_and_stack_break_across_pages() {
    let stack: Vec<String> = (0..3000).map(|i| format!("st{i:04}")).collect();
    let t = Test::with_content(
        "long.yaml",
        &format!(
            "metrics:\n  - id: m\n    value: '42'\n    label: a metric\n    context: {}\n\
             explorations:\n  - id: x\n    topic: A long exploration\n    description: {}\n\
             projects:\n  - id: pr\n    title: Proj\n    classification: tool\n    problem: Short.\n    stack: [{}]\n",
            words("mc", 3000, 3000),
            words("xd", 3000, 3000),
            stack.join(", "),
        ),
    )
    .args(&["build", "portfolio", "--date", "2026-11-01"]);
    let run = t.run().success();
    assert!(!run.stderr.contains("margin"), "{}", run.stderr);
    every_word_reaches(
        &t,
        "dist/all/Ada-Example-Portfolio.pdf",
        &["mc", "xd", "st"],
        3000,
    );
}

#[test]
fn a_word_no_line_can_hold_is_an_error_at_its_place() {
    let word = "x".repeat(100_000);
    let t = Test::new()
        .file(
            "content/person.yaml",
            &format!("person:\n  name: Ada Example\n  headline: Engineer\n  summary: Hello {word} world\n"),
        )
        .args(&["build", "cv", "--date", "2026-11-01"]);
    let run = t.run().failure();
    run.stderr_has(&format!(
        "error: a word of 100000 characters (`{}...`) cannot fit on a line; a word may be at most 200\n  ┌─ content/person.yaml:4:12\n",
        "x".repeat(40)
    ))
    .stderr_has("= hint: no line can hold it, so it would run off the page: add spaces, or shorten it");
    assert!(
        super::no_doc(&t.path("dist/all"), "-CV.pdf"),
        "a PDF was written"
    );
}

#[test]
fn long_text_that_can_break_is_no_long_word() {
    // Text with break opportunities and no spaces (Chinese, in a font of the project's own:
    // a character no font has is an error), an address in text that Typst breaks (between
    // letters and digits, in long pieces), the target of a link and a long link field are
    // all fine.
    let t = Test::with_content(
        "long.yaml",
        &format!(
            "principles:\n  - id: p\n    title: T\n    text: {} and https://example.com/{}0 and [the page](https://example.com/{})\n\
             writing:\n  - id: w\n    title: W\n    url: https://example.com/{}\n",
            "中文的句子没有空格".repeat(40),
            "a".repeat(300),
            "b".repeat(300),
            "c".repeat(300),
        ),
    )
    .args(&["build", "portfolio", "--date", "2026-11-01"]);
    // From Debian's `fonts-wqy-microhei` (scripts/test installs it).
    let cjk = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    std::fs::create_dir(t.path("fonts")).unwrap();
    std::fs::copy(cjk, t.path("fonts/wqy-microhei.ttc"))
        .unwrap_or_else(|e| panic!("{cjk} is needed by this test (fonts-wqy-microhei): {e}"));
    let run = t.run().success();
    assert!(!run.stderr.contains("margin"), "{}", run.stderr);
    // An address whose last piece no line can hold runs off the page: refused.
    let t = Test::with_content(
        "long.yaml",
        &format!(
            "principles:\n  - id: p\n    title: T\n    text: see https://example.com/{}\n",
            "a".repeat(300)
        ),
    )
    .args(&["check"]);
    t.run()
        .failure()
        .stderr_has("error: a word of 300 characters (`aaaa")
        .stderr_has("┌─ content/long.yaml:4:11\n");
}

#[test]
fn a_word_too_wide_for_its_line_is_a_warning_naming_the_entry() {
    // Under the limit of a word, but wider than a line: the build writes the documents and
    // says which entries run past the margin.
    let t = Test::new()
        .file(
            "content/person.yaml",
            &format!(
                "person:\n  name: Ada Example\n  headline: Engineer\n  summary: Hello {} world\n",
                "y".repeat(150)
            ),
        )
        .file(
            "content/more.yaml",
            &format!(
                "metrics:\n  - id: m1\n    value: '{}'\n    label: a metric\n\
                 explorations:\n  - id: ex\n    topic: Long words\n    description: Some {} text\n",
                "9".repeat(120),
                "z".repeat(180)
            ),
        )
        .args(&["build", "--all", "--date", "2026-11-01"]);
    let run = t.run().success();
    let hint =
        " = hint: a word too long for its line cannot wrap: add spaces to it, or shorten it\n";
    for (pdf, entry, word) in [
        ("CV", "`person.summary`", "y"),
        ("Portfolio", "`person.summary`", "y"),
        ("Portfolio", "`metrics` entry `a metric`", "9"),
        ("Portfolio", "`explorations` entry `Long words`", "z"),
    ] {
        let expected = format!(
            "warning: `dist/all/Ada-Example-{pdf}.pdf`: text of {entry} runs past the right margin on page 1: `{}...`\n{hint}",
            word.repeat(40)
        );
        assert!(
            run.stderr.contains(&expected),
            "stderr lacks {expected:?}; it was:\n{}",
            run.stderr
        );
    }
    assert!(super::doc(&t.path("dist/all"), "-CV.pdf").exists());
}

#[test]
fn text_below_the_bottom_margin_is_a_warning_naming_the_entry() {
    // A template of one's own that sets the summary in a block that cannot break.
    let template = r#"#import "lib.typ": *
#let data = json(sys.inputs.at("data", default: "sample/cv.json"))
#let t = theme-of(data.design)
#show: setup.with(data.meta, t)
#block(breakable: false, blocks(t, data.person.summary))
"#;
    let t = Test::new()
        .file(
            "content/person.yaml",
            &format!(
                "person:\n  name: Ada Example\n  headline: Engineer\n  summary: {}\n",
                words("su", 3000, 3000)
            ),
        )
        .file("templates/cv.typ", template)
        .args(&["build", "cv", "--date", "2026-11-01"]);
    let run = t.run().success();
    run.stderr_has("warning: `dist/all/Ada-Example-CV.pdf`: text of `person.summary` runs below the bottom margin on page 1: `su")
        .stderr_has(" = hint: it is set in a block that cannot break across pages: shorten it (in a template of your own, let the block break)\n");
}
