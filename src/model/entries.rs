//! What every entry a profile can select answers, whatever its section: its id, its
//! tags (its own and those inside it), its bullets, and a name for messages. Checks,
//! the vocabulary of selectors and `resume list` go through this one view, so a new
//! section needs no new code there.

use super::selector::Subject;
use super::{
    Bullet, CaseStudy, Certification, Content, Education, Exploration, Item, Metric, Principle,
    Project, Role, SkillGroup, Spanned, Writing,
};

pub trait Entry: Subject {
    /// The id as written, with its place.
    fn id_spanned(&self) -> Option<&Spanned<String>>;
    /// Every tag on it and inside it (bullets, blocks, decisions...).
    fn every_tag(&self) -> Vec<&Spanned<String>>;
    /// The bullets a profile's bullet rules choose from: highlights, details.
    fn bullets(&self) -> &[Bullet] {
        &[]
    }
    /// One line naming the entry, for `resume list` and messages.
    fn label(&self) -> String;
}

fn bullet_tags(b: &[Bullet]) -> impl Iterator<Item = &Spanned<String>> {
    b.iter().flat_map(|b| &b.tags)
}

impl Entry for Role {
    fn id_spanned(&self) -> Option<&Spanned<String>> {
        Some(&self.id)
    }
    fn every_tag(&self) -> Vec<&Spanned<String>> {
        let mut tags: Vec<&Spanned<String>> = self.tags.iter().collect();
        tags.extend(bullet_tags(&self.highlights));
        for text in [&self.narrative, &self.summary, &self.about]
            .into_iter()
            .flatten()
        {
            tags.extend(text.tags());
        }
        tags
    }
    fn bullets(&self) -> &[Bullet] {
        &self.highlights
    }
    fn label(&self) -> String {
        match &self.organization {
            Some(org) => format!("{} — {org}", self.title),
            None => self.title.clone(),
        }
    }
}

impl Entry for Project {
    fn id_spanned(&self) -> Option<&Spanned<String>> {
        Some(&self.id)
    }
    fn every_tag(&self) -> Vec<&Spanned<String>> {
        let p = self;
        let mut tags: Vec<&Spanned<String>> = p.tags.iter().collect();
        tags.extend(bullet_tags(&p.highlights));
        for list in [&p.performance, &p.scalability, &p.roadmap] {
            tags.extend(bullet_tags(super::items(list)));
        }
        tags.extend(super::items(&p.decisions).iter().flat_map(|d| &d.tags));
        tags.extend(p.postmortem.iter().flat_map(|i| &i.tags));
        tags.extend(p.metrics.iter().flat_map(|m| &m.tags));
        tags.extend(p.figures.iter().flat_map(|f| &f.tags));
        for text in p.texts().into_iter().flatten() {
            tags.extend(text.tags());
        }
        if let Some(overview) = p.architecture.as_ref().and_then(|a| a.overview.as_ref()) {
            tags.extend(overview.tags());
        }
        tags
    }
    fn bullets(&self) -> &[Bullet] {
        &self.highlights
    }
    fn label(&self) -> String {
        self.title.clone()
    }
}

impl Entry for CaseStudy {
    fn id_spanned(&self) -> Option<&Spanned<String>> {
        Some(&self.id)
    }
    fn every_tag(&self) -> Vec<&Spanned<String>> {
        let mut tags: Vec<&Spanned<String>> = self.tags.iter().collect();
        for text in [&self.summary, &self.sections].into_iter().flatten() {
            tags.extend(text.tags());
        }
        tags.extend(self.figures.iter().flat_map(|f| &f.tags));
        tags
    }
    fn label(&self) -> String {
        self.title.clone()
    }
}

impl Entry for Education {
    fn id_spanned(&self) -> Option<&Spanned<String>> {
        self.id.as_ref()
    }
    fn every_tag(&self) -> Vec<&Spanned<String>> {
        self.tags.iter().chain(bullet_tags(&self.details)).collect()
    }
    fn bullets(&self) -> &[Bullet] {
        &self.details
    }
    fn label(&self) -> String {
        match &self.degree {
            Some(degree) => format!("{degree} — {}", self.institution),
            None => self.institution.clone(),
        }
    }
}

impl Entry for Item {
    fn id_spanned(&self) -> Option<&Spanned<String>> {
        self.id.as_ref()
    }
    fn every_tag(&self) -> Vec<&Spanned<String>> {
        let mut tags: Vec<&Spanned<String>> = self.tags.iter().collect();
        tags.extend(bullet_tags(&self.highlights));
        if let Some(summary) = &self.summary {
            tags.extend(summary.tags());
        }
        tags
    }
    fn bullets(&self) -> &[Bullet] {
        &self.highlights
    }
    fn label(&self) -> String {
        self.name()
    }
}

