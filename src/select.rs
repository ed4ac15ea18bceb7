//! Select: a profile to the subset of the content one audience sees.
//!
//! The first, simple rule (see `model::profile`): an entry or bullet without tags is
//! always shown; a tagged one when it shares a tag with the profile and has none of its
//! excluded tags. Entries come out in reading order (roles newest first, projects by
//! priority); bullets are ranked by priority but keep the author's order when printed.

use crate::model::{
    Bullet, CaseStudy, Certification, Content, Education, Exploration, Metric, Principle, Profile,
    Project, Role, SkillGroup, Spanned, Writing,
};

pub struct Selection<'c> {
    pub profile_name: &'c str,
    pub profile: &'c Profile,
    pub headline: &'c str,
    pub summary: Option<&'c str>,
    /// Show confidential names as written instead of their public description.
    pub private: bool,
    pub roles: Vec<Chosen<'c, Role>>,
    pub projects: Vec<Chosen<'c, Project>>,
    pub case_studies: Vec<&'c CaseStudy>,
    pub metrics: Vec<&'c Metric>,
    pub principles: Vec<&'c Principle>,
    pub explorations: Vec<&'c Exploration>,
    pub skills: Vec<&'c SkillGroup>,
    pub education: Vec<Chosen<'c, Education>>,
    pub certifications: Vec<&'c Certification>,
    pub writing: Vec<&'c Writing>,
}

/// An entry with the bullets the profile keeps, ranked: most important first.
pub struct Chosen<'c, T> {
    pub entry: &'c T,
    pub bullets: Vec<Ranked<'c>>,
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

pub fn select<'c>(
    content: &'c Content,
    profile_name: &'c str,
    profile: &'c Profile,
    private: bool,
) -> Selection<'c> {
    let shows = |tags: &[Spanned<String>]| shows(profile, tags);
    let variant = profile
        .variant
        .as_ref()
        .and_then(|v| content.person.variants.get(v.as_str()));
    let headline = variant
        .and_then(|v| v.headline.as_deref())
        .unwrap_or(&content.person.headline);
    let summary = variant
        .and_then(|v| v.summary.as_deref())
        .or(content.person.summary.as_deref());

    let mut roles = choose(&content.experience, profile, |r| &r.tags, |r| &r.highlights);
    roles.sort_by(|a, b| {
        b.entry
            .start
            .value
            .cmp(&a.entry.start.value)
            .then(b.entry.priority.cmp(&a.entry.priority))
    });

    let mut projects = choose(&content.projects, profile, |p| &p.tags, |p| &p.highlights);
    projects.sort_by(|a, b| {
        let start = |p: &Project| p.start.as_ref().map(|s| s.value);
        b.entry
            .priority
            .cmp(&a.entry.priority)
            .then(start(b.entry).cmp(&start(a.entry)))
    });

    let mut education = choose(&content.education, profile, |e| &e.tags, |e| &e.details);
    education.sort_by(|a, b| {
        let start = |e: &Education| e.start.as_ref().map(|s| s.value);
        start(b.entry).cmp(&start(a.entry))
    });

    Selection {
        profile_name,
        profile,
        headline,
        summary,
        private,
        roles,
        projects,
        case_studies: by_priority(
            content.case_studies.iter().filter(|s| shows(&s.tags)),
            |s| s.priority,
        ),
        metrics: by_priority(content.metrics.iter().filter(|m| shows(&m.tags)), |m| {
            m.priority
        }),
        principles: by_priority(content.principles.iter().filter(|p| shows(&p.tags)), |p| {
            p.priority
        }),
        explorations: by_priority(
            content.explorations.iter().filter(|e| shows(&e.tags)),
            |e| e.priority,
        ),
        skills: by_priority(content.skills.iter().filter(|s| shows(&s.tags)), |s| {
            s.priority
        }),
        education,
        certifications: by_priority(
            content.certifications.iter().filter(|c| shows(&c.tags)),
            |c| c.priority,
        ),
        writing: by_priority(content.writing.iter().filter(|w| shows(&w.tags)), |w| {
            w.priority
        }),
    }
}

/// Whether an entry or bullet with these tags is shown by the profile.
pub fn shows(profile: &Profile, tags: &[Spanned<String>]) -> bool {
    let has =
        |list: &[Spanned<String>], tag: &Spanned<String>| list.iter().any(|t| t.value == tag.value);
    if tags.iter().any(|t| has(&profile.exclude_tags, t)) {
        return false;
    }
    tags.is_empty() || profile.tags.is_empty() || tags.iter().any(|t| has(&profile.tags, t))
}

/// The entries the profile shows, each with its ranked bullets, in content order.
fn choose<'c, T>(
    items: &'c [T],
    profile: &Profile,
    tags: impl Fn(&T) -> &[Spanned<String>],
    bullets: impl Fn(&'c T) -> &'c [Bullet],
) -> Vec<Chosen<'c, T>> {
    items
        .iter()
        .filter(|item| shows(profile, tags(item)))
        .map(|entry| Chosen {
            entry,
            bullets: rank(bullets(entry), profile),
        })
        .collect()
}

/// The bullets the profile shows, most important first (ties keep the author's order).
fn rank<'c>(bullets: &'c [Bullet], profile: &Profile) -> Vec<Ranked<'c>> {
    let mut kept: Vec<Ranked> = bullets
        .iter()
        .enumerate()
        .filter(|(_, b)| shows(profile, &b.tags))
        .map(|(position, bullet)| Ranked { bullet, position })
        .collect();
    kept.sort_by_key(|r| std::cmp::Reverse(r.bullet.priority));
    kept
}

/// Highest priority first; ties keep the order of the content files.
fn by_priority<'c, T>(
    items: impl Iterator<Item = &'c T>,
    priority: impl Fn(&T) -> i32,
) -> Vec<&'c T> {
    let mut items: Vec<&T> = items.collect();
    items.sort_by_key(|t| std::cmp::Reverse(priority(t)));
    items
}
