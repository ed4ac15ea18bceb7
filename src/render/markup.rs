//! Inline markup in prose: `**bold**`, `*italic*` or `_italic_`, `` `code` `` and
//! `[text](https://url)`, and nothing else. Everything else is text, printed as typed.
//!
//! Why by hand: a Markdown library (pulldown-cmark, comrak) would also read headings
//! (`# x`), lists (`- x`, `+ x`, `1. x`), HTML (`<tag>`), entities (`&amp;`) and
//! backslash escapes (`\n`), all of which must stay literal in a CV line. Our grammar is
//! four constructs; what does not match one of them exactly is text, never an error.
//!
//! The result is flat [`Run`]s, which templates print as data (bold, italic, raw, link):
//! content is never evaluated as Typst.
//!
//! The rules, CommonMark-like but stricter inside words:
//! - an opener is followed by a non-space, a closer preceded by one;
//! - `*`, `**` and `_` do not open after a letter or digit, nor close before one, so
//!   `2*3*4`, `O(n*m*k)` and `snake_case` stay as typed;
//! - `_..._` whose inner text holds another `_` stays literal (`_snake_case_`), and runs
//!   of two or more `_` (`__init__`), or three or more `*`, are text;
//! - a code span is a run of backticks up to the next run of the same length; inside it
//!   everything is verbatim, but for one space stripped from each end when both ends
//!   have one (so that a span in double backticks can start or end with a backtick);
//! - a link's URL is `http://`, `https://` or `mailto:`, without spaces or parentheses;
//!   any other `[...](...)` is text. Link text may hold emphasis and code, not links;
//! - emphasis nests (italic in bold, both in link text); pairs never cross: the nearest
//!   opener wins and openers between a pair are text;
//! - no backslash escapes: a backslash is a backslash (put literal `**` in a code span).
//!
//! Every construct scans forward at most to its closer, so parsing is linear in practice
//! whatever the input.

use std::collections::{HashMap, VecDeque};

use serde::Serialize;
use serde_json::Value;

/// A stretch of text with one style. Flags and `link` appear in JSON only when set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Run {
    pub text: String,
    #[serde(skip_serializing_if = "is_false")]
    pub strong: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub emph: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub code: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl Run {
    fn same_style(&self, other: &Run) -> bool {
        (self.strong, self.emph, self.code, &self.link)
            == (other.strong, other.emph, other.code, &other.link)
    }
}

/// The runs of one piece of prose.
pub fn parse(text: &str) -> Vec<Run> {
    parse_in(text, true)
}

/// The runs as a template receives them: a JSON array of `{text, strong?, emph?, code?,
/// link?}`.
pub fn rich(text: &str) -> Value {
    serde_json::to_value(parse(text)).unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Star,
    Strong,
    Under,
}

impl Kind {
    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug)]
struct Delim {
    kind: Kind,
    /// Byte offset of the delimiter in the text being parsed.
    at: usize,
    open: bool,
    close: bool,
}

