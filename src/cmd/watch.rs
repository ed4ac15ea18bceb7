//! `resume watch`: build, then rebuild whenever the content, the templates or the fonts
//! change.
//!
//! The compiler is made once and kept: fonts stay parsed and Typst's caches stay warm,
//! so a rebuild after a small edit only redoes what changed (a change in `fonts/` makes a
//! new one). Folders are watched rather than files, so editors that save by writing a new
//! file and renaming it are seen. The project root is watched too, so a folder that is
//! deleted and made again, or replaced by a rename, is watched again. A build starts on
//! the first change; changes during a build make one more build after it. A broken edit
//! prints its errors and the watch goes on; fixing it rebuilds.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::serve::Preview;
use super::{Reported, build, fail};
use crate::args::{Format, WatchArgs};
use crate::diagnostic::Diag;
use crate::load::io_reason;
use crate::render;

pub fn run(watch: WatchArgs) -> Result<(), Reported> {
    let WatchArgs {
        build: mut args,
        serve,
        application,
    } = watch;
    let kit = application.map(|id| super::apply::Kit {
        id,
        report: false,
        tailor: false,
    });
    // The preview shows PNG pages, written beside the PDFs.
    if serve.is_some() && !args.output.formats.contains(&Format::Png) {
        args.output.formats.push(Format::Png);
    }
    let args = &args;
    let content = args.content.content.canonicalize().map_err(|e| {
        fail(
            Diag::error(format!(
                "cannot read the content folder `{}`: {}",
                args.content.content.display(),
                io_reason(&e)
            ))
            .hint("run `resume` where your `content/` folder is, or pass `--content DIR` (a folder or one YAML file)"),
        )
    })?;
    let root = content
        .parent()
        .map_or_else(|| content.clone(), Path::to_path_buf);
    // One content file: its folder is the project root, watched as a whole (the file,
    // the images it names, templates/ and fonts/ all lie in it).
    let single = content.is_file();
    let mut folders = Folders::new(&root, content, &args.out, single)?;
    // The date is fixed for the session: `--date`, the environment, or today.
    let date = super::shared::document_date(args.options.date.as_deref(), None).map_err(fail)?;
    let mut world = render::world(root.clone(), args.system_fonts, date);
    let preview = serve
        .map(|port| Preview::start(port, &args.out))
        .transpose()?;
    if let Some(preview) = &preview {
        crate::say!("preview at http://{}/", preview.address);
    }
    let mut first = true;
    let mut gone = false;
    loop {
        if !folders.content_there() {
            if !gone {
                crate::say!(
                    "the content {} {} is gone; waiting for it to come back",
                    if folders.single { "file" } else { "folder" },
                    args.content.content.display()
                );
            }
            gone = true;
        } else {
            gone = false;
            if first && preview.is_none() {
                let _ = build::build_with(args, Some(&mut world), kit.as_ref());
            } else {
                crate::out::hold();
                let failed = build::build_with(args, Some(&mut world), kit.as_ref()).is_err();
                // A build that failed while more changes came in read files that have
                // changed since (a save caught halfway, a checkout of several files): its
                // errors are not shown, as the next build, which follows at once, reports
                // on the files as they are now. The same if the content folder went away
                // meanwhile (a line says so). What it wrote to standard output stays.
                let stale = failed && (folders.changed_meanwhile() || !folders.content_there());
                let diagnostics = crate::out::release(!stale);
                if let Some(preview) = &preview
                    && !stale
                {
                    preview.built(if failed { &diagnostics } else { "" });
                }
            }
            first = false;
            crate::say!(
                "watching {} for changes (Ctrl-C stops)",
                folders.shown(&args.content.content)
            );
        }
        let change = folders.next()?;
        if change.fonts {
            world = render::world(root.clone(), args.system_fonts, date);
        } else {
            world.reset();
        }
        typst::comemo::evict(10);
    }
}

/// What the events since the last build came to.
#[derive(Default)]
struct Change {
    /// Something a build reads changed.
    any: bool,
    /// One of the watched folders appeared, disappeared or was replaced.
    folders: bool,
    fonts: bool,
}

/// The watched folders: the project root (not recursively, to see its folders come and
/// go), and `content/`, `templates/` and `fonts/` in it, recursively, where they exist.
struct Folders {
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    root: PathBuf,
    /// content, templates, fonts.
    dirs: [PathBuf; 3],
    out: PathBuf,
    /// The content is one file; the root is watched recursively.
    single: bool,
    /// Seen after a build by `changed_meanwhile`, for the next `next`.
    queued: Change,
}

