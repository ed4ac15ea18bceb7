//! `resume apply <id>`: an application's kit, built by the build pipeline into
//! `<out>/applications/<id>/`: the CV of the application's profile with its selectors
//! on top, the cover letter, and `report.md`, what the posting asks for against the
//! content.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::build::{Job, write_atomically};
use super::{Reported, fail, load_content, shared};
use crate::args::{ApplyArgs, BuildArgs, Document, Selectors};
use crate::diagnostic::Diag;
use crate::model::rules::Filter;
use crate::model::{Application, Content};
use crate::render::data::{self, BuildInfo};
use crate::select::Selection;
use crate::suggest::{did_you_mean, quoted};

/// What `apply` asks of a build.
pub struct Kit {
    pub id: String,
    /// Print the report too.
    pub report: bool,
    /// Re-rank the bullets by the posting.
    pub tailor: bool,
}

/// An application found by its id, with its parsed selectors.
pub struct Found<'c> {
    pub id: &'c str,
    pub application: &'c Application,
    pub filter: &'c Filter,
}

pub fn run(args: ApplyArgs) -> Result<(), Reported> {
    if args.data {
        return print_data(&args);
    }
    let kit = Kit {
        id: args.id,
        report: args.report,
        tailor: args.tailor,
    };
    let build = BuildArgs {
        document: None,
        all: false,
        clean: false,
        profile: None,
        content: args.content,
        out: args.out,
        selectors: Selectors {
            select: None,
            exclude: None,
        },
        options: args.options,
        projects: Vec::new(),
        system_fonts: args.system_fonts,
        verbose: args.verbose,
        output: args.output,
        name: None,
    };
    super::build::build_with(&build, None, Some(&kit))
}

/// `--data`: the letter's JSON, as `resume data` prints a document's.
fn print_data(args: &ApplyArgs) -> Result<(), Reported> {
    let (loaded, content) = load_content(&args.content.content)?;
    let date =
        shared::document_date(args.options.date.as_deref(), content.updated).map_err(fail)?;
    let app = find(&content, &args.id).map_err(fail)?;
    let rules =
        shared::one_profile(&content, Some(app.application.profile.as_str()), "").map_err(fail)?;
    let selection = crate::select::select(&content, rules, app.filter, args.options.private);
    let content_root = shared::content_root(&loaded.dir, loaded.single);
    let info = BuildInfo {
        date,
        document: Document::Letter.name(),
        content_root: &content_root,
        theme: args.options.theme,
    };
    let json = data::letter(&selection, &content, &info, app.application);
    crate::say!(
        "{}",
        serde_json::to_string_pretty(&json).unwrap_or_default()
    );
    Ok(())
}

/// The application `id`, or an error that names the known ones.
pub fn find<'c>(content: &'c Content, id: &str) -> Result<Found<'c>, Diag> {
    let (Some((id, app)), Some(filter)) = (
        content.applications.get_key_value(id),
        content.application_filters.get(id),
    ) else {
        let known: Vec<&str> = content.applications.keys().map(String::as_str).collect();
        let diag = Diag::error(format!("there is no application `{id}`"));
        return Err(match did_you_mean(id, &known) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None if known.is_empty() => diag.hint(
                "add one under `applications:` in a content file, for example `applications/acme.yaml` (see the README)",
            ),
            None => diag.hint(format!("known applications: {}", quoted(&known))),
        });
    };
    Ok(Found {
        id,
        application: &app.value,
        filter,
    })
}

/// The content with its bullets re-ranked by the posting of application `id`, and the
/// posting's terms.
pub fn tailored(
    content: Content,
    id: &str,
    dir: &Path,
) -> Result<(Content, Vec<crate::apply::Term>), Diag> {
    let app = find(&content, id)?;
    let posting = crate::load::read_posting(&app.application.posting, dir)?;
    let terms = crate::apply::posting_terms(&posting, &content);
    Ok((crate::apply::tailor(content, &terms), terms))
}

/// The kit's folder: `<out>/applications/<id>`.
pub fn folder(out: &Path, id: &str) -> PathBuf {
    out.join("applications").join(id)
}

