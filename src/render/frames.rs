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
                FrameItem::Tag(tag) => track(&mut open, tag),
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
    let pt = page_metadata(document)?;
    Some((pt("top")?, pt("bottom")?))
}

/// The lengths of the `<resume-page>` metadata, by key.
fn page_metadata(document: &PagedDocument) -> Option<impl Fn(&str) -> Option<Abs>> {
    let label = Label::new(PicoStr::intern("resume-page"))?;
    let found = document.introspector().query(&Selector::Label(label));
    let TypstValue::Dict(dict) = found.first()?.to_packed::<MetadataElem>()?.value.clone() else {
        return None;
    };
    Some(move |key: &str| match dict.get(key).ok()? {
        TypstValue::Float(f) => Some(Abs::pt(*f)),
        TypstValue::Int(i) => Some(Abs::pt(*i as f64)),
        _ => None,
    })
}

/// Text set outside the page's text area: past its right margin (a word too long for its
/// line) or below its bottom margin (what a block that cannot break did not hold).
#[derive(Debug, Clone, PartialEq)]
pub struct Overflow {
    /// 1-based.
    pub page: usize,
    /// Below the bottom margin, else past the right one.
    pub below: bool,
    /// The text that overflows (one laid-out run of it).
    pub text: String,
}

/// How far text may reach into a margin before it counts (rounding); at the right, half
/// its size more, for punctuation hanging into the margin.
const OVERFLOW_SLACK_PT: f64 = 1.0;

/// Every run of text of `document` that leaves the text area (headers and footers, set
/// in the margins, aside). The area is the page less the margins the template states in
/// `<resume-page>` (`x`, the left and right margin, and `bottom`); a template that does
/// not state them is held to the page itself.
pub fn overflows(document: &PagedDocument) -> Vec<Overflow> {
    let pt = page_metadata(document);
    let x = pt.as_ref().and_then(|pt| pt("x")).unwrap_or_default();
    let bottom_margin = pt.as_ref().and_then(|pt| pt("bottom")).unwrap_or_default();
    let mut open: Vec<Open> = Vec::new();
    let mut found = Vec::new();
    for (index, page) in document.pages().iter().enumerate() {
        let slack = Abs::pt(OVERFLOW_SLACK_PT);
        let right = page.frame.width() - x + slack;
        let bottom = page.frame.height() - bottom_margin + slack;
        walk(&page.frame, Point::zero(), &mut |at, item| match item {
            FrameItem::Tag(tag) => track(&mut open, tag),
            _ if open.iter().any(|o| o.artifact) => {}
            FrameItem::Text(text) => {
                // A line's box ends at its baseline: descenders may hang below the area.
                let below = at.y > bottom;
                // Punctuation at the end of a line hangs into the margin (`overhang`).
                if below || at.x + text.width() > right + text.size * 0.5 {
                    found.push(Overflow {
                        page: index + 1,
                        below,
                        text: text.text.to_string(),
                    });
                }
            }
            _ => {}
        });
    }
    found
}

/// Keeps `open` (the elements open at the current item of a walk) up to date at a tag.
fn track(open: &mut Vec<Open>, tag: &Tag) {
    match tag {
        Tag::Start(content, _) => {
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
        Tag::End(location, ..) => {
            if let Some(i) = open.iter().rposition(|o| o.location == *location) {
                open.truncate(i);
            }
        }
    }
}

/// Typst sets straight quotes curly: compare text as written.
fn straight_quotes(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201C}', '\u{201D}'], "\"")
}

/// Where in a document's data (the JSON a template reads) `text`, as laid out, comes
/// from: `` `principles` entry `long` ``, or a path such as `` `person.summary` ``. None
/// when no value holds it (a label of the template's own, text it made).
pub fn entry_of(data: &serde_json::Value, text: &str) -> Option<String> {
    let text = straight_quotes(text.trim());
    let needle: String = text.chars().take(60).collect();
    // The run as it is, else its longest pieces (a list the template joined: `Go, Kafka`).
    let mut tokens: Vec<&str> = needle
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '·' | ';' | '(' | ')'))
        .filter(|t| t.chars().count() >= 4)
        .collect();
    tokens.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let tries = std::iter::once(needle.as_str()).chain(tokens);
    for needle in tries.filter(|n| !n.is_empty()) {
        let mut hits = Vec::new();
        find_in(data, needle, &mut Vec::new(), &mut None, &mut hits, false);
        // An entry with an id names it best.
        let named = hits.iter().find(|h| h.contains(" entry "));
        if let Some(hit) = named.or(hits.first()) {
            return Some(hit.clone());
        }
    }
    None
}

/// Adds to `hits` the name of each value under `value` (at `path`, inside the entry
/// `id`: its section and id, or title when it has none) whose text holds `needle`.
/// `entry`: `value` is an item of a section's list.
fn find_in(
    value: &serde_json::Value,
    needle: &str,
    path: &mut Vec<String>,
    id: &mut Option<(String, String)>,
    hits: &mut Vec<String>,
    entry: bool,
) {
    use serde_json::Value;
    match value {
        Value::String(s) if straight_quotes(s).contains(needle) => {
            hits.push(match id {
                Some((section, id)) => format!("`{section}` entry `{id}`"),
                None => format!("`{}`", path[..path.len().min(2)].join(".")),
            });
        }
        Value::Array(items) => {
            // A section's entries: `principles`, or `talks.entries` of a generic section.
            let entries = path.len() == 1 || (path.len() == 2 && path[1] == "entries");
            for item in items {
                find_in(item, needle, path, id, hits, entries);
            }
        }
        Value::Object(map) => {
            let outer = id.clone();
            let name = [
                "id",
                "title",
                "topic",
                "name",
                "group",
                "label",
                "institution",
            ]
            .iter()
            .filter(|key| **key == "id" || entry)
            .find_map(|key| map.get(*key).and_then(Value::as_str));
            if id.is_none()
                && let (Some(section), Some(name)) = (path.first(), name)
            {
                *id = Some((section.clone(), name.to_owned()));
            }
            for (key, item) in map {
                // The document's metadata repeats the name and title.
                if path.is_empty() && key == "meta" {
                    continue;
                }
                path.push(key.clone());
                find_in(item, needle, path, id, hits, false);
                path.pop();
            }
            *id = outer;
        }
        _ => {}
    }
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
