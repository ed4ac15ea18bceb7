//! Selector expressions: `tag:rust and not kind:prototype`, `id:ledger,billing`,
//! `since:2021`, `(tag:a or tag:b) and priority:3`.
//!
//! ```text
//! expr  := and ("or" and)*
//! and   := unary ("and" unary)*
//! unary := "not" unary | "(" expr ")" | term
//! term  := KEY ":" VALUE ("," VALUE)*  |  "untagged"  |  "all"
//! KEY   := tag | id | kind | since | until | priority
//! ```
//!
//! `tag:a,b` matches an entry with tag `a` or `b`; `id` and `kind` likewise; `since:2021`
//! matches what ends in 2021 or later (or is still going on, or has no date); `until:2019`
//! what starts in 2019 or earlier; `priority:3` what has priority 3 or more; `untagged`
//! what has no tags; `all` everything. Words are separated by spaces; `and`, `or` and `not`
//! are lowercase.

use std::fmt;
use std::ops::Range;

use crate::model::Date;

/// A parsed expression, with the byte range of every term in the source text.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Not(Box<Expr>),
    Term(Term),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub key: Key,
    pub values: Vec<Value>,
    /// Where the term is in the expression text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub text: String,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Tag,
    Id,
    Kind,
    Since,
    Until,
    Priority,
    Untagged,
    All,
}

const KEYS: &[&str] = &["tag", "id", "kind", "since", "until", "priority"];

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::Tag => "tag",
            Key::Id => "id",
            Key::Kind => "kind",
            Key::Since => "since",
            Key::Until => "until",
            Key::Priority => "priority",
            Key::Untagged => "untagged",
            Key::All => "all",
        }
    }
}

/// A syntax error at a byte range of the expression.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub message: String,
    pub range: Range<usize>,
    pub hint: Option<String>,
}

fn last_month(d: &Date) -> i64 {
    if d.month.is_none() {
        d.month_index() + 11
    } else {
        d.month_index()
    }
}

/// What an expression is evaluated against.
pub trait Subject {
    fn tags(&self) -> Vec<&str>;
    fn id(&self) -> Option<&str>;
    fn kind(&self) -> Option<String>;
    /// Start and end. An end of `None` is still going on (or undated: both `None`); an
    /// item with one date gives it as both.
    fn dates(&self) -> (Option<Date>, Option<Date>);
    fn priority(&self) -> i32;
}

impl Expr {
    pub fn parse(text: &str) -> Result<Expr, ParseError> {
        let tokens = tokenize(text);
        let mut parser = Parser {
            tokens: &tokens,
            pos: 0,
            end: text.len(),
            depth: 0,
        };
        if tokens.is_empty() {
            return Err(ParseError {
                message: "the expression is empty".into(),
                range: 0..0,
                hint: Some("write a term such as `tag:backend`, or `all`".into()),
            });
        }
        let expr = parser.or()?;
        match parser.peek() {
            None => Ok(expr),
            Some(t) if t.text == ")" => {
                Err(parser.error(t.range.clone(), "this `)` closes nothing"))
            }
            Some(t) => Err(ParseError {
                message: format!("expected `and` or `or` before `{}`", t.text),
                range: t.range.clone(),
                hint: Some("join terms with `and` or `or`: `tag:a and tag:b`".into()),
            }),
        }
    }

    pub fn matches(&self, s: &dyn Subject) -> bool {
        match self {
            Expr::Or(items) => items.iter().any(|e| e.matches(s)),
            Expr::And(items) => items.iter().all(|e| e.matches(s)),
            Expr::Not(inner) => !inner.matches(s),
            Expr::Term(term) => term.matches(s),
        }
    }

    /// Why the expression matches `s`, naming the terms that made it true; `None` if it
    /// does not match.
    pub fn why(&self, s: &dyn Subject) -> Option<String> {
        match self {
            Expr::Or(items) => items.iter().find_map(|e| e.why(s)),
            Expr::And(items) => {
                let parts: Option<Vec<String>> = items.iter().map(|e| e.why(s)).collect();
                parts.map(|p| p.join(" and "))
            }
            Expr::Not(_) => self.matches(s).then(|| self.to_string()),
            Expr::Term(term) => term.matches(s).then(|| term.why(s)),
        }
    }

