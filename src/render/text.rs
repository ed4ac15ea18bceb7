//! Plain text and Markdown from the laid-out pages (`--format txt,md`).
//!
//! Both are read off the frames Typst laid out, not off the data, so they follow whatever
//! template made the PDF and say what the PDF says, in the same order. Frames hold the text
//! in reading order (the order Typst wrote it, which is also the PDF's content order) and,
//! since Typst writes tagged PDFs, start and end tags around the elements that carry
//! meaning: the title, headings, paragraphs, list items, strong and emphasised text, and
//! artifacts (page headers and footers). Links are areas over the text, with their address.
//!
//! Text items become lines by baseline; lines become blocks by the element they belong to
//! (the lines of one paragraph, heading or list item are joined into one line) or, outside
//! such elements (grid cells, a date on the right margin), stay lines of their own. Blocks
//! far apart are separated by a blank line. Headers and footers are left out.
//!
//! Markdown adds what the tags tell: `#` for the title, `##`... for headings (one level
//! below their Typst level), `- ` for list items, `**bold**` and `*italic*` (from the
//! font's weight and style, or `strong`/`emph`), and `[text](url)` for links. What it
//! cannot tell: tables and grids come out as lines of text, figures as their caption.

use std::collections::HashMap;

use typst::foundations::{Content, StyleChain};
use typst::introspection::{Location, Tag};
use typst::layout::{Abs, FrameItem, Point, Size};
use typst::model::{
    Destination, EmphElem, EnumElem, FigureCaption, HeadingElem, ListElem, ParElem, StrongElem,
    TitleElem,
};
use typst::pdf::{ArtifactElem, PdfMarkerTag, PdfMarkerTagKind};
use typst::syntax::Span;
use typst::text::{FontStyle, FontWeight};
use typst_layout::PagedDocument;

use super::frames::walk;

/// The document's text in reading order, one paragraph or layout line a line.
pub fn plain(document: &PagedDocument) -> String {
    let blocks = blocks(document);
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str(if block.apart { "\n\n" } else { "\n" });
        }
        out.push_str(&block.join(&block.lines, "\n", false));
    }
    out.push('\n');
    out
}

/// The document as Markdown: title and headings, paragraphs, list items, bold, italic
/// and links, in reading order.
pub fn markdown(document: &PagedDocument) -> String {
    let blocks = blocks(document);
    // Heading levels as the document uses them: its top level is `##`, under the title.
    let mut levels: Vec<usize> = blocks
        .iter()
        .filter_map(|b| match b.kind {
            Kind::Heading(level) => Some(level),
            _ => None,
        })
        .collect();
    levels.sort_unstable();
    levels.dedup();
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    for block in &blocks {
        let (prefix, text) = match block.kind {
            Kind::Title => ("# ".to_owned(), block.title_text()),
            Kind::Heading(level) => {
                let rank = levels.iter().position(|l| *l == level).unwrap_or(0);
                (
                    format!("{} ", "#".repeat((rank + 2).min(6))),
                    block.title_text(),
                )
            }
            Kind::Item(_) => {
                let text = block.join(&block.markdown, "\\\n  ", true);
                if !block.first_of_item {
                    ("  ".to_owned(), text)
                } else if block.ordered && !block.label.is_empty() {
                    (format!("{} ", block.label), text)
                } else {
                    ("- ".to_owned(), text)
                }
            }
            _ => (String::new(), block.join(&block.markdown, "\\\n", true)),
        };
        if text.trim().is_empty() {
            continue;
        }
        if let Some(prev) = previous {
            // Items of one list stay together; everything else is its own paragraph.
            let tight = matches!(prev.kind, Kind::Item(_))
                && matches!(block.kind, Kind::Item(_))
                && !block.apart;
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        out.push_str(&prefix);
        out.push_str(text.trim());
        previous = Some(block);
    }
    out.push('\n');
    out
}

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Title,
    Heading(usize),
    /// A list item, with its list item's location.
    Item(Location),
    Paragraph,
    Caption,
    /// Text outside any of those (a grid cell, a line of a block): one line.
    Line,
}

