//! Walking a laid-out document: what fitting measures, and glyphs no font had.

use std::collections::BTreeSet;

use typst::foundations::{Label, Selector, Value as TypstValue};
use typst::introspection::{Introspector, Location, MetadataElem, Tag};
use typst::layout::{Abs, Frame, FrameItem, Point};
use typst::model::HeadingElem;
use typst::pdf::ArtifactElem;
use typst::utils::PicoStr;
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

/// How one laid-out page is used.
#[derive(Debug, Clone, PartialEq)]
pub struct PageFill {
    /// The share of the text area (the page less its margins, so less a header or footer
    /// set in them) that content takes, from the top of the area to the bottom of the
    /// lowest item: 0.0 to 1.0.
    pub fill: f64,
    /// The next page starts where the content asked for a new page (a `new_page` entry,
    /// marked `<resume-new-page>` by the template): this one may end early.
    pub break_after: bool,
    /// The heading whose text is the page's lowest line, when one is: it is parted from
    /// what it introduces.
    pub ends_with_heading: Option<String>,
}

/// How full each page of `document` is (see [`PageFill`]).
pub fn page_fill(document: &PagedDocument) -> Vec<PageFill> {
    let starts = new_page_starts(document);
    let margins = margins(document);
    // Elements open at the current item, across pages: a heading is one while its tags are.
    let mut open: Vec<Open> = Vec::new();
    document
        .pages()
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let (top, bottom_margin) = margins.unwrap_or_else(|| {
                // A template that does not say: margins as wide as the top of its content.
                let mut top = page.frame.height();
                walk(&page.frame, Point::zero(), &mut |at, item| {
                    if let FrameItem::Text(text) = item {
                        top = top.min(at.y - text.size);
                    }
                });
                (top.max(Abs::zero()), top.max(Abs::zero()))
            });
            let height = page.frame.height() - top - bottom_margin;
            let mut bottom = top;
            let mut lowest_text: Option<(Abs, Option<String>)> = None;
            walk(&page.frame, Point::zero(), &mut |at, item| match item {
                FrameItem::Tag(Tag::Start(content, _)) => {
                    if let Some(location) = content.location() {
                        let heading = content
                            .to_packed::<HeadingElem>()
                            .map(|h| h.body.plain_text().trim().to_owned());
                        open.push(Open {
                            location,
                            heading,
                            artifact: content.is::<ArtifactElem>(),
                        });
                    }
                }
                FrameItem::Tag(Tag::End(location, ..)) => {
                    if let Some(i) = open.iter().rposition(|o| o.location == *location) {
                        open.truncate(i);
                    }
                }
                // A header or footer is not content.
                _ if open.iter().any(|o| o.artifact) => {}
                FrameItem::Text(text) => {
                    let descent = -text.font.metrics().descender.at(text.size);
                    bottom = bottom.max(at.y + descent.max(Abs::zero()));
                    if lowest_text.as_ref().is_none_or(|(y, _)| at.y >= *y) {
                        let heading = open.iter().rev().find_map(|o| o.heading.clone());
                        lowest_text = Some((at.y, heading));
                    }
                }
                FrameItem::Image(_, size, _) => bottom = bottom.max(at.y + size.y),
                FrameItem::Shape(shape, _) => {
                    let bbox = shape.geometry.bbox(shape.stroke.as_ref());
                    bottom = bottom.max(at.y + bbox.max.y);
                }
                _ => {}
            });
            let fill = if height > Abs::zero() {
                ((bottom - top) / height).clamp(0.0, 1.0)
            } else {
                0.0
            };
            PageFill {
                fill,
                break_after: starts.contains(&(index + 2)),
                ends_with_heading: lowest_text.and_then(|(_, h)| h),
            }
        })
        .collect()
}

/// An element open at the current item of a walk.
struct Open {
    location: Location,
    /// The heading's text, when it is one.
    heading: Option<String>,
    /// A header, footer or other decoration, not content.
    artifact: bool,
}

/// The page's top and bottom margins, as the template states them in a metadata value
/// `(top: pt, bottom: pt)` labelled `<resume-page>`; none when it does not (an edited
/// template). Typst keeps no margins in the laid-out page.
fn margins(document: &PagedDocument) -> Option<(Abs, Abs)> {
    let label = Label::new(PicoStr::intern("resume-page"))?;
    let found = document.introspector().query(&Selector::Label(label));
    let TypstValue::Dict(dict) = &found.first()?.to_packed::<MetadataElem>()?.value else {
        return None;
    };
    let pt = |key: &str| match dict.get(key).ok()? {
        TypstValue::Float(f) => Some(Abs::pt(*f)),
        TypstValue::Int(i) => Some(Abs::pt(*i as f64)),
        _ => None,
    };
    Some((pt("top")?, pt("bottom")?))
}

/// The pages (1-based) on which an entry that asked for a new page starts.
fn new_page_starts(document: &PagedDocument) -> BTreeSet<usize> {
    let Some(label) = Label::new(PicoStr::intern("resume-new-page")) else {
        return BTreeSet::new();
    };
    let introspector = document.introspector();
    introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|content| Some(introspector.position(content.location()?)?.page.get()))
        .collect()
}
