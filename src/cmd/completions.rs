//! `resume completions SHELL` and `resume man`: generated from the clap definitions, so
//! they never drift from the real command line. The bash, zsh and fish scripts complete
//! `--profile` and `--project` with the names in the content: they ask the hidden
//! `resume __complete profiles|projects [--content X]`.

use std::path::Path;

use clap::CommandFactory;

use super::{Reported, fail};
use crate::args::{Cli, CompleteWhat};
use crate::diagnostic::Diag;

/// The command line as the user sees it: without the hidden `__complete`.
fn visible() -> clap::Command {
    let full = Cli::command();
    let mut command = clap::Command::new("resume")
        .version(env!("CARGO_PKG_VERSION"))
        .subcommands(full.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    if let Some(about) = full.get_about() {
        command = command.about(about.clone());
    }
    if let Some(after) = full.get_after_help() {
        command = command.after_help(after.clone());
    }
    command
}

pub fn completions(shell: clap_complete::Shell) -> Result<(), Reported> {
    let mut command = visible();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "resume", &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    let script = match shell {
        clap_complete::Shell::Bash => format!("{script}{BASH_NAMES}"),
        clap_complete::Shell::Fish => fish_names(&script),
        clap_complete::Shell::Zsh => zsh_names(&script),
        _ => script,
    };
    crate::out::write(&script);
    Ok(())
}

/// Bash: a completion function in front of the generated one, which answers for the
/// value of `--profile`/`-p` and `--project` and leaves the rest to it.
const BASH_NAMES: &str = r#"
# Profile names and project ids come from the content: `resume __complete`, with the
# `--content` given on the command line (else $RESUME_CONTENT, else ./content).
_resume_names() {
    local i
    local -a content=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --content) content=(--content "${COMP_WORDS[i+1]}") ;;
            --content=*) content=("${COMP_WORDS[i]}") ;;
        esac
    done
    "${COMP_WORDS[0]}" __complete "$1" "${content[@]}" 2>/dev/null
}

_resume_with_names() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev=""
    ((COMP_CWORD > 0)) && prev="${COMP_WORDS[COMP_CWORD-1]}"
    case "${prev}" in
        --profile|-p)
            COMPREPLY=($(compgen -W "$(_resume_names profiles)" -- "${cur}"))
            return 0
            ;;
        --project)
            COMPREPLY=($(compgen -W "$(_resume_names projects)" -- "${cur}"))
            return 0
            ;;
    esac
    _resume "$@"
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _resume_with_names -o nosort -o bashdefault -o default resume
else
    complete -F _resume_with_names -o bashdefault -o default resume
fi
"#;

const FISH_NAMES: &str = r#"
# Profile names and project ids come from the content: `resume __complete`, with the
# `--content` given on the command line (else $RESUME_CONTENT, else ./content).
function __fish_resume_names
    set -l words (commandline -opc)
    set -l content
    for i in (seq (count $words))
        if test "$words[$i]" = --content; and test $i -lt (count $words)
            set content --content $words[(math $i + 1)]
        else if string match -q -- '--content=*' $words[$i]
            set content $words[$i]
        end
    end
    resume __complete $argv $content 2>/dev/null
end
"#;

/// Fish: the options that take a profile or a project get the names as candidates.
fn fish_names(script: &str) -> String {
    let mut out = String::new();
    for line in script.lines() {
        out.push_str(line);
        if line.starts_with("complete -c resume") && line.ends_with(" -r") {
            if line.contains(" -l profile ") {
                out.push_str(" -f -a '(__fish_resume_names profiles)'");
            } else if line.contains(" -l project ") {
                out.push_str(" -f -a '(__fish_resume_names projects)'");
            }
        }
        out.push('\n');
    }
    out.push_str(FISH_NAMES);
    out
}

const ZSH_NAMES: &str = r#"# Profile names and project ids come from the content: `resume __complete`, with the
# `--content` given on the command line (else $RESUME_CONTENT, else ./content).
_resume_names() {
    local i
    local -a content names
    for (( i = 1; i < CURRENT; i++ )); do
        case ${words[i]} in
            --content) content=(--content ${words[i+1]}) ;;
            --content=*) content=(${words[i]}) ;;
        esac
    done
    names=(${(f)"$(resume __complete $1 $content 2>/dev/null)"})
    compadd -a names
}

