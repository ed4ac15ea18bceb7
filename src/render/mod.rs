//! Render: document data to PDF through Typst, compiled in this process.

pub mod data;
pub mod fit;
pub mod fonts;
pub mod frames;
pub mod markup;
pub mod templates;
pub mod text;
mod world;

use std::collections::HashMap;

use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::Datetime;
use typst::syntax::FileId;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use crate::diagnostic::{Diag, SourceFile, SourceFiles};
use crate::model::{Date, Span};
pub use world::ResumeWorld;

/// A compiled document.
pub struct Rendered {
    pub pdf: Vec<u8>,
    /// The laid-out pages, for the other formats (PNG, text, Markdown).
    pub document: PagedDocument,
    pub pages: usize,
    pub warnings: Vec<Diag>,
    /// Characters no font had: they print as empty boxes.
    pub missing: std::collections::BTreeSet<char>,
}

/// Makes the compiler once per run: fonts set up, library built.
pub fn world(root: std::path::PathBuf, system_fonts: bool, date: Date) -> ResumeWorld {
    let fonts = fonts::load(system_fonts, &root);
    world_with(root, std::sync::Arc::new(fonts), date)
}

/// A compiler over fonts already loaded: parallel builds share them.
pub fn world_with(
    root: std::path::PathBuf,
    fonts: std::sync::Arc<typst_kit::fonts::FontStore>,
    date: Date,
) -> ResumeWorld {
    ResumeWorld::new(root, fonts, datetime(date))
}

/// Makes the compiler on a thread of its own while the content loads (`prepare`), and
/// hands it over. The thread then lays out a few lines with the templates' `lib.typ`
/// (`WarmUp`) on a compiler of its own over the same fonts: Typst memoizes across
/// compilers, so the real compile, which can only start once the content is loaded,
/// finds that shared work done or under way on the other core (about 1.5 ms less for one
/// CV). Nothing waits for the warm-up; the process may end before it does.
pub fn prepare_beside(
    content: std::path::PathBuf,
    system_fonts: bool,
    templates: Vec<&'static str>,
) -> std::sync::mpsc::Receiver<Option<ResumeWorld>> {
    let (hand_over, receive) = std::sync::mpsc::sync_channel(1);
    std::thread::spawn(move || {
        let world = prepare(&content, system_fonts, &templates);
        let warm_up = world.as_ref().map(ResumeWorld::warm_up);
        // A build that failed meanwhile no longer listens; the warm-up is then moot too.
        if hand_over.send(world).is_ok()
            && let Some(warm_up) = warm_up
        {
            warm_up.run();
        }
    });
    receive
}

/// A compiler made ahead: fonts set up with the default family parsed, and `templates`
/// parsed. Its date is set once the content is read (`set_today`). `None` when the
/// content cannot be found; loading it says why.
fn prepare(
    content: &std::path::Path,
    system_fonts: bool,
    templates: &[&str],
) -> Option<ResumeWorld> {
    let root = content.canonicalize().ok()?.parent()?.to_path_buf();
    let unset = Date {
        year: 1970,
        month: None,
        day: None,
    };
    let world = world(root, system_fonts, unset);
    world.parse_ahead(fonts::DEFAULT_FAMILY, templates);
    Some(world)
}

