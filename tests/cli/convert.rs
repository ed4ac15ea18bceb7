//! `resume import`, `export`, `new`, `completions` and `man`.

use std::path::Path;

use serde_json::{Value, json};

use crate::{Test, example_content, text};

pub(super) fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/convert")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_file(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Warnings printed by a run, one per line, without the `warning: ` prefix.
fn warnings(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("warning: "))
        .map(str::to_owned)
        .collect()
}

/// The vendored JSON Resume schema (tests/convert/jsonresume-schema.json, MIT).
fn assert_valid_jsonresume(doc: &Value) {
    let schema: Value = serde_json::from_str(&fixture("jsonresume-schema.json")).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the JSON Resume schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "not valid JSON Resume: {errors:#?}");
}

/// Every YAML file under `dir` matches `resume schema` (what editors check as you type).
pub fn assert_match_our_schema(dir: &Path) {
    let run = Test::new().args(&["schema"]).run().success();
    let schema: Value = serde_json::from_str(&run.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut files = Vec::new();
    crate::schema::yaml_files(dir, &mut files);
    assert!(!files.is_empty());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let node = resume::load::yaml::parse(&text, 0).unwrap().unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&node.to_json())
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}\n{text}", file.display());
    }
}

const JSONRESUME_WARNINGS: &[&str] = &[
    "dropped `basics.image` (`https://example.com/marit.jpg`): a photo must be a file; save it into the content folder and set `person.photo`",
    "dropped `meta.canonical`: `resume` content has no canonical address",
    "dropped `meta.version`: `resume` content has no version",
    "dropped `x-favourite-editor`: not part of the JSON Resume schema",
];

#[test]
fn import_jsonresume_writes_files_a_person_would_and_names_every_dropped_field() {
    let t = Test::new()
        .file("in.json", &fixture("jsonresume-full.json"))
        .args(&["import", "jsonresume", "in.json"]);
    let run = t.run().success();
    let mut got = warnings(&run.stderr);
    let mut want: Vec<String> = JSONRESUME_WARNINGS.iter().map(|s| s.to_string()).collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "stderr:\n{}", run.stderr);
    for file in [
        "person.yaml",
        "meta.yaml",
        "experience.yaml",
        "education.yaml",
        "skills.yaml",
        "certifications.yaml",
        "volunteer.yaml",
        "publications.yaml",
        "awards.yaml",
        "interests.yaml",
        "references.yaml",
        "projects/cachet.yaml",
        "projects/pipeline-lint.yaml",
    ] {
        let path = t.path("content").join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{file} written"));
        let schema = if file.contains('/') {
            "../../schema.json"
        } else {
            "../schema.json"
        };
        assert!(
            text.starts_with(&format!("# yaml-language-server: $schema={schema}\n")),
            "{file}:\n{text}"
        );
        assert!(
            run.stdout.contains(&format!("wrote content/{file}\n")),
            "{}",
            run.stdout
        );
    }
    let experience = std::fs::read_to_string(t.path("content/experience.yaml")).unwrap();
    // Awkward text stays text: a highlight that is just `no`, a `#` at the start.
    assert!(experience.contains("      - \"no\"\n"), "{experience}");
    assert!(experience.contains("      - \"#1 contributor to the internal build docs\"\n"));
    assert!(
        experience.contains("  - id: fjordline-software-2022\n"),
        "{experience}"
    );
    assert!(
        experience.contains("    about: Developer tools for shipping companies\n"),
        "{experience}"
    );
    let volunteer = std::fs::read_to_string(t.path("content/volunteer.yaml")).unwrap();
    assert!(
        volunteer.contains("    organization: Code Club Oslo\n"),
        "{volunteer}"
    );
    let person = std::fs::read_to_string(t.path("content/person.yaml")).unwrap();
    assert!(
        person.contains("  location: Storgata 1, 0155 Oslo, Oslo, NO\n"),
        "{person}"
    );
    assert!(person.contains("        network: GitLab\n"), "{person}");
    assert!(
        person.contains("      - url: https://gitlab.com/maritor\n"),
        "{person}"
    );
    assert_match_our_schema(&t.path("content"));

    let check = Test {
        args: vec!["check".into()],
        ..t
    };
    let run = check.run().success();
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
    let build = Test {
        args: ["build", "--date", "2026-11-01"].map(String::from).to_vec(),
        ..check
    };
    build.run().success();
    let cv = text(&super::doc(&build.path("dist/all"), "-CV.pdf"));
    for s in [
        "Marit Olsbakken-Reyes",
        "Staff Platform Engineer",
        "Tidewater Labs",
        "MSc in Computer Science",
        "Bazel, Gradle, Nix",
    ] {
        assert!(cv.contains(s), "cv lacks {s:?}:\n{cv}");
    }
}

