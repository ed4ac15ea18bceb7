//! `resume export`: a profile's selection in another format (JSON Resume), for the tools
//! and job sites that read it.

use super::build::write_atomically;
use super::{Reported, fail, load_content, shared};
use crate::args::{ExportArgs, ExportFormat};
use crate::convert;
use crate::select;

pub fn run(args: &ExportArgs) -> Result<(), Reported> {
    let (loaded, content) = load_content(&args.content.content)?;
    let mut files = loaded.files;
    let extra = shared::command_line_filter(&args.selectors, &content, &mut files)?;
    let rules = shared::one_profile(
        &content,
        args.profile.as_deref(),
        "whose selection to export",
    )
    .map_err(fail)?;
    let (content, rules) = content.in_language(rules);
    let selection = select::select(content, rules, &extra, args.private);
    let value = match args.format {
        ExportFormat::Jsonresume => convert::jsonresume::export(&selection, content),
    };
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    match &args.out {
        None => crate::say_raw!("{text}"),
        Some(path) => {
            write_atomically(path, text.as_bytes()).map_err(fail)?;
            eprintln!(
                "wrote {} (profile `{}`, JSON Resume)",
                path.display(),
                rules.name
            );
        }
    }
    Ok(())
}
