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

/// Writes `text` to standard output, unless a write failed before.
pub fn write(text: &str) {
    let mut failed = FAILED.lock().unwrap_or_else(|e| e.into_inner());
    if failed.is_some() {
        return;
    }
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()) {
        *failed = Some(e);
    }
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
