//! Checks that need the whole content: one person, unique ids, references that
//! resolve, dates in order, profile tags that exist, figures that are really there.
//! Every error points at the offending value.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use super::design;
use crate::diagnostic::{Diag, SourceFiles};
use crate::model::{BUILT_IN, Content, ContentFile, Date, End, RESERVED, Span, Spanned, built_in};
use crate::suggest::{did_you_mean, quoted};

/// What failed to load before the whole was checked: references to these ids are not
/// reported as dangling, and a `person` that failed is not reported as missing.
#[derive(Debug, Default)]
pub struct Failed {
    pub ids: HashSet<String>,
    pub person: bool,
}

impl Failed {
    /// Notes an entry of `section` that failed to load: its id, if it wrote one.
    pub fn note(&mut self, section: &str, node: &super::yaml::Node) {
        use super::yaml::Kind;
        if section == "person" {
            self.person = true;
        }
        // The wrapper is `section: [entry]` or `section: value`.
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            match &n.kind {
                Kind::Map(entries) => {
                    for (k, v) in entries {
                        match (&k.kind, &v.kind) {
                            (Kind::Scalar { text: key, .. }, Kind::Scalar { text, .. })
                                if key == "id" =>
                            {
                                self.ids.insert(text.clone());
                            }
                            _ => stack.push(v),
                        }
                    }
                }
                Kind::Seq(items) => stack.extend(items),
                Kind::Scalar { .. } => {}
            }
        }
    }
}

pub fn check(
    file: ContentFile,
    dir: &Path,
    files: &SourceFiles,
    failed: &Failed,
    diags: &mut Vec<Diag>,
) -> Option<Content> {
    let Some(person) = file.person else {
        if !failed.person {
            diags.push(Diag::error("no content file defines `person`").hint(
                "add a file such as `person.yaml` with `person:` and at least `name:` and `headline:`",
            ));
        }
        return None;
    };
    let mut content = Content {
        person: person.value,
        experience: file.experience,
        volunteer: file.volunteer,
        projects: file.projects,
        case_studies: file.case_studies,
        metrics: file.metrics,
        principles: file.principles,
        explorations: file.explorations,
        skills: file.skills,
        education: file.education,
        certifications: file.certifications,
        writing: file.writing,
        publications: file.publications,
        talks: file.talks,
        awards: file.awards,
        interests: file.interests,
        references: file.references,
        sections: file.sections,
        profiles: file.profiles,
        applications: file.applications,
        application_filters: Default::default(),
        design: file.design.map(|d| d.value).unwrap_or_default(),
        updated: file.updated.map(|d| d.value),
        rules: Default::default(),
        translations: Default::default(),
    };
    check_ids(&content, diags);
    check_sections(&content, diags);
    check_references(&content, failed, diags);
    check_dates(&content, diags);
    check_figures(&content, dir, diags);
    design::check(&content.design, diags);
    for profile in content.profiles.values() {
        design::check(&profile.design, diags);
    }
    content.rules = super::profiles::resolve(&content, files, diags);
    content.application_filters = check_applications(&content, dir, files, diags);
    Some(content)
}

fn check_ids(c: &Content, diags: &mut Vec<Diag>) {
    let mut all: Vec<&Spanned<String>> = Vec::new();
    for (_, entries) in c.entry_lists() {
        all.extend(entries.iter().filter_map(|e| e.id_spanned()));
    }
    all.extend(
        c.projects
            .iter()
            .flat_map(|p| &p.metrics)
            .filter_map(|m| m.id.as_ref()),
    );
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for id in all {
        if let Some(diag) = bad_name(id, "id") {
            diags.push(diag);
        }
        if let Some(first) = seen.get(id.as_str()) {
            diags.push(
                Diag::error(format!("id `{}` is used twice", id.value))
                    .at(id.span)
                    .label("used again here")
                    .note_at(*first, "first used here")
                    .hint("ids must be unique across all content files"),
            );
        } else {
            seen.insert(id, id.span);
        }
    }
}

