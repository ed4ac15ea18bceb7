//! Checks that need the whole content: one person, unique ids, references that
//! resolve, dates in order, profile tags that exist, figures that are really there.
//! Every error points at the offending value.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::diagnostic::{Diag, SourceFiles};
use crate::model::{Bullet, Content, ContentFile, Date, End, Figure, Span, Spanned};
use crate::suggest::{did_you_mean, quoted};

pub fn check(
    file: ContentFile,
    dir: &Path,
    files: &SourceFiles,
    diags: &mut Vec<Diag>,
) -> Option<Content> {
    let Some(person) = file.person else {
        diags.push(Diag::error("no content file defines `person`").hint(
            "add a file such as `person.yaml` with `person:` and at least `name:` and `headline:`",
        ));
        return None;
    };
    let mut content = Content {
        person: person.value,
        experience: file.experience,
        projects: file.projects,
        case_studies: file.case_studies,
        metrics: file.metrics,
        principles: file.principles,
        explorations: file.explorations,
        skills: file.skills,
        education: file.education,
        certifications: file.certifications,
        writing: file.writing,
        profiles: file.profiles,
        design: file.design.map(|d| d.value).unwrap_or_default(),
        updated: file.updated.map(|d| d.value),
        rules: Default::default(),
    };
    check_ids(&content, diags);
    check_references(&content, diags);
    check_dates(&content, diags);
    check_figures(&content, dir, diags);
    content.rules = super::profiles::resolve(&content, files, diags);
    Some(content)
}

fn check_ids(c: &Content, diags: &mut Vec<Diag>) {
    let mut all: Vec<&Spanned<String>> = Vec::new();
    all.extend(c.experience.iter().map(|r| &r.id));
    all.extend(c.projects.iter().map(|p| &p.id));
    all.extend(c.case_studies.iter().map(|s| &s.id));
    all.extend(c.metrics.iter().filter_map(|m| m.id.as_ref()));
    all.extend(
        c.projects
            .iter()
            .flat_map(|p| &p.metrics)
            .filter_map(|m| m.id.as_ref()),
    );
    all.extend(c.principles.iter().filter_map(|p| p.id.as_ref()));
    all.extend(c.explorations.iter().filter_map(|e| e.id.as_ref()));
    all.extend(c.skills.iter().filter_map(|s| s.id.as_ref()));
    all.extend(c.education.iter().filter_map(|e| e.id.as_ref()));
    all.extend(c.certifications.iter().filter_map(|e| e.id.as_ref()));
    all.extend(c.writing.iter().filter_map(|e| e.id.as_ref()));
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for id in all {
        let well_formed = id
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !well_formed {
            diags.push(
                Diag::error(format!("`{}` is not a valid id", id.value))
                    .at(id.span)
                    .hint("ids name files and are typed on the command line: use lowercase letters, digits, `-` and `_`, for example `ledger-2023`"),
            );
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

fn check_references(c: &Content, diags: &mut Vec<Diag>) {
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
        if known.contains(&reference.as_str()) {
            continue;
        }
        let mut diag = Diag::error(format!(
            "there is no {what} with the id `{}`",
            reference.value
        ))
        .at(reference.span);
        diag = match did_you_mean(reference, known) {
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
        .map(|r| (Some(&r.start), r.end.as_ref()))
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

/// Every tag on anything a reader can see.
pub(super) fn used_tags(c: &Content) -> BTreeSet<String> {
    let mut tags: Vec<&Spanned<String>> = Vec::new();
    for r in &c.experience {
        tags.extend(&r.tags);
        tags.extend(bullets(&r.highlights));
        tags.extend(
            r.narrative
                .iter()
                .flat_map(|s| s.tags.iter().chain(bullets(&s.bullets))),
        );
    }
    for p in &c.projects {
        tags.extend(&p.tags);
        tags.extend(bullets(&p.highlights));
        tags.extend(bullets(&p.performance));
        tags.extend(bullets(&p.scalability));
        tags.extend(bullets(&p.roadmap));
        tags.extend(p.decisions.iter().flat_map(|d| &d.tags));
        tags.extend(p.postmortem.iter().flat_map(|i| &i.tags));
        tags.extend(p.metrics.iter().flat_map(|m| &m.tags));
        tags.extend(p.figures.iter().flat_map(|f| &f.tags));
    }
    for s in &c.case_studies {
        tags.extend(&s.tags);
        tags.extend(
            s.sections
                .iter()
                .flat_map(|s| s.tags.iter().chain(bullets(&s.bullets))),
        );
    }
    tags.extend(c.metrics.iter().flat_map(|m| &m.tags));
    tags.extend(c.principles.iter().flat_map(|p| &p.tags));
    tags.extend(c.explorations.iter().flat_map(|e| &e.tags));
    tags.extend(c.skills.iter().flat_map(|s| &s.tags));
    for e in &c.education {
        tags.extend(&e.tags);
        tags.extend(bullets(&e.details));
    }
    tags.extend(c.certifications.iter().flat_map(|e| &e.tags));
    tags.extend(c.writing.iter().flat_map(|e| &e.tags));
    tags.into_iter().map(|t| t.value.clone()).collect()
}

const IMAGE_EXTENSIONS: &[&str] = &["svg", "png", "jpg", "jpeg", "gif"];

fn check_figures(c: &Content, dir: &Path, diags: &mut Vec<Diag>) {
    let figures: Vec<&Figure> = c
        .person
        .photo
        .iter()
        .chain(c.projects.iter().flat_map(|p| &p.figures))
        .chain(c.case_studies.iter().flat_map(|s| &s.figures))
        .collect();
    for figure in figures {
        let path = &figure.path;
        let ext = Path::new(path.as_str())
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if !ext
            .as_deref()
            .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e))
        {
            diags.push(
                Diag::error(format!(
                    "`{}` is not an image file this tool can place",
                    path.value
                ))
                .at(path.span)
                .hint(format!("use one of: {}", quoted(IMAGE_EXTENSIONS))),
            );
            continue;
        }
        match dir.join(path.as_str()).canonicalize() {
            Ok(real) if real.starts_with(dir) && real.is_file() => {
                if let Some(problem) = not_an_image(&real, ext.as_deref().unwrap_or_default()) {
                    diags.push(
                        Diag::error(format!("`{}` {problem}", path.value))
                            .at(path.span)
                            .hint("export the image again, or fix its extension"),
                    );
                }
            }
            Ok(real) if real.starts_with(dir) => diags.push(
                Diag::error(format!("`{}` is not a file", path.value))
                    .at(path.span)
                    .hint("name the image file itself, for example `figures/ledger.svg`"),
            ),
            Ok(_) => diags.push(
                Diag::error(format!("`{}` lies outside the content folder", path.value))
                    .at(path.span)
                    .hint("images must be files inside the content folder (links that lead out are refused)"),
            ),
            Err(e) => diags.push(
                Diag::error(format!("cannot read the image `{}`: {}", path.value, super::io_reason(&e)))
                    .at(path.span)
                    .hint("the path is relative to the content folder, for example `figures/ledger.svg`"),
            ),
        }
    }
}

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

fn bullets(b: &[Bullet]) -> impl Iterator<Item = &Spanned<String>> {
    b.iter().flat_map(|b| &b.tags)
}