/// A date as Typst's `today()` gives it.
pub fn datetime(date: Date) -> Datetime {
    Datetime::from_ymd(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
        .unwrap_or_else(|| unreachable!("a checked date is a valid datetime"))
}

/// Compiles `template` with `data` and writes the PDF into memory. Template errors come
/// back as diagnostics whose files are added to `files`.
pub fn render(
    world: &mut ResumeWorld,
    template: &str,
    data: &serde_json::Value,
    date: Date,
    standards: &PdfStandards,
    files: &mut SourceFiles,
) -> Result<Rendered, Vec<Diag>> {
    let compiled = compile(world, template, data, files)?;
    export(compiled, world, date, standards, files)
}

/// A laid-out document and the warnings of its compilation.
pub struct Compiled {
    pub document: PagedDocument,
    pub warnings: Vec<Diag>,
}

/// Lays the document out (no PDF yet). Between compiles of one run the world keeps its
/// caches, so a compile after a small data change is quick.
pub fn compile(
    world: &mut ResumeWorld,
    template: &str,
    data: &serde_json::Value,
    files: &mut SourceFiles,
) -> Result<Compiled, Vec<Diag>> {
    // Serialising a `Value` cannot fail.
    let json = serde_json::to_vec_pretty(data).unwrap_or_default();
    world.set_document(template, json);
    let mut spans = SpanMap {
        world,
        ids: HashMap::new(),
        files,
    };
    let Warned { output, warnings } = typst::compile::<PagedDocument>(spans.world);
    let warnings: Vec<Diag> = warnings.iter().map(|d| spans.convert(d)).collect();
    match output {
        Ok(document) => Ok(Compiled { document, warnings }),
        Err(errors) => Err(errors
            .iter()
            .map(|d| spans.convert(d))
            .chain(warnings)
            .collect()),
    }
}

/// Writes a laid-out document as PDF, conforming to `standards` (PDF/A, PDF/UA). What a
/// standard forbids comes back as diagnostics, like any template error.
pub fn export(
    compiled: Compiled,
    world: &ResumeWorld,
    date: Date,
    standards: &PdfStandards,
    files: &mut SourceFiles,
) -> Result<Rendered, Vec<Diag>> {
    let timestamp = Datetime::from_ymd_hms(
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1),
        0,
        0,
        0,
    )
    .map(Timestamp::new_utc);
    let options = PdfOptions {
        timestamp,
        standards: standards.clone(),
        ..PdfOptions::default()
    };
    let mut spans = SpanMap {
        world,
        ids: HashMap::new(),
        files,
    };
    let pdf = typst_pdf::pdf(&compiled.document, &options)
        .map_err(|errors| errors.iter().map(|d| spans.convert(d)).collect::<Vec<_>>())?;
    let missing = frames::missing_glyphs(&compiled.document);
    Ok(Rendered {
        pdf,
        pages: compiled.document.pages().len(),
        warnings: compiled.warnings,
        missing,
        document: compiled.document,
    })
}

/// One page as a PNG image at `ppi` pixels per inch.
pub fn png(page: &typst_layout::Page, ppi: u32) -> Result<Vec<u8>, String> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
        ..typst_render::RenderOptions::default()
    };
    let pixmap = typst_render::render(page, &options);
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The PDF standards to conform to; an impossible combination is an error.
pub fn pdf_standards(list: &[typst_pdf::PdfStandard]) -> Result<PdfStandards, Diag> {
    PdfStandards::new(list).map_err(|e| {
        e.hints()
            .iter()
            .fold(Diag::error(e.message().to_string()), |d, h| {
                d.hint(h.to_string())
            })
    })
}

/// Turns Typst's diagnostics into ours, adding the template files they point into.
struct SpanMap<'a> {
    world: &'a ResumeWorld,
    ids: HashMap<FileId, u32>,
    files: &'a mut SourceFiles,
}

impl SpanMap<'_> {
    fn convert(&mut self, d: &SourceDiagnostic) -> Diag {
        let mut diag = match d.severity {
            Severity::Error => Diag::error(d.message.to_string()),
            Severity::Warning => Diag::warning(d.message.to_string()),
        };
        diag.span = self.span(d.span);
        for hint in &d.hints {
            // Typst's CLI can move the project root (`--root`); `resume` cannot.
            if hint.v.contains("--root") {
                continue;
            }
            match self.span(hint.span) {
                Some(span) => diag = diag.note_at(span, hint.v.to_string()),
                None => diag = diag.hint(hint.v.to_string()),
            }
        }
        for point in &d.trace {
            if let Some(span) = self.span(point.span.into()) {
                diag = diag.note_at(span, format!("{}", point.v));
            }
        }
        diag
    }

    fn span(&mut self, span: typst::syntax::DiagSpan) -> Option<Span> {
        let id = span.id()?;
        let range = self.world.range(span)?;
        let file = match self.ids.get(&id) {
            Some(&file) => file,
            None => {
                let bytes = self.world.file(id).ok()?;
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let file = self
                    .files
                    .add(SourceFile::new(self.world.display_path(id), text));
                self.ids.insert(id, file);
                file
            }
        };
        let text = &self.files.get(file)?.text;
        // Typst's range is in the file's bytes; a data file that is not UTF-8 was read
        // lossily, so the offset may fall inside a character here.
        let start = text.floor_char_boundary(range.start.min(text.len()));
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text.get(line_start..start)?.chars().count();
        let end = range.end.clamp(start, text.len());
        let len = text
            .get(start..end)?
            .lines()
            .next()
            .map_or(1, |l| l.chars().count().max(1));
        Some(Span {
            file,
            line: line as u32,
            col: col as u32,
            len: len as u32,
        })
    }
}
