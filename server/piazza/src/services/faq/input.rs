//! Parsing FAQ input at the edge: questions, notes, reasons, references and validity
//! dates, each cleaned or refused with a `BAD_USER_INPUT` naming the field in Italian.

use chrono::NaiveDate;
use piazza_db::faq::FaqContent;

use crate::error::{AppError, AppResult};

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn short_text(value: &str, field: &str, min: usize, max: usize) -> AppResult<String> {
    let v = value.trim();
    let n = chars(v);
    if n < min || n > max {
        return Err(AppError::bad_input(format!(
            "{field}: da {min} a {max} caratteri (ora {n})"
        )));
    }
    if v.chars().any(char::is_control) {
        return Err(AppError::bad_input(format!(
            "{field}: caratteri non ammessi"
        )));
    }
    Ok(v.to_owned())
}

pub(super) fn question(value: &str) -> AppResult<String> {
    short_text(value, "Domanda", 10, 300)
}

/// Why a change was made: obligatory on every change.
pub(super) fn change_note(value: &str) -> AppResult<String> {
    short_text(value, "Nota di modifica", 3, 500)
}

pub(super) fn reason(value: &str) -> AppResult<String> {
    short_text(value, "Motivo del ritiro", 3, 500)
}

/// At most 10 normative references of 2–200 characters each (e.g. "D.Lgs. 36/2023 art. 50"),
/// deduplicated, in the order given.
pub(super) fn references(values: &[String]) -> AppResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in values {
        let r = short_text(raw, "Riferimento normativo", 2, 200)?;
        if !out.contains(&r) {
            out.push(r);
        }
    }
    if out.len() > 10 {
        return Err(AppError::bad_input("Al massimo 10 riferimenti normativi"));
    }
    Ok(out)
}

pub(super) fn validity(from: Option<NaiveDate>, until: Option<NaiveDate>) -> AppResult<()> {
    match (from, until) {
        (Some(f), Some(u)) if f > u => Err(AppError::bad_input(
            "Validità: la data di inizio segue quella di fine",
        )),
        _ => Ok(()),
    }
}

pub(super) fn content(
    question: String,
    answer: String,
    tags: Vec<String>,
    references: Vec<String>,
    valid_from: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
) -> FaqContent {
    FaqContent {
        answer_html: piazza_markdown::render(&answer),
        renderer_version: i64::from(piazza_markdown::RENDERER_VERSION),
        question,
        answer,
        tags,
        references,
        valid_from,
        valid_until,
    }
}

/// A new entry, published at once or kept as a draft.
pub struct NewEntryInput {
    pub community_slug: String,
    pub question: String,
    pub answer: String,
    pub tags: Vec<String>,
    pub references: Vec<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub draft: bool,
    /// The note of version 1 (a default is used when absent).
    pub change_note: Option<String>,
}

/// A change to an entry: fields left `None` keep their value; for the validity dates,
/// `Some(None)` clears them.
#[derive(Default)]
pub struct EntryChange {
    pub question: Option<String>,
    pub answer: Option<String>,
    pub tags: Option<Vec<String>>,
    pub references: Option<Vec<String>>,
    pub valid_from: Option<Option<NaiveDate>>,
    pub valid_until: Option<Option<NaiveDate>>,
    pub change_note: String,
}
