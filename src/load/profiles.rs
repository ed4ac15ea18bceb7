//! Profiles: check each profile's own settings (unknown tags, ids, kinds, sections and
//! documents are errors at the offending column), then resolve `extends` and defaults
//! into the [`Rules`] that selection runs.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::diagnostic::{Diag, SourceFile, SourceFiles};
use crate::model::rules::{DocumentRules, Filter, Labeled, ResolvedOrder, Rules, SectionRules};
use crate::model::selector::{Expr, Key, Term, Value};
use crate::model::{
    Content, DOCUMENTS, KNOWN_KINDS, Order, Profile, Span, Spanned, built_in, document, normalise,
};
use crate::suggest::{did_you_mean, quoted};

/// What names exist in the content, for checking selectors against.
pub struct Vocabulary {
    pub tags: BTreeSet<String>,
    /// Ids by section.
    pub ids: BTreeMap<String, Vec<String>>,
    /// The same ids, to look up without a scan: every profile checks its selectors
    /// against them, so a scan made many profiles quadratic.
    id_sets: BTreeMap<String, HashSet<String>>,
    all_ids: HashSet<String>,
    /// Kinds in their normalised form: the known ones and every one the content uses.
    pub kinds: BTreeSet<String>,
    /// Every section name profiles and documents may use.
    pub sections: Vec<String>,
}

impl Vocabulary {
    pub fn of(c: &Content) -> Vocabulary {
        let mut ids: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut tags = BTreeSet::new();
        let mut kinds: BTreeSet<String> = KNOWN_KINDS.iter().map(|k| k.to_string()).collect();
        for (section, entries) in c.entry_lists() {
            let list = ids.entry(section.to_owned()).or_default();
            for entry in entries {
                list.extend(entry.id_spanned().map(|id| id.value.clone()));
                tags.extend(entry.every_tag().into_iter().map(|t| t.value.clone()));
                kinds.extend(entry.kind());
            }
        }
        let id_sets = ids
            .iter()
            .map(|(section, ids)| (section.clone(), ids.iter().cloned().collect()))
            .collect();
        let all_ids = ids.values().flatten().cloned().collect();
        Vocabulary {
            tags,
            ids,
            id_sets,
            all_ids,
            kinds,
            sections: c.section_names().into_iter().map(str::to_owned).collect(),
        }
    }

    fn all_ids(&self) -> Vec<&str> {
        self.ids.values().flatten().map(String::as_str).collect()
    }

    /// Whether `value` names something for `key` (tag, kind or id) in `scope`.
    fn knows(&self, key: Key, scope: Scope, value: &str) -> bool {
        match (key, scope) {
            (Key::Tag, _) => self.tags.contains(value),
            (Key::Kind, _) => self.kinds.contains(&normalise(value)),
            (Key::Id, Scope::Section(section)) => self
                .id_sets
                .get(section)
                .is_some_and(|ids| ids.contains(value)),
            (Key::Id, _) => self.all_ids.contains(value),
            _ => true,
        }
    }

    /// The sections profiles select entries in (not `summary` or `languages`).
    fn selectable(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .map(String::as_str)
            .filter(|s| built_in(s).is_none_or(|b| b.selectable))
    }
}

/// Where an expression is used: which ids it may name, and whether it selects bullets.
#[derive(Clone, Copy)]
pub enum Scope<'a> {
    /// Any section's entries.
    Entries,
    /// One section's entries.
    Section(&'a str),
    Bullets,
}

/// Checks expressions against the content and turns their errors into diagnostics.
pub struct Checker<'a> {
    pub vocab: &'a Vocabulary,
    pub files: &'a SourceFiles,
    pub diags: &'a mut Vec<Diag>,
}

