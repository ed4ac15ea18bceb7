//! `<out>/manifest.json`: every PDF a build wrote, with its profile, document, pages, size
//! and sha256, for CI to publish and check. A build of part of the content updates the
//! entries it wrote and keeps the others that still exist.
//!
//! `documents` lists the PDFs only, as it always has; the other formats (`--format
//! png,txt,md`) are listed under `outputs`, with the same fields (`pages`: the pages the
//! file holds, 1 for a PNG), so a consumer that reads PDFs keeps reading PDFs.

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
            sha256: Sha256::digest(pdf)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    generator: String,
    date: String,
    documents: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    outputs: Vec<Entry>,
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

/// Files of the built formats (`extensions`: `pdf`, `png`...) in the output folder that
/// this run neither wrote nor failed to write. Only a build of everything can tell; a
/// partial build reports none. Formats this run did not make are left alone.
pub fn stale(
    out: &Path,
    written: &[Entry],
    failed: &[PathBuf],
    everything: bool,
    extensions: &[&str],
) -> Vec<PathBuf> {
    if !everything {
        return Vec::new();
    }
    let mut found = Vec::new();
    files(out, extensions, &mut found);
    // A document that failed keeps all its files: `cv.pdf`, `cv.txt`, `cv-1.png`.
    let failed: Vec<String> = failed
        .iter()
        .map(|p| document_of(&relative(out, p)))
        .collect();
    found.retain(|p| {
        let rel = relative(out, p);
        !written.iter().any(|e| e.path == rel) && !failed.contains(&document_of(&rel))
    });
    found.sort();
    found
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

fn files(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            files(&path, extensions, out);
        } else if path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x))
            && path.file_name().is_some_and(|n| n != "manifest.json")
        {
            out.push(path);
        }
    }
}

/// Writes the manifest: this run's entries, plus earlier ones whose files still exist and
/// that this run did not rewrite or find stale.
pub fn write(out: &Path, date: Date, written: &[Entry], stale: &[PathBuf]) -> Result<(), Diag> {
    let path = out.join("manifest.json");
    let earlier: Vec<Entry> = std::fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
        .map(|m| m.documents.into_iter().chain(m.outputs).collect())
        .unwrap_or_default();
    let stale: Vec<String> = stale.iter().map(|p| relative(out, p)).collect();
    let mut documents: Vec<Entry> = earlier
        .into_iter()
        .filter(|e| {
            !written.iter().any(|w| w.path == e.path)
                && !stale.contains(&e.path)
                && out.join(&e.path).is_file()
        })
        .chain(written.iter().cloned())
        .collect();
    documents.sort_by(|a, b| a.path.cmp(&b.path));
    let (documents, outputs) = documents.into_iter().partition(Entry::is_pdf);
    let manifest = Manifest {
        generator: concat!("resume ", env!("CARGO_PKG_VERSION")).to_owned(),
        date: date.to_string(),
        documents,
        outputs,
    };
    let mut bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    bytes.push(b'\n');
    super::build::write_atomically(&path, &bytes)
}
