//! Every command-line type, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::Theme;

#[derive(Debug, Parser)]
#[command(
    name = "resume",
    version,
    about = "Typeset an engineer's career from YAML into PDFs, per audience",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Shown under `resume --help`.
const EXAMPLES: &str = "\
Examples:
  resume new my-resume && cd my-resume && resume build   start a project, build everything
  resume build cv --profile backend                      one profile's one-page CV
  resume build --content my-cv.yaml --date 2026-11-01    from one content file, dated
  resume list --profile backend --bullets                what a profile shows and leaves out
  resume check                                           validate the content

Exit status: 0 success, 1 any error (content, usage, output), 2 an internal error.
Environment: RESUME_CONTENT, RESUME_OUT, SOURCE_DATE_EPOCH, NO_COLOR. `resume man` has more.";

/// Shown under `resume build --help`.
const BUILD_EXAMPLES: &str = "\
Examples:
  resume build                                      every profile times every document
  resume build cv --profile backend                 one CV
  resume build case-study --project ledger          one project's handouts, every profile
  resume build --select 'tag:rust and since:2020'   narrower than the profiles
  resume build --all --clean --date 2026-11-01      what a release runs";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build documents into PDFs: `<out>/<profile>/<Name>-CV.pdf`.
    #[command(after_help = BUILD_EXAMPLES)]
    Build(BuildArgs),
    /// Build the kit for one job application: its CV, its cover letter and a report of
    /// what the posting asks for, into `<out>/applications/<id>/`.
    Apply(ApplyArgs),
    /// Check the content without rendering, and summarise it.
    Check(CheckArgs),
    /// Print the JSON Schema of content files (for editor completion and checks).
    Schema,
    /// Print the JSON data a document's template receives (the template contract).
    Data(DataArgs),
    /// Show what a profile selects and leaves out, section by section, and why.
    List(ListArgs),
    /// Build, then rebuild on every change to the content, the templates or the fonts.
    Watch(WatchArgs),
    /// Work with the built-in templates.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Convert a JSON Resume or RenderCV file into content files.
    Import(ImportArgs),
    /// Print the selected content in another format (JSON Resume).
    Export(ExportArgs),
    /// Start a new project in DIR: content that builds at once.
    New {
        /// The folder to create or fill; it must be empty. With `--single`, a FILE ending
        /// in `.yaml` may be named instead (its folder may hold other files).
        #[arg(default_value = ".", value_name = "DIR")]
        dir: PathBuf,
        /// Write the content as one YAML file holding every section (`DIR/resume.yaml`,
        /// or the FILE named), to build with `--content FILE`.
        #[arg(long)]
        single: bool,
    },
    /// Print a completion script for a shell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
    /// Print the content's profile names or project ids, one a line, for the completion
    /// scripts; prints nothing when the content cannot be read.
    #[command(name = "__complete", hide = true)]
    Complete {
        #[arg(value_enum)]
        what: CompleteWhat,
        #[command(flatten)]
        content: ContentArgs,
    },
}

/// What `resume __complete` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompleteWhat {
    /// Profile names, for `--profile`.
    Profiles,
    /// Project and case study ids, for `--project`.
    Projects,
}

/// The formats `resume import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// JSON Resume (https://jsonresume.org/schema), a `.json` file.
    Jsonresume,
    /// RenderCV (https://rendercv.com), a `.yaml` file.
    Rendercv,
}

/// The formats `resume export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON Resume (https://jsonresume.org/schema).
    Jsonresume,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The format of FILE.
    #[arg(value_enum)]
    pub format: ImportFormat,

    /// The file to convert.
    pub file: PathBuf,

    /// The content folder to write into.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub into: PathBuf,

    /// Overwrite content files that are already there.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(value_enum)]
    pub format: ExportFormat,

    /// The profile whose selection to export; may be left out when the content defines
    /// at most one.
    #[arg(long, short, value_name = "NAME")]
    pub profile: Option<String>,

    #[command(flatten)]
    pub content: ContentArgs,

    #[command(flatten)]
    pub selectors: Selectors,

    /// Show confidential organisations by name instead of their public description.
    #[arg(long)]
    pub private: bool,

    /// Write to this file (replacing it) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Copy the built-in templates (and their sample data) into a folder to edit them.
    Eject {
        /// Where to put them; a `templates/` folder beside `content/` replaces the built-ins.
        #[arg(default_value = "templates")]
        dir: PathBuf,
        /// Overwrite files that are already there.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The profile to explain; every profile when left out.
    #[arg(long, short, value_name = "NAME")]
    pub profile: Option<String>,

    #[command(flatten)]
    pub content: ContentArgs,

    #[command(flatten)]
    pub selectors: Selectors,

    /// Also show every bullet kept or dropped.
    #[arg(long)]
    pub bullets: bool,

    /// Also lay out each CV and show what fitting it to its pages drops.
    #[arg(long)]
    pub fit: bool,

    /// Explain an application's CV instead: its profile with its selectors, the bullets
    /// re-ranked by its posting (as `apply --tailor` builds it), each bullet with the
    /// posting's terms it names.
    #[arg(long, value_name = "ID", conflicts_with = "profile")]
    pub application: Option<String>,
}