impl Checker<'_> {
    /// Parses and checks one expression; `None` (with diagnostics) if it is wrong.
    pub fn expr(&mut self, text: &Spanned<String>, scope: Scope) -> Option<Expr> {
        let expr = match Expr::parse(text) {
            Ok(expr) => expr,
            Err(e) => {
                let mut diag = Diag::error(format!("in this selector: {}", e.message))
                    .at(self.within(text, e.range));
                diag.hints.extend(e.hint);
                self.diags.push(diag);
                return None;
            }
        };
        let before = self.diags.len();
        for term in expr.terms() {
            let bullet_key = matches!(
                term.key,
                Key::Tag | Key::Priority | Key::Untagged | Key::All
            );
            if matches!(scope, Scope::Bullets) && !bullet_key {
                self.diags.push(
                    Diag::error(format!(
                        "bullets cannot be selected by `{}:`",
                        term.key_name()
                    ))
                    .at(self.within(text, term.range.clone()))
                    .hint(
                        "bullets have tags and a priority: use `tag:`, `priority:` or `untagged`",
                    ),
                );
                continue;
            }
            for value in &term.values {
                if self.vocab.knows(term.key, scope, &value.text) {
                    continue;
                }
                let span = self.within(text, value.range.clone());
                let (known, what): (Vec<&str>, &str) = match (term.key, scope) {
                    (Key::Tag, _) => (self.vocab.tags.iter().map(String::as_str).collect(), "tag"),
                    (Key::Kind, _) => (
                        self.vocab.kinds.iter().map(String::as_str).collect(),
                        "kind",
                    ),
                    (Key::Id, Scope::Section(section)) => (
                        self.vocab
                            .ids
                            .get(section)
                            .into_iter()
                            .flatten()
                            .map(String::as_str)
                            .collect(),
                        "id",
                    ),
                    (Key::Id, _) => (self.vocab.all_ids(), "id"),
                    _ => continue,
                };
                if !known.contains(&value.text.as_str()) {
                    self.diags
                        .push(unknown(what, &value.text, &known, span, scope));
                }
            }
        }
        (self.diags.len() == before).then_some(expr)
    }

    /// The span of a byte range of an expression written as `text`.
    fn within(&self, text: &Spanned<String>, range: std::ops::Range<usize>) -> Span {
        let span = text.span;
        // A quoted scalar's text starts one column after its quote.
        let quoted = self
            .files
            .get(span.file)
            .and_then(|f| f.line(span.line))
            .and_then(|line| line.chars().nth(span.col as usize))
            .is_some_and(|c| c == '"' || c == '\'');
        let start = range.start.min(text.len());
        let end = range.end.clamp(start, text.len());
        let col = span.col + u32::from(quoted) + text[..start].chars().count() as u32;
        Span {
            col,
            len: text[start..end].chars().count().max(1) as u32,
            ..span
        }
    }
}

fn unknown(what: &str, value: &str, known: &[&str], span: Span, scope: Scope) -> Diag {
    let place = match scope {
        Scope::Section(s) => format!(" in `{s}`"),
        _ => String::new(),
    };
    let diag = Diag::error(format!("there is no {what} `{value}`{place}"))
        .at(span)
        .label("this would select nothing");
    match did_you_mean(value, known) {
        Some(s) => diag.hint(format!("did you mean `{s}`?")),
        None if known.len() <= 24 => diag.hint(format!("known: {}", quoted(known))),
        None => diag,
    }
}

/// The built-in profile that shows everything.
pub const ALL: &str = "all";

/// Checks every profile and resolves it. Profiles with errors are left out (the errors
/// are in `diags`, so nothing will be built).
pub fn resolve(c: &Content, files: &SourceFiles, diags: &mut Vec<Diag>) -> BTreeMap<String, Rules> {
    let vocab = Vocabulary::of(c);
    let before = diags.len();
    for (name, profile) in &c.profiles {
        check_own(name, profile, c, &vocab, files, diags);
    }
    if diags.len() > before {
        return BTreeMap::new();
    }
    let mut rules = BTreeMap::new();
    if !c.profiles.contains_key(ALL) {
        // `all` always exists and shows everything, unless the content defines its own.
        let mut checker = Checker {
            vocab: &vocab,
            files,
            diags,
        };
        let all = Profile {
            description: Some("everything in the content (built in)".to_owned()),
            ..Profile::default()
        };
        rules.insert(ALL.to_owned(), compile(ALL, &all, &mut checker));
    }
    for name in c.profiles.keys() {
        if let Some(merged) = merged(name, c, diags) {
            let mut checker = Checker {
                vocab: &vocab,
                files,
                diags,
            };
            rules.insert(name.clone(), compile(name, &merged, &mut checker));
        }
    }
    rules
}

