//! `--pdf-standard` (PDF/A-2b, PDF/UA-1) and `--format` (PNG pages, text, Markdown).

use std::path::Path;

use serde_json::Value;

use super::{Test, example_content, pages, poppler};

/// Builds the example's backend CV and ledger handout with `extra` options.
fn build(extra: &[&str]) -> (Test, super::Run) {
    let content = example_content();
    let t = Test::new()
        .args(&["build", "--profile", "backend", "--content"])
        .args(&[content.to_str().unwrap()])
        .args(&["--out", "dist", "--date", "2026-11-01"])
        .args(extra);
    let run = t.run().success();
    (t, run)
}

fn bytes(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

/// Every PDF under `dir`.
fn pdfs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(pdfs(&path));
        } else if path.extension().is_some_and(|e| e == "pdf") {
            found.push(path);
        }
    }
    found
}

#[test]
fn archival_pdfs_declare_pdf_a_2b_and_keep_their_metadata() {
    let (t, run) = build(&["--pdf-standard", "a-2b"]);
    let built = pdfs(&t.path("dist/backend"));
    assert!(built.len() >= 5, "{}", run.stdout);
    for pdf in &built {
        let raw = bytes(pdf);
        assert!(
            raw.contains("<pdfaid:part>2</pdfaid:part>")
                && raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
            "{} does not declare PDF/A-2b",
            pdf.display()
        );
    }
    let info = poppler(
        "pdfinfo",
        &[],
        &t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf"),
    );
    assert!(
        info.contains("Title:           Ilka Moravec-Dunmore — CV"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Ilka Moravec-Dunmore"),
        "{info}"
    );
    assert!(
        info.contains("Keywords:        backend engineer, distributed systems"),
        "{info}"
    );
}

#[test]
fn accessible_pdfs_declare_pdf_ua_1_and_keep_their_metadata() {
    let (t, _) = build(&["--pdf-standard", "ua-1"]);
    for pdf in pdfs(&t.path("dist/backend")) {
        let raw = bytes(&pdf);
        assert!(
            raw.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{} does not declare PDF/UA-1",
            pdf.display()
        );
        // UA-1 wants the title shown instead of the file name, and a language.
        assert!(raw.contains("/DisplayDocTitle true"), "{}", pdf.display());
        assert!(raw.contains("/Lang(en"), "{}", pdf.display());
    }
    let info = poppler(
        "pdfinfo",
        &[],
        &t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf"),
    );
    assert!(
        info.contains("Title:           Ilka Moravec-Dunmore — CV"),
        "{info}"
    );
    // Both at once.
    let (t, _) = build(&["cv", "--pdf-standard", "a-2b,ua-1"]);
    let raw = bytes(&t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf"));
    assert!(raw.contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(raw.contains("<pdfuaid:part>1</pdfuaid:part>"));
}

const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>"#;

#[test]
fn an_accessible_pdf_needs_alt_text_on_every_figure_it_shows() {
    let project = "projects:\n  - id: p\n    title: P\n    classification: tool\n    tagline: t\n    handout: true\n    figures:\n      - path: figures/d.svg\n        caption: A diagram\n";
    let t = Test::with_content("projects.yaml", project)
        .file("content/figures/d.svg", SVG)
        .args(&["build", "case-study", "--date", "2026-11-01"]);
    // Without a standard the figure prints without alt text.
    t.run().success();
    let t = t.args(&["--pdf-standard", "ua-1"]);
    t.run().failure().stderr_is(
        "error: the image `figures/d.svg` has no alt text, which an accessible PDF (PDF/UA-1) needs
  ┌─ content/projects.yaml:8:15
  │
8 │       - path: figures/d.svg
  │               ^^^^^^^^^^^^^
  │
  = hint: add `alt:` to the figure: a sentence saying what the image shows

error: `dist/all/Ada-Example-P.pdf` of profile `all` could not be built; it was not written

error: 1 of 1 documents failed: `dist/all/Ada-Example-P.pdf`

",
    );
    // An empty alt is no alt: an error where it is written, before any build.
    let blank = project.replace("caption: A diagram", "alt: \"  \"");
    Test::with_content("projects.yaml", &blank)
        .file("content/figures/d.svg", SVG)
        .args(&["build", "case-study", "--pdf-standard", "ua-1"])
        .run()
        .failure()
        .stderr_has("error: empty text: leave the key out\n  ┌─ content/projects.yaml:9:14\n");
}

#[test]
fn png_pages_are_real_images_of_the_page_size_at_the_resolution() {
    let (t, run) = build(&["--format", "pdf,png", "--ppi", "72", "--project", "ledger"]);
    // cv and portfolio and the ledger handout: every page its PNG, named `<name>-<n>.png`.
    for name in ["CV", "Portfolio", "Halden-Ledger"] {
        let name = format!("Ilka-Moravec-Dunmore-{name}");
        let pdf = t.path(&format!("dist/backend/{name}.pdf"));
        let n = pages(&pdf);
        let info = poppler("pdfinfo", &[], &pdf);
        let size = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>();
        let (w, h): (f64, f64) = (size[2].parse().unwrap(), size[4].parse().unwrap());
        for page in 1..=n {
            let png = std::fs::read(t.path(&format!("dist/backend/{name}-{page}.png"))).unwrap();
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}-{page}.png");
            let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
            let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
            assert_eq!((width, height), (w.round() as u32, h.round() as u32));
        }
        assert!(
            !t.path(&format!("dist/backend/{name}-{}.png", n + 1))
                .exists()
        );
    }
    assert!(
        run.stdout
            .contains("wrote dist/backend/Ilka-Moravec-Dunmore-CV.pdf, Ilka-Moravec-Dunmore-CV-1.png (1 page, "),
        "{}",
        run.stdout
    );
    // Twice the resolution, twice the pixels.
    let (t, _) = build(&["cv", "--format", "png"]);
    let png = std::fs::read(t.path("dist/backend/Ilka-Moravec-Dunmore-CV-1.png")).unwrap();
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 1191, "A4 at 144 ppi");
    assert!(
        !t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf").exists(),
        "only the formats asked for"
    );
}

/// Whitespace runs as one space.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn text_reads_like_the_pdf_in_reading_order() {
    let (t, _) = build(&["--format", "pdf,txt", "--project", "ledger"]);
    for name in ["CV", "Portfolio", "Halden-Ledger"] {
        let name = format!("Ilka-Moravec-Dunmore-{name}");
        let txt = std::fs::read_to_string(t.path(&format!("dist/backend/{name}.txt"))).unwrap();
        // The PDF's text has its lines as laid out: a word broken after its hyphen
        // (`Release-` / `caused`) is one word again in the text.
        let pdf = normalise(
            &super::text(&t.path(&format!("dist/backend/{name}.pdf")))
                .replace("-\n", "-")
                .replace("/\n", "/"),
        );
        // Every line of the text is in the PDF's text, in the same order.
        let mut from = 0;
        let mut lines = 0;
        for line in txt.lines().map(normalise).filter(|l| !l.is_empty()) {
            let Some(at) = pdf[from..].find(&line) else {
                panic!("{name}.txt has {line:?}, not next in the PDF's text:\n{txt}");
            };
            from += at + line.len();
            lines += 1;
        }
        assert!(lines > 15, "{name}.txt:\n{txt}");
    }
    let cv = std::fs::read_to_string(t.path("dist/backend/Ilka-Moravec-Dunmore-CV.txt")).unwrap();
    for line in [
        "Ilka Moravec-Dunmore\n",
        "\nSenior backend engineer",
        "\nEXPERIENCE\n",
        // The contact lines are broken on purpose: that stays.
        "+31 6 1234 5678\nilka.example.dev · ",
        // A grid cell that wraps reads as one line.
        "\nData stores and streaming PostgreSQL, Kafka and Kafka Streams, TimescaleDB, Elasticsearch, Redis, Parquet on object storage\n",
        "\nStaff Engineer, Payments Platform · Halden Pay  May 2022 – present\n",
    ] {
        assert!(cv.contains(line), "cv.txt lacks {line:?}:\n{cv}");
    }
    // A paragraph is one line, for pasting into a form.
    let summary = cv
        .lines()
        .find(|l| l.starts_with("Backend engineer"))
        .unwrap_or_else(|| panic!("no summary line:\n{cv}"));
    assert!(summary.len() > 150, "{summary}");
}

