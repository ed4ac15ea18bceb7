//! Integration tests: run the `resume` binary the way a user would and check what it
//! prints, what it writes and how it exits. One test binary, with a small builder.

mod apply;
mod build;
mod ci;
mod content_errors;
mod convert;
mod corpus;
mod coverage;
mod documents;
mod fit;
mod flow;
mod formats;
mod hostile;
mod languages;
mod literal;
mod locales;
mod long_text;
mod schema;
mod select;
mod single;
mod watch;
mod workflows;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's example content.
pub fn example_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// The one file in `folder` whose name ends in `suffix` (`-CV.pdf`): a document of a
/// profile, whoever it is named after.
#[track_caller]
pub fn doc(folder: &Path, suffix: &str) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "files ending in {suffix} in {}: {found:?}",
        folder.display()
    );
    found.into_iter().next().unwrap()
}

/// Whether no file in `folder` (or no folder) has a name ending in `suffix`.
pub fn no_doc(folder: &Path, suffix: &str) -> bool {
    std::fs::read_dir(folder).map_or(true, |entries| {
        !entries
            .map(|e| e.unwrap().path())
            .any(|p| p.to_string_lossy().ends_with(suffix))
    })
}

/// The handouts `build` wrote into a profile's folder: its PDFs but the CV and the
/// portfolio (`<Name>-CV.pdf`, `<Name>-Portfolio.pdf`).
pub fn handouts(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.ends_with(".pdf")
                && !name.ends_with("-CV.pdf")
                && !name.ends_with("-Portfolio.pdf")
        })
        .collect();
    found.sort();
    found
}

/// The file name of a handout of the example: `Ilka-Moravec-Dunmore-Halden-Ledger.pdf`.
pub fn example_handout(title: &str) -> String {
    format!(
        "Ilka-Moravec-Dunmore-{}.pdf",
        resume::cmd::names::words(title)
    )
}

/// Copies a folder and all it holds.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A scratch project: a temporary folder with files in it, and a command to run there.
pub struct Test {
    dir: tempfile::TempDir,
    pub args: Vec<String>,
    env: Vec<(String, String)>,
}

/// The smallest valid content: a person.
pub const PERSON: &str = "person:\n  name: Ada Example\n  headline: Engineer\n";

impl Default for Test {
    fn default() -> Test {
        Test::new()
    }
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().expect("temp dir"),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    /// A project whose `content/` holds a valid person and the given file.
    pub fn with_content(name: &str, text: &str) -> Test {
        Test::new()
            .file("content/person.yaml", PERSON)
            .file(&format!("content/{name}"), text)
    }

    pub fn file(self, path: &str, text: &str) -> Test {
        let path = self.dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn run(&self) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_resume"))
            .args(&self.args)
            .current_dir(self.dir.path())
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("RESUME_CONTENT")
            .env_remove("RESUME_OUT")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("run resume");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn failure(self) -> Run {
        assert_eq!(
            self.code, 1,
            "expected exit code 1\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn stderr_is(self, expected: &str) -> Run {
        assert_eq!(self.stderr, expected, "\nstderr was:\n{}", self.stderr);
        self
    }

    /// Like `stderr_is`, for a test whose CV is nearly empty on purpose: the warning that
    /// it fills little of its page (tested on its own) is left out of the comparison.
    #[track_caller]
    pub fn stderr_besides_fill_is(self, expected: &str) -> Run {
        let rest = without_fill_warning(&self.stderr);
        assert_eq!(rest, expected, "\nstderr was:\n{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn stderr_has(self, expected: &str) -> Run {
        assert!(
            self.stderr.contains(expected),
            "stderr lacks {expected:?}; it was:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_starts_with(self, expected: &str) -> Run {
        assert!(
            self.stdout.starts_with(expected),
            "stdout does not start with {expected:?}; it was:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(self, expected: &str) -> Run {
        assert!(
            self.stdout.contains(expected),
            "stdout lacks {expected:?}; it was:\n{}",
            self.stdout
        );
        self
    }
}

/// Asserts that a checked-in generated file (`path`, relative to the repository) equals
/// what the program prints now; with `UPDATE_SAMPLES=1` it is rewritten instead.
#[track_caller]
pub fn assert_current(path: &str, actual: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_SAMPLES").is_some() {
        std::fs::write(&file, actual).unwrap();
    }
    let current = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        current == actual,
        "{path} is stale: run `UPDATE_SAMPLES=1 cargo test` and commit it"
    );
}

/// Runs a poppler tool on a PDF and returns its output.
pub fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("`{tool}` is needed by the tests (Debian: poppler-utils): {e}"));
    assert!(out.status.success(), "{tool} failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Page count, from `pdfinfo`.
pub fn pages(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[], pdf);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("pdfinfo prints Pages:");
    line["Pages:".len()..].trim().parse().expect("a page count")
}

/// The text in content-stream order (`pdftotext -raw`), which is our reading order.
pub fn text(pdf: &Path) -> String {
    poppler("pdftotext", &["-raw"], pdf)
}

/// `stderr` without the warnings that a CV fills little of its page (and their hints).
pub fn without_fill_warning(stderr: &str) -> String {
    stderr
        .split_inclusive("\n\n")
        .filter(|b| !(b.starts_with("warning: ") && b.contains(" of its page: profile `")))
        .collect()
}
