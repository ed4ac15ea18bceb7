//! `resume build`: load, select per profile, render each document, write atomically.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use super::fit_cache::{self, FitCache};
use super::manifest;
use super::names;
use super::outputs;
use super::{Reported, fail, load_content, shared};
use crate::args::{BuildArgs, Document, PdfStandard};
use crate::diagnostic::Diag;
use crate::diagnostic::SourceFiles;
use crate::load::io_reason;
use crate::model::Date;
use crate::render::{self, data, fit};
use crate::select;

pub fn run(args: &BuildArgs) -> Result<(), Reported> {
    build(args, None)
}

/// One build. `watch` passes the compiler it keeps between builds (fonts parsed once,
/// Typst's caches warm); a plain build makes its own.
pub fn build(args: &BuildArgs, given: Option<&mut render::ResumeWorld>) -> Result<(), Reported> {
    build_with(args, given, None)
}

/// One build, of everything `args` asks for, or (with `kit`) of one application's kit:
/// its profile's CV with the application's selectors, and its cover letter, into
/// `<out>/applications/<id>/`, then its report.
pub(super) fn build_with(
    args: &BuildArgs,
    given: Option<&mut render::ResumeWorld>,
    kit: Option<&super::apply::Kit>,
) -> Result<(), Reported> {
    let started = Instant::now();
    // The compiler is made while the content loads, as neither needs the other: on two
    // cores they overlap. A plain build makes its own; `watch` keeps one between builds.
    let system_fonts = args.system_fonts;
    let compiler = given.is_none().then(|| {
        let templates = templates_of(args.document, kit.is_some());
        render::prepare_beside(args.content.content.clone(), system_fonts, templates)
    });
    let (loaded, content) = load_content(&args.content.content)?;
    let content = match kit {
        Some(kit) if kit.tailor => {
            super::apply::tailored(content, &kit.id, &loaded.dir)
                .map_err(|diag| {
                    loaded.files.emit(&[diag]);
                    Reported
                })?
                .0
        }
        _ => content,
    };
    let date =
        shared::document_date(args.options.date.as_deref(), content.updated).map_err(fail)?;
    // One content file is all that is read: PDFs beside it are no content.
    if !loaded.single {
        check_out_dir(&args.out, &loaded.dir).map_err(fail)?;
    }
    let application = kit
        .map(|kit| super::apply::find(&content, &kit.id))
        .transpose()
        .map_err(fail)?;
    let profiles = match &application {
        Some(app) => {
            shared::profiles(&content, Some(app.application.profile.as_str())).map_err(fail)?
        }
        None => shared::profiles(&content, args.profile.as_deref()).map_err(fail)?,
    };
    let documents = match &application {
        Some(app) if !app.application.handouts.is_empty() => {
            vec![Document::Cv, Document::Letter, Document::CaseStudy]
        }
        Some(_) => vec![Document::Cv, Document::Letter],
        None => args.document.map_or(Document::ALL.to_vec(), |d| vec![d]),
    };
    let mut files = loaded.files;
    let mut extra = shared::command_line_filter(&args.selectors, &content, &mut files)?;
    if let Some(app) = &application {
        extra.select.extend(app.filter.select.iter().cloned());
        extra.exclude.extend(app.filter.exclude.iter().cloned());
    }
    check_projects(&args.projects, &content).map_err(fail)?;
    if let Some(pattern) = &args.name {
        names::check(pattern).map_err(|why| {
            fail(
                Diag::error(format!("the file name pattern `{pattern}` {why}"))
                    .hint("for example `--name '{name}-{document}'` (the default) or `--name '{name}-{profile}-{document}-{date}'`"),
            )
        })?;
    }

    // The project root is the folder that holds the content folder (or the one content
    // file): templates/ sits there.
    let root = loaded.root.clone();
    let content_root = shared::content_root(&loaded.dir, loaded.single);
    // Fonts are parsed once; every compiler of this run shares them.
    let kept_warm = given.is_some();
    let mut own = None;
    let world: &mut render::ResumeWorld = match given {
        Some(world) => world,
        None => {
            let prepared = compiler
                .and_then(|handed| handed.recv().ok().flatten())
                .filter(|world| world.root() == root);
            // Only a panic in the thread, or a content folder moved meanwhile, gets here.
            own.insert(prepared.unwrap_or_else(|| render::world(root, system_fonts, date)))
        }
    };
    world.set_today(render::datetime(date));
    for rules in &profiles {
        if let Some(font) = &rules.design.over(&content.design).font {
            world.check_font(font).map_err(|diag| {
                files.emit(&[diag]);
                Reported
            })?;
        }
    }

    let standards = pdf_standards(&args.output.pdf_standards).map_err(fail)?;
    let accessible = args.output.pdf_standards.contains(&PdfStandard::Ua1);
    let mut tasks = Vec::new();
    // The kit's CV as selected, for its report once it is fitted.
    let mut kit_cv: Option<(String, Job)> = None;
    let mut handouts_found = args.projects.is_empty();
    for rules in profiles {
        let name = rules.name.as_str();
        let (content, rules) = content.in_language(rules);
        let selection = select::select(content, rules, &extra, args.options.private);
        warn_unprinted(&selection, &files);
        for &document in &documents {
            let info = data::BuildInfo {
                date,
                document: document.name(),
                content_root: &content_root,
                theme: args.options.theme,
            };
            let jobs = match &application {
                Some(app) => super::apply::jobs(args, app, document, &selection, content, &info)
                    .into_iter()
                    .map(|(path, job)| (path, None, job))
                    .collect(),
                None => jobs(args, document, &selection, content, &info),
            };
            let cache_name = match &application {
                Some(app) => format!("applications/{}/{}", app.id, document.name()),
                None => format!("{name}/{}", document.name()),
            };
            if application.is_some() && document == Document::Cv {
                kit_cv = jobs
                    .first()
                    .map(|(_, _, job)| (cache_name.clone(), job.clone()));
            }
            handouts_found |= document == Document::CaseStudy && !jobs.is_empty();
            warn_emptied(&selection, document, name, &files);
            let holds = holds(&selection);
            tasks.extend(jobs.into_iter().map(|(path, handout, job)| Task {
                handout,
                holds: holds.clone(),
                problems: if accessible {
                    missing_alt(&job, content, &info)
                } else {
                    Vec::new()
                },
                path,
                job,
                document,
                profile: name.to_owned(),
                cache_name: cache_name.clone(),
            }));
        }
    }
    same_names(&tasks).map_err(fail)?;
    if !handouts_found {
        let ids: Vec<&str> = args.projects.iter().map(String::as_str).collect();
        return Err(fail(
            Diag::error(format!(
                "no profile selects {}",
                crate::suggest::quoted(&ids)
            ))
            .hint("`resume list` shows what each profile selects"),
        ));
    }

    // Before anything is written: what an interrupted write left in the folders this
    // build writes to, or an earlier build wrote to.
    remove_leftovers(
        &args.out,
        std::iter::once(args.out.clone())
            .chain(
                tasks
                    .iter()
                    .filter_map(|t| t.path.parent().map(Path::to_path_buf)),
            )
            .chain(manifest::folders(&args.out))
            .collect(),
    );
    let cache = FitCache::open(&args.out);
    let reports = if kept_warm || tasks.len() == 1 {
        // One file after the other with this compiler, reported as it goes: watch keeps it
        // warm between builds, and one document gains nothing from more threads.
        let mut worker = Worker {
            args,
            date,
            world,
            files: files.clone(),
            cache: &cache,
            standards: &standards,
        };
        tasks
            .into_iter()
            .map(|task| worker.make(task).print())
            .collect()
    } else {
        in_parallel(tasks, world, args, date, &files, &cache, &standards)
    };
    let mut summary = Summary {
        args,
        date,
        files,
        cache,
        written: Vec::new(),
        built: 0,
        failed: Vec::new(),
        partial: application.is_some(),
    };
    let mut kit_plan = None;
    for report in reports {
        if let (Some((name, _)), Some((done, _, plan))) = (&kit_cv, &report.plan)
            && name == done
        {
            kit_plan = Some(*plan);
        }
        if report.entries.is_empty() {
            summary.failed.push(report.path);
        } else {
            summary.written.extend(report.entries);
            summary.built += 1;
        }
        if let Some((name, key, plan)) = report.plan {
            summary.cache.set(name, key, plan);
        }
    }
    if let (Some(app), Some(kit), Some((_, job))) = (&application, kit, &kit_cv) {
        let cv = match job {
            Job::Plain(data) => data.clone(),
            Job::Fit(draft, _) => kit_plan.map_or_else(
                || draft.apply(0, 0),
                |plan| draft.apply(plan.drop, plan.tighten),
            ),
            // The kit's CV is a CV, never a handout.
            Job::Handout(handout, _) => handout.data.clone(),
        };
        super::apply::write_report(args, app, kit, &content, &loaded.dir, &cv).map_err(|diag| {
            summary.files.emit(&[diag]);
            Reported
        })?;
    }
    summary.finish(started)
}

