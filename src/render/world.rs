//! The Typst `World`: what a template can see.
//!
//! - `/.resume/data.json`: the document's data, in memory (templates read it with `json`).
//! - `/templates/NAME`: the project's `templates/NAME` if it exists, else the built-in one.
//! - any other path: a file under the project root, and only there. Paths are
//!   canonicalised, so a symlink that leads out of the project is refused.
//! - `@preview/...` packages: refused with a message; we never touch the network.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Dict, Duration, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

use super::templates;

/// Where the document data lives inside the virtual file system.
pub const DATA_PATH: &str = "/.resume/data.json";

/// A few lines laid out beside the real compile (see `WarmUp`). They do what every
/// document needs first: the templates' shared module evaluated, the line breaker's and
/// hyphenator's data loaded, text shaped in the usual faces. Typst memoizes this work
/// across compilers, so the real compile finds it done. (Inter is `fonts::DEFAULT_FAMILY`.)
const WARM_UP_PATH: &str = "/.resume/warm-up.typ";
const WARM_UP: &str = r#"#import "/templates/lib.typ": *
#set text(font: "Inter", lang: "en", hyphenate: true)
#set par(justify: true)
= Warm
Warm *up* _of_ text, fi 2026: #text(weight: "medium")[one] #text(weight: "semibold")[two]
"#;

/// `WARM_UP`, ready to be laid out beside the real compile (`render::prepare_beside`).
pub struct WarmUp(ResumeWorld);

impl WarmUp {
    /// Lays the lines out and forgets them. Whatever it finds wrong (a project's own
    /// `lib.typ` may differ) is for the real compile to report.
    pub fn run(self) {
        let _ = typst::compile::<typst_layout::PagedDocument>(&self.0);
    }
}

pub struct ResumeWorld {
    /// The project root, canonicalised.
    root: PathBuf,
    library: LazyHash<Library>,
    fonts: Arc<FontStore>,
    main: FileId,
    data: Bytes,
    today: Datetime,
    files: Mutex<HashMap<FileId, FileResult<Bytes>>>,
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
}

impl ResumeWorld {
    /// `root` must be canonical. Fonts and the library are made once and kept.
    pub fn new(root: PathBuf, fonts: Arc<FontStore>, today: Datetime) -> ResumeWorld {
        let mut inputs = Dict::new();
        inputs.insert("data".into(), DATA_PATH.into_value());
        ResumeWorld {
            root,
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            fonts,
            main: template_id("cv.typ"),
            data: Bytes::new(Vec::new()),
            today,
            files: Mutex::new(HashMap::new()),
            sources: Mutex::new(HashMap::new()),
        }
    }

    /// A compiler for another thread: the same root, fonts and date, its own caches.
    pub fn fork(&self) -> ResumeWorld {
        ResumeWorld::new(self.root.clone(), Arc::clone(&self.fonts), self.today)
    }

    /// The project root, canonical.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The date `today()` gives templates.
    pub fn set_today(&mut self, today: Datetime) {
        self.today = today;
    }

    /// Parses the common faces of `family` and these templates now, ahead of the compile
    /// that uses them.
    pub fn parse_ahead(&self, family: &str, templates: &[&str]) {
        super::fonts::preload(&self.fonts, family);
        for name in templates {
            let _ = self.source(template_id(name));
        }
    }

    /// A compiler with this one's fonts and parsed templates, set to lay out `WARM_UP`.
    pub fn warm_up(&self) -> WarmUp {
        let mut other = self.fork();
        other.sources = Mutex::new(lock(&self.sources).clone());
        other.main = virtual_id(WARM_UP_PATH);
        WarmUp(other)
    }

    /// Forgets the files read so far (they may have changed on disk); fonts, the library
    /// and Typst's memoized work stay, so the next compile only redoes what changed.
    pub fn reset(&mut self) {
        lock(&self.files).clear();
        lock(&self.sources).clear();
    }

    /// Chooses the template to compile and the data it reads.
    pub fn set_document(&mut self, template: &str, data: Vec<u8>) {
        self.main = template_id(template);
        let data_id = data_id();
        self.data = Bytes::new(data);
        lock(&self.files).remove(&data_id);
        lock(&self.sources).remove(&data_id);
    }

