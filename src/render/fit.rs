//! The page budget: lay the CV out, measure it, and find the fewest removals, by a fixed
//! sequence, that fit it in its pages.
//!
//! The sequence (see `data::cv_draft` for the drop order): first what the CV shows only
//! while there is room (past its default counts, so a short CV fills its page with it),
//! then the lowest-priority bullets (every role keeps two), then the lowest-priority
//! entries of the least important sections. If even dropping all of that does not fit, tighten spacing one step at a time
//! (at most [`MAX_TIGHTEN`]; the template never goes below a readable size), dropping as
//! little as possible at each step. The number of items dropped is found by binary
//! search, so the passes stay few: one when the CV fits as selected, about
//! `2 + log2(candidates)` when it does not, two or three after an edit that keeps the
//! plan (see [`Known::Before`]). The same input always gives the same plan.

use typst::foundations::{Label, Selector, Value as TypstValue};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Abs, Frame, FrameItem, Point};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use super::data::{CvDraft, Removal};
use super::frames::walk;
use super::{Compiled, ResumeWorld, compile};
use crate::diagnostic::{Diag, SourceFiles};

/// Spacing steps the template knows (`data.fit.tighten`).
pub const MAX_TIGHTEN: u8 = 3;

/// How a document was made to fit: the first `drop` removals, `tighten` steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    pub drop: usize,
    pub tighten: u8,
}

impl Plan {
    /// Whether the plan is one fitting could have made for a draft with `removals`
    /// removals: a plan from elsewhere (the cache, a file anyone can edit) is checked
    /// before it is laid out, since the template trusts `tighten`.
    pub fn is_possible(&self, removals: usize) -> bool {
        self.tighten <= MAX_TIGHTEN && self.drop <= removals
    }
}

/// A document that can be fitted: its data with the first `drop` of its removals made
/// and the spacing tightened `tighten` steps.
pub trait Draft {
    /// How many removals it has, least important first.
    fn removals(&self) -> usize;
    fn apply(&self, drop: usize, tighten: u8) -> serde_json::Value;
}

impl Draft for CvDraft {
    fn removals(&self) -> usize {
        self.removals.len()
    }
    fn apply(&self, drop: usize, tighten: u8) -> serde_json::Value {
        CvDraft::apply(self, drop, tighten)
    }
}

/// A plan from an earlier build of the same document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// Of this very input: tried first, so that a rebuild takes one pass.
    Same(Plan),
    /// Of its input before an edit: kept when it provably is the plan the search would
    /// find, which takes two or three passes instead of about eight.
    Before(Plan),
}

impl Known {
    pub fn plan(self) -> Plan {
        match self {
            Known::Same(plan) | Known::Before(plan) => plan,
        }
    }
}

pub struct Fitted {
    pub compiled: Compiled,
    pub plan: Plan,
    /// Layout passes it took.
    pub passes: usize,
}

/// Finds the plan that fits `draft` in `budget` pages, starting from what an earlier build
/// found (`known`). When even the minimum overflows, the error says how far and what
/// spills.
pub fn fit(
    world: &mut ResumeWorld,
    template: &str,
    draft: &impl Draft,
    budget: usize,
    known: Option<Known>,
    files: &mut SourceFiles,
) -> Result<Fitted, Vec<Diag>> {
    match search(world, template, draft, budget, known, files)? {
        Search::Fits(fitted) => Ok(fitted),
        Search::Overflows { least, .. } => Err(vec![overflow(&least.document, budget)]),
    }
}

/// What the search came to: a fit, or the layout of the minimum (all removals made, the
/// tightest spacing), which still overflows, and the passes it took.
pub enum Search {
    Fits(Fitted),
    Overflows { least: Compiled, passes: usize },
}

