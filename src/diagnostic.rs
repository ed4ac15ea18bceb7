//! Diagnostics: one error or warning with a place, a label, notes and hints, printed
//! codespan-style with `file:line:col` (1-based) and the offending line under a caret.
//!
//! YAML errors, model checks and Typst template errors all become a [`Diag`], so the user
//! sees one format whatever went wrong.

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
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
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
        let start = *self.line_starts.get(index)?;
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text.get(start..end).map(|l| l.trim_end_matches('\n'))
    }

    /// The byte range of a span: `line` is 1-based, `col` and `len` count characters and
    /// stay on that line.
    pub fn byte_range(&self, span: Span) -> Range<usize> {
        let line = (span.line.max(1) as usize - 1).min(self.line_starts.len() - 1);
        let start = self.line_starts[line];
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let line_text = &self.text[start..end];
        let byte_at = |chars: usize| {
            line_text
                .char_indices()
                .nth(chars)
                .map_or(line_text.trim_end_matches('\n').len(), |(i, _)| i)
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

    /// Prints diagnostics to stderr, with colour when stderr is a terminal.
    pub fn emit(&self, diags: &[Diag]) {
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
            // Nothing useful can be done if the output is gone.
            let _ =
                term::emit_to_write_style(out, &Config::default(), self, &self.to_codespan(diag));
        }
    }

    fn to_codespan(&self, diag: &Diag) -> Diagnostic<u32> {
        let mut labels = Vec::new();
        if let Some(span) = diag.span.filter(|s| self.get(s.file).is_some()) {
            let range = self.files[span.file as usize].byte_range(span);
            let label = Label::primary(span.file, range);
            labels.push(match &diag.label {
                Some(text) => label.with_message(text),
                None => label,
            });
        }
        for (span, note) in &diag.notes {
            if let Some(file) = self.get(span.file) {
                labels.push(Label::secondary(span.file, file.byte_range(*span)).with_message(note));
            }
        }
        Diagnostic::new(diag.severity)
            .with_message(&diag.message)
            .with_labels(labels)
            .with_notes(diag.hints.iter().map(|h| format!("hint: {h}")).collect())
    }
}

impl<'a> Files<'a> for SourceFiles {
    type FileId = u32;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: u32) -> Result<&'a str, FilesError> {
        self.get(id)
            .map(|f| f.name.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: u32) -> Result<&'a str, FilesError> {
        self.get(id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: u32, byte_index: usize) -> Result<usize, FilesError> {
        let file = self.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file
            .line_starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn line_range(&'a self, id: u32, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.get(id).ok_or(FilesError::FileMissing)?;
        let start = *file
            .line_starts
            .get(line_index)
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: file.line_starts.len() - 1,
            })?;
        let end = file
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(file.text.len());
        Ok(start..end)
    }
}
