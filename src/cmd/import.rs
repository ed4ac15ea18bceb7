//! `resume import`: a JSON Resume or RenderCV file to content files, every field that
//! could not be kept named in a warning. Nothing is overwritten without `--force`: every
//! target is checked before the first file is written, and each is written atomically.

use std::path::{Path, PathBuf};

use super::build::write_atomically;
use super::{Reported, fail};
use crate::args::{ImportArgs, ImportFormat};
use crate::convert::{self, Imported};
use crate::diagnostic::{Diag, SourceFile, SourceFiles};
use crate::load::{self, io_reason, yaml};

/// The top-level keys of JSON Resume (schema 1.x): a file with none of them is not one.
const JSON_RESUME_KEYS: &[&str] = &[
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
];

/// Bigger than any real résumé; keeps a stray dump from eating memory.
const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

pub fn run(args: &ImportArgs) -> Result<(), Reported> {
    let text = read(&args.file)?;
    let name = args.file.display().to_string();
    let imported = match args.format {
        ImportFormat::Jsonresume => {
            let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
                fail(
                    Diag::error(format!("`{name}` is not valid JSON: {e}",))
                        .hint("JSON Resume files are JSON: check the place named above"),
                )
            })?;
            let keys: Vec<&str> = value
                .as_object()
                .map(|o| o.keys().map(String::as_str).collect())
                .unwrap_or_default();
            if keys.contains(&"cv") {
                return Err(fail(
                    Diag::error(format!(
                        "`{name}` is a RenderCV file, not JSON Resume: it has `cv`"
                    ))
                    .hint(format!(
                        "nothing was written; import it with `resume import rendercv {name}`"
                    )),
                ));
            }
            if !keys.iter().any(|k| JSON_RESUME_KEYS.contains(k)) {
                return Err(fail(
                    Diag::error(format!("`{name}` is not a JSON Resume document"))
                        .hint("nothing was written; a JSON Resume file is one JSON object with `basics`, `work`, `education`..."),
                ));
            }
            convert::jsonresume::import(&value)
        }
        ImportFormat::Rendercv => {
            let mut files = SourceFiles::default();
            let id = files.add(SourceFile::new(name.clone(), text.clone()));
            let root = match yaml::parse(&text, id) {
                Ok(Some(root)) => root,
                Ok(None) => {
                    return Err(fail(Diag::error(format!("`{name}` is empty")).hint(
                        "a RenderCV file has a `cv:` section with `name`, `sections`...",
                    )));
                }
                Err(diag) => {
                    files.emit(&[diag]);
                    return Err(Reported);
                }
            };
            let keys: Vec<String> = match &root.kind {
                yaml::Kind::Map(entries) => entries
                    .iter()
                    .filter_map(|(k, _)| k.scalar_text())
                    .map(|k| k.to_string())
                    .collect(),
                _ => Vec::new(),
            };
            if !keys.iter().any(|k| k == "cv") {
                let diag = if keys.iter().any(|k| JSON_RESUME_KEYS.contains(&k.as_str())) {
                    Diag::error(format!(
                        "`{name}` is a JSON Resume file, not RenderCV: it has no `cv` but `{}`",
                        keys.iter()
                            .find(|k| JSON_RESUME_KEYS.contains(&k.as_str()))
                            .map_or("", String::as_str)
                    ))
                    .hint(format!(
                        "nothing was written; import it with `resume import jsonresume {name}`"
                    ))
                } else {
                    Diag::error(format!("`{name}` is not a RenderCV file: it has no `cv` section"))
                        .hint("nothing was written; a RenderCV file is a mapping with a `cv:` section (`name`, `sections`...)")
                };
                return Err(fail(diag));
            }
            convert::rendercv::import(&root)
        }
    };
    let mut imported = imported;
    let copies = bring_photo(&mut imported, &args.file);
    write(&imported, &copies, &args.into, args.force)
}

