use std::process::ExitCode;

use clap::Parser;
use resume::{args, cmd};

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match cmd::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        // The command has already printed what went wrong.
        Err(cmd::Reported) => ExitCode::from(1),
    }
}
