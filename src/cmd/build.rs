//! `resume build`: load, select per profile, render each document, write atomically.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::fit_cache::{self, FitCache};
use super::{Reported, fail, load_content, shared};
use crate::args::{BuildArgs, Document};
use crate::diagnostic::Diag;
use crate::diagnostic::SourceFiles;
use crate::load::io_reason;
use crate::render::{self, data, fit};
use crate::select;

pub fn run(args: &BuildArgs) -> Result<(), Reported> {
    let started = Instant::now();
    let date = shared::document_date(args.options.date.as_deref()).map_err(fail)?;
    let (loaded, content) = load_content(&args.content.content)?;
    check_out_dir(&args.out, &loaded.dir).map_err(fail)?;
    let profiles = shared::profiles(&content, args.profile.as_deref()).map_err(fail)?;
    let documents = args.document.map_or(Document::ALL.to_vec(), |d| vec![d]);
    let mut files = loaded.files;
    let extra = shared::command_line_filter(&args.selectors, &content, &mut files)?;
    check_projects(&args.projects, &content).map_err(fail)?;

    // The project root is the folder that holds the content folder: templates/ sits there.
    let root = loaded
        .dir
        .parent()
        .map_or_else(|| loaded.dir.clone(), Path::to_path_buf);
    let content_root = shared::content_root(&loaded.dir);
    let mut world = render::world(root, args.system_fonts, date);
    for rules in &profiles {
        let design = rules.design.over(&content.design);
        if let Some(font) = &design.font {
            world.check_font(font).map_err(|diag| {
                files.emit(&[diag]);
                Reported
            })?;
        }
    }

    let mut cache = FitCache::open(&args.out);
    let mut written = 0;
    let mut handouts_wanted = args.projects.is_empty();
    for rules in profiles {
        let name = rules.name.as_str();
        let selection = select::select(&content, rules, &extra, args.options.private);
        for &document in &documents {
            let info = data::BuildInfo {
                date,
                document: document.name(),
                content_root: &content_root,
                theme: args.options.theme,
            };
            // What this document writes: one file, or one per handout.
            let doc_rules = rules.documents.get(document.name());
            let jobs: Vec<(PathBuf, Job)> = match document {
                Document::CaseStudy => data::handouts(&selection, &content, &info, &args.projects)
                    .into_iter()
                    .map(|h| {
                        (
                            args.out
                                .join(name)
                                .join("case-studies")
                                .join(format!("{}.pdf", h.id)),
                            Job::Plain(h.data),
                        )
                    })
                    .collect(),
                Document::Cv if doc_rules.is_none_or(|d| d.fit) => {
                    let path = args.out.join(name).join("cv.pdf");
                    let budget = doc_rules.map_or(1, |d| d.pages);
                    vec![(
                        path,
                        Job::Fit(data::cv_draft(&selection, &content, &info), budget),
                    )]
                }
                _ => {
                    let path = args.out.join(name).join(format!("{}.pdf", document.name()));
                    vec![(
                        path,
                        Job::Plain(shared::document_data(document, &selection, &content, &info)),
                    )]
                }
            };
            handouts_wanted |= document == Document::CaseStudy && !jobs.is_empty();
            warn_emptied(&selection, document, name, &files);
            for (path, job) in jobs {
                let t = Instant::now();
                let failed = |files: &mut SourceFiles, diags: Vec<Diag>| {
                    files.emit(&diags);
                    fail(Diag::error(format!(
                        "`{}` of profile `{name}` could not be built; it was not written",
                        path.display()
                    )))
                };
                let (rendered, passes) = match job {
                    Job::Plain(json) => {
                        let rendered = render::render(
                            &mut world,
                            document.template(),
                            &json,
                            date,
                            &mut files,
                        );
                        (rendered.map_err(|d| failed(&mut files, d))?, 1)
                    }
                    Job::Fit(draft, budget) => {
                        let cache_name = format!("{name}/{}", document.name());
                        let key = fit_key(&world, &draft, budget, args.system_fonts);
                        let known = cache.get(&cache_name, &key);
                        let fitted = fit::fit(
                            &mut world,
                            document.template(),
                            &draft,
                            budget,
                            known,
                            &mut files,
                        )
                        .map_err(|d| failed(&mut files, d))?;
                        for line in fit::describe(&draft.removals, fitted.plan, budget) {
                            files.emit(&[Diag::warning(format!(
                                "the {} of profile `{name}`: {line}",
                                document.name()
                            ))]);
                        }
                        cache.set(cache_name, key, fitted.plan);
                        let passes = fitted.passes;
                        (
                            render::export(fitted.compiled, &world, date, &mut files)
                                .map_err(|d| failed(&mut files, d))?,
                            passes,
                        )
                    }
                };
                files.emit(&rendered.warnings);
                if !rendered.missing.is_empty() {
                    let chars: Vec<String> = rendered
                        .missing
                        .iter()
                        .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
                        .collect();
                    files.emit(&[Diag::warning(format!(
                        "`{}`: no font has {}; they print as empty boxes",
                        path.display(),
                        chars.join(", ")
                    ))
                    .hint("`--system-fonts` also uses the fonts installed on this machine")]);
                }
                if document == Document::CaseStudy && rendered.pages > 2 {
                    files.emit(&[Diag::warning(format!("`{}` runs to {} pages; a handout reads best on one or two", path.display(), rendered.pages))
                        .hint("shorten the project's write-up, or give it `new_page` breaks in the portfolio instead")]);
                }
                write_atomically(&path, &rendered.pdf).map_err(fail)?;
                written += 1;
                let s = if rendered.pages == 1 { "" } else { "s" };
                let layout = if passes == 1 {
                    String::new()
                } else {
                    format!(", {passes} layout passes")
                };
                println!(
                    "wrote {} ({} page{s}{layout}, {} ms)",
                    path.display(),
                    rendered.pages,
                    t.elapsed().as_millis()
                );
            }
        }
    }
    if !handouts_wanted {
        return Err(fail(
            Diag::error(format!(
                "no profile selects {}",
                crate::suggest::quoted(
                    &args.projects.iter().map(String::as_str).collect::<Vec<_>>()
                )
            ))
            .hint("`resume list` shows what each profile selects"),
        ));
    }
    if let Some((path, bytes)) = cache.to_write()
        && let Err(diag) = write_atomically(path, &bytes)
    {
        // Only speed is lost: the next build searches again.
        files.emit(&[Diag {
            severity: codespan_reporting::diagnostic::Severity::Warning,
            ..diag
        }]);
    }
    let s = if written == 1 { "" } else { "s" };
    println!(
        "built {written} document{s} in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// What one output file is made from.
enum Job {
    Plain(serde_json::Value),
    /// A CV to fit into a page budget.
    Fit(data::CvDraft, usize),
}

/// Everything that decides how a CV fits: its data, the templates, the budget, the fonts
/// and this tool's version.
fn fit_key(
    world: &render::ResumeWorld,
    draft: &data::CvDraft,
    budget: usize,
    system_fonts: bool,
) -> String {
    let data = serde_json::to_vec(&draft.data).unwrap_or_default();
    let removals = format!("{:?}", draft.removals);
    let cv = world.template_bytes("cv.typ");
    let lib = world.template_bytes("lib.typ");
    let budget = budget.to_le_bytes();
    fit_cache::key(&[
        env!("CARGO_PKG_VERSION").as_bytes(),
        &data,
        removals.as_bytes(),
        &cv,
        &lib,
        &budget,
        &[u8::from(system_fonts)],
    ])
}

/// Warns about sections a document lists that the profile empties.
fn warn_emptied(
    selection: &select::Selection,
    document: Document,
    name: &str,
    files: &crate::diagnostic::SourceFiles,
) {
    let listed = selection
        .rules
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
}

/// `--project` must name projects or case studies that exist.
fn check_projects(ids: &[String], content: &crate::model::Content) -> Result<(), Diag> {
    let known: Vec<&str> = content
        .projects
        .iter()
        .map(|p| p.id.as_str())
        .chain(content.case_studies.iter().map(|c| c.id.as_str()))
        .collect();
    for id in ids {
        if !known.contains(&id.as_str()) {
            let diag = Diag::error(format!("there is no project or case study `{id}`"));
            return Err(match crate::suggest::did_you_mean(id, &known) {
                Some(s) => diag.hint(format!("did you mean `{s}`?")),
                None => diag.hint(format!("known: {}", crate::suggest::quoted(&known))),
            });
        }
    }
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