"#;

/// Zsh: the value of `--profile`/`-p` and `--project` is completed by `_resume_names`.
fn zsh_names(script: &str) -> String {
    let mut out = String::new();
    for line in script.lines() {
        let profile = line.starts_with("'-p+[") || line.starts_with("'--profile=[");
        let project = line.starts_with("'--project=[") || line.starts_with("'*--project=[");
        if line.starts_with("if [ \"$funcstack[1]\" = \"_resume\" ]") {
            out.push_str(ZSH_NAMES);
        }
        match (profile, project) {
            (true, _) => {
                out.push_str(&line.replace(":NAME:_default'", ":NAME:_resume_names profiles'"))
            }
            (_, true) => {
                out.push_str(&line.replace(":ID:_default'", ":ID:_resume_names projects'"))
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// `resume __complete`: the names, one a line; nothing (and success) when the content
/// cannot be read, as a completion has nowhere to show errors.
pub fn names(what: CompleteWhat, content: &Path) -> Result<(), Reported> {
    let Ok(loaded) = crate::load::load(content) else {
        return Ok(());
    };
    let Some(content) = loaded.content else {
        return Ok(());
    };
    let names: Vec<&str> = match what {
        CompleteWhat::Profiles => content.profiles.keys().map(String::as_str).collect(),
        CompleteWhat::Projects => content
            .projects
            .iter()
            .map(|p| p.id.value.as_str())
            .chain(content.case_studies.iter().map(|c| c.id.value.as_str()))
            .collect(),
    };
    for name in names {
        crate::say!("{name}");
    }
    Ok(())
}
pub fn man() -> Result<(), Reported> {
    let cannot =
        |e: std::io::Error| fail(Diag::error(format!("cannot write the manual page: {e}")));
    let command = visible();
    let mut out = Vec::new();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(&mut out).map_err(cannot)?;
    page.render_name_section(&mut out).map_err(cannot)?;
    page.render_synopsis_section(&mut out).map_err(cannot)?;
    page.render_description_section(&mut out).map_err(cannot)?;
    page.render_options_section(&mut out).map_err(cannot)?;
    // The commands, by their name on this page (there is no page per command).
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in command.get_subcommands() {
        out.extend_from_slice(
            format!(".TP\n\\fBresume {}\\fR\n{}\n", sub.get_name(), about(sub)).as_bytes(),
        );
    }
    out.extend_from_slice(b"Each has a section of its own below.\n");
    // One page says it all: each command's synopsis and options follow as a section of
    // their own (their headings demoted to subsections).
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        let mut part = Vec::new();
        let man = clap_mangen::Man::new(sub.clone().bin_name(format!("resume {name}")));
        man.render_synopsis_section(&mut part).map_err(cannot)?;
        man.render_options_section(&mut part).map_err(cannot)?;
        if sub.has_subcommands() {
            part.extend_from_slice(b".SS COMMANDS\n");
            for inner in sub.get_subcommands() {
                part.extend_from_slice(
                    format!(
                        ".TP\n\\fBresume {name} {}\\fR\n{}\n",
                        inner.get_name(),
                        about(inner)
                    )
                    .as_bytes(),
                );
            }
        }
        let part = String::from_utf8_lossy(&part).replace(".SH ", ".SS ");
        out.extend_from_slice(format!(".SH \"RESUME {}\"\n", name.to_uppercase()).as_bytes());
        if sub.get_about().is_some() {
            out.extend_from_slice(format!("{}\n", about(sub)).as_bytes());
        }
        out.extend_from_slice(part.as_bytes());
    }
    out.extend_from_slice(MAN_SECTIONS.as_bytes());
    page.render_version_section(&mut out).map_err(cannot)?;
    crate::out::write(&String::from_utf8_lossy(&out));
    Ok(())
}

/// A command's one-line description, escaped for roff.
fn about(command: &clap::Command) -> String {
    roff(
        &command
            .get_about()
            .map(ToString::to_string)
            .unwrap_or_default(),
    )
}

/// Text escaped for roff: backslashes doubled, hyphens as `\-`, and a line that would
/// start with a control character protected.
fn roff(text: &str) -> String {
    let text = text.replace('\\', "\\\\").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

/// What `--help` cannot say: the selector language, exit status, environment, files
/// and examples.
const MAN_SECTIONS: &str = r#".SH SELECTORS
Profiles, \fB\-\-select\fR and \fB\-\-exclude\fR choose entries with one small language:
.PP
.nf
.RS
expr  := and ("or" and)*
and   := unary ("and" unary)*
unary := "not" unary | "(" expr ")" | term
term  := KEY ":" VALUE ("," VALUE)* | "untagged" | "all"
.RE
.fi
.PP
Terms:
\fBtag:rust,go\fR (an entry tagged rust or go),
\fBid:ledger,billing\fR (those ids),
\fBkind:prototype\fR (a project's classification, a case study's or writing's kind, a role's employment),
\fBsince:2021\fR (what ends in 2021 or later, is still going on, or has no date),
\fBuntil:2019\-06\fR (what starts in June 2019 or earlier, or has no date),
\fBpriority:3\fR (priority 3 or more),
\fBuntagged\fR and \fBall\fR.
\fBand\fR binds tighter than \fBor\fR; words are lowercase and separated by spaces:
\fBtag:rust and not kind:prototype\fR, \fB(tag:payments or tag:ledger) and since:2020\fR.
Bullets have only tags and a priority: their selectors use \fBtag:\fR, \fBpriority:\fR and \fBuntagged\fR.
.SH "EXIT STATUS"
.TP
\fB0\fR
Success (warnings never fail a command).
.TP
\fB1\fR
Any error: bad content, an unknown profile, a template error, an output that cannot be
written, a usage error on the command line, standard output that cannot be written.
A build goes on with the other documents when one fails, then exits 1.
.TP
\fB2\fR
An internal error: a bug in \fBresume\fR, which says so.
.SH ENVIRONMENT
.TP
\fBRESUME_CONTENT\fR
The content folder (or one YAML file) when \fB\-\-content\fR is not given; default \fBcontent\fR.
.TP
\fBRESUME_OUT\fR
The output folder when \fB\-\-out\fR is not given; default \fBdist\fR.
.TP
\fBSOURCE_DATE_EPOCH\fR
The document date (seconds since 1970, UTC) when \fB\-\-date\fR is not given: it comes
before the content's \fBupdated:\fR and today's date. The same input and date give the
same bytes.
.TP
\fBNO_COLOR\fR
When set, errors and warnings are printed without colour.
.TP
\fBRUST_BACKTRACE\fR
When set, an internal error also prints a backtrace.
.SH FILES
.TP
\fBcontent/\fR
The content: every \fB.yaml\fR file under it, at any depth. \fB\-\-content\fR may name one
YAML file instead, whose folder is then the project root.
.TP
\fBtemplates/\fR
Beside the content: templates that replace the built\-in ones (\fBresume templates eject\fR writes them).
.TP
\fBfonts/\fR
Beside the content: font files the templates may use.
.TP
\fBdist/\fI<profile>\fB/\fR
The documents built for each profile (\fB\-\-out\fR changes \fBdist\fR).
.TP
\fBdist/manifest.json\fR
Each file built, with its profile, document, pages, size and sha256, and the files no
profile builds any more.
.SH EXAMPLES
.TP
\fBresume new my\-resume && cd my\-resume && resume build\fR
Start a project and build every document of every profile.
.TP
\fBresume build cv \-\-profile backend\fR
The backend profile's one\-page CV.
.TP
\fBresume build \-\-content my\-cv.yaml \-\-date 2026\-11\-01\fR
Everything, from one content file, dated.
.TP
\fBresume list \-\-profile backend \-\-bullets\fR
What the profile shows and leaves out, down to each bullet, and why.
.TP
\fBresume build case\-study \-\-project ledger \-\-select 'tag:payments'\fR
One project's handout, with a selector on top of the profiles.
.TP
\fBresume completions bash > /etc/bash_completion.d/resume\fR
Install the completion script (it completes profile names and project ids from the content).
"#;