/// Checks what a profile itself writes; inherited settings were checked in their own profile.
fn check_own(
    name: &str,
    p: &Profile,
    c: &Content,
    vocab: &Vocabulary,
    files: &SourceFiles,
    diags: &mut Vec<Diag>,
) {
    if let Some(parent) = &p.extends
        && !c.profiles.contains_key(parent.as_str())
    {
        let names: Vec<&str> = c.profiles.keys().map(String::as_str).collect();
        let diag = Diag::error(format!(
            "profile `{name}` extends `{}`, which does not exist",
            parent.value
        ))
        .at(parent.span);
        diags.push(match did_you_mean(parent, &names) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None => diag.hint(format!("known profiles: {}", quoted(&names))),
        });
    }
    if let Some(variant) = &p.variant
        && !c.person.variants.contains_key(variant.as_str())
    {
        let known: Vec<&str> = c.person.variants.keys().map(String::as_str).collect();
        let diag = Diag::error(format!(
            "there is no variant `{}` in `person.variants`",
            variant.value
        ))
        .at(variant.span);
        diags.push(match did_you_mean(variant, &known) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None if known.is_empty() => diag.hint(
                "add `variants:` under `person:` with a headline and summary for this audience",
            ),
            None => diag.hint(format!("known variants: {}", quoted(&known))),
        });
    }
    for tag in p.tags.iter().chain(&p.exclude_tags) {
        if !vocab.tags.contains(tag.as_str()) {
            let tags: Vec<&str> = vocab.tags.iter().map(String::as_str).collect();
            diags.push(unknown("tag", tag, &tags, tag.span, Scope::Entries));
        }
    }
    let mut checker = Checker {
        vocab,
        files,
        diags,
    };
    for text in [&p.select, &p.exclude].into_iter().flatten() {
        checker.expr(text, Scope::Entries);
    }
    for text in [&p.bullets.select, &p.bullets.exclude]
        .into_iter()
        .flatten()
    {
        checker.expr(text, Scope::Bullets);
    }
    let selectable: Vec<&str> = vocab.selectable().collect();
    for (section, rule) in &p.sections {
        let Some(&section) = selectable.iter().find(|s| **s == section.as_str()) else {
            checker
                .diags
                .push(unknown_name("section", section, &selectable));
            continue;
        };
        for text in [&rule.select, &rule.exclude].into_iter().flatten() {
            checker.expr(text, Scope::Section(section));
        }
        if let Some(Order::Ids(ids)) = &rule.order {
            let unknown_ids = ids
                .iter()
                .filter(|id| !vocab.knows(Key::Id, Scope::Section(section), id.as_str()));
            for id in unknown_ids {
                let known: Vec<&str> = vocab
                    .ids
                    .get(section)
                    .into_iter()
                    .flatten()
                    .map(String::as_str)
                    .collect();
                checker
                    .diags
                    .push(unknown("id", id, &known, id.span, Scope::Section(section)));
            }
        }
    }
    let documents: Vec<&str> = DOCUMENTS.iter().map(|d| d.name).collect();
    let sections: Vec<&str> = vocab.sections.iter().map(String::as_str).collect();
    for (doc, rule) in &p.documents {
        let Some(kind) = document(doc) else {
            checker
                .diags
                .push(unknown_name("document", doc, &documents));
            continue;
        };
        // Handouts are made from projects and case studies; the long documents show any
        // section.
        let allowed: &[&str] = if kind.name == "case-study" {
            kind.default_sections
        } else {
            &sections
        };
        for section in rule.sections.iter().flatten().chain(rule.max.keys()) {
            if !allowed.contains(&section.as_str()) {
                let diag = unknown_name("section", section, allowed);
                checker.diags.push(Diag {
                    message: format!("the {} has no section `{}`", kind.name, section.value),
                    ..diag
                });
            }
        }
    }
}

fn unknown_name(what: &str, name: &Spanned<String>, known: &[&str]) -> Diag {
    let diag = Diag::error(format!("unknown {what} `{}`", name.value)).at(name.span);
    match did_you_mean(name, known) {
        Some(s) => diag.hint(format!("did you mean `{s}`?")),
        None => diag.hint(format!("known: {}", quoted(known))),
    }
}

/// How many profiles one may inherit from, in a row. Every profile walks its chain, so
/// without a bound a file of thousands of profiles extending each other took minutes.
const MAX_EXTENDS: usize = 16;

