//! `resume new`: a fresh project that builds at once — a person, three roles, skills,
//! education, two projects, one case study, a talk and a section of one's own, two profiles, a job application, and the JSON Schema beside `content/` for editors.

use std::path::Path;

use super::build::write_atomically;
use super::{Reported, fail};
use crate::diagnostic::Diag;
use crate::load::io_reason;

/// The starter content, relative to the new project's folder.
const FILES: &[(&str, &str)] = &[
    (
        "content/person.yaml",
        include_str!("new/content/person.yaml"),
    ),
    (
        "content/experience.yaml",
        include_str!("new/content/experience.yaml"),
    ),
    (
        "content/skills.yaml",
        include_str!("new/content/skills.yaml"),
    ),
    (
        "content/education.yaml",
        include_str!("new/content/education.yaml"),
    ),
    (
        "content/projects/order-api.yaml",
        include_str!("new/content/projects/order-api.yaml"),
    ),
    (
        "content/projects/report-pipeline.yaml",
        include_str!("new/content/projects/report-pipeline.yaml"),
    ),
    (
        "content/case-studies/order-api-duplicates.yaml",
        include_str!("new/content/case-studies/order-api-duplicates.yaml"),
    ),
    (
        "content/sections.yaml",
        include_str!("new/content/sections.yaml"),
    ),
    (
        "content/applications/harbourline.yaml",
        include_str!("new/content/applications/harbourline.yaml"),
    ),
    (
        "content/applications/harbourline.txt",
        include_str!("new/content/applications/harbourline.txt"),
    ),
    (
        "content/profiles.yaml",
        include_str!("new/content/profiles.yaml"),
    ),
    (".gitignore", GITIGNORE),
];

/// The starter's content files, without the rest.
const CONTENT_FILES: &[(&str, &str)] = FILES.split_at(FILES.len() - 1).0;

/// The starter's YAML files, which `--single` writes as one file.
fn yaml_files() -> Vec<(&'static str, &'static str)> {
    CONTENT_FILES
        .iter()
        .copied()
        .filter(|(rel, _)| rel.ends_with(".yaml"))
        .collect()
}

/// The starter's other content files (the application's posting), which `--single`
/// writes beside the one file, where the content names them.
fn other_files() -> Vec<(&'static str, &'static str)> {
    CONTENT_FILES
        .iter()
        .filter(|(rel, _)| !rel.ends_with(".yaml"))
        .map(|(rel, text)| (rel.strip_prefix("content/").unwrap_or(rel), *text))
        .collect()
}

const GITIGNORE: &str = "dist/\n";

/// Where `resume new` puts the workflow that publishes the documents.
const WORKFLOW_PATH: &str = ".github/workflows/documents.yml";

/// The workflow for the user's content repository: on each tag, the released `resume`
/// of this version builds every document and attaches them to the release. `content`
/// is the `--content` it builds from.
pub fn workflow(content: &str) -> String {
    let repository = env!("CARGO_PKG_REPOSITORY")
        .trim_start_matches("https://github.com/")
        .trim_end_matches('/');
    include_str!("new/github/documents.yml")
        .replace("@VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@REPOSITORY@", repository)
        .replace("@CONTENT@", content)
}

pub fn run(dir: &Path, single: bool) -> Result<(), Reported> {
    let named_file = single
        && matches!(
            dir.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
    if named_file {
        return run_file(dir);
    }
    must_be_empty(dir)?;
    let mut schema = serde_json::to_string_pretty(&super::schema::schema()).unwrap_or_default();
    schema.push('\n');
    let whole = one_file(&yaml_files());
    let flow = workflow(if single { SINGLE_NAME } else { "content" });
    let files: Vec<(&str, &str)> = if single {
        let mut files = vec![(SINGLE_NAME, whole.as_str()), (".gitignore", GITIGNORE)];
        files.extend(other_files());
        files
    } else {
        FILES.to_vec()
    };
    let files = files.into_iter().chain([
        ("schema.json", schema.as_str()),
        (WORKFLOW_PATH, flow.as_str()),
    ]);
    for (rel, text) in files {
        let path = dir.join(rel);
        write_atomically(&path, text.as_bytes()).map_err(fail)?;
        crate::say!("wrote {}", path.display());
    }
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", dir.display())
    };
    let build = if single {
        format!("resume build --content {SINGLE_NAME}")
    } else {
        "resume build".to_owned()
    };
    crate::say!(
        "a new project is in `{}`; build it with `{cd}{build}`, then make the content your own",
        dir.display()
    );
    Ok(())
}