    /// Every term, for validation.
    pub fn terms(&self) -> Vec<&Term> {
        match self {
            Expr::Or(items) | Expr::And(items) => items.iter().flat_map(Expr::terms).collect(),
            Expr::Not(inner) => inner.terms(),
            Expr::Term(term) => vec![term],
        }
    }
}

impl Term {
    fn matches(&self, s: &dyn Subject) -> bool {
        let any =
            |have: Option<&str>| have.is_some_and(|h| self.values.iter().any(|v| v.text == h));
        match self.key {
            Key::All => true,
            Key::Untagged => s.tags().is_empty(),
            Key::Tag => s.tags().into_iter().any(|t| any(Some(t))),
            Key::Id => any(s.id()),
            // Kinds are open labels: both sides are compared in their normalised form
            // (`kind:mvp` matches `MVP`; `kind:mvp-saas-foundation` matches
            // `MVP / SaaS foundation`).
            Key::Kind => s.kind().is_some_and(|have| {
                self.values
                    .iter()
                    .any(|v| super::normalise(&v.text) == have)
            }),
            Key::Priority => self.number().is_some_and(|n| s.priority() >= n),
            // A period counts from its first month to its last: `until:2019` is through Dec 2019.
            Key::Since => match (self.date(), s.dates().1) {
                (Some(since), Some(end)) => last_month(&end) >= since.month_index(),
                (Some(_), None) => true,
                _ => false,
            },
            Key::Until => match (self.date(), s.dates().0) {
                (Some(until), Some(start)) => start.month_index() <= last_month(&until),
                (Some(_), None) => true,
                _ => false,
            },
        }
    }

    /// What about `s` this (matching) term saw: `tag `payments``, `since:2021`.
    fn why(&self, s: &dyn Subject) -> String {
        let hit = |have: Vec<String>| {
            let found = self.values.iter().find(|v| have.contains(&v.text));
            found.map_or_else(
                || self.key.name().to_owned(),
                |v| format!("{} `{}`", self.key.name(), v.text),
            )
        };
        match self.key {
            Key::Tag => hit(s.tags().into_iter().map(str::to_owned).collect()),
            Key::Id => hit(s.id().map(str::to_owned).into_iter().collect()),
            Key::Kind => {
                let have = s.kind().unwrap_or_default();
                let found = self
                    .values
                    .iter()
                    .find(|v| super::normalise(&v.text) == have);
                found.map_or_else(|| "kind".to_owned(), |v| format!("kind `{}`", v.text))
            }
            Key::Untagged => "untagged".to_owned(),
            Key::All => "all".to_owned(),
            _ => Expr::Term(self.clone()).to_string(),
        }
    }

    pub fn date(&self) -> Option<Date> {
        self.values.first().and_then(|v| Date::parse(&v.text).ok())
    }

    pub fn number(&self) -> Option<i32> {
        self.values.first().and_then(|v| v.text.parse().ok())
    }

    pub fn key_name(&self) -> &'static str {
        self.key.name()
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let join = |f: &mut fmt::Formatter, items: &[Expr], sep: &str| {
            for (i, e) in items.iter().enumerate() {
                if i > 0 {
                    write!(f, " {sep} ")?;
                }
                match e {
                    Expr::Or(_) | Expr::And(_) => write!(f, "({e})")?,
                    _ => write!(f, "{e}")?,
                }
            }
            Ok(())
        };
        match self {
            Expr::Or(items) => join(f, items, "or"),
            Expr::And(items) => join(f, items, "and"),
            Expr::Not(inner) => match **inner {
                Expr::Term(_) | Expr::Not(_) => write!(f, "not {inner}"),
                _ => write!(f, "not ({inner})"),
            },
            Expr::Term(t) if t.values.is_empty() => f.write_str(t.key.name()),
            Expr::Term(t) => {
                let values: Vec<&str> = t.values.iter().map(|v| v.text.as_str()).collect();
                write!(f, "{}:{}", t.key.name(), values.join(","))
            }
        }
    }
}

struct Token<'a> {
    text: &'a str,
    range: Range<usize>,
}