/// The templates the documents of a run compile (a kit's: the CV and the letter), to be
/// parsed ahead while the content loads. (The CV's template imports the sidebar's.)
fn templates_of(document: Option<Document>, kit: bool) -> Vec<&'static str> {
    let documents = match document {
        _ if kit => vec![Document::Cv, Document::Letter],
        Some(document) => vec![document],
        None => Document::ALL.to_vec(),
    };
    let mut names = vec!["lib.typ"];
    names.extend(documents.iter().map(|d| d.template()));
    if documents.contains(&Document::Cv) {
        names.push("sidebar.typ");
    }
    names
}

/// Makes the files on every core, each worker with its own compiler over the shared
/// fonts, and prints what each did in the order of `tasks`, so logs read the same every
/// time.
fn in_parallel(
    tasks: Vec<Task>,
    base: &render::ResumeWorld,
    args: &BuildArgs,
    date: Date,
    files: &SourceFiles,
    cache: &FitCache,
    standards: &typst_pdf::PdfStandards,
) -> Vec<Report> {
    let count = tasks.len();
    let queue = Mutex::new(
        tasks
            .into_iter()
            .enumerate()
            .collect::<std::collections::VecDeque<_>>(),
    );
    let done: Mutex<Vec<Option<Report>>> = Mutex::new((0..count).map(|_| None).collect());
    // Portfolios take the most memory: while one is being made, the other workers take
    // anything else first (two at once made the example's peak a tenth higher).
    let portfolios = std::sync::atomic::AtomicUsize::new(0);
    let next = || {
        let mut queue = queue.lock().unwrap_or_else(|e| e.into_inner());
        let busy = portfolios.load(std::sync::atomic::Ordering::SeqCst) > 0;
        let at = queue
            .iter()
            .position(|(_, t)| !busy || t.document != Document::Portfolio)
            .unwrap_or(0);
        let task = queue.remove(at)?;
        if task.1.document == Document::Portfolio {
            portfolios.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        Some(task)
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(count)
        .max(1);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut world = base.fork();
                let mut worker = Worker {
                    args,
                    date,
                    world: &mut world,
                    files: files.clone(),
                    cache,
                    standards,
                };
                while let Some((index, task)) = next() {
                    let portfolio = task.document == Document::Portfolio;
                    let report = worker.make(task);
                    if portfolio {
                        portfolios.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    }
                    done.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(report);
                    // Typst's memo cache keeps every layout of every document unless told:
                    // 500 profiles took 15 GB. What the document just made used (the
                    // library, fonts, templates) stays warm for the next: keeping it for
                    // eight documents cost the example's `--all` a fifth more memory and
                    // saved no time.
                    typst::comemo::evict(EVICT_AFTER);
                }
            });
        }
    });
    done.into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .map(Report::print)
        .collect()
}

