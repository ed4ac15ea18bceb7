//! `<out>/manifest.json`: every PDF a build wrote, with its profile, document, pages, size
//! and sha256, for CI to publish and check. A build of part of the content updates the
//! entries it wrote and keeps the others that still exist.
//!
//! `documents` lists the PDFs only, as it always has; the other formats (`--format
//! png,txt,md`) are listed under `outputs`, with the same fields (`pages`: the pages the
//! file holds, 1 for a PNG), so a consumer that reads PDFs keeps reading PDFs.
//!
//! The manifest is also how `--clean` knows what `resume` wrote: files an earlier build
//! listed that no build makes any more move to `stale`, and only those are ever removed
//! (see `remove`). A file the manifest never listed is not `resume`'s to touch.
//!
//! Builds into one output folder at the same time each read, change and write the
//! manifest: that is done under an advisory lock on `<out>/.resume-manifest.lock` (see
//! `lock`), so that none loses what another wrote. A build interrupted between writing
//! its files and the manifest (`kill -9`) leaves entries whose files changed: the next
//! build notices (size or sha256) and records the files as they are.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::Diag;
use crate::model::Date;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the output folder, with `/`.
    pub path: String,
    pub profile: String,
    pub document: String,
    pub pages: usize,
    pub bytes: usize,
    pub sha256: String,
}

