//! What a profile selects that neither the CV nor the portfolio prints: a section
//! neither lists, or a list both cut with `max`. `list` shows it and `build` warns, once
//! per section, so that nothing selected goes unprinted in silence. (Handouts are an
//! extra for some projects, not where a selection is listed; what the CV's one-page
//! fitting drops is reported by the fitting, and the portfolio prints it.)

use super::document_max;
use crate::model::DOCUMENTS;
use crate::select::Selection;

/// A section some of whose selected entries no document prints.
pub struct Unprinted {
    pub section: String,
    pub selected: usize,
    /// The most entries of it that one document prints.
    pub printed: usize,
    /// The limits that cut it (`the portfolio shows at most 3`); empty when no document
    /// lists the section at all.
    pub limits: Vec<String>,
}

pub fn unprinted(sel: &Selection) -> Vec<Unprinted> {
    let mut found = Vec::new();
    for counts in sel.counts().into_iter().filter(|c| c.shown > 0) {
        let mut printed = 0;
        let mut limits = Vec::new();
        for document in DOCUMENTS.iter().filter(|d| d.name != "case-study") {
            let lists = sel
                .rules
                .documents
                .get(document.name)
                .is_some_and(|d| d.sections.iter().any(|s| s == counts.name));
            if !lists {
                continue;
            }
            let max = document_max(sel.rules, document.name, counts.name);
            if let Some(max) = max.filter(|m| *m < counts.shown) {
                limits.push(format!("the {} shows at most {max}", document.name));
            }
            printed = printed.max(max.unwrap_or(usize::MAX).min(counts.shown));
        }
        if printed < counts.shown {
            found.push(Unprinted {
                section: counts.name.to_owned(),
                selected: counts.shown,
                printed,
                limits,
            });
        }
    }
    found
}
