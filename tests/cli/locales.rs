//! Every built-in locale: the example CV in that language has its month names, its word
//! for "present", its experience title and the PDF's language, read back from the PDF.

use std::path::Path;

use super::{Test, example_content, pages, text};

/// A font with Chinese, Japanese and Korean characters, from Debian's
/// `fonts-wqy-microhei` (scripts/test installs it): ours have none.
const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

use super::copy_dir;

/// A top-level key of a catalogue, as written: `present: heute`.
fn key<'a>(catalogue: &'a str, key: &str) -> &'a str {
    catalogue
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("no `{key}` in the catalogue"))
        .trim_matches('"')
}

/// Text as compared: bidi marks and whitespace gone (pdftotext puts spaces between CJK
/// glyphs), lower case (the modern theme prints section titles in capitals).
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}')
        })
        .collect::<String>()
        .to_lowercase()
}

/// Whether every word of `want` is printed: right-to-left text comes out of pdftotext
/// in visual order, its words reversed, and a ligature's letters (Arabic lam-alef) may
/// come out swapped, so such a word counts when its letters are printed as one word.
fn printed(raw: &str, want: &str) -> bool {
    let text = fold(raw);
    let letters = |w: &str| {
        let mut l: Vec<char> = fold(w).chars().collect();
        l.sort_unstable();
        l
    };
    let words: Vec<Vec<char>> = raw.split_whitespace().map(letters).collect();
    want.split_whitespace()
        .all(|word| text.contains(&fold(word)) || words.contains(&letters(word)))
}