/// Ad hoc selection on top of a profile (entries only; bullets follow the profile).
#[derive(Debug, Args)]
pub struct Selectors {
    /// Show only entries that also match this selector, e.g. `tag:realtime and since:2020`.
    #[arg(long, value_name = "EXPR")]
    pub select: Option<String>,

    /// Leave out entries that match this selector, e.g. `kind:prototype`.
    #[arg(long, value_name = "EXPR")]
    pub exclude: Option<String>,
}

#[derive(Debug, Args)]
pub struct DataArgs {
    /// The document whose data to print.
    #[arg(value_enum)]
    pub document: Document,

    /// The profile; may be left out when the content defines at most one.
    #[arg(long, short, value_name = "NAME")]
    pub profile: Option<String>,

    /// For `case-study`: the project or case study whose handout data to print (default:
    /// the first).
    #[arg(long, value_name = "ID")]
    pub project: Option<String>,

    /// Instead of printing the data, write the document's exact Typst input (templates,
    /// data as the template's sample, figures, our fonts) to this folder, for the official
    /// `typst` CLI. A CV is written as fitted to its page budget.
    #[arg(long, value_name = "DIR")]
    pub typst: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub content: ContentArgs,

    #[command(flatten)]
    pub selectors: Selectors,

    #[command(flatten)]
    pub options: RenderOptions,
}

/// What shapes a document besides the content, shared by `build` and `data`.
#[derive(Debug, Args)]
pub struct RenderOptions {
    /// Show confidential organisations by name instead of their public description.
    #[arg(long)]
    pub private: bool,

    /// The document date (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH if set, else the
    /// content's `updated:` date, else today (UTC).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// The theme, over the content's and the profile's `design`.
    #[arg(long, value_enum)]
    pub theme: Option<Theme>,
}

/// Where the content is.
#[derive(Debug, Args)]
pub struct ContentArgs {
    /// The folder of YAML content files, or one YAML file that holds every section.
    #[arg(
        long,
        value_name = "DIR|FILE",
        default_value = "content",
        env = "RESUME_CONTENT"
    )]
    pub content: PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// Fail when a text lacks the language of a profile that prints it (text by
    /// language: `summary: {en: ..., de: ...}`), instead of warning.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The application's id (its key under `applications:`).
    pub id: String,

    #[command(flatten)]
    pub content: ContentArgs,

    /// Where to write: the kit goes into `<out>/applications/<id>/`.
    #[arg(long, value_name = "DIR", default_value = "dist", env = "RESUME_OUT")]
    pub out: PathBuf,

    /// Also print the posting coverage report (the kit's `report.md`).
    #[arg(long)]
    pub report: bool,

    /// Print the JSON the cover letter's template receives, and build nothing.
    #[arg(long, conflicts_with = "report")]
    pub data: bool,

    /// Re-rank the CV's bullets by the posting: those that name more of what it asks for
    /// are kept first (`resume list --application ID` shows how).
    #[arg(long)]
    pub tailor: bool,

    #[command(flatten)]
    pub options: RenderOptions,

    /// Use the fonts installed on this machine too.
    #[arg(long)]
    pub system_fonts: bool,

    /// Say how full each page is.
    #[arg(long, short)]
    pub verbose: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The document to build; all documents when left out.
    #[arg(value_enum)]
    pub document: Option<Document>,

    /// Every profile times every document and handout (what CI runs); the default when
    /// nothing narrower is asked for. Reports PDFs no longer built.
    #[arg(long, conflicts_with_all = ["document", "profile", "projects", "select", "exclude"])]
    pub all: bool,

    /// With a full build, remove the files an earlier build wrote (as its manifest
    /// records) that are no longer built; nothing else.
    #[arg(long)]
    pub clean: bool,

    /// The profile (audience) to build for; every profile when left out.
    #[arg(long, short, value_name = "NAME")]
    pub profile: Option<String>,

    #[command(flatten)]
    pub content: ContentArgs,

    /// Where the PDFs go.
    #[arg(long, value_name = "DIR", default_value = "dist", env = "RESUME_OUT")]
    pub out: PathBuf,

    /// How the files are named, over `design.file_names`: a pattern with `{name}`,
    /// `{document}`, `{profile}`, `{project}`, `{id}` and `{date}`. Default
    /// `{name}-{document}` (`Ada-Example-CV.pdf`).
    #[arg(long, value_name = "PATTERN")]
    pub name: Option<String>,

    #[command(flatten)]
    pub selectors: Selectors,

    #[command(flatten)]
    pub options: RenderOptions,

    /// Build the handouts of just these projects or case studies (repeatable).
    #[arg(long = "project", value_name = "ID")]
    pub projects: Vec<String>,

    /// Also use the fonts installed on this machine (output may then differ between machines).
    #[arg(long)]
    pub system_fonts: bool,

    /// Also print how full each page is: the share of its text area that content takes,
    /// `+` after a page whose next page starts where an entry asked for a new page
    /// (`new_page`), and the pages that end with a heading.
    #[arg(long, short)]
    pub verbose: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,

    /// Also show the pages in a browser, refreshed on each rebuild: a preview on
    /// 127.0.0.1 only, at PORT (8000 when left out; 0 picks a free one).
    #[arg(long, value_name = "PORT", num_args = 0..=1, default_missing_value = "8000")]
    pub serve: Option<u16>,

    /// Rebuild the kit of this job application (as `resume apply ID`) instead of the
    /// profiles' documents: its CV, its cover letter and its report.
    #[arg(long, value_name = "ID", conflicts_with_all = ["document", "profile", "all"])]
    pub application: Option<String>,
}

