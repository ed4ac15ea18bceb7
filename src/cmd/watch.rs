//! `resume watch`: build, then rebuild whenever the content or the templates change.
//!
//! The compiler is made once and kept: fonts stay parsed and Typst's caches stay warm,
//! so a rebuild after a small edit only redoes what changed. Folders are watched rather
//! than files, so editors that save by writing a new file and renaming it are seen. A
//! broken edit prints its errors and the watch goes on; fixing it rebuilds.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use super::{Reported, build, fail};
use crate::args::BuildArgs;
use crate::diagnostic::Diag;
use crate::load::io_reason;
use crate::render;

/// Events closer together than this are one change (editors write in several steps).
const SETTLE: Duration = Duration::from_millis(50);

pub fn run(args: &BuildArgs) -> Result<(), Reported> {
    let content = args.content.content.canonicalize().map_err(|e| {
        fail(
            Diag::error(format!(
                "cannot read the content folder `{}`: {}",
                args.content.content.display(),
                io_reason(&e)
            ))
            .hint("run `resume` where your `content/` folder is, or pass `--content DIR`"),
        )
    })?;
    let root = content
        .parent()
        .map_or_else(|| content.clone(), Path::to_path_buf);
    let templates = root.join("templates");

    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| fail(Diag::error(format!("cannot watch for changes: {e}"))))?;
    for dir in [&content, &templates].into_iter().filter(|d| d.is_dir()) {
        watcher.watch(dir, RecursiveMode::Recursive).map_err(|e| {
            fail(Diag::error(format!(
                "cannot watch `{}`: {e}",
                dir.display()
            )))
        })?;
    }
    // The date is fixed for the session: `--date`, the environment, or today.
    let date = super::shared::document_date(args.options.date.as_deref(), None).map_err(fail)?;
    let mut world = render::world(root, args.system_fonts, date);
    loop {
        // Errors are printed by the build; the watch goes on either way.
        let _ = build::build(args, Some(&mut world));
        crate::say!(
            "watching {} for changes (Ctrl-C stops)",
            watched(&args.content.content, &templates)
        );
        wait_for_change(&rx, &args.out)?;
        world.reset();
        typst::comemo::evict(10);
    }
}

fn watched(content: &Path, templates: &Path) -> String {
    let mut list = vec![content.display().to_string()];
    if templates.is_dir() {
        list.push("templates".to_owned());
    }
    list.join(" and ")
}

/// Blocks until something under the watched folders is created, changed or removed
/// (outside the output folder), then waits for the burst of events to settle.
fn wait_for_change(
    rx: &Receiver<notify::Result<notify::Event>>,
    out: &Path,
) -> Result<(), Reported> {
    let out: PathBuf = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
    let relevant = |event: &notify::Event| {
        matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
        ) && event.paths.iter().any(|p| !p.starts_with(&out))
    };
    loop {
        match rx.recv() {
            Ok(Ok(event)) if relevant(&event) => break,
            Ok(_) => continue,
            Err(_) => return Err(fail(Diag::error("the file watcher stopped"))),
        }
    }
    loop {
        match rx.recv_timeout(SETTLE) {
            Ok(_) => continue,
            Err(RecvTimeoutError::Timeout) => return Ok(()),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(fail(Diag::error("the file watcher stopped")));
            }
        }
    }
}
