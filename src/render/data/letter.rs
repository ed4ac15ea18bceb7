//! The cover letter's data: an application's letter, with the CV's person and design.

use serde_json::{Value, json};

use super::{BuildInfo, Ctx};
use crate::locale::Precision;
use crate::model::{Application, Content};
use crate::select::Selection;

/// The letter of `app`, for the profile selected in `sel` (its headline and design).
pub fn letter(sel: &Selection, content: &Content, info: &BuildInfo, app: &Application) -> Value {
    let ctx = Ctx::new(sel, content, info);
    let date = &app.date.value;
    let precision = if date.day.is_some() {
        Precision::Day
    } else {
        Precision::Month
    };
    let title = format!("{} — {}, {}", content.person.name, app.role, app.company);
    ctx.document(
        &title,
        json!({
            "recipient": {
                "contact": app.contact,
                "company": app.company,
                "role": app.role,
            },
            "date": ctx.cat.date(date, precision),
            "salutation": app.salutation(),
            "body": ctx.blocks(&app.letter),
            "closing": app.closing(),
            "signature": content.person.name,
        }),
    )
}