impl Entry {
    pub fn new(
        out: &Path,
        path: &Path,
        profile: &str,
        document: &str,
        pages: usize,
        pdf: &[u8],
    ) -> Entry {
        Entry {
            path: relative(out, path),
            profile: profile.to_owned(),
            document: document.to_owned(),
            pages,
            bytes: pdf.len(),
            sha256: sha256(pdf),
        }
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    generator: String,
    date: String,
    documents: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    outputs: Vec<Entry>,
    /// Files an earlier build wrote that no profile makes any more: kept here, so that
    /// `--clean` knows them as `resume`'s own, until it removes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    stale: Vec<Entry>,
}

impl Entry {
    fn is_pdf(&self) -> bool {
        self.path.ends_with(".pdf")
    }
}

fn relative(out: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(out).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Holds the manifest's lock until dropped.
pub struct Lock(Option<std::fs::File>);

/// Waits for the advisory lock on the output folder's manifest, for a read, change and
/// write of it. Where there is no lock to have (a file system without locks), the build
/// goes on unlocked, as it did before locks.
pub fn lock(out: &Path) -> Lock {
    let _ = std::fs::create_dir_all(out);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(".resume-manifest.lock"))
        .ok();
    Lock(file.filter(|f| f.lock().is_ok()))
}

impl Drop for Lock {
    fn drop(&mut self) {
        if let Some(file) = &self.0 {
            let _ = file.unlock();
        }
    }
}

/// What the manifest will hold after this run.
pub struct Update {
    /// The files built now, and earlier ones still current: `documents` and `outputs`.
    pub current: Vec<Entry>,
    /// Files an earlier build wrote that no profile makes any more, and that still exist.
    pub stale: Vec<Entry>,
    /// Listed files that changed since the manifest recorded them, recorded anew.
    pub repaired: Vec<String>,
}

/// Brings an entry up to date with its file, when the file is not what the entry says
/// (a build stopped after writing the file, before the manifest): its size, sha256 and,
/// for a PDF, its pages. Whether it changed.
fn repair(out: &Path, entry: &mut Entry) -> bool {
    let path = out.join(&entry.path);
    // A regular file only (not a link, a pipe or a device), and of a size a build makes.
    let Ok(meta) = path.symlink_metadata() else {
        return false;
    };
    if !meta.is_file() || meta.len() > 1 << 30 {
        return false;
    }
    let same_size = meta.len() == entry.bytes as u64;
    let Ok(bytes) = std::fs::read(&path) else {
        return false;
    };
    let sha = sha256(&bytes);
    if same_size && sha == entry.sha256 {
        return false;
    }
    if entry.is_pdf()
        && let Some(pages) = pdf_pages(&bytes)
    {
        entry.pages = pages;
    }
    entry.bytes = bytes.len();
    entry.sha256 = sha;
    true
}

/// The page count of a PDF as Typst writes it (`/Type/Pages/Count 2`): the largest
/// count of a page tree node is the root's.
fn pdf_pages(bytes: &[u8]) -> Option<usize> {
    const NODE: &[u8] = b"/Type/Pages/Count ";
    bytes
        .windows(NODE.len())
        .enumerate()
        .filter(|(_, w)| *w == NODE)
        .filter_map(|(i, _)| {
            let digits: Vec<u8> = bytes[i + NODE.len()..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .copied()
                .collect();
            std::str::from_utf8(&digits).ok()?.parse().ok()
        })
        .max()
}

/// Reads the earlier manifest and works out what it becomes with this run's files.
///
/// A file is stale only if the manifest says `resume` wrote it: it was listed by an
/// earlier build (or already as stale), this run neither wrote it nor failed to, and it
/// is of a format this run makes. Only a build of everything can tell which listed files
/// are no longer built; a partial build finds no new stale files and keeps the old ones.
/// Files the manifest does not list are never stale, whatever lies in the folder.
/// The folder under `--out` that holds the kits of `resume apply`.
pub const KITS: &str = "applications/";

pub fn update(
    out: &Path,
    written: &[Entry],
    failed: &[PathBuf],
    everything: bool,
    extensions: &[&str],
) -> Update {
    let earlier = std::fs::read(out.join("manifest.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok());
    let (listed, was_stale) = earlier.map_or_else(Default::default, |m| {
        (
            m.documents.into_iter().chain(m.outputs).collect::<Vec<_>>(),
            m.stale,
        )
    });
    // A document that failed keeps all its files: `cv.pdf`, `cv.txt`, `cv-1.png`.
    let failed: Vec<String> = failed
        .iter()
        .map(|p| document_of(&relative(out, p)))
        .collect();
    let rewritten = |e: &Entry| written.iter().any(|w| w.path == e.path);
    let exists = |e: &Entry| out.join(&e.path).symlink_metadata().is_ok();
    let mut current = Vec::new();
    let mut repaired = Vec::new();
    let mut stale: Vec<Entry> = was_stale
        .into_iter()
        .filter(|e| !rewritten(e) && exists(e))
        .collect();
    for mut entry in listed {
        if rewritten(&entry) || !exists(&entry) {
            continue;
        }
        // Only a plain path inside the folder is read (`remove` says why).
        if plain_parts(&entry.path).is_some() && repair(out, &mut entry) {
            repaired.push(entry.path.clone());
        }
        let format_built = entry
            .path
            .rsplit_once('.')
            .is_some_and(|(_, x)| extensions.contains(&x));
        // The kits of `resume apply` are built on their own: a full build leaves them.
        let kit = entry.path.starts_with(KITS);
        if everything && format_built && !kit && !failed.contains(&document_of(&entry.path)) {
            stale.push(entry);
        } else {
            current.push(entry);
        }
    }
    current.extend(written.iter().cloned());
    current.sort_by(|a, b| a.path.cmp(&b.path));
    stale.sort_by(|a, b| a.path.cmp(&b.path));
    stale.dedup_by(|a, b| a.path == b.path);
    Update {
        current,
        stale,
        repaired,
    }
}

/// The document a file belongs to: `backend/cv-2.png` -> `backend/cv`.
fn document_of(rel: &str) -> String {
    let Some((stem, extension)) = rel.rsplit_once('.') else {
        return rel.to_owned();
    };
    if extension == "png"
        && let Some((name, page)) = stem.rsplit_once('-')
        && !page.is_empty()
        && page.chars().all(|c| c.is_ascii_digit())
    {
        return name.to_owned();
    }
    stem.to_owned()
}

/// Why `remove` left a stale file in place.
pub enum Kept {
    /// The file is no longer what `resume` wrote (its size or sha256 differ): it is
    /// someone else's now, and the manifest forgets it.
    Changed,
    /// It cannot or may not be removed; the manifest keeps it, for a later try.
    Refused(String),
}

/// Removes a stale file and then the folders that removing it leaves empty, up to (not
/// including) the output folder. Only a regular file at a plain relative path inside
/// `out`, reached through real folders (no symbolic link is followed, no `..`), with the
/// size and sha256 the manifest recorded, is removed; a folder goes only once empty.
pub fn remove(out: &Path, entry: &Entry) -> Result<(), Kept> {
    let Some(parts) = plain_parts(&entry.path) else {
        return Err(Kept::Refused(
            "the manifest names it by a path that is not inside the output folder".to_owned(),
        ));
    };
    let mut dirs = Vec::new();
    let mut dir = out.to_path_buf();
    for part in &parts[..parts.len() - 1] {
        dir.push(part);
        if !dir.symlink_metadata().is_ok_and(|m| m.is_dir()) {
            return Err(Kept::Refused(format!(
                "`{}` is not a folder (a symbolic link is not followed)",
                dir.display()
            )));
        }
        dirs.push(dir.clone());
    }
    let path = dir.join(parts[parts.len() - 1]);
    let reason = |e: std::io::Error| Kept::Refused(crate::load::io_reason(&e));
    let meta = path.symlink_metadata().map_err(reason)?;
    if !meta.is_file() {
        return Err(Kept::Refused(
            "it is not a regular file (a symbolic link is not followed)".to_owned(),
        ));
    }
    if meta.len() != entry.bytes as u64 {
        return Err(Kept::Changed);
    }
    let bytes = std::fs::read(&path).map_err(reason)?;
    if sha256(&bytes) != entry.sha256 {
        return Err(Kept::Changed);
    }
    std::fs::remove_file(&path).map_err(reason)?;
    // `remove_dir` refuses a folder that is not empty, and a symbolic link.
    for dir in dirs.iter().rev() {
        if std::fs::remove_dir(dir).is_err() {
            break;
        }
    }
    Ok(())
}

/// The parts of a manifest path that is plain (`backend/cv.pdf`): each one a file or
/// folder name, none `..`, `.` or empty, not absolute; `None` for any other.
fn plain_parts(path: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = path.split('/').collect();
    let plain = |p: &&str| {
        let mut c = Path::new(p).components();
        matches!(c.next(), Some(std::path::Component::Normal(n)) if n == *p) && c.next().is_none()
    };
    parts.iter().all(plain).then_some(parts)
}

/// The folders inside `out` that hold a file the manifest lists (current or stale), for
/// the build to look for its own leftovers in.
pub fn folders(out: &Path) -> Vec<PathBuf> {
    let Some(manifest) = std::fs::read(out.join("manifest.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
    else {
        return Vec::new();
    };
    manifest
        .documents
        .iter()
        .chain(&manifest.outputs)
        .chain(&manifest.stale)
        .filter_map(|e| plain_parts(&e.path))
        .map(|parts| out.join(parts[..parts.len() - 1].join("/")))
        .collect()
}

/// Writes the manifest: the current files as `documents` (PDFs) and `outputs`, and the
/// stale ones `resume` wrote and has not removed.
pub fn write(out: &Path, date: Date, update: Update) -> Result<(), Diag> {
    let path = out.join("manifest.json");
    let (documents, outputs) = update.current.into_iter().partition(Entry::is_pdf);
    let manifest = Manifest {
        generator: concat!("resume ", env!("CARGO_PKG_VERSION")).to_owned(),
        date: date.to_string(),
        documents,
        outputs,
        stale: update.stale,
    };
    let mut bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    bytes.push(b'\n');
    super::build::write_atomically(&path, &bytes)
}