#[test]
fn every_locale_prints_its_months_present_and_titles_and_sets_the_pdf_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut tags: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".yaml").map(str::to_owned)
        })
        .collect();
    tags.sort();
    assert!(tags.len() >= 29, "{tags:?}");

    let t = Test::new();
    copy_dir(&example_content(), &t.path("content"));
    let cjk = std::fs::read(CJK_FONT).unwrap_or_else(|e| {
        panic!("{CJK_FONT} is needed by this test (Debian: fonts-wqy-microhei): {e}")
    });
    std::fs::create_dir(t.path("fonts")).unwrap();
    std::fs::write(t.path("fonts/wqy-microhei.ttc"), cjk).unwrap();
    // One profile per locale, its CV only the experience (one layout pass each).
    let mut profiles = String::from("profiles:\n");
    for tag in &tags {
        profiles += &format!(
            "  loc-{}:\n    design: {{locale: {tag}}}\n    documents: {{cv: {{sections: [experience]}}}}\n",
            tag.to_lowercase()
        );
    }
    std::fs::write(t.path("content/profiles.yaml"), profiles).unwrap();
    // The example's application starts from a profile this test replaces.
    std::fs::remove_dir_all(t.path("content/applications")).unwrap();
    let t = t.args(&["build", "cv", "--date", "2026-11-01"]);
    let run = t.run().success();
    assert!(!run.stderr.contains("no font has"), "{}", run.stderr);

    let mut wrong = Vec::new();
    for tag in &tags {
        let catalogue = std::fs::read_to_string(root.join(format!("{tag}.yaml"))).unwrap();
        let pdf = super::doc(
            &t.path(&format!("dist/loc-{}", tag.to_lowercase())),
            "-CV.pdf",
        );
        let text = text(&pdf);
        // The example's current role began in May 2022.
        let months = key(&catalogue, "months_short");
        let may = months
            .trim_matches(['[', ']'])
            .split(", ")
            .nth(4)
            .unwrap()
            .trim_matches('"');
        for (what, want) in [
            ("May", may),
            ("present", key(&catalogue, "present")),
            ("experience", key(&catalogue, "experience")),
        ] {
            if !printed(&text, want) {
                wrong.push(format!("{tag}: no {what} `{want}`"));
            }
        }
        let lang = tag.split('-').next().unwrap();
        let region = tag.split('-').nth(1).filter(|r| r.len() == 2);
        let want = match region {
            Some(r) => format!("/Lang({lang}-{r})"),
            None => format!("/Lang({lang})"),
        };
        let bytes = std::fs::read(&pdf).unwrap();
        if !bytes.windows(want.len()).any(|w| w == want.as_bytes()) {
            wrong.push(format!("{tag}: no {want} in the PDF"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_right_to_left_cv_builds_in_the_sidebar_theme_on_one_page() {
    let t = Test::new();
    copy_dir(&example_content(), &t.path("content"));
    let design = std::fs::read_to_string(t.path("content/design.yaml")).unwrap();
    assert!(design.contains("  locale: en\n"));
    std::fs::write(
        t.path("content/design.yaml"),
        design
            .replace("  locale: en\n", "  locale: ar\n  theme: sidebar\n")
            .replace("  theme: modern\n", ""),
    )
    .unwrap();
    let t = t.args(&[
        "build",
        "cv",
        "--profile",
        "backend",
        "--date",
        "2026-11-01",
    ]);
    t.run().success();
    let pdf = t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf");
    assert_eq!(pages(&pdf), 1);
    let catalogue =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/ar.yaml"))
            .unwrap();
    let text = text(&pdf);
    for want in [
        key(&catalogue, "experience"),
        key(&catalogue, "skills"),
        "Noordzee University of Technology",
    ] {
        assert!(printed(&text, want), "no `{want}` in:\n{text}");
    }
}

/// One precision per document: `dates: day` prints days only when every date shown has
/// one, so a column never mixes `1 Sep 2018 – 31 Mar 2022` with `Apr 2022 – present`;
/// a duration only where both ends have a month.
#[test]
fn a_document_prints_its_dates_at_one_precision() {
    let roles = |second_start: &str| {
        format!(
            "experience:\n  - id: a\n    title: Engineer\n    organization: Acme\n    start: 2018-09-01\n    end: 2022-03-31\n    highlights: [Built the ledger]\n  - id: b\n    title: Senior Engineer\n    organization: Beta\n    start: {second_start}\n    highlights: [Ran the platform]\n  - id: c\n    title: Intern\n    organization: Gamma\n    start: 2016\n    end: 2017-06\n    highlights: [Wrote tests]\n"
        )
    };
    let build = |design: &str, start: &str| {
        let t = Test::with_content("experience.yaml", &roles(start))
            .file("content/design.yaml", design)
            .args(&["build", "cv", "--date", "2026-11-01"]);
        t.run().success();
        text(&super::doc(&t.path("dist/all"), "-CV.pdf"))
    };
    // The default, and `day` over a role dated to the month: all to the month.
    for design in ["design: {}\n", "design:\n  dates: day\n"] {
        let cv = build(design, "2022-04");
        assert!(cv.contains("Sep 2018 – Mar 2022"), "{design}{cv}");
        assert!(cv.contains("Apr 2022 – present"), "{design}{cv}");
        assert!(!cv.contains("1 Sep 2018"), "{design}{cv}");
        assert!(!cv.contains("31 Mar 2022"), "{design}{cv}");
    }
    // `day` where every date shown has a day: days.
    let all_days = "experience:\n  - id: a\n    title: Engineer\n    organization: Acme\n    start: 2018-09-01\n    end: 2022-03-31\n    highlights: [Built the ledger]\n  - id: b\n    title: Senior Engineer\n    organization: Beta\n    start: 2022-04-01\n    highlights: [Ran the platform]\n";
    let t = Test::with_content("experience.yaml", all_days)
        .file("content/design.yaml", "design:\n  dates: day\n")
        .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run().success();
    let cv = text(&super::doc(&t.path("dist/all"), "-CV.pdf"));
    assert!(cv.contains("1 Sep 2018 – 31 Mar 2022"), "{cv}");
    assert!(cv.contains("1 Apr 2022 – present"), "{cv}");
    // Years only: no months anywhere.
    let cv = build("design:\n  dates: year\n", "2022-04");
    assert!(cv.contains("2018 – 2022"), "{cv}");
    assert!(!cv.contains("Sep"), "{cv}");
    // A duration needs both ends to the month: the intern's `2016 – Jun 2017` has none.
    let cv = build("design: {}\n", "2022-04");
    assert!(cv.contains("3 yrs 7 mos"), "{cv}");
    assert!(cv.contains("2016 – Jun 2017"), "{cv}");
    assert!(!cv.contains("1 yr"), "{cv}");
}