/// Words, and parentheses as words of their own.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let boundary = c.is_whitespace() || c == '(' || c == ')';
        if boundary {
            if let Some(s) = start.take() {
                tokens.push(Token {
                    text: &text[s..i],
                    range: s..i,
                });
            }
            if c != ' ' && !c.is_whitespace() {
                tokens.push(Token {
                    text: &text[i..i + 1],
                    range: i..i + 1,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        tokens.push(Token {
            text: &text[s..],
            range: s..text.len(),
        });
    }
    tokens
}

/// How deep `not` and parentheses may nest. The parser recurses, so without a bound a
/// long `((((...` would overflow the stack, which aborts instead of reporting.
const MAX_DEPTH: usize = 32;

struct Parser<'a> {
    tokens: &'a [Token<'a>],
    pos: usize,
    end: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&'a Token<'a>> {
        self.tokens.get(self.pos)
    }

    fn error(&self, range: Range<usize>, message: impl Into<String>) -> ParseError {
        ParseError {
            message: message.into(),
            range,
            hint: None,
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.peek().is_some_and(|t| t.text == word) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut items = vec![self.and()?];
        while self.eat("or") {
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::Or(items)
        })
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut items = vec![self.unary()?];
        while self.eat("and") {
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::And(items)
        })
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        let Some(token) = self.peek() else {
            return Err(ParseError {
                message: "the expression ends where a term was expected".into(),
                range: self.end..self.end,
                hint: Some("finish it with a term such as `tag:backend`".into()),
            });
        };
        self.pos += 1;
        if matches!(token.text, "not" | "(") {
            if self.depth >= MAX_DEPTH {
                return Err(ParseError {
                    message: format!("the expression nests more than {MAX_DEPTH} levels deep"),
                    range: token.range.clone(),
                    hint: Some("write it flatter: `not not x` is `x`".into()),
                });
            }
            self.depth += 1;
        }
        let result = self.nested(token);
        if matches!(token.text, "not" | "(") {
            self.depth -= 1;
        }
        result
    }

    /// The rest of `unary` after its first token.
    fn nested(&mut self, token: &'a Token<'a>) -> Result<Expr, ParseError> {
        match token.text {
            "not" => Ok(Expr::Not(Box::new(self.unary()?))),
            "(" => {
                let inner = self.or()?;
                if self.eat(")") {
                    Ok(inner)
                } else {
                    Err(ParseError {
                        message: "this `(` is never closed".into(),
                        range: token.range.clone(),
                        hint: Some("add a `)`".into()),
                    })
                }
            }
            "and" | "or" | ")" => Err(ParseError {
                message: format!("expected a term, found `{}`", token.text),
                range: token.range.clone(),
                hint: Some("a term looks like `tag:backend`, `id:ledger` or `since:2021`".into()),
            }),
            word => term(word, token.range.start).map(Expr::Term),
        }
    }
}

fn term(word: &str, at: usize) -> Result<Term, ParseError> {
    let range = at..at + word.len();
    let Some((key, values)) = word.split_once(':') else {
        return match word {
            "untagged" => Ok(Term { key: Key::Untagged, values: Vec::new(), range }),
            "all" | "*" => Ok(Term { key: Key::All, values: Vec::new(), range }),
            _ => Err(ParseError {
                message: format!("`{word}` is not a term"),
                hint: Some(match crate::suggest::did_you_mean(word, &["untagged", "all", "and", "or", "not"]) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "a term is `key:value`, with key one of `tag`, `id`, `kind`, `since`, `until`, `priority`; or `untagged`, `all`".into(),
                }),
                range,
            }),
        };
    };
    let key = match key {
        "tag" | "tags" => Key::Tag,
        "id" => Key::Id,
        "kind" | "classification" => Key::Kind,
        "since" => Key::Since,
        "until" => Key::Until,
        "priority" => Key::Priority,
        other => {
            return Err(ParseError {
                message: format!("unknown selector key `{other}`"),
                hint: Some(match crate::suggest::did_you_mean(other, KEYS) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("keys: {}", crate::suggest::quoted(KEYS)),
                }),
                range: at..at + other.len(),
            });
        }
    };
    let mut out = Vec::new();
    let mut offset = at + word.len() - values.len();
    for value in values.split(',') {
        let vrange = offset..offset + value.len();
        if value.is_empty() {
            return Err(ParseError {
                message: format!("`{}:` needs a value here", key.name()),
                // The `,` after it, or nothing at the end of the text.
                range: vrange.start..(vrange.start + 1).min(at + word.len()),
                hint: Some(format!("for example `{}:{}`", key.name(), example(key))),
            });
        }
        let bad = match key {
            Key::Since | Key::Until => Date::parse(value).err(),
            Key::Priority => value
                .parse::<i32>()
                .err()
                .map(|_| format!("`{value}` is not a whole number")),
            _ => None,
        };
        if let Some(message) = bad {
            return Err(ParseError {
                message,
                range: vrange,
                hint: Some(format!("for example `{}:{}`", key.name(), example(key))),
            });
        }
        out.push(Value {
            text: value.to_owned(),
            range: vrange,
        });
        offset += value.len() + 1;
    }
    if matches!(key, Key::Since | Key::Until | Key::Priority) && out.len() > 1 {
        return Err(ParseError {
            message: format!("`{}` takes one value", key.name()),
            range: out[1].range.clone(),
            hint: None,
        });
    }
    Ok(Term {
        key,
        values: out,
        range,
    })
}

