//! `resume completions SHELL` and `resume man`: generated from the clap definitions, so
//! they never drift from the real command line.

use clap::CommandFactory;

use super::{Reported, fail};
use crate::args::Cli;
use crate::diagnostic::Diag;

pub fn completions(shell: clap_complete::Shell) -> Result<(), Reported> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "resume", &mut std::io::stdout());
    Ok(())
}

pub fn man() -> Result<(), Reported> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| fail(Diag::error(format!("cannot write the manual page: {e}"))))?;
    use std::io::Write as _;
    // A closed pipe (`resume man | head`) is not an error worth a message.
    let _ = std::io::stdout().write_all(&out);
    Ok(())
}
