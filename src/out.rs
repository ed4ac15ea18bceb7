//! Standard output, written through one place so that a write error is an error, not a
//! panic: `println!` panics when it cannot write, which would say "internal error".
//!
//! The first error is remembered and later writes are skipped, so a command finishes its
//! work (a build writes all its files) and `main` reports the error at the end: a full
//! disk or a closed file as an error (exit 1), a reader that stopped early (`resume list |
//! head -1`, a broken pipe) quietly, as nothing worth a message.

use std::io::{self, Write};
use std::sync::Mutex;

static FAILED: Mutex<Option<io::Error>> = Mutex::new(None);

/// What is held back while [`hold`] is in force, in order: (to standard error?, text).
static HELD: Mutex<Option<Vec<(bool, String)>>> = Mutex::new(None);

/// Writes `text` to standard output, unless a write failed before.
pub fn write(text: &str) {
    if keep(false, text) {
        return;
    }
    let mut failed = FAILED.lock().unwrap_or_else(|e| e.into_inner());
    if failed.is_some() {
        return;
    }
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()) {
        *failed = Some(e);
    }
}

/// Writes `text` (diagnostics) to standard error.
pub fn write_err(text: &str) {
    if !keep(true, text) {
        // Nothing useful can be done if standard error is gone.
        let _ = io::stderr().lock().write_all(text.as_bytes());
    }
}

/// Holds back what is written to standard output and error from now on, until
/// [`release`]: `watch` decides after a build whether its errors are worth showing.
pub fn hold() {
    *lock(&HELD) = Some(Vec::new());
}

/// Writes what was held back, in its order, leaving out standard error unless `errors`;
/// returns what was held back for standard error (the preview page shows it).
pub fn release(errors: bool) -> String {
    let held = lock(&HELD).take().unwrap_or_default();
    let mut diagnostics = String::new();
    for (to_err, text) in held {
        match (to_err, errors) {
            (false, _) => write(&text),
            (true, true) => write_err(&text),
            (true, false) => {}
        }
        if to_err {
            diagnostics.push_str(&text);
        }
    }
    diagnostics
}

/// Whether output is held back now.
pub fn holding() -> bool {
    lock(&HELD).is_some()
}

/// Keeps `text` back if [`hold`] is in force.
fn keep(to_err: bool, text: &str) -> bool {
    match lock(&HELD).as_mut() {
        Some(held) => {
            held.push((to_err, text.to_owned()));
            true
        }
        None => false,
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Flushes what is buffered; the error, if any write failed.
pub fn finish() -> Option<io::Error> {
    let mut failed = FAILED.lock().unwrap_or_else(|e| e.into_inner());
    if failed.is_none()
        && let Err(e) = io::stdout().lock().flush()
    {
        *failed = Some(e);
    }
    failed.take()
}

/// `println!` that does not panic: see [`write`].
#[macro_export]
macro_rules! say {
    () => {
        $crate::out::write("\n")
    };
    ($($arg:tt)*) => {
        $crate::out::write(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` that does not panic: see [`write`].
#[macro_export]
macro_rules! say_raw {
    ($($arg:tt)*) => {
        $crate::out::write(&format!($($arg)*))
    };
}