/// Keys whose values are addresses that become links (in the PDF and in Markdown).
const LINK_KEYS: &[&str] = &["url", "website"];

/// Typst refuses longer addresses (`URL is too long`).
pub const MAX_URL_BYTES: usize = 8000;

/// Every link field of a file (`website`, `url` of links, entries and sections): an
/// `http`, `https` or `mailto` address without spaces, of a length Typst accepts. Checked
/// on the positioned tree, so that each error is at its value.
pub fn check_links(node: &super::yaml::Node, diags: &mut Vec<Diag>) {
    use super::yaml::Kind;
    match &node.kind {
        Kind::Map(entries) => {
            for (key, value) in entries {
                if let (Kind::Scalar { text: key, .. }, Kind::Scalar { text, .. }) =
                    (&key.kind, &value.kind)
                    && LINK_KEYS.contains(&key.as_str())
                    && !value.is_null()
                {
                    diags.extend(bad_link(text).map(|d| d.at(value.span)));
                }
                if let (Kind::Scalar { text: key, .. }, Kind::Scalar { text, .. }) =
                    (&key.kind, &value.kind)
                    && key == "phone"
                    && !value.is_null()
                {
                    diags.extend(bad_phone(text).map(|d| d.at(value.span)));
                }
                if let (Kind::Scalar { text: key, .. }, Kind::Seq(links)) = (&key.kind, &value.kind)
                    && key == "links"
                {
                    diags.extend(links.iter().filter_map(link_without_address));
                }
                check_links(value, diags);
            }
        }
        Kind::Seq(items) => items.iter().for_each(|n| check_links(n, diags)),
        // A link written in text (`[the RFC](https://...)`) has the same limit.
        Kind::Scalar { text, .. } if text.len() > MAX_URL_BYTES && text.contains("](") => {
            let runs = crate::render::markup::parse(text);
            if let Some(url) = runs
                .iter()
                .filter_map(|r| r.link.as_deref())
                .find(|url| url.len() > MAX_URL_BYTES)
            {
                diags.push(
                    Diag::error(format!(
                        "a link in this text is {} bytes long; a link may be at most {MAX_URL_BYTES}",
                        url.len()
                    ))
                    .at(node.span)
                    .hint("shorten the address, or link to a page that holds the rest"),
                );
            }
        }
        Kind::Scalar { .. } => {}
    }
}

/// A link is an address, or a profile on a network: `network` and `username`.
fn link_without_address(link: &super::yaml::Node) -> Option<Diag> {
    let super::yaml::Kind::Map(entries) = &link.kind else {
        return None;
    };
    let has = |name: &str| {
        entries
            .iter()
            .any(|(k, v)| k.scalar_text().as_deref() == Some(name) && !v.is_null())
    };
    (!(has("url") || has("network") && has("username"))).then(|| {
        Diag::error("a link needs a `url`, or a `network` and a `username`")
            .at(link.span)
            .hint("a profile on a network with no address of its own prints as `network: username`")
    })
}

/// The longest word (a run of characters with no place to break a line) a text may hold
/// (ours: the widest column holds about 100 characters at the smallest size).
pub const MAX_WORD_CHARS: usize = 200;

/// Every printed value of a file: a word longer than [`MAX_WORD_CHARS`] cannot fit on any
/// line and would run off the page, so it is an error at its value. Link fields
/// (`url`, `website`) and image paths (`path`, `photo`) are not words of text; nor is an address written
/// in text (`https://...`, which Typst breaks anywhere it must) or the target of a link
/// in markup.
pub fn check_words(node: &super::yaml::Node, diags: &mut Vec<Diag>) {
    use super::yaml::Kind;
    match &node.kind {
        Kind::Map(entries) => {
            for (key, value) in entries {
                let skip = matches!(&key.kind, Kind::Scalar { text, .. }
                    if LINK_KEYS.contains(&text.as_str()) || text == "path" || text == "photo");
                if !skip {
                    check_words(value, diags);
                }
            }
        }
        Kind::Seq(items) => items.iter().for_each(|n| check_words(n, diags)),
        Kind::Scalar { text, .. } => {
            if let Some(word) = longest_word(text) {
                let n = word.chars().count();
                let short: String = word.chars().take(40).collect();
                diags.push(
                    Diag::error(format!(
                        "a word of {n} characters (`{short}...`) cannot fit on a line; a word may be at most {MAX_WORD_CHARS}"
                    ))
                    .at(node.span)
                    .hint("no line can hold it, so it would run off the page: add spaces, or shorten it"),
                );
            }
        }
    }
}

