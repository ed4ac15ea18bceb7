//! `resume data`: print the JSON a document's template receives, for template designers
//! and for the sample data beside the built-in templates.

use super::{Reported, fail, load_content, shared};
use crate::args::{DataArgs, Document};
use crate::diagnostic::Diag;
use crate::render::data::{self, BuildInfo};
use crate::select;

pub fn run(args: &DataArgs) -> Result<(), Reported> {
    let (loaded, content) = load_content(&args.content.content)?;
    let date =
        shared::document_date(args.options.date.as_deref(), content.updated).map_err(fail)?;
    let mut files = loaded.files;
    let extra = shared::command_line_filter(&args.selectors, &content, &mut files)?;
    let profiles = shared::profiles(&content, args.profile.as_deref()).map_err(fail)?;
    let [rules] = profiles[..] else {
        let names: Vec<&str> = profiles.iter().map(|r| r.name.as_str()).collect();
        return Err(fail(
            Diag::error("name the profile whose data to print").hint(format!(
                "for example `--profile {}`; known: {}",
                names[0],
                names.join(", ")
            )),
        ));
    };
    let selection = select::select(&content, rules, &extra, args.options.private);
    let content_root = shared::content_root(&loaded.dir);
    let info = BuildInfo {
        date,
        document: args.document.name(),
        content_root: &content_root,
        theme: args.options.theme,
    };
    let data = match args.document {
        Document::CaseStudy => {
            let only: Vec<String> = args.project.iter().cloned().collect();
            match data::handouts(&selection, &content, &info, &only)
                .into_iter()
                .next()
            {
                Some(h) => h.data,
                None => {
                    return Err(fail(
                        Diag::error(format!("profile `{}` has no handout to print", rules.name))
                            .hint("`resume list` shows the projects it selects; `--project ID` picks one"),
                    ));
                }
            }
        }
        document => shared::document_data(document, &selection, &content, &info),
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&data).unwrap_or_default()
    );
    Ok(())
}
