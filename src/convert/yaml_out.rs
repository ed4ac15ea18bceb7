//! Content files as YAML text, written the way a person would write them.
//!
//! No maintained Rust crate writes YAML in the shape we want with quoting we can vouch
//! for (`serde_yaml` is deprecated; `saphyr`'s emitter needs its own tree and quotes by
//! YAML 1.1 rules we would still have to test), so this is a small emitter of our own.
//! The model is serialised with `serde_json` (which keeps the struct field order: `id`
//! and `title` first, as the model declares them) and that JSON text — which is YAML
//! too — is read back by our own YAML reader into an ordered tree, which is printed in
//! block style. A string is written plain only when no YAML reader could take it for
//! anything else (a number, a boolean, null, a comment, a key, a list item, an alias...);
//! otherwise it is double-quoted with escapes, or written as a literal block (`|-`) when
//! it has several lines. Tests load the output back through our loader.

use std::fmt::Write as _;

use serde::Serialize;

use crate::load::yaml::{self, Kind, Node};

/// Longest line a short list of plain words is kept on (`stack: [Rust, Go]`), and the
/// longest item such a list may have (longer items are sentences: one per line).
const FLOW_WIDTH: usize = 80;
const FLOW_ITEM: usize = 40;

/// `value` (a content file, or any part of one) as YAML, after a first line pointing
/// editors at the JSON Schema (`../schema.json` from a file at the content folder's
/// top, one more `../` per level below it).
pub fn to_yaml<T: Serialize>(value: &T, schema: &str) -> Result<String, String> {
    let json = serde_json::to_string(value).map_err(|e| e.to_string())?;
    let mut node = yaml::parse(&json, 0)
        .map_err(|d| d.message)?
        .ok_or_else(|| "nothing to write".to_owned())?;
    shorten(&mut node);
    let mut out = format!("# yaml-language-server: $schema={schema}\n");
    match &node.kind {
        Kind::Map(entries) => map_body(&mut out, entries, 0),
        _ => {
            out.push_str(&scalar_or_inline(&node).unwrap_or_default());
            out.push('\n');
        }
    }
    Ok(out)
}

/// Leaves out what a person would: `priority: 0` (the default), empty mappings, and a
/// bullet or
/// decision that is only its text is written as that text (`- Cut p99 by 40%`; see
/// `model::TEXT_SHORTHAND`: only those structs have `text` as their one required field).
fn shorten(node: &mut Node) {
    match &mut node.kind {
        Kind::Map(entries) => {
            entries.retain(|(k, v)| {
                let zero_priority = matches!(&k.kind, Kind::Scalar { text, .. } if text == "priority")
                    && matches!(&v.kind, Kind::Scalar { text, plain: true } if text == "0");
                // `contact: {}`: every mapping in the model may be left out.
                let empty_map = matches!(&v.kind, Kind::Map(m) if m.is_empty());
                !zero_priority && !empty_map
            });
            for (_, v) in entries.iter_mut() {
                shorten(v);
            }
            if let [(key, value)] = entries.as_slice()
                && matches!(&key.kind, Kind::Scalar { text, .. } if text == "text")
                && matches!(value.kind, Kind::Scalar { .. })
            {
                *node = value.clone();
            }
        }
        Kind::Seq(items) => items.iter_mut().for_each(shorten),
        Kind::Scalar { .. } => {}
    }
}

fn indent(out: &mut String, level: usize) {
    out.extend(std::iter::repeat_n(' ', level));
}

/// The entries of a mapping, each on its own line at `level`.
fn map_body(out: &mut String, entries: &[(Node, Node)], level: usize) {
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 {
            indent(out, level);
        }
        out.push_str(&key_text(key));
        out.push(':');
        value_after_key(out, value, level);
    }
}

/// What follows `key:`: an inline value, a block scalar, or a nested block.
fn value_after_key(out: &mut String, value: &Node, level: usize) {
    if let Some(inline) = scalar_or_inline(value) {
        out.push(' ');
        out.push_str(&inline);
        out.push('\n');
        return;
    }
    match &value.kind {
        Kind::Scalar { text, .. } => {
            let _ = write!(out, " {}", literal_header(text));
            out.push('\n');
            literal_lines(out, text, level + 2);
        }
        Kind::Map(entries) => {
            out.push('\n');
            indent(out, level + 2);
            map_body(out, entries, level + 2);
        }
        Kind::Seq(items) => {
            out.push('\n');
            seq_body(out, items, level + 2);
        }
    }
}

