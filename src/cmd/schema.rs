//! `resume schema`: the JSON Schema of a content file, generated from the model types.

use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

use super::Reported;
use crate::model::{ContentFile, TEXT_SHORTHAND};

pub fn run() -> Result<(), Reported> {
    crate::say!(
        "{}",
        serde_json::to_string_pretty(&schema()).unwrap_or_default()
    );
    Ok(())
}

pub fn schema() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<ContentFile>().to_value();
    schema["$id"] = json!("https://resume.invalid/schema/content.json");
    // Our deserializer lets these structs be written as a plain string (their first field).
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for name in TEXT_SHORTHAND {
            if let Some(def) = defs.get_mut(*name) {
                let object = def.take();
                *def = json!({ "anyOf": [{ "type": "string" }, object] });
            }
        }
    }
    by_language(&mut schema);
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        let tag = format!(
            "^({})(-[A-Za-z0-9]{{2,8}})*$",
            crate::model::language::ISO_639_1.join("|")
        );
        defs.insert(
            "ByLanguage".into(),
            json!({
                "description": "Text by language: a language tag (`en`, `de`, `pt-BR`, `zh-Hans`) for each key; a profile prints the text of its locale, else that of the global `design.locale`.",
                "type": "object",
                "minProperties": 1,
                "propertyNames": { "pattern": tag },
                "additionalProperties": { "type": "string", "minLength": 1 }
            }),
        );
        if let Some(text) = defs
            .get_mut("Text")
            .and_then(|t| t.get_mut("anyOf"))
            .and_then(Value::as_array_mut)
        {
            let one = json!({ "anyOf": text.clone() });
            text.push(json!({
                "type": "object",
                "minProperties": 1,
                "propertyNames": { "$ref": "#/$defs/ByLanguage/propertyNames" },
                "additionalProperties": one
            }));
        }
    }
    schema
}

/// Wherever the content takes text, it also takes text by language: each schema of a
/// string (not one of a list of names) becomes the string or a `ByLanguage` mapping.
fn by_language(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let is_text = match map.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
                _ => false,
            } && !map.contains_key("enum")
                && !map.contains_key("const");
            if is_text {
                let description = map.remove("description");
                let string = Value::Object(std::mem::take(map));
                map.insert(
                    "anyOf".into(),
                    json!([string, { "$ref": "#/$defs/ByLanguage" }]),
                );
                if let Some(d) = description {
                    map.insert("description".into(), d);
                }
                return;
            }
            for (key, v) in map.iter_mut() {
                // Names of properties are not text.
                if key != "propertyNames" {
                    by_language(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(by_language),
        _ => {}
    }
}