#[test]
fn markdown_has_the_title_headings_items_and_links() {
    let (t, _) = build(&["--format", "md", "--project", "ledger"]);
    let cv = std::fs::read_to_string(t.path("dist/backend/Ilka-Moravec-Dunmore-CV.md")).unwrap();
    assert!(cv.starts_with("# Ilka Moravec-Dunmore\n\n"), "{cv}");
    for expected in [
        "\n## Experience\n",
        "\n## Skills\n",
        "\n## Education\n",
        "[ilka@example.com](mailto:ilka@example.com)",
        "\n- ",
        "**Staff Engineer, Payments Platform**",
    ] {
        assert!(cv.contains(expected), "cv.md lacks {expected:?}:\n{cv}");
    }
    let portfolio =
        std::fs::read_to_string(t.path("dist/backend/Ilka-Moravec-Dunmore-Portfolio.md")).unwrap();
    for expected in [
        "# Ilka Moravec-Dunmore\n",
        "\n## Selected systems\n",
        "\n### Halden Ledger",
    ] {
        assert!(
            portfolio.contains(expected),
            "portfolio.md lacks {expected:?}:\n{portfolio}"
        );
    }
    let handout =
        std::fs::read_to_string(t.path("dist/backend/Ilka-Moravec-Dunmore-Halden-Ledger.md"))
            .unwrap();
    // The kicker comes first, as on the page; then the handout's title.
    assert!(
        handout.starts_with("CASE STUDY\n\n# Halden Ledger\n"),
        "{handout}"
    );
    assert!(handout.contains("\n## Problem\n"), "{handout}");
    assert!(
        handout.contains("\n1. A payment service calls"),
        "{handout}"
    );
    // Page footers are left out.
    assert!(!handout.contains(" / "), "{handout}");
}

