use std::process::ExitCode;

use clap::Parser;
use resume::{args, cmd};

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = args::Cli::parse();
    // A panic is a bug in resume, never the user's fault: say so plainly, without a
    // backtrace (unless RUST_BACKTRACE asks), and exit with 2 rather than 1.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("error: internal error in resume{place}: {what}");
        eprintln!(
            " = hint: this is a bug; please report it with the command you ran and, if you can, the content"
        );
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
    match std::panic::catch_unwind(|| cmd::run(cli.command)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        // The command has already printed what went wrong.
        Ok(Err(cmd::Reported)) => ExitCode::from(1),
        Err(_) => ExitCode::from(2),
    }
}

/// `resume schema | head` closes the pipe early. Rust ignores SIGPIPE, so the next write
/// fails and `println!` panics, which would be reported as a bug; with the default
/// action restored the process ends quietly, as `cat` does.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any thread exists; `SIG_DFL` is a
    // valid action for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