/// How many documents a memoised result outlives its last use by.
const EVICT_AFTER: usize = 1;

/// One file to write.
struct Task {
    path: PathBuf,
    job: Job,
    document: Document,
    profile: String,
    /// The document's name in the fitting cache: `backend/cv`, `applications/acme/cv`.
    cache_name: String,
    /// A handout's project or case study id.
    handout: Option<String>,
    /// Why the document cannot be made as asked (found before rendering).
    problems: Vec<Diag>,
    /// What the selection gives the document, for a warning when it fills little of
    /// its page: `1 role, 0 projects and 2 skill groups`.
    holds: String,
}

/// What making one file came to: what to print, and what to record.
struct Report {
    path: PathBuf,
    stdout: String,
    stderr: String,
    /// The files written; none when the document could not be made (its errors are in
    /// `stderr`).
    entries: Vec<manifest::Entry>,
    /// How a CV was fitted, for the cache: (document, key, plan).
    plan: Option<(String, String, fit::Plan)>,
}

impl Report {
    fn print(self) -> Report {
        crate::out::write_err(&self.stderr);
        crate::say_raw!("{}", self.stdout);
        self
    }
}

/// Makes files with one compiler.
struct Worker<'a> {
    args: &'a BuildArgs,
    date: Date,
    world: &'a mut render::ResumeWorld,
    files: SourceFiles,
    cache: &'a FitCache,
    standards: &'a typst_pdf::PdfStandards,
}