/// The name of the one content file `new --single DIR` writes.
const SINGLE_NAME: &str = "resume.yaml";

/// `new --single FILE`: the one content file, in a folder that may hold other files
/// (`schema.json`, `.gitignore` and the workflow are added beside it when they are not
/// there).
fn run_file(file: &Path) -> Result<(), Reported> {
    if file.symlink_metadata().is_ok() {
        return Err(fail(
            Diag::error(format!("`{}` is already there", file.display()))
                .hint("nothing was written; name a new file, or move that one away"),
        ));
    }
    let folder = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let whole = one_file(&yaml_files());
    write_atomically(file, whole.as_bytes()).map_err(fail)?;
    crate::say!("wrote {}", file.display());
    let mut schema = serde_json::to_string_pretty(&super::schema::schema()).unwrap_or_default();
    schema.push('\n');
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let flow = workflow(&name);
    let beside = [
        ("schema.json", schema.as_str()),
        (".gitignore", GITIGNORE),
        (WORKFLOW_PATH, flow.as_str()),
    ];
    for (rel, text) in beside.into_iter().chain(other_files()) {
        let path = folder.join(rel);
        if path.symlink_metadata().is_ok() {
            continue;
        }
        write_atomically(&path, text.as_bytes()).map_err(fail)?;
        crate::say!("wrote {}", path.display());
    }
    crate::say!(
        "a new project is in `{}`; build it with `resume build --content {}`, then make the content your own",
        file.display(),
        file.display()
    );
    Ok(())
}

fn must_be_empty(dir: &Path) -> Result<(), Reported> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(fail(
                    Diag::error(format!("`{}` is not empty", dir.display())).hint(
                        "nothing was written; `resume new` starts a project in an empty or new folder: `resume new my-resume`",
                    ),
                ));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(fail(Diag::error(format!(
            "cannot read `{}`: {}",
            dir.display(),
            io_reason(&e)
        )))),
    }
}

/// Content files (each a mapping of top-level sections, written as the starter and the
/// example are: a section's key at the start of a line, its body indented) as one file:
/// a section that several files hold (`projects:`) gets their entries one after the
/// other, in file order; comments are kept where they were. The editor modeline of each
/// file is replaced by one for the whole, naming `schema.json` beside it.
pub fn one_file(files: &[(&str, &str)]) -> String {
    // Each section: its key line, then what follows it (comments and body).
    let mut sections: Vec<(String, String)> = Vec::new();
    for (_, text) in files {
        let mut current: Option<usize> = None;
        let mut pending = String::new();
        for line in text.lines() {
            // The modeline, and the empty comment line under it.
            if line.starts_with("# yaml-language-server:")
                || (line == "#" && current.is_none() && pending.is_empty())
            {
                continue;
            }
            let top =
                !line.is_empty() && !line.starts_with([' ', '\t', '#', '-']) && line.contains(':');
            if top {
                let key = line.split(':').next().unwrap_or_default().trim().to_owned();
                let at = match sections.iter().position(|(k, _)| *k == key) {
                    Some(at) => {
                        // The key is there already: its entries follow the earlier ones.
                        sections[at].1.push_str(&pending);
                        at
                    }
                    None => {
                        sections.push((key, format!("{pending}{line}\n")));
                        sections.len() - 1
                    }
                };
                pending.clear();
                current = Some(at);
            } else if let Some(at) = current {
                sections[at].1.push_str(line);
                sections[at].1.push('\n');
            } else {
                pending.push_str(line);
                pending.push('\n');
            }
        }
    }
    let mut out = String::from("# yaml-language-server: $schema=schema.json\n");
    for (_, text) in sections {
        // One blank line between sections, however the files ended.
        out.push('\n');
        out.push_str(text.trim_matches('\n'));
        out.push('\n');
    }
    out
}