/// The first word of `text`, as printed, longer than [`MAX_WORD_CHARS`], if any.
fn longest_word(text: &str) -> Option<String> {
    // Most values are shorter than the limit: nothing to find.
    if text.chars().count() <= MAX_WORD_CHARS {
        return None;
    }
    // The printed text: the target of a link in markup (`[label](url)`) is not printed.
    let printed: String = if text.contains("](") {
        crate::render::markup::parse(text)
            .into_iter()
            .map(|r| r.text)
            .collect()
    } else {
        text.to_owned()
    };
    static SEGMENTER: std::sync::LazyLock<icu_segmenter::LineSegmenterBorrowed<'static>> =
        std::sync::LazyLock::new(|| icu_segmenter::LineSegmenter::new_lstm(Default::default()));
    // Typst breaks an address in text (after `://`, or from `www.`) by rules of its own,
    // up to its last piece: blank the address out up to there, as no word of text.
    let mut printed = printed;
    let mut from = 0;
    while let Some(found) = next_address(&printed[from..]) {
        let at = from + found;
        let (link, _) = typst::syntax::link_prefix(&printed[at..]);
        let (broken, len) = (last_link_break(link), link.len());
        printed.replace_range(at..at + broken, &" ".repeat(broken));
        from = (at + len).max(at + 1).min(printed.len());
        while !printed.is_char_boundary(from) {
            from += 1;
        }
    }
    let mut start = 0;
    for end in SEGMENTER.segment_str(&printed) {
        let word = printed[start..end].trim();
        start = end;
        if word.chars().count() > MAX_WORD_CHARS {
            return Some(word.to_owned());
        }
    }
    None
}

/// Where Typst's last line break opportunity inside an address is (`linebreak_link` in
/// typst-layout 0.15): between letters and digits, between two other characters, and
/// anywhere in a piece of 16 bytes or more that is followed by one of those; the address's
/// last piece is unbroken.
fn last_link_break(link: &str) -> usize {
    #[derive(PartialEq)]
    enum Class {
        Alphabetic,
        Digit,
        Open,
        Other,
    }
    let class = |c: char| {
        if c.is_alphabetic() {
            Class::Alphabetic
        } else if c.is_numeric() {
            Class::Digit
        } else if matches!(c, '(' | '[') {
            Class::Open
        } else {
            Class::Other
        }
    };
    let mut last = 0;
    let mut prev = Class::Other;
    for (end, c) in link.char_indices() {
        let now = class(c);
        let breaks = if now == Class::Other {
            prev == Class::Other
        } else {
            now != prev
        };
        if end > 0 && prev != Class::Open && breaks {
            last = end;
        }
        prev = now;
    }
    last
}

/// Where the next address in `text` starts (after its `://`, or at `www.`), if any.
fn next_address(text: &str) -> Option<usize> {
    let scheme = text.find("://").map(|i| i + 3);
    let www = text.find("www.");
    match (scheme, www) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A phone number becomes a `tel:` link: digits and the usual separators only.
fn bad_phone(phone: &str) -> Option<Diag> {
    let ok = phone.chars().any(|c| c.is_ascii_digit())
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c));
    (!ok).then(|| {
        let short: String = phone.chars().take(40).collect();
        let more = if short.len() < phone.len() { "..." } else { "" };
        Diag::error(format!(
            "not a phone number: `{short}{more}`: use digits, spaces and `+ - ( ) . /`"
        ))
        .hint(
            "the number becomes a `tel:` link; write it as dialled, for example `+31 6 1234 5678`",
        )
    })
}