/// The search behind [`fit`], for a caller that does something else with a document
/// whose minimum overflows (a handout prints whole).
pub fn search(
    world: &mut ResumeWorld,
    template: &str,
    draft: &impl Draft,
    budget: usize,
    known: Option<Known>,
    files: &mut SourceFiles,
) -> Result<Search, Vec<Diag>> {
    let mut passes = 0;
    let mut lay_out = |plan: Plan, world: &mut ResumeWorld, files: &mut SourceFiles| {
        passes += 1;
        compile(
            world,
            template,
            &draft.apply(plan.drop, plan.tighten),
            files,
        )
    };
    let fits = |c: &Compiled| c.document.pages().len() <= budget;

    let all = draft.removals();
    // A plan fitting could not have made is ignored: fit afresh.
    if let Some(known) = known.filter(|k| k.plan().is_possible(all)) {
        let plan = known.plan();
        let compiled = lay_out(plan, world, files)?;
        // The search below finds, at the first tightening step where dropping all fits,
        // the least drop that fits, taking (as its binary search does) that dropping
        // more never makes the CV longer. So the plan of before is that plan again when
        // it fits, one drop fewer does not, and dropping all one step less tight does not.
        let fewer = Plan {
            drop: plan.drop.saturating_sub(1),
            ..plan
        };
        let looser = Plan {
            drop: all,
            tighten: plan.tighten.saturating_sub(1),
        };
        let kept = fits(&compiled)
            && match known {
                Known::Same(_) => true,
                Known::Before(_) => {
                    let better = (plan.drop > 0 && fits(&lay_out(fewer, world, files)?))
                        || (plan.tighten > 0 && fits(&lay_out(looser, world, files)?));
                    !better
                }
            };
        if kept {
            return Ok(Search::Fits(Fitted {
                compiled,
                plan,
                passes,
            }));
        }
    }
    for tighten in 0..=MAX_TIGHTEN {
        let none = Plan { drop: 0, tighten };
        let compiled = lay_out(none, world, files)?;
        if fits(&compiled) {
            return Ok(Search::Fits(Fitted {
                compiled,
                plan: none,
                passes,
            }));
        }
        // With nothing to remove, dropping everything is what was just laid out.
        let mut best = if all == 0 {
            compiled
        } else {
            lay_out(Plan { drop: all, tighten }, world, files)?
        };
        if !fits(&best) {
            if tighten == MAX_TIGHTEN {
                return Ok(Search::Overflows {
                    least: best,
                    passes,
                });
            }
            continue;
        }
        // Dropping nothing overflows, dropping everything fits: find the least to drop.
        let (mut lo, mut hi) = (0, all);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            let compiled = lay_out(Plan { drop: mid, tighten }, world, files)?;
            if fits(&compiled) {
                hi = mid;
                best = compiled;
            } else {
                lo = mid;
            }
        }
        return Ok(Search::Fits(Fitted {
            compiled: best,
            plan: Plan { drop: hi, tighten },
            passes,
        }));
    }
    unreachable!("the last tightening step returns")
}

