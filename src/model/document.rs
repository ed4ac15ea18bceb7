//! The documents `resume` builds, and the sections each can show.

pub struct DocumentKind {
    pub name: &'static str,
    /// Every section the document's template can show.
    pub sections: &'static [&'static str],
    /// The sections shown, in order, when a profile does not say.
    pub default_sections: &'static [&'static str],
}

pub const DOCUMENTS: &[DocumentKind] = &[DocumentKind {
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
}];

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
