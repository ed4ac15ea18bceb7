//! `resume`: one folder of YAML about an engineer's career, typeset into PDFs per
//! audience through Typst templates compiled in-process.
//!
//! The data flows one way: `load` (files to a checked model) -> `select` (a profile's
//! subset) -> `render` (document data to Typst to PDF). `cmd` holds one file per command.

mod args;
mod cmd;
mod diagnostic;
mod load;
mod model;
mod render;
mod select;
mod suggest;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match cmd::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        // The command has already printed what went wrong.
        Err(cmd::Reported) => ExitCode::from(1),
    }
}
