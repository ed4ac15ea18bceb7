use std::process::ExitCode;

use clap::Parser;
use resume::{args, cmd, out};

// mimalloc: a CV builds 4% faster than with the system's allocator and `build --all` 10%
// (Typst allocates much). Without transparent huge pages (`no_thp`), which cost a short
// run more in zeroing than they save.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: how long freed memory is kept before it goes back
/// to the system, 1000 ms by default. `build --all` frees a document's layout every few
/// tens of milliseconds; kept a second, it held a fifth more memory at its peak.
const MI_OPTION_PURGE_DELAY: i32 = 15;

fn main() -> ExitCode {
    // SAFETY: sets a number mimalloc reads when it next purges; no allocation depends on it.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
    // Usage errors are the user's, like any other: exit 1 (clap's own exit is 2, which
    // `resume` keeps for its bugs). `--help` and `--version` print and succeed.
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
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
    // Typst and krilla hand work to rayon's threads, krilla with `rayon::spawn` (it
    // encodes images there): a panic in such a job reaches no caller, and rayon's answer
    // is to abort (exit 134, a core dump). The hook above has reported it; end as every
    // other internal error does. (A panic in a parallel iterator reaches its caller, and a
    // panic on our own threads reaches `main` through their scope: `catch_unwind` below.)
    let _ = rayon::ThreadPoolBuilder::new()
        .panic_handler(|_| std::process::exit(2))
        .build_global();
    #[cfg(debug_assertions)]
    debug_panic_on_worker();
    let code = match std::panic::catch_unwind(|| cmd::run(cli.command)) {
        Ok(Ok(())) => 0,
        // The command has already printed what went wrong.
        Ok(Err(cmd::Reported)) => 1,
        Err(_) => return ExitCode::from(2),
    };
    match out::finish() {
        // A reader that stopped early (`resume list | head -1`) wanted no more: not an
        // error worth a message, and the command did its work.
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(code),
        Some(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            ExitCode::from(1)
        }
        None => ExitCode::from(code),
    }
}

/// For the tests (debug builds only): `RESUME_DEBUG_PANIC_ON_WORKER=1` panics in a rayon
/// job, as a bug in krilla's image encoding would, to show it ends as an internal error.
#[cfg(debug_assertions)]
fn debug_panic_on_worker() {
    if std::env::var_os("RESUME_DEBUG_PANIC_ON_WORKER").is_some() {
        rayon::spawn(|| panic!("a panic on a worker thread, as RESUME_DEBUG_PANIC_ON_WORKER asks"));
        // The pool's panic handler ends the process; should it not, this ends it with 0,
        // which the test refuses.
        std::thread::sleep(std::time::Duration::from_secs(20));
        std::process::exit(0);
    }
}
