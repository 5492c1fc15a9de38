//! Italian-aware search text processing for Piazza, shared by both database backends.
//!
//! Full-text engines disagree on how they split, fold and stem words: SQLite's FTS5 has no
//! Italian stemmer and PostgreSQL's `italian` configuration behaves differently from any
//! FTS5 tokenizer. So the language work happens here, in Rust, once: documents are stored
//! as a string of analysed terms ([`analyze::index_text`]) that each engine only has to
//! split on spaces, and queries are parsed once ([`Query::parse`]) and written out in each
//! engine's syntax ([`Query::fts5`], [`Query::tsquery`]). Same terms in, same matches out.
//!
//! This crate is pure: no database, no GraphQL, no I/O.

pub mod analyze;
pub mod query;
pub mod rank;
pub mod snippet;
pub mod synonyms;

pub use analyze::index_text;
pub use query::{Matcher, Query, QueryError};
pub use rank::Ranker;
pub use snippet::{highlight, snippet};
pub use synonyms::Synonyms;
