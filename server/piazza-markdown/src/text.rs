//! Plain text of a rendered post, for excerpts and the search index.
//!
//! It works on the *sanitised* HTML rather than on the markdown events, so the text is
//! exactly what a reader sees: raw HTML the user typed is reduced the same way, and
//! content the sanitiser drops (`<script>`, `<svg>`) never reaches an excerpt. Sanitised
//! output holds no raw-text elements, so a bare tokenizer (no tree builder) reads it
//! correctly, with entities decoded.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements whose boundaries separate words: `<p>a</p><p>b</p>` reads "a b", while
/// `<em>a</em>b` reads "ab".
const BLOCKS: &[&str] = &[
    "blockquote",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Collects character tokens, collapsing every run of whitespace to one space.
#[derive(Default)]
struct TextSink {
    out: RefCell<String>,
    /// A separator is owed before the next visible character.
    space: Cell<bool>,
}

impl TextSink {
    fn push_text(&self, text: &str) {
        let mut out = self.out.borrow_mut();
        for c in text.chars() {
            if c.is_whitespace() {
                self.space.set(true);
            } else {
                if self.space.take() && !out.is_empty() {
                    out.push(' ');
                }
                out.push(c);
            }
        }
    }
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(text) => self.push_text(&text),
            Token::TagToken(tag) if BLOCKS.contains(&&*tag.name) => self.space.set(true),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Visible text of sanitised HTML, whitespace collapsed and trimmed.
pub(crate) fn visible_text(html: &str) -> String {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(TextSink::default(), TokenizerOpts::default());
    // The sink never asks to pause (that is only for `<script>`), so one feed reads all.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.out.take()
}
