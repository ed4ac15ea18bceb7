//! `resume check`: validate the content without rendering.

use super::{Reported, load_content_with};
use crate::args::CheckArgs;

pub fn run(args: &CheckArgs) -> Result<(), Reported> {
    let (loaded, c) = load_content_with(&args.content.content, args.strict)?;
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let profiles: Vec<&str> = c.profiles.keys().map(String::as_str).collect();
    crate::say!(
        "{} is valid: {}; {}, {}, {}, {}",
        args.content.content.display(),
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
    if !c.applications.is_empty() {
        let ids: Vec<&str> = c.applications.keys().map(String::as_str).collect();
        crate::say!("applications: {} (`resume apply <id>`)", ids.join(", "));
    }
    Ok(())
}