#[test]
fn the_manifest_lists_other_formats_apart_and_clean_knows_them() {
    let content = example_content();
    let t = Test::new().args(&[
        "build",
        "--all",
        "--content",
        content.to_str().unwrap(),
        "--date",
        "2026-11-01",
        "--format",
        "pdf,txt",
    ]);
    t.run().success();
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(t.path("dist/manifest.json")).unwrap()).unwrap();
    let documents = manifest["documents"].as_array().unwrap();
    let outputs = manifest["outputs"].as_array().unwrap();
    assert_eq!(documents.len(), 44);
    assert_eq!(outputs.len(), 44);
    assert!(
        documents
            .iter()
            .all(|e| e["path"].as_str().unwrap().ends_with(".pdf"))
    );
    let cv = outputs
        .iter()
        .find(|e| e["path"] == "backend/Ilka-Moravec-Dunmore-CV.txt")
        .unwrap();
    assert_eq!(cv["document"], "cv");
    // Files `resume` did not write are not its business, whatever their format.
    std::fs::write(t.path("dist/backend/gone.txt"), "mine").unwrap();
    std::fs::write(t.path("dist/backend/notes.md"), "mine").unwrap();
    let run = t.run().success();
    assert!(!run.stderr.contains("gone.txt"), "{}", run.stderr);
    let t = t.args(&["--clean"]);
    let run = t.run().success();
    assert!(!run.stdout.contains("removed"), "{}", run.stdout);
    assert!(t.path("dist/backend/gone.txt").exists());
    assert!(t.path("dist/backend/notes.md").exists());
}