    /// Checks that a font family a design names is available.
    pub fn check_font(
        &self,
        family: &crate::model::Spanned<String>,
    ) -> Result<(), crate::diagnostic::Diag> {
        let book = self.fonts.book();
        if book.contains_family(&family.to_lowercase()) {
            return Ok(());
        }
        let names: Vec<String> = book.families().map(|(name, _)| name.to_owned()).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let diag = crate::diagnostic::Diag::error(format!("there is no font `{}`", family.value))
            .at(family.span);
        Err(match crate::suggest::did_you_mean(family, &names) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None => diag.hint(format!(
                "available: {} (or a font file in a `fonts/` folder beside `content/`, or an installed font with `--system-fonts`)",
                crate::suggest::quoted(&names)
            )),
        })
    }

    /// A template's bytes as a compile would see them (the project's, else built-in).
    pub fn template_bytes(&self, name: &str) -> Vec<u8> {
        self.file(template_id(name))
            .map(|b| b.to_vec())
            .unwrap_or_default()
    }

    /// The project's templates folder (it may not exist).
    pub fn templates_dir(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// How a file is named in messages: relative to the project, built-ins marked.
    pub fn display_path(&self, id: FileId) -> String {
        let path = id
            .vpath()
            .get_with_slash()
            .trim_start_matches('/')
            .to_owned();
        if id == data_id() {
            return "document data (.resume/data.json)".to_owned();
        }
        if let Some(name) = path.strip_prefix("templates/")
            && !self.templates_dir().join(name).is_file()
            && templates::builtin(name).is_some()
        {
            return format!("{path} (built-in)");
        }
        path
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::Other(Some(
                format!(
                    "package imports such as `{spec}` are not available: resume compiles offline; \
                     copy the package's files into `templates/` and import them by path"
                )
                .into(),
            ))));
        }
        if id == data_id() {
            return Ok(self.data.clone());
        }
        if id == virtual_id(WARM_UP_PATH) {
            return Ok(Bytes::from_string(WARM_UP));
        }
        let vpath = id.vpath().get_with_slash().trim_start_matches('/');
        let path = id
            .vpath()
            .realize(&self.root)
            .map_err(|_| FileError::Other(Some(format!("`{vpath}` is not a valid path").into())))?;
        if let Some(name) = vpath.strip_prefix("templates/")
            && !path.exists()
            && let Some(text) = templates::builtin(name)
        {
            return Ok(Bytes::from_string(text));
        }
        read_confined(&self.root, &path, vpath)
    }
}

/// Reads a file that must, once links are resolved, lie under `root`.
fn read_confined(root: &Path, path: &Path, shown: &str) -> FileResult<Bytes> {
    let real = path.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => FileError::NotFound(PathBuf::from(shown)),
        _ => FileError::from_io(e, Path::new(shown)),
    })?;
    if !real.starts_with(root) {
        return Err(FileError::Other(Some(
            format!(
                "`{shown}` leads outside the project folder, and only files inside it can be read"
            )
            .into(),
        )));
    }
    if real.is_dir() {
        return Err(FileError::IsDirectory);
    }
    // A pipe or a device would block the compile or never end.
    if !real.is_file() {
        return Err(FileError::Other(Some(
            format!("`{shown}` is not a regular file").into(),
        )));
    }
    std::fs::read(&real)
        .map(Bytes::new)
        .map_err(|e| FileError::from_io(e, Path::new(shown)))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock cannot leave a cache half-written in a harmful way.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn virtual_id(path: &str) -> FileId {
    // Our own constant paths are always valid.
    let vpath =
        VirtualPath::new(path).unwrap_or_else(|_| unreachable!("invalid built-in path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

pub fn data_id() -> FileId {
    virtual_id(DATA_PATH)
}

pub fn template_id(name: &str) -> FileId {
    virtual_id(&format!("/templates/{name}"))
}

impl World for ResumeWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some(cached) = lock(&self.sources).get(&id) {
            return cached.clone();
        }
        let result = self.file(id).and_then(|bytes| {
            let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
            Ok(Source::new(id, text.to_owned()))
        });
        lock(&self.sources).insert(id, result.clone());
        result
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(cached) = lock(&self.files).get(&id) {
            return cached.clone();
        }
        let result = self.read(id);
        lock(&self.files).insert(id, result.clone());
        result
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
