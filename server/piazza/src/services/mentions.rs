//! @mentions: `@handle` in a post's markdown links to the member and notifies them.
//!
//! Handles are unique and derived at registration (`mario.rossi`, `mario.rossi2`), so a
//! mention is never ambiguous the way a display name would be. Mentions are read from the
//! markdown *text* only — not from code spans or blocks, link texts, raw HTML or e-mail
//! addresses — and at most [`MAX_MENTIONS`] distinct handles per post are accepted.
//!
//! Linking rewrites each mention of a known member into a markdown link
//! (`[@mario.rossi](/u/mario.rossi)`) before rendering, so the HTML still comes out of the
//! one rendering path and its sanitiser: nothing is spliced into HTML. The source keeps
//! what the author typed. A handle is `[a-z0-9.]`, so the rewritten link needs no escaping.

use std::{collections::HashMap, ops::Range};

use piazza_db::users::User;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::AppState;
use crate::error::{AppError, AppResult};

/// Most distinct members one post may mention.
pub const MAX_MENTIONS: usize = 10;

/// Longest handle looked at (registration makes at most 30 characters plus a counter).
const MAX_HANDLE: usize = 40;

/// The dialect `piazza_markdown::render` uses, so text is found where it renders as text.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS);

/// One `@handle` in the source: its byte range (the `@` included) and the handle, lowercased.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mention {
    range: Range<usize>,
    handle: String,
}

/// Characters that, right before an `@`, make it part of something else (an e-mail
/// address, a URL path, an escaped `\@`).
fn joins_previous(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '/' | '\\' | '@' | '=' | '&')
}

fn handle_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'.'
}

/// Mentions in one run of text starting at byte `start` of `source`.
fn scan_text(source: &str, start: usize, end: usize, out: &mut Vec<Mention>) {
    let bytes = source.as_bytes();
    let mut i = start;
    while i < end {
        if bytes[i] != b'@' {
            i += 1;
            continue;
        }
        let before_ok = source[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !joins_previous(c));
        let mut j = i + 1;
        if before_ok && j < end && bytes[j].is_ascii_alphanumeric() {
            while j < end && handle_char(bytes[j]) {
                j += 1;
            }
            // A sentence may end right after a mention: "grazie @mario.rossi."
            while bytes[j - 1] == b'.' {
                j -= 1;
            }
            let handle = &source[i + 1..j];
            if handle.len() <= MAX_HANDLE {
                out.push(Mention {
                    range: i..j,
                    handle: handle.to_ascii_lowercase(),
                });
            }
        }
        i = j.max(i + 1);
    }
}

/// Every mention in the markdown, in source order (repeats included).
fn scan(markdown: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    let (mut code, mut link) = (0usize, 0usize);
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code += 1,
            Event::End(TagEnd::CodeBlock) => code = code.saturating_sub(1),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => link += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => link = link.saturating_sub(1),
            // Only text that is exactly its source (no entity or escape was decoded), so
            // byte offsets in the text are offsets in the source.
            Event::Text(text)
                if code == 0 && link == 0 && markdown.get(range.clone()) == Some(&*text) =>
            {
                scan_text(markdown, range.start, range.end, &mut out);
            }
            _ => {}
        }
    }
    out
}

/// The distinct handles mentioned, lowercased, in order of first mention.
pub fn handles(markdown: &str) -> Vec<String> {
    let mut handles: Vec<String> = Vec::new();
    for m in scan(markdown) {
        if !handles.contains(&m.handle) {
            handles.push(m.handle);
        }
    }
    handles
}

/// Renders the markdown with each mention of a `known` handle linked to the member.
pub fn render(markdown: &str, known: &[String]) -> String {
    let mut linked = String::with_capacity(markdown.len() + 32 * known.len());
    let mut last = 0;
    for m in scan(markdown) {
        if !known.contains(&m.handle) {
            continue;
        }
        linked.push_str(&markdown[last..m.range.start]);
        let typed = &markdown[m.range.clone()];
        linked.push_str(&format!("[{typed}](/u/{})", m.handle));
        last = m.range.end;
    }
    linked.push_str(&markdown[last..]);
    piazza_markdown::render(&linked)
}

/// A post body ready to store: its HTML with mentions linked, and the members mentioned.
pub struct Rendered {
    pub html: String,
    /// Mentioned members as `(id, handle)`, in order of first mention; unknown handles
    /// are left out.
    pub mentioned: Vec<(i64, String)>,
}

impl Rendered {
    pub fn mentioned_ids(&self) -> Vec<i64> {
        self.mentioned.iter().map(|(id, _)| *id).collect()
    }
}

/// Checks the mention limit (`BAD_USER_INPUT` beyond it), resolves the handles and renders.
pub async fn render_post(state: &AppState, body: &str) -> AppResult<Rendered> {
    let handles = handles(body);
    if handles.len() > MAX_MENTIONS {
        return Err(AppError::bad_input(format!(
            "Testo: al massimo {MAX_MENTIONS} menzioni per messaggio"
        )));
    }
    let users: HashMap<String, User> = piazza_db::users::list_users_by_handles(&state.db, &handles)
        .await?
        .into_iter()
        .map(|u| (u.handle.clone(), u))
        .collect();
    let known: Vec<String> = handles
        .iter()
        .filter(|h| users.contains_key(*h))
        .cloned()
        .collect();
    Ok(Rendered {
        html: render(body, &known),
        mentioned: known.iter().map(|h| (users[h].id, h.clone())).collect(),
    })
}