impl Worker<'_> {
    fn make(&mut self, task: Task) -> Report {
        let Task {
            path,
            job,
            document,
            profile,
            problems,
            holds,
            cache_name,
            handout: _,
        } = task;
        let t = Instant::now();
        let mut report = Report {
            path,
            stdout: String::new(),
            stderr: String::new(),
            entries: Vec::new(),
            plan: None,
        };
        let mut warnings = Vec::new();
        let rendered = if problems.is_empty() {
            self.render(
                job,
                document,
                &profile,
                &cache_name,
                &mut report,
                &mut warnings,
            )
        } else {
            Err(problems)
        };
        let (mut rendered, passes) = match rendered {
            Ok(done) => done,
            Err(diags) => {
                let failed = Diag::error(format!(
                    "`{}` of profile `{profile}` could not be built; it was not written",
                    report.path.display()
                ));
                report.stderr = self.files.text(&[warnings, diags, vec![failed]].concat());
                return report;
            }
        };
        warnings.extend(rendered.warnings.iter().cloned());
        // A character no font has would print as an empty box: the document is not
        // written, and each such character is named where the content has it.
        if !rendered.missing.is_empty() {
            let mut diags = missing_glyphs(&rendered.missing, &report.path, &self.files);
            diags.push(Diag::error(format!(
                "`{}` of profile `{profile}` could not be built; it was not written",
                report.path.display()
            )));
            report.stderr = self.files.text(&[warnings, diags].concat());
            return report;
        }
        if document == Document::CaseStudy && rendered.pages > 2 {
            warnings.push(
                Diag::warning(format!("`{}` runs to {} pages; a handout reads best on one or two", report.path.display(), rendered.pages))
                    .hint("shorten the project's write-up, or give it `new_page` breaks in the portfolio instead"),
            );
        }
        if document == Document::Cv && rendered.pages == 1 {
            let fill = render::frames::page_fill(&rendered.document)
                .first()
                .map_or(1.0, |p| p.fill);
            if fill < 0.5 {
                warnings.push(
                    Diag::warning(format!(
                        "`{}` fills {:.0}% of its page: profile `{profile}` gives it {holds}",
                        report.path.display(),
                        fill * 100.0
                    ))
                    .hint(format!("`resume list --profile {profile}` shows what it selects and leaves out; add roles, projects or skills to the content, or select more")),
                );
            }
        }
        let names = match self.write_outputs(&mut rendered, &profile, document, &mut report) {
            Ok(names) => names,
            Err(diag) => {
                warnings.push(diag);
                report.stderr = self.files.text(&warnings);
                report.plan = None;
                report.entries.clear();
                return report;
            }
        };
        report.stderr = self.files.text(&warnings);
        let s = if rendered.pages == 1 { "" } else { "s" };
        let layout = if passes == 1 {
            String::new()
        } else {
            format!(", {passes} layout passes")
        };
        let fill = if self.args.verbose {
            fill_report(&render::frames::page_fill(&rendered.document))
        } else {
            String::new()
        };
        report.stdout = format!(
            "wrote {} ({} page{s}{layout}{fill}, {} ms)\n",
            names.join(", "),
            rendered.pages,
            t.elapsed().as_millis()
        );
        report
    }

    /// Makes the files `--format` asks for, writes each atomically and records it in
    /// `report.entries`; returns the names to print (the first in full, the rest by file
    /// name). An error leaves the files written before it in place, as a failed build of
    /// one document leaves the others.
    fn write_outputs(
        &self,
        rendered: &mut render::Rendered,
        profile: &str,
        document: Document,
        report: &mut Report,
    ) -> Result<Vec<String>, Diag> {
        let outputs = outputs::make(
            &report.path,
            rendered,
            &self.args.output.formats,
            self.args.output.ppi,
        )?;
        let mut names = Vec::new();
        for output in &outputs {
            write_atomically(&output.path, &output.bytes)?;
            names.push(if names.is_empty() {
                output.path.display().to_string()
            } else {
                output
                    .path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            });
            report.entries.push(manifest::Entry::new(
                &self.args.out,
                &output.path,
                profile,
                document.name(),
                output.pages,
                &output.bytes,
            ));
        }
        Ok(names)
    }

    /// Lays out and exports one document; a CV with a page budget is fitted to it.
    fn render(
        &mut self,
        job: Job,
        document: Document,
        profile: &str,
        cache_name: &str,
        report: &mut Report,
        warnings: &mut Vec<Diag>,
    ) -> Result<(render::Rendered, usize), Vec<Diag>> {
        // Each kind of job is laid out its own way; all are exported alike.
        let (compiled, passes) = match job {
            Job::Plain(json) => {
                let (compiled, passes) =
                    fit::settle(self.world, document.template(), &json, &mut self.files)?;
                warnings.extend(overflow_warnings(&compiled.document, &report.path, || {
                    json.clone()
                }));
                (compiled, passes)
            }
            Job::Handout(handout, budget) => {
                let template = document.template();
                let (compiled, passes, data) = match fit::search(
                    self.world,
                    template,
                    &handout,
                    budget,
                    None,
                    &mut self.files,
                )? {
                    fit::Search::Fits(fitted) => {
                        let plan = fitted.plan;
                        for line in handout.describe(plan.drop, plan.tighten, budget) {
                            warnings.push(Diag::warning(format!(
                                "the handout `{}` of profile `{profile}`: {line}",
                                handout.id
                            )));
                        }
                        let data = handout.apply(plan.drop, plan.tighten);
                        if plan
                            == (fit::Plan {
                                drop: 0,
                                tighten: 0,
                            })
                        {
                            // As written: a nearly empty last page is refitted, as the
                            // portfolio's is.
                            let (compiled, more) = fit::settle_from(
                                self.world,
                                template,
                                &data,
                                fitted.compiled,
                                &mut self.files,
                            )?;
                            (compiled, fitted.passes + more - 1, data)
                        } else {
                            (fitted.compiled, fitted.passes, data)
                        }
                    }
                    // Even its minimum overflows: printed whole (the page count is
                    // warned of below), nothing dropped for nothing.
                    fit::Search::Overflows { passes, .. } => {
                        let data = handout.apply(0, 0);
                        let (compiled, more) =
                            fit::settle(self.world, template, &data, &mut self.files)?;
                        (compiled, passes + more, data)
                    }
                };
                warnings.extend(overflow_warnings(&compiled.document, &report.path, || {
                    data.clone()
                }));
                (compiled, passes)
            }
            Job::Fit(draft, budget) => {
                let key = fit_key(self.world, &draft, budget, self.args.system_fonts);
                let known = self.cache.get(cache_name, &key);
                let fitted = fit::fit(
                    self.world,
                    document.template(),
                    &draft,
                    budget,
                    known,
                    &mut self.files,
                )
                .map_err(|diags| {
                    if document == Document::Letter {
                        diags
                            .into_iter()
                            .map(super::apply::letter_overflow)
                            .collect()
                    } else {
                        diags
                    }
                })?;
                for line in fit::describe(&draft.removals, fitted.plan, budget) {
                    warnings.push(Diag::warning(format!(
                        "the {} of profile `{profile}`: {line}",
                        document.name()
                    )));
                }
                let plan = fitted.plan;
                warnings.extend(overflow_warnings(
                    &fitted.compiled.document,
                    &report.path,
                    || draft.apply(plan.drop, plan.tighten),
                ));
                report.plan = Some((cache_name.to_owned(), key, fitted.plan));
                (fitted.compiled, fitted.passes)
            }
        };
        let rendered = render::export(
            compiled,
            self.world,
            self.date,
            self.standards,
            &mut self.files,
        )?;
        Ok((rendered, passes))
    }
}

/// At most this many warnings of text off the page per document; then a count of the rest.
const MAX_OVERFLOW_WARNINGS: usize = 5;

