//! Long text as blocks, and a project's write-up as labelled parts of blocks.
//!
//! Every block is `{kind, ...}`:
//! - `heading` `{text}`; `paragraph` `{text: runs, lead?}` (a `lead` is a label set
//!   before the text: `Style:`); `quote` `{text: runs, by}`;
//! - `bullets` / `numbered` `{items: [runs]}`; `terms` `{items: [{term, text: runs}]}`;
//! - `figure` `{path, alt, caption}`;
//! - a project's own shapes: `modules` `{items: [{name, description}]}` (chips when none
//!   has a description), `decisions` `{items: [{text, why, tradeoff}]}`, `incidents`
//!   `{items: [{issue, fix, lesson}]}`, `metrics` `{items: [{value, label, context}]}`.

use serde_json::{Value, json};

use super::{Ctx, rich, split_paragraphs};
use crate::model::{Block, Bullet, ListOr, Project, Text};

impl Ctx<'_> {
    /// Long text as blocks, with what the profile's bullet rules leave out left out: a
    /// block, a bullet, and for a heading block everything up to the next heading.
    pub(crate) fn blocks(&self, text: &Text) -> Vec<Value> {
        let mut out = Vec::new();
        let mut skipping = false;
        for block in text.blocks().iter() {
            let kept = self.keeps(block);
            if block.heading.is_some() {
                skipping = !kept;
            }
            if skipping || !kept {
                continue;
            }
            self.block(block, &mut out);
        }
        out
    }

    fn block(&self, b: &Block, out: &mut Vec<Value>) {
        if let Some(heading) = &b.heading {
            out.push(json!({ "kind": "heading", "text": heading }));
        }
        if let Some(text) = &b.text {
            out.extend(paragraphs(text));
        }
        if let Some(quote) = &b.quote {
            out.push(json!({ "kind": "quote", "text": rich(&one_line(quote)), "by": b.by }));
        }
        if !b.bullets.is_empty() {
            out.push(self.list("bullets", &b.bullets));
        }
        if !b.numbered.is_empty() {
            out.push(self.list("numbered", &b.numbered));
        }
        if !b.terms.is_empty() {
            let items: Vec<Value> = b
                .terms
                .iter()
                .map(|t| json!({ "term": t.term, "text": rich(&one_line(&t.text)) }))
                .collect();
            out.push(json!({ "kind": "terms", "items": items }));
        }
        if let Some(f) = &b.figure
            && self.keeps(f)
        {
            let mut figure = self.figure(f);
            figure["kind"] = json!("figure");
            out.push(figure);
        }
    }

    /// A bullet or numbered list of the bullets the profile keeps.
    fn list(&self, kind: &str, bullets: &[Bullet]) -> Value {
        let items: Vec<Value> = self
            .kept(bullets)
            .iter()
            .map(|b| rich(&one_line(&b.text)))
            .collect();
        json!({ "kind": kind, "items": items })
    }

    /// A list field written as a list or as prose: the list as `kind`, else paragraphs.
    /// A list of one prints as a paragraph: one step is not a sequence.
    fn list_or(&self, field: &Option<ListOr<Bullet>>, kind: &str) -> Vec<Value> {
        match field {
            None => Vec::new(),
            Some(ListOr::Prose(text)) => paragraphs(text),
            Some(ListOr::List(items)) => {
                let kept = self.kept(items);
                match kept.as_slice() {
                    [] => Vec::new(),
                    [one] if kind == "numbered" => paragraphs(&one.text),
                    _ => vec![
                        json!({ "kind": kind, "items": kept.iter().map(|b| rich(&one_line(&b.text))).collect::<Vec<_>>() }),
                    ],
                }
            }
        }
    }

    /// The write-up of a project: every part it has, in the portfolio's order, each
    /// `{key, title, blocks}` with its title from the catalogue (empty: no heading).
    pub(crate) fn write_up(&self, p: &Project) -> Vec<Value> {
        let mut parts = Vec::new();
        let mut part = |key: &str, blocks: Vec<Value>| {
            if !blocks.is_empty() {
                parts.push(json!({ "key": key, "title": self.cat.text(key), "blocks": blocks }));
            }
        };
        let text = |t: &Option<Text>| t.as_ref().map(|t| self.blocks(t)).unwrap_or_default();
        part(
            "thesis",
            p.thesis
                .iter()
                .map(|t| json!({ "kind": "quote", "text": rich(&one_line(t)), "by": null }))
                .collect(),
        );
        part("scope", text(&p.scope));
        part("problem", text(&p.problem));
        if let Some(a) = &p.architecture {
            let mut blocks = text(&a.overview);
            if let Some(style) = &a.style {
                blocks.push(json!({
                    "kind": "paragraph",
                    "lead": self.cat.text("style"),
                    "text": rich(&one_line(style)),
                }));
            }
            if !a.modules.is_empty() {
                let items: Vec<Value> = a
                    .modules
                    .iter()
                    .map(|m| json!({ "name": m.name, "description": m.description.as_deref().map(|d| rich(&one_line(d))) }))
                    .collect();
                blocks.push(json!({ "kind": "modules", "items": items }));
            }
            part("architecture", blocks);
        }
        // Figures sit with the architecture they usually show; untitled on their own.
        let figures: Vec<Value> = self
            .kept(&p.figures)
            .into_iter()
            .map(|f| {
                let mut figure = self.figure(f);
                figure["kind"] = json!("figure");
                figure
            })
            .collect();
        if !figures.is_empty() {
            parts.push(json!({ "key": "figures", "title": "", "blocks": figures }));
        }
        let mut part = |key: &str, blocks: Vec<Value>| {
            if !blocks.is_empty() {
                parts.push(json!({ "key": key, "title": self.cat.text(key), "blocks": blocks }));
            }
        };
        part("rationale", text(&p.rationale));
        let steps = p.data_flow.as_ref().map(|d| match d {
            ListOr::Prose(t) => ListOr::Prose(t.clone()),
            ListOr::List(steps) => ListOr::List(
                steps
                    .iter()
                    .map(|s| Bullet {
                        text: s.clone(),
                        tags: Vec::new(),
                        priority: 0,
                    })
                    .collect(),
            ),
        });
        part("data_flow", self.list_or(&steps, "numbered"));
        let decisions = match &p.decisions {
            None => Vec::new(),
            Some(ListOr::Prose(text)) => paragraphs(text),
            Some(ListOr::List(items)) => {
                let kept = self.kept(items);
                if kept.is_empty() {
                    Vec::new()
                } else if kept.iter().all(|d| d.why.is_none() && d.tradeoff.is_none()) {
                    // Plain decisions read as a list, not as a row of bold titles.
                    vec![
                        json!({ "kind": "bullets", "items": kept.iter().map(|d| rich(&one_line(&d.text))).collect::<Vec<_>>() }),
                    ]
                } else {
                    let items: Vec<Value> = kept
                        .iter()
                        .map(|d| {
                            json!({
                                "text": rich(&one_line(&d.text)),
                                "why": d.why.as_deref().map(|w| rich(&one_line(w))),
                                "tradeoff": d.tradeoff.as_deref().map(|t| rich(&one_line(t))),
                            })
                        })
                        .collect();
                    vec![json!({ "kind": "decisions", "items": items })]
                }
            }
        };
        part("decisions", decisions);
        part("scale", text(&p.scale));
        part("performance", self.list_or(&p.performance, "bullets"));
        part("scalability", self.list_or(&p.scalability, "bullets"));
        let incidents: Vec<Value> = self
            .kept(&p.postmortem)
            .iter()
            .map(|i| {
                json!({
                    "issue": rich(&one_line(&i.issue)),
                    "fix": rich(&one_line(&i.fix)),
                    "lesson": i.lesson.as_deref().map(|l| rich(&one_line(l))),
                })
            })
            .collect();
        if !incidents.is_empty() {
            part(
                "postmortem",
                vec![json!({ "kind": "incidents", "items": incidents })],
            );
        }
        let metrics: Vec<Value> = self.kept(&p.metrics).iter().map(|m| metric(m)).collect();
        if !metrics.is_empty() {
            part(
                "project_metrics",
                vec![json!({ "kind": "metrics", "items": metrics })],
            );
        }
        part("outcome", text(&p.outcome));
        part("roadmap", self.list_or(&p.roadmap, "bullets"));
        // The author's own further sections carry their own headings.
        if let Some(more) = &p.sections {
            let blocks = self.blocks(more);
            if !blocks.is_empty() {
                parts.push(json!({ "key": "sections", "title": "", "blocks": blocks }));
            }
        }
        parts
    }
}

/// A metric as templates print it.
pub(super) fn metric(m: &crate::model::Metric) -> Value {
    json!({ "value": m.value, "label": m.label, "context": m.context.as_deref().map(rich) })
}

/// Paragraph blocks from text; a blank line starts a new one.
pub(super) fn paragraphs(text: &str) -> Vec<Value> {
    split_paragraphs(text)
        .iter()
        .map(|p| json!({ "kind": "paragraph", "text": rich(p) }))
        .collect()
}

/// A line of text with its line breaks folded to spaces (YAML block scalars keep them).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
