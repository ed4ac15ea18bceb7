//! Load: the content folder to a checked [`Content`], or every error found on the way.
//!
//! Each YAML file is parsed to a positioned tree (`yaml`), each entry of each section is
//! deserialised on its own (`de`), so one broken entry does not hide the errors of the
//! next, and the merged result is checked as a whole (`check`).

mod check;
mod de;
pub mod profiles;
pub mod yaml;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diag, SourceFile, SourceFiles};
use crate::model::{Content, ContentFile, Span};
use yaml::{Kind, Node};

/// Larger than any real content file; keeps a stray data dump from eating memory.
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The outcome of loading: the files read (for diagnostics), warnings, and the content
/// if there were no errors.
pub struct Loaded {
    pub files: SourceFiles,
    pub diags: Vec<Diag>,
    pub content: Option<Content>,
    /// The content folder, canonicalised.
    pub dir: PathBuf,
    /// How many YAML files were read.
    pub file_count: usize,
}

/// Reads every `.yaml`/`.yml` file under `dir` (in path order) and checks the whole.
/// Fails only when the folder itself cannot be read; content errors are in `diags`.
pub fn load(dir: &Path) -> Result<Loaded, Diag> {
    let canonical = dir.canonicalize().map_err(|e| {
        Diag::error(format!(
            "cannot read the content folder `{}`: {}",
            dir.display(),
            io_reason(&e)
        ))
        .hint("run `resume` where your `content/` folder is, or pass `--content DIR`")
    })?;
    if !canonical.is_dir() {
        return Err(Diag::error(format!("`{}` is not a folder", dir.display()))
            .hint("`--content` names the folder that holds your YAML files"));
    }
    let mut paths = Vec::new();
    collect_yaml(&canonical, &mut paths).map_err(|e| {
        Diag::error(format!(
            "cannot list `{}`: {}",
            dir.display(),
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

    let mut loaded = Loaded {
        files: SourceFiles::default(),
        diags: Vec::new(),
        content: None,
        dir: canonical.clone(),
        file_count: paths.len(),
    };
    let mut merged = ContentFile::default();
    for path in &paths {
        let name = display_name(dir, &canonical, path);
        match read_text(path, &name) {
            Ok(text) => {
                let id = loaded.files.add(SourceFile::new(name, text));
                if let Some(file) = loaded.files.get(id) {
                    load_file(&file.text, id, &mut merged, &mut loaded.diags);
                }
            }
            Err(diag) => loaded.diags.push(diag),
        }
    }
    if !loaded.diags.iter().any(Diag::is_error) {
        loaded.content = check::check(merged, &canonical, &loaded.files, &mut loaded.diags);
    }
    if loaded.diags.iter().any(Diag::is_error) {
        loaded.content = None;
    }
    Ok(loaded)
}

fn load_file(text: &str, file: u32, merged: &mut ContentFile, diags: &mut Vec<Diag>) {
    let root = match yaml::parse(text, file) {
        Ok(Some(root)) => root,
        Ok(None) => {
            let span = Span {
                file,
                line: 1,
                col: 0,
                len: 1,
            };
            diags.push(Diag::warning("this file is empty").at(span));
            return;
        }
        Err(diag) => return diags.push(diag),
    };
    let Kind::Map(sections) = &root.kind else {
        diags.push(
            Diag::error(format!(
                "expected sections such as `person:` or `projects:`, found {}",
                root.describe()
            ))
            .at(root.span)
            .hint("every content file is a mapping of sections; run `resume schema` to see them"),
        );
        return;
    };
    let sink = RefCell::new(Vec::new());
    for (key, value) in sections {
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
            match de::from_node::<ContentFile>(&one, &sink) {
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
                Err(e) => diags.push(e.into_diag()),
            }
        }
    }
    diags.extend(sink.into_inner().into_iter().map(de::Error::into_diag));
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_yaml(&path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            out.push(path);
        }
    }
    Ok(())
}

fn read_text(path: &Path, name: &str) -> Result<String, Diag> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Diag::error(format!("cannot read `{name}`: {}", io_reason(&e))))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diag::error(format!(
            "`{name}` is {} MiB; content files may be at most {} MiB",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ))
        .hint("split it into several files, or move data that is not content out of the folder"));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diag::error(format!("cannot read `{name}`: {}", io_reason(&e))))?;
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
