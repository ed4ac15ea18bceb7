//! Every command-line type, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "resume",
    version,
    about = "Typeset an engineer's career from YAML into PDFs, per audience"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build documents into PDFs: `<out>/<profile>/cv.pdf`.
    Build(BuildArgs),
    /// Check the content without rendering, and summarise it.
    Check(ContentArgs),
    /// Print the JSON Schema of content files (for editor completion and checks).
    Schema,
    /// Print the JSON data a document's template receives (the template contract).
    Data(DataArgs),
    /// Show what a profile selects and leaves out, section by section, and why.
    List(ListArgs),
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

    /// The document date (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH if set, else today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// Where the content is.
#[derive(Debug, Args)]
pub struct ContentArgs {
    /// The folder of YAML content files.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "content",
        env = "RESUME_CONTENT"
    )]
    pub content: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The document to build; all documents when left out.
    #[arg(value_enum)]
    pub document: Option<Document>,

    /// The profile (audience) to build for; every profile when left out.
    #[arg(long, short, value_name = "NAME")]
    pub profile: Option<String>,

    #[command(flatten)]
    pub content: ContentArgs,

    /// Where the PDFs go.
    #[arg(long, value_name = "DIR", default_value = "dist", env = "RESUME_OUT")]
    pub out: PathBuf,

    #[command(flatten)]
    pub selectors: Selectors,

    #[command(flatten)]
    pub options: RenderOptions,

    /// Also use the fonts installed on this machine (output may then differ between machines).
    #[arg(long)]
    pub system_fonts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Document {
    /// The one-page CV.
    Cv,
}

impl Document {
    pub const ALL: &[Document] = &[Document::Cv];

    pub fn name(self) -> &'static str {
        match self {
            Document::Cv => "cv",
        }
    }

    pub fn template(self) -> &'static str {
        match self {
            Document::Cv => "cv.typ",
        }
    }
}
