//! Text comes out as typed, in every field of every document: what Typst, Markdown or
//! HTML would read as code or markup prints literally, and only our own inline markup
//! (`**bold**`, `*italic*`, `` `code` ``, `[text](url)`) in prose is styled.

use super::{Test, poppler, text};

/// Strings that mean something to Typst, Markdown, HTML or a shell, and scripts beyond
/// ASCII. Each field of the fixture holds all of them, after a tag naming the field.
const LITERAL: &[&str] = &[
    "C#",
    "F#",
    "$5M",
    "$x^2$",
    "100%",
    "<tag>",
    "<script>",
    "@handle",
    "user@example.com",
    "#read(\"/etc/passwd\")",
    "#include \"x.typ\"",
    "= heading",
    "- dash",
    "+ plus",
    "// comment",
    "/* c */",
    "\\n",
    "back\\slash \\\\",
    "~",
    "_snake_case_",
    "[link]",
    "{}",
    "Müller",
    "São Paulo",
    "Ωμέγα",
    "Жуков",
];

/// A right-to-left name, at the end of every field.
const RTL: &str = "שלום";

/// The text of the field tagged `tag`: the tag, every literal string, the RTL name.
fn field(tag: &str) -> String {
    format!("{tag} {} {RTL}", LITERAL.join(" "))
}

/// `field(tag)` as a YAML scalar (JSON strings are YAML).
fn q(tag: &str) -> String {
    serde_json::to_string(&field(tag)).unwrap()
}

/// Every kind of text field of the CV, the portfolio and the handouts, each tagged.
fn fixture() -> Test {
    let person = format!(
        "person:
  name: {}
  headline: {}
  location: {}
  summary: {}
  availability: {}
  contact:
    email: user@example.com
    links: [{{url: 'https://example.com/x', label: {}}}]
  languages: [{{name: {}, level: {}}}]
",
        q("NAME"),
        q("HEADLINE"),
        q("LOCATION"),
        q("SUMMARY"),
        q("AVAILABILITY"),
        q("LINKLABEL"),
        q("LANGUAGE"),
        q("LEVEL"),
    );
    let experience = format!(
        "experience:
  - id: r1
    title: {}
    organization: {}
    location: {}
    start: 2020-01
    summary: {}
    highlights: [{}, {}]
    narrative:
      - heading: {}
        text: {}
        bullets: [{}]
    stack: [{}]
",
        q("ROLETITLE"),
        q("ORGANIZATION"),
        q("ROLELOCATION"),
        q("ROLESUMMARY"),
        q("HIGHLIGHTONE"),
        q("HIGHLIGHTTWO"),
        q("NARRATIVEHEADING"),
        q("NARRATIVETEXT"),
        q("NARRATIVEBULLET"),
        q("ROLESTACK"),
    );
    let project = format!(
        "projects:
  - id: p1
    title: {}
    classification: production-system
    role: {}
    at: r1
    tagline: {}
    start: 2021
    highlights: [{}]
    thesis: {}
    scope: {}
    problem: {}
    architecture:
      overview: {}
      style: {}
      modules: [{{name: {}, description: {}}}]
    figures: [{{path: figures/f.svg, alt: a figure, caption: {}}}]
    rationale: {}
    data_flow: [{}]
    decisions: [{{text: {}, why: {}, tradeoff: {}}}]
    scale: {}
    performance: [{}]
    scalability: [{}]
    postmortem: [{{issue: {}, fix: {}, lesson: {}}}]
    roadmap: [{}]
    outcome: {}
    metrics: [{{value: {}, label: {}, context: {}}}]
    stack: [{}]
    links: [{{url: 'https://example.com/p', label: {}}}]
",
        q("PROJECTTITLE"),
        q("PROJECTROLE"),
        q("TAGLINE"),
        q("PROJECTHIGHLIGHT"),
        q("THESIS"),
        q("SCOPE"),
        q("PROBLEM"),
        q("OVERVIEW"),
        q("STYLE"),
        q("MODULENAME"),
        q("MODULEDESCRIPTION"),
        q("PROJECTCAPTION"),
        q("RATIONALE"),
        q("DATAFLOW"),
        q("DECISION"),
        q("WHY"),
        q("TRADEOFF"),
        q("SCALE"),
        q("PERFORMANCE"),
        q("SCALABILITY"),
        q("ISSUE"),
        q("FIX"),
        q("LESSON"),
        q("ROADMAP"),
        q("OUTCOME"),
        q("PROJECTMETRICVALUE"),
        q("PROJECTMETRICLABEL"),
        q("PROJECTMETRICCONTEXT"),
        q("PROJECTSTACK"),
        q("PROJECTLINK"),
    );
    let case_study = format!(
        "case_studies:
  - id: c1
    title: {}
    subtitle: {}
    kind: incident-review
    project: p1
    maturity: {}
    summary: {}
    sections: [{{heading: {}, text: {}, bullets: [{}]}}]
    figures: [{{path: figures/f.svg, alt: a figure, caption: {}}}]
",
        q("CASETITLE"),
        q("SUBTITLE"),
        q("MATURITY"),
        q("CASESUMMARY"),
        q("SECTIONHEADING"),
        q("SECTIONTEXT"),
        q("SECTIONBULLET"),
        q("CASECAPTION"),
    );
    let more = format!(
        "metrics: [{{value: {}, label: {}, context: {}}}]
principles: [{{title: {}, text: {}}}]
explorations: [{{topic: {}, description: {}}}]
skills: [{{group: {}, items: [{}]}}]
education: [{{institution: {}, degree: {}, start: 2010, end: 2014, details: [{}]}}]
certifications: [{{name: {}, issuer: {}}}]
writing: [{{title: {}, kind: post, venue: {}}}]
",
        q("METRICVALUE"),
        q("METRICLABEL"),
        q("METRICCONTEXT"),
        q("PRINCIPLETITLE"),
        q("PRINCIPLETEXT"),
        q("TOPIC"),
        q("DESCRIPTION"),
        q("SKILLGROUP"),
        q("SKILLITEM"),
        q("INSTITUTION"),
        q("DEGREE"),
        q("EDUCATIONDETAIL"),
        q("CERTIFICATION"),
        q("ISSUER"),
        q("WRITINGTITLE"),
        q("VENUE"),
    );
    // Every section of each document, the modern theme (no hyphenation). The CV's
    // sections take two profiles: on one page, fitting would drop some.
    let profiles = "design: {theme: modern}
profiles:
  rest:
    documents:
      cv:
        sections: [projects, education, certifications, writing]
  all:
    documents:
      cv:
        sections: [summary, experience, skills, languages]
      portfolio:
        sections: [summary, metrics, projects, experience, principles, explorations, case_studies, writing, skills, education, certifications]
";
    Test::new()
        .file("content/person.yaml", &person)
        .file("content/experience.yaml", &experience)
        .file("content/projects.yaml", &project)
        .file("content/case-studies.yaml", &case_study)
        .file("content/more.yaml", &more)
        .file("content/profiles.yaml", profiles)
        .file(
            "content/figures/f.svg",
            "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='10'><rect width='40' height='10'/></svg>",
        )
        .args(&["build", "--all", "--date", "2026-11-01"])
}