/// The profile with everything it inherits, or `None` after reporting a cycle or a chain
/// that is too long.
fn merged(name: &str, c: &Content, diags: &mut Vec<Diag>) -> Option<Profile> {
    let mut chain: Vec<&str> = vec![name];
    let mut profile = c.profiles.get(name)?.value.clone();
    let mut next = profile.extends.clone();
    while let Some(parent) = next {
        if chain.len() > MAX_EXTENDS {
            let first = profile.extends.as_ref().map_or(parent.span, |e| e.span);
            diags.push(
                Diag::error(format!(
                    "profile `{name}` extends more than {MAX_EXTENDS} profiles in a row"
                ))
                .at(first)
                .hint("let the profiles extend one common profile instead of each other"),
            );
            return None;
        }
        if chain.contains(&parent.as_str()) {
            chain.push(c.profiles.get_key_value(parent.as_str())?.0);
            diags.push(
                Diag::error(format!(
                    "profiles extend each other in a circle: {}",
                    chain.join(" -> ")
                ))
                .at(parent.span)
                .hint("one of them must stand on its own"),
            );
            return None;
        }
        let (key, parent_profile) = c.profiles.get_key_value(parent.as_str())?;
        chain.push(key);
        profile.inherit(&parent_profile.value);
        next = parent_profile.value.extends.clone();
    }
    Some(profile)
}

/// Parses a resolved profile's expressions (all already checked) into rules.
fn compile(name: &str, p: &Profile, checker: &mut Checker) -> Rules {
    let names: Vec<String> = checker.vocab.selectable().map(str::to_owned).collect();
    let vocab = checker.vocab;
    let mut labeled = |text: &Option<Spanned<String>>, origin: String, scope: Scope| {
        text.as_ref()
            .and_then(|t| checker.expr(t, scope))
            .map(|expr| Labeled { expr, origin })
    };
    let entries = Filter {
        select: sugar_select(&p.tags)
            .into_iter()
            .chain(labeled(&p.select, "select".into(), Scope::Entries))
            .collect(),
        exclude: sugar_exclude(&p.exclude_tags)
            .into_iter()
            .chain(labeled(&p.exclude, "exclude".into(), Scope::Entries))
            .collect(),
    };
    let bullets = Filter {
        select: sugar_select(&p.tags)
            .into_iter()
            .chain(labeled(
                &p.bullets.select,
                "bullets.select".into(),
                Scope::Bullets,
            ))
            .collect(),
        exclude: sugar_exclude(&p.exclude_tags)
            .into_iter()
            .chain(labeled(
                &p.bullets.exclude,
                "bullets.exclude".into(),
                Scope::Bullets,
            ))
            .collect(),
    };
    let mut sections = BTreeMap::new();
    for section in &names {
        let section = section.as_str();
        let rule = p.sections.get(section).cloned().unwrap_or_default();
        let scope = Scope::Section(section);
        let filter = Filter {
            select: labeled(&rule.select, format!("sections.{section}.select"), scope)
                .into_iter()
                .collect(),
            exclude: labeled(&rule.exclude, format!("sections.{section}.exclude"), scope)
                .into_iter()
                .collect(),
        };
        let order = match rule.order {
            Some(Order::Date) => ResolvedOrder::Date,
            Some(Order::Priority) => ResolvedOrder::Priority,
            Some(Order::Ids(ids)) => ResolvedOrder::Ids(ids.into_iter().map(|i| i.value).collect()),
            None if built_in(section).is_some_and(|b| b.by_date) => ResolvedOrder::Date,
            None => ResolvedOrder::Priority,
        };
        sections.insert(
            section.to_owned(),
            SectionRules {
                filter,
                order,
                max: rule.max,
                title: rule.title,
                intro: rule.intro,
            },
        );
    }
    let own: Vec<&str> = vocab
        .sections
        .iter()
        .map(String::as_str)
        .filter(|s| built_in(s).is_none())
        .collect();
    let documents = DOCUMENTS
        .iter()
        .map(|kind| {
            let rule = p.documents.get(kind.name).cloned().unwrap_or_default();
            let names = |list: Vec<Spanned<String>>| list.into_iter().map(|s| s.value).collect();
            // As the profile lists them; else the document's defaults, the sections shown
            // while there is room, and the author's own sections (not in handouts).
            let explicit = rule.sections.is_some();
            let sections: Vec<String> = rule.sections.map_or_else(
                || {
                    let own = if kind.name == "case-study" {
                        &[][..]
                    } else {
                        &own[..]
                    };
                    kind.default_sections
                        .iter()
                        .chain(kind.extra_sections)
                        .copied()
                        .chain(own.iter().copied())
                        .map(str::to_owned)
                        .collect()
                },
                names,
            );
            let extra: Vec<String> = if explicit {
                Vec::new()
            } else {
                kind.extra_sections
                    .iter()
                    .copied()
                    .chain(own.iter().copied())
                    .map(str::to_owned)
                    .collect()
            };
            let max = rule.max.into_iter().map(|(k, v)| (k.value, v)).collect();
            (
                kind.name.to_owned(),
                DocumentRules {
                    sections,
                    explicit,
                    extra,
                    max,
                    bullets: rule.bullets,
                    // A CV's budget is one page, a handout's two.
                    pages: rule
                        .pages
                        .map_or(if kind.name == "case-study" { 2 } else { 1 }, |p| {
                            usize::from(p.0)
                        }),
                    fit: rule.fit.unwrap_or(matches!(kind.name, "cv" | "case-study")),
                    every_handout: rule.handouts == Some(crate::model::Handouts::All),
                },
            )
        })
        .collect();
    Rules {
        name: name.to_owned(),
        description: p.description.clone(),
        extends: p.extends.as_ref().map(|e| e.value.clone()),
        variant: p.variant.as_ref().map(|v| v.value.clone()),
        private: p.private.unwrap_or(false),
        keywords: p.keywords.clone(),
        design: p.design.over(&Default::default()),
        entries,
        sections,
        bullets,
        bullet_max: p.bullets.max,
        documents,
    }
}

