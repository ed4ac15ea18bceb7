//! `resume list`: what a profile selects and leaves out, section by section, with the
//! rule that decided each entry (and, with `--bullets`, each bullet).

use std::fmt::Write;

use super::{Reported, fail, load_content, shared};
use crate::apply::Term;
use crate::args::ListArgs;
use crate::model::Bullet;
use crate::model::DOCUMENTS;
use crate::render::{self, data, fit};
use crate::select::{self, Entry, Section, Selection};

pub fn run(args: &ListArgs) -> Result<(), Reported> {
    let (loaded, content) = load_content(&args.content.content)?;
    let date = shared::document_date(None, content.updated).map_err(fail)?;
    let mut files = loaded.files;
    // An application's CV: its bullets re-ranked by the posting, as `apply --tailor`.
    let (content, terms) = match &args.application {
        Some(id) => super::apply::tailored(content, id, &loaded.dir).map_err(|diag| {
            files.emit(&[diag]);
            Reported
        })?,
        None => (content, Vec::new()),
    };
    let mut extra = shared::command_line_filter(&args.selectors, &content, &mut files)?;
    let mut out = String::new();
    let profiles = match &args.application {
        Some(id) => {
            let app = super::apply::find(&content, id).map_err(fail)?;
            extra.select.extend(app.filter.select.iter().cloned());
            extra.exclude.extend(app.filter.exclude.iter().cloned());
            let names: Vec<&str> = terms.iter().map(|t| t.name.as_str()).collect();
            let _ = writeln!(
                out,
                "application `{id}`: {} at {}; bullets re-ranked by the {} terms of its posting: {}\n",
                app.application.role,
                app.application.company,
                names.len(),
                names.join(", ")
            );
            shared::profiles(&content, Some(app.application.profile.as_str())).map_err(fail)?
        }
        None => shared::profiles(&content, args.profile.as_deref()).map_err(fail)?,
    };
    let mut world = args.fit.then(|| {
        let root = loaded.root.clone();
        (
            render::world(root, false, date),
            shared::content_root(&loaded.dir, loaded.single),
        )
    });
    for (i, rules) in profiles.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let (content, rules) = content.in_language(rules);
        let sel = select::select(content, rules, &extra, false);
        explain(
            &sel,
            args.bullets || args.application.is_some(),
            &terms,
            &mut out,
        );
        if let Some((world, content_root)) = &mut world {
            let info = data::BuildInfo {
                date,
                document: "cv",
                content_root,
                theme: None,
            };
            let draft = data::cv_draft(&sel, content, &info);
            let budget = rules.documents.get("cv").map_or(1, |d| d.pages);
            let fitted =
                fit::fit(world, "cv.typ", &draft, budget, None, &mut files).map_err(|diags| {
                    files.emit(&diags);
                    Reported
                })?;
            let lines = fit::describe(&draft.removals, fitted.plan, budget);
            let pages = fitted.compiled.document.pages().len();
            let s = if pages == 1 { "" } else { "s" };
            if lines.is_empty() {
                let _ = writeln!(out, "\ncv: fits on {pages} page{s} as selected");
            } else {
                let _ = writeln!(
                    out,
                    "\ncv: fits on {pages} page{s} after fitting ({} layout passes):",
                    fitted.passes
                );
                for line in lines {
                    let _ = writeln!(out, "  {line}");
                }
            }
        }
    }
    crate::say_raw!("{}", crate::diagnostic::escape_controls(&out));
    Ok(())
}

/// What a profile selects; with `bullets`, every bullet too, each with the posting's
/// `terms` it names (an application's; none otherwise).
fn explain(sel: &Selection, bullets: bool, terms: &[Term], out: &mut String) {
    let r = sel.rules;
    let _ = write!(out, "profile `{}`", r.name);
    if let Some(d) = &r.description {
        let _ = write!(out, ": {d}");
    }
    out.push('\n');
    let mut facts = Vec::new();
    if let Some(parent) = &r.extends {
        facts.push(format!("extends `{parent}`"));
    }
    if let Some(v) = &r.variant {
        facts.push(format!("variant `{v}`"));
    }
    for (doc, rules) in &r.documents {
        if let Some(n) = rules.bullets {
            facts.push(format!("the {doc} prints at most {n} bullets per entry"));
        }
    }
    facts.push(
        if sel.private {
            "confidential names shown"
        } else {
            "confidential names hidden"
        }
        .to_owned(),
    );
    let _ = writeln!(out, "  {}", facts.join("; "));
    let unprinted = data::unprinted(sel);
    let bullets = bullets.then_some(terms);
    section(sel, &sel.experience, &unprinted, bullets, out);
    section(sel, &sel.volunteer, &unprinted, bullets, out);
    section(sel, &sel.projects, &unprinted, bullets, out);
    section(sel, &sel.case_studies, &unprinted, bullets, out);
    section(sel, &sel.metrics, &unprinted, bullets, out);
    section(sel, &sel.principles, &unprinted, bullets, out);
    section(sel, &sel.explorations, &unprinted, bullets, out);
    section(sel, &sel.skills, &unprinted, bullets, out);
    section(sel, &sel.education, &unprinted, bullets, out);
    section(sel, &sel.certifications, &unprinted, bullets, out);
    section(sel, &sel.writing, &unprinted, bullets, out);
    for list in &sel.lists {
        section(sel, list, &unprinted, bullets, out);
    }
}

