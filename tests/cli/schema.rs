//! `resume schema`: a valid JSON Schema that accepts every example file and rejects typos.

use serde_json::{Value, json};

use super::{Test, example_content};

fn schema() -> Value {
    let run = Test::new().args(&["schema"]).run().success();
    serde_json::from_str(&run.stdout).expect("schema is JSON")
}

pub fn yaml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

#[test]
fn schema_is_valid_and_accepts_every_example_file() {
    let schema = schema();
    jsonschema::meta::validate(&schema).expect("a valid JSON Schema");
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut files = Vec::new();
    yaml_files(&example_content(), &mut files);
    assert!(
        files.len() >= 10,
        "expected the example content, found {files:?}"
    );
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let node = resume::load::yaml::parse(&text, 0).unwrap().unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&node.to_json())
            .map(|e| e.to_string())
            .collect();
        assert!(
            errors.is_empty(),
            "{} does not match the schema: {errors:#?}",
            file.display()
        );
    }
}

#[test]
fn checked_in_schema_is_current() {
    // The content files point editors at `schema.json` with a yaml-language-server line.
    let run = Test::new().args(&["schema"]).run().success();
    super::assert_current("schema.json", &run.stdout);
}

/// Every key used in a JSON value, at any depth, except the names of map entries (profile
/// variant names and application ids), which are data, not fields.
fn keys(value: &Value, parent: &str, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if !matches!(parent, "profiles" | "variants" | "applications") {
                    out.insert(k.clone());
                }
                keys(v, k, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, parent, out)),
        _ => {}
    }
}

#[test]
fn example_content_uses_every_field_of_the_model() {
    let schema = schema();
    let mut fields: std::collections::BTreeSet<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    for def in schema["$defs"].as_object().unwrap().values() {
        for variant in def
            .get("anyOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .chain([def])
        {
            if let Some(props) = variant.get("properties").and_then(Value::as_object) {
                fields.extend(props.keys().cloned());
            }
        }
    }
    let mut used = std::collections::BTreeSet::new();
    let mut files = Vec::new();
    yaml_files(&example_content(), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        keys(
            &resume::load::yaml::parse(&text, 0)
                .unwrap()
                .unwrap()
                .to_json(),
            "",
            &mut used,
        );
    }
    let unused: Vec<&String> = fields.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "the example content never uses {unused:?}"
    );
}

#[test]
fn schema_rejects_unknown_keys_and_allows_text_shorthand() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let project = |extra: Value| {
        let mut p = json!({ "id": "x", "title": "X", "classification": "tool", "tagline": "t" });
        p.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        json!({ "projects": [p] })
    };
    assert!(validator.is_valid(&project(json!({}))));
    assert!(!validator.is_valid(&project(json!({ "techstack": ["rust"] }))));
    assert!(!validator.is_valid(&json!({ "projets": [] })));
    assert!(validator.is_valid(&project(
        json!({ "highlights": ["plain", { "text": "object", "priority": 2 }] })
    )));
    assert!(!validator.is_valid(&project(json!({ "highlights": [{ "txt": "typo" }] }))));
    // Text by language, in a text field, a bullet, a bullet's text and long text.
    assert!(validator.is_valid(&project(json!({
        "tagline": { "en": "A ledger", "de": "Ein Hauptbuch" },
        "highlights": [{ "en": "one", "pt-BR": "um" }, { "text": { "de": "zwei" } }],
        "problem": { "en": "Text", "de": ["Absatz", { "heading": "Titel" }] }
    }))));
    assert!(!validator.is_valid(&project(json!({ "tagline": { "english": "A ledger" } }))));
}