/// What is wrong with an address given as a link, if anything.
fn bad_link(url: &str) -> Option<Diag> {
    if url.len() > MAX_URL_BYTES {
        return Some(
            Diag::error(format!(
                "this link is {} bytes long; a link may be at most {MAX_URL_BYTES}",
                url.len()
            ))
            .hint("shorten the address, or link to a page that holds the rest"),
        );
    }
    if crate::render::markup::has_link_scheme(url) && !url.chars().any(char::is_whitespace) {
        return None;
    }
    let short: String = url.chars().take(40).collect();
    let more = if short.len() < url.len() { "..." } else { "" };
    Some(
        Diag::error(format!(
            "not a link: `{short}{more}`: use an http, https or mailto address"
        ))
        .hint("write the whole address with its scheme and without spaces, for example `https://example.com/ada`"),
    )
}

/// A name that becomes part of a file name or is typed on the command line: lowercase
/// letters, digits, `-` and `_`, starting with a letter or digit.
pub fn bad_name(name: &Spanned<String>, what: &str) -> Option<Diag> {
    let well_formed = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    (!well_formed).then(|| {
        Diag::error(format!("`{}` is not a valid {what}", name.value))
            .at(name.span)
            .hint("names are typed on the command line and name files: use lowercase letters, digits, `-` and `_`, for example `ledger-2023`")
    })
}

/// Sections of the author's own: a valid, unused name, a title, entries only where
/// they belong; settings for built-in sections that fit them.
fn check_sections(c: &Content, diags: &mut Vec<Diag>) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for def in &c.sections {
        let id = &def.id;
        if let Some(first) = seen.insert(id.as_str(), id.span) {
            diags.push(
                Diag::error(format!("section `{}` is defined twice", id.value))
                    .at(id.span)
                    .note_at(first, "first defined here")
                    .hint("give each section one definition, with all its entries"),
            );
            continue;
        }
        match built_in(id) {
            Some(b) => {
                if !def.entries.is_empty() {
                    diags.push(
                        Diag::error(format!(
                            "`{}` is a built-in section: its entries go under the top-level key `{}:`",
                            id.value, id.value
                        ))
                        .at(id.span)
                        .hint("here, give it only a `title`, an `intro` or (for publications, talks, awards, interests and references) a `layout`"),
                    );
                }
                if let (Some(layout), None) = (&def.layout, b.layout) {
                    diags.push(
                        Diag::error(format!(
                            "the `{}` section has a layout of its own; `layout` applies to publications, talks, awards, interests, references and your own sections",
                            id.value
                        ))
                        .at(layout.span),
                    );
                }
            }
            None => {
                if let Some(diag) = bad_name(id, "section name") {
                    diags.push(diag);
                } else if RESERVED.contains(&id.as_str()) {
                    diags.push(
                        Diag::error(format!("`{}` is a reserved name", id.value))
                            .at(id.span)
                            .hint(format!("choose another; reserved: {}", quoted(RESERVED))),
                    );
                } else if let Some(s) =
                    did_you_mean(id, &BUILT_IN.iter().map(|b| b.name).collect::<Vec<_>>())
                        .filter(|s| s.trim_end_matches('s') == id.trim_end_matches('s'))
                {
                    diags.push(
                        Diag::error(format!("`{}` is so close to the built-in section `{s}` that it reads as a typo", id.value))
                            .at(id.span)
                            .hint(format!("to configure the built-in section, write `id: {s}`")),
                    );
                }
                if def.title.is_none() {
                    diags.push(
                        Diag::error(format!("section `{}` has no `title`", id.value))
                            .at(id.span)
                            .hint("a section of your own needs the heading it prints: `title: Patents`"),
                    );
                }
            }
        }
    }
}

