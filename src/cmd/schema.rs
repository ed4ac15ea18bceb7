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
    schema
}
