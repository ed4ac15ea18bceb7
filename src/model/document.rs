//! The documents `resume` builds, and the sections content can have.
//!
//! Built-in sections are listed here once, with what a document shows when a profile
//! does not say; sections of the author's own (`sections:` in the content) come after
//! them, in the order they are defined.

use super::Layout;

pub struct DocumentKind {
    pub name: &'static str,
    /// The sections shown, in order, when a profile does not say (those with nothing
    /// in them are left out). Sections of the author's own follow.
    pub default_sections: &'static [&'static str],
    /// Shown only while there is room: the one-page fitting drops these first.
    pub extra_sections: &'static [&'static str],
}

pub const DOCUMENTS: &[DocumentKind] = &[
    DocumentKind {
        name: "cv",
        default_sections: &[
            "summary",
            "experience",
            "projects",
            "skills",
            "education",
            "certifications",
        ],
        extra_sections: &[
            "publications",
            "talks",
            "awards",
            "volunteer",
            "writing",
            "interests",
            "references",
        ],
    },
    DocumentKind {
        name: "portfolio",
        default_sections: &[
            "summary",
            "metrics",
            "projects",
            "experience",
            "volunteer",
            "principles",
            "explorations",
            "case_studies",
            "publications",
            "talks",
            "writing",
            "awards",
            "certifications",
            "education",
            "skills",
            "languages",
            "interests",
            "references",
        ],
        extra_sections: &[],
    },
    // Handouts: one per selected project, and one per selected case study.
    DocumentKind {
        name: "case-study",
        default_sections: &["projects", "case_studies"],
        extra_sections: &[],
    },
];

/// A section the content can have without defining it.
pub struct BuiltIn {
    pub name: &'static str,
    /// Whether it has entries that profiles select (`summary` and `languages` do not).
    pub selectable: bool,
    /// Newest first by default (else by priority).
    pub by_date: bool,
    /// For the generic sections (publications, talks...): their default layout.
    pub layout: Option<Layout>,
}

const fn section(name: &'static str, by_date: bool, layout: Option<Layout>) -> BuiltIn {
    BuiltIn {
        name,
        selectable: true,
        by_date,
        layout,
    }
}

pub const BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        name: "summary",
        selectable: false,
        by_date: false,
        layout: None,
    },
    section("metrics", false, None),
    section("experience", true, None),
    section("volunteer", true, None),
    section("projects", false, None),
    section("case_studies", false, None),
    section("principles", false, None),
    section("explorations", false, None),
    section("skills", false, None),
    section("education", true, None),
    section("certifications", false, None),
    section("writing", false, None),
    section("publications", true, Some(Layout::Publication)),
    section("talks", true, Some(Layout::Dated)),
    section("awards", true, Some(Layout::Dated)),
    section("interests", false, Some(Layout::Line)),
    section("references", false, Some(Layout::Text)),
    BuiltIn {
        name: "languages",
        selectable: false,
        by_date: false,
        layout: None,
    },
];

pub fn built_in(name: &str) -> Option<&'static BuiltIn> {
    BUILT_IN.iter().find(|s| s.name == name)
}

pub fn document(name: &str) -> Option<&'static DocumentKind> {
    DOCUMENTS.iter().find(|d| d.name == name)
}

/// Names a section of the author's own may not take: they are keys of every
/// document's data.
pub const RESERVED: &[&str] = &[
    "document",
    "meta",
    "design",
    "person",
    "labels",
    "sections",
    "intros",
    "profile",
    "fit",
    "kind",
    "project",
    "case_study",
    "related",
    "links",
    "custom",
    "chips",
];