fn check_references(c: &Content, failed: &Failed, diags: &mut Vec<Diag>) {
    let roles: Vec<&str> = c.experience.iter().map(|r| r.id.as_str()).collect();
    let projects: Vec<&str> = c.projects.iter().map(|p| p.id.as_str()).collect();
    let refs = c
        .projects
        .iter()
        .filter_map(|p| p.at.as_ref().map(|at| (at, &roles, "role", "`at`")))
        .chain(c.case_studies.iter().filter_map(|s| {
            s.project
                .as_ref()
                .map(|p| (p, &projects, "project", "`project`"))
        }));
    for (reference, known, what, field) in refs {
        // An entry that failed to load has its own error already.
        if known.contains(&reference.as_str()) || failed.ids.contains(reference.as_str()) {
            continue;
        }
        let mut diag = Diag::error(format!(
            "there is no {what} with the id `{}`",
            reference.value
        ))
        .at(reference.span);
        let mut candidates = known.clone();
        candidates.extend(failed.ids.iter().map(String::as_str));
        diag = match did_you_mean(reference, &candidates) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None if known.is_empty() => diag.hint(format!("no {what} is defined yet ({field})")),
            None => diag.hint(format!("known: {}", quoted(known))),
        };
        diags.push(diag);
    }
}

fn check_dates(c: &Content, diags: &mut Vec<Diag>) {
    let ranges = c
        .experience
        .iter()
        .chain(&c.volunteer)
        .map(|r| (r.start.as_ref(), r.end.as_ref()))
        .chain(
            c.generic_lists()
                .into_iter()
                .flat_map(|(_, items)| items)
                .map(|i| (i.start.as_ref(), i.end.as_ref())),
        )
        .chain(
            c.projects
                .iter()
                .map(|p| (p.start.as_ref(), p.end.as_ref())),
        )
        .chain(
            c.education
                .iter()
                .map(|e| (e.start.as_ref(), e.end.as_ref())),
        );
    for (start, end) in ranges {
        if let (
            Some(start),
            Some(Spanned {
                value: End::Date(end),
                span,
            }),
        ) = (start, end)
            && *end < start.value
            && !same_period(&start.value, end)
        {
            diags.push(
                Diag::error(format!(
                    "this ends ({end}) before it starts ({})",
                    start.value
                ))
                .at(*span)
                .note_at(start.span, "starts here")
                .hint("swap `start` and `end`, or use `end: present` for something still going on"),
            );
        }
    }
}

/// `2021` and `2021-05` overlap: a range written at mixed precision is not reversed.
fn same_period(a: &Date, b: &Date) -> bool {
    a.year == b.year
        && (a.month.is_none()
            || b.month.is_none()
            || (a.month == b.month && (a.day.is_none() || b.day.is_none())))
}

const IMAGE_EXTENSIONS: &[&str] = &["svg", "png", "jpg", "jpeg", "gif"];

/// Below this many bytes of image files in all, the figures are checked one after the
/// other: handing them to the thread pool and waking up when it is done cost more than
/// decoding a few small files (the example's three SVGs: 0.9 ms in a row, 1.7 ms on the
/// pool, while the compiler's warm-up holds the other core).
const PARALLEL_FIGURE_BYTES: u64 = 64 * 1024;

fn check_figures(c: &Content, dir: &Path, diags: &mut Vec<Diag>) {
    // Larger images are read and decoded each on its own core; the problems are reported
    // in the order of the content either way.
    let figures = c.figures();
    let bytes: u64 = figures
        .iter()
        .filter_map(|figure| std::fs::metadata(dir.join(figure.path.as_str())).ok())
        .map(|meta| meta.len())
        .sum();
    let check = |figure: &&crate::model::Figure| check_figure(figure, dir);
    let found: Vec<Option<Diag>> = if bytes < PARALLEL_FIGURE_BYTES {
        figures.iter().map(check).collect()
    } else {
        figures.par_iter().map(check).collect()
    };
    diags.extend(found.into_iter().flatten());
}

