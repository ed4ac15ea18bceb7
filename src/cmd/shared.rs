//! What several commands need: the document date, the profiles to build, the data of
//! a document.

use serde_json::Value;

use super::Reported;
use crate::args::{Document, Selectors};
use crate::diagnostic::{Diag, SourceFiles};
use crate::load::profiles;
use crate::model::rules::{Filter, Rules};
use crate::model::{Content, Date};
use crate::render::data::{self, BuildInfo};
use crate::select::Selection;
use crate::suggest::{did_you_mean, quoted};

/// The profiles to use: the one named, else every profile the content defines (the
/// built-in `all` only when it defines none: it would repeat what the others show, and
/// double every full build).
pub fn profiles<'c>(content: &'c Content, name: Option<&str>) -> Result<Vec<&'c Rules>, Diag> {
    match name {
        Some(name) => content
            .rules
            .get(name)
            .map(|r| vec![r])
            .ok_or_else(|| unknown_profile(name, content.rules.keys())),
        None if content.profiles.is_empty() => Ok(content.rules.values().collect()),
        None => Ok(content
            .rules
            .values()
            .filter(|r| content.profiles.contains_key(&r.name))
            .collect()),
    }
}

/// The one profile a command works on: the one named, else the only one. With several
/// and none named, an error that asks for one: `name the profile {purpose}`.
pub fn one_profile<'c>(
    content: &'c Content,
    name: Option<&str>,
    purpose: &str,
) -> Result<&'c Rules, Diag> {
    let profiles = profiles(content, name)?;
    let [rules] = profiles[..] else {
        let names: Vec<&str> = profiles.iter().map(|r| r.name.as_str()).collect();
        return Err(
            Diag::error(format!("name the profile {purpose}")).hint(format!(
                "for example `--profile {}`; known: {}",
                names[0],
                names.join(", ")
            )),
        );
    };
    Ok(rules)
}

/// `--select` and `--exclude`, checked against the content; errors point into the flag.
pub fn command_line_filter(
    selectors: &Selectors,
    content: &Content,
    files: &mut SourceFiles,
) -> Result<Filter, Reported> {
    profiles::command_line(
        selectors.select.as_deref(),
        selectors.exclude.as_deref(),
        content,
        files,
    )
    .map_err(|diags| {
        files.emit(&diags);
        Reported
    })
}

/// The JSON a document's template receives.
pub fn document_data(
    document: Document,
    selection: &Selection,
    content: &Content,
    info: &BuildInfo,
) -> Value {
    match document {
        Document::Cv => data::cv(selection, content, info),
        Document::Portfolio => data::portfolio(selection, content, info),
        // Handouts are many documents; `data::handouts` makes them. A letter belongs to
        // an application: `data::letter` makes it.
        Document::CaseStudy | Document::Letter => Value::Null,
    }
}

fn unknown_profile<'a>(name: &str, known: impl Iterator<Item = &'a String>) -> Diag {
    let known: Vec<&str> = known.map(String::as_str).collect();
    let mut diag = Diag::error(format!("unknown profile `{name}`"));
    if let Some(s) = did_you_mean(name, &known) {
        diag = diag.hint(format!("did you mean `{s}`?"));
    }
    if known == ["default"] {
        diag.hint("the content defines no profiles; leave out `--profile` to use `default`, which shows everything")
    } else {
        let list = quoted(&known);
        diag.hint(format!("known profiles: {list}"))
    }
}

/// The document date: `--date`, else `SOURCE_DATE_EPOCH`, else the content's `updated`,
/// else today (UTC). Everything dated in a PDF comes from it, so fixing it fixes the bytes.
pub fn document_date(flag: Option<&str>, updated: Option<Date>) -> Result<Date, Diag> {
    if let Some(text) = flag {
        let date = Date::parse(text).map_err(|e| Diag::error(format!("invalid `--date`: {e}")))?;
        if date.day.is_none() {
            return Err(
                Diag::error(format!("invalid `--date`: `{text}` needs a day"))
                    .hint("write it as YYYY-MM-DD"),
            );
        }
        return Ok(date);
    }
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text.trim().parse::<i64>().map_err(|_| {
            Diag::error(format!(
                "SOURCE_DATE_EPOCH is `{text}`, not a number of seconds"
            ))
            .hint("set it to a Unix timestamp, for example `$(git log -1 --format=%ct)`")
        })?,
        Err(_) => match updated {
            Some(d) => {
                return Ok(Date {
                    year: d.year,
                    month: Some(d.month.unwrap_or(1)),
                    day: Some(d.day.unwrap_or(1)),
                });
            }
            None => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64),
        },
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
    Date {
        year,
        month: Some(month),
        day: Some(day),
    }
}

/// The content folder as templates see it under the project root: `/content`; for one
/// content file, the root itself (``, so that images are `/figures/x.svg`).
pub fn content_root(dir: &std::path::Path, single: bool) -> String {
    if single {
        return String::new();
    }
    format!(
        "/{}",
        dir.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    )
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