/// A warning for each entry of `document` (made from `data`, asked for only when there is
/// one) whose text leaves the page's text area: a word too long for its line, past the
/// right margin, or what a block that cannot break did not hold, below the bottom one.
fn overflow_warnings(
    document: &typst_layout::PagedDocument,
    path: &Path,
    data: impl FnOnce() -> serde_json::Value,
) -> Vec<Diag> {
    let found = render::frames::overflows(document);
    if found.is_empty() {
        return Vec::new();
    }
    let data = data();
    let mut seen: Vec<(Option<String>, bool)> = Vec::new();
    let mut out = Vec::new();
    for overflow in found {
        let entry = render::frames::entry_of(&data, &overflow.text);
        // One warning per entry and way it overflows; text of no entry, once a page.
        let key = (
            entry
                .clone()
                .or_else(|| Some(format!("page {}", overflow.page))),
            overflow.below,
        );
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let trimmed = overflow.text.trim();
        let short: String = trimmed.chars().take(40).collect();
        let more = if short.len() < trimmed.len() {
            "..."
        } else {
            ""
        };
        let of = entry.map_or_else(String::new, |e| format!(" of {e}"));
        let (place, hint) = if overflow.below {
            (
                "below the bottom margin",
                "it is set in a block that cannot break across pages: shorten it (in a template of your own, let the block break)",
            )
        } else {
            (
                "past the right margin",
                "a word too long for its line cannot wrap: add spaces to it, or shorten it",
            )
        };
        out.push(
            Diag::warning(format!(
                "`{}`: text{of} runs {place} on page {}: `{short}{more}`",
                path.display(),
                overflow.page
            ))
            .hint(hint),
        );
    }
    if out.len() > MAX_OVERFLOW_WARNINGS {
        let rest = out.len() - MAX_OVERFLOW_WARNINGS;
        out.truncate(MAX_OVERFLOW_WARNINGS);
        out.push(Diag::warning(format!(
            "`{}`: text of {rest} more place{} leaves the page's text area",
            path.display(),
            if rest == 1 { "" } else { "s" }
        )));
    }
    out
}

/// `, filled 92% 41%+ 88%`: each page's fill (`+`: the next page was asked for), then
/// `, page 2 ends with the heading "Design"` for each page that does.
fn fill_report(pages: &[render::frames::PageFill]) -> String {
    let fills: Vec<String> = pages
        .iter()
        .map(|p| {
            let percent = (p.fill * 100.0).round();
            format!("{percent}%{}", if p.break_after { "+" } else { "" })
        })
        .collect();
    let mut out = format!(", filled {}", fills.join(" "));
    for (n, page) in pages.iter().enumerate() {
        if let Some(heading) = &page.ends_with_heading {
            out.push_str(&format!(
                ", page {} ends with the heading {heading:?}",
                n + 1
            ));
        }
    }
    out
}

/// What a run wrote, for the manifest, the cache and the closing line.
struct Summary<'a> {
    args: &'a BuildArgs,
    date: Date,
    files: SourceFiles,
    cache: FitCache,
    written: Vec<manifest::Entry>,
    /// How many documents were made (each may have written several files).
    built: usize,
    /// The outputs that could not be made (their errors are printed already).
    failed: Vec<PathBuf>,
    /// A build of part of what the content builds, whatever the arguments say (a kit).
    partial: bool,
}

impl Summary<'_> {
    /// Writes the manifest and the fitting cache, reports stale outputs, and sums up.
    fn finish(self, started: Instant) -> Result<(), Reported> {
        // The fitting cache and the manifest are read, changed and written under the
        // lock: builds into one folder at the same time each keep what the others wrote.
        let _lock = manifest::lock(&self.args.out);
        if let Some((path, bytes)) = self.cache.to_write()
            && let Err(diag) = write_atomically(path, &bytes)
        {
            // Only speed is lost: the next build searches again.
            self.files.emit(&[Diag {
                severity: codespan_reporting::diagnostic::Severity::Warning,
                ..diag
            }]);
        }
        let everything = !self.partial
            && (self.args.all
                || (self.args.profile.is_none()
                    && self.args.document.is_none()
                    && self.args.projects.is_empty()
                    && self.args.selectors.select.is_none()
                    && self.args.selectors.exclude.is_none()));
        let extensions: Vec<&str> = self
            .args
            .output
            .formats
            .iter()
            .map(|f| f.extension())
            .collect();
        let mut update = manifest::update(
            &self.args.out,
            &self.written,
            &self.failed,
            everything,
            &extensions,
        );
        let out = &self.args.out;
        for path in &update.repaired {
            self.files.emit(&[Diag::warning(format!(
                "`{}` changed since the manifest recorded it (a build was interrupted?); the manifest now records it as it is",
                out.join(path).display()
            ))]);
        }
        // A partial build keeps what it knows to be stale, but names and removes nothing.
        if everything && self.args.clean {
            // Only what the manifest says `resume` wrote, and the folders that leaves empty.
            update.stale.retain(|entry| {
                let path = out.join(&entry.path);
                match manifest::remove(out, entry) {
                    Ok(()) => {
                        crate::say!("removed {} (no longer built)", path.display());
                        false
                    }
                    Err(manifest::Kept::Changed) => {
                        self.files.emit(&[Diag::warning(format!(
                            "`{}` is no longer built, but it changed since `resume` wrote it; it was left in place",
                            path.display()
                        ))]);
                        false
                    }
                    Err(manifest::Kept::Refused(why)) => {
                        self.files.emit(&[Diag::warning(format!(
                            "cannot remove `{}`: {why}",
                            path.display()
                        ))]);
                        true
                    }
                }
            });
        } else if everything {
            for entry in &update.stale {
                self.files.emit(&[Diag::warning(format!(
                    "`{}` is no longer built by any profile",
                    out.join(&entry.path).display()
                ))
                .hint("`resume build --all --clean` removes what the content no longer builds")]);
            }
        }
        if let Err(diag) = manifest::write(out, self.date, update) {
            self.files.emit(&[diag]);
            return Err(Reported);
        }
        let n = self.built;
        let s = if n == 1 { "" } else { "s" };
        let took = started.elapsed();
        let took = if took.as_secs() == 0 {
            format!("{} ms", took.as_millis())
        } else {
            format!("{:.2} s", took.as_secs_f64())
        };
        crate::say!("built {n} document{s} in {took}");
        if self.failed.is_empty() {
            return Ok(());
        }
        let names: Vec<String> = self
            .failed
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let total = n + self.failed.len();
        Err(fail(Diag::error(format!(
            "{} of {total} documents failed: {}",
            self.failed.len(),
            crate::suggest::quoted(&names.iter().map(String::as_str).collect::<Vec<_>>())
        ))))
    }
}

