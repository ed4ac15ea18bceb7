//! One-file mode: `--content FILE` reads one YAML file holding every section.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Test, copy_dir, example_content};

/// Every file under `dir`, by its path relative to it, with its bytes.
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The example content's files as one file, in the order the loader reads a folder.
fn example_as_one_file() -> String {
    let root = example_content();
    let mut paths = Vec::new();
    fn yaml(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                yaml(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    yaml(&root, &mut paths);
    paths.sort();
    let texts: Vec<(String, String)> = paths
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let refs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    resume::cmd::new::one_file(&refs)
}

#[test]
fn one_file_builds_the_same_bytes_as_the_folder() {
    // The example as a folder, and the same as one file with its figures beside it;
    // neither has templates/ or fonts/, so both use the built-in ones.
    let folder = Test::new().args(&["build", "--profile", "backend", "--date", "2026-11-01"]);
    copy_dir(&example_content(), &folder.path("content"));
    let single = Test::new()
        .file("my-cv.yaml", &example_as_one_file())
        .args(&[
            "build",
            "--content",
            "my-cv.yaml",
            "--profile",
            "backend",
            "--date",
            "2026-11-01",
        ]);
    copy_dir(&example_content().join("figures"), &single.path("figures"));
    // The example application's posting, which it names relative to the content.
    copy_dir(
        &example_content().join("applications"),
        &single.path("applications"),
    );
    folder.run().success();
    let run = single.run().success();
    assert!(run.stdout.contains("wrote dist/backend/"), "{}", run.stdout);
    let ours = files_under(&folder.path("dist"));
    let theirs = files_under(&single.path("dist"));
    let pdfs = |m: &BTreeMap<PathBuf, Vec<u8>>| -> Vec<PathBuf> {
        m.keys()
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .cloned()
            .collect()
    };
    assert!(pdfs(&ours).len() >= 3, "{:?}", ours.keys());
    assert_eq!(pdfs(&ours), pdfs(&theirs));
    for pdf in pdfs(&ours) {
        assert!(ours[&pdf] == theirs[&pdf], "{} differs", pdf.display());
    }
}

#[test]
fn errors_point_into_the_one_file() {
    Test::new()
        .file(
            "my-cv.yaml",
            "person:\n  name: Ada Example\n  headline: Engineer\nprojects:\n  - id: x\n    title: X\n    techstack: [a]\n",
        )
        .args(&["check", "--content", "my-cv.yaml"])
        .run()
        .failure()
        .stderr_has("┌─ my-cv.yaml:7:5");
}

#[test]
fn new_single_starts_one_file_that_builds_like_the_folder() {
    let mut t = Test::new()
        .args(&["new", "--single", "cv/my-cv.yaml"])
        .file("cv/notes.txt", "mine\n");
    t.run()
        .success()
        .stdout_has("wrote cv/my-cv.yaml\n")
        .stdout_has("build it with `resume build --content cv/my-cv.yaml`");
    assert_eq!(
        std::fs::read_to_string(t.path("cv/notes.txt")).unwrap(),
        "mine\n"
    );
    assert!(t.path("cv/schema.json").is_file());
    // A second time refuses, and leaves the file as it was.
    let before = std::fs::read(t.path("cv/my-cv.yaml")).unwrap();
    t.args.clear();
    let t = t.args(&["new", "--single", "cv/my-cv.yaml"]);
    t.run()
        .failure()
        .stderr_has("error: `cv/my-cv.yaml` is already there");
    assert_eq!(std::fs::read(t.path("cv/my-cv.yaml")).unwrap(), before);
}

#[test]
fn the_starter_as_one_file_builds_what_the_starter_folder_builds() {
    let mut folder = Test::new().args(&["new", "a"]);
    folder.run().success();
    folder.args.clear();
    let folder = folder.args(&["build", "--content", "a/content", "--out", "a/dist", "cv"]);
    folder.run().success();
    let mut single = Test::new().args(&["new", "--single", "b"]);
    single.run().success().stdout_has("wrote b/resume.yaml\n");
    single.args.clear();
    let single = single.args(&[
        "build",
        "--content",
        "b/resume.yaml",
        "--out",
        "b/dist",
        "cv",
    ]);
    single.run().success();
    let ours = files_under(&folder.path("a/dist"));
    let theirs = files_under(&single.path("b/dist"));
    assert!(
        ours.keys()
            .any(|p| p.extension().is_some_and(|e| e == "pdf"))
    );
    for pdf in ours
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
    {
        assert!(ours[pdf] == theirs[pdf], "{} differs", pdf.display());
    }
}
