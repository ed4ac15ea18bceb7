//! Remembers how each CV was made to fit, keyed by a hash of everything that decides it
//! (the data, the templates, the page budget, the tool's version), so that rebuilding
//! unchanged input lays the CV out once instead of searching again, and input edited
//! since (a line changed in `watch`) two or three times instead of eight. Kept beside the
//! PDFs in `<out>/.resume-fit.json`; a missing or unreadable cache is simply empty. The
//! file is not trusted: a plan with more tightening than the template has is left out
//! here, and `fit` checks the rest against the draft before laying a plan out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::render::fit::{Known, MAX_TIGHTEN, Plan};

#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Entry {
    key: String,
    plan: Plan,
}

pub struct FitCache {
    path: PathBuf,
    entries: BTreeMap<String, Entry>,
    /// The documents this run fitted differently: written over what the file holds then,
    /// which another build into the same folder may have changed meanwhile.
    changed: BTreeMap<String, Entry>,
}

fn read(path: &Path) -> BTreeMap<String, Entry> {
    let mut entries: BTreeMap<String, Entry> = std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    entries.retain(|_, e| e.plan.tighten <= MAX_TIGHTEN);
    entries
}

impl FitCache {
    pub fn open(out: &Path) -> FitCache {
        let path = out.join(".resume-fit.json");
        FitCache {
            entries: read(&path),
            path,
            changed: BTreeMap::new(),
        }
    }

    /// The plan of the last build of `document`: of this very input when `key` matches.
    pub fn get(&self, document: &str, key: &str) -> Option<Known> {
        self.entries.get(document).map(|e| {
            if e.key == key {
                Known::Same(e.plan)
            } else {
                Known::Before(e.plan)
            }
        })
    }

    pub fn set(&mut self, document: String, key: String, plan: Plan) {
        if self.get(&document, &key) != Some(Known::Same(plan)) {
            let entry = Entry { key, plan };
            self.changed.insert(document.clone(), entry.clone());
            self.entries.insert(document, entry);
        }
    }

    /// The cache to write, if this run changed it: the file as it is now with this run's
    /// plans. Returns the path and bytes, so that the caller writes it the way it writes
    /// everything (atomically), under the manifest's lock.
    pub fn to_write(&self) -> Option<(&Path, Vec<u8>)> {
        if self.changed.is_empty() {
            return None;
        }
        let mut entries = read(&self.path);
        entries.extend(self.changed.clone());
        Some((
            self.path.as_path(),
            serde_json::to_vec_pretty(&entries).unwrap_or_default(),
        ))
    }
}

/// A SHA-256 over the parts, each length-prefixed so that no two lists hash alike.
pub fn key(parts: &[&[u8]]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
