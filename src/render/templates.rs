//! The built-in templates, compiled into the binary so that `resume` works from any
//! folder. A file of the same name in the project's `templates/` folder replaces one.

/// `(file name, contents)`, as they sit in the repository's `templates/` folder.
pub const BUILTIN: &[(&str, &str)] = &[
    ("lib.typ", include_str!("../../templates/lib.typ")),
    ("cv.typ", include_str!("../../templates/cv.typ")),
    ("sidebar.typ", include_str!("../../templates/sidebar.typ")),
    (
        "portfolio.typ",
        include_str!("../../templates/portfolio.typ"),
    ),
    (
        "case-study.typ",
        include_str!("../../templates/case-study.typ"),
    ),
    ("letter.typ", include_str!("../../templates/letter.typ")),
    (
        "sample/cv.json",
        include_str!("../../templates/sample/cv.json"),
    ),
    (
        "sample/portfolio.json",
        include_str!("../../templates/sample/portfolio.json"),
    ),
    (
        "sample/case-study.json",
        include_str!("../../templates/sample/case-study.json"),
    ),
    (
        "sample/letter.json",
        include_str!("../../templates/sample/letter.json"),
    ),
];

pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}
