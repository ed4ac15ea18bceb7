//! `resume completions SHELL` and `resume man`: generated from the clap definitions, so
//! they never drift from the real command line.

use clap::CommandFactory;

use super::{Reported, fail};
use crate::args::Cli;
use crate::diagnostic::Diag;

pub fn completions(shell: clap_complete::Shell) -> Result<(), Reported> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "resume", &mut out);
    crate::out::write(&String::from_utf8_lossy(&out));
    Ok(())
}

pub fn man() -> Result<(), Reported> {
    let cannot =
        |e: std::io::Error| fail(Diag::error(format!("cannot write the manual page: {e}")));
    let command = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut out)
        .map_err(cannot)?;
    // One page says it all: each command's synopsis and options follow as a section of
    // their own (their headings demoted to subsections).
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        let mut part = Vec::new();
        let man = clap_mangen::Man::new(sub.clone().bin_name(format!("resume {name}")));
        man.render_synopsis_section(&mut part).map_err(cannot)?;
        man.render_options_section(&mut part).map_err(cannot)?;
        if sub.has_subcommands() {
            man.render_subcommands_section(&mut part).map_err(cannot)?;
        }
        let part = String::from_utf8_lossy(&part).replace(".SH ", ".SS ");
        out.extend_from_slice(format!(".SH \"RESUME {}\"\n", name.to_uppercase()).as_bytes());
        if let Some(about) = sub.get_about() {
            out.extend_from_slice(format!("{about}\n").replace('\\', "\\\\").as_bytes());
        }
        out.extend_from_slice(part.as_bytes());
    }
    crate::out::write(&String::from_utf8_lossy(&out));
    Ok(())
}