/// A run of text with one style, where it was laid out and what it belongs to.
struct Run {
    page: usize,
    x: Abs,
    y: Abs,
    end: Abs,
    size: Abs,
    text: String,
    bold: bool,
    italic: bool,
    link: Option<String>,
    /// The innermost element that makes a block, and what kind it is.
    block: Option<(Location, Kind)>,
    /// The innermost list item.
    item: Option<Location>,
    /// How wide the run's first word is (up to its first space).
    word: Abs,
    /// Whether this is a list item's marker.
    label: bool,
    /// Whether it is in a numbered list.
    ordered: bool,
    /// Where in its text element the run's first glyph starts and its last glyph ends
    /// (the element's span and a byte offset), when neither is a space: a line that
    /// ends where the next one starts was broken inside a word (`Release-|caused`,
    /// `https://|x.y`), and the two join without a space.
    starts: Option<(Span, usize)>,
    ends: Option<(Span, usize)>,
}

/// Lines of text that read as one: a paragraph, a heading, a list item, or one line
/// (with the lines it wraps onto).
struct Block {
    kind: Kind,
    lines: Vec<String>,
    markdown: Vec<String>,
    /// Where each line ends, and the largest text size: a line that ends short of the
    /// block's right edge was broken on purpose.
    ends: Vec<Abs>,
    /// How wide each line's first word is.
    words: Vec<Abs>,
    /// Whether each line goes on from the line before inside one word: the layout broke
    /// it after a hyphen, a slash or wherever a word may break, without a space.
    glued: Vec<bool>,
    /// The right edge of the page's text, when the block starts at its left edge (a
    /// paragraph of the main flow, not of a narrow column).
    edge: Option<Abs>,
    size: Abs,
    /// For the title and headings: the element's own text (`Experience`, not the
    /// `EXPERIENCE` a theme may print).
    plain_title: Option<String>,
    /// Whether a blank line separates it from the block before (a gap, a new page).
    apart: bool,
    /// For list items: whether this is the item's first block, its marker, and whether
    /// the list is numbered.
    first_of_item: bool,
    label: String,
    ordered: bool,
}

impl Block {
    /// The lines as one: a wrapped line goes on after a space (or none, when the layout
    /// broke it inside a word), a line broken short of the right edge (an explicit line
    /// break) after `newline`. With `markdown`, every line that starts a line of the
    /// output is escaped so that it cannot start a block.
    fn join(&self, lines: &[String], newline: &str, markdown: bool) -> String {
        let right = self
            .ends
            .iter()
            .copied()
            .chain(self.edge)
            .fold(Abs::zero(), Abs::max);
        let mut out = String::new();
        for (i, line) in lines.iter().enumerate() {
            let mut line = line.as_str();
            let glued = self.glued[i];
            let full =
                i > 0 && (glued || self.ends[i - 1] + self.words[i] + self.size * 0.5 >= right);
            if i > 0 && !full {
                out.push_str(newline);
            }
            if !full {
                if markdown {
                    out.push_str(&escape_line_start(line));
                } else {
                    out.push_str(line);
                }
                continue;
            }
            // A soft hyphen the layout added to break a word goes with the break.
            if glued && out.ends_with('\u{ad}') {
                out.pop();
            }
            let space = if glued { "" } else { " " };
            if !markdown {
                out.push_str(space);
                out.push_str(line);
                continue;
            }
            if let Some(mark) = ["***", "**", "*"].into_iter().find(|m| {
                out.ends_with(m) && line.starts_with(m) && !out.ends_with(&format!("\\{m}"))
            }) {
                // One emphasis across the line break: `*a* *b*` reads `*a b*`.
                out.truncate(out.len() - mark.len());
                line = &line[mark.len()..];
            } else if let Some((cut, rest)) = same_link(&out, line) {
                // One link across the line break: `[a](u) [b](u)` reads `[a b](u)`.
                out.truncate(out.len() - cut);
                line = rest;
            }
            out.push_str(space);
            out.push_str(line);
        }
        out
    }