#[test]
fn jsonresume_round_trip_keeps_every_mapped_field() {
    let input: Value = serde_json::from_str(&fixture("jsonresume-full.json")).unwrap();
    let t = Test::new()
        .file("in.json", &fixture("jsonresume-full.json"))
        .args(&["import", "jsonresume", "in.json"]);
    t.run().success();
    let t = Test {
        args: ["build", "--date", "2026-11-01"].map(String::from).to_vec(),
        ..t
    };
    t.run().success();
    let t = Test {
        args: ["export", "jsonresume", "--out", "out.json"]
            .map(String::from)
            .to_vec(),
        ..t
    };
    t.run()
        .success()
        .stderr_has("wrote out.json (profile `all`, JSON Resume)");
    let out = json_file(&t.path("out.json"));
    assert_valid_jsonresume(&out);

    // Not mapped, and why:
    // - basics.image: a photo is a file in the content folder, not an address
    // - basics.location: joined into one line, exported as `city`
    // - meta.canonical, meta.version, custom keys: no place in `resume`
    //   (each is a warning)
    // - work[].company/website (JSON Resume before 1.0): exported as name/url
    // - meta.lastModified: kept as a date (`updated:`), the time of day is dropped
    // - references: private, so exported only with `--private`
    let pick = |v: &Value, keys: &[&str]| -> Value {
        keys.iter()
            .filter_map(|k| v.get(*k).map(|x| ((*k).to_owned(), x.clone())))
            .filter(|(_, x)| !x.is_null() && x != &json!([]) && x != &json!(""))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let basics = [
        "name", "label", "pronouns", "email", "phone", "url", "summary",
    ];
    assert_eq!(
        pick(&out["basics"], &basics),
        pick(&input["basics"], &basics)
    );
    assert_eq!(
        out["basics"]["location"],
        json!({ "city": "Storgata 1, 0155 Oslo, Oslo, NO" })
    );
    let profiles = out["basics"]["profiles"].as_array().unwrap();
    assert_eq!(profiles[0], input["basics"]["profiles"][0]);
    assert_eq!(profiles[1], input["basics"]["profiles"][1]);
    assert_eq!(
        profiles[2],
        json!({ "network": "GitLab", "username": "maritor", "url": "https://gitlab.com/maritor" })
    );
    // A network without an address stays a network and a user name.
    assert_eq!(profiles[3], input["basics"]["profiles"][3]);
    assert_eq!(profiles.len(), 4);

    let work = [
        "name",
        "position",
        "url",
        "location",
        "description",
        "startDate",
        "endDate",
        "summary",
        "highlights",
    ];
    let out_work = out["work"].as_array().unwrap();
    assert_eq!(out_work.len(), 4);
    assert_eq!(pick(&out_work[0], &work), pick(&input["work"][0], &work));
    // The legacy names come back under today's.
    let mut legacy = pick(&input["work"][1], &work);
    legacy["name"] = input["work"][1]["company"].clone();
    legacy["url"] = input["work"][1]["website"].clone();
    assert_eq!(pick(&out_work[1], &work), legacy);
    assert_eq!(pick(&out_work[2], &work), pick(&input["work"][2], &work));
    assert_eq!(pick(&out_work[3], &work), pick(&input["work"][3], &work));
    let volunteer = [
        "organization",
        "position",
        "url",
        "startDate",
        "endDate",
        "summary",
        "highlights",
    ];
    assert_eq!(
        pick(&out["volunteer"][0], &volunteer),
        pick(&input["volunteer"][0], &volunteer)
    );
    let education = [
        "institution",
        "url",
        "area",
        "studyType",
        "startDate",
        "endDate",
        "score",
        "courses",
    ];
    for i in 0..2 {
        assert_eq!(
            pick(&out["education"][i], &education),
            pick(&input["education"][i], &education)
        );
    }
    let award = ["title", "date", "awarder", "summary"];
    assert_eq!(
        pick(&out["awards"][0], &award),
        pick(&input["awards"][0], &award)
    );
    assert_eq!(out["certificates"], input["certificates"]);
    let publication = ["name", "publisher", "releaseDate", "url", "summary"];
    assert_eq!(
        pick(&out["publications"][0], &publication),
        pick(&input["publications"][0], &publication)
    );
    let skill = ["name", "level", "keywords"];
    for i in 0..2 {
        assert_eq!(
            pick(&out["skills"][i], &skill),
            pick(&input["skills"][i], &skill)
        );
    }
    assert_eq!(out["languages"], input["languages"]);
    assert_eq!(out["interests"], input["interests"]);
    assert_eq!(out.get("references"), None);
    let project = [
        "entity",
        "name",
        "description",
        "highlights",
        "keywords",
        "startDate",
        "endDate",
        "url",
        "roles",
        "type",
    ];
    // Projects come out by priority, which the import leaves equal: find them by name.
    let out_project = |name: &str| {
        let found = out["projects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name);
        pick(found.expect("exported"), &project)
    };
    assert_eq!(out_project("Cachet"), pick(&input["projects"][0], &project));
    assert_eq!(
        out_project("Pipeline Lint"),
        pick(&input["projects"][1], &project)
    );
    assert_eq!(out["projects"].as_array().unwrap().len(), 2);
    assert_eq!(out["meta"], json!({ "lastModified": "2026-10-01" }));
}

#[test]
fn export_of_the_example_is_valid_json_resume_and_follows_the_profile() {
    let content = example_content();
    let t = Test::new().args(&[
        "export",
        "jsonresume",
        "--profile",
        "backend",
        "--content",
        content.to_str().unwrap(),
    ]);
    let run = t.run().success();
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_valid_jsonresume(&doc);
    assert_eq!(doc["basics"]["name"], "Ilka Moravec-Dunmore");
    // The backend variant's headline, and no frontend-only skill group.
    assert_eq!(
        doc["basics"]["label"],
        "Senior backend engineer — ledgers, event streams, search"
    );
    let skills: Vec<&str> = doc["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(!skills.contains(&"Frontend"), "{skills:?}");
    // A confidential organisation is named by its public description, unless --private.
    assert!(!run.stdout.contains("Vandermeer"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("\"name\": \"a European logistics company\"")
    );
    let private = Test::new()
        .args(&[
            "export",
            "jsonresume",
            "--profile",
            "backend",
            "--private",
            "--content",
            content.to_str().unwrap(),
        ])
        .run()
        .success();
    assert!(
        private
            .stdout
            .contains("\"name\": \"Vandermeer Freight Systems\"")
    );
    // `--select` narrows it further; several profiles need a name.
    let run = Test::new()
        .args(&[
            "export",
            "jsonresume",
            "-p",
            "backend",
            "--select",
            "id:halden-2022",
            "--content",
            content.to_str().unwrap(),
        ])
        .run()
        .success();
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["work"].as_array().unwrap().len(), 1);
    Test::new()
        .args(&[
            "export",
            "jsonresume",
            "--content",
            content.to_str().unwrap(),
        ])
        .run()
        .failure()
        .stderr_has("error: name the profile whose selection to export");
}

#[test]
fn import_never_overwrites_without_force() {
    let t = Test::new()
        .file("in.json", &fixture("jsonresume-full.json"))
        .file("content/skills.yaml", "# mine\n")
        .args(&["import", "jsonresume", "in.json"]);
    t.run()
        .failure()
        .stderr_is("error: `content/skills.yaml` already exists\n = hint: nothing was written; pass `--force` to overwrite, or `--into DIR` for another folder\n\n");
    assert!(
        !t.path("content/person.yaml").exists(),
        "nothing is written"
    );
    assert_eq!(
        std::fs::read_to_string(t.path("content/skills.yaml")).unwrap(),
        "# mine\n"
    );
    let t = Test {
        args: ["import", "jsonresume", "in.json", "--force"]
            .map(String::from)
            .to_vec(),
        ..t
    };
    t.run().success();
    assert!(
        std::fs::read_to_string(t.path("content/skills.yaml"))
            .unwrap()
            .contains("Bazel")
    );
    // `--into` names another folder.
    let t = Test {
        args: ["import", "jsonresume", "in.json", "--into", "other"]
            .map(String::from)
            .to_vec(),
        ..t
    };
    t.run().success().stdout_has("wrote other/person.yaml");
}

#[test]
fn import_of_the_other_format_is_an_error_and_writes_nothing() {
    // A JSON Resume file is valid YAML: read as RenderCV it made a blank person.
    let t = Test::new()
        .file("in.json", &fixture("jsonresume-full.json"))
        .args(&["import", "rendercv", "in.json"]);
    t.run().failure().stderr_is(
        "error: `in.json` is a JSON Resume file, not RenderCV: it has no `cv` but `basics`
 = hint: nothing was written; import it with `resume import jsonresume in.json`

",
    );
    assert!(!t.path("content").exists());
    let t = Test::new()
        .file("cv.json", r#"{"cv": {"name": "Ada"}}"#)
        .args(&["import", "jsonresume", "cv.json"]);
    t.run().failure().stderr_is(
        "error: `cv.json` is a RenderCV file, not JSON Resume: it has `cv`
 = hint: nothing was written; import it with `resume import rendercv cv.json`

",
    );
    let t = Test::new().file("other.json", r#"{"name": "Ada"}"#).args(&[
        "import",
        "jsonresume",
        "other.json",
    ]);
    t.run()
        .failure()
        .stderr_has("error: `other.json` is not a JSON Resume document\n");
    assert!(!t.path("content").exists());
}

#[test]
fn import_reports_unreadable_input() {
    Test::new()
        .file("bad.json", "{\"basics\": {\"name\": \"A\",}}")
        .args(&["import", "jsonresume", "bad.json"])
        .run()
        .failure()
        .stderr_has("error: `bad.json` is not valid JSON: trailing comma at line 1 column 25");
    Test::new()
        .args(&["import", "jsonresume", "missing.json"])
        .run()
        .failure()
        .stderr_has("error: cannot read `missing.json`");
    Test::new()
        .file("bad.yaml", "cv:\n  name: [unclosed\n")
        .args(&["import", "rendercv", "bad.yaml"])
        .run()
        .failure()
        .stderr_has("bad.yaml:");
    Test::new()
        .file("list.json", "[1, 2]")
        .args(&["import", "jsonresume", "list.json"])
        .run()
        .failure()
        .stderr_has("error: `list.json` is not a JSON Resume document");
}

#[test]
fn import_removes_control_characters_that_content_may_not_hold() {
    let t = Test::new()
        .file(
            "r.json",
            r#"{"basics": {"name": "Ada\u0007 Example", "label": "Eng\u001b[31mineer", "summary": "One\ntwo\tthree"}}"#,
        )
        .args(&["import", "jsonresume", "r.json"]);
    let run = t.run().success();
    assert_eq!(
        warnings(&run.stderr),
        [
            "removed 1 control character from `basics.name`: content holds none",
            "removed 1 control character from `basics.label`: content holds none",
        ]
    );
    assert!(
        run.stdout.contains("the content checks out"),
        "{}",
        run.stdout
    );
    let person = std::fs::read_to_string(t.path("content/person.yaml")).unwrap();
    assert!(
        person.contains("  name: Ada Example\n  headline: Eng[31mineer\n"),
        "{person}"
    );
}

const RENDERCV_WARNINGS: &[&str] = &[
    "dropped `design.page.top_margin`: RenderCV's own page setting; `resume` has `design.margins` instead",
    "dropped `design.colors`: RenderCV's own design setting; `resume` has `design:` (theme, accent, font, paper, margins, font size)",
    "dropped `locale.last_updated`: a RenderCV locale setting `resume` has no label for",
    "dropped `settings.bold_keywords`: RenderCV's own setting; `resume` has no such setting",
    "dropped the photo `tomasz.png`: there is no such image beside `cv.yaml`; copy it into the content folder and set `person.photo`",
    "RenderCV has no headline: `person.headline` is the first role's title, `Senior Data Engineer`; change it to taste",
    "`cv.sections.experience[2].date` (`Summer 2017`) is read as `2017`: `resume` dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
];

/// The position of `needle` in `haystack`, failing with the text when it is not there.
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("no {needle:?} in:\n{haystack}"))
}

#[test]
fn import_rendercv_with_every_entry_type_builds() {
    let t = Test::new()
        .file("cv.yaml", &fixture("rendercv-full.yaml"))
        .args(&["import", "rendercv", "cv.yaml"]);
    let run = t.run().success();
    let mut got = warnings(&run.stderr);
    let mut want: Vec<String> = RENDERCV_WARNINGS.iter().map(|s| s.to_string()).collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "stderr:\n{}", run.stderr);
    let read = |f: &str| std::fs::read_to_string(t.path("content").join(f)).unwrap();
    let person = read("person.yaml");
    // Markdown both tools read is kept as typed; the summary is its text entries.
    assert!(
        person.contains("    Data engineer who turns **messy event streams** into tables people *trust*.\n\n    I write `SQL` for a living and [Rust](https://www.rust-lang.org) for fun.\n"),
        "{person}"
    );
    assert!(
        person.contains(
            "      - url: https://github.com/tquill\n        network: GitHub\n        username: tquill\n"
        ),
        "{person}"
    );
    assert!(
        person.contains("      - url: https://example.social/@tomasz\n"),
        "{person}"
    );
    assert!(person.contains("    phone: +351 912 345 678\n"), "{person}");
    let experience = read("experience.yaml");
    assert!(experience.contains("    end: present\n"), "{experience}");
    assert!(
        experience.contains("      - \"# not a heading, a literal hash\"\n"),
        "{experience}"
    );
    let education = read("education.yaml");
    assert!(
        education.contains("    degree: MSc in Computer Engineering\n"),
        "{education}"
    );
    // First-class sections, by the section's title.
    let publications = read("publications.yaml");
    for s in [
        "    title: Joining streams that arrive out of order\n",
        "    venue: Proceedings of the Example Data Conference\n",
        "    authors: [Tomasz Quill-Ferreira, Ana Example]\n",
        "    doi: 10.1234/example.5678\n",
        "    url: https://example.org/paper-page\n",
    ] {
        assert!(publications.contains(s), "{publications}");
    }
    let talks = read("talks.yaml");
    assert!(
        talks.contains("    title: Streams in practice\n"),
        "{talks}"
    );
    assert!(
        talks.contains("    location: Lisbon Data Meetup\n"),
        "{talks}"
    );
    let awards = read("awards.yaml");
    assert!(awards.contains("    title: Best Paper Award\n"), "{awards}");
    assert!(
        awards.contains("  - summary: For the stream-join paper\n"),
        "{awards}"
    );
    let certifications = read("certifications.yaml");
    assert!(
        certifications.contains("    name: Databricks Certified Data Engineer\n"),
        "{certifications}"
    );
    let volunteer = read("volunteer.yaml");
    assert!(
        volunteer.contains("    organization: Code Club Lisboa\n"),
        "{volunteer}"
    );
    let skills = read("skills.yaml");
    assert!(
        skills.contains("    items: [SQL, Python, Rust, Scala]\n"),
        "{skills}"
    );
    // Other sections are the author's own, titled as RenderCV titles them, in the
    // layout of their entry type; a first-class section keeps a title of its own.
    let sections = read("sections.yaml");
    for s in [
        "  - id: awards\n    title: Awards and Honours\n",
        "  - id: how-i-work\n    title: How I Work\n    layout: bullets\n",
        "  - id: teaching\n    title: Teaching\n    layout: numbered\n",
        "  - id: patents\n    title: Patents\n    layout: reversed\n",
        "  - id: open-source-maintenance\n    title: Open Source Maintenance\n    layout: dated\n",
        "  - id: preprints\n    title: Preprints\n    layout: publication\n",
        "        authors: [Ana Example, Tomasz Quill-Ferreira]\n",
        "  - id: spoken-languages\n    title: Spoken Languages\n    layout: line\n",
        "  - id: about-this-cv\n    title: About This Cv\n    layout: text\n",
        "      - summary: Measure before optimising\n",
    ] {
        assert!(sections.contains(s), "{s:?} in:\n{sections}");
    }
    // The theme, the paper, the locale and its phrases; the date; the section order.
    let design = read("design.yaml");
    assert!(
        design.contains(
            "  theme: classic\n  paper: a4\n  locale: en\n  labels:\n    present: ongoing\n"
        ),
        "{design}"
    );
    assert!(read("meta.yaml").contains("updated: 2026-11-01\n"));
    let profiles = read("profiles.yaml");
    assert!(profiles.contains("  all:\n"), "{profiles}");
    assert!(
        profiles.contains("        sections:\n          - summary\n          - experience\n          - education\n          - projects\n          - awards\n          - publications\n          - skills\n          - certifications\n          - talks\n          - volunteer\n          - how-i-work\n          - teaching\n          - patents\n          - open-source-maintenance\n          - preprints\n          - spoken-languages\n          - about-this-cv\n"),
        "{profiles}"
    );
    // Projects: no classification is invented.
    let tidetable = read("projects/tidetable.yaml");
    assert!(tidetable.contains("    tagline: A command-line tool that diffs two Parquet files\n"));
    assert!(
        tidetable.contains("    start: 2023-04\n    end: 2023-04\n"),
        "{tidetable}"
    );
    for p in ["projects/tidetable.yaml", "projects/fado-metrics.yaml"] {
        assert!(!read(p).contains("classification"), "{}", read(p));
    }
    for gone in ["principles.yaml", "writing.yaml"] {
        assert!(!t.path("content").join(gone).exists(), "{gone} was written");
    }
    assert_match_our_schema(&t.path("content"));

    let build = Test {
        args: ["build", "--date", "2026-11-01"].map(String::from).to_vec(),
        ..t
    };
    build.run().success();
    // Fitted to one page, as RenderCV is not (it spills onto a second): what the CV
    // leaves out is in the portfolio.
    let cv_pdf = super::doc(&build.path("dist/all"), "-CV.pdf");
    assert_eq!(super::pages(&cv_pdf), 1);
    let cv = text(&cv_pdf);
    let portfolio = text(&super::doc(&build.path("dist/all"), "-Portfolio.pdf"));
    let both = format!("{cv}\n{portfolio}");
    for s in [
        "Tomasz Quill-Ferreira",
        "Marés Analytics",
        "Sep 2021 – ongoing",
        "Tidetable",
        "SQL, Python, Rust, Scala",
        "Awards and Honours",
        "Best Paper Award",
        "For the stream-join paper",
        "Joining streams that arrive out of order",
        "Tomasz Quill-Ferreira, Ana Example",
        "Databricks Certified Data Engineer",
        "Code Club Lisboa",
        "How I Work",
        "Measure before optimising",
        "Teaching",
        "Patents",
        "Open Source Maintenance",
        "Preprints",
        "Ana Example, Tomasz Quill-Ferreira",
        "Spoken Languages",
        "Made with RenderCV.",
    ] {
        assert!(both.contains(s), "cv and portfolio lack {s:?}:\n{both}");
    }
    // In RenderCV's order: a talk under the talks heading, before the next section.
    let talks_heading = at(&cv, "\nTalks\n");
    let talk = at(&cv, "Streams in practice");
    assert!(
        talks_heading < talk && talk < at(&cv, "\nVolunteering\n"),
        "{cv}"
    );
    for s in [
        "Streams in practice",
        "Best Paper Award",
        "Tomasz Quill-Ferreira, Ana Example",
        "Teaching",
        "Measure before optimising",
        "Dashboards for a community radio station",
    ] {
        assert!(portfolio.contains(s), "portfolio lacks {s:?}:\n{portfolio}");
    }
    for doc in [&cv, &portfolio] {
        assert!(!doc.to_lowercase().contains("principles"), "{doc}");
        assert!(!doc.contains("Production system"), "{doc}");
    }
}

