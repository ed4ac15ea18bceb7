//! `resume templates eject`: copy the built-in templates out, to take them over.

use std::path::Path;

use super::{Reported, fail};
use crate::diagnostic::Diag;
use crate::load::io_reason;
use crate::render::templates::BUILTIN;

pub fn eject(dir: &Path, force: bool) -> Result<(), Reported> {
    let existing: Vec<String> = BUILTIN
        .iter()
        .filter(|(name, _)| dir.join(name).exists())
        .map(|(name, _)| dir.join(name).display().to_string())
        .collect();
    if !existing.is_empty() && !force {
        return Err(fail(
            Diag::error(format!(
                "{} already exist{}",
                crate::suggest::quoted(&existing.iter().map(String::as_str).collect::<Vec<_>>()),
                if existing.len() == 1 { "s" } else { "" }
            ))
            .hint("nothing was written; pass `--force` to overwrite them, or name another folder"),
        ));
    }
    for (name, text) in BUILTIN {
        let path = dir.join(name);
        let cannot = |e: std::io::Error| {
            fail(Diag::error(format!(
                "cannot write `{}`: {}",
                path.display(),
                io_reason(&e)
            )))
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(cannot)?;
        }
        std::fs::write(&path, text).map_err(cannot)?;
        crate::say!("wrote {}", path.display());
    }
    crate::say!(
        "the templates in `{}` now replace the built-in ones for content beside it; see the README for the data they receive",
        dir.display()
    );
    Ok(())
}
