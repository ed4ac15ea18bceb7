//! `resume data`: print the JSON a document's template receives, for template designers
//! and for the sample data beside the built-in templates.

use super::{Reported, fail, load_content, shared};
use crate::args::{DataArgs, Document};
use crate::diagnostic::Diag;
use std::path::Path;

use crate::load::io_reason;
use crate::render::data::{self, BuildInfo};
use crate::render::{self, fit, fonts, templates};
use crate::select;

pub fn run(args: &DataArgs) -> Result<(), Reported> {
    let (loaded, content) = load_content(&args.content.content)?;
    let date =
        shared::document_date(args.options.date.as_deref(), content.updated).map_err(fail)?;
    let mut files = loaded.files;
    let extra = shared::command_line_filter(&args.selectors, &content, &mut files)?;
    let rules = shared::one_profile(&content, args.profile.as_deref(), "whose data to print")
        .map_err(fail)?;
    let (content, rules) = content.in_language(rules);
    let selection = select::select(content, rules, &extra, args.options.private);
    let content_root = shared::content_root(&loaded.dir, loaded.single);
    let info = BuildInfo {
        date,
        document: args.document.name(),
        content_root: &content_root,
        theme: args.options.theme,
    };
    let mut handout = None;
    let data = match args.document {
        Document::CaseStudy => {
            let only: Vec<String> = args.project.iter().cloned().collect();
            match data::handouts(&selection, content, &info, &only)
                .into_iter()
                .next()
            {
                Some(h) => {
                    let data = h.data.clone();
                    handout = Some(h);
                    data
                }
                None => {
                    return Err(fail(
                        Diag::error(format!("profile `{}` has no handout to print", rules.name))
                            .hint("`resume list` shows the projects it selects; `--project ID` picks one"),
                    ));
                }
            }
        }
        document => shared::document_data(document, &selection, content, &info),
    };
    let Some(dir) = &args.typst else {
        crate::say!(
            "{}",
            serde_json::to_string_pretty(&data).unwrap_or_default()
        );
        return Ok(());
    };
    let root = loaded.root.clone();
    let mut world = render::world(root, false, date);
    // A CV is compiled as it would be built: fitted to its page budget.
    let doc_rules = rules.documents.get(args.document.name());
    let data = match args.document {
        Document::Cv if doc_rules.is_none_or(|d| d.fit) => {
            let draft = data::cv_draft(&selection, content, &info);
            let budget = doc_rules.map_or(1, |d| d.pages);
            let fitted = fit::fit(&mut world, "cv.typ", &draft, budget, None, &mut files).map_err(
                |diags| {
                    files.emit(&diags);
                    Reported
                },
            )?;
            draft.apply(fitted.plan.drop, fitted.plan.tighten)
        }
        // A handout likewise: fitted to its pages, or whole when even its minimum is not.
        Document::CaseStudy
            if let Some(handout) = handout.as_ref().filter(|_| doc_rules.is_none_or(|d| d.fit)) =>
        {
            let budget = doc_rules.map_or(2, |d| d.pages);
            let template = args.document.template();
            match fit::search(&mut world, template, handout, budget, None, &mut files) {
                Ok(fit::Search::Fits(fitted)) => {
                    handout.apply(fitted.plan.drop, fitted.plan.tighten)
                }
                Ok(fit::Search::Overflows { .. }) => data,
                Err(diags) => {
                    files.emit(&diags);
                    return Err(Reported);
                }
            }
        }
        _ => data,
    };
    export_typst(
        dir,
        args.document,
        &data,
        &world,
        &loaded.dir,
        &content_root,
    )
    .map_err(fail)
}

/// Writes what the official `typst` CLI needs to compile the same document: the
/// templates (the project's or the built-in ones), the data as the template's sample,
/// the figures it names, and the fonts compiled into resume.
fn export_typst(
    dir: &Path,
    document: Document,
    data: &serde_json::Value,
    world: &render::ResumeWorld,
    content_dir: &Path,
    content_root: &str,
) -> Result<(), Diag> {
    let write = |rel: &str, bytes: &[u8]| -> Result<(), Diag> {
        let path = dir.join(rel);
        let cannot = |e: std::io::Error| {
            Diag::error(format!(
                "cannot write `{}`: {}",
                path.display(),
                io_reason(&e)
            ))
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(cannot)?;
        }
        std::fs::write(&path, bytes).map_err(cannot)
    };
    for (name, _) in templates::BUILTIN
        .iter()
        .filter(|(n, _)| n.ends_with(".typ"))
    {
        write(&format!("templates/{name}"), &world.template_bytes(name))?;
    }
    let json = serde_json::to_vec_pretty(data).unwrap_or_default();
    write(&format!("templates/sample/{}.json", document.name()), &json)?;
    for (name, bytes) in fonts::OURS {
        write(&format!("fonts/{name}"), bytes)?;
    }
    // Figures are named by their path under the project root: `/content/figures/x.svg`.
    let mut paths = Vec::new();
    collect_paths(data, &mut paths);
    for path in paths {
        if let Some(rel) = path
            .strip_prefix(content_root)
            .and_then(|p| p.strip_prefix('/'))
        {
            let bytes = std::fs::read(content_dir.join(rel))
                .map_err(|e| Diag::error(format!("cannot read `{rel}`: {}", io_reason(&e))))?;
            write(&path[1..], &bytes)?;
        }
    }
    let template = dir.join("templates").join(document.template());
    crate::say!(
        "wrote the Typst input of the {} to {}; compile it with",
        document.name(),
        dir.display()
    );
    crate::say!(
        "  typst compile --root {} --font-path {} --ignore-system-fonts {}",
        dir.display(),
        dir.join("fonts").display(),
        template.display()
    );
    Ok(())
}

/// Every `"path"` string in the data.
fn collect_paths(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("path", serde_json::Value::String(p)) => out.push(p.clone()),
                    _ => collect_paths(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_paths(v, out)),
        _ => {}
    }
}
