//! `resume data`: print the JSON a document's template receives, for template designers
//! and for the sample data beside the built-in templates.

use super::{Reported, fail, load_content, shared};
use crate::args::DataArgs;
use crate::diagnostic::Diag;
use crate::model::Profile;
use crate::render::data::BuildInfo;
use crate::select;

pub fn run(args: &DataArgs) -> Result<(), Reported> {
    let date = shared::document_date(args.options.date.as_deref()).map_err(fail)?;
    let (_, content) = load_content(&args.content.content)?;
    let everything = Profile::default();
    let profiles =
        shared::profiles(&content, args.profile.as_deref(), &everything).map_err(fail)?;
    let [(name, profile)] = profiles[..] else {
        let names: Vec<&str> = profiles.iter().map(|(n, _)| *n).collect();
        return Err(fail(
            Diag::error("name the profile whose data to print").hint(format!(
                "for example `--profile {}`; known: {}",
                names[0],
                names.join(", ")
            )),
        ));
    };
    let selection = select::select(&content, name, profile, args.options.private);
    let info = BuildInfo {
        date,
        document: args.document.name(),
    };
    let data = shared::document_data(args.document, &selection, &content, &info);
    println!(
        "{}",
        serde_json::to_string_pretty(&data).unwrap_or_default()
    );
    Ok(())
}