/// What is wrong with one figure's image, if anything.
fn check_figure(figure: &crate::model::Figure, dir: &Path) -> Option<Diag> {
    let path = &figure.path;
    let ext = Path::new(path.as_str())
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !ext
        .as_deref()
        .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e))
    {
        return Some(
            Diag::error(format!(
                "`{}` is not an image file this tool can place",
                path.value
            ))
            .at(path.span)
            .hint(format!("use one of: {}", quoted(IMAGE_EXTENSIONS))),
        );
    }
    match dir.join(path.as_str()).canonicalize() {
        Ok(real) if real.starts_with(dir) && real.is_file() => {
            let ext = ext.as_deref().unwrap_or_default();
            if let Some(problem) = not_an_image(&real, ext) {
                return Some(
                    Diag::error(format!("`{}` {problem}", path.value))
                        .at(path.span)
                        .hint("export the image again, or fix its extension"),
                );
            }
            let checked = match std::fs::read(&real) {
                Ok(data) if ext == "svg" => super::image::check_svg(&data),
                Ok(data) => super::image::check_raster(&data),
                Err(e) => Err(super::image::Problem {
                    message: format!("cannot be read: {}", super::io_reason(&e)),
                    hint: "check the file's permissions".into(),
                }),
            };
            checked.err().map(|problem| {
                Diag::error(format!("`{}` {}", path.value, problem.message))
                    .at(path.span)
                    .hint(problem.hint)
            })
        }
        Ok(real) if real.starts_with(dir) => Some(
            Diag::error(format!("`{}` is not a file", path.value))
                .at(path.span)
                .hint("name the image file itself, for example `figures/ledger.svg`"),
        ),
        Ok(_) => Some(
            Diag::error(format!("`{}` lies outside the content folder", path.value))
                .at(path.span)
                .hint("images must be files inside the content folder (links that lead out are refused)"),
        ),
        Err(e) => Some(
            Diag::error(format!("cannot read the image `{}`: {}", path.value, super::io_reason(&e)))
                .at(path.span)
                .hint("the path is relative to the content folder, for example `figures/ledger.svg`"),
        ),
    }
}

/// Applications: a profile that exists, selectors that select, a posting that is a text
/// file inside the content folder. Returns each application's selectors, parsed.
fn check_applications(
    c: &Content,
    dir: &Path,
    files: &SourceFiles,
    diags: &mut Vec<Diag>,
) -> std::collections::BTreeMap<String, crate::model::rules::Filter> {
    let mut filters = std::collections::BTreeMap::new();
    for (id, app) in &c.applications {
        let profile = &app.profile;
        let exists =
            c.profiles.contains_key(profile.as_str()) || profile.as_str() == super::profiles::ALL;
        if !exists {
            let mut names: Vec<&str> = c.profiles.keys().map(String::as_str).collect();
            if !c.profiles.contains_key(super::profiles::ALL) {
                names.push(super::profiles::ALL);
            }
            let diag = Diag::error(format!(
                "application `{id}` starts from the profile `{}`, which does not exist",
                profile.value
            ))
            .at(profile.span);
            diags.push(match did_you_mean(profile, &names) {
                Some(s) => diag.hint(format!("did you mean `{s}`?")),
                None => diag.hint(format!("known profiles: {}", quoted(&names))),
            });
        }
        if let Some(filter) = super::profiles::application_filter(app, c, files, diags) {
            filters.insert(id.clone(), filter);
        }
        if let Err(diag) = read_posting(&app.posting, dir) {
            diags.push(diag);
        }
        let known: Vec<&str> = c
            .projects
            .iter()
            .map(|p| p.id.as_str())
            .chain(c.case_studies.iter().map(|s| s.id.as_str()))
            .collect();
        for handout in app.handouts.iter().filter(|h| !known.contains(&h.as_str())) {
            let diag = Diag::error(format!(
                "application `{id}` asks for the handout of `{}`, which is no project or case study",
                handout.value
            ))
            .at(handout.span);
            diags.push(match did_you_mean(handout, &known) {
                Some(s) => diag.hint(format!("did you mean `{s}`?")),
                None => diag.hint("`handouts:` lists the ids of projects or case studies"),
            });
        }
    }
    filters
}