/// A section's title that names a first-class section goes there only when its entries
/// fit; otherwise, and for a second section of the same place, it is a section of the
/// author's own, with a name no built-in section has. Locale phrases that are ours
/// already are not repeated; an unknown theme is named.
#[test]
fn import_rendercv_sections_that_do_not_fit_are_sections_of_their_own() {
    let t = Test::new()
        .file(
            "cv.yaml",
            "cv:\n  name: Ada Example\n  headline: Engineer\n  sections:\n    summary:\n      - bullet: Ships things\n    languages:\n      - label: German\n        details: native\n    awards:\n      - name: First prize\n        date: 2020\n    honors:\n      - name: Second prize\n        date: 2021\n    Berufserfahrung:\n      - company: ACME\n        position: Dev\n        start_date: 2020\ndesign:\n  theme: sb2nov\nlocale:\n  language: german\n  present: heute\n  year: Jahr\n  years: Jahre\n",
        )
        .args(&["import", "rendercv", "cv.yaml"]);
    let run = t.run().success();
    assert_eq!(
        warnings(&run.stderr),
        [
            "dropped `design.theme` (`sb2nov`): `resume` has no theme of that name; its themes are `modern`, `classic` and `sidebar`"
        ],
        "{}",
        run.stderr
    );
    let read = |f: &str| std::fs::read_to_string(t.path("content").join(f)).unwrap();
    let sections = read("sections.yaml");
    for s in [
        "  - id: summary-section\n    title: Summary\n    layout: bullets\n",
        "  - id: languages-section\n    title: Languages\n    layout: line\n",
        "  - id: honors\n    title: Honors\n    layout: dated\n",
        "  - id: berufserfahrung\n    title: Berufserfahrung\n    layout: dated\n",
        // RenderCV prints the title as typed, not the German default.
        "  - id: awards\n    title: Awards\n",
    ] {
        assert!(sections.contains(s), "{s:?} in:\n{sections}");
    }
    let design = read("design.yaml");
    assert!(
        design.contains("  locale: de\n  labels:\n    years:\n      one: \"{n} Jahr\"\n      other: \"{n} Jahre\"\n"),
        "{design}"
    );
    assert!(!design.contains("present"), "{design}");
    let build = Test {
        args: ["build", "--date", "2026-11-01"].map(String::from).to_vec(),
        ..t
    };
    build.run().success();
    let cv = text(&super::doc(&build.path("dist/all"), "-CV.pdf")).to_lowercase();
    for s in [
        "ships things",
        "first prize",
        "second prize",
        "berufserfahrung",
        "2020 – heute",
    ] {
        assert!(cv.contains(s), "cv lacks {s:?}:\n{cv}");
    }
}

