//! One file per command. Each prints its own output and diagnostics.

mod apply;
mod build;
mod check;
mod completions;
mod data;
mod export;
mod fit_cache;
mod import;
mod list;
mod manifest;
pub mod names;
pub mod new;
mod outputs;
pub mod schema;
mod serve;
mod shared;
mod templates;
mod watch;

use crate::args::{Command, TemplatesCommand};
use crate::diagnostic::{Diag, SourceFiles};
use crate::load::{self, Loaded};
use crate::model::Content;

/// A failure that has been printed already; the process exits with code 1.
#[derive(Debug)]
pub struct Reported;

pub fn run(command: Command) -> Result<(), Reported> {
    match command {
        Command::Build(args) => build::run(&args),
        Command::Apply(args) => apply::run(args),
        Command::Check(args) => check::run(&args),
        Command::Schema => schema::run(),
        Command::Data(args) => data::run(&args),
        Command::List(args) => list::run(&args),
        Command::Watch(args) => watch::run(args),
        Command::Templates(TemplatesCommand::Eject { dir, force }) => templates::eject(&dir, force),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::New { dir, single } => new::run(&dir, single),
        Command::Completions { shell } => completions::completions(shell),
        Command::Man => completions::man(),
        Command::Complete { what, content } => completions::names(what, &content.content),
    }
}

/// Prints diagnostics that have no file to point into.
pub fn fail(diag: Diag) -> Reported {
    SourceFiles::default().emit(&[diag]);
    Reported
}

/// Loads the content folder, printing every warning and error.
pub fn load_content(dir: &std::path::Path) -> Result<(Loaded, Content), Reported> {
    load_content_with(dir, false)
}

/// [`load_content`]; with `strict`, a text that lacks a profile's language is an error.
pub fn load_content_with(
    dir: &std::path::Path,
    strict: bool,
) -> Result<(Loaded, Content), Reported> {
    let mut loaded = load::load_with(dir, strict).map_err(fail)?;
    loaded.files.emit(&loaded.diags);
    let errors = loaded.diags.iter().filter(|d| d.is_error()).count();
    match loaded.content.take() {
        Some(content) if errors == 0 => Ok((loaded, content)),
        _ => {
            let s = if errors == 1 { "" } else { "s" };
            SourceFiles::default().emit(&[Diag::error(format!(
                "`{}` has {errors} error{s}",
                dir.display()
            ))]);
            Err(Reported)
        }
    }
}