fn section<T: Entry>(
    sel: &Selection,
    s: &Section<T>,
    unprinted: &[data::Unprinted],
    bullets: Option<&[Term]>,
    out: &mut String,
) {
    if s.shown.is_empty() && s.left_out.is_empty() {
        return;
    }
    let limits: Vec<String> = DOCUMENTS
        .iter()
        .filter_map(|d| {
            let explicit = sel
                .rules
                .documents
                .get(d.name)
                .is_some_and(|r| r.max.contains_key(&s.name));
            data::document_max(sel.rules, d.name, &s.name).map(|n| {
                if explicit {
                    format!("the {} shows at most {n}", d.name)
                } else {
                    format!("the {} shows {n}, more while there is room", d.name)
                }
            })
        })
        .collect();
    let limits = if limits.is_empty() {
        String::new()
    } else {
        format!("; {}", limits.join(", "))
    };
    let _ = writeln!(
        out,
        "\n{}: {} shown, {} left out, {}{limits}",
        s.name,
        s.shown.len(),
        s.left_out.len(),
        s.order
    );
    if let Some(u) = unprinted.iter().find(|u| u.section == s.name) {
        let _ = writeln!(out, "  ! {}", unprinted_text(u));
    }
    let id = |e: &T| e.id().unwrap_or("-").to_owned();
    for chosen in &s.shown {
        let _ = writeln!(out, "  + {:<22} {}", id(chosen.entry), chosen.entry.label());
        let _ = writeln!(out, "      {}", chosen.reason);
        if chosen.bullets.is_empty() && chosen.dropped.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "      bullets: {} kept, {} dropped",
            chosen.bullets.len(),
            chosen.dropped.len()
        );
        if let Some(terms) = bullets {
            for kept in &chosen.bullets {
                let (priority, named) = ranked(kept.bullet, terms);
                let _ = writeln!(out, "        keep [{priority}] {}{named}", kept.bullet.text);
            }
            for (bullet, why) in &chosen.dropped {
                let (priority, named) = ranked(bullet, terms);
                let _ = writeln!(
                    out,
                    "        drop [{priority}] {}{named} ({why})",
                    bullet.text
                );
            }
        }
    }
    for (entry, why) in &s.left_out {
        let _ = writeln!(out, "  - {:<22} {}", id(entry), entry.label());
        let _ = writeln!(out, "      {why}");
    }
}

/// A bullet's priority as written (without what tailoring added), and the posting's
/// terms it names: `3`, ` — names Kafka, PostgreSQL`.
fn ranked(bullet: &Bullet, terms: &[Term]) -> (String, String) {
    let named = crate::apply::named_in(&bullet.text, terms);
    if named.is_empty() {
        return (bullet.priority.to_string(), String::new());
    }
    let written = bullet.priority - named.len() as i32 * crate::apply::TAILOR_WEIGHT;
    (
        format!("{written}, +{}", named.len()),
        format!(" — names {}", named.join(", ")),
    )
}

/// Says how many selected entries of a section neither the CV nor the portfolio prints,
/// and why.
pub fn unprinted_text(u: &data::Unprinted) -> String {
    let missing = u.selected - u.printed;
    let are = if missing == 1 { "is" } else { "are" };
    let why = if u.limits.is_empty() {
        format!("neither lists `{}`", u.section)
    } else {
        u.limits.join(", ")
    };
    format!(
        "{missing} of {} selected {are} in neither the cv nor the portfolio: {why}",
        u.selected
    )
}
