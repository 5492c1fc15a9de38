//! Search results and their filters.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use piazza_db::search::{self as index, SearchFilter as DbFilter};

use super::{FaqEntry, Post, Thread, load_faq_entry};
use crate::{
    graphql::context::loaders,
    services::{self, search::Hit, threads::Kind},
};

/// What kind of content a search returns.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum SearchKind {
    /// Only questions.
    Question,
    /// Only discussions.
    Discussion,
    /// Only FAQ entries.
    Faq,
}

/// Narrows a search. Filters about threads (kind other than FAQ, answered, official answer,
/// author) leave FAQ entries out.
#[derive(InputObject, Default)]
pub struct SearchFilter {
    /// Only questions, only discussions or only FAQ entries.
    pub kind: Option<SearchKind>,
    /// Only questions with (true) or without (false) an accepted or official answer.
    pub answered: Option<bool>,
    /// Only threads with (true) or without (false) an official answer.
    pub has_official_answer: Option<bool>,
    /// Only threads or FAQ entries with this tag.
    pub tag: Option<String>,
    /// Only posts written by this member.
    pub author_id: Option<ID>,
    /// Only content written (FAQ: last changed) at or after this time.
    pub from: Option<DateTime<Utc>>,
    /// Only content written (FAQ: last changed) before this time.
    pub to: Option<DateTime<Utc>>,
}

impl SearchFilter {
    pub fn into_filter(self) -> DbFilter {
        let thread_only = self.answered.is_some()
            || self.has_official_answer.is_some()
            || self.author_id.is_some();
        let post = || Some(index::POST.to_owned());
        let (doc_kind, thread_kind) = match self.kind {
            Some(SearchKind::Faq) => (Some(index::FAQ.to_owned()), None),
            Some(SearchKind::Question) => (post(), Some(Kind::Question.as_str().to_owned())),
            Some(SearchKind::Discussion) => (post(), Some(Kind::Discussion.as_str().to_owned())),
            None if thread_only => (post(), None),
            None => (None, None),
        };
        // An unknown id matches nobody's posts.
        let author_id = self
            .author_id
            .map(|id| services::parse_id(&id, "Utente").unwrap_or(0));
        DbFilter {
            community_id: None,
            doc_kind,
            thread_kind,
            answered: self.answered,
            has_official_answer: self.has_official_answer,
            tag: self.tag,
            author_id,
            from: self.from,
            to: self.to,
            first_posts_only: false,
        }
    }
}

/// One search result: a thread (with the post that matched best) or an FAQ entry.
pub struct SearchHit(pub Hit);

#[Object]
impl SearchHit {
    /// The thread, when the result is a question or discussion.
    async fn thread(&self, ctx: &Context<'_>) -> Result<Option<Thread>> {
        let Some(id) = self.0.thread_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.threads.load_one(id).await?.map(Thread))
    }

    /// The thread's post that matched best (its first post when the title matched).
    async fn post(&self, ctx: &Context<'_>) -> Result<Option<Post>> {
        let Some(id) = self.0.post_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.posts.load_one(id).await?.map(Post))
    }

    /// The FAQ entry, when the result is one.
    async fn faq_entry(&self, ctx: &Context<'_>) -> Result<Option<FaqEntry>> {
        match self.0.faq_entry_id {
            Some(id) => load_faq_entry(ctx, id).await,
            None => Ok(None),
        }
    }

    /// The thread's title or the FAQ question as HTML: escaped, matched words in `<mark>`.
    async fn title_html(&self) -> &str {
        &self.0.title_html
    }

    /// A short extract around the first match as HTML: escaped, matched words in `<mark>`.
    async fn snippet_html(&self) -> &str {
        &self.0.snippet_html
    }
}