#[derive(Debug)]
enum Token<'a> {
    Text(&'a str),
    Code(&'a str),
    Link(Vec<Run>, &'a str),
    Delim(Delim),
}

const LINK_SCHEMES: &[&str] = &["https://", "http://", "mailto:"];

fn parse_in(s: &str, links: bool) -> Vec<Run> {
    let tokens = tokenize(s, links);
    let sides = pair(s, &tokens);
    let mut out: Vec<Run> = Vec::new();
    let (mut strong, mut emph) = (0usize, 0usize);
    for (token, side) in tokens.iter().zip(sides) {
        let (is_strong, is_emph) = (strong > 0, emph > 0);
        let style = |text: &str| Run {
            text: text.to_owned(),
            strong: is_strong,
            emph: is_emph,
            ..Run::default()
        };
        match token {
            Token::Text(t) => push(&mut out, style(t)),
            Token::Code(t) => push(
                &mut out,
                Run {
                    code: true,
                    ..style(t)
                },
            ),
            Token::Link(inner, url) => {
                for run in inner {
                    push(
                        &mut out,
                        Run {
                            strong: run.strong || is_strong,
                            emph: run.emph || is_emph,
                            link: Some((*url).to_owned()),
                            ..run.clone()
                        },
                    );
                }
            }
            Token::Delim(d) => {
                let depth = if d.kind == Kind::Strong {
                    &mut strong
                } else {
                    &mut emph
                };
                match side {
                    Some(Side::Open) => *depth += 1,
                    Some(Side::Close) => *depth = depth.saturating_sub(1),
                    None => push(&mut out, style(delim_text(d.kind))),
                }
            }
        }
    }
    out
}

fn delim_text(kind: Kind) -> &'static str {
    match kind {
        Kind::Star => "*",
        Kind::Strong => "**",
        Kind::Under => "_",
    }
}

/// Appends a run, joining it to the last one when they look the same.
fn push(out: &mut Vec<Run>, run: Run) {
    if run.text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.same_style(&run) => last.text.push_str(&run.text),
        _ => out.push(run),
    }
}

/// Splits text into literal text, code spans, links and emphasis delimiters.
fn tokenize(s: &str, links: bool) -> Vec<Token<'_>> {
    let bytes = s.as_bytes();
    let mut tokens = Vec::new();
    let mut ticks = BacktickRuns::new(s);
    let mut text_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (token, end) = match bytes[i] {
            b'`' => {
                let n = run_len(bytes, i, b'`');
                match ticks.closer(i, n) {
                    Some(close) => (Some(Token::Code(code_text(&s[i + n..close]))), close + n),
                    None => (None, i + n),
                }
            }
            b'*' | b'_' => {
                let c = bytes[i];
                let n = run_len(bytes, i, c);
                let kind = match (c, n) {
                    (b'*', 1) => Some(Kind::Star),
                    (b'*', 2) => Some(Kind::Strong),
                    (b'_', 1) => Some(Kind::Under),
                    _ => None,
                };
                let token = kind.map(|kind| {
                    let before = s[..i].chars().next_back();
                    let after = s[i + n..].chars().next();
                    Token::Delim(Delim {
                        kind,
                        at: i,
                        open: after.is_some_and(|c| !c.is_whitespace())
                            && !before.is_some_and(char::is_alphanumeric),
                        close: before.is_some_and(|c| !c.is_whitespace())
                            && !after.is_some_and(char::is_alphanumeric),
                    })
                });
                (token, i + n)
            }
            b'[' if links => match link(s, i) {
                Some((text, url, end)) => (Some(Token::Link(parse_in(text, false), url)), end),
                None => (None, i + 1),
            },
            _ => (None, i + 1),
        };
        if let Some(token) = token {
            if text_from < i {
                tokens.push(Token::Text(&s[text_from..i]));
            }
            tokens.push(token);
            text_from = end;
        }
        i = end;
    }
    if text_from < s.len() {
        tokens.push(Token::Text(&s[text_from..]));
    }
    tokens
}

fn run_len(bytes: &[u8], at: usize, c: u8) -> usize {
    bytes[at..].iter().take_while(|&&b| b == c).count()
}

/// CommonMark's one space off each end, when both ends have one and it is not all spaces.
fn code_text(inner: &str) -> &str {
    if inner.len() >= 2
        && inner.starts_with(' ')
        && inner.ends_with(' ')
        && !inner.bytes().all(|b| b == b' ')
    {
        &inner[1..inner.len() - 1]
    } else {
        inner
    }
}

/// The backtick runs of a text by length, so that finding a code span's closer never
/// rescans the text.
struct BacktickRuns {
    by_len: HashMap<usize, VecDeque<usize>>,
}

