//! What CI relies on: `--all`, a manifest it can check, a fixed date, stale outputs named
//! (and removed on request), and a failed document that does not stop the others.

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{PERSON, Test, example_content, pages, poppler};

fn all(extra: &[&str]) -> Test {
    let content = example_content();
    Test::new()
        .args(&["build", "--all", "--content", content.to_str().unwrap()])
        .args(extra)
}

#[test]
fn the_manifest_lists_every_pdf_with_pages_size_and_hash() {
    let t = all(&["--date", "2026-11-01"]);
    let run = t.run().success();
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(t.path("dist/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["date"], "2026-11-01");
    let documents = manifest["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 44, "one line per PDF written");
    assert_eq!(run.stdout.matches("wrote ").count(), 44);
    for entry in documents {
        let path = t.path(&format!("dist/{}", entry["path"].as_str().unwrap()));
        let bytes = std::fs::read(&path).unwrap();
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(entry["sha256"], hash.as_str(), "{}", path.display());
        assert_eq!(entry["bytes"], bytes.len());
        assert_eq!(entry["pages"], pages(&path));
    }
    let cv = documents
        .iter()
        .find(|e| e["path"] == "backend/Ilka-Moravec-Dunmore-CV.pdf")
        .unwrap();
    assert_eq!(
        (cv["profile"].as_str(), cv["document"].as_str()),
        (Some("backend"), Some("cv"))
    );
    // `--all` is everything: it does not mix with narrower choices.
    let run = all(&["--profile", "backend"]).run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
}

#[test]
fn the_date_comes_from_the_flag_then_source_date_epoch_then_the_content() {
    let creation = |t: &Test| {
        let info = poppler("pdfinfo", &[], &super::doc(&t.path("dist/all"), "-CV.pdf"));
        info.lines()
            .find(|l| l.starts_with("CreationDate:"))
            .unwrap()
            .to_owned()
    };
    let content = |t: Test| {
        t.file("content/person.yaml", PERSON)
            .file("content/meta.yaml", "updated: 2025-03-04\n")
    };
    let t = content(Test::new()).args(&["build", "cv"]);
    t.run().success();
    assert!(
        creation(&t).contains("Mar  4 00:00:00 2025"),
        "{}",
        creation(&t)
    );
    let t = content(Test::new())
        .args(&["build", "cv"])
        .env("SOURCE_DATE_EPOCH", "1700000000");
    t.run().success();
    assert!(
        creation(&t).contains("Nov 14 00:00:00 2023"),
        "{}",
        creation(&t)
    );
    let t = content(Test::new())
        .args(&["build", "cv", "--date", "2026-01-02"])
        .env("SOURCE_DATE_EPOCH", "1700000000");
    t.run().success();
    assert!(
        creation(&t).contains("Jan  2 00:00:00 2026"),
        "{}",
        creation(&t)
    );
}

#[test]
fn stale_outputs_are_named_and_removed_with_clean() {
    // `gone` is a profile once, and its CV is built; then the profile goes.
    let t = Test::new()
        .file("content/person.yaml", PERSON)
        .file(
            "content/profiles.yaml",
            "profiles:\n  all: {}\n  gone: {}\n",
        )
        .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run().success();
    assert!(super::doc(&t.path("dist/gone"), "-CV.pdf").exists());
    let t = Test {
        args: Vec::new(),
        ..t.file("content/profiles.yaml", "profiles:\n  all: {}\n")
    }
    .args(&["build", "--date", "2026-11-01"]);
    t.run().success().stderr_has(
        "warning: `dist/gone/Ada-Example-CV.pdf` is no longer built by any profile\n = hint: `resume build --all --clean` removes what the content no longer builds",
    );
    assert!(super::doc(&t.path("dist/gone"), "-CV.pdf").exists());
    // Still known as stale: a second build without --clean names it again.
    t.run()
        .success()
        .stderr_has("warning: `dist/gone/Ada-Example-CV.pdf` is no longer built by any profile");
    let t = Test {
        args: Vec::new(),
        ..t
    }
    .args(&["build", "--all", "--clean", "--date", "2026-11-01"]);
    t.run()
        .success()
        .stdout_has("removed dist/gone/Ada-Example-CV.pdf (no longer built)\n");
    assert!(!t.path("dist/gone").exists());
    let manifest = std::fs::read_to_string(t.path("dist/manifest.json")).unwrap();
    assert!(!manifest.contains("gone/"), "{manifest}");
}

#[test]
fn a_failed_document_does_not_stop_the_others() {
    let t = Test::new()
        .file("content/person.yaml", PERSON)
        .file(
            "templates/portfolio.typ",
            "#let data = json(sys.inputs.data)\n#data.nope\n",
        )
        .args(&["build", "--date", "2026-11-01"]);
    let run = t.run().failure();
    assert!(
        run.stdout
            .contains("wrote dist/all/Ada-Example-CV.pdf (1 page"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains(
            "error: dictionary does not contain key \"nope\"\n  ┌─ templates/portfolio.typ:2:7"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("error: 1 of 2 documents failed: `dist/all/Ada-Example-Portfolio.pdf`\n\n"),
        "{}",
        run.stderr
    );
    assert!(super::doc(&t.path("dist/all"), "-CV.pdf").exists());
    assert!(super::no_doc(&t.path("dist/all"), "-Portfolio.pdf"));
    let manifest = std::fs::read_to_string(t.path("dist/manifest.json")).unwrap();
    assert!(
        manifest.contains("\"all/Ada-Example-CV.pdf\"") && !manifest.contains("portfolio"),
        "{manifest}"
    );
}

#[test]
fn the_typst_input_of_a_document_can_be_written_out() {
    let content = example_content();
    let args = [
        "data",
        "portfolio",
        "--profile",
        "backend",
        "--date",
        "2026-11-01",
        "--content",
        content.to_str().unwrap(),
    ];
    let json = Test::new().args(&args).run().success().stdout;
    let t = Test::new().args(&args).args(&["--typst", "input"]);
    t.run().success().stdout_starts_with("wrote the Typst input of the portfolio to input; compile it with\n  typst compile --root input --font-path input/fonts --ignore-system-fonts input/templates/portfolio.typ\n");
    assert_eq!(
        std::fs::read_to_string(t.path("input/templates/sample/portfolio.json")).unwrap() + "\n",
        json
    );
    for file in [
        "templates/lib.typ",
        "templates/portfolio.typ",
        "fonts/Inter-Regular.otf",
        "content/figures/ledger-architecture.svg",
    ] {
        assert!(t.path(&format!("input/{file}")).is_file(), "{file} missing");
    }
}

#[test]
fn builds_at_the_same_time_into_one_folder_keep_each_others_manifest_entries() {
    // Each build reads, changes and writes the manifest; without a lock the last one
    // to write lost what the others had written in between.
    let mut yaml = format!("{PERSON}profiles:\n");
    for i in 0..12 {
        yaml += &format!("  p{i}: {{}}\n");
    }
    let t = Test::new().file("content/person.yaml", &yaml);
    let children: Vec<_> = (0..12)
        .map(|i| {
            std::process::Command::new(env!("CARGO_BIN_EXE_resume"))
                .args(["build", "cv", "--date", "2026-11-01", "--profile"])
                .arg(format!("p{i}"))
                .current_dir(t.path(""))
                .env_remove("RESUME_CONTENT")
                .env_remove("RESUME_OUT")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(t.path("dist/manifest.json")).unwrap()).unwrap();
    let paths: Vec<&str> = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = {
        let mut all: Vec<String> = (0..12)
            .map(|i| format!("p{i}/Ada-Example-CV.pdf"))
            .collect();
        all.sort();
        all
    };
    assert_eq!(paths, expected);
}

#[test]
fn an_entry_whose_file_changed_is_noticed_and_repaired() {
    // `kill -9` after a PDF was written and before the manifest: the manifest's entry
    // no longer matches the file. The next build, of anything, records the file as it is.
    let t =
        Test::new()
            .file("content/person.yaml", PERSON)
            .args(&["build", "--date", "2026-11-01"]);
    t.run().success();
    let other = std::fs::read(super::doc(&t.path("dist/all"), "-Portfolio.pdf")).unwrap();
    std::fs::write(super::doc(&t.path("dist/all"), "-CV.pdf"), &other).unwrap();
    let run = t.args(&["portfolio"]);
    let result = run.run().success();
    assert!(
        result.stderr.contains(
            "warning: `dist/all/Ada-Example-CV.pdf` changed since the manifest recorded it (a build was interrupted?); the manifest now records it as it is"
        ),
        "{}",
        result.stderr
    );
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(run.path("dist/manifest.json")).unwrap()).unwrap();
    let cv = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "all/Ada-Example-CV.pdf")
        .unwrap()
        .clone();
    let sha: String = Sha256::digest(&other)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(cv["sha256"], sha.as_str());
    assert_eq!(cv["bytes"], other.len());
    assert_eq!(
        cv["pages"],
        pages(&super::doc(&run.path("dist/all"), "-CV.pdf"))
    );
    // Repaired once: the next build has nothing to say.
    let again = run.run().success();
    assert!(!again.stderr.contains("changed since"), "{}", again.stderr);
}

#[test]
fn a_release_uploads_no_two_files_with_one_name() {
    // The release attaches one zip per profile (the names repeat from profile to
    // profile) and the manifest: within a zip, as within a folder on any system, no two
    // files may share a name, even one that differs only in case.
    let t = all(&["--date", "2026-11-01"]);
    t.run().success();
    let workflow = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml"),
    )
    .unwrap();
    assert!(workflow.contains("release/${profile}.zip"), "{workflow}");
    let mut uploads = vec!["manifest.json".to_owned()];
    for entry in std::fs::read_dir(t.path("dist")).unwrap() {
        let entry = entry.unwrap();
        if !entry.file_type().unwrap().is_dir() {
            continue;
        }
        let profile = entry.file_name().to_string_lossy().into_owned();
        uploads.push(format!("{profile}.zip"));
        let mut names = std::collections::BTreeSet::new();
        for file in std::fs::read_dir(entry.path()).unwrap() {
            let file = file.unwrap();
            assert!(file.file_type().unwrap().is_file(), "{:?}", file.path());
            let name = file.file_name().to_string_lossy().into_owned();
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
                "{profile}/{name} is not plain ASCII"
            );
            assert!(name.starts_with("Ilka-Moravec-Dunmore-"), "{name}");
            assert!(names.insert(name.to_lowercase()), "{profile}/{name} twice");
        }
        assert!(names.len() >= 5, "{profile}: {names:?}");
    }
    let unique: std::collections::BTreeSet<String> =
        uploads.iter().map(|u| u.to_lowercase()).collect();
    assert_eq!(unique.len(), uploads.len(), "{uploads:?}");
    assert_eq!(
        uploads.len(),
        6,
        "five profiles and the manifest: {uploads:?}"
    );
}

#[test]
fn file_names_follow_the_design_pattern_and_the_name_flag() {
    let content = "person:\n  name: Zoë Łukasz\n  headline: Engineer\n\
                   design:\n  file_names: \"{name}_{profile}_{document}_{date}\"\n\
                   profiles:\n  web:\n    select: all\n";
    let t =
        Test::new()
            .file("content/cv.yaml", content)
            .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run()
        .success()
        .stdout_has("wrote dist/web/Zoe-Lukasz_web_CV_2026-11-01.pdf (1 page");
    // `--name` comes first; the manifest and stale files follow the names.
    let t = t.args(&["--name", "{document}-{name}"]);
    let run = t.run().success();
    assert!(
        run.stdout
            .contains("wrote dist/web/CV-Zoe-Lukasz.pdf (1 page"),
        "{}",
        run.stdout
    );
    let manifest = std::fs::read_to_string(t.path("dist/manifest.json")).unwrap();
    assert!(manifest.contains("\"web/CV-Zoe-Lukasz.pdf\""), "{manifest}");
    // A pattern that is no file name is an error: in the content at its place, and on
    // the command line.
    Test::new()
        .file("content/cv.yaml", &content.replace("{date}", "{dte}"))
        .args(&["check"])
        .run()
        .failure()
        .stderr_has("error: the file name pattern `{name}_{profile}_{document}_{dte}` has an unknown placeholder `{dte}`")
        .stderr_has("┌─ content/cv.yaml:5:15");
    Test::new()
        .file("content/cv.yaml", content)
        .args(&["build", "--name", "../{document}"])
        .run()
        .failure()
        .stderr_has("error: the file name pattern `../{document}` has `/` in it");
}

#[test]
fn two_handouts_named_alike_are_an_error_before_anything_is_written() {
    let projects = "projects:\n  - {id: a, title: Same Name, tagline: t, handout: true}\n  - {id: b, title: Same name, tagline: t, handout: true}\n";
    let t = Test::with_content("projects.yaml", projects).args(&["build", "case-study"]);
    t.run().failure().stderr_has(
        "error: the handout of `a` and the handout of `b` of profile `all` would both be written to `dist/all/Ada-Example-Same-name.pdf`",
    );
    assert!(!t.path("dist/all").exists());
    // With the id in the pattern they are told apart.
    t.args(&["--name", "{name}-{id}"])
        .run()
        .success()
        .stdout_has("wrote dist/all/Ada-Example-a.pdf")
        .stdout_has("wrote dist/all/Ada-Example-b.pdf");
}
