//! Highlighted snippets: a short window of the original text around the first word the
//! query matched, HTML-escaped, with matched words wrapped in `<mark>`.
//!
//! The text is the document's plain text as written (not the index terms), so members see
//! their own words, accents and capitals. Everything is escaped and the only markup added is
//! `<mark>…</mark>`: the result is safe to insert as HTML whatever the text contains.

use crate::{Matcher, analyze};

/// Default snippet length, in characters of the original text.
pub const SNIPPET_CHARS: usize = 220;

fn escape(text: &str, out: &mut String) {
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

/// Whitespace runs collapsed to one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The byte index `chars` characters before or after `at`, moved to a word boundary.
fn boundary_before(text: &str, at: usize, chars: usize) -> usize {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if start == 0 {
        return 0;
    }
    // Start after the next space so no word is cut.
    text[start..at].find(' ').map_or(start, |s| start + s + 1)
}

fn boundary_after(text: &str, from: usize, chars: usize) -> usize {
    let end = text[from..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| from + i);
    if end == text.len() {
        return end;
    }
    text[from..end].rfind(' ').map_or(end, |s| from + s)
}

/// A window of about `max_chars` characters of `text` around the first match, escaped,
/// matches marked, "…" where the text was cut.
pub fn snippet(text: &str, matcher: &Matcher, max_chars: usize) -> String {
    let text = collapse(text);
    // Words are analysed only up to the end of the window: a long post is not stemmed
    // through for a snippet of its first matches.
    let mut marks = analyze::tokens(&text)
        .filter(|t| matcher.matches(&t.folded))
        .map(|t| t.span)
        .peekable();
    let (start, end) = if text.chars().count() <= max_chars {
        (0, text.len())
    } else {
        let first = marks.peek().map_or(0, |m| m.start);
        // Some context before the first match, the rest after it.
        let start = boundary_before(&text, first, max_chars / 4);
        (start, boundary_after(&text, start, max_chars))
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut at = start;
    for m in marks
        .take_while(|m| m.start < end)
        .filter(|m| m.start >= start && m.end <= end)
    {
        escape(&text[at..m.start], &mut out);
        out.push_str("<mark>");
        escape(&text[m.clone()], &mut out);
        out.push_str("</mark>");
        at = m.end;
    }
    escape(&text[at..end], &mut out);
    if end < text.len() {
        out.push('…');
    }
    out
}

/// The whole of a short text (a title), escaped, matches marked.
pub fn highlight(text: &str, matcher: &Matcher) -> String {
    snippet(text, matcher, usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Query, Synonyms};

    fn matcher(q: &str) -> Matcher {
        Query::parse(q, &Synonyms::builtin()).unwrap().matcher()
    }

    #[test]
    fn marks_every_form_of_the_words_searched() {
        let s = highlight("Gli appalti e l'appalto del Comune", &matcher("appaltare"));
        assert_eq!(
            s,
            "Gli <mark>appalti</mark> e l&#39;<mark>appalto</mark> del Comune"
        );
    }

    #[test]
    fn marks_accented_words_and_synonyms_as_written() {
        let s = highlight(
            "Il Responsabile Unico nominato? Perché sì.",
            &matcher("perche RUP"),
        );
        assert_eq!(
            s,
            "Il <mark>Responsabile</mark> <mark>Unico</mark> nominato? <mark>Perché</mark> sì."
        );
    }

    #[test]
    fn escapes_everything_it_does_not_mark() {
        let s = highlight(
            "<script>alert('bilancio')</script> & <mark>bilancio</mark>",
            &matcher("bilancio"),
        );
        assert!(!s.contains("<script"), "{s}");
        assert!(
            s.contains("&lt;mark&gt;<mark>bilancio</mark>&lt;/mark&gt;"),
            "{s}"
        );
        assert_eq!(s.matches("<mark>").count(), 2, "{s}");
        assert_eq!(
            s.replace("<mark>", "")
                .replace("</mark>", "")
                .matches('<')
                .count(),
            0
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_first_match() {
        let text = format!(
            "{} la variazione di bilancio {}",
            "parola ".repeat(200),
            "altro ".repeat(200)
        );
        let s = snippet(&text, &matcher("bilancio"), 120);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("<mark>bilancio</mark>"));
        assert!(s.chars().count() < 120 + 40, "{}", s.chars().count());
        // No word is cut in half.
        assert!(!s.contains("…arola") && !s.contains("altr…"), "{s}");
    }

    #[test]
    fn every_match_inside_the_window_is_marked() {
        let text = format!(
            "{} bilancio e bilanci del bilancio {} bilancio",
            "parola ".repeat(100),
            "altro ".repeat(100)
        );
        let s = snippet(&text, &matcher("bilancio"), 120);
        assert_eq!(s.matches("<mark>").count(), 3, "{s}");
        assert!(s.contains("<mark>bilanci</mark>"), "{s}");
    }

    #[test]
    fn without_a_match_the_start_is_shown() {
        let s = snippet(&"testo ".repeat(100), &matcher("bilancio"), 50);
        assert!(s.starts_with("testo") && s.ends_with('…'));
        assert_eq!(snippet("", &matcher("x"), 50), "");
    }
}
