//! Did-you-mean suggestions for misspelt keys, values, profile names, tags and ids.

/// Words people reach for that mean one of our keys.
const SYNONYMS: &[(&str, &str)] = &[
    ("company", "organization"),
    ("employer", "organization"),
    ("organisation", "organization"),
    ("org", "organization"),
    ("client", "organization"),
    ("position", "title"),
    ("job_title", "title"),
    ("achievements", "highlights"),
    ("contributions", "highlights"),
    ("bullets", "highlights"),
    ("technologies", "stack"),
    ("tech", "stack"),
    ("tools", "stack"),
    ("from", "start"),
    ("to", "end"),
    ("until", "end"),
    ("roles", "experience"),
    ("jobs", "experience"),
    ("work", "experience"),
    ("casestudies", "case_studies"),
];

/// Names for a message: `` `a`, `b`, `c` ``.
pub fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The closest candidate to `word`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace(['_', '-', ' '], "");
    let w = norm(word);
    if let Some((_, target)) = SYNONYMS.iter().find(|(syn, _)| norm(syn) == w)
        && let Some(found) = candidates.iter().find(|c| *c == target)
    {
        return Some(found);
    }
    candidates
        .iter()
        .filter_map(|&c| {
            let n = norm(c);
            let distance = strsim::damerau_levenshtein(&w, &n);
            let close = distance <= (w.chars().count().max(n.chars().count()) / 3).max(1);
            // `techstack` for `stack`, `data` for `data_flow`.
            let contains = n.len() >= 4 && w.len() >= 4 && (w.contains(&n) || n.contains(&w));
            // `prod-system` for `production-system`: same start, same end.
            let similar = strsim::jaro_winkler(&w, &n) >= 0.88;
            (close || contains || similar).then_some((distance, c))
        })
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn finds_typos_synonyms_and_fragments() {
        let keys = [
            "id",
            "title",
            "organization",
            "stack",
            "highlights",
            "data_flow",
            "start",
            "end",
        ];
        assert_eq!(did_you_mean("techstack", &keys), Some("stack"));
        assert_eq!(did_you_mean("titel", &keys), Some("title"));
        assert_eq!(did_you_mean("company", &keys), Some("organization"));
        assert_eq!(did_you_mean("dataflow", &keys), Some("data_flow"));
        assert_eq!(did_you_mean("data-flow", &keys), Some("data_flow"));
        assert_eq!(did_you_mean("zebra", &keys), None);
        assert_eq!(
            did_you_mean("prod-system", &["production-system", "prototype", "tool"]),
            Some("production-system")
        );
        assert_eq!(
            did_you_mean("backedn", &["backend", "fullstack"]),
            Some("backend")
        );
    }
}