#[test]
fn what_typst_refuses_under_a_standard_is_a_diagnostic_at_the_template_line() {
    // A template's own image without alt text: Typst's PDF writer refuses it under UA-1.
    let template = "#set document(title: \"Ada\", date: datetime(year: 2026, month: 1, day: 1))\n#set text(lang: \"en\")\nHello\n#image(\"logo.svg\")\n";
    let t = Test::new()
        .file("content/person.yaml", super::PERSON)
        .file("templates/cv.typ", template)
        .file("templates/logo.svg", SVG)
        .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run().success();
    t.args(&["--pdf-standard", "ua-1"])
        .run()
        .failure()
        .stderr_is(
            "error: PDF/UA-1 error: missing alt text
  ┌─ templates/cv.typ:4:2
  │
4 │ #image(\"logo.svg\")
  │  ^^^^^^^^^^^^^^^^^
  │
  = hint: make sure your images and equations have alt text

error: `dist/all/Ada-Example-CV.pdf` of profile `all` could not be built; it was not written

error: 1 of 1 documents failed: `dist/all/Ada-Example-CV.pdf`

",
        );
}

#[test]
fn text_and_markdown_keep_words_the_layout_broke_and_escape_what_would_be_markup() {
    let names = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    ];
    // Longer than a line: the layout breaks them after a hyphen or a slash.
    let chain = names.repeat(3).join("-");
    let url = format!("https://example.com/{}", names.repeat(3).join("/"));
    // Hyphens the author typed, with a space after: the space stays.
    let dashes = ["ab -"; 60].join(" ") + " ab";
    let prefixes = ["pre- and post-war"; 20].join(" ");
    let tricky = [
        "~~~ not a fence",
        "``` nor this",
        "&amp; stays &amp; and &#42; too",
        "2) second",
        "3. third",
        "4.",
        "= not an underline",
        "# not a heading",
        "Tilde ~~not struck~~ through",
        "last paragraph",
    ];
    let paragraphs = [
        format!("Chain {chain} end."),
        format!("Link {url} end."),
        dashes.clone(),
        prefixes.clone(),
    ]
    .into_iter()
    .chain(tricky.iter().map(|t| t.to_string()))
    .map(|p| format!("    {p}"))
    .collect::<Vec<_>>()
    .join("\n\n");
    let person = format!("{}  summary: |-\n{paragraphs}\n", super::PERSON);
    let t = Test::new().file("content/person.yaml", &person).args(&[
        "build",
        "cv",
        "--format",
        "txt,md",
        "--date",
        "2026-11-01",
    ]);
    t.run().success();
    let txt = std::fs::read_to_string(super::doc(&t.path("dist/all"), "-CV.txt")).unwrap();
    let md = std::fs::read_to_string(super::doc(&t.path("dist/all"), "-CV.md")).unwrap();
    for whole in [&chain, &url, &dashes, &prefixes] {
        assert!(
            txt.contains(whole.as_str()),
            "cv.txt lacks {whole:?}:\n{txt}"
        );
        assert!(md.contains(whole.as_str()), "cv.md lacks {whole:?}:\n{md}");
    }
    for line in tricky {
        assert!(
            txt.contains(&format!("\n{line}\n")),
            "cv.txt lacks {line:?}:\n{txt}"
        );
    }
    // The Markdown reads as the same text: nothing starts a block, an entity or a strike.
    for escaped in [
        "\n\\~\\~\\~ not a fence\n",
        "\n\\`\\`\\` nor this\n",
        "\n\\&amp; stays \\&amp; and \\&#42; too\n",
        "\n2\\) second\n",
        "\n3\\. third\n",
        "\n4\\.\n",
        "\n\\= not an underline\n",
        "\n\\# not a heading\n",
        "\nTilde \\~\\~not struck\\~\\~ through\n",
    ] {
        assert!(md.contains(escaped), "cv.md lacks {escaped:?}:\n{md}");
    }
}

#[test]
fn the_examples_text_joins_a_word_broken_after_its_hyphen() {
    let (t, _) = build(&["portfolio", "--format", "txt"]);
    let txt =
        std::fs::read_to_string(t.path("dist/backend/Ilka-Moravec-Dunmore-Portfolio.txt")).unwrap();
    assert!(txt.contains(" Release-caused incidents "), "{txt}");
    assert!(!txt.contains("- "), "a space after a hyphen:\n{txt}");
}
