use async_graphql::{Context, Enum, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use piazza_db::threads::{Thread as ThreadRecord, ThreadFilter, ThreadSort as DbSort};

use super::{Community, FaqEntry, Page, Post, User, id, page_of};
use crate::{
    error::AppError,
    graphql::{
        context::{loaders, scoped_viewer, state},
        cursor,
    },
    services::{faq, threads::Kind},
};

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ThreadKind {
    /// Asks for an answer; can have an accepted and an official answer.
    Question,
    /// An open conversation.
    Discussion,
}

impl From<ThreadKind> for Kind {
    fn from(k: ThreadKind) -> Kind {
        match k {
            ThreadKind::Question => Kind::Question,
            ThreadKind::Discussion => Kind::Discussion,
        }
    }
}

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ThreadSort {
    /// Newest threads first.
    Latest,
    /// Threads with the most recent replies first.
    Active,
    /// Highest-scored threads first.
    Top,
}

impl From<ThreadSort> for DbSort {
    fn from(s: ThreadSort) -> DbSort {
        match s {
            ThreadSort::Latest => DbSort::Latest,
            ThreadSort::Active => DbSort::Active,
            ThreadSort::Top => DbSort::Top,
        }
    }
}

/// Narrows a thread list.
#[derive(InputObject, Default)]
#[graphql(name = "ThreadFilter")]
pub struct ThreadFilterInput {
    /// Only questions or only discussions.
    pub kind: Option<ThreadKind>,
    /// Only questions without an accepted or official answer.
    pub unanswered: Option<bool>,
    /// Only threads with this tag.
    pub tag: Option<String>,
}

impl ThreadFilterInput {
    pub fn into_filter(self) -> ThreadFilter {
        ThreadFilter {
            kind: self.kind.map(|k| Kind::from(k).as_str().to_owned()),
            unanswered: self.unanswered.unwrap_or(false),
            tag: self
                .tag
                .map(|t| t.trim().to_lowercase())
                .filter(|t| !t.is_empty()),
        }
    }
}

/// A question or discussion in a community; its first post carries the text.
pub struct Thread(pub ThreadRecord);

#[Object]
impl Thread {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn kind(&self) -> ThreadKind {
        match Kind::parse(&self.0.kind) {
            Kind::Question => ThreadKind::Question,
            Kind::Discussion => ThreadKind::Discussion,
        }
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn community(&self, ctx: &Context<'_>) -> Result<Community> {
        let c = loaders(ctx)?
            .communities
            .load_one(self.0.community_id)
            .await?;
        c.map(Community)
            .ok_or_else(|| AppError::NotFound("Comunità").into())
    }

    async fn author(&self, ctx: &Context<'_>) -> Result<User> {
        let u = loaders(ctx)?.users.load_one(self.0.author_id).await?;
        u.map(User)
            .ok_or_else(|| AppError::NotFound("Utente").into())
    }

    async fn tags(&self) -> Vec<String> {
        self.0.tag_list()
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When the last post was written.
    async fn last_activity_at(&self) -> DateTime<Utc> {
        self.0.last_activity_at
    }

    /// Visible posts, the first one included.
    async fn post_count(&self) -> i64 {
        self.0.post_count
    }

    /// Replies: visible posts other than the first.
    async fn reply_count(&self) -> i64 {
        (self.0.post_count - 1).max(0)
    }

    async fn score(&self) -> i64 {
        self.0.score
    }

    /// Whether the question has an accepted or an official answer.
    async fn is_answered(&self) -> bool {
        self.0.accepted_post_id.is_some() || self.0.official_post_id.is_some()
    }

    /// The answer the asker (or a moderator or expert) accepted.
    async fn accepted_answer(&self, ctx: &Context<'_>) -> Result<Option<Post>> {
        load_post(ctx, self.0.accepted_post_id).await
    }

    /// The answer an expert or moderator marked as the official one.
    async fn official_answer(&self, ctx: &Context<'_>) -> Result<Option<Post>> {
        load_post(ctx, self.0.official_post_id).await
    }

    /// Locked threads accept replies from moderators only.
    async fn locked(&self) -> bool {
        self.0.locked
    }

    /// Pinned threads are listed first.
    async fn pinned(&self) -> bool {
        self.0.pinned
    }

    /// Held until a moderator approves its first post (seen by its author and moderators).
    async fn is_pending(&self) -> bool {
        self.0.pending
    }

    /// Whether a moderator closed it as a duplicate (see `duplicateOf`,
    /// `duplicateOfFaqEntry`); such a thread is locked.
    async fn closed_as_duplicate(&self) -> bool {
        self.0.duplicate_of_thread_id.is_some() || self.0.duplicate_of_faq_entry_id.is_some()
    }

    /// The thread this one duplicates: where readers should go.
    async fn duplicate_of(&self, ctx: &Context<'_>) -> Result<Option<Thread>> {
        let Some(id) = self.0.duplicate_of_thread_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.threads.load_one(id).await?.map(Thread))
    }

    /// The FAQ entry that answers this thread, when closed as its duplicate.
    async fn duplicate_of_faq_entry(&self, ctx: &Context<'_>) -> Result<Option<FaqEntry>> {
        let Some(id) = self.0.duplicate_of_faq_entry_id else {
            return Ok(None);
        };
        super::load_faq_entry(ctx, id).await
    }

    /// The opening post: the question or the start of the discussion.
    async fn first_post(&self, ctx: &Context<'_>) -> Result<Post> {
        load_post(ctx, self.0.first_post_id)
            .await?
            .ok_or_else(|| AppError::NotFound("Messaggio").into())
    }

    /// FAQ entries promoted from this thread's posts that the viewer may see, oldest first.
    async fn faq_entries(&self, ctx: &Context<'_>) -> Result<Vec<FaqEntry>> {
        let state = state(ctx)?;
        let rows = piazza_db::faq::list_thread_faq_entries(&state.db, self.0.id)
            .await
            .map_err(AppError::from)?;
        let visible = faq::visible(state, scoped_viewer(ctx), rows).await?;
        Ok(visible.into_iter().map(FaqEntry).collect())
    }

    /// The replies (every post but the first): the accepted answer first, then the official
    /// answer, then the rest in the chosen order (default OLDEST).
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn posts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "Order after the accepted and official answers (default OLDEST).")]
        sort: Option<super::PostSort>,
    ) -> Result<Page<Post>> {
        let limit = cursor::page_size(first)?;
        let after = after.as_deref().map(cursor::decode_post).transpose()?;
        let sort = sort.unwrap_or(super::PostSort::Oldest).into();
        let db = &state(ctx)?.db;
        let rows =
            piazza_db::posts::list_thread_replies_sorted(db, self.0.id, sort, after, limit + 1)
                .await
                .map_err(AppError::from)?;
        Ok(page_of(rows, limit, after.is_some(), |r| {
            (cursor::encode_post(&r.key), Post(r.post))
        }))
    }

    /// How much the viewer hears about this thread (null when signed out). Without a level
    /// of their own it is NORMAL, or MUTED in a community they muted.
    async fn viewer_notification_level(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Option<super::NotificationLevel>> {
        let Some(qa) = loaders(ctx)?.qa(ctx) else {
            return Ok(None);
        };
        let level = qa.thread_levels.load_one(self.0.id).await?;
        Ok(Some(
            crate::services::follows::Level::parse(level.as_deref().unwrap_or_default()).into(),
        ))
    }

    /// Whether the viewer bookmarked this thread (false when signed out).
    async fn viewer_has_bookmarked(&self, ctx: &Context<'_>) -> Result<bool> {
        let Some(qa) = loaders(ctx)?.qa(ctx) else {
            return Ok(false);
        };
        Ok(qa
            .thread_bookmarks
            .load_one(self.0.id)
            .await?
            .unwrap_or(false))
    }
}

async fn load_post(ctx: &Context<'_>, id: Option<i64>) -> Result<Option<Post>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders(ctx)?.posts.load_one(id).await?.map(Post))
}
