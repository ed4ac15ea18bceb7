//! Load: the content folder to a checked [`Content`], or every error found on the way.
//!
//! Each YAML file is parsed to a positioned tree (`yaml`), each entry of each section is
//! deserialised on its own (`de`), so one broken entry does not hide the errors of the
//! next, and the merged result is checked as a whole (`check`).

mod check;
mod de;
mod design;
pub mod image;
pub mod profiles;
pub mod yaml;

pub use check::read_posting;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diag, SourceFile, SourceFiles};
use crate::model::{Content, ContentFile, Span, Spanned};
use yaml::{Kind, Node};

/// Larger than any real content file; keeps a stray data dump from eating memory.
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The outcome of loading: the files read (for diagnostics), warnings, and the content
/// if there were no errors.
pub struct Loaded {
    pub files: SourceFiles,
    pub diags: Vec<Diag>,
    pub content: Option<Content>,
    /// The content folder, canonicalised: the folder images are named from. For one
    /// content file, the folder that holds it.
    pub dir: PathBuf,
    /// The project root, where `templates/` and `fonts/` are: the folder that holds the
    /// content folder, or the one content file.
    pub root: PathBuf,
    /// Whether the content is one file rather than a folder.
    pub single: bool,
    /// How many YAML files were read.
    pub file_count: usize,
}

/// Reads every `.yaml`/`.yml` file under `dir` (in path order) and checks the whole.
/// `dir` may also be one YAML file that holds every section. Fails only when the folder
/// or file itself cannot be read; content errors are in `diags`.
pub fn load(dir: &Path) -> Result<Loaded, Diag> {
    load_with(dir, false)
}

/// [`load`]; with `strict`, a text that lacks the language of a profile that prints it
/// is an error, not a warning.
pub fn load_with(dir: &Path, strict: bool) -> Result<Loaded, Diag> {
    let canonical = dir.canonicalize().map_err(|e| {
        Diag::error(format!(
            "cannot read the content folder `{}`: {}",
            dir.display(),
            io_reason(&e)
        ))
        .hint("run `resume` where your `content/` folder is, or pass `--content DIR` (a folder or one YAML file)")
    })?;
    if canonical.is_file() {
        if !is_yaml(&canonical) {
            return Err(Diag::error(format!(
                "`{}` is not a YAML file",
                dir.display()
            ))
            .hint("`--content` names the folder that holds your YAML files, or one `.yaml` file that holds them all"));
        }
        let folder = canonical
            .parent()
            .map_or_else(|| canonical.clone(), Path::to_path_buf);
        let name = dir
            .display()
            .to_string()
            .trim_start_matches("./")
            .to_owned();
        return Ok(load_paths(
            &[(canonical, name)],
            folder.clone(),
            folder,
            true,
            strict,
        ));
    }
    if !canonical.is_dir() {
        return Err(Diag::error(format!("`{}` is not a folder", dir.display()))
            .hint("`--content` names the folder that holds your YAML files, or one `.yaml` file"));
    }
    let mut paths = Vec::new();
    collect_yaml(&canonical, &mut paths).map_err(|(folder, e)| {
        // Named as the user would write it: the content folder they gave, then the rest.
        let shown = folder
            .strip_prefix(&canonical)
            .map_or_else(|_| folder.clone(), |rest| dir.join(rest));
        Diag::error(format!(
            "cannot list `{}`: {}",
            shown.display(),
            io_reason(&e)
        ))
    })?;
    paths.sort();
    if paths.is_empty() {
        return Err(
            Diag::error(format!("`{}` holds no YAML files", dir.display())).hint(
                "content files end in `.yaml`; `resume new` will scaffold a folder (coming soon)",
            ),
        );
    }

    let named: Vec<(PathBuf, String)> = paths
        .into_iter()
        .map(|path| {
            let name = display_name(dir, &canonical, &path);
            (path, name)
        })
        .collect();
    let root = canonical
        .parent()
        .map_or_else(|| canonical.clone(), Path::to_path_buf);
    Ok(load_paths(&named, canonical, root, false, strict))
}

