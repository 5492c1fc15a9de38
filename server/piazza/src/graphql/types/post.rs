use async_graphql::{Context, Enum, ID, Object, Result};
use chrono::{DateTime, Utc};
use piazza_db::posts::{Post as PostRecord, PostRevision as RevisionRecord, PostSort as DbSort};

use super::{FaqEntry, Thread, User, id};
use crate::{
    error::AppError,
    graphql::context::{loaders, scoped_viewer, state, viewer},
    services::{faq, posts},
};

/// Orders of a thread's replies; the accepted and official answers always come first.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PostSort {
    /// Oldest first.
    Oldest,
    /// Highest score first, then oldest.
    Score,
}

impl From<PostSort> for DbSort {
    fn from(s: PostSort) -> DbSort {
        match s {
            PostSort::Oldest => DbSort::Oldest,
            PostSort::Score => DbSort::Score,
        }
    }
}

/// Where a post stands with moderation.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PostModerationStatus {
    /// Published.
    Visible,
    /// Held until a moderator approves it.
    Pending,
    /// Hidden by a moderator (restorable).
    Hidden,
}

/// A post in a thread. Deleted, hidden and held posts keep their place; their text is
/// hidden except from their author and the community's moderators.
pub struct Post(pub PostRecord);

impl Post {
    async fn text_visible(&self, ctx: &Context<'_>) -> Result<bool> {
        if self.0.deleted_at.is_none() && self.0.moderation == piazza_db::posts::VISIBLE {
            return Ok(true);
        }
        Ok(posts::may_see_deleted(state(ctx)?, viewer(ctx), &self.0).await?)
    }
}

#[Object]
impl Post {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn thread(&self, ctx: &Context<'_>) -> Result<Thread> {
        let t = loaders(ctx)?.threads.load_one(self.0.thread_id).await?;
        t.map(Thread)
            .ok_or_else(|| AppError::NotFound("Discussione").into())
    }

    async fn author(&self, ctx: &Context<'_>) -> Result<User> {
        let u = loaders(ctx)?.users.load_one(self.0.author_id).await?;
        u.map(User)
            .ok_or_else(|| AppError::NotFound("Utente").into())
    }

    /// Markdown source (empty for a deleted post, except for its author and moderators).
    async fn body(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(if self.text_visible(ctx).await? {
            self.0.body.clone()
        } else {
            String::new()
        })
    }

    /// Sanitised HTML rendered from `body` when it was written.
    async fn body_html(&self, ctx: &Context<'_>) -> Result<String> {
        Ok(if self.text_visible(ctx).await? {
            self.0.body_html.clone()
        } else {
            String::new()
        })
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When the post was last edited, if ever.
    async fn edited_at(&self) -> Option<DateTime<Utc>> {
        self.0.edited_at
    }

    async fn is_deleted(&self) -> bool {
        self.0.deleted_at.is_some()
    }

    /// VISIBLE, PENDING (held for a moderator's approval) or HIDDEN (by a moderator).
    async fn moderation_status(&self) -> PostModerationStatus {
        match self.0.moderation.as_str() {
            piazza_db::posts::PENDING => PostModerationStatus::Pending,
            piazza_db::posts::HIDDEN => PostModerationStatus::Hidden,
            _ => PostModerationStatus::Visible,
        }
    }

    /// Why a moderator hid or rejected it: for its author and moderators only.
    async fn moderation_reason(&self, ctx: &Context<'_>) -> Result<Option<String>> {
        if self.0.moderation_reason.is_none() {
            return Ok(None);
        }
        let may = posts::may_see_deleted(state(ctx)?, viewer(ctx), &self.0).await?;
        Ok(may.then(|| self.0.moderation_reason.clone()).flatten())
    }

    /// Sum of votes.
    async fn score(&self) -> i64 {
        self.0.score
    }

    /// The viewer's vote: -1, 0 or 1 (0 when signed out).
    async fn viewer_vote(&self, ctx: &Context<'_>) -> Result<i64> {
        let Some(votes) = loaders(ctx)?.votes(ctx) else {
            return Ok(0);
        };
        Ok(votes.load_one(self.0.id).await?.unwrap_or(0))
    }

    /// Whether this post is its thread's accepted answer.
    async fn is_accepted(&self, ctx: &Context<'_>) -> Result<bool> {
        let t = loaders(ctx)?.threads.load_one(self.0.thread_id).await?;
        Ok(t.is_some_and(|t| t.accepted_post_id == Some(self.0.id)))
    }

    /// Whether an expert or moderator marked this post as the official answer.
    async fn is_official(&self) -> bool {
        self.0.is_official
    }

    /// Whether the viewer bookmarked this post (false when signed out).
    async fn viewer_has_bookmarked(&self, ctx: &Context<'_>) -> Result<bool> {
        let Some(qa) = loaders(ctx)?.qa(ctx) else {
            return Ok(false);
        };
        Ok(qa
            .post_bookmarks
            .load_one(self.0.id)
            .await?
            .unwrap_or(false))
    }

    /// Whether the viewer may edit or delete this post.
    async fn viewer_can_edit(&self, ctx: &Context<'_>) -> Result<bool> {
        let Some(v) = viewer(ctx) else {
            return Ok(false);
        };
        if self.0.deleted_at.is_some() || v.is_suspended(piazza_db::now()) {
            return Ok(false);
        }
        Ok(posts::may_see_deleted(state(ctx)?, Some(v), &self.0).await?)
    }

    /// The FAQ entry this post was promoted to, if any the viewer may see (the newest).
    async fn promoted_to_faq(&self, ctx: &Context<'_>) -> Result<Option<FaqEntry>> {
        let entries = loaders(ctx)?
            .faq_by_source_post
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        let visible = faq::visible(state(ctx)?, scoped_viewer(ctx), entries).await?;
        Ok(visible.into_iter().last().map(FaqEntry))
    }

    /// Every version of the text, oldest first (version 1 is the original).
    async fn revisions(&self, ctx: &Context<'_>) -> Result<Vec<PostRevision>> {
        if !self.text_visible(ctx).await? {
            return Ok(Vec::new());
        }
        let rows = piazza_db::posts::list_revisions(&state(ctx)?.db, self.0.id)
            .await
            .map_err(AppError::from)?;
        Ok(rows.into_iter().map(PostRevision).collect())
    }
}

/// One version of a post's text.
pub struct PostRevision(pub RevisionRecord);

#[Object]
impl PostRevision {
    async fn version(&self) -> i64 {
        self.0.version
    }

    async fn body(&self) -> &str {
        &self.0.body
    }

    async fn edited_at(&self) -> DateTime<Utc> {
        self.0.edited_at
    }

    /// Who wrote this version.
    async fn editor(&self, ctx: &Context<'_>) -> Result<User> {
        let u = loaders(ctx)?.users.load_one(self.0.editor_id).await?;
        u.map(User)
            .ok_or_else(|| AppError::NotFound("Utente").into())
    }
}