/// A kit file's name, for the person and the company, in ASCII:
/// `Ilka-Moravec-Dunmore-CV-Northwind-Freight-Systems.pdf`. `what` is `CV` or `Letter`.
pub fn file_name(person: &str, what: &str, company: &str) -> String {
    let part = |text: &str| {
        let ascii = deunicode::deunicode(text);
        let words: Vec<&str> = ascii
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.join("-")
    };
    let parts: Vec<String> = [part(person), what.to_owned(), part(company)]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}.pdf", parts.join("-"))
}

/// The files of a kit's document: the CV, fitted as the profile's is; the letter,
/// fitted to one page by its spacing alone.
pub(super) fn jobs(
    args: &BuildArgs,
    app: &Found,
    document: Document,
    selection: &Selection,
    content: &Content,
    info: &BuildInfo,
) -> Vec<(PathBuf, Job)> {
    let dir = folder(&args.out, app.id);
    let name = |what: &str| {
        dir.join(file_name(
            &content.person.name,
            what,
            &app.application.company,
        ))
    };
    match document {
        Document::Cv => {
            let doc_rules = selection.rules.documents.get("cv");
            let job = if doc_rules.is_none_or(|d| d.fit) {
                let budget = doc_rules.map_or(1, |d| d.pages);
                Job::Fit(data::cv_draft(selection, content, info), budget)
            } else {
                Job::Plain(data::cv(selection, content, info))
            };
            vec![(name("CV"), job)]
        }
        Document::Letter => {
            let data = data::letter(selection, content, info, app.application);
            let draft = data::CvDraft {
                data,
                removals: Vec::new(),
            };
            vec![(name("Letter"), Job::Fit(draft, 1))]
        }
        // The handouts the application asks for, named for the project and the company.
        Document::CaseStudy => {
            let ids: Vec<String> = app
                .application
                .handouts
                .iter()
                .map(|h| h.value.clone())
                .collect();
            let handouts = data::handouts(selection, content, info, &ids);
            for id in ids
                .iter()
                .filter(|id| !handouts.iter().any(|h| &h.id == *id))
            {
                crate::diagnostic::SourceFiles::default().emit(&[Diag::warning(format!(
                    "application `{}`: the handout of `{id}` is not in the kit: its profile `{}` or the application's selectors leave it out",
                    app.id, app.application.profile.value
                ))
                .hint(format!("`resume list --application {}` shows why", app.id))]);
            }
            handouts
                .into_iter()
                .map(|h| {
                    let title = super::names::words(super::build::handout_title(content, &h.id));
                    (name(&title), Job::Handout(h, 2))
                })
                .collect()
        }
        Document::Portfolio => Vec::new(),
    }
}

/// The fitting's error for a CV, said of the letter.
pub(super) fn letter_overflow(diag: Diag) -> Diag {
    let Some(rest) = diag
        .message
        .strip_prefix("the CV does not fit on one page even at its minimum")
    else {
        return diag;
    };
    Diag {
        message: format!(
            "the cover letter does not fit on one page even at its tightest spacing{rest}"
        ),
        hints: vec![
            "a cover letter is one page: shorten the `letter` of the application".to_owned(),
        ],
        ..diag
    }
}

/// Writes the kit's `report.md` from the CV's data as built, and prints it if asked.
pub(super) fn write_report(
    args: &BuildArgs,
    app: &Found,
    kit: &Kit,
    content: &Content,
    dir: &Path,
    cv: &Value,
) -> Result<(), Diag> {
    let posting = crate::load::read_posting(&app.application.posting, dir)?;
    let asked = crate::apply::coverage(&posting, content, cv);
    let report = crate::apply::report(app.id, app.application, &asked, kit.tailor);
    let path = folder(&args.out, app.id).join("report.md");
    write_atomically(&path, report.as_bytes())?;
    if kit.report {
        crate::say_raw!("\n{report}");
    } else {
        crate::say!(
            "wrote {} ({} terms of the posting: {} not on the CV)",
            path.display(),
            asked.len(),
            asked
                .iter()
                .filter(|a| a.found != crate::apply::Found::OnCv)
                .count()
        );
    }
    Ok(())
}