/// The files a document writes: one, or one per handout.
fn jobs(
    args: &BuildArgs,
    document: Document,
    selection: &select::Selection,
    content: &crate::model::Content,
    info: &data::BuildInfo,
) -> Vec<(PathBuf, Option<String>, Job)> {
    let name = selection.rules.name.as_str();
    let doc_rules = selection.rules.documents.get(document.name());
    let pattern = file_pattern(args, selection, content);
    let path = |handout: Option<(&str, &str)>| {
        let parts = names::Parts {
            person: &content.person.name,
            document,
            profile: name,
            handout,
            date: info.date.to_string(),
        };
        args.out
            .join(name)
            .join(format!("{}.pdf", names::stem(&pattern, &parts)))
    };
    match document {
        Document::CaseStudy => data::handouts(selection, content, info, &args.projects)
            .into_iter()
            .map(|h| {
                let title = handout_title(content, &h.id);
                let path = path(Some((&h.id, title)));
                let id = Some(h.id.clone());
                match doc_rules {
                    Some(d) if !d.fit => (path, id, Job::Plain(h.data)),
                    _ => (path, id, Job::Handout(h, doc_rules.map_or(2, |d| d.pages))),
                }
            })
            .collect(),
        Document::Cv if doc_rules.is_none_or(|d| d.fit) => {
            let budget = doc_rules.map_or(1, |d| d.pages);
            vec![(
                path(None),
                None,
                Job::Fit(data::cv_draft(selection, content, info), budget),
            )]
        }
        _ => vec![(
            path(None),
            None,
            Job::Plain(shared::document_data(document, selection, content, info)),
        )],
    }
}

/// Two documents that would be written to one file (two handouts whose titles make the
/// same name, or a pattern without what tells them apart) are an error before anything
/// is built. Names that differ only in case count as the same: they are one file on
/// macOS and Windows, and in most release and mail attachments.
fn same_names(tasks: &[Task]) -> Result<(), Diag> {
    let mut seen: std::collections::BTreeMap<String, &Task> = std::collections::BTreeMap::new();
    for task in tasks {
        let key = task.path.to_string_lossy().to_lowercase();
        if let Some(first) = seen.insert(key, task) {
            let what = |t: &Task| match &t.handout {
                Some(id) => format!("the handout of `{id}`"),
                None => format!("the {}", t.document.name()),
            };
            return Err(Diag::error(format!(
                "{} and {} of profile `{}` would both be written to `{}`",
                what(first),
                what(task),
                task.profile,
                task.path.display()
            ))
            .hint("give one of them another title, or put `{id}` or `{document}` in `design.file_names` (or `--name`)"));
        }
    }
    Ok(())
}

/// The file name pattern: `--name`, else the profile's or the content's
/// `design.file_names`, else the default.
fn file_pattern(
    args: &BuildArgs,
    selection: &select::Selection,
    content: &crate::model::Content,
) -> String {
    args.name.clone().unwrap_or_else(|| {
        selection
            .rules
            .design
            .over(&content.design)
            .file_names
            .map_or_else(|| names::DEFAULT.to_owned(), |p| p.value)
    })
}

/// A handout's project or case study title, by its id.
pub(super) fn handout_title<'a>(content: &'a crate::model::Content, id: &'a str) -> &'a str {
    content
        .projects
        .iter()
        .find(|p| p.id.value == id)
        .map(|p| p.title.as_str())
        .or_else(|| {
            content
                .case_studies
                .iter()
                .find(|c| c.id.value == id)
                .map(|c| c.title.as_str())
        })
        .unwrap_or(id)
}

/// What one output file is made from.
#[derive(Clone)]
pub(super) enum Job {
    Plain(serde_json::Value),
    /// A CV to fit into a page budget.
    Fit(data::CvDraft, usize),
    /// A handout to fit into a page budget, the least important parts of its write-up
    /// going first; one that does not fit even so prints whole.
    Handout(data::Handout, usize),
}

