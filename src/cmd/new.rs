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
    (".gitignore", "dist/\n"),
];

pub fn run(dir: &Path) -> Result<(), Reported> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(fail(
                    Diag::error(format!("`{}` is not empty", dir.display())).hint(
                        "nothing was written; `resume new` starts a project in an empty or new folder: `resume new my-resume`",
                    ),
                ));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(fail(Diag::error(format!(
                "cannot read `{}`: {}",
                dir.display(),
                io_reason(&e)
            ))));
        }
    }
    let mut schema = serde_json::to_string_pretty(&super::schema::schema()).unwrap_or_default();
    schema.push('\n');
    let files = FILES
        .iter()
        .map(|(p, t)| (*p, *t))
        .chain([("schema.json", schema.as_str())]);
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
    crate::say!(
        "a new project is in `{}`; build it with `{cd}resume build`, then make the content your own",
        dir.display()
    );
    Ok(())
}
