//! Bounds that keep rendering time linear in the size of the post.
//!
//! pulldown-cmark is linear, but the HTML5 tree builder inside ammonia is not: for many
//! start tags (`<div>`, `<blockquote>`, `<li>`, `<dd>` …) the parsing algorithm walks the
//! stack of open elements, so N nested elements cost O(N²), and misnested formatting
//! elements can make it create O(N²) elements (see [`MAX_RAW_START_TAGS`]). Measured in
//! release builds before these limits: 64 KB of `<ul><li>` took 1.7 s, and 16 KB of `>`
//! (16,000 nested quotes) took 2 s, growing faster than quadratically. Browsers cap tree
//! depth for the same reason (Blink at 512).
//!
//! So, before the HTML exists:
//! - markdown structure deeper than [`MAX_DEPTH`] is flattened: the tags are dropped, the
//!   text is kept;
//! - after [`MAX_RAW_START_TAGS`] raw HTML start tags, further raw HTML is shown as text.
//!
//! Both bounds are far beyond what a real post needs, and both degrade visibly instead of
//! failing, so a writer can see what happened. Markdown alone cannot trigger the
//! formatting-element blow-up: pulldown-cmark never misnests its own tags.

use pulldown_cmark::{CowStr, Event, Tag};

/// Deepest markdown nesting rendered as elements (quotes in quotes, lists in lists,
/// emphasis in emphasis all count).
pub(crate) const MAX_DEPTH: usize = 32;

/// Raw HTML start tags rendered as HTML in one post. Few posts use any: the policy allows
/// little beyond what markdown writes itself (`<br>` and `<del>` are the usual ones).
///
/// Depth is not the only reason to count. When an end tag closes formatting elements
/// (`<em>`, `<b>` …) that are still "active", the parser re-creates all of them at the
/// next text, and `<p><em title=1>…<em title=N></p><p>x</p><p>x…` does that for each
/// paragraph: N × M elements from N + M tags (2,000 tags gave 1 M elements, 9 MB of HTML
/// and 2 s). With 256 the worst case is about 16 k elements.
pub(crate) const MAX_RAW_START_TAGS: usize = 256;

/// Applies both limits to one document's events; feed it every event in order.
#[derive(Default)]
pub(crate) struct Limits {
    /// For each open tag: whether it was emitted.
    open: Vec<bool>,
    /// How many entries of `open` are `true`.
    depth: usize,
    raw_start_tags: usize,
    saw_raw_html: bool,
}

impl Limits {
    /// Whether any raw HTML reached the output (so the sanitiser has real work to do).
    pub(crate) fn saw_raw_html(&self) -> bool {
        self.saw_raw_html
    }

    pub(crate) fn filter<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        match event {
            Event::Start(ref tag) => {
                // Once a tag is dropped, its whole subtree is: a kept element then never
                // misses the children its content model needs (a `<table>` is kept only
                // with room for its rows and cells, a list with room for its items).
                let suppressing = self.open.len() > self.depth;
                let emit = !suppressing && self.depth + height(tag) <= MAX_DEPTH;
                self.open.push(emit);
                if emit {
                    self.depth += 1;
                }
                emit.then_some(event)
            }
            Event::End(_) => {
                // pulldown-cmark balances Start and End, so `open` cannot be empty here.
                let emitted = self.open.pop().unwrap_or(false);
                if emitted {
                    self.depth -= 1;
                }
                emitted.then_some(event)
            }
            Event::Html(html) => Some(self.raw(html, Event::Html)),
            Event::InlineHtml(html) => Some(self.raw(html, Event::InlineHtml)),
            other => Some(other),
        }
    }

    fn raw<'a>(&mut self, html: CowStr<'a>, kind: fn(CowStr<'a>) -> Event<'a>) -> Event<'a> {
        self.raw_start_tags += count_start_tags(&html);
        if self.raw_start_tags > MAX_RAW_START_TAGS {
            // Escaped by pulldown-cmark like any text: shown, never parsed.
            Event::Text(html)
        } else {
            self.saw_raw_html = true;
            kind(html)
        }
    }
}

/// Element levels a markdown tag produces, so a kept tag has room for its required
/// descendants.
fn height(tag: &Tag<'_>) -> usize {
    match tag {
        // table > thead/tr > th/td (tbody is implied and not counted).
        Tag::Table(_) => 3,
        // ul/ol > li, and pre > code.
        Tag::List(_) | Tag::CodeBlock(_) => 2,
        _ => 1,
    }
}

/// Start tags (`<` followed by a letter) in a raw HTML chunk. An upper bound: `a <b`
/// inside an HTML block counts even if it is not a tag.
fn count_start_tags(html: &str) -> usize {
    html.as_bytes()
        .windows(2)
        .filter(|pair| pair[0] == b'<' && pair[1].is_ascii_alphabetic())
        .count()
}