macro_rules! plain_entry {
    ($($ty:ty => |$s:ident| $label:expr;)*) => {$(
        impl Entry for $ty {
            fn id_spanned(&self) -> Option<&Spanned<String>> {
                self.id.as_ref()
            }
            fn every_tag(&self) -> Vec<&Spanned<String>> {
                self.tags.iter().collect()
            }
            fn label(&self) -> String {
                let $s = self;
                $label
            }
        }
    )*};
}

plain_entry! {
    Metric => |s| format!("{} {}", s.value, s.label);
    Principle => |s| s.title.clone();
    Exploration => |s| s.topic.clone();
    SkillGroup => |s| s.group.clone();
    Certification => |s| s.name.clone();
    Writing => |s| s.title.clone();
}

impl Content {
    /// Every section whose entries profiles select, built-in ones first (in the order of
    /// `model::BUILT_IN`), then the author's own in the order written; with its entries.
    pub fn entry_lists(&self) -> Vec<(&str, Vec<&dyn Entry>)> {
        fn all<T: Entry>(items: &[T]) -> Vec<&dyn Entry> {
            items.iter().map(|i| i as &dyn Entry).collect()
        }
        let mut lists: Vec<(&str, Vec<&dyn Entry>)> = vec![
            ("metrics", all(&self.metrics)),
            ("experience", all(&self.experience)),
            ("volunteer", all(&self.volunteer)),
            ("projects", all(&self.projects)),
            ("case_studies", all(&self.case_studies)),
            ("principles", all(&self.principles)),
            ("explorations", all(&self.explorations)),
            ("skills", all(&self.skills)),
            ("education", all(&self.education)),
            ("certifications", all(&self.certifications)),
            ("writing", all(&self.writing)),
        ];
        for (name, items) in self.generic_lists() {
            lists.push((name, all(items)));
        }
        lists
    }

    /// The generic sections with their entries: publications, talks, awards, interests,
    /// references, then the author's own sections.
    pub fn generic_lists(&self) -> Vec<(&str, &[Item])> {
        let mut lists: Vec<(&str, &[Item])> = vec![
            ("publications", &self.publications),
            ("talks", &self.talks),
            ("awards", &self.awards),
            ("interests", &self.interests),
            ("references", &self.references),
        ];
        for def in self.custom_sections() {
            lists.push((def.id.as_str(), &def.entries));
        }
        lists
    }

    /// The sections of the author's own (not the settings of built-in ones).
    pub fn custom_sections(&self) -> impl Iterator<Item = &super::SectionDef> {
        self.sections
            .iter()
            .filter(|d| super::built_in(&d.id).is_none())
    }

    /// The definition written for a section (its title, intro, layout), if any.
    pub fn section_def(&self, name: &str) -> Option<&super::SectionDef> {
        self.sections.iter().find(|d| d.id.value == name)
    }

    /// Every section name a profile or document may name: built-in, then own.
    pub fn section_names(&self) -> Vec<&str> {
        super::BUILT_IN
            .iter()
            .map(|s| s.name)
            .chain(self.custom_sections().map(|d| d.id.as_str()))
            .collect()
    }
}

impl Content {
    /// Every long text in the content, in no particular order: for checks that look
    /// inside all of them (figures, languages).
    pub fn texts(&self) -> Vec<&super::Text> {
        let mut texts = Vec::new();
        let p = &self.person;
        texts.extend(&p.summary);
        texts.extend(p.variants.values().filter_map(|v| v.summary.as_ref()));
        for r in self.experience.iter().chain(&self.volunteer) {
            texts.extend([&r.summary, &r.about, &r.narrative].into_iter().flatten());
        }
        for p in &self.projects {
            texts.extend(p.texts().into_iter().flatten());
            texts.extend(p.architecture.as_ref().and_then(|a| a.overview.as_ref()));
        }
        for c in &self.case_studies {
            texts.extend([&c.summary, &c.sections].into_iter().flatten());
        }
        texts.extend(self.principles.iter().map(|p| &p.text));
        texts.extend(
            self.explorations
                .iter()
                .filter_map(|e| e.description.as_ref()),
        );
        for (_, items) in self.generic_lists() {
            texts.extend(items.iter().filter_map(|i| i.summary.as_ref()));
        }
        texts.extend(self.sections.iter().filter_map(|d| d.intro.as_ref()));
        for profile in self.profiles.values() {
            texts.extend(profile.sections.values().filter_map(|s| s.intro.as_ref()));
        }
        texts
    }

    /// Every image the content names: the photo, figures of projects and case studies,
    /// and figures inside long texts.
    pub fn figures(&self) -> Vec<&super::Figure> {
        let mut figures: Vec<&super::Figure> = self.person.photo.iter().collect();
        figures.extend(self.projects.iter().flat_map(|p| &p.figures));
        figures.extend(self.case_studies.iter().flat_map(|c| &c.figures));
        figures.extend(self.texts().into_iter().flat_map(|t| t.figures()));
        figures
    }
}