impl BacktickRuns {
    fn new(s: &str) -> BacktickRuns {
        let bytes = s.as_bytes();
        let mut by_len: HashMap<usize, VecDeque<usize>> = HashMap::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'`' {
                let n = run_len(bytes, i, b'`');
                by_len.entry(n).or_default().push_back(i);
                i += n;
            } else {
                i += 1;
            }
        }
        BacktickRuns { by_len }
    }

    /// Where the run of `n` backticks after `open` starts, if there is one.
    fn closer(&mut self, open: usize, n: usize) -> Option<usize> {
        let runs = self.by_len.get_mut(&n)?;
        while runs.front().is_some_and(|&at| at <= open) {
            runs.pop_front();
        }
        runs.front().copied()
    }
}

/// `[text](url)` at `open`: the text, the URL and where the link ends, if it is one.
fn link(s: &str, open: usize) -> Option<(&str, &str, usize)> {
    let rest = &s[open + 1..];
    let close = open + 1 + rest.find(['[', ']'])?;
    if s.as_bytes()[close] != b']' || s.as_bytes().get(close + 1) != Some(&b'(') {
        return None;
    }
    let text = &s[open + 1..close];
    if text.trim().is_empty() {
        return None;
    }
    let url_from = close + 2;
    let url_len = s[url_from..].find(|c: char| c == '(' || c == ')' || c.is_whitespace())?;
    let url = &s[url_from..url_from + url_len];
    if s.as_bytes()[url_from + url_len] != b')' {
        return None;
    }
    has_link_scheme(url).then_some((text, url, url_from + url_len + 1))
}

/// Whether an address starts with a scheme a link may have (`https://`, `http://`,
/// `mailto:`) and has something after it. The rule for links in text and link fields.
pub fn has_link_scheme(url: &str) -> bool {
    LINK_SCHEMES.iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            && url.len() > scheme.len()
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
}