/// The photo an imported file names is a path beside that file: it is copied into the
/// content folder under its own name (returned as `(from, to)` for `write`), or dropped
/// with a warning when there is no such image.
fn bring_photo(imported: &mut Imported, source: &Path) -> Vec<(PathBuf, String)> {
    let Some(person) = imported
        .files
        .iter_mut()
        .find_map(|f| f.content.person.as_mut())
    else {
        return Vec::new();
    };
    let Some(photo) = person.value.photo.as_mut() else {
        return Vec::new();
    };
    let written = photo.path.value.clone();
    let from = source.parent().unwrap_or(Path::new(".")).join(&written);
    let name = from.file_name().map(|n| n.to_string_lossy().into_owned());
    let image = matches!(
        from.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("png" | "jpg" | "jpeg" | "gif" | "svg")
    );
    match name {
        Some(name) if image && from.is_file() && !name.starts_with('.') => {
            photo.path.value = name.clone();
            vec![(from, name)]
        }
        _ => {
            imported.warnings.push(format!(
                "dropped the photo `{written}`: there is no such image beside `{}`; copy it into the content folder and set `person.photo`",
                source.display()
            ));
            person.value.photo = None;
            Vec::new()
        }
    }
}

fn read(path: &Path) -> Result<String, Reported> {
    let cannot = |e: std::io::Error| {
        fail(Diag::error(format!(
            "cannot read `{}`: {}",
            path.display(),
            io_reason(&e)
        )))
    };
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_INPUT_BYTES {
        return Err(fail(Diag::error(format!(
            "`{}` is {size} bytes: too large for a résumé (the limit is {MAX_INPUT_BYTES})",
            path.display()
        ))));
    }
    // A device or a `/proc` file reports size 0: only a capped read bounds it.
    let bytes = load::read_capped(path, MAX_INPUT_BYTES).map_err(cannot)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(fail(Diag::error(format!(
            "`{}` is too large for a résumé: more than the limit of {MAX_INPUT_BYTES} bytes",
            path.display()
        ))));
    }
    String::from_utf8(bytes).map_err(|_| {
        fail(
            Diag::error(format!("`{}` is not UTF-8 text", path.display()))
                .hint("save the file as UTF-8 and try again"),
        )
    })
}

fn write(
    imported: &Imported,
    copies: &[(PathBuf, String)],
    into: &Path,
    force: bool,
) -> Result<(), Reported> {
    let rendered = imported.render().map_err(|e| {
        fail(Diag::error(format!(
            "internal error: cannot write the content as YAML: {e}"
        )))
    })?;
    let existing: Vec<String> = rendered
        .iter()
        .map(|(rel, _)| rel)
        .chain(copies.iter().map(|(_, rel)| rel))
        .map(|rel| into.join(rel))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() && !force {
        let names: Vec<&str> = existing.iter().map(String::as_str).collect();
        return Err(fail(
            Diag::error(format!(
                "{} already exist{}",
                crate::suggest::quoted(&names),
                if existing.len() == 1 { "s" } else { "" }
            ))
            .hint("nothing was written; pass `--force` to overwrite, or `--into DIR` for another folder"),
        ));
    }
    let warnings: Vec<Diag> = imported
        .warnings
        .iter()
        .map(|w| Diag::warning(w.clone()))
        .collect();
    SourceFiles::default().emit(&warnings);
    for (rel, text) in &rendered {
        let path = into.join(rel);
        write_atomically(&path, text.as_bytes()).map_err(fail)?;
        crate::say!("wrote {}", path.display());
    }
    for (from, rel) in copies {
        let path = into.join(rel);
        let bytes = load::read_capped(from, MAX_INPUT_BYTES).map_err(|e| {
            fail(Diag::error(format!(
                "cannot read `{}`: {}",
                from.display(),
                io_reason(&e)
            )))
        })?;
        write_atomically(&path, &bytes).map_err(fail)?;
        crate::say!("copied {} to {}", from.display(), path.display());
    }
    let w = imported.warnings.len();
    let summary = format!(
        "imported into `{}`: {} file{}, {w} warning{}",
        into.display(),
        rendered.len(),
        if rendered.len() == 1 { "" } else { "s" },
        if w == 1 { "" } else { "s" },
    );
    // The folder as a whole must load: other files already in it may clash with the new
    // ones (a second `person`, an id used twice).
    let mut loaded = load::load(into).map_err(fail)?;
    loaded.diags.retain(Diag::is_error);
    if loaded.diags.is_empty() {
        crate::say!(
            "{summary}; the content checks out: build it with `resume build --content {}`",
            into.display()
        );
        return Ok(());
    }
    loaded.files.emit(&loaded.diags);
    let n = loaded.diags.len();
    Err(fail(
        Diag::error(format!(
            "{summary}, but `{}` now has {n} error{}",
            into.display(),
            if n == 1 { "" } else { "s" }
        ))
        .hint("fix them as shown above (files that were there before may clash with the imported ones), then `resume check`"),
    ))
}