/// What files a build writes for each document, and to which PDF standards.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// The files to write for each document, beside each other: `pdf`, `png` (one per page:
    /// `cv-1.png`, `cv-2.png`...), `txt` (the text in reading order), `md` (Markdown).
    #[arg(
        long = "format",
        value_enum,
        value_delimiter = ',',
        default_value = "pdf",
        value_name = "FORMAT"
    )]
    pub formats: Vec<Format>,

    /// The resolution of PNG pages, in pixels per inch.
    #[arg(long, default_value_t = 144, value_name = "N", value_parser = clap::value_parser!(u32).range(18..=1200))]
    pub ppi: u32,

    /// Make PDFs that conform to a standard: `a-2b` (archival), `ua-1` (accessible); both
    /// may be given (`a-2b,ua-1`).
    #[arg(
        long = "pdf-standard",
        value_enum,
        value_delimiter = ',',
        value_name = "STANDARD"
    )]
    pub pdf_standards: Vec<PdfStandard>,
}

/// A file format `build` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Format {
    /// The typeset document.
    Pdf,
    /// One image per page: `<name>-<page>.png`.
    Png,
    /// Plain text in reading order, for pasting into application forms.
    Txt,
    /// Markdown: headings, list items, bold, italic and links.
    Md,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Txt => "txt",
            Format::Md => "md",
        }
    }
}

/// A PDF standard `build` can conform to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandard {
    /// PDF/A-2b: for archiving (self-contained: every font embedded, metadata as XMP).
    #[value(name = "a-2b")]
    A2b,
    /// PDF/UA-1: accessible (tagged, a title, alt text on every image).
    #[value(name = "ua-1")]
    Ua1,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Document {
    /// The one-page CV.
    Cv,
    /// The portfolio: systems written up in full, experience, principles, case studies.
    Portfolio,
    /// One handout per selected project (and per case study of one).
    CaseStudy,
    /// A cover letter: built only in an application's kit (`resume apply`).
    #[value(skip)]
    Letter,
}

impl Document {
    pub const ALL: &[Document] = &[Document::Cv, Document::Portfolio, Document::CaseStudy];

    pub fn name(self) -> &'static str {
        match self {
            Document::Cv => "cv",
            Document::Portfolio => "portfolio",
            Document::CaseStudy => "case-study",
            Document::Letter => "letter",
        }
    }

    pub fn template(self) -> &'static str {
        match self {
            Document::Cv => "cv.typ",
            Document::Portfolio => "portfolio.typ",
            Document::CaseStudy => "case-study.typ",
            Document::Letter => "letter.typ",
        }
    }
}
