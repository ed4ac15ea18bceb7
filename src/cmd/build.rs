//! `resume build`: load, select per profile, render each document, write atomically.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{Reported, fail, load_content, shared};
use crate::args::{BuildArgs, Document};
use crate::diagnostic::Diag;
use crate::load::io_reason;
use crate::render::{self, data};
use crate::select;

pub fn run(args: &BuildArgs) -> Result<(), Reported> {
    let started = Instant::now();
    let date = shared::document_date(args.options.date.as_deref()).map_err(fail)?;
    let (loaded, content) = load_content(&args.content.content)?;
    check_out_dir(&args.out, &loaded.dir).map_err(fail)?;

    let profiles = shared::profiles(&content, args.profile.as_deref()).map_err(fail)?;
    let documents = args.document.map_or(Document::ALL.to_vec(), |d| vec![d]);

    // The project root is the folder that holds the content folder: templates/ sits there.
    let root = loaded
        .dir
        .parent()
        .map_or_else(|| loaded.dir.clone(), Path::to_path_buf);
    let mut world = render::world(root, args.system_fonts, date);
    let mut files = loaded.files;
    let extra = shared::command_line_filter(&args.selectors, &content, &mut files)?;
    let mut written = 0;
    for rules in profiles {
        let name = rules.name.as_str();
        let selection = select::select(&content, rules, &extra, args.options.private);
        for &document in &documents {
            let t = Instant::now();
            let info = data::BuildInfo {
                date,
                document: document.name(),
            };
            let json = shared::document_data(document, &selection, &content, &info);
            let rendered = match render::render(
                &mut world,
                document.template(),
                &json,
                date,
                &mut files,
            ) {
                Ok(r) => r,
                Err(diags) => {
                    files.emit(&diags);
                    return Err(fail(Diag::error(format!(
                        "the {} of profile `{name}` could not be built; nothing was written for it",
                        document.name()
                    ))));
                }
            };
            files.emit(&rendered.warnings);
            let listed = rules
                .documents
                .get(document.name())
                .map(|d| d.sections.as_slice())
                .unwrap_or_default();
            for section in selection
                .emptied_sections()
                .into_iter()
                .filter(|s| listed.iter().any(|l| l == s))
            {
                files.emit(&[Diag::warning(format!(
                    "the {} of profile `{name}` shows nothing in its `{section}` section",
                    document.name()
                ))
                .hint(format!(
                    "every entry is left out; `resume list --profile {name}` shows why"
                ))]);
            }
            let path = args.out.join(name).join(format!("{}.pdf", document.name()));
            write_atomically(&path, &rendered.pdf).map_err(fail)?;
            written += 1;
            let s = if rendered.pages == 1 { "" } else { "s" };
            println!(
                "wrote {} ({} page{s}, {} ms)",
                path.display(),
                rendered.pages,
                t.elapsed().as_millis()
            );
        }
    }
    let s = if written == 1 { "" } else { "s" };
    println!(
        "built {written} document{s} in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Refuses an output folder inside the content folder: a build never writes over content.
fn check_out_dir(out: &Path, content: &Path) -> Result<(), Diag> {
    let absolute = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    // The out folder may not exist yet: compare the nearest existing ancestor.
    let existing = absolute.ancestors().find_map(|a| a.canonicalize().ok());
    if existing.is_some_and(|e| e.starts_with(content)) {
        return Err(Diag::error(format!(
            "the output folder `{}` is inside the content folder",
            out.display()
        ))
        .hint("write the PDFs elsewhere, for example `--out dist`"));
    }
    Ok(())
}

/// Writes to a temporary file beside `path`, then renames it into place, so that a
/// reader never sees a half-written PDF and a failure leaves the old file as it was.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Diag> {
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let cannot = |e: std::io::Error| {
        Diag::error(format!(
            "cannot write `{}`: {}",
            path.display(),
            io_reason(&e)
        ))
    };
    std::fs::create_dir_all(&dir).map_err(cannot)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".resume-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(cannot)?;
    tmp.write_all(bytes).map_err(cannot)?;
    tmp.as_file().sync_all().map_err(cannot)?;
    tmp.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}