fn seq_body(out: &mut String, items: &[Node], level: usize) {
    for item in items {
        indent(out, level);
        out.push_str("- ");
        match &item.kind {
            Kind::Map(entries) if !entries.is_empty() => map_body(out, entries, level + 2),
            Kind::Seq(inner) if !inner.is_empty() && scalar_or_inline(item).is_none() => {
                out.push('\n');
                seq_body(out, inner, level + 2);
            }
            Kind::Scalar { text, .. } if scalar_or_inline(item).is_none() => {
                out.push_str(literal_header(text));
                out.push('\n');
                literal_lines(out, text, level + 2);
            }
            _ => {
                out.push_str(&scalar_or_inline(item).unwrap_or_default());
                out.push('\n');
            }
        }
    }
}

/// A value that fits on the line of its key: a scalar (other than one written as a
/// literal block), an empty collection, or a short list of plain words.
fn scalar_or_inline(node: &Node) -> Option<String> {
    match &node.kind {
        Kind::Scalar { text, plain: true } => Some(text.clone()),
        Kind::Scalar { text, plain: false } => {
            (!use_literal(text)).then(|| quote_if_needed(text, false))
        }
        Kind::Map(entries) if entries.is_empty() => Some("{}".to_owned()),
        Kind::Seq(items) if items.is_empty() => Some("[]".to_owned()),
        Kind::Seq(items) => {
            let mut words = Vec::new();
            for item in items {
                match &item.kind {
                    Kind::Scalar { text, plain }
                        if (*plain || plain_ok(text, true))
                            && text.chars().count() <= FLOW_ITEM =>
                    {
                        words.push(text.as_str())
                    }
                    _ => return None,
                }
            }
            let line = format!("[{}]", words.join(", "));
            (line.len() <= FLOW_WIDTH).then_some(line)
        }
        Kind::Map(_) => None,
    }
}

fn key_text(key: &Node) -> String {
    match &key.kind {
        Kind::Scalar { text, .. } => quote_if_needed(text, false),
        _ => "\"\"".to_owned(),
    }
}

/// Text with line breaks is easier to read and edit as a literal block, when every
/// character survives one unchanged.
fn use_literal(text: &str) -> bool {
    text.contains('\n')
        && text.trim() != ""
        && !text.starts_with([' ', '\t', '\n'])
        && text.chars().all(|c| c == '\n' || !needs_escape(c))
        && !text.contains('\t')
        && text.lines().all(|l| !l.ends_with(' '))
}

/// `|-` (no final line break), `|` (one), `|+` (more).
fn literal_header(text: &str) -> &'static str {
    let trailing = text.len() - text.trim_end_matches('\n').len();
    match trailing {
        0 => "|-",
        1 => "|",
        _ => "|+",
    }
}

fn literal_lines(out: &mut String, text: &str, level: usize) {
    for line in text.trim_end_matches('\n').split('\n') {
        if !line.is_empty() {
            indent(out, level);
            out.push_str(line);
        }
        out.push('\n');
    }
    // Keep (`|+`) needs the extra final breaks written out as empty lines.
    let trailing = text.len() - text.trim_end_matches('\n').len();
    for _ in 1..trailing {
        out.push('\n');
    }
}

