//! Walking a laid-out document: what fitting measures, and glyphs no font had.

use std::collections::BTreeSet;

use typst::layout::{Frame, FrameItem, Point};
use typst_layout::PagedDocument;

/// Calls `f` with every item of `frame` and its nested groups, at its page position.
pub fn walk(frame: &Frame, offset: Point, f: &mut impl FnMut(Point, &FrameItem)) {
    for (pos, item) in frame.items() {
        let at = offset + *pos;
        match item {
            FrameItem::Group(group) => walk(&group.frame, at, f),
            other => f(at, other),
        }
    }
}

/// Characters that printed as a font's empty box because no font had them.
pub fn missing_glyphs(document: &PagedDocument) -> BTreeSet<char> {
    let mut missing = BTreeSet::new();
    for page in document.pages() {
        walk(&page.frame, Point::zero(), &mut |_, item| {
            if let FrameItem::Text(text) = item {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    let chars = text.text.get(glyph.range()).unwrap_or_default().chars();
                    missing.extend(chars.filter(|c| !c.is_whitespace() && !c.is_control()));
                }
            }
        });
    }
    missing
}