/// Reads the files (each with the name errors give it) and checks the whole; text by
/// language is read once more for each other language a profile prints.
fn load_paths(
    paths: &[(PathBuf, String)],
    dir: PathBuf,
    root: PathBuf,
    single: bool,
    strict: bool,
) -> Loaded {
    let mut loaded = Loaded {
        files: SourceFiles::default(),
        diags: Vec::new(),
        content: None,
        dir,
        root,
        single,
        file_count: paths.len(),
    };
    let mut ids = Vec::new();
    for (path, name) in paths {
        match read_text(path, name) {
            Ok(text) => ids.push(loaded.files.add(SourceFile::new(name.clone(), text))),
            Err(diag) => loaded.diags.push(diag),
        }
    }
    // Each file is parsed once, and read from its tree in each language the profiles
    // print. (On two cores it was slower: the other one is making the compiler.)
    let files = &loaded.files;
    let parsed: Vec<Parsed> = ids
        .iter()
        .map(|&id| Parsed {
            file: id,
            root: files
                .get(id)
                .map_or(Ok(None), |f| yaml::parse_content(&f.text, id)),
        })
        .collect();
    let default = content_language(&parsed);
    let language = de::Language::new(&default, &default);
    let dir = loaded.dir.clone();
    let Some(content) = read_in(&language, &parsed, &dir, files, &mut loaded.diags) else {
        return loaded;
    };
    loaded.content = content;
    if language.used.get()
        && let Some(content) = &mut loaded.content
    {
        translate(
            content,
            &language,
            &parsed,
            &loaded.files,
            &dir,
            strict,
            &mut loaded.diags,
        );
    }
    if loaded.diags.iter().any(Diag::is_error) {
        loaded.content = None;
    }
    loaded
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// One content file as parsed: its tree (`None` when the file is empty), or why it is
/// not YAML.
struct Parsed {
    file: u32,
    root: Result<Option<Node>, Diag>,
}

/// Reads the files in `language` and checks the whole: the content, if there were no
/// errors; `None` when the files hold more than all content may (the rest is unread, and
/// checking the whole would only add noise).
fn read_in(
    language: &de::Language,
    parsed: &[Parsed],
    dir: &Path,
    files: &SourceFiles,
    diags: &mut Vec<Diag>,
) -> Option<Option<Content>> {
    let mut merged = ContentFile::default();
    let mut failed = check::Failed::default();
    let mut total = (0, 0);
    for file in parsed {
        if !load_file(file, &mut total, &mut merged, &mut failed, diags, language) {
            return None;
        }
    }
    // The whole is checked even when some entries failed, so that every error of the
    // run is reported at once; what failed is known, so it does not cause more errors.
    Some(check::check(merged, dir, files, &failed, diags))
}

/// The content's language: the global `design.locale`, else English. Text by language
/// falls back to it.
fn content_language(parsed: &[Parsed]) -> String {
    for file in parsed {
        let Ok(Some(root)) = &file.root else {
            continue;
        };
        if let Some(locale) = root
            .get("design")
            .and_then(|d| d.get("locale"))
            .and_then(Node::scalar_text)
        {
            return locale;
        }
    }
    crate::model::language::DEFAULT_LANGUAGE.to_owned()
}

/// For text by language: reads the content again in each other locale a profile uses
/// (kept in `content.translations`), and reports each text that lacks the language of a
/// profile that prints it, at its place.
fn translate(
    content: &mut Content,
    default: &de::Language,
    parsed: &[Parsed],
    files: &SourceFiles,
    dir: &Path,
    strict: bool,
    diags: &mut Vec<Diag>,
) {
    // The locales the profiles use, with the profiles a plain build builds in each.
    let mut locales: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for (name, rules) in &content.rules {
        let locale = rules
            .design
            .over(&content.design)
            .locale
            .map_or_else(|| default.wanted.clone(), |l| l.value);
        let names = locales.entry(locale).or_default();
        if content.profiles.is_empty() || content.profiles.contains_key(name) {
            names.push(name);
        }
    }
    let mut translations = std::collections::BTreeMap::new();
    let mut reports = Vec::new();
    for (locale, names) in &locales {
        let missing = if *locale == default.wanted {
            default.missing.take()
        } else {
            let language = de::Language::new(locale, &default.wanted);
            let mut found = Vec::new();
            if let Some(Some(translated)) = read_in(&language, parsed, dir, files, &mut found) {
                translations.insert(locale.clone(), translated);
            }
            // Errors in the text of this language only; the others are reported already.
            for diag in found {
                if diag.is_error()
                    && !diags
                        .iter()
                        .any(|d| d.span == diag.span && d.message == diag.message)
                {
                    diags.push(diag);
                }
            }
            language.missing.take()
        };
        if names.is_empty() {
            continue;
        }
        let mut seen = std::collections::BTreeSet::new();
        for (span, read) in missing {
            if !seen.insert((span.file, span.line, span.col)) {
                continue;
            }
            let s = if names.len() == 1 { "" } else { "s" };
            let message = format!(
                "this text has no `{locale}` version, which profile{s} {} print{}; {} prints the `{read}` text",
                crate::suggest::quoted(names),
                if names.len() == 1 { "s" } else { "" },
                if names.len() == 1 { "it" } else { "each" },
            );
            let diag = if strict {
                Diag::error(message)
            } else {
                Diag::warning(message)
            };
            reports.push(diag.at(span).hint(format!("add `{locale}: ...` to it")));
        }
    }
    diags.extend(reports);
    content.translations = translations;
}

/// All content files together may hold at most this many values, and this much text
/// with aliases expanded: a career is well under a megabyte, and each file's own bounds
/// do not bound a folder of many files (Typst's memory grows with the text it sets).
pub const MAX_TOTAL_VALUES: usize = 1_000_000;
pub const MAX_TOTAL_TEXT: usize = 16 * 1024 * 1024;

fn too_much(total: (usize, usize), file: u32) -> Diag {
    let span = Span {
        file,
        line: 1,
        col: 0,
        len: 1,
    };
    Diag::error(format!(
        "the content files up to this one hold {} values and {} bytes of text, over the limit for all content of {MAX_TOTAL_VALUES} values and {} MiB of text",
        total.0,
        total.1,
        MAX_TOTAL_TEXT / (1024 * 1024)
    ))
    .at(span)
    .hint("no career needs this much; look for a file generated by mistake, or aliases (`*name`) that copy large parts")
}

/// Reads one file into `merged`, adding what it holds to `total` (values, text bytes);
/// false when that is over the limit for all content, and nothing more should be read.
fn load_file(
    parsed: &Parsed,
    total: &mut (usize, usize),
    merged: &mut ContentFile,
    failed: &mut check::Failed,
    diags: &mut Vec<Diag>,
    language: &de::Language,
) -> bool {
    let file = parsed.file;
    let root = match &parsed.root {
        Ok(Some(root)) => root,
        Ok(None) => {
            let span = Span {
                file,
                line: 1,
                col: 0,
                len: 1,
            };
            diags.push(Diag::warning("this file is empty").at(span));
            return true;
        }
        Err(diag) => {
            diags.push(diag.clone());
            return true;
        }
    };
    let (values, bytes) = root.totals();
    *total = (total.0 + values, total.1 + bytes);
    if total.0 > MAX_TOTAL_VALUES || total.1 > MAX_TOTAL_TEXT {
        diags.push(too_much(*total, file));
        return false;
    }
    let Kind::Map(sections) = &root.kind else {
        diags.push(
            Diag::error(format!(
                "expected sections such as `person:` or `projects:`, found {}",
                root.describe()
            ))
            .at(root.span)
            .hint("every content file is a mapping of sections; run `resume schema` to see them"),
        );
        return true;
    };
    check::check_links(root, diags);
    check::check_words(root, diags);
    let sink = RefCell::new(Vec::new());
    for (key, value) in sections {
        match key.scalar_text().as_deref() {
            Some("profiles") => check_names(value, "profile name", diags),
            Some("applications") => check_names(value, "application id", diags),
            _ => {}
        }
        // A list section is read entry by entry, so that each broken entry is reported.
        let parts: Vec<Node> = match &value.kind {
            Kind::Seq(items) if !items.is_empty() => items
                .iter()
                .map(|item| Node {
                    span: value.span,
                    kind: Kind::Seq(vec![item.clone()]),
                })
                .collect(),
            _ => vec![value.clone()],
        };
        for part in parts {
            let one = Node {
                span: root.span,
                kind: Kind::Map(vec![(key.clone(), part)]),
            };
            match de::every_error::<ContentFile>(one, &sink, language) {
                Ok(content) => {
                    for (message, second, first) in merged.merge(content) {
                        diags.push(
                            Diag::error(message)
                                .at(second)
                                .label("defined again here")
                                .note_at(first, "first defined here"),
                        );
                    }
                }
                Err((errors, node)) => {
                    diags.extend(errors.into_iter().map(de::Error::into_diag));
                    failed.note(&key.scalar_text().unwrap_or_default(), &node);
                }
            }
        }
    }
    diags.extend(sink.into_inner().into_iter().map(de::Error::into_diag));
    true
}

/// Profile names and application ids become folder names under `--out`: checked like
/// ids, at their key, so that `../x` or `/tmp/y` is an error and not a place to write.
fn check_names(map: &Node, what: &str, diags: &mut Vec<Diag>) {
    let Kind::Map(entries) = &map.kind else {
        return;
    };
    for (name, _) in entries {
        let name = Spanned::new(name.scalar_text().unwrap_or_default(), name.span);
        if what == "profile name" && name.as_str() == "applications" {
            diags.push(
                Diag::error("`applications` cannot name a profile")
                    .at(name.span)
                    .hint("`<out>/applications/` holds the kits of `resume apply`: choose another name"),
            );
        }
        diags.extend(check::bad_name(&name, what));
    }
}

/// Every YAML file under `dir`; an error carries the folder that could not be listed.
fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), (PathBuf, std::io::Error)> {
    let at = |e| (dir.to_path_buf(), e);
    for entry in std::fs::read_dir(dir).map_err(at)? {
        let entry = entry.map_err(at)?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(at)?;
        if kind.is_dir() {
            collect_yaml(&path, out)?;
        } else if is_yaml(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn read_text(path: &Path, name: &str) -> Result<String, Diag> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Diag::error(format!("cannot read `{name}`: {}", io_reason(&e))))?;
    // A pipe or a device would block or never end: refuse what is not a plain file.
    if !meta.is_file() {
        return Err(Diag::error(format!("`{name}` is not a regular file")).hint(
            "content files are plain files; give anything else another extension than `.yaml`",
        ));
    }
    // Refused by its size before a byte is read.
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diag::error(format!(
            "`{name}` is {} MiB; content files may be at most {} MiB",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ))
        .hint("split it into several files, or move data that is not content out of the folder"));
    }
    // The size a file reports is not a bound: `/proc` files report 0 and go on.
    let bytes = read_capped(path, MAX_FILE_BYTES)
        .map_err(|e| Diag::error(format!("cannot read `{name}`: {}", io_reason(&e))))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Diag::error(format!(
            "`{name}` is more than {} MiB; content files may be at most {} MiB",
            MAX_FILE_BYTES / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ))
        .hint("split it into several files, or move data that is not content out of the folder"));
    }
    decode(bytes, name)
}