/// Pairs delimiters: a closer takes the nearest opener of its kind, and the openers of
/// other kinds between the two become text (pairs never cross).
fn pair(s: &str, tokens: &[Token]) -> Vec<Option<Side>> {
    let mut sides = vec![None; tokens.len()];
    // Unpaired openers of each kind, as token indices.
    let mut openers: [Vec<usize>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (i, token) in tokens.iter().enumerate() {
        let Token::Delim(d) = token else { continue };
        if d.close
            && let Some(&o) = openers[d.kind.index()].last()
            && (d.kind != Kind::Under || no_underscore_between(s, &tokens[o], d.at))
        {
            openers[d.kind.index()].pop();
            for stack in &mut openers {
                while stack.last().is_some_and(|&x| x > o) {
                    stack.pop();
                }
            }
            sides[o] = Some(Side::Open);
            sides[i] = Some(Side::Close);
            continue;
        }
        if d.open {
            openers[d.kind.index()].push(i);
        }
    }
    sides
}

/// Whether the `_` opener is the last `_` before `at`: `_snake_case_` stays literal.
fn no_underscore_between(s: &str, opener: &Token, at: usize) -> bool {
    let Token::Delim(o) = opener else {
        return false;
    };
    s[..at].rfind('_') == Some(o.at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Run {
        Run {
            text: text.to_owned(),
            ..Run::default()
        }
    }

    fn strong(text: &str) -> Run {
        Run {
            strong: true,
            ..plain(text)
        }
    }

    fn emph(text: &str) -> Run {
        Run {
            emph: true,
            ..plain(text)
        }
    }

    fn code(text: &str) -> Run {
        Run {
            code: true,
            ..plain(text)
        }
    }

    fn link(text: &str, url: &str) -> Run {
        Run {
            link: Some(url.to_owned()),
            ..plain(text)
        }
    }

    #[track_caller]
    fn literal(text: &str) {
        assert_eq!(parse(text), vec![plain(text)], "{text:?}");
    }

    #[test]
    fn the_four_constructs() {
        assert_eq!(
            parse("a **b** c"),
            vec![plain("a "), strong("b"), plain(" c")]
        );
        assert_eq!(parse("*i*"), vec![emph("i")]);
        assert_eq!(parse("_i_ x"), vec![emph("i"), plain(" x")]);
        assert_eq!(
            parse("run `cargo test`"),
            vec![plain("run "), code("cargo test")]
        );
        assert_eq!(
            parse("see [the docs](https://example.com/a?b=c#d)."),
            vec![
                plain("see "),
                link("the docs", "https://example.com/a?b=c#d"),
                plain(".")
            ]
        );
        assert_eq!(
            parse("[mail](mailto:ada@example.com) [old](http://x.org)"),
            vec![
                link("mail", "mailto:ada@example.com"),
                plain(" "),
                link("old", "http://x.org")
            ]
        );
    }

    #[test]
    fn nesting() {
        let both = Run {
            strong: true,
            emph: true,
            ..plain("very")
        };
        assert_eq!(
            parse("**a *very* big**"),
            vec![strong("a "), both, strong(" big")]
        );
        assert_eq!(
            parse("[**bold** and `code`](https://x.io)"),
            vec![
                Run {
                    strong: true,
                    ..link("bold", "https://x.io")
                },
                link(" and ", "https://x.io"),
                Run {
                    code: true,
                    ..link("code", "https://x.io")
                },
            ]
        );
        assert_eq!(
            parse("**see [x](https://x.io)**"),
            vec![
                strong("see "),
                Run {
                    strong: true,
                    ..link("x", "https://x.io")
                }
            ]
        );
        assert_eq!(
            parse("**a `b` c**"),
            vec![
                strong("a "),
                Run {
                    strong: true,
                    ..code("b")
                },
                strong(" c")
            ]
        );
    }

    #[test]
    fn code_is_verbatim() {
        assert_eq!(
            parse("`**x** _y_ [a](https://b)`"),
            vec![code("**x** _y_ [a](https://b)")]
        );
        assert_eq!(parse("`` a`b ``"), vec![code("a`b")]);
        assert_eq!(parse("` `"), vec![code(" ")]);
        assert_eq!(parse("`\\n`"), vec![code("\\n")]);
        assert_eq!(parse("``a` b"), vec![plain("``a` b")]);
    }

    #[test]
    fn flanking() {
        // An opener needs a non-space after it, a closer a non-space before it.
        literal("a * b * c");
        literal("** bold **");
        literal("_ x _");
        // Not inside words.
        literal("2*3*4");
        literal("O(n*m*k)");
        literal("a**b**c");
        literal("snake_case_name");
        assert_eq!(parse("x *y*z"), vec![plain("x *y*z")]);
        // After punctuation is fine.
        assert_eq!(
            parse("(*note*)"),
            vec![plain("("), emph("note"), plain(")")]
        );
    }

    #[test]
    fn malformed_markup_is_literal() {
        literal("**unclosed");
        literal("a lone * star");
        literal("*");
        literal("**");
        literal("***x***");
        literal("`unclosed code");
        literal("[link]");
        literal("[link](not a url)");
        literal("[x](javascript:alert(1))");
        literal("[x](ftp://example.com)");
        literal("[x](https://)");
        literal("[](https://x.io)");
        literal("[x] (https://x.io)");
        assert_eq!(
            parse("[a [b](https://x.io)"),
            vec![plain("[a "), link("b", "https://x.io")]
        );
        assert_eq!(parse("*a **b* c**"), vec![emph("a **b"), plain(" c**")]);
    }

    #[test]
    fn underscores_in_identifiers_stay() {
        literal("_snake_case_");
        literal("__init__");
        literal("call __init__ and _private_x_");
        literal("a_b");
        assert_eq!(parse("_x_ and y_z"), vec![emph("x"), plain(" and y_z")]);
    }

    #[test]
    fn no_escapes_and_nothing_else_is_markup() {
        for text in [
            "C#",
            "F#",
            "$5M",
            "$x^2$",
            "100%",
            "<tag>",
            "<script>",
            "@handle",
            "user@example.com",
            "#read(\"/etc/passwd\")",
            "#include \"x.typ\"",
            "= heading",
            "- dash",
            "+ plus",
            "// comment",
            "/* c */",
            "\\n",
            "a \\ b \\\\ c",
            "\\*not escaped\\*",
            "~",
            "[link]",
            "{}",
            "&amp;",
            "# h1",
            "1. one",
            "Müller",
            "São Paulo",
            "Ωμέγα",
            "Жуков",
            "שלום",
        ] {
            if text.starts_with("\\*") {
                // No escapes: the backslashes print and the stars still pair.
                assert_eq!(
                    parse(text),
                    vec![plain("\\"), emph("not escaped\\")],
                    "{text:?}"
                );
            } else {
                literal(text);
            }
        }
        assert_eq!(parse(""), Vec::<Run>::new());
    }

    #[test]
    fn json_has_only_the_set_flags() {
        assert_eq!(
            rich("a **b** [c](https://c.io)").to_string(),
            r#"[{"text":"a "},{"strong":true,"text":"b"},{"text":" "},{"link":"https://c.io","text":"c"}]"#
        );
    }

    #[test]
    fn long_hostile_input_takes_linear_time() {
        // Measured against an eighth of the input, not a clock, so that a busy machine
        // does not fail it: eight times the input may take 24 times as long (quadratic
        // would be 64).
        let inputs = |n: usize| {
            [
                "*a ".repeat(n),
                "`".repeat(n / 50) + &"` ``".repeat(n / 2),
                "[a](".repeat(n),
                "_a ".repeat(n),
                "**a *b ".repeat(n / 2),
            ]
        };
        let time = |n: usize| {
            let start = std::time::Instant::now();
            for input in &inputs(n) {
                let len: usize = parse(input).iter().map(|r| r.text.len()).sum();
                assert!(len <= input.len());
            }
            start.elapsed()
        };
        let small = time(12_500);
        let large = time(100_000);
        assert!(
            large < small * 24 + std::time::Duration::from_millis(500),
            "{small:?} then {large:?}"
        );
    }

    /// Property tests: bounded so that they run in well under a second.
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        /// One character of a run and its style, to compare runs however they are split.
        type Styled = (char, bool, bool, bool, Option<String>);

        fn chars(runs: &[Run]) -> Vec<Styled> {
            runs.iter()
                .flat_map(|r| {
                    r.text
                        .chars()
                        .map(|c| (c, r.strong, r.emph, r.code, r.link.clone()))
                })
                .collect()
        }

        fn styled(
            text: &str,
            strong: bool,
            emph: bool,
            code: bool,
            link: Option<&str>,
        ) -> Vec<Styled> {
            text.chars()
                .map(|c| (c, strong, emph, code, link.map(str::to_owned)))
                .collect()
        }

        fn is_subsequence(small: &str, big: &str) -> bool {
            let mut big = big.chars();
            small.chars().all(|c| big.any(|b| b == c))
        }

        /// Well-formed pieces of prose: the source and the runs it must give.
        #[derive(Debug, Clone)]
        enum Piece {
            Plain(String),
            Strong(String),
            Star(String),
            Under(String),
            Code(String),
            Link(String, String),
            /// `**a *b* c**`
            StrongEmph(String, String, String),
            /// `[**a** b](url)`
            LinkStrong(String, String, String),
        }

        impl Piece {
            fn source(&self) -> String {
                match self {
                    Piece::Plain(t) => t.clone(),
                    Piece::Strong(t) => format!("**{t}**"),
                    Piece::Star(t) => format!("*{t}*"),
                    Piece::Under(t) => format!("_{t}_"),
                    Piece::Code(t) => format!("`{t}`"),
                    Piece::Link(t, u) => format!("[{t}]({u})"),
                    Piece::StrongEmph(a, b, c) => format!("**{a} *{b}* {c}**"),
                    Piece::LinkStrong(a, b, u) => format!("[**{a}** {b}]({u})"),
                }
            }

            fn expected(&self) -> Vec<Styled> {
                match self {
                    Piece::Plain(t) => styled(t, false, false, false, None),
                    Piece::Strong(t) => styled(t, true, false, false, None),
                    Piece::Star(t) | Piece::Under(t) => styled(t, false, true, false, None),
                    Piece::Code(t) => styled(t, false, false, true, None),
                    Piece::Link(t, u) => styled(t, false, false, false, Some(u)),
                    Piece::StrongEmph(a, b, c) => [
                        styled(&format!("{a} "), true, false, false, None),
                        styled(b, true, true, false, None),
                        styled(&format!(" {c}"), true, false, false, None),
                    ]
                    .concat(),
                    Piece::LinkStrong(a, b, u) => [
                        styled(a, true, false, false, Some(u)),
                        styled(&format!(" {b}"), false, false, false, Some(u)),
                    ]
                    .concat(),
                }
            }
        }

        /// Words without markup characters, one space apart: emphasis content.
        fn words() -> impl Strategy<Value = String> {
            prop::collection::vec("[a-zA-Z0-9äßΩЖ.,!?#$%<>@/\\\\-]{1,6}", 1..4)
                .prop_map(|w| w.join(" "))
        }

        fn url() -> impl Strategy<Value = String> {
            (
                "(https|http)://[a-z]{1,8}\\.[a-z]{2,3}(/[a-z0-9_.~-]{0,8})?",
                "mailto:[a-z]{1,5}@[a-z]{1,5}\\.io",
            )
                .prop_flat_map(|(web, mail)| prop_oneof![Just(web), Just(mail)])
        }

        fn piece() -> impl Strategy<Value = Piece> {
            prop_oneof![
                "[a-zA-Z0-9 .,;:!?#$%<>@/\\\\(){}~^=+-]{1,12}".prop_map(Piece::Plain),
                words().prop_map(Piece::Strong),
                words().prop_map(Piece::Star),
                words()
                    .prop_filter("no `_` inside", |w| !w.contains('_'))
                    .prop_map(Piece::Under),
                "[^` ][^`]{0,8}[^` ]|[^` ]".prop_map(Piece::Code),
                (words(), url()).prop_map(|(t, u)| Piece::Link(t, u)),
                (words(), words(), words()).prop_map(|(a, b, c)| Piece::StrongEmph(a, b, c)),
                (words(), words(), url()).prop_map(|(a, b, u)| Piece::LinkStrong(a, b, u)),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig {
                cases: 400,
                failure_persistence: None,
                ..ProptestConfig::default()
            })]

            #[test]
            fn any_text_parses_to_a_subsequence(text in any::<String>()) {
                let out: String = parse(&text).into_iter().map(|r| r.text).collect();
                prop_assert!(is_subsequence(&out, &text), "{out:?} from {text:?}");
            }

            #[test]
            fn markup_heavy_text_parses_to_a_subsequence(text in "[*_`\\[\\]() a:/h.\\\\]{0,40}") {
                let runs = parse(&text);
                let out: String = runs.iter().map(|r| r.text.as_str()).collect();
                prop_assert!(is_subsequence(&out, &text), "{out:?} from {text:?}");
                prop_assert!(runs.iter().all(|r| !r.text.is_empty()));
            }

            #[test]
            fn text_without_markup_characters_is_one_plain_run(text in "[^*_`\\[]{0,60}") {
                let out: String = parse(&text).into_iter().map(|r| {
                    assert!(!r.strong && !r.emph && !r.code && r.link.is_none());
                    r.text
                }).collect();
                prop_assert_eq!(out, text);
            }

            #[test]
            fn well_formed_markup_gives_its_text_and_styles(pieces in prop::collection::vec(piece(), 1..6)) {
                // Pieces one space apart, so that every delimiter is flanked as it should be.
                let source = pieces.iter().map(Piece::source).collect::<Vec<_>>().join(" ");
                let mut expected = Vec::new();
                for (i, p) in pieces.iter().enumerate() {
                    if i > 0 {
                        expected.extend(styled(" ", false, false, false, None));
                    }
                    expected.extend(p.expected());
                }
                prop_assert_eq!(chars(&parse(&source)), expected, "{:?}", source);
            }
        }
    }
}
