//! `resume check`: validate the content without rendering.

use super::{Reported, load_content};
use crate::args::ContentArgs;

pub fn run(args: &ContentArgs) -> Result<(), Reported> {
    let (loaded, c) = load_content(&args.content)?;
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let profiles: Vec<&str> = c.profiles.keys().map(String::as_str).collect();
    crate::say!(
        "{} is valid: {}; {}, {}, {}, {}",
        args.content.display(),
        if loaded.single {
            "one file".to_owned()
        } else {
            count(loaded.file_count, "file", "files")
        },
        count(c.experience.len(), "role", "roles"),
        count(c.projects.len(), "project", "projects"),
        count(c.case_studies.len(), "case study", "case studies"),
        count(profiles.len(), "profile", "profiles"),
    );
    if !profiles.is_empty() {
        crate::say!("profiles: {}", profiles.join(", "));
    }
    Ok(())
}
