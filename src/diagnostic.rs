//! Diagnostics: one error or warning with a place, a label, notes and hints, printed
//! codespan-style with `file:line:col` (1-based) and the offending line under a caret.
//!
//! YAML errors, model checks and Typst template errors all become a [`Diag`], so the user
//! sees one format whatever went wrong.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Config};

use crate::model::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Diag {
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
    pub label: Option<String>,
    /// Secondary places: `first defined here`.
    pub notes: Vec<(Span, String)>,
    pub hints: Vec<String>,
}

impl Diag {
    pub fn error(message: impl Into<String>) -> Diag {
        Diag {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            label: None,
            notes: Vec::new(),
            hints: Vec::new(),
        }
    }

    pub fn warning(message: impl Into<String>) -> Diag {
        Diag {
            severity: Severity::Warning,
            ..Diag::error(message)
        }
    }

    pub fn at(mut self, span: Span) -> Diag {
        self.span = Some(span);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Diag {
        self.label = Some(label.into());
        self
    }

    pub fn note_at(mut self, span: Span, note: impl Into<String>) -> Diag {
        self.notes.push((span, note.into()));
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Diag {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A file that diagnostics can point into: its name as shown to the user (relative to
/// where the user is) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: String, text: String) -> SourceFile {
        // A line ends at `\n`, `\r\n` or a lone `\r` (old Mac files), as YAML reads them.
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices(['\n', '\r']).filter_map(|(i, _)| {
                (bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n')).then_some(i + 1)
            }))
            .collect();
        SourceFile {
            name,
            text,
            line_starts,
        }
    }

    /// The text of a line (1-based), without its newline; found without a scan.
    pub fn line(&self, line: u32) -> Option<&str> {
        let index = (line as usize).checked_sub(1)?;
        (index < self.line_starts.len()).then(|| self.line_text(index))
    }

    /// The text of a line (0-based index), without its line break.
    fn line_text(&self, index: usize) -> &str {
        let start = self.line_starts[index];
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        let line = &self.text[start..end];
        line.strip_suffix('\n')
            .unwrap_or(line)
            .strip_suffix('\r')
            .unwrap_or(line.strip_suffix('\n').unwrap_or(line))
    }

    /// The index (0-based) of the line a byte is on.
    fn line_of(&self, byte: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1)
    }

    /// The byte range of a span: `line` is 1-based, `col` and `len` count characters and
    /// stay on that line.
    pub fn byte_range(&self, span: Span) -> Range<usize> {
        let line = (span.line.max(1) as usize - 1).min(self.line_starts.len() - 1);
        let start = self.line_starts[line];
        let line_text = self.line_text(line);
        let byte_at = |chars: usize| {
            line_text
                .char_indices()
                .nth(chars)
                .map_or(line_text.len(), |(i, _)| i)
        };
        let from = byte_at(span.col as usize);
        let to = byte_at(span.col as usize + span.len.max(1) as usize).max(from);
        start + from..start + to
    }
}

/// Every file that diagnostics may name, indexed by `Span::file`.
#[derive(Debug, Clone, Default)]
pub struct SourceFiles {
    files: Vec<SourceFile>,
}

impl SourceFiles {
    pub fn add(&mut self, file: SourceFile) -> u32 {
        self.files.push(file);
        (self.files.len() - 1) as u32
    }

    pub fn get(&self, id: u32) -> Option<&SourceFile> {
        self.files.get(id as usize)
    }

    /// The files with their ids.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (i as u32, f))
    }

    /// Prints diagnostics to stderr, with colour when stderr is a terminal.
    pub fn emit(&self, diags: &[Diag]) {
        if crate::out::holding() {
            crate::out::write_err(&self.text(diags));
            return;
        }
        let choice = if std::io::IsTerminal::is_terminal(&std::io::stderr())
            && std::env::var_os("NO_COLOR").is_none()
        {
            term::termcolor::ColorChoice::Auto
        } else {
            term::termcolor::ColorChoice::Never
        };
        self.write(&mut term::termcolor::StandardStream::stderr(choice), diags);
    }

    /// What `emit` would print, as text (with colour when stderr is a terminal), so that
    /// work done in parallel can be reported in a fixed order.
    pub fn text(&self, diags: &[Diag]) -> String {
        let colour = std::io::IsTerminal::is_terminal(&std::io::stderr())
            && std::env::var_os("NO_COLOR").is_none();
        let mut out = if colour {
            term::termcolor::Buffer::ansi()
        } else {
            term::termcolor::Buffer::no_color()
        };
        self.write(&mut out, diags);
        String::from_utf8_lossy(out.as_slice()).into_owned()
    }

    fn write(&self, out: &mut impl term::termcolor::WriteColor, diags: &[Diag]) {
        for diag in diags {
            let (view, shown) = self.view(diag);
            // Nothing useful can be done if the output is gone.
            let _ = term::emit_to_write_style(out, &Config::default(), &view, &shown);
        }
    }

    /// The diagnostic as codespan shows it, over a [`View`] of the lines it points at.
    fn view(&self, diag: &Diag) -> (View, Diagnostic<u32>) {
        let mut places: Vec<(u32, Range<usize>, Option<&str>, bool)> = Vec::new();
        if let Some(span) = diag.span.filter(|s| self.get(s.file).is_some()) {
            let range = self.files[span.file as usize].byte_range(span);
            places.push((span.file, range, diag.label.as_deref(), true));
        }
        for (span, note) in &diag.notes {
            if let Some(file) = self.get(span.file) {
                places.push((span.file, file.byte_range(*span), Some(note), false));
            }
        }
        let view = View::new(self, &places);
        let labels = places
            .iter()
            .map(|(file, range, text, primary)| {
                let range = view.map(*file, range);
                let label = if *primary {
                    Label::primary(*file, range)
                } else {
                    Label::secondary(*file, range)
                };
                match text {
                    Some(text) => label.with_message(escape_controls(text)),
                    None => label,
                }
            })
            .collect();
        let shown = Diagnostic::new(diag.severity)
            .with_message(escape_controls(&diag.message))
            .with_labels(labels)
            .with_notes(
                diag.hints
                    .iter()
                    .map(|h| format!("hint: {}", escape_controls(h)))
                    .collect(),
            );
        (view, shown)
    }
}

/// A control character that would act on the terminal if printed: everything in
/// Unicode's control category but newline and tab.
pub fn is_hidden_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Text with its control characters (other than newline and tab) written as escapes,
/// `\u{1b}`, so that printing it cannot move the cursor, retitle the terminal or ring.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        push_shown(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_shown(out: &mut String, c: char) {
    if is_hidden_control(c) {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// Lines longer than this (in characters) are cut to a window around the place.
const LONG_LINE: usize = 400;
/// How much of a long line is shown.
const WINDOW: usize = 200;

/// What one diagnostic shows of the files it names: only the lines it points at (and a
/// line between two of them), each with control characters escaped and, when very long,
/// cut to a window around the place. Line and column numbers stay those of the file.
struct View {
    names: HashMap<u32, String>,
    files: HashMap<u32, Shown>,
}

#[derive(Default)]
struct Shown {
    text: String,
    lines: Vec<ShownLine>,
}

struct ShownLine {
    /// The line's index in the file.
    index: usize,
    /// Where it starts in the shown text.
    start: usize,
    /// For each character shown (and the end): its byte in the file, its byte in the
    /// shown text, and its column in the file (1-based).
    points: Vec<(usize, usize, usize)>,
}

impl View {
    fn new(files: &SourceFiles, places: &[(u32, Range<usize>, Option<&str>, bool)]) -> View {
        let mut wanted: BTreeMap<u32, BTreeMap<usize, usize>> = BTreeMap::new();
        for (id, range, _, _) in places {
            let file = &files.files[*id as usize];
            let line = file.line_of(range.start);
            let col = file.text[file.line_starts[line]..range.start]
                .chars()
                .count();
            let cols = wanted.entry(*id).or_default();
            let focus = cols.entry(line).or_insert(col);
            *focus = (*focus).min(col);
        }
        let mut shown = HashMap::new();
        for (id, lines) in wanted {
            let file = &files.files[id as usize];
            let mut with_gaps: BTreeMap<usize, usize> = lines.clone();
            let indices: Vec<usize> = lines.keys().copied().collect();
            for pair in indices.windows(2) {
                if pair[1] == pair[0] + 2 {
                    with_gaps.insert(pair[0] + 1, 0);
                }
            }
            let mut out = Shown::default();
            for (index, focus) in with_gaps {
                out.push_line(file, index, focus);
            }
            shown.insert(id, out);
        }
        View {
            names: shown
                .keys()
                .map(|&id| {
                    (
                        id,
                        escape_controls(&files.files[id as usize].name).into_owned(),
                    )
                })
                .collect(),
            files: shown,
        }
    }

    /// Where a byte range of a file is in the shown text.
    fn map(&self, id: u32, range: &Range<usize>) -> Range<usize> {
        let Some(shown) = self.files.get(&id) else {
            return 0..0;
        };
        let at = |byte: usize| {
            let line = shown
                .lines
                .partition_point(|l| l.points[0].0 <= byte)
                .saturating_sub(1);
            let points = &shown.lines[line].points;
            let i = points.partition_point(|p| p.0 <= byte).saturating_sub(1);
            points[i].1
        };
        let start = at(range.start);
        start..at(range.end).max(start)
    }

    fn shown(&self, id: u32) -> Result<&Shown, FilesError> {
        self.files.get(&id).ok_or(FilesError::FileMissing)
    }

    fn line(&self, id: u32, index: usize) -> Result<&ShownLine, FilesError> {
        let shown = self.shown(id)?;
        shown
            .lines
            .iter()
            .find(|l| l.index == index)
            .ok_or(FilesError::LineTooLarge {
                given: index,
                max: index,
            })
    }
}

impl Shown {
    fn push_line(&mut self, file: &SourceFile, index: usize, focus: usize) {
        let start = file.line_starts[index];
        let line = file.line_text(index);
        let total = if line.len() > LONG_LINE {
            line.chars().count()
        } else {
            LONG_LINE
        };
        let (from, to) = if total > LONG_LINE {
            let from = focus
                .saturating_sub(WINDOW / 2)
                .min(total.saturating_sub(WINDOW));
            (from, from + WINDOW)
        } else {
            (0, usize::MAX)
        };
        let text_start = self.text.len();
        if from > 0 {
            self.text.push('…');
        }
        let mut points = Vec::new();
        let mut end = (line.len(), 0);
        for (col, (byte, c)) in line.char_indices().enumerate().skip(from) {
            if col >= to {
                end = (byte, col);
                break;
            }
            points.push((start + byte, self.text.len(), col + 1));
            push_shown(&mut self.text, c);
            end = (line.len(), col + 1);
        }
        points.push((start + end.0, self.text.len(), end.1 + 1));
        if end.0 < line.len() {
            self.text.push('…');
        }
        self.text.push('\n');
        if points.len() == 1 && from > 0 {
            points[0].2 = from + 1;
        }
        self.lines.push(ShownLine {
            index,
            start: text_start,
            points,
        });
    }
}

impl<'a> Files<'a> for View {
    type FileId = u32;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: u32) -> Result<&'a str, FilesError> {
        self.names
            .get(&id)
            .map(String::as_str)
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: u32) -> Result<&'a str, FilesError> {
        Ok(&self.shown(id)?.text)
    }

    fn line_index(&'a self, id: u32, byte_index: usize) -> Result<usize, FilesError> {
        let lines = &self.shown(id)?.lines;
        let i = lines
            .partition_point(|l| l.start <= byte_index)
            .saturating_sub(1);
        lines.get(i).map(|l| l.index).ok_or(FilesError::FileMissing)
    }

    fn column_number(
        &'a self,
        id: u32,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let points = &self.line(id, line_index)?.points;
        let i = points
            .partition_point(|p| p.1 <= byte_index)
            .saturating_sub(1);
        Ok(points[i].2)
    }

    fn line_range(&'a self, id: u32, line_index: usize) -> Result<Range<usize>, FilesError> {
        let shown = self.shown(id)?;
        let i = shown
            .lines
            .iter()
            .position(|l| l.index == line_index)
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: line_index,
            })?;
        let end = shown.lines.get(i + 1).map_or(shown.text.len(), |l| l.start);
        Ok(shown.lines[i].start..end)
    }
}
