//! The documents `resume` builds, and the sections each can show.

pub struct DocumentKind {
    pub name: &'static str,
    /// Every section the document's template can show.
    pub sections: &'static [&'static str],
    /// The sections shown, in order, when a profile does not say.
    pub default_sections: &'static [&'static str],
}

pub const DOCUMENTS: &[DocumentKind] = &[
    DocumentKind {
        name: "cv",
        sections: &[
            "summary",
            "experience",
            "projects",
            "skills",
            "education",
            "certifications",
            "writing",
            "languages",
        ],
        default_sections: &[
            "summary",
            "experience",
            "projects",
            "skills",
            "education",
            "certifications",
        ],
    },
    DocumentKind {
        name: "portfolio",
        sections: &[
            "summary",
            "metrics",
            "projects",
            "experience",
            "principles",
            "explorations",
            "case_studies",
            "writing",
            "skills",
            "education",
            "certifications",
        ],
        default_sections: &[
            "summary",
            "metrics",
            "projects",
            "experience",
            "principles",
            "explorations",
            "case_studies",
        ],
    },
    // Handouts: one per selected project, and one per selected case study of a selected project.
    DocumentKind {
        name: "case-study",
        sections: &["projects", "case_studies"],
        default_sections: &["projects", "case_studies"],
    },
];

/// The sections of content whose entries profiles select.
pub const SECTIONS: &[&str] = &[
    "experience",
    "projects",
    "case_studies",
    "metrics",
    "principles",
    "explorations",
    "skills",
    "education",
    "certifications",
    "writing",
];

pub fn document(name: &str) -> Option<&'static DocumentKind> {
    DOCUMENTS.iter().find(|d| d.name == name)
}
