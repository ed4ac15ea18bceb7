//! The files `build` writes for one document: the PDF, and on request PNG pages, plain
//! text and Markdown (`--format`), all beside each other and named after the PDF:
//! `Ada-Example-CV.pdf`, `Ada-Example-CV-1.png`, `-2.png`... (numbered even when there is
//! one page, so that a script finds page 1 the same way whatever the length),
//! `Ada-Example-CV.txt`, `Ada-Example-CV.md`.

use std::path::{Path, PathBuf};

use crate::args::Format;
use crate::diagnostic::Diag;
use crate::render::{self, Rendered};

/// One file to write.
pub struct Output {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// How many of the document's pages it holds.
    pub pages: usize,
}

/// The files of one document, in the order of `Format` (PDF first). The PDF's bytes are
/// moved out of `rendered`, not copied.
pub fn make(
    pdf: &Path,
    rendered: &mut Rendered,
    formats: &[Format],
    ppi: u32,
) -> Result<Vec<Output>, Diag> {
    let mut formats = formats.to_vec();
    formats.sort();
    formats.dedup();
    let mut outputs = Vec::new();
    for format in formats {
        match format {
            Format::Pdf => outputs.push(Output {
                path: pdf.to_path_buf(),
                bytes: std::mem::take(&mut rendered.pdf),
                pages: rendered.pages,
            }),
            Format::Png => {
                for (i, page) in rendered.document.pages().iter().enumerate() {
                    let bytes = render::png(page, ppi).map_err(|e| {
                        Diag::error(format!(
                            "cannot make page {} of `{}` a PNG: {e}",
                            i + 1,
                            pdf.display()
                        ))
                    })?;
                    outputs.push(Output {
                        path: png_path(pdf, i + 1),
                        bytes,
                        pages: 1,
                    });
                }
            }
            Format::Txt => outputs.push(Output {
                path: pdf.with_extension("txt"),
                bytes: render::text::plain(&rendered.document).into_bytes(),
                pages: rendered.pages,
            }),
            Format::Md => outputs.push(Output {
                path: pdf.with_extension("md"),
                bytes: render::text::markdown(&rendered.document).into_bytes(),
                pages: rendered.pages,
            }),
        }
    }
    Ok(outputs)
}

/// `dist/backend/cv.pdf`, page 2 -> `dist/backend/cv-2.png`.
pub fn png_path(pdf: &Path, page: usize) -> PathBuf {
    let stem = pdf
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    pdf.with_file_name(format!("{stem}-{page}.png"))
}