/// Reads a file up to a little over `limit` bytes, whatever size it reports (a `/proc`
/// file or a device reports 0 and may never end): more than `limit` bytes back means too
/// large. It reads in whole chunks, never a stray odd byte at the end, as some `/proc`
/// files (`pagemap`) refuse reads that are not a multiple of 8 bytes.
pub fn read_capped(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = open_without_waiting(path)?;
    let mut bytes = Vec::new();
    let mut chunk = vec![0; 64 * 1024];
    while bytes.len() as u64 <= limit {
        match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(bytes)
}

/// Opens a file to read. A named pipe is opened without waiting for a writer (a plain
/// open would wait forever when there is none), then read as usual: with no writer it
/// reads as empty, with one (`<(cat cv.json)`) it reads what is written.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        use std::os::unix::io::AsRawFd;
        if std::fs::metadata(path)?.file_type().is_fifo() {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)?;
            // SAFETY: `fcntl` on a descriptor this function owns, with flags read from it.
            let cleared = unsafe {
                let flags = libc::fcntl(file.as_raw_fd(), libc::F_GETFL);
                flags >= 0
                    && libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK) == 0
            };
            if !cleared {
                return Err(std::io::Error::last_os_error());
            }
            return Ok(file);
        }
    }
    std::fs::File::open(path)
}

fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Diag> {
    String::from_utf8(bytes).map_err(|e| {
        Diag::error(format!(
            "`{name}` is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
        .hint(
            "save the file as UTF-8; if it is not content, give it another extension than `.yaml`",
        )
    })
}

/// The path as the user would write it: under the folder they named, relative to it.
fn display_name(given: &Path, canonical: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(canonical).unwrap_or(path);
    given
        .join(rel)
        .display()
        .to_string()
        .trim_start_matches("./")
        .to_owned()
}

/// `No such file or directory`, without the `(os error 2)` tail.
pub fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Property tests: whatever the bytes, loading ends with content or with errors that
/// point inside the file, never with a panic.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Loads one file's text as the loader would, then checks the whole if it is clean;
    /// asserts every place is inside the file and that the report prints.
    fn load_text(text: &str) {
        let mut files = SourceFiles::default();
        let id = files.add(SourceFile::new("content/x.yaml".into(), text.to_owned()));
        let mut diags = Vec::new();
        let mut merged = ContentFile::default();
        let mut failed = check::Failed::default();
        let language = de::Language::new("en", "en");
        let parsed = Parsed {
            file: id,
            root: yaml::parse_content(text, id),
        };
        load_file(
            &parsed,
            &mut (0, 0),
            &mut merged,
            &mut failed,
            &mut diags,
            &language,
        );
        let dir = tempfile::tempdir().unwrap();
        check::check(merged, dir.path(), &files, &failed, &mut diags);
        let lines: Vec<&str> = text.split('\n').collect();
        for diag in &diags {
            let spans = diag.span.iter().chain(diag.notes.iter().map(|(s, _)| s));
            for span in spans {
                assert_eq!(span.file, id, "{diag:?}");
                let line = lines.get(span.line as usize - 1);
                assert!(
                    span.line >= 1 && line.is_some(),
                    "line {} outside {} lines: {diag:?}",
                    span.line,
                    lines.len()
                );
                let chars = line.map_or(0, |l| l.trim_end_matches('\r').chars().count());
                assert!(
                    span.col as usize <= chars,
                    "column {} outside a line of {chars}: {diag:?}",
                    span.col
                );
            }
        }
        files.text(&diags);
    }

    /// A YAML-like value to print as text.
    #[derive(Debug, Clone)]
    enum Y {
        /// Text, printed plain (0), single-quoted (1), double-quoted (2).
        Scalar(String, u8),
        Seq(Vec<Y>, bool),
        Map(Vec<(String, Y)>, bool),
    }

    const TOP: &[&str] = &[
        "person",
        "experience",
        "projects",
        "case_studies",
        "metrics",
        "principles",
        "skills",
        "education",
        "writing",
        "profiles",
        "design",
        "updated",
    ];
    const FIELDS: &[&str] = &[
        "id",
        "title",
        "name",
        "headline",
        "organization",
        "start",
        "end",
        "tags",
        "priority",
        "highlights",
        "text",
        "classification",
        "tagline",
        "figures",
        "path",
        "alt",
        "photo",
        "project",
        "select",
        "include",
        "exclude_tags",
        "variant",
        "theme",
        "accent",
        "margins",
        "sections",
        "kind",
    ];

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(FIELDS).prop_map(str::to_owned),
            1 => "[a-z_]{1,10}",
            1 => "\\PC{1,6}",
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(
                &[
                    "2021",
                    "2021-03",
                    "2021-13",
                    "2019-02-30",
                    "present",
                    "tool",
                    "production-system",
                    "~",
                    "",
                    "no",
                    "1.10",
                    "-1",
                    "99999999999",
                    "figures/x.png",
                    "../x.svg",
                    "/etc/passwd",
                    "tag:a and not (kind:tool",
                    "since:2021 or priority:x",
                    "#read(\"/etc/passwd\")",
                    "ü∂ 漢字 \u{200b}",
                ][..]
            )
            .prop_map(str::to_owned),
            "[a-z0-9 ]{0,12}",
            "\\PC{0,16}",
            any::<i32>().prop_map(|n| n.to_string()),
        ]
    }

    fn value() -> impl Strategy<Value = Y> {
        (text(), 0u8..3)
            .prop_map(|(t, style)| Y::Scalar(t, style))
            .prop_recursive(4, 64, 6, |inner| {
                prop_oneof![
                    (
                        proptest::collection::vec(inner.clone(), 0..5),
                        any::<bool>()
                    )
                        .prop_map(|(items, flow)| Y::Seq(items, flow)),
                    (
                        proptest::collection::vec((key(), inner), 0..6),
                        any::<bool>()
                    )
                        .prop_map(|(entries, flow)| Y::Map(entries, flow)),
                ]
            })
    }

    fn plain(t: &str) -> Y {
        Y::Scalar(t.to_owned(), 0)
    }

    /// Sections whose entries have their required fields, so that the checks of the
    /// whole (ids, references, dates, selectors) run too.
    fn entries() -> impl Strategy<Value = (String, Y)> {
        let role = (text(), text(), "20[0-2][0-9](-0[1-9])?", text(), value()).prop_map(
            |(id, org, start, end, extra)| {
                Y::Map(
                    vec![
                        ("id".into(), plain(&id)),
                        ("title".into(), plain("T")),
                        ("organization".into(), plain(&org)),
                        ("start".into(), plain(&start)),
                        ("end".into(), plain(&end)),
                        ("tags".into(), extra),
                    ],
                    false,
                )
            },
        );
        let project = (text(), text(), value()).prop_map(|(id, kind, figures)| {
            Y::Map(
                vec![
                    ("id".into(), plain(&id)),
                    ("title".into(), plain("P")),
                    ("classification".into(), plain(&kind)),
                    ("tagline".into(), plain("t")),
                    ("figures".into(), figures),
                ],
                false,
            )
        });
        let profile = (key(), text(), text()).prop_map(|(name, select, tags)| {
            Y::Map(
                vec![(
                    name,
                    Y::Map(
                        vec![
                            ("select".into(), Y::Scalar(select, 2)),
                            ("tags".into(), Y::Seq(vec![plain(&tags)], true)),
                        ],
                        false,
                    ),
                )],
                false,
            )
        });
        prop_oneof![
            proptest::collection::vec(role, 1..4)
                .prop_map(|r| ("experience".to_owned(), Y::Seq(r, false))),
            proptest::collection::vec(project, 1..4)
                .prop_map(|p| ("projects".to_owned(), Y::Seq(p, false))),
            profile.prop_map(|p| ("profiles".to_owned(), p)),
        ]
    }

    fn document() -> impl Strategy<Value = Vec<(String, Y)>> {
        let top = prop_oneof![
            6 => proptest::sample::select(TOP).prop_map(str::to_owned),
            1 => key(),
        ];
        let person = (
            "person".to_owned(),
            Y::Map(
                vec![("name".into(), plain("A")), ("headline".into(), plain("B"))],
                false,
            ),
        );
        (
            proptest::collection::vec((top, value()), 0..4),
            proptest::collection::vec(entries(), 0..3),
            any::<bool>(),
        )
            .prop_map(move |(mut doc, entries, with_person)| {
                if with_person {
                    doc.insert(0, person.clone());
                }
                doc.extend(entries);
                doc
            })
    }

    fn scalar(t: &str, style: u8) -> String {
        match style {
            0 => t.to_owned(),
            1 => format!("'{}'", t.replace('\'', "''")),
            // A JSON string is a YAML double-quoted scalar.
            _ => serde_json::to_string(t).unwrap(),
        }
    }

    fn flow(y: &Y) -> String {
        match y {
            Y::Scalar(t, s) => scalar(t, *s),
            Y::Seq(items, _) => {
                let items: Vec<String> = items.iter().map(flow).collect();
                format!("[{}]", items.join(", "))
            }
            Y::Map(entries, _) => {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{k}: {}", flow(v)))
                    .collect();
                format!("{{{}}}", entries.join(", "))
            }
        }
    }

    /// Prints `y` after `lead` (`key:` or `-`), in block style unless it is flow.
    fn block(lead: &str, y: &Y, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        match y {
            Y::Seq(items, false) if !items.is_empty() => {
                out.push_str(&format!("{pad}{lead}\n"));
                for item in items {
                    block("-", item, indent + 2, out);
                }
            }
            Y::Map(entries, false) if !entries.is_empty() => {
                out.push_str(&format!("{pad}{lead}\n"));
                for (k, v) in entries {
                    block(&format!("{k}:"), v, indent + 2, out);
                }
            }
            _ => out.push_str(&format!("{pad}{lead} {}\n", flow(y))),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        #[test]
        fn any_text_loads_or_fails_inside_the_file(text in "\\PC*|[-:#&*!|>'\"%@`{}\\[\\], \n\t?a-z0-9]*") {
            load_text(&text);
        }

        #[test]
        fn any_bytes_load_or_fail(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            if let Ok(text) = decode(bytes, "content/x.yaml") {
                load_text(&text);
            }
        }

        #[test]
        fn yaml_like_documents_load_or_fail_inside_the_file(doc in document(), junk in "\\PC{0,3}", at in any::<usize>()) {
            let mut text = String::new();
            for (key, value) in &doc {
                block(&format!("{key}:"), value, 0, &mut text);
            }
            load_text(&text);
            // The same with a few characters of junk somewhere in it.
            let at = text.floor_char_boundary(at % (text.len() + 1));
            text.insert_str(at, &junk);
            load_text(&text);
        }
    }
}
