//! Select: a profile's rules applied to the content, section by section.
//!
//! Every entry is judged by the profile's filters (and `--select`/`--exclude`), the shown
//! ones are ordered and cut to the section's `max`, and each keeps the bullets the
//! profile's bullet rules allow, ranked by priority. Every decision keeps its reason, so
//! that `resume list` can say why something is or is not in a document.

pub use crate::model::Entry;
use crate::model::rules::{Filter, ResolvedOrder, Rules, Verdict};
use crate::model::{
    Bullet, CaseStudy, Certification, Content, Education, Exploration, Item, Metric, Principle,
    Project, Role, SkillGroup, Text, Writing,
};

pub struct Selection<'c> {
    pub rules: &'c Rules,
    pub headline: &'c str,
    pub summary: Option<&'c Text>,
    /// Show confidential names as written instead of their public description.
    pub private: bool,
    pub experience: Section<'c, Role>,
    pub volunteer: Section<'c, Role>,
    pub projects: Section<'c, Project>,
    pub case_studies: Section<'c, CaseStudy>,
    pub metrics: Section<'c, Metric>,
    pub principles: Section<'c, Principle>,
    pub explorations: Section<'c, Exploration>,
    pub skills: Section<'c, SkillGroup>,
    pub education: Section<'c, Education>,
    pub certifications: Section<'c, Certification>,
    pub writing: Section<'c, Writing>,
    /// The generic sections: publications, talks, awards, interests, references, then
    /// the author's own, in the content's order.
    pub lists: Vec<Section<'c, Item>>,
}

impl Selection<'_> {
    /// Every section as its counts, in the content's order: for explanations and
    /// warnings that do not need the entries' types.
    pub fn counts(&self) -> Vec<Counts<'_>> {
        fn counts<'a, T>(s: &'a Section<T>) -> Counts<'a> {
            Counts {
                name: &s.name,
                shown: s.shown.len(),
                left_out: s.left_out.len(),
            }
        }
        let mut all = vec![
            counts(&self.metrics),
            counts(&self.experience),
            counts(&self.volunteer),
            counts(&self.projects),
            counts(&self.case_studies),
            counts(&self.principles),
            counts(&self.explorations),
            counts(&self.skills),
            counts(&self.education),
            counts(&self.certifications),
            counts(&self.writing),
        ];
        all.extend(self.lists.iter().map(counts));
        all
    }

    /// Sections that have entries in the content but none shown: a profile that empties a
    /// section is probably not what the user meant.
    pub fn emptied_sections(&self) -> Vec<&str> {
        self.counts()
            .into_iter()
            .filter(|c| c.shown == 0 && c.left_out > 0)
            .map(|c| c.name)
            .collect()
    }

    /// A generic section by name.
    pub fn list(&self, name: &str) -> Option<&Section<'_, Item>> {
        self.lists.iter().find(|s| s.name == name)
    }
}

/// How many entries of a section are shown and left out.
pub struct Counts<'a> {
    pub name: &'a str,
    pub shown: usize,
    pub left_out: usize,
}

/// One section's entries: those shown, in order, and those left out, each with a reason.
pub struct Section<'c, T> {
    pub name: String,
    pub order: String,
    pub shown: Vec<Chosen<'c, T>>,
    pub left_out: Vec<(&'c T, String)>,
}

/// A shown entry with the bullets the profile keeps (most important first) and those it
/// drops.
pub struct Chosen<'c, T> {
    pub entry: &'c T,
    pub reason: String,
    pub bullets: Vec<Ranked<'c>>,
    pub dropped: Vec<(&'c Bullet, String)>,
}

/// A bullet and its place in the author's list.
#[derive(Clone, Copy)]
pub struct Ranked<'c> {
    pub bullet: &'c Bullet,
    pub position: usize,
}

impl<'c, T> Chosen<'c, T> {
    /// The `n` most important bullets, printed in the order the author wrote them.
    pub fn top_bullets(&self, n: usize) -> Vec<&'c Bullet> {
        let mut top: Vec<Ranked> = self.bullets.iter().take(n).copied().collect();
        top.sort_by_key(|r| r.position);
        top.into_iter().map(|r| r.bullet).collect()
    }
}

