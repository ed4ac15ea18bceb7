//! Reading a foreign document field by field, remembering which fields were used, so
//! that every field left behind is named in a warning.

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde_json::{Map, Value};

/// The warnings of one import, shared by every object read from it.
#[derive(Default)]
pub struct Warnings(RefCell<Vec<String>>);

impl Warnings {
    pub fn push(&self, text: String) {
        self.0.borrow_mut().push(text);
    }
    pub fn take(self) -> Vec<String> {
        self.0.into_inner()
    }
}

/// One object of the input, at `path` (`work[2]`).
pub struct Obj<'v, 'w> {
    pub path: String,
    map: Option<&'v Map<String, Value>>,
    used: RefCell<BTreeSet<String>>,
    warnings: &'w Warnings,
}

/// Whether a value carries nothing (null, empty text, empty list or object).
pub fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

impl<'v, 'w> Obj<'v, 'w> {
    /// `value` as an object; anything else is warned about and reads as empty.
    pub fn new(path: impl Into<String>, value: &'v Value, warnings: &'w Warnings) -> Self {
        let path = path.into();
        let map = match value {
            Value::Object(m) => Some(m),
            Value::Null => None,
            other => {
                warnings.push(format!(
                    "dropped `{path}`: expected an object, found {}",
                    kind(other)
                ));
                None
            }
        };
        Obj {
            path,
            map,
            used: RefCell::new(BTreeSet::new()),
            warnings,
        }
    }

    pub fn warn(&self, text: String) {
        self.warnings.push(text);
    }

    pub fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn get(&self, key: &str) -> Option<&'v Value> {
        self.used.borrow_mut().insert(key.to_owned());
        self.map?.get(key).filter(|v| !is_empty(v))
    }

    /// Whether the object is there and has any field.
    pub fn is_present(&self) -> bool {
        self.map.is_some_and(|m| !m.is_empty())
    }

    pub fn has(&self, key: &str) -> bool {
        self.map
            .and_then(|m| m.get(key))
            .is_some_and(|v| !is_empty(v))
    }

    /// Text without control characters (tabs and line ends stay): content may not hold
    /// them, so an import that kept them would write files `check` refuses.
    fn clean(&self, at: impl FnOnce() -> String, text: &str) -> String {
        let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
        let n = text.chars().filter(|&c| control(c)).count();
        if n == 0 {
            return text.to_owned();
        }
        self.warn(format!(
            "removed {n} control character{} from `{}`: content holds none",
            if n == 1 { "" } else { "s" },
            at()
        ));
        text.chars().filter(|&c| !control(c)).collect()
    }

    /// A text field: strings as they are, numbers and booleans as written.
    pub fn str(&self, key: &str) -> Option<String> {
        match self.get(key)? {
            Value::String(s) => Some(self.clean(|| self.at(key), s)),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                self.warn(format!(
                    "dropped `{}`: expected text, found {}",
                    self.at(key),
                    kind(other)
                ));
                None
            }
        }
    }

    /// A list of texts; a single text reads as a list of one.
    pub fn strings(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| match v {
                    Value::String(s) if !s.trim().is_empty() => {
                        Some(self.clean(|| format!("{}[{i}]", self.at(key)), s))
                    }
                    Value::Number(n) => Some(n.to_string()),
                    v if is_empty(v) => None,
                    other => {
                        self.warn(format!(
                            "dropped `{}[{i}]`: expected text, found {}",
                            self.at(key),
                            kind(other)
                        ));
                        None
                    }
                })
                .collect(),
            Some(_) => self.str(key).into_iter().collect(),
        }
    }

    /// A list of objects, each with its path.
    pub fn objects(&self, key: &str) -> Vec<Obj<'v, 'w>> {
        match self.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| Obj::new(format!("{}[{i}]", self.at(key)), v, self.warnings))
                .collect(),
            Some(other) => {
                self.warn(format!(
                    "dropped `{}`: expected a list, found {}",
                    self.at(key),
                    kind(other)
                ));
                Vec::new()
            }
        }
    }

    /// A nested object.
    pub fn object(&self, key: &str) -> Obj<'v, 'w> {
        static NULL: Value = Value::Null;
        Obj::new(self.at(key), self.get(key).unwrap_or(&NULL), self.warnings)
    }

    /// The raw value, for callers that take any shape.
    pub fn raw(&self, key: &str) -> Option<&'v Value> {
        self.get(key)
    }

    /// Leaves a known field behind, with the reason, if it holds anything.
    pub fn drop(&self, key: &str, why: &str) {
        if self.get(key).is_some() {
            self.warn(format!("dropped `{}`: {why}", self.at(key)));
        }
    }

    /// Names every field not read, with `why` (the format's own extension keys).
    pub fn finish(&self, why: &str) {
        let Some(map) = self.map else { return };
        let used = self.used.borrow();
        for (key, value) in map {
            if !used.contains(key) && !is_empty(value) {
                self.warn(format!("dropped `{}`: {why}", self.at(key)));
            }
        }
    }
}

pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