/// The text, plain if that reads back as the same string, else double-quoted.
pub fn quote_if_needed(text: &str, in_flow: bool) -> String {
    if plain_ok(text, in_flow) {
        text.to_owned()
    } else {
        double_quoted(text)
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Whether `text` written plain reads back, in every YAML reader (1.1 or 1.2), as this
/// same string: not a number, boolean or null, nothing YAML would take as syntax.
fn plain_ok(text: &str, in_flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if first.is_whitespace() || text.ends_with(char::is_whitespace) || text.ends_with(':') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if text.chars().any(|c| needs_escape(c) || c == '\t') {
        return false;
    }
    if text.contains(": ") || text.contains(" #") {
        return false;
    }
    if in_flow && text.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    const WORDS: &[&str] = &[
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf",
        ".nan",
    ];
    if WORDS.contains(&lower.as_str()) {
        return false;
    }
    !looks_numeric(text) && !text.starts_with("---") && !text.starts_with("...")
}

/// Integers, floats, hex/octal/binary, sexagesimal and YAML 1.1 underscores: anything a
/// reader might turn into a number. `2021-03` and `1.10.2` are text.
fn looks_numeric(text: &str) -> bool {
    let t = text.strip_prefix(['+', '-']).unwrap_or(text);
    if t.is_empty() {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("0x")
        .or_else(|| lower.strip_prefix("0o"))
        .or_else(|| lower.strip_prefix("0b"))
    {
        return rest.chars().all(|c| c.is_ascii_hexdigit() || c == '_');
    }
    let cleaned: String = t.chars().filter(|&c| c != '_').collect();
    if cleaned.parse::<f64>().is_ok() {
        return true;
    }
    // 1:30 (YAML 1.1 base 60)
    t.contains(':')
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ContentFile, Person, SkillGroup};

    /// Strings that break naive YAML writers.
    pub const AWKWARD: &[&str] = &[
        "no",
        "No",
        "yes",
        "on",
        "off",
        "true",
        "null",
        "~",
        "1.10",
        "10",
        "1e3",
        "0x1F",
        "-1",
        ".5",
        "1_000",
        "1:30",
        "#x",
        "a #b",
        "a#b",
        "a: b",
        "key:",
        "- x",
        "-x",
        "? q",
        " leading",
        "trailing ",
        "line one\nline two",
        "para\n\npara",
        "ends with break\n",
        "two breaks\n\n",
        "\nstarts with break",
        "  indented\nblock",
        "C#",
        "F# and C++",
        "say \"hi\"",
        "it's",
        "back\\slash",
        "C:\\path",
        "tab\there",
        "*italic*",
        "**bold**",
        "_it_",
        "`code`",
        "[text](https://example.com)",
        "&anchor",
        "!tag",
        "%pct",
        "@handle",
        "|pipe",
        ">fold",
        "{braces}",
        "[brackets]",
        "a, b",
        "---",
        "...",
        "é—ü 😀",
        "bell\u{7}",
        "nbsp\u{a0}end",
        "ctl\u{85}",
        "line\u{2028}sep",
        "trailing\nspace \nline",
        "$5M",
        "<tag>",
        "#read(\"x\")",
        "2021-03",
        "2021",
        "1.10.2",
    ];

    fn load_back(files: &[(&str, String)]) -> crate::model::Content {
        let dir = tempfile::tempdir().expect("tempdir");
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, text).expect("write");
        }
        let loaded = crate::load::load(dir.path()).expect("load");
        let errors: Vec<_> = loaded.diags.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{errors:?}\n{}", files[0].1);
        loaded.content.expect("content")
    }

    #[test]
    fn awkward_strings_load_back_unchanged() {
        let mut file = ContentFile {
            person: Some(crate::model::Spanned::new(
                Person {
                    name: "Test".into(),
                    pronouns: None,
                    headline: "x".into(),
                    location: None,
                    contact: Default::default(),
                    summary: None,
                    availability: None,
                    photo: None,
                    languages: Vec::new(),
                    variants: Default::default(),
                },
                Default::default(),
            )),
            ..Default::default()
        };
        // Content may hold no control characters (they are an error when loaded): those
        // strings are written (escaped) but not loaded back.
        let loadable: Vec<&str> = AWKWARD
            .iter()
            .copied()
            .filter(|s| !s.chars().any(crate::load::yaml::forbidden_control))
            .collect();
        for (i, s) in loadable.iter().enumerate() {
            // As a mapping value, as a list item in block style, and inside a flow list.
            file.skills.push(SkillGroup {
                id: None,
                group: (*s).to_owned(),
                items: vec![(*s).to_owned(), format!("item {i}")],
                ..SkillGroup::default()
            });
        }
        let text = to_yaml(&file, "../schema.json").expect("yaml");
        assert!(text.starts_with("# yaml-language-server: $schema=../schema.json\n"));
        let content = load_back(&[("a.yaml", text.clone())]);
        for (group, s) in content.skills.iter().zip(&loadable) {
            assert_eq!(group.group, *s, "in\n{text}");
            assert_eq!(group.items[0], *s, "in\n{text}");
        }
        assert_eq!(content.skills.len(), loadable.len());
        // Multi-line text is a literal block, not an escaped line.
        assert!(
            text.contains("group: |-\n      line one\n      line two\n"),
            "{text}"
        );
        assert!(text.contains("group: \"no\"\n"), "{text}");
        assert!(text.contains("group: \"1.10\"\n"), "{text}");
        assert!(text.contains("group: C#\n"), "{text}");
        assert!(text.contains("group: \"#x\"\n"), "{text}");
        assert!(text.contains("items: [a#b, item 18]"), "{text}");
    }

    #[test]
    fn plain_words_stay_plain() {
        for s in [
            "Rust",
            "PostgreSQL 16",
            "2021-03",
            "C#",
            "a#b",
            "https://example.com/a?b=c",
        ] {
            assert_eq!(quote_if_needed(s, false), s);
        }
        for s in ["no", "1.10", "#x", "a: b", "- x", " x", "", "x "] {
            assert!(quote_if_needed(s, false).starts_with('"'), "{s}");
        }
    }
}
