//! The published FAQ of a community as one Markdown document, for offices that file or
//! print it: dated by the latest change, entries numbered in creation order, each with its
//! references, validity and version.

use std::fmt::Write;

use chrono::{DateTime, Utc};
use piazza_db::{communities::Community, faq::FaqEntry};

pub fn markdown_document(
    community: &Community,
    entries: &[FaqEntry],
    latest_change: Option<DateTime<Utc>>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# FAQ — {}\n", one_line(&community.name));
    match latest_change {
        Some(at) => {
            let _ = writeln!(
                out,
                "Versione del {} · {} voci pubblicate\n",
                at.format("%Y-%m-%d"),
                entries.len()
            );
        }
        None => out.push_str("Nessuna voce pubblicata.\n\n"),
    }
    for (n, e) in entries.iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", n + 1, one_line(&e.question));
        let _ = writeln!(out, "{}\n", e.answer.trim_end());
        let refs = e.reference_list();
        if !refs.is_empty() {
            let _ = writeln!(out, "- Riferimenti normativi: {}", refs.join("; "));
        }
        let tags = e.tag_list();
        if !tags.is_empty() {
            let _ = writeln!(out, "- Etichette: {}", tags.join(", "));
        }
        match (e.valid_from, e.valid_until) {
            (Some(f), Some(u)) => {
                let _ = writeln!(out, "- In vigore dal {f} al {u}");
            }
            (Some(f), None) => {
                let _ = writeln!(out, "- In vigore dal {f}");
            }
            (None, Some(u)) => {
                let _ = writeln!(out, "- In vigore fino al {u}");
            }
            (None, None) => {}
        }
        let _ = writeln!(
            out,
            "- Versione {}, aggiornata il {}\n",
            e.version,
            e.updated_at.format("%Y-%m-%d")
        );
    }
    out
}

/// Headings must stay on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
