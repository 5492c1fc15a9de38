//! Markdown → safe HTML for posts, answers and FAQ entries.
//!
//! This crate owns the whole rendering policy, so that every place that shows user
//! content (server-rendered pages, the GraphQL API, notification e-mails, a preview) goes
//! through one code path. It knows nothing about the rest of Piazza.
//!
//! The pipeline has two stages, and only the second one is trusted:
//! 1. [pulldown-cmark] turns CommonMark (plus tables, strikethrough and task lists) into
//!    HTML. Raw HTML in the source is passed through untouched at this stage, and
//!    link destinations are not checked: pulldown-cmark is a formatter, not a filter.
//! 2. [ammonia] parses that HTML the way a browser does (html5ever) and rebuilds it from
//!    an explicit allow-list (see `policy.rs`), dropping everything else.
//!
//! Posts are rendered once, on write, and the HTML is stored next to the source and
//! [`RENDERER_VERSION`]. Changing the policy therefore means bumping the version and
//! re-rendering old posts; readers never pay for rendering.
//!
//! The output is an HTML *fragment* meant to be inserted into a block container (a
//! `<div>`), which is the context the sanitiser parses it in.
//!
//! [pulldown-cmark]: https://docs.rs/pulldown-cmark
//! [ammonia]: https://docs.rs/ammonia

mod limits;
mod policy;

/// Every element the sanitiser lets through.
pub use policy::TAGS as ALLOWED_TAGS;
mod table;
mod text;

use pulldown_cmark::{Options, Parser, html};

/// Bumped whenever the rendering policy changes, so stored HTML can be re-rendered.
pub const RENDERER_VERSION: i32 = 1;

/// The markdown dialect: CommonMark plus the GitHub extensions forum users know.
///
/// Left out on purpose: footnotes and heading attributes (they generate ids and classes
/// the policy would mostly strip), smart punctuation (it rewrites quotes inside Italian
/// legal citations), math and GitHub alert blocks (they need front-end support).
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS);

/// Renders markdown source to sanitised HTML.
///
/// The result is safe to insert into a page as-is, contains only the elements and
/// attributes listed in the policy, and is stable: sanitising it again yields the same
/// string.
pub fn render(markdown: &str) -> String {
    // Rendered HTML is usually a little longer than its source.
    let mut unsafe_html = String::with_capacity(markdown.len() + markdown.len() / 4);
    let mut limits = limits::Limits::default();
    let mut alignment = table::CellAlignment::default();
    let events = Parser::new_ext(markdown, OPTIONS)
        .filter_map(|event| limits.filter(event))
        .map(|event| alignment.rewrite(event));
    html::push_html(&mut unsafe_html, events);
    if limits.saw_raw_html() {
        sanitize_html(&unsafe_html)
    } else {
        // pulldown-cmark's own markup is well formed and uses only allowed elements,
        // so one pass already yields a fixed point (see `sanitize_html`).
        policy::SANITIZER.clean(&unsafe_html).to_string()
    }
}

/// Plain text of the markdown (for excerpts/search), tags stripped, whitespace collapsed.
///
/// This is the text a reader sees in [`render`]'s output, entities decoded (`&amp;` is
/// `&`), so it must be escaped again wherever it is put into HTML. Link targets and image
/// alt text are not included.
pub fn plain_text(markdown: &str) -> String {
    text::visible_text(&render(markdown))
}

/// Sanitises an HTML fragment with the same policy [`render`] applies.
///
/// For HTML that did not come from [`render`]: content imported from another system, or
/// stored HTML re-checked after a policy change. Tests also use it to check that
/// rendered output is a fixed point of the sanitiser.
///
/// Unlike [`render`], it applies no nesting or tag limits (see `limits.rs`): deeply
/// nested input costs quadratic time (64 KB of nested `<div>` takes about a second), so
/// do not call it on untrusted input of unbounded size.
///
/// It runs the sanitiser twice. Removing a disallowed element keeps its children, and
/// some trees built that way cannot be written as HTML: `<p><button><p>x` parses as a
/// paragraph inside a button inside a paragraph, and without the button the result
/// serialises as `<p><p>x</p></p>`, which a browser reads as two sibling paragraphs.
/// That is not a vulnerability here (the policy has no raw-text or foreign elements, so
/// re-parsing can only move allowed elements around, never turn text into markup), but
/// stored HTML should read back the way it was checked. The second pass sees only
/// allowed elements, removes nothing structural, and so produces a fixed point.
pub fn sanitize_html(html: &str) -> String {
    let once = policy::SANITIZER.clean(html).to_string();
    policy::SANITIZER.clean(&once).to_string()
}

#[cfg(test)]
mod tests;
