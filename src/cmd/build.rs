//! `resume build`: load, select per profile, render each document, write atomically.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{Reported, fail, load_content};
use crate::args::{BuildArgs, Document};
use crate::diagnostic::Diag;
use crate::load::io_reason;
use crate::model::{Date, Profile};
use crate::render::{self, data};
use crate::select;
use crate::suggest::did_you_mean;

pub fn run(args: &BuildArgs) -> Result<(), Reported> {
    let started = Instant::now();
    let date = document_date(args.date.as_deref()).map_err(fail)?;
    let (loaded, content) = load_content(&args.content.content)?;
    check_out_dir(&args.out, &loaded.dir).map_err(fail)?;

    // Without profiles in the content, one profile shows everything.
    let everything = Profile::default();
    let profiles: Vec<(&str, &Profile)> = match &args.profile {
        Some(name) => match content.profiles.get(name) {
            Some(p) => vec![(name.as_str(), &p.value)],
            None => return Err(fail(unknown_profile(name, content.profiles.keys()))),
        },
        None if content.profiles.is_empty() => vec![("default", &everything)],
        None => content.profiles.iter().map(|(n, p)| (n.as_str(), &p.value)).collect(),
    };
    let documents = args.document.map_or(Document::ALL.to_vec(), |d| vec![d]);

    // The project root is the folder that holds the content folder: templates/ sits there.
    let root = loaded.dir.parent().map_or_else(|| loaded.dir.clone(), Path::to_path_buf);
    let mut world = render::world(root, args.system_fonts, date);
    let mut files = loaded.files;
    let mut written = 0;
    for (name, profile) in profiles {
        let selection = select::select(&content, name, profile, args.private);
        for &document in &documents {
            let t = Instant::now();
            let info = data::BuildInfo { date, document: document.name() };
            let json = match document {
                Document::Cv => data::cv(&selection, &content.person, &info),
            };
            let rendered = match render::render(&mut world, document.template(), &json, date, &mut files) {
                Ok(r) => r,
                Err(diags) => {
                    files.emit(&diags);
                    return Err(fail(Diag::error(format!(
                        "the {} of profile `{name}` could not be built; nothing was written for it",
                        document.name()
                    ))));
                }
            };
            files.emit(&rendered.warnings);
            let path = args.out.join(name).join(format!("{}.pdf", document.name()));
            write_atomically(&path, &rendered.pdf).map_err(fail)?;
            written += 1;
            let s = if rendered.pages == 1 { "" } else { "s" };
            println!(
                "wrote {} ({} page{s}, {} ms)",
                path.display(),
                rendered.pages,
                t.elapsed().as_millis()
            );
        }
    }
    let s = if written == 1 { "" } else { "s" };
    println!("built {written} document{s} in {:.2} s", started.elapsed().as_secs_f64());
    Ok(())
}

fn unknown_profile<'a>(name: &str, known: impl Iterator<Item = &'a String>) -> Diag {
    let known: Vec<&str> = known.map(String::as_str).collect();
    let mut diag = Diag::error(format!("unknown profile `{name}`"));
    if let Some(s) = did_you_mean(name, &known) {
        diag = diag.hint(format!("did you mean `{s}`?"));
    }
    if known.is_empty() {
        diag.hint("the content defines no profiles; leave out `--profile` to build everything")
    } else {
        let list = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
        diag.hint(format!("known profiles: {list}"))
    }
}

/// Refuses an output folder inside the content folder: a build never writes over content.
fn check_out_dir(out: &Path, content: &Path) -> Result<(), Diag> {
    let absolute = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    // The out folder may not exist yet: compare the nearest existing ancestor.
    let existing = absolute.ancestors().find_map(|a| a.canonicalize().ok());
    if existing.is_some_and(|e| e.starts_with(content)) {
        return Err(Diag::error(format!("the output folder `{}` is inside the content folder", out.display()))
            .hint("write the PDFs elsewhere, for example `--out dist`"));
    }
    Ok(())
}

/// Writes to a temporary file beside `path`, then renames it into place, so that a
/// reader never sees a half-written PDF and a failure leaves the old file as it was.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Diag> {
    let dir = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let cannot = |e: std::io::Error| Diag::error(format!("cannot write `{}`: {}", path.display(), io_reason(&e)));
    std::fs::create_dir_all(&dir).map_err(cannot)?;
    let mut tmp = tempfile::Builder::new().prefix(".resume-").suffix(".tmp").tempfile_in(&dir).map_err(cannot)?;
    tmp.write_all(bytes).map_err(cannot)?;
    tmp.as_file().sync_all().map_err(cannot)?;
    tmp.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}

/// `--date`, else `SOURCE_DATE_EPOCH`, else today (UTC).
fn document_date(flag: Option<&str>) -> Result<Date, Diag> {
    if let Some(text) = flag {
        let date = Date::parse(text).map_err(|e| Diag::error(format!("invalid `--date`: {e}")))?;
        if date.day.is_none() {
            return Err(Diag::error(format!("invalid `--date`: `{text}` needs a day")).hint("write it as YYYY-MM-DD"));
        }
        return Ok(date);
    }
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text.trim().parse::<i64>().map_err(|_| {
            Diag::error(format!("SOURCE_DATE_EPOCH is `{text}`, not a number of seconds"))
                .hint("set it to a Unix timestamp, for example `$(git log -1 --format=%ct)`")
        })?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64),
    };
    Ok(civil_date(seconds.div_euclid(86_400)))
}

/// The calendar date of a day number counted from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month: Some(month), day: Some(day) }
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0).to_string(), "1970-01-01");
        assert_eq!(civil_date(19_783).to_string(), "2024-03-01");
        assert_eq!(civil_date(20_779).to_string(), "2026-11-22");
    }
}
