//! A readable, word-level HTML diff between two revisions of an FAQ entry: the question
//! and the answer's markdown source, with removed words in `<del>` and added ones in
//! `<ins>`. Every piece of text is HTML-escaped, so the result is safe to insert as is.
//!
//! Diffing is done by `similar` (patience algorithm over words and whitespace runs), which
//! keeps unchanged phrases intact and groups a rewritten clause into one deletion and one
//! insertion instead of interleaving single words.

use piazza_db::faq::FaqRevision;
use similar::{Algorithm, ChangeTag, TextDiff};

/// The diff of question and answer from `old` to `new`.
pub fn diff_html(old: &FaqRevision, new: &FaqRevision) -> String {
    format!(
        "<div class=\"faq-diff\">\
         <p class=\"faq-diff-versions\">Versione {} → versione {}</p>\
         <h3>Domanda</h3><p class=\"faq-diff-question\">{}</p>\
         <h3>Risposta</h3><pre class=\"faq-diff-answer\">{}</pre></div>",
        old.version,
        new.version,
        words(&old.question, &new.question),
        words(&old.answer, &new.answer),
    )
}

/// Word-level diff of two texts as escaped HTML with `<del>`/`<ins>` runs.
///
/// Whitespace that both texts share between two replacements is folded into one hunk
/// ("<del>40.000 euro.</del><ins>140.000 euro per i servizi.</ins>"), which reads better
/// than alternating single words around common spaces.
pub fn words(old: &str, new: &str) -> String {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(old, new);
    let mut out = String::with_capacity(old.len() + new.len());
    let mut hunk = Hunk::default();
    let mut gap = String::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal if !hunk.is_empty() && text.trim().is_empty() => gap.push_str(text),
            ChangeTag::Equal => {
                hunk.close(&mut out, &mut gap);
                escape_into(&mut out, text);
            }
            tag => {
                if !gap.is_empty() {
                    if hunk.replaces() {
                        hunk.deleted.push_str(&gap);
                        hunk.inserted.push_str(&gap);
                        gap.clear();
                    } else {
                        hunk.close(&mut out, &mut gap);
                    }
                }
                match tag {
                    ChangeTag::Delete => hunk.deleted.push_str(text),
                    _ => hunk.inserted.push_str(text),
                }
            }
        }
    }
    hunk.close(&mut out, &mut gap);
    out
}

/// Consecutive deleted and inserted text.
#[derive(Default)]
struct Hunk {
    deleted: String,
    inserted: String,
}

impl Hunk {
    fn is_empty(&self) -> bool {
        self.deleted.is_empty() && self.inserted.is_empty()
    }

    /// Both sides have text: common whitespace may join it.
    fn replaces(&self) -> bool {
        !self.deleted.is_empty() && !self.inserted.is_empty()
    }

    /// Writes the hunk, then the pending common whitespace, and empties both.
    fn close(&mut self, out: &mut String, gap: &mut String) {
        for (text, open, close) in [
            (&self.deleted, "<del>", "</del>"),
            (&self.inserted, "<ins>", "</ins>"),
        ] {
            if !text.is_empty() {
                out.push_str(open);
                escape_into(out, text);
                out.push_str(close);
            }
        }
        self.deleted.clear();
        self.inserted.clear();
        escape_into(out, gap);
        gap.clear();
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_are_marked_and_the_rest_kept() {
        assert_eq!(
            words("Il limite è 40.000 euro", "Il limite è 140.000 euro"),
            "Il limite è <del>40.000</del><ins>140.000</ins> euro"
        );
        assert_eq!(words("uguale", "uguale"), "uguale");
        assert_eq!(words("", "nuovo"), "<ins>nuovo</ins>");
        assert_eq!(words("vecchio", ""), "<del>vecchio</del>");
    }

    #[test]
    fn shared_spaces_between_replacements_join_them() {
        assert_eq!(
            words(
                "La soglia è 40.000 euro.",
                "La soglia è 140.000 euro per i servizi."
            ),
            "La soglia è <del>40.000 euro.</del><ins>140.000 euro per i servizi.</ins>"
        );
        // A deletion next to an insertion keeps the space between them as common text.
        assert_eq!(words("a b c", "a c"), "a <del>b </del>c");
        assert_eq!(words("uno tre", "uno due tre"), "uno <ins>due </ins>tre");
    }

    #[test]
    fn everything_is_escaped() {
        let out = words("<b>a</b> & \"b\"", "<script>alert('x')</script> & \"b\"");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<b>"), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
            "{out}"
        );
        assert!(out.ends_with(" &amp; &quot;b&quot;"), "{out}");
    }

    #[test]
    fn the_whole_diff_names_versions_and_sections() {
        let rev = |version, question: &str, answer: &str| FaqRevision {
            faq_entry_id: 1,
            version,
            question: question.into(),
            answer: answer.into(),
            tags: String::new(),
            normative_refs: String::new(),
            change_note: "nota".into(),
            editor_id: 1,
            created_at: chrono::Utc::now(),
        };
        let html = diff_html(
            &rev(1, "Serve il CIG?", "Sì, sempre."),
            &rev(3, "Serve il CIG?", "Sì, tranne i casi esclusi."),
        );
        assert!(html.contains("Versione 1 → versione 3"), "{html}");
        assert!(
            html.contains("<p class=\"faq-diff-question\">Serve il CIG?</p>"),
            "{html}"
        );
        assert!(
            html.contains("<del>sempre.</del><ins>tranne i casi esclusi.</ins>"),
            "{html}"
        );
    }
}