fn example(key: Key) -> &'static str {
    match key {
        Key::Tag => "backend",
        Key::Id => "ledger",
        Key::Kind => "production-system",
        Key::Since => "2021",
        Key::Until => "2019-06",
        Key::Priority => "3",
        Key::Untagged | Key::All => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Item {
        tags: Vec<&'static str>,
        id: &'static str,
        kind: &'static str,
        start: Option<Date>,
        end: Option<Date>,
        priority: i32,
    }

    impl Subject for Item {
        fn tags(&self) -> Vec<&str> {
            self.tags.clone()
        }
        fn id(&self) -> Option<&str> {
            Some(self.id)
        }
        fn kind(&self) -> Option<String> {
            Some(self.kind.to_owned())
        }
        fn dates(&self) -> (Option<Date>, Option<Date>) {
            (self.start, self.end)
        }
        fn priority(&self) -> i32 {
            self.priority
        }
    }

    fn date(s: &str) -> Option<Date> {
        Some(Date::parse(s).unwrap())
    }

    fn item() -> Item {
        Item {
            tags: vec!["rust", "backend"],
            id: "ledger",
            kind: "tool",
            start: date("2019-03"),
            end: date("2021-06"),
            priority: 3,
        }
    }

    fn eval(e: &str) -> bool {
        Expr::parse(e)
            .unwrap_or_else(|err| panic!("{e}: {err:?}"))
            .matches(&item())
    }

    #[test]
    fn evaluates_terms_and_operators() {
        assert!(eval("tag:rust"));
        assert!(eval("tag:go,rust"));
        assert!(!eval("tag:go"));
        assert!(eval("tag:rust and not kind:prototype"));
        assert!(!eval("tag:rust and kind:prototype"));
        assert!(eval("id:billing,ledger"));
        assert!(eval("(tag:go or tag:rust) and priority:3"));
        assert!(!eval("priority:4"));
        assert!(
            eval("since:2021")
                && eval("since:2021-06")
                && !eval("since:2021-07")
                && !eval("since:2022")
        );
        assert!(
            eval("until:2019")
                && eval("until:2019-03")
                && !eval("until:2019-02")
                && !eval("until:2018")
        );
        assert!(!eval("untagged") && eval("all") && eval("not untagged"));
        assert!(eval("tag:go or tag:rust and kind:tool"));
        assert!(!eval("not not tag:go"));
    }

    #[test]
    fn ongoing_and_undated_entries_pass_since() {
        let mut ongoing = item();
        ongoing.end = None;
        assert!(Expr::parse("since:2030").unwrap().matches(&ongoing));
    }

    #[test]
    fn explains_what_matched() {
        let why = |e: &str| Expr::parse(e).unwrap().why(&item());
        assert_eq!(why("untagged or tag:go,rust"), Some("tag `rust`".into()));
        assert_eq!(
            why("tag:rust and since:2020 and not kind:mvp"),
            Some("tag `rust` and since:2020 and not kind:mvp".into())
        );
        assert_eq!(why("id:x,ledger"), Some("id `ledger`".into()));
        assert_eq!(why("tag:go"), None);
    }

    #[test]
    fn prints_back_canonically() {
        let e = Expr::parse("tag:a  and (not kind:x or id:b,c)").unwrap();
        assert_eq!(e.to_string(), "tag:a and (not kind:x or id:b,c)");
    }

    fn err(e: &str) -> (String, Range<usize>) {
        let err = Expr::parse(e).unwrap_err();
        (err.message, err.range)
    }

    #[test]
    fn syntax_errors_point_at_the_column() {
        assert_eq!(
            err("tag:a and"),
            ("the expression ends where a term was expected".into(), 9..9)
        );
        assert_eq!(
            err("tag:a tag:b"),
            ("expected `and` or `or` before `tag:b`".into(), 6..11)
        );
        assert_eq!(err("tga:a"), ("unknown selector key `tga`".into(), 0..3));
        assert_eq!(
            err("tag:a and (id:b"),
            ("this `(` is never closed".into(), 10..11)
        );
        assert_eq!(err("tag:a)"), ("this `)` closes nothing".into(), 5..6));
        assert_eq!(
            err("since:21"),
            (
                "`21` is not a date: expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`".into(),
                6..8
            )
        );
        assert_eq!(err("tag:a,,b"), ("`tag:` needs a value here".into(), 6..7));
        // Found by the property test: the range ran one past the end of the text.
        assert_eq!(err("tag:"), ("`tag:` needs a value here".into(), 4..4));
        assert_eq!(
            err("priority:high"),
            ("`high` is not a whole number".into(), 9..13)
        );
        assert_eq!(err("backend"), ("`backend` is not a term".into(), 0..7));
        assert_eq!(err(""), ("the expression is empty".into(), 0..0));
        assert_eq!(
            err("or tag:a"),
            ("expected a term, found `or`".into(), 0..2)
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        // Before the bound, 100,000 parentheses overflowed the stack and aborted.
        let deep = "(".repeat(100_000) + "tag:a" + &")".repeat(100_000);
        assert_eq!(
            err(&deep),
            (
                "the expression nests more than 32 levels deep".into(),
                32..33
            )
        );
        let nots = "not ".repeat(100_000) + "tag:a";
        assert_eq!(err(&nots).1, 128..131);
        let fine = "(".repeat(32) + "tag:a" + &")".repeat(32);
        assert!(Expr::parse(&fine).is_ok());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// An error's range lies within the text, on character boundaries.
        fn assert_placed(text: &str, result: &Result<Expr, ParseError>) {
            if let Err(e) = result {
                let r = &e.range;
                assert!(
                    r.start <= r.end && r.end <= text.len(),
                    "{r:?} outside {text:?}"
                );
                assert!(
                    text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                    "{r:?} splits a character of {text:?}"
                );
            }
        }

        const WORDS: &[&str] = &[
            "tag:a",
            "id:x,y",
            "kind:tool",
            "since:2021",
            "until:21",
            "priority:3",
            "priority:x",
            "not",
            "and",
            "or",
            "(",
            ")",
            "untagged",
            "all",
            "*",
            "tag:",
            "tag:a,,b",
            ",",
            ":",
            "ü:é",
            "tag:漢字",
            "since:2021-02-30",
            "\t",
            "\u{3000}",
        ];

        fn valid() -> impl Strategy<Value = String> {
            let term = prop_oneof![
                "(tag|id|kind):[a-z0-9-]{1,6}(,[a-z0-9-]{1,6}){0,2}",
                "(since|until):20[0-9]{2}(-0[1-9])?",
                "priority:[0-9]",
                Just("untagged".to_owned()),
                Just("all".to_owned()),
            ];
            term.prop_recursive(4, 24, 4, |inner| {
                prop_oneof![
                    inner.clone().prop_map(|e| format!("not {e}")),
                    inner.clone().prop_map(|e| format!("({e})")),
                    (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} and {b}")),
                    (inner.clone(), inner).prop_map(|(a, b)| format!("{a} or {b}")),
                ]
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

            #[test]
            fn any_text_parses_or_fails_at_a_place_inside_it(text in "\\PC*") {
                assert_placed(&text, &Expr::parse(&text));
            }

            #[test]
            fn any_words_parse_or_fail_at_a_place_inside_them(
                words in proptest::collection::vec(proptest::sample::select(WORDS), 0..12),
                sep in "[ \t]{0,2}",
            ) {
                let text = words.join(&sep);
                let result = Expr::parse(&text);
                assert_placed(&text, &result);
                if let Ok(e) = result {
                    // What parses prints back to text that parses to the same.
                    let again = Expr::parse(&e.to_string()).unwrap();
                    assert_eq!(again.to_string(), e.to_string());
                }
            }

            #[test]
            fn valid_expressions_parse_and_print_back(text in valid()) {
                let e = Expr::parse(&text).unwrap_or_else(|err| panic!("{text}: {err:?}"));
                let again = Expr::parse(&e.to_string()).unwrap();
                assert_eq!(again.to_string(), e.to_string());
            }
        }
    }
}