/// Everything that decides how a CV fits: its data, the templates, the budget, the fonts
/// and this tool's version.
fn fit_key(
    world: &render::ResumeWorld,
    draft: &data::CvDraft,
    budget: usize,
    system_fonts: bool,
) -> String {
    let data = serde_json::to_vec(&draft.data).unwrap_or_default();
    let removals = format!("{:?}", draft.removals);
    let cv = world.template_bytes("cv.typ");
    let lib = world.template_bytes("lib.typ");
    let sidebar = world.template_bytes("sidebar.typ");
    let letter = world.template_bytes("letter.typ");
    let budget = budget.to_le_bytes();
    fit_cache::key(&[
        env!("CARGO_PKG_VERSION").as_bytes(),
        &data,
        removals.as_bytes(),
        &cv,
        &lib,
        &sidebar,
        &letter,
        &budget,
        &[u8::from(system_fonts)],
    ])
}

/// The PDF standards asked for, as Typst's exporter takes them.
fn pdf_standards(list: &[PdfStandard]) -> Result<typst_pdf::PdfStandards, Diag> {
    let list: Vec<typst_pdf::PdfStandard> = list
        .iter()
        .map(|s| match s {
            PdfStandard::A2b => typst_pdf::PdfStandard::A_2b,
            PdfStandard::Ua1 => typst_pdf::PdfStandard::Ua_1,
        })
        .collect();
    render::pdf_standards(&list)
}

/// An accessible PDF (PDF/UA-1) needs alt text on every image: each figure of the
/// document's data that has none is an error at its place in the content, found before
/// anything is laid out.
/// The errors for characters no font of the build has: one for each content value that
/// holds some (the first that does; a character in no value comes from a template or a
/// label), naming them in the order written, with fonts that have them.
fn missing_glyphs(
    missing: &std::collections::BTreeSet<char>,
    path: &Path,
    files: &SourceFiles,
) -> Vec<Diag> {
    let roots: Vec<_> = files
        .iter()
        .filter(|(_, f)| f.name.ends_with(".yaml") || f.name.ends_with(".yml"))
        .filter_map(|(id, f)| crate::load::yaml::parse_content(&f.text, id).ok().flatten())
        .collect();
    let mut groups: Vec<(Option<crate::model::Span>, Vec<char>)> = Vec::new();
    for &c in missing {
        let place = roots.iter().find_map(|root| root.find_char(c));
        match groups.iter_mut().find(|(p, _)| *p == place) {
            Some((_, chars)) => chars.push(c),
            None => groups.push((place, vec![c])),
        }
    }
    groups
        .into_iter()
        .map(|(place, mut chars)| {
            if let Some(span) = place
                && let Some(file) = files.get(span.file)
            {
                let written = &file.text[file.byte_range(span)];
                chars.sort_by_key(|c| written.find(*c));
            }
            let named: Vec<String> = chars
                .iter()
                .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
                .collect();
            let mut suggested: Vec<(Option<&str>, &str)> = Vec::new();
            for &c in &chars {
                let s = render::fonts::suggest(c);
                if !suggested.contains(&s) {
                    suggested.push(s);
                }
            }
            let fonts: Vec<String> = suggested
                .iter()
                .map(|(script, fonts)| match script {
                    Some(script) => format!("for {script}: {fonts}"),
                    None => fonts.to_string(),
                })
                .collect();
            let (it, boxes) = if chars.len() == 1 {
                ("it", "it would print as an empty box")
            } else {
                ("them", "they would print as empty boxes")
            };
            let diag = Diag::error(format!(
                "no font has {}, which `{}` prints; {boxes}",
                named.join(", "),
                path.display()
            ))
            .hint(format!(
                "fonts that have {it}, {}; put one in a `fonts/` folder beside `content/`, or use the fonts installed on this machine with `--system-fonts`",
                fonts.join("; ")
            ));
            match place {
                Some(span) => diag.at(span),
                None => diag,
            }
        })
        .collect()
}

fn missing_alt(job: &Job, content: &crate::model::Content, info: &data::BuildInfo) -> Vec<Diag> {
    let data = match job {
        Job::Plain(data) => data,
        Job::Fit(draft, _) => &draft.data,
        Job::Handout(handout, _) => &handout.data,
    };
    data::figures_without_alt(data, content, info)
        .into_iter()
        .map(|f| {
            Diag::error(format!(
                "the image `{}` has no alt text, which an accessible PDF (PDF/UA-1) needs",
                f.path.value
            ))
            .at(f.path.span)
            .hint("add `alt:` to the figure: a sentence saying what the image shows")
        })
        .collect()
}

/// Warns about sections a document lists that the selection empties: those the profile
/// listed itself, and experience and projects, without which a document is hollow. Other
/// sections a document shows by default are not warned about: a profile that selects by
/// tags leaves out whole sections on purpose (the example's `backend` has no volunteer
/// work).
fn warn_emptied(
    selection: &select::Selection,
    document: Document,
    name: &str,
    files: &crate::diagnostic::SourceFiles,
) {
    let Some(rules) = selection.rules.documents.get(document.name()) else {
        return;
    };
    let expected = |s: &str| rules.explicit || matches!(s, "experience" | "projects");
    for section in selection
        .emptied_sections()
        .into_iter()
        .filter(|s| rules.sections.iter().any(|l| l == s) && expected(s))
    {
        files.emit(&[Diag::warning(format!(
            "the {} of profile `{name}` shows nothing in its `{section}` section",
            document.name()
        ))
        .hint(format!(
            "every entry is left out; `resume list --profile {name}` shows why"
        ))]);
    }
}