    fn title_text(&self) -> String {
        self.plain_title
            .clone()
            .unwrap_or_else(|| self.join(&self.markdown, " ", false))
    }
}

/// An element open at this point of the walk.
struct Open {
    location: Location,
    block: Option<Kind>,
    strong: bool,
    emph: bool,
    artifact: bool,
    /// A list item's body.
    item: bool,
    /// A list item's marker (`•`, `1.`).
    label: bool,
    /// A list: numbered (`Some(true)`) or not.
    list: Option<bool>,
}

fn open(content: &Content, location: Location) -> Open {
    let mut open = Open {
        location,
        block: None,
        strong: content.is::<StrongElem>(),
        emph: content.is::<EmphElem>(),
        artifact: content.is::<ArtifactElem>(),
        item: false,
        label: false,
        list: if content.is::<EnumElem>() {
            Some(true)
        } else if content.is::<ListElem>() {
            Some(false)
        } else {
            None
        },
    };
    // List items are laid out by their list: their marker and body are marked for the
    // PDF's structure (`Lbl`, `LBody`), not the items themselves.
    if let Some(marker) = content.to_packed::<PdfMarkerTag>() {
        match marker.kind {
            PdfMarkerTagKind::ListItemBody | PdfMarkerTagKind::TermsItemBody => {
                open.block = Some(Kind::Item(location));
                open.item = true;
            }
            PdfMarkerTagKind::ListItemLabel | PdfMarkerTagKind::TermsItemLabel => {
                open.label = true;
            }
            _ => {}
        }
        return open;
    }
    if content.is::<TitleElem>() {
        open.block = Some(Kind::Title);
    } else if let Some(heading) = content.to_packed::<HeadingElem>() {
        open.block = Some(Kind::Heading(
            heading.resolve_level(StyleChain::default()).get(),
        ));
    } else if content.is::<ParElem>() {
        open.block = Some(Kind::Paragraph);
    } else if content.is::<FigureCaption>() {
        open.block = Some(Kind::Caption);
    }
    open
}

/// The plain text of titles and headings, by location.
fn titles(content: &Content) -> Option<String> {
    if let Some(title) = content.to_packed::<TitleElem>() {
        let body = title.resolve_body(StyleChain::default()).ok()?;
        return Some(body.plain_text().trim().to_owned());
    }
    let heading = content.to_packed::<HeadingElem>()?;
    Some(heading.body.plain_text().trim().to_owned())
}