#[test]
fn new_scaffolds_a_project_that_builds_at_once() {
    let t = Test::new().args(&["new", "mycv"]);
    let run = t.run().success();
    assert!(
        run.stdout.contains("wrote mycv/content/person.yaml\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("wrote mycv/schema.json\n"),
        "{}",
        run.stdout
    );
    let person = std::fs::read_to_string(t.path("mycv/content/person.yaml")).unwrap();
    assert!(person.starts_with("# yaml-language-server: $schema=../schema.json\n"));
    let project = std::fs::read_to_string(t.path("mycv/content/projects/order-api.yaml")).unwrap();
    assert!(project.starts_with("# yaml-language-server: $schema=../../schema.json\n"));
    assert_match_our_schema(&t.path("mycv/content"));
    let build = Test {
        args: [
            "build",
            "--content",
            "mycv/content",
            "--out",
            "mycv/dist",
            "--date",
            "2026-11-01",
        ]
        .map(String::from)
        .to_vec(),
        ..t
    };
    let run = build.run().success();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    // Each profile's CV fills 85 to 100% of its one page.
    let verbose = Test {
        args: [
            "build",
            "cv",
            "--content",
            "mycv/content",
            "--out",
            "mycv/dist",
            "--date",
            "2026-11-01",
            "--verbose",
        ]
        .map(String::from)
        .to_vec(),
        ..build
    };
    let out = verbose.run().success().stdout;
    let fills: Vec<u32> = out
        .lines()
        .filter_map(|l| l.split("filled ").nth(1)?.split('%').next()?.parse().ok())
        .collect();
    assert_eq!(fills.len(), 2, "{out}");
    assert!(fills.iter().all(|f| (85..=100).contains(f)), "{out}");
    let build = Test {
        args: vec![],
        ..verbose
    };
    for profile in ["backend", "leadership"] {
        let cv = text(&build.path(&format!("mycv/dist/{profile}/Robin-Example-CV.pdf")));
        for s in [
            "Robin Example",
            "Senior Backend Engineer",
            "Northwind Trading",
            "Order API",
        ] {
            assert!(cv.contains(s), "{profile} cv lacks {s:?}:\n{cv}");
        }
        let handout = text(&build.path(&format!(
            "mycv/dist/{profile}/Robin-Example-Ending-duplicate-orders.pdf"
        )));
        assert!(handout.contains("Ending duplicate orders"), "{handout}");
    }
    // The application's kit builds too.
    let apply = Test {
        args: [
            "apply",
            "harbourline",
            "--content",
            "mycv/content",
            "--out",
            "mycv/dist",
        ]
        .map(String::from)
        .to_vec(),
        ..build
    };
    apply.run().success();
    let letter =
        text(&apply.path(
            "mycv/dist/applications/harbourline/Robin-Example-Letter-Harbourline-Logistics.pdf",
        ));
    assert!(letter.contains("Dear Sam Verhoef,"), "{letter}");
    let build = Test {
        args: vec![],
        ..apply
    };
    let portfolio = text(&build.path("mycv/dist/backend/Robin-Example-Portfolio.pdf"));
    for s in [
        "An outbox table instead of writing to Kafka directly",
        // Blocks: a list, then a paragraph after it.
        "no way to tell a retry from a new order after the fact",
        "The fix had to work for clients we could not change at once.",
        // A section of one's own, with its title and intro, and a talk.
        "OPEN SOURCE",
        "Fixes and features in tools I use at work.",
        "support for PostgreSQL domain types",
        "Idempotency keys in practice",
    ] {
        assert!(portfolio.contains(s), "portfolio lacks {s:?}:\n{portfolio}");
    }
    // The schema beside content/ is the one `resume schema` prints.
    let schema = Test {
        args: vec!["schema".into()],
        ..build
    };
    let printed = schema.run().success().stdout;
    assert_eq!(
        std::fs::read_to_string(schema.path("mycv/schema.json")).unwrap(),
        printed
    );
}

#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    Test::new()
        .file("notes.txt", "mine")
        .args(&["new"])
        .run()
        .failure()
        .stderr_is("error: `.` is not empty\n = hint: nothing was written; `resume new` starts a project in an empty or new folder: `resume new my-resume`\n\n");
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definitions() {
    let bash = Test::new()
        .args(&["completions", "bash"])
        .run()
        .success()
        .stdout;
    for s in [
        "_resume()",
        "build",
        "--profile",
        "import",
        "jsonresume",
        "rendercv",
    ] {
        assert!(bash.contains(s), "bash completion lacks {s:?}");
    }
    let zsh = Test::new()
        .args(&["completions", "zsh"])
        .run()
        .success()
        .stdout;
    assert!(zsh.starts_with("#compdef resume"), "{zsh}");
    assert!(zsh.contains("--profile"));
    let fish = Test::new()
        .args(&["completions", "fish"])
        .run()
        .success()
        .stdout;
    assert!(fish.contains("complete -c resume"), "{fish}");
    assert!(fish.contains("export"));
    let man = Test::new().args(&["man"]).run().success().stdout;
    for s in [
        ".TH resume",
        ".SH COMMANDS",
        ".SH \"RESUME BUILD\"",
        ".SH \"RESUME IMPORT\"",
        "\\fB\\-\\-into\\fR",
        ".SH \"RESUME EXPORT\"",
        ".SH \"RESUME COMPLETIONS\"",
        ".SH \"RESUME MAN\"",
        ".SH SELECTORS",
        "unary := \"not\" unary | \"(\" expr \")\" | term",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        "\\fBRESUME_CONTENT\\fR",
        "\\fBRESUME_OUT\\fR",
        "\\fBSOURCE_DATE_EPOCH\\fR",
        ".SH FILES",
        ".SH EXAMPLES",
        "\\fBresume templates eject\\fR",
    ] {
        assert!(man.contains(s), "man page lacks {s:?}:\n{man}");
    }
    // One page: no reference to pages that do not exist (`resume-build(1)`), and the
    // hidden helper of the completion scripts is in neither the page nor the scripts.
    assert!(!man.contains("(1)"), "{man}");
    assert!(!man.contains("__complete"), "{man}");
    assert!(!zsh.contains("'__complete:"), "{zsh}");
    let help = Test::new().args(&["--help"]).run().success().stdout;
    assert!(
        help.contains("\nExamples:\n  resume new my-resume"),
        "{help}"
    );
    assert!(!help.contains("__complete"), "{help}");
    let build = Test::new()
        .args(&["build", "--help"])
        .run()
        .success()
        .stdout;
    assert!(build.contains("\nExamples:\n  resume build "), "{build}");
    assert!(build.contains("`updated:`"), "{build}");
}

/// Runs `script` in bash in `dir`, with the built `resume` first on the PATH.
fn bash(dir: &std::path::Path, script: &str) -> String {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_resume"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let out = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("RESUME_CONTENT")
        .output()
        .expect("bash");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bash_completes_profile_names_and_project_ids_from_the_content() {
    // The example content as `./content`, and a second project elsewhere.
    let t = Test::new().file(
        "other/content.yaml",
        "person:\n  name: A\n  headline: B\nprofiles:\n  solo:\n    select: all\n",
    );
    super::copy_dir(&super::example_content(), &t.path("content"));
    // Completes as bash does: the function `complete -p resume` names, called with the
    // command, the word and the word before it, COMP_WORDS and COMP_CWORD set.
    let script = r#"
source <(resume completions bash)
fn=$(complete -p resume | sed -E 's/.* -F ([^ ]+) .*/\1/')
at() {
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
    "$fn" resume "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    echo "${COMPREPLY[*]}"
}
at resume build --profile ''
at resume list -p f
at resume build cv --project led
at resume build --content other/content.yaml --profile ''
at resume build --content=other/content.yaml -p ''
at resume build --content missing --profile ''
at resume bui
"#;
    assert_eq!(
        bash(&t.path(""), script),
        "backend fullstack leadership longform streaming\n\
         fullstack\n\
         ledger ledger-refund-incident\n\
         solo\n\
         solo\n\
         \n\
         build\n"
    );
}

#[test]
fn import_jsonresume_reads_every_date_form_and_stray_types() {
    let input = json!({
        "basics": { "name": "Ines Example", "label": "Engineer", "location": "Porto, Portugal" },
        "work": [
            { "name": "Year Co", "position": "Engineer", "startDate": "2020", "endDate": "2020-03-15" },
            { "name": "Month Co", "position": "Engineer", "startDate": "2018-03", "endDate": "" },
            { "name": "Words Co", "position": "Engineer", "startDate": "March 2017" },
            "not an object"
        ],
        "education": [
            { "institution": "Example University", "area": "Physics", "score": 3.8,
              "startDate": "2014-09-01", "endDate": "2018-02-30" }
        ],
        "skills": [ { "name": "Tools", "keywords": "just one" } ]
    });
    let t = Test::new().file("in.json", &input.to_string()).args(&[
        "import",
        "jsonresume",
        "in.json",
        "--into",
        "cv",
    ]);
    let run = t.run().success();
    let mut got = warnings(&run.stderr);
    got.sort();
    assert_eq!(
        got,
        [
            "dropped `education[0].endDate`: `2018-02-30` has day 30: Feb 2018 has 28 days",
            "dropped `work[2].startDate`: `March 2017` is not a date: expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; did you mean `2017-03`?",
            "dropped `work[3]`: expected an object, found text",
            "dropped `work[3]`: it has neither a `position` nor an organisation",
        ],
        "{}",
        run.stderr
    );
    let person = std::fs::read_to_string(t.path("cv/person.yaml")).unwrap();
    assert!(person.contains("  location: Porto, Portugal\n"), "{person}");
    let experience = std::fs::read_to_string(t.path("cv/experience.yaml")).unwrap();
    assert!(
        experience.contains("    start: \"2020\"\n    end: 2020-03-15\n"),
        "{experience}"
    );
    // An empty end date is no end date: the role is still going on.
    assert!(
        experience.contains("    start: 2018-03\n  - id: words-co\n"),
        "{experience}"
    );
    let education = std::fs::read_to_string(t.path("cv/education.yaml")).unwrap();
    assert!(education.contains("    degree: Physics\n"), "{education}");
    assert!(education.contains("    score: \"3.8\"\n"), "{education}");
    let skills = std::fs::read_to_string(t.path("cv/skills.yaml")).unwrap();
    assert!(skills.contains("    items: [just one]\n"), "{skills}");
    Test {
        args: ["check", "--content", "cv"].map(String::from).to_vec(),
        ..t
    }
    .run()
    .success();
}

#[test]
fn import_names_clashes_with_files_already_in_the_folder() {
    let run = Test::new()
        .file("content/mine.yaml", crate::PERSON)
        .file(
            "in.json",
            &json!({ "basics": { "name": "Ines", "label": "Engineer" } }).to_string(),
        )
        .args(&["import", "jsonresume", "in.json"])
        .run()
        .failure();
    assert_eq!(run.stdout, "wrote content/person.yaml\n");
    run.stderr_has("error: `person` is defined twice")
        .stderr_has("error: imported into `content`: 1 file, 0 warnings, but `content` now has 1 error\n = hint: fix them as shown above");
}

#[test]
fn jsonresume_meta_language_is_the_locale_both_ways() {
    let doc = json!({
        "basics": { "name": "Ana Souza", "label": "Engenheira de software" },
        "work": [{ "name": "Acme", "position": "Engenheira", "startDate": "2021-05" }],
        "meta": { "language": "pt-br" }
    });
    let t =
        Test::new()
            .file("in.json", &doc.to_string())
            .args(&["import", "jsonresume", "in.json"]);
    t.run().success();
    let design = std::fs::read_to_string(t.path("content/design.yaml")).unwrap();
    assert!(design.contains("locale: pt-BR"), "{design}");
    let t = Test {
        args: ["build", "cv", "--date", "2026-11-01"]
            .map(String::from)
            .to_vec(),
        ..t
    };
    t.run().success();
    let cv = text(&super::doc(&t.path("dist/all"), "-CV.pdf"));
    assert!(cv.contains("EXPERIÊNCIA PROFISSIONAL"), "{cv}");
    assert!(cv.contains("mai. de 2021 – atual"), "{cv}");
    let t = Test {
        args: ["export", "jsonresume"].map(String::from).to_vec(),
        ..t
    };
    let out: Value = serde_json::from_str(&t.run().success().stdout).unwrap();
    assert_valid_jsonresume(&out);
    assert_eq!(out["meta"]["language"], "pt-BR");

    // A language with no built-in locale is named and left out.
    let doc =
        json!({ "basics": { "name": "K", "label": "Engineer" }, "meta": { "language": "tlh" } });
    let run = Test::new()
        .file("in.json", &doc.to_string())
        .args(&["import", "jsonresume", "in.json"])
        .run()
        .success();
    assert!(
        warnings(&run.stderr)
            .iter()
            .any(|w| w.starts_with("dropped `meta.language`: `tlh` is no built-in locale")),
        "{}",
        run.stderr
    );
}