/// Applies `rules` (and the command line's `extra` filter) to the content.
pub fn select<'c>(
    content: &'c Content,
    rules: &'c Rules,
    extra: &Filter,
    private: bool,
) -> Selection<'c> {
    let variant = rules
        .variant
        .as_ref()
        .and_then(|v| content.person.variants.get(v.as_str()));
    let headline = variant
        .and_then(|v| v.headline.as_deref())
        .unwrap_or(&content.person.headline);
    let summary = variant
        .and_then(|v| v.summary.as_ref())
        .or(content.person.summary.as_ref());
    let private = private || rules.private;
    let s = Selector { rules, extra };
    let lists = content
        .generic_lists()
        .into_iter()
        .map(|(name, items)| {
            let mut section = s.section(name, items);
            // References name people who did not ask to be on every copy.
            if name == "references" && !private {
                for chosen in section.shown.drain(..) {
                    section.left_out.push((
                        chosen.entry,
                        "private: references are shown with `--private` or `private: true`"
                            .to_owned(),
                    ));
                }
            }
            section
        })
        .collect();
    Selection {
        rules,
        headline,
        summary,
        private,
        experience: s.section("experience", &content.experience),
        volunteer: s.section("volunteer", &content.volunteer),
        projects: s.section("projects", &content.projects),
        case_studies: s.section("case_studies", &content.case_studies),
        metrics: s.section("metrics", &content.metrics),
        principles: s.section("principles", &content.principles),
        explorations: s.section("explorations", &content.explorations),
        skills: s.section("skills", &content.skills),
        education: s.section("education", &content.education),
        certifications: s.section("certifications", &content.certifications),
        writing: s.section("writing", &content.writing),
        lists,
    }
}

struct Selector<'a> {
    rules: &'a Rules,
    extra: &'a Filter,
}

impl Selector<'_> {
    fn section<'c, T: Entry>(&self, name: &str, items: &'c [T]) -> Section<'c, T> {
        let rules = self.rules.sections.get(name);
        let filter = match rules {
            Some(r) => self.rules.entries.and(&r.filter).and(self.extra),
            None => self.rules.entries.and(self.extra),
        };
        let order = rules.map_or(ResolvedOrder::Priority, |r| r.order.clone());
        let mut shown = Vec::new();
        let mut left_out = Vec::new();
        for item in items {
            match filter.judge(item) {
                Verdict::Shown(reason) => shown.push(self.chosen(item, reason)),
                Verdict::LeftOut(reason) => left_out.push((item, reason)),
            }
        }
        sort(&mut shown, &order);
        if let Some(max) = rules.and_then(|r| r.max) {
            for extra in shown.drain(max.min(shown.len())..) {
                left_out.push((extra.entry, format!("beyond `sections.{name}.max: {max}`")));
            }
        }
        Section {
            name: name.to_owned(),
            order: order.describe(),
            shown,
            left_out,
        }
    }

    fn chosen<'c, T: Entry>(&self, entry: &'c T, reason: String) -> Chosen<'c, T> {
        let mut bullets = Vec::new();
        let mut dropped = Vec::new();
        for (position, bullet) in entry.bullets().iter().enumerate() {
            match self.rules.bullets.judge(bullet) {
                Verdict::Shown(_) => bullets.push(Ranked { bullet, position }),
                Verdict::LeftOut(why) => dropped.push((bullet, why)),
            }
        }
        // Highest priority first; ties keep the author's order (the sort is stable).
        bullets.sort_by_key(|r| std::cmp::Reverse(r.bullet.priority));
        if let Some(max) = self.rules.bullet_max {
            for extra in bullets.drain(max.min(bullets.len())..) {
                dropped.push((extra.bullet, format!("beyond `bullets.max: {max}`")));
            }
        }
        Chosen {
            entry,
            reason,
            bullets,
            dropped,
        }
    }
}

fn sort<T: Entry>(shown: &mut [Chosen<T>], order: &ResolvedOrder) {
    let start = |c: &Chosen<T>| c.entry.dates().0;
    let priority = |c: &Chosen<T>| c.entry.priority();
    match order {
        // Newest first (undated last), then by priority.
        ResolvedOrder::Date => {
            shown.sort_by(|a, b| start(b).cmp(&start(a)).then(priority(b).cmp(&priority(a))))
        }
        // Highest priority first, then newest.
        ResolvedOrder::Priority => {
            shown.sort_by(|a, b| priority(b).cmp(&priority(a)).then(start(b).cmp(&start(a))))
        }
        // The listed ids first, in the listed order; the rest after, by priority.
        ResolvedOrder::Ids(ids) => {
            let place = |c: &Chosen<T>| {
                c.entry
                    .id()
                    .and_then(|id| ids.iter().position(|i| i == id))
                    .unwrap_or(usize::MAX)
            };
            shown.sort_by(|a, b| place(a).cmp(&place(b)).then(priority(b).cmp(&priority(a))));
        }
    }
}