/// `tags: [a, b]` is `untagged or tag:a,b`.
fn sugar_select(tags: &[Spanned<String>]) -> Option<Labeled> {
    (!tags.is_empty()).then(|| Labeled {
        expr: sugar(tags, true),
        origin: "tags".into(),
    })
}

/// `exclude_tags: [a]` is `tag:a`.
fn sugar_exclude(tags: &[Spanned<String>]) -> Option<Labeled> {
    (!tags.is_empty()).then(|| Labeled {
        expr: sugar(tags, false),
        origin: "exclude_tags".into(),
    })
}

fn sugar(tags: &[Spanned<String>], or_untagged: bool) -> Expr {
    let term = |key, values| {
        Expr::Term(Term {
            key,
            values,
            range: 0..0,
        })
    };
    let values = tags
        .iter()
        .map(|t| Value {
            text: t.value.clone(),
            range: 0..0,
        })
        .collect();
    let tag = term(Key::Tag, values);
    if or_untagged {
        Expr::Or(vec![term(Key::Untagged, Vec::new()), tag])
    } else {
        tag
    }
}

/// An application's `select` and `exclude`, checked like a profile's; `None` (with
/// diagnostics) if one is wrong.
pub fn application_filter(
    app: &crate::model::Application,
    c: &Content,
    files: &SourceFiles,
    diags: &mut Vec<Diag>,
) -> Option<Filter> {
    let vocab = Vocabulary::of(c);
    let mut checker = Checker {
        vocab: &vocab,
        files,
        diags,
    };
    let mut filter = Filter::default();
    let mut ok = true;
    for (name, text) in [("select", &app.select), ("exclude", &app.exclude)] {
        let Some(text) = text else { continue };
        let Some(expr) = checker.expr(text, Scope::Entries) else {
            ok = false;
            continue;
        };
        let labeled = Labeled {
            expr,
            origin: format!("the application's `{name}`"),
        };
        if name == "select" {
            filter.select.push(labeled);
        } else {
            filter.exclude.push(labeled);
        }
    }
    ok.then_some(filter)
}

/// `--select` and `--exclude` from the command line, checked like a profile's.
pub fn command_line(
    select: Option<&str>,
    exclude: Option<&str>,
    c: &Content,
    files: &mut SourceFiles,
) -> Result<Filter, Vec<Diag>> {
    let vocab = Vocabulary::of(c);
    let mut texts = Vec::new();
    for (flag, text) in [("--select", select), ("--exclude", exclude)] {
        if let Some(text) = text {
            let file = files.add(SourceFile::new(flag.to_owned(), text.to_owned()));
            texts.push((
                flag,
                Spanned::new(
                    text.to_owned(),
                    Span {
                        file,
                        line: 1,
                        col: 0,
                        len: 1,
                    },
                ),
            ));
        }
    }
    let mut diags = Vec::new();
    let mut filter = Filter::default();
    let mut checker = Checker {
        vocab: &vocab,
        files,
        diags: &mut diags,
    };
    for (flag, text) in texts {
        if let Some(expr) = checker.expr(&text, Scope::Entries) {
            let labeled = Labeled {
                expr,
                origin: flag.to_owned(),
            };
            if flag == "--select" {
                filter.select.push(labeled)
            } else {
                filter.exclude.push(labeled)
            }
        }
    }
    if diags.is_empty() {
        Ok(filter)
    } else {
        Err(diags)
    }
}