/// The text of a PDF with every run of whitespace (line breaks too) as one space.
fn flat_text(pdf: &std::path::Path) -> String {
    text(pdf).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `typed` occurs in `text` as typed, up to line breaks: a space of `typed` is
/// any run of whitespace, and a line break may also fall where `typed` has no space
/// (Typst may break after `/` or `-`, as in `#read("/etc/` + `passwd")`).
fn contains_as_typed(text: &str, typed: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    let typed: Vec<char> = typed.chars().collect();
    let matches_at = |mut i: usize| {
        let mut j = 0;
        while j < typed.len() {
            let c = typed[j];
            if c == ' ' {
                if !text.get(i).is_some_and(|c| c.is_whitespace()) {
                    return false;
                }
                while text.get(i).is_some_and(|c| c.is_whitespace()) {
                    i += 1;
                }
                while typed.get(j) == Some(&' ') {
                    j += 1;
                }
            } else if text.get(i) == Some(&c) {
                i += 1;
                j += 1;
            } else if text.get(i) == Some(&'\n') {
                i += 1;
            } else {
                return false;
            }
        }
        true
    };
    (0..text.len()).any(matches_at)
}

#[track_caller]
fn assert_fields(pdf: &str, text: &str, tags: &[&str]) {
    for tag in tags {
        let typed = field(tag);
        // The RTL name is checked apart (below): all else must come out verbatim.
        let ltr = typed.trim_end_matches(RTL).trim_end();
        assert!(
            contains_as_typed(text, ltr),
            "{pdf}: field {tag} is not printed as typed\nwanted: {ltr}\nin:\n{text}"
        );
    }
    // pdftotext prints the Hebrew in logical order, as typed (not reversed), wrapped in
    // the bidi marks U+202B (right-to-left embedding) and U+202C (pop); a neutral next
    // to it, like the `)` after a language's level, may land inside the marks. So: count
    // the word, at least one per field (the page footer repeats the name).
    let rtl = text.matches(RTL).count();
    assert!(
        rtl >= tags.len(),
        "{pdf}: {RTL} printed {rtl} times, wanted one per field ({})\n{text}",
        tags.len()
    );
}

#[test]
fn every_text_field_of_every_document_prints_as_typed() {
    let t = fixture();
    // Tightened to fit, maybe, but nothing dropped, no missing glyph.
    let run = t.run().success();
    assert!(
        run.stderr
            .lines()
            .all(|l| l.is_empty() || l.contains("tightened the spacing")),
        "{}",
        run.stderr
    );
    let dist = "dist/all";
    // Files are named after the person and the handout's title, in ASCII words.
    let words = resume::cmd::names::words;
    let who = words(&field("NAME"));

    let cv = text(&t.path(&format!("{dist}/{who}-CV.pdf")));
    assert_fields(
        "cv",
        &cv,
        &[
            "NAME",
            "HEADLINE",
            "LOCATION",
            "LINKLABEL",
            "SUMMARY",
            "AVAILABILITY",
            "ROLETITLE",
            "ORGANIZATION",
            "ROLELOCATION",
            "ROLESUMMARY",
            "HIGHLIGHTONE",
            "HIGHLIGHTTWO",
            "SKILLGROUP",
            "SKILLITEM",
            "LANGUAGE",
            "LEVEL",
        ],
    );
    let cv = text(&super::doc(&t.path("dist/rest"), "-CV.pdf"));
    assert_fields(
        "cv",
        &cv,
        &[
            "NAME",
            "PROJECTTITLE",
            "TAGLINE",
            "DEGREE",
            "INSTITUTION",
            "EDUCATIONDETAIL",
            "CERTIFICATION",
            "ISSUER",
            "WRITINGTITLE",
            "VENUE",
        ],
    );

    let write_up = [
        "PROJECTTITLE",
        "TAGLINE",
        "PROJECTROLE",
        "ORGANIZATION",
        "THESIS",
        "PROBLEM",
        "OVERVIEW",
        "STYLE",
        "MODULENAME",
        "MODULEDESCRIPTION",
        "PROJECTCAPTION",
        "DATAFLOW",
        "DECISION",
        "WHY",
        "TRADEOFF",
        "SCALE",
        "ISSUE",
        "FIX",
        "LESSON",
        "PROJECTMETRICVALUE",
        "PROJECTMETRICLABEL",
        "PROJECTMETRICCONTEXT",
        "OUTCOME",
    ];
    let portfolio = text(&t.path(&format!("{dist}/{who}-Portfolio.pdf")));
    let mut tags = write_up.to_vec();
    tags.extend([
        "NAME",
        "HEADLINE",
        "SUMMARY",
        "AVAILABILITY",
        "METRICVALUE",
        "METRICLABEL",
        "METRICCONTEXT",
        "SCOPE",
        "RATIONALE",
        "PERFORMANCE",
        "SCALABILITY",
        "ROADMAP",
        "PROJECTSTACK",
        "PROJECTLINK",
        "ROLETITLE",
        "ROLESUMMARY",
        "HIGHLIGHTONE",
        "NARRATIVEHEADING",
        "NARRATIVETEXT",
        "NARRATIVEBULLET",
        "ROLESTACK",
        "PRINCIPLETITLE",
        "PRINCIPLETEXT",
        "TOPIC",
        "DESCRIPTION",
        "CASETITLE",
        "SUBTITLE",
        "CASESUMMARY",
        "MATURITY",
        "WRITINGTITLE",
        "SKILLGROUP",
        "SKILLITEM",
        "DEGREE",
        "EDUCATIONDETAIL",
        "CERTIFICATION",
    ]);
    assert_fields("portfolio", &portfolio, &tags);

    let handout = text(&t.path(&format!(
        "{dist}/{who}-{}.pdf",
        words(&field("PROJECTTITLE"))
    )));
    let mut tags = write_up.to_vec();
    tags.extend(["NAME", "PROJECTHIGHLIGHT", "CASETITLE"]);
    assert_fields("p1 handout", &handout, &tags);

    let case_study = text(&t.path(&format!("{dist}/{who}-{}.pdf", words(&field("CASETITLE")))));
    assert_fields(
        "c1 handout",
        &case_study,
        &[
            "NAME",
            "CASETITLE",
            "SUBTITLE",
            "MATURITY",
            "PROJECTTITLE",
            "CASESUMMARY",
            "SECTIONHEADING",
            "SECTIONTEXT",
            "SECTIONBULLET",
            "CASECAPTION",
            "PROJECTSTACK",
        ],
    );
}

#[test]
fn inline_markup_is_styled_not_printed() {
    let person = "person:
  name: Ada Example
  headline: Engineer
  summary: 'Ships **sturdy systems** in *Rust* and `cargo test`; see [the blog](https://example.com/blog).'
";
    let t = Test::new().file("content/person.yaml", person).args(&[
        "build",
        "cv",
        "--date",
        "2026-11-01",
    ]);
    t.run().success().stderr_besides_fill_is("");
    let pdf = super::doc(&t.path("dist/all"), "-CV.pdf");
    let text = flat_text(&pdf);
    assert!(
        text.contains("Ships sturdy systems in Rust and cargo test; see the blog."),
        "{text}"
    );
    for raw in ["**", "`", "](", "https://example.com/blog"] {
        assert!(!text.contains(raw), "{raw:?} printed in:\n{text}");
    }
    let fonts = poppler("pdffonts", &[], &pdf);
    for font in ["Inter-Bold", "Inter-Italic", "DejaVuSansMono"] {
        assert!(fonts.contains(font), "no {font} in:\n{fonts}");
    }
    // The link is a link annotation with the URL.
    let bytes = std::fs::read(&pdf).unwrap();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/Subtype/Link") && has(b"/URI(https://example.com/blog)"));
}