fn runs(document: &PagedDocument) -> (Vec<Run>, HashMap<Location, String>) {
    let mut runs = Vec::new();
    let mut titles_at = HashMap::new();
    let mut stack: Vec<Open> = Vec::new();
    for (page, p) in document.pages().iter().enumerate() {
        let mut links: Vec<(Point, Size, String)> = Vec::new();
        walk(&p.frame, Point::zero(), &mut |at, item| {
            if let FrameItem::Link(Destination::Url(url), size) = item {
                links.push((at, *size, url.as_str().to_owned()));
            }
        });
        walk(&p.frame, Point::zero(), &mut |at, item| match item {
            FrameItem::Tag(Tag::Start(content, _)) => {
                let Some(location) = content.location() else {
                    return;
                };
                if let Some(text) = titles(content) {
                    titles_at.insert(location, text);
                }
                stack.push(open(content, location));
            }
            FrameItem::Tag(Tag::End(location, ..)) => {
                if let Some(i) = stack.iter().rposition(|o| o.location == *location) {
                    stack.truncate(i);
                }
            }
            FrameItem::Text(text) if !stack.iter().any(|o| o.artifact) => {
                let variant = text.font.info().variant;
                let width = text.width();
                let middle = Point::new(at.x + width / 2.0, at.y - text.size * 0.3);
                let link = links
                    .iter()
                    .find(|(pos, size, _)| {
                        middle.x >= pos.x
                            && middle.x <= pos.x + size.x
                            && middle.y >= pos.y
                            && middle.y <= pos.y + size.y
                    })
                    .map(|(_, _, url)| url.clone());
                let blank = |g: &typst::text::Glyph| {
                    text.text.get(g.range()).is_none_or(|t| t.trim().is_empty())
                };
                let word = text
                    .glyphs
                    .iter()
                    .skip_while(|g| blank(g))
                    .take_while(|g| !blank(g))
                    .map(|g| g.x_advance.at(text.size))
                    .sum();
                // A soft hyphen the layout added sits where the next line starts.
                let place = |g: &typst::text::Glyph, end: bool| {
                    let shy = text.text.get(g.range()) == Some("\u{ad}");
                    let len = if end && !shy { g.range().len() } else { 0 };
                    (g.span.0, usize::from(g.span.1) + len)
                };
                let starts = text
                    .glyphs
                    .first()
                    .filter(|g| !blank(g))
                    .map(|g| place(g, false));
                let ends = text
                    .glyphs
                    .last()
                    .filter(|g| !blank(g))
                    .map(|g| place(g, true));
                runs.push(Run {
                    starts,
                    ends,
                    word,
                    page,
                    x: at.x,
                    y: at.y,
                    end: at.x + width,
                    size: text.size,
                    text: text.text.to_string(),
                    bold: variant.weight >= FontWeight::SEMIBOLD || stack.iter().any(|o| o.strong),
                    italic: variant.style != FontStyle::Normal || stack.iter().any(|o| o.emph),
                    link,
                    // A title or heading holds its text whatever its show rule made
                    // of it (often a paragraph in a block).
                    block: stack
                        .iter()
                        .rev()
                        .find_map(|o| match o.block {
                            Some(k @ (Kind::Title | Kind::Heading(_))) => Some((o.location, k)),
                            _ => None,
                        })
                        .or_else(|| {
                            stack
                                .iter()
                                .rev()
                                .find_map(|o| o.block.map(|k| (o.location, k)))
                        }),
                    item: stack.iter().rev().find(|o| o.item).map(|o| o.location),
                    label: stack.iter().any(|o| o.label),
                    ordered: stack.iter().rev().find_map(|o| o.list) == Some(true),
                });
            }
            _ => {}
        });
    }
    (runs, titles_at)
}

/// One laid-out line: runs on one baseline, left to right.
struct Line<'a> {
    runs: Vec<&'a Run>,
}