/// The job posting an application names: a UTF-8 text file inside the content folder.
pub fn read_posting(path: &Spanned<String>, dir: &Path) -> Result<String, Diag> {
    let real = match dir.join(path.as_str()).canonicalize() {
        Ok(real) => real,
        Err(e) => {
            return Err(Diag::error(format!(
                "cannot read the posting `{}`: {}",
                path.value,
                super::io_reason(&e)
            ))
            .at(path.span)
            .hint("save the job posting as a text file in the content folder; the path is relative to it, for example `applications/northwind.txt`"));
        }
    };
    if !real.starts_with(dir) {
        return Err(
            Diag::error(format!("`{}` lies outside the content folder", path.value))
                .at(path.span)
                .hint("copy the posting into the content folder (links that lead out are refused)"),
        );
    }
    if !real.is_file() {
        return Err(Diag::error(format!("`{}` is not a file", path.value))
            .at(path.span)
            .hint(
                "name the posting's text file itself, for example `applications/northwind.txt`",
            ));
    }
    let bytes = super::read_capped(&real, MAX_POSTING_BYTES).map_err(|e| {
        Diag::error(format!(
            "cannot read the posting `{}`: {}",
            path.value,
            super::io_reason(&e)
        ))
        .at(path.span)
    })?;
    if bytes.len() as u64 > MAX_POSTING_BYTES {
        return Err(Diag::error(format!(
            "the posting `{}` is over {} KiB; a job posting is a page or two of text",
            path.value,
            MAX_POSTING_BYTES / 1024
        ))
        .at(path.span)
        .hint("save the posting's text alone, not the whole web page"));
    }
    String::from_utf8(bytes).map_err(|_| {
        Diag::error(format!("the posting `{}` is not UTF-8 text", path.value))
            .at(path.span)
            .hint("save the job posting as plain UTF-8 text (copy its text from the page into a `.txt` file)")
    })
}

/// Far larger than any job posting's text.
const MAX_POSTING_BYTES: u64 = 1024 * 1024;

/// Whether a file's first bytes match its extension; `None` if they do.
fn not_an_image(path: &Path, ext: &str) -> Option<String> {
    use std::io::Read;
    let mut head = [0u8; 1024];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .ok()?;
    let head = &head[..n];
    let ok = match ext {
        "png" => head.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" | "jpeg" => head.starts_with(&[0xFF, 0xD8, 0xFF]),
        "gif" => head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a"),
        _ => String::from_utf8_lossy(head).contains("<svg"),
    };
    (!ok).then(|| {
        format!(
            "is not a real {} image: its content does not start like one",
            ext.to_uppercase()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::longest_word;

    #[test]
    fn a_word_is_what_no_line_break_opportunity_splits() {
        let long = "x".repeat(201);
        assert_eq!(longest_word(&format!("a {long} b")), Some(long.clone()));
        assert_eq!(longest_word(&"x".repeat(200)), None);
        // Hyphens, Chinese characters and Thai words are places to break.
        assert_eq!(longest_word(&"abcdefghi-".repeat(30)), None);
        assert_eq!(longest_word(&"漢字".repeat(200)), None);
        assert_eq!(longest_word(&"ภาษาไทยง่าย".repeat(30)), None);
        // The target of a link in markup is not printed.
        assert_eq!(
            longest_word(&format!("[the page](https://e.com/{long})")),
            None
        );
        // An address breaks as Typst breaks it, but not inside its last piece.
        let a = "a".repeat(300);
        assert_eq!(longest_word(&format!("see https://e.com/{a}0")), None);
        assert_eq!(longest_word(&format!("see www.e.com/{a}-b")), None);
        assert_eq!(longest_word(&format!("see https://e.com/{a}")), Some(a));
    }
}
