//! Inputs built to hit the worst cases of a markdown parser or an HTML tree builder, each
//! about `size` bytes. Shared by the corpus test (must finish, on a small stack) and the
//! throughput example (reports the slowest), hence a file of its own.
//!
//! The markdown shapes follow cmark's `test/pathological_tests.py`; the HTML shapes are
//! the start tags whose parsing walks the stack of open elements.

/// `(label, input)` pairs.
pub fn inputs(size: usize) -> Vec<(String, String)> {
    let repeat = |unit: &str| unit.repeat(size / unit.len().max(1));
    let mut cases: Vec<(&str, String)> = vec![
        // Markdown nesting.
        ("nested block quotes", repeat(">") + " x"),
        ("nested lists", repeat("- ") + "x"),
        ("nested ordered lists", repeat("1. ") + "x"),
        ("quotes in lists", repeat("> - ") + "x"),
        (
            "nested emphasis",
            repeat("*a **a ")[..size / 2].to_owned() + &repeat("a** a*")[..size / 2],
        ),
        ("emphasis openers", repeat("*a _b ")),
        ("emphasis closers", repeat("a* b_ ")),
        ("emphasis runs", repeat("*") + "a" + &repeat("_")),
        ("unclosed links", repeat("[a](b ")),
        ("unopened links", repeat("a] ")),
        (
            "nested brackets",
            repeat("[")[..size / 2].to_owned() + &repeat("]")[..size / 2],
        ),
        ("links and emphasis", repeat("[*a](")),
        ("image openers", repeat("![a")),
        ("long link destination", format!("[a]({})", repeat("a"))),
        (
            "backtick runs",
            (1..)
                .map(|n| "`".repeat(n) + "x")
                .scan(0, |len, s| {
                    *len += s.len();
                    (*len < size).then_some(s)
                })
                .collect(),
        ),
        ("unclosed comments", repeat("<!-- a ")),
        ("lone angle brackets", repeat("< a")),
        ("entities", repeat("&amp;&#x26;&lt")),
        ("backslashes", repeat("\\")),
        (
            "link definitions",
            (0..size / 16).map(|i| format!("[r{i}]: /u{i}\n")).collect(),
        ),
        (
            "wide table",
            format!(
                "{}\n{}\n{}",
                repeat("|a")[..size / 3].to_owned(),
                &repeat("|-")[..size / 3],
                &repeat("|x")[..size / 3]
            ),
        ),
        ("long table", format!("|a|b|\n|-|-|\n{}", repeat("|x|y|\n"))),
        ("control characters", repeat("\0\u{1}\u{8}\u{b}\u{c}\u{7f}")),
    ];
    // Raw HTML nesting, inline (after text) so it reaches the sanitiser as one paragraph.
    for tag in [
        "<div>",
        "<blockquote>",
        "<ul><li>",
        "<dl><dd>",
        "<b>",
        "<b-b>",
        "<em><strong><del>",
        "<table><tr><td>",
        "<a href=x>",
        "<p><button>",
        "<select><option>",
        "<svg>",
        "<math><mtext>",
    ] {
        cases.push((tag, format!("a {}", repeat(tag))));
    }
    // Misnested formatting elements, re-created by the parser for every paragraph.
    let formatting: String = (0..size / 32).map(|i| format!("<em title={i}>")).collect();
    let paragraphs = "</p><p>x".repeat((size - formatting.len()) / 8);
    cases.push((
        "re-opened formatting",
        format!("<p>{formatting}{paragraphs}"),
    ));
    cases
        .into_iter()
        .map(|(label, input)| (label.to_owned(), input))
        .collect()
}