impl Line<'_> {
    /// The first run that is not a list marker: what the line belongs to.
    fn first(&self) -> &Run {
        self.runs.iter().find(|r| !r.label).unwrap_or(&self.runs[0])
    }

    /// Where the line starts and ends.
    fn start(&self) -> Abs {
        self.runs[0].x
    }

    fn end(&self) -> Abs {
        self.runs[self.runs.len() - 1].end
    }

    /// Whether a line starting at `x` may continue this one: it starts where this one
    /// does, or where text after a gap in it does (the second column of a grid row).
    fn aligns(&self, x: Abs) -> bool {
        let close = |a: Abs| (a - x).abs() < Abs::pt(1.0);
        close(self.start())
            || self
                .runs
                .windows(2)
                .any(|p| p[1].x - p[0].end > p[1].size * 0.5 && close(p[1].x))
    }

    /// How wide the line's first word is: had it fit on the line before, it would be
    /// there.
    fn first_word(&self) -> Abs {
        self.first().word
    }

    /// Whether the line holds a wide gap (a date set against the right margin).
    fn wide_gap(&self) -> bool {
        self.runs
            .windows(2)
            .any(|p| p[1].x - p[0].end > p[1].size * 1.5)
    }

    /// The list marker's text (`1.`), if the line starts a list item.
    fn label(&self) -> String {
        self.runs
            .iter()
            .filter(|r| r.label)
            .map(|r| r.text.trim())
            .collect()
    }

    fn size(&self) -> Abs {
        self.runs.iter().map(|r| r.size).fold(Abs::zero(), Abs::max)
    }

    /// The runs joined, with a space where the layout left a gap (two for a wide one,
    /// like a date set against the right margin).
    fn text(&self, markdown: bool) -> String {
        let mut out = String::new();
        let mut previous: Option<&Run> = None;
        let mut pieces: Vec<(String, &Run)> = Vec::new();
        for run in self.runs.iter().filter(|r| !(markdown && r.label)) {
            let mut gap = String::new();
            if let Some(prev) = previous {
                let space = run.x - prev.end;
                let joined = prev.text.ends_with(char::is_whitespace)
                    || run.text.starts_with(char::is_whitespace);
                if !joined && space > run.size * 0.12 {
                    if space <= run.size * 1.5 {
                        gap.push(' ');
                    } else if markdown {
                        // Markdown would fold two spaces into one: an em space stays.
                        gap.push_str(" \u{2003}");
                    } else {
                        gap.push_str("  ");
                    }
                }
            }
            pieces.push((gap, run));
            previous = Some(run);
        }
        if !markdown {
            for (gap, run) in pieces {
                out.push_str(&gap);
                out.push_str(&run.text);
            }
            return out.trim().to_owned();
        }
        // Markdown: neighbouring runs with the same link and style form one span.
        let mut spans: Vec<(String, bool, bool, Option<String>)> = Vec::new();
        for (gap, run) in pieces {
            let text = format!("{gap}{}", run.text);
            match spans.last_mut() {
                Some((t, b, i, l)) if *b == run.bold && *i == run.italic && *l == run.link => {
                    t.push_str(&text)
                }
                _ => spans.push((text, run.bold, run.italic, run.link.clone())),
            }
        }
        // A link spans runs of different styles: style inside, link outside.
        let mut grouped: Vec<(Option<String>, String)> = Vec::new();
        for (text, bold, italic, link) in spans {
            let styled = style(&text, bold, italic);
            match grouped.last_mut() {
                Some((l, t)) if *l == link && link.is_some() => t.push_str(&styled),
                _ => grouped.push((link, styled)),
            }
        }
        for (link, text) in grouped {
            match link {
                Some(url) if !text.trim().is_empty() => {
                    let lead = &text[..text.len() - text.trim_start().len()];
                    let trail = &text[text.trim_end().len()..];
                    out.push_str(&format!(
                        "{lead}[{}]({}){trail}",
                        text.trim(),
                        url.replace(' ', "%20").replace(')', "%29")
                    ));
                }
                _ => out.push_str(&text),
            }
        }
        out.trim().to_owned()
    }
}

/// `**text**`, `*text*`, with the markers inside the spaces around the text.
fn style(text: &str, bold: bool, italic: bool) -> String {
    let escaped = escape(text);
    let core = escaped.trim();
    if core.is_empty() || !(bold || italic) {
        return escaped;
    }
    let mark = match (bold, italic) {
        (true, true) => "***",
        (true, false) => "**",
        _ => "*",
    };
    let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
    let trail = &escaped[escaped.trim_end().len()..];
    format!("{lead}{mark}{core}{mark}{trail}")
}

/// When `out` ends with a link and `line` starts with a link to the same address: how
/// much of `out` to cut (its `](url)`) and the line without its `[`.
fn same_link<'a>(out: &str, line: &'a str) -> Option<(usize, &'a str)> {
    let rest = line.strip_prefix('[')?;
    // The link text ends at the first `](` that is not escaped: text's own brackets are.
    let mut from = 0;
    let close = loop {
        let at = rest[from..].find("](")? + from;
        if !escaped(rest, at) {
            break at;
        }
        from = at + 1;
    };
    let end = rest[close..].find(')')? + close;
    let suffix = &rest[close..=end];
    let cut = out.len().checked_sub(suffix.len())?;
    (out.ends_with(suffix) && !escaped(out, cut)).then_some((suffix.len(), rest))
}