/// The members a stored post mentions, as ids in order of first mention, resolved in the
/// caller's transaction. A held post tells nobody while it waits; approving it tells the
/// members its text names then (edits made while it was held included).
pub async fn mentioned_ids_tx(tx: &mut piazza_db::Tx, body: &str) -> AppResult<Vec<i64>> {
    newly_mentioned_ids_tx(tx, body, &[]).await
}

/// Like [`mentioned_ids_tx`], leaving out the members the `earlier` texts named already.
pub async fn newly_mentioned_ids_tx(
    tx: &mut piazza_db::Tx,
    body: &str,
    earlier: &[&str],
) -> AppResult<Vec<i64>> {
    let named_before: Vec<String> = earlier.iter().flat_map(|b| handles(b)).collect();
    // The limit was checked when the text was written; it still bounds the lookup.
    let handles: Vec<String> = handles(body)
        .into_iter()
        .filter(|h| !named_before.contains(h))
        .take(MAX_MENTIONS)
        .collect();
    let found: HashMap<String, i64> = piazza_db::users::list_user_ids_by_handles_tx(tx, &handles)
        .await?
        .into_iter()
        .map(|(id, handle)| (handle, id))
        .collect();
    Ok(handles
        .iter()
        .filter_map(|h| found.get(h).copied())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_found_in_text_only() {
        let md = "Ciao @Mario.Rossi e @anna2, vedi `@codice` e\n\n```\n@blocco\n```\n\n\
                  [@link](https://x.it) mario@comune.it \\@escaped @luca.";
        assert_eq!(handles(md), ["mario.rossi", "anna2", "luca"]);
    }

    #[test]
    fn repeats_count_once_and_keep_first_order() {
        assert_eq!(handles("@b @a @b @a @c"), ["b", "a", "c"]);
        assert!(handles("@ @. @- nessuna").is_empty());
        assert!(handles(&format!("@{}", "a".repeat(41))).is_empty());
    }

    #[test]
    fn known_mentions_become_links_through_the_sanitiser() {
        let html = render("Grazie @Anna.Bianchi e @ignoto!", &["anna.bianchi".into()]);
        assert!(
            html.contains(r#"<a href="/u/anna.bianchi" rel="nofollow ugc noopener noreferrer">@Anna.Bianchi</a>"#),
            "{html}"
        );
        assert!(html.contains("@ignoto!"), "{html}");
        assert!(!html.contains("/u/ignoto"), "{html}");
    }

    #[test]
    fn linking_cannot_inject_markup() {
        let known = vec!["x".to_owned()];
        for md in [
            "<img src=x onerror=alert(1)>@x",
            "[@x](javascript:alert(1))",
            "@x<script>alert(1)</script>",
            "**@x**\"><svg onload=alert(1)>",
            "`@x` <a href=\"javascript:alert(1)\">@x</a>",
        ] {
            let html = render(md, &known);
            let lower = html.to_lowercase();
            assert!(!lower.contains("<script"), "{md} → {html}");
            assert!(!lower.contains("javascript:"), "{md} → {html}");
            assert!(
                !lower.contains("onerror") && !lower.contains("onload"),
                "{md} → {html}"
            );
            assert!(
                !lower.contains("<svg") && !lower.contains("<img src=\"x\""),
                "{md} → {html}"
            );
        }
    }

    /// Every tag of sanitised HTML (text `<` is escaped, so a literal `<` opens a tag).
    fn tags(html: &str) -> impl Iterator<Item = String> + '_ {
        html.split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or_default().to_lowercase())
    }

    #[test]
    fn xss_vectors_around_mentions_stay_inert() {
        let corpus = [
            include_str!("../../../piazza-markdown/tests/xss/patt-xss-polyglots.txt"),
            include_str!("../../../piazza-markdown/tests/xss/patt-rsnake-xss.txt"),
            include_str!(
                "../../../piazza-markdown/tests/xss/patt-port-swigger-xss-cheatsheet-event-handlers.txt"
            ),
        ];
        let known = vec!["x".to_owned(), "a.b".to_owned()];
        let mut checked = 0;
        for vector in corpus
            .iter()
            .flat_map(|c| c.lines())
            .filter(|l| !l.trim().is_empty())
        {
            for md in [
                format!("@x {vector}"),
                format!("{vector} @a.b"),
                format!("@x{vector}@a.b"),
                format!("[{vector}](/u/x) @x"),
            ] {
                let html = render(&md, &known);
                for tag in tags(&html) {
                    let name = tag
                        .trim_start_matches('/')
                        .split([' ', '/'])
                        .next()
                        .unwrap_or_default();
                    assert!(
                        piazza_markdown::ALLOWED_TAGS.contains(&name),
                        "unexpected <{tag}> from {md:?}: {html}"
                    );
                    let attributes = tag.split_whitespace().skip(1);
                    for attr in attributes {
                        assert!(
                            !attr.starts_with("on") && !attr.starts_with("style"),
                            "<{tag}> from {md:?}"
                        );
                    }
                    assert!(
                        !tag.contains("javascript:") && !tag.contains("data:"),
                        "<{tag}> from {md:?}"
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 600, "the corpus was read: {checked} inputs");
    }

    #[test]
    fn code_keeps_its_mentions_unlinked() {
        let html = render("`@x` e @x", &["x".into()]);
        assert!(html.contains("<code>@x</code>"), "{html}");
        assert_eq!(html.matches("/u/x").count(), 1, "{html}");
    }
}