impl Folders {
    fn new(root: &Path, content: PathBuf, out: &Path, single: bool) -> Result<Folders, Reported> {
        let (tx, events) = channel();
        let watcher = notify::recommended_watcher(tx).map_err(|e| cannot_watch(root, &e))?;
        let mut folders = Folders {
            watcher,
            events,
            root: root.to_path_buf(),
            dirs: [content, root.join("templates"), root.join("fonts")],
            out: out.to_path_buf(),
            single,
            queued: Change::default(),
        };
        let mode = if single {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        folders
            .watcher
            .watch(root, mode)
            .map_err(|e| cannot_watch(root, &e))?;
        folders.watch_dirs()?;
        Ok(folders)
    }

    /// Whether the content folder (or file) is there.
    fn content_there(&self) -> bool {
        if self.single {
            self.dirs[0].is_file()
        } else {
            self.dirs[0].is_dir()
        }
    }

    /// (Re)watches each folder as it is now: one that was replaced is a new folder, and
    /// the watch on the old one sees nothing of it.
    fn watch_dirs(&mut self) -> Result<(), Reported> {
        let mut result = Ok(());
        if self.single {
            // The root's recursive watch sees them all.
            return result;
        }
        for dir in &self.dirs {
            // The old watch may be gone already, with its folder.
            let _ = self.watcher.unwatch(dir);
            if dir.is_dir()
                && let Err(e) = self.watcher.watch(dir, RecursiveMode::Recursive)
            {
                result = Err(cannot_watch(dir, &e));
            }
        }
        result
    }

    /// Blocks until something a build reads changes, takes in what else is queued
    /// already, and follows folders that were replaced.
    fn next(&mut self) -> Result<Change, Reported> {
        let mut change = std::mem::take(&mut self.queued);
        while !change.any {
            let event = self.events.recv().map_err(|_| stopped())?;
            self.note(event, &mut change);
        }
        self.drain(&mut change);
        if change.folders {
            // The watches are made before the build reads the folders, so nothing written
            // in between is missed. A folder that cannot be watched is reported, and the
            // root still shows when it is replaced again.
            let _ = self.watch_dirs();
        }
        Ok(change)
    }

    /// Whether something changed while the build ran (kept for the next `next`).
    fn changed_meanwhile(&mut self) -> bool {
        let mut change = std::mem::take(&mut self.queued);
        self.drain(&mut change);
        let any = change.any;
        self.queued = change;
        any
    }

    /// Takes in the events queued now, without waiting (a watcher that stopped is
    /// reported by `next`).
    fn drain(&self, change: &mut Change) {
        while let Ok(event) = self.events.try_recv() {
            self.note(event, change);
        }
    }

    fn note(&self, event: notify::Result<Event>, change: &mut Change) {
        // An error of the watcher itself says nothing about the files.
        let Ok(event) = event else { return };
        if event.need_rescan() || matches!(event.kind, EventKind::Other) {
            // Events were lost: assume everything changed.
            *change = Change {
                any: true,
                folders: true,
                fonts: true,
            };
            return;
        }
        if !relevant(event.kind) {
            return;
        }
        let out = self.out.canonicalize().unwrap_or_else(|_| {
            std::path::absolute(&self.out).unwrap_or_else(|_| self.out.clone())
        });
        for path in event.paths.iter().filter(|p| !p.starts_with(&out)) {
            let Some(dir) = self.dirs.iter().position(|d| path.starts_with(d)) else {
                // Another file in the root: nothing a build reads, unless the content is
                // one file, whose images may be anywhere in the root (not in hidden
                // folders such as `.git`).
                let hidden = path.strip_prefix(&self.root).is_ok_and(|rest| {
                    rest.components()
                        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
                });
                change.any |= self.single && !hidden;
                continue;
            };
            change.any = true;
            change.folders |= path == &self.dirs[dir];
            change.fonts |= dir == 2;
        }
    }

    /// How the watched folders are named in messages.
    fn shown(&self, content: &Path) -> String {
        let mut list = vec![content.display().to_string()];
        list.extend(
            ["templates", "fonts"]
                .into_iter()
                .filter(|name| self.root.join(name).is_dir())
                .map(str::to_owned),
        );
        match list.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => list.join(""),
        }
    }
}

/// Whether an event of this kind can mean different input to a build.
fn relevant(kind: EventKind) -> bool {
    match kind {
        // inotify reports each write, then the file's closing: a build on the first
        // write would read it half-written, so Linux waits for the closing.
        EventKind::Modify(ModifyKind::Data(_)) => !cfg!(target_os = "linux"),
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        // Opening and reading: our own builds do that.
        EventKind::Access(_) => false,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any => true,
        EventKind::Other => true,
    }
}

fn cannot_watch(dir: &Path, e: &notify::Error) -> Reported {
    fail(Diag::error(format!(
        "cannot watch `{}`: {e}",
        dir.display()
    )))
}

fn stopped() -> Reported {
    fail(Diag::error("the file watcher stopped"))
}