/// `1 role, 0 projects and 2 skill groups`: what a CV's main sections hold.
fn holds(selection: &select::Selection) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {} and {}",
        count(selection.experience.shown.len(), "role", "roles"),
        count(selection.projects.shown.len(), "project", "projects"),
        count(selection.skills.shown.len(), "skill group", "skill groups"),
    )
}

/// Warns, once per section, about selected entries that neither the CV nor the
/// portfolio of the profile prints (a section neither lists, a list cut by `max`).
fn warn_unprinted(selection: &select::Selection, files: &crate::diagnostic::SourceFiles) {
    let name = &selection.rules.name;
    for u in data::unprinted(selection) {
        let hint = if u.limits.is_empty() {
            format!(
                "add `{}` to the `sections:` of a document in profile `{name}`, or leave its entries out with `exclude:`",
                u.section
            )
        } else {
            format!(
                "raise the limit, or leave the entries out with `exclude:` so the choice is yours; `resume list --profile {name}` shows which"
            )
        };
        files.emit(&[Diag::warning(format!(
            "profile `{name}`, section `{}`: {}",
            u.section,
            super::list::unprinted_text(&u)
        ))
        .hint(hint)]);
    }
}

/// `--project` must name projects or case studies that exist.
fn check_projects(ids: &[String], content: &crate::model::Content) -> Result<(), Diag> {
    let known: Vec<&str> = content
        .projects
        .iter()
        .map(|p| p.id.as_str())
        .chain(content.case_studies.iter().map(|c| c.id.as_str()))
        .collect();
    for id in ids {
        if !known.contains(&id.as_str()) {
            let diag = Diag::error(format!("there is no project or case study `{id}`"));
            return Err(match crate::suggest::did_you_mean(id, &known) {
                Some(s) => diag.hint(format!("did you mean `{s}`?")),
                None => diag.hint(format!("known: {}", crate::suggest::quoted(&known))),
            });
        }
    }
    Ok(())
}

/// Refuses an output folder inside the content folder: a build never writes over content.
fn check_out_dir(out: &Path, content: &Path) -> Result<(), Diag> {
    let absolute = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    // The out folder may not exist yet: compare the nearest existing ancestor.
    let existing = absolute.ancestors().find_map(|a| a.canonicalize().ok());
    if existing.is_some_and(|e| e.starts_with(content)) {
        return Err(Diag::error(format!(
            "the output folder `{}` is inside the content folder",
            out.display()
        ))
        .hint("write the PDFs elsewhere, for example `--out dist`"));
    }
    Ok(())
}

/// The temporary files `write_atomically` makes are named `.resume-XXXXXX.tmp`, with
/// six random letters and digits; nothing else is named so.
const TEMP_PREFIX: &str = ".resume-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 6;

/// A temporary file older than this was left by an interrupted write: one in progress
/// (another build into the same folder) is written and renamed within moments.
const TEMP_LEFT_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes the temporary files an interrupted write (a `kill -9`, a power cut) left in
/// `folders`: regular files named as `write_atomically` names them, last written more
/// than a minute ago. Links, folders and any other file are left alone, and no folder
/// is searched but those given that lie inside `out` through real folders (none reached
/// through a symbolic link).
fn remove_leftovers(out: &Path, mut folders: Vec<PathBuf>) {
    folders.sort();
    folders.dedup();
    let now = std::time::SystemTime::now();
    let real = |dir: &Path| {
        dir.strip_prefix(out).is_ok_and(|rel| {
            let mut at = out.to_path_buf();
            rel.components().all(|c| {
                at.push(c);
                matches!(c, std::path::Component::Normal(_))
                    && at.symlink_metadata().is_ok_and(|m| m.is_dir())
            })
        })
    };
    for dir in folders.into_iter().filter(|d| real(d)) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if !entry.file_name().to_str().is_some_and(is_temp_name) {
                continue;
            }
            // A directory entry's metadata does not follow a symbolic link.
            let left = entry.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .ok()
                        .and_then(|t| now.duration_since(t).ok())
                        .is_some_and(|age| age >= TEMP_LEFT_AFTER)
            });
            if left && std::fs::remove_file(entry.path()).is_ok() {
                crate::say!(
                    "removed {} (left by an interrupted write)",
                    entry.path().display()
                );
            }
        }
    }
}

/// Writes to a temporary file beside `path`, then renames it into place, so that a
/// reader never sees a half-written PDF and a failure leaves the old file as it was.
/// (No fsync: like `typst compile` and cargo, we guard against a failed process, not a
/// power cut; the fsync cost more than the rest of writing a CV.)
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Diag> {
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let cannot = |e: std::io::Error| {
        Diag::error(format!(
            "cannot write `{}`: {}",
            path.display(),
            io_reason(&e)
        ))
    };
    std::fs::create_dir_all(&dir).map_err(cannot)?;
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM);
    // A temporary file is private (0600) by default; what we write is an ordinary file,
    // so it gets the mode any new file gets (0666 less the umask: 0644 as a rule).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(&dir).map_err(cannot)?;
    tmp.write_all(bytes).map_err(cannot)?;
    tmp.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}