/// Whether the character at byte `at` follows an odd number of backslashes.
fn escaped(text: &str, at: usize) -> bool {
    text[..at].bytes().rev().take_while(|b| *b == b'\\').count() % 2 == 1
}

/// Escapes what Markdown would read as markup inside a line: emphasis, links, code,
/// HTML, strikethrough (`~~`), and entities (`&amp;` would read `&`).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let entity = c == '&' && {
            let rest = &text[i + 1..];
            let name = rest
                .strip_prefix('#')
                .unwrap_or(rest)
                .find(|c: char| !c.is_ascii_alphanumeric());
            let body = rest.len() - rest.strip_prefix('#').unwrap_or(rest).len();
            name.is_some_and(|n| n > 0 && rest[body + n..].starts_with(';'))
        };
        if entity || matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line that starts like a block (a heading, list item, quote, fence, thematic break
/// or setext underline) is escaped, so that it reads as the text it is. Characters that
/// are markup anywhere in a line (`*`, `` ` ``, `>`, `~`...) are escaped already.
fn escape_line_start(text: &str) -> String {
    // `1.` or `2)` then a space or the end: an ordered list item.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = (1..=9).contains(&digits)
        && text[digits..].starts_with(['.', ')'])
        && text[digits + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
    if text.starts_with(['#', '-', '+', '=', '|']) {
        format!("\\{text}")
    } else if numbered {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text.to_owned()
    }
}

/// Text sizes as map keys, in hundredths of a point.
fn size_key(size: Abs) -> i64 {
    (size.to_pt() * 100.0).round() as i64
}

fn blocks(document: &PagedDocument) -> Vec<Block> {
    let (runs, titles) = runs(document);
    // Runs into lines: the same page and baseline, going right.
    let mut lines: Vec<Line> = Vec::new();
    for run in &runs {
        if let Some(line) = lines.last_mut() {
            let last = line.runs[line.runs.len() - 1];
            let same_line = last.page == run.page
                && (run.y - last.y).abs() < run.size.min(last.size) * 0.5
                && run.x >= last.end - run.size * 0.5;
            if same_line {
                line.runs.push(run);
                continue;
            }
        }
        lines.push(Line { runs: vec![run] });
    }
    // The right edge of the text on each page, to tell a wrapped line from a short one.
    let mut right: HashMap<usize, Abs> = HashMap::new();
    let mut left: HashMap<usize, Abs> = HashMap::new();
    // Lines that share their baseline with another (cells of one grid row).
    let mut baselines: HashMap<(usize, i64), usize> = HashMap::new();
    for line in &lines {
        *baselines
            .entry((line.first().page, size_key(line.first().y)))
            .or_default() += 1;
        let edge = right.entry(line.first().page).or_insert(Abs::zero());
        *edge = (*edge).max(line.end());
        let edge = left.entry(line.first().page).or_insert(line.start());
        *edge = (*edge).min(line.start());
    }
    // The line pitch at each text size: the most common distance between two lines of one
    // paragraph or list item.
    let mut gaps: HashMap<(i64, i64), usize> = HashMap::new();
    for pair in lines.windows(2) {
        let (a, b) = (pair[0].first(), pair[1].first());
        let gap = b.y - a.y;
        if a.page == b.page
            && a.block.is_some()
            && a.block == b.block
            && size_key(a.size) == size_key(b.size)
            && gap > a.size * 0.5
        {
            *gaps.entry((size_key(a.size), size_key(gap))).or_default() += 1;
        }
    }
    let mut pitches: HashMap<i64, Abs> = HashMap::new();
    let mut best: HashMap<i64, usize> = HashMap::new();
    let mut counted: Vec<_> = gaps.into_iter().collect();
    counted.sort_unstable();
    for ((size, gap), count) in counted {
        if best.get(&size).is_none_or(|b| count > *b) {
            best.insert(size, count);
            pitches.insert(size, Abs::pt(gap as f64 / 100.0));
        }
    }
    // Lines into blocks: the lines of one paragraph, heading or list item read as one, and
    // so does a line outside them with the lines it wraps onto (in a grid cell, a block).
    let mut blocks: Vec<Block> = Vec::new();
    let mut previous: Option<&Line> = None;
    let mut last_item: Option<Location> = None;
    for line in &lines {
        let text = line.text(false);
        if text.is_empty() {
            continue;
        }
        let first = line.first();
        let kind = match (first.block.map_or(Kind::Line, |(_, k)| k), first.item) {
            // The text of a list item, in a paragraph of its own or not.
            (Kind::Paragraph | Kind::Line, Some(item)) => Kind::Item(item),
            (kind, _) => kind,
        };
        let same_block = previous.is_some_and(|prev| {
            let p = prev.first();
            let close = p.page == first.page
                && first.y > p.y
                && first.y - p.y < prev.size().max(line.size()) * 1.75;
            let same = kind != Kind::Line
                && p.page == first.page
                && p.block.map(|(l, _)| l) == first.block.map(|(l, _)| l);
            // Wrapped outside a paragraph (a grid cell, a block): the line before ran to
            // the right edge, and this one starts where it or its last column did.
            let edge = right.get(&p.page).copied().unwrap_or_default();
            let heading = |k: Option<(Location, Kind)>| {
                matches!(k, Some((_, Kind::Title | Kind::Heading(_))))
            };
            // At the line pitch: a block or paragraph below would add its spacing. And
            // never from one paragraph or item into another.
            let pitch = pitches
                .get(&size_key(line.size()))
                .copied()
                .unwrap_or(line.size() * 1.4);
            let in_flow = |k: Option<(Location, Kind)>| k.is_some();
            let wrapped = close
                && first.y - p.y <= pitch * 1.1
                && !(in_flow(p.block) && in_flow(first.block) && p.block != first.block)
                && !heading(p.block)
                && !heading(first.block)
                && p.item == first.item
                && prev.end() + line.first_word() + line.size() * 0.5 >= edge
                && prev.aligns(line.start())
                && !(prev.wide_gap() && (line.start() - prev.start()).abs() < Abs::pt(1.0));
            same || wrapped
        });
        let markdown = line.text(true);
        if same_block && let Some(block) = blocks.last_mut() {
            let ends = previous.and_then(|p| p.runs[p.runs.len() - 1].ends);
            // Text from data has no place in a source file (its span is detached), but
            // the offsets still count within its text element.
            block.glued.push(ends.is_some() && ends == first.starts);
            block.lines.push(text);
            block.markdown.push(markdown);
            block.ends.push(line.end());
            block.words.push(line.first_word());
            block.size = block.size.max(line.size());
        } else {
            let apart = previous.is_none_or(|prev| {
                let p = prev.first();
                p.page != first.page
                    || first.y - p.y > prev.size().max(line.size()) * 1.75
                    || first.y < p.y
                    || matches!(kind, Kind::Title | Kind::Heading(_))
            });
            blocks.push(Block {
                kind,
                lines: vec![text],
                markdown: vec![markdown],
                ends: vec![line.end()],
                edge: left
                    .get(&first.page)
                    .filter(|l| (line.start() - **l).abs() < Abs::pt(1.0))
                    .filter(|_| baselines.get(&(first.page, size_key(first.y))) == Some(&1))
                    .and_then(|_| right.get(&first.page).copied()),
                words: vec![line.first_word()],
                glued: vec![false],
                size: line.size(),
                plain_title: first
                    .block
                    .and_then(|(l, _)| titles.get(&l).cloned())
                    .filter(|t| !t.is_empty())
                    .map(|t| escape(&t)),
                apart,
                first_of_item: first.item.is_some() && first.item != last_item,
                label: line.label(),
                ordered: first.ordered,
            });
        }
        last_item = first.item.or(last_item);
        previous = Some(line);
    }
    blocks
}