/// One warning line per entry that lost something: `dropped 2 bullets of role
/// `halden-2022` (priority 0, 1)`, `dropped project `raftlab` (priority 4)`.
pub fn describe(removals: &[Removal], plan: Plan, budget: usize) -> Vec<String> {
    let target = if budget == 1 {
        "one page".to_owned()
    } else {
        format!("{budget} pages")
    };
    let mut lines: Vec<String> = Vec::new();
    let mut bullets: Vec<(&Removal, Vec<i32>)> = Vec::new();
    // Sections the profile did not ask for are shown while there is room: what did not
    // fit of them is one line, not a warning per entry.
    let mut optional: Vec<(&str, usize)> = Vec::new();
    for r in &removals[..plan.drop.min(removals.len())] {
        // What the CV shows only while there is room was never promised: not a loss.
        if r.bonus {
            continue;
        }
        if r.optional {
            match optional.iter_mut().find(|(s, _)| *s == r.section) {
                Some((_, n)) => *n += 1,
                None => optional.push((&r.section, 1)),
            }
            continue;
        }
        match r.bullet {
            Some(_) => match bullets
                .iter_mut()
                .find(|(e, _)| e.section == r.section && e.entry == r.entry)
            {
                Some((_, priorities)) => priorities.push(r.priority),
                None => bullets.push((r, vec![r.priority])),
            },
            None => lines.push(format!(
                "dropped {} `{}` (priority {}) to fit {target}",
                r.what, r.name, r.priority
            )),
        }
    }
    let mut out: Vec<String> = bullets
        .into_iter()
        .map(|(r, mut priorities)| {
            priorities.sort();
            let n = priorities.len();
            let list = priorities
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let s = if n == 1 { "" } else { "s" };
            format!(
                "dropped {n} bullet{s} of {} `{}` (priority {list}) to fit {target}",
                r.what, r.name
            )
        })
        .collect();
    out.extend(lines);
    if !optional.is_empty() {
        let list = optional
            .iter()
            .rev()
            .map(|(section, n)| format!("{n} of `{section}`"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(format!(
            "left out {list} (sections shown while there is room) to fit {target}"
        ));
    }
    if plan.tighten > 0 {
        out.push(format!(
            "tightened the spacing {} step{} of {MAX_TIGHTEN} to fit {target}",
            plan.tighten,
            if plan.tighten == 1 { "" } else { "s" }
        ));
    }
    out
}

/// The error for a CV whose minimum does not fit: how far it runs over, and what is there.
fn overflow(document: &PagedDocument, budget: usize) -> Diag {
    let pages = document.pages();
    let over: f64 = pages[budget..]
        .iter()
        .map(|p| content_height(&p.frame).to_mm())
        .sum();
    let spilled = sections_from_page(document, budget + 1);
    let target = if budget == 1 {
        "one page".to_owned()
    } else {
        format!("{budget} pages")
    };
    let mut diag = Diag::error(format!(
        "the CV does not fit on {target} even at its minimum: it runs about {:.0} mm onto page {}",
        over.max(1.0),
        budget + 1
    ));
    if !spilled.is_empty() {
        diag = diag.hint(format!(
            "on page {} and after: {}",
            budget + 1,
            crate::suggest::quoted(&spilled.iter().map(String::as_str).collect::<Vec<_>>())
        ));
    }
    diag.hint("at its minimum every role keeps two bullets and the tightest spacing is used; shorten the summary or the longest entries")
        .hint("or allow a longer CV with `documents: {cv: {pages: 2}}` in the profile, or `fit: false` to print it as selected")
}

/// The height a page's content takes, from its first item to its last.
fn content_height(frame: &Frame) -> Abs {
    let mut top = Abs::inf();
    let mut bottom = -Abs::inf();
    let mut extend = |y: Abs, height: Abs| {
        top = top.min(y - height);
        bottom = bottom.max(y);
    };
    walk(frame, Point::zero(), &mut |at, item| match item {
        // Text sits on its baseline; images hang from their top.
        FrameItem::Text(text) => extend(at.y, text.size),
        FrameItem::Image(_, size, _) => extend(at.y + size.y, size.y),
        _ => {}
    });
    if bottom > top {
        bottom - top
    } else {
        Abs::zero()
    }
}

/// The sections (marked `<resume-section>` by the template) that start on `page` or later,
/// and the one running into it.
fn sections_from_page(document: &PagedDocument, page: usize) -> Vec<String> {
    let Some(label) = Label::new(PicoStr::intern("resume-section")) else {
        return Vec::new();
    };
    let introspector = document.introspector();
    let mut marks: Vec<(usize, String)> = introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|content| {
            let name = match &content.to_packed::<MetadataElem>()?.value {
                TypstValue::Str(s) => s.to_string(),
                _ => return None,
            };
            let on = introspector.position(content.location()?)?.page.get();
            Some((on, name))
        })
        .collect();
    marks.sort_by_key(|(on, _)| *on);
    let running = marks
        .iter()
        .rev()
        .find(|(on, _)| *on < page)
        .map(|(_, n)| n.clone());
    running
        .into_iter()
        .chain(
            marks
                .into_iter()
                .filter(|(on, _)| *on >= page)
                .map(|(_, n)| n),
        )
        .collect()
}

/// The least share of its text area a document's last page should hold.
pub const LAST_PAGE_MIN: f64 = 0.25;

/// Lays out a document with no page budget (a portfolio, a handout). When its last page
/// holds less than [`LAST_PAGE_MIN`], and was not asked for by a `new_page` entry, the
/// spacing is tightened one step at a time (as the CV's fitting does, at most
/// [`MAX_TIGHTEN`]) until that page is gone; if none takes it back, the document is laid
/// out as it was. Returns the layout and the passes it took.
pub fn settle(
    world: &mut ResumeWorld,
    template: &str,
    data: &serde_json::Value,
    files: &mut SourceFiles,
) -> Result<(Compiled, usize), Vec<Diag>> {
    let compiled = compile(world, template, data, files)?;
    settle_from(world, template, data, compiled, files)
}

/// [`settle`] from the first layout of `data`, already made.
pub fn settle_from(
    world: &mut ResumeWorld,
    template: &str,
    data: &serde_json::Value,
    compiled: Compiled,
    files: &mut SourceFiles,
) -> Result<(Compiled, usize), Vec<Diag>> {
    if !short_last_page(&compiled.document) {
        return Ok((compiled, 1));
    }
    let pages = compiled.document.pages().len();
    let mut passes = 1;
    for tighten in 1..=MAX_TIGHTEN {
        let mut tighter = data.clone();
        tighter["fit"] = serde_json::json!({ "tighten": tighten });
        let candidate = compile(world, template, &tighter, files)?;
        passes += 1;
        // Fewer pages, and a last page that is not nearly empty again.
        if candidate.document.pages().len() < pages && !short_last_page(&candidate.document) {
            return Ok((candidate, passes));
        }
    }
    // Nothing took the page back: the first layout, as the content asked.
    Ok((compiled, passes))
}

/// A document of several pages whose last page holds less than [`LAST_PAGE_MIN`], unless
/// an entry asked for that page (`new_page`).
fn short_last_page(document: &PagedDocument) -> bool {
    match super::frames::page_fill(document).as_slice() {
        [.., before, last] => last.fill < LAST_PAGE_MIN && !before.break_after,
        _ => false,
    }
}
