use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use piazza_db::{communities::Community as CommunityRecord, threads::ThreadKey};

use super::{
    FaqChange, FaqEntry, FaqStatus, Page, Thread, ThreadFilterInput, ThreadSort, id, page_of,
};
use crate::{
    graphql::{
        context::{loaders, scoped_viewer, state, viewer},
        cursor,
    },
    services::{communities, faq, threads},
};

/// A thematic community (appalti, personale, bilancio, PNRR …).
pub struct Community(pub CommunityRecord);

#[Object]
impl Community {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    /// URL identifier, e.g. "appalti-contratti".
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn description(&self) -> &str {
        &self.0.description
    }

    async fn member_count(&self) -> i64 {
        self.0.member_count
    }

    /// Whether the signed-in viewer has joined (false when signed out).
    async fn viewer_is_member(&self, ctx: &Context<'_>) -> Result<bool> {
        let Some(loader) = loaders(ctx)?.memberships(ctx) else {
            return Ok(false);
        };
        Ok(loader.load_one(self.0.id).await?.unwrap_or(false))
    }

    /// Whether the signed-in viewer moderates this community.
    async fn viewer_is_moderator(&self, ctx: &Context<'_>) -> Result<bool> {
        let Some(v) = viewer(ctx) else {
            return Ok(false);
        };
        Ok(communities::moderates(state(ctx)?, v, self.0.id).await?)
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Questions with neither an accepted nor an official answer, for experts to pick up.
    async fn unanswered_count(&self, ctx: &Context<'_>) -> Result<i64> {
        Ok(threads::unanswered_count(state(ctx)?, self.0.id).await?)
    }

    /// How much the viewer hears about this community (null when signed out): TRACKING
    /// after joining, NORMAL without a level.
    async fn viewer_notification_level(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Option<super::NotificationLevel>> {
        let Some(qa) = loaders(ctx)?.qa(ctx) else {
            return Ok(None);
        };
        let level = qa.community_levels.load_one(self.0.id).await?;
        Ok(Some(
            crate::services::follows::Level::parse(level.as_deref().unwrap_or_default()).into(),
        ))
    }

    /// The community's threads, pinned first, then in the chosen order (default LATEST).
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn threads(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        sort: Option<ThreadSort>,
        filter: Option<ThreadFilterInput>,
    ) -> Result<Page<Thread>> {
        let limit = cursor::page_size(first)?;
        let sort = sort.unwrap_or(ThreadSort::Latest).into();
        let after = after.as_deref().map(cursor::decode_thread).transpose()?;
        let filter = filter
            .map(ThreadFilterInput::into_filter)
            .unwrap_or_default();
        let rows = threads::list(
            state(ctx)?,
            self.0.id,
            sort,
            &filter,
            after.as_ref(),
            limit + 1,
        )
        .await?;
        Ok(page_of(rows, limit, after.is_some(), |t| {
            (cursor::encode_thread(&ThreadKey::of(&t, sort)), Thread(t))
        }))
    }

    /// The community's official FAQ in creation order. Without `status`: published
    /// entries, plus drafts for its FAQ editors (experts, its moderators, admins); drafts
    /// asked for by anyone else yield nothing.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn faq(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "Only entries with this status.")] status: Option<FaqStatus>,
        #[graphql(desc = "Only entries with this tag.")] tag: Option<String>,
    ) -> Result<Page<FaqEntry>> {
        let limit = cursor::page_size(first)?;
        let after = after.as_deref().map(cursor::decode_id).transpose()?;
        let rows = faq::list(
            state(ctx)?,
            scoped_viewer(ctx),
            self.0.id,
            status.map(Into::into),
            tag.as_deref(),
            after,
            limit + 1,
        )
        .await?;
        Ok(page_of(rows, limit, after.is_some(), |e| {
            (cursor::encode_id(e.id), FaqEntry(e))
        }))
    }

    /// What changed in the FAQ (entries added, changed, withdrawn), newest first.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn faq_changelog(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only changes at or after this time (e.g. `faqLastSeenAt`).")]
        since: Option<DateTime<Utc>>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
    ) -> Result<Page<FaqChange>> {
        let limit = cursor::page_size(first)?;
        let before = after.as_deref().map(cursor::decode_id).transpose()?;
        let rows = faq::changelog(state(ctx)?, self.0.id, since, before, limit + 1).await?;
        Ok(page_of(rows, limit, before.is_some(), |c| {
            (cursor::encode_id(c.id), FaqChange(c))
        }))
    }

    /// How many FAQ changes happened since the viewer last marked the FAQ as seen
    /// (`markFaqSeen`); all of them if never. Null when signed out.
    async fn faq_unseen_changes(&self, ctx: &Context<'_>) -> Result<Option<i64>> {
        Ok(faq::unseen_count(state(ctx)?, viewer(ctx), self.0.id).await?)
    }

    /// When the viewer last marked the FAQ as seen (null if never or signed out).
    async fn faq_last_seen_at(&self, ctx: &Context<'_>) -> Result<Option<DateTime<Utc>>> {
        Ok(faq::last_seen(state(ctx)?, viewer(ctx), self.0.id).await?)
    }

    /// Whether the viewer may write this community's FAQ (expert, its moderator, admin).
    async fn viewer_can_edit_faq(&self, ctx: &Context<'_>) -> Result<bool> {
        let Some(v) = viewer(ctx) else {
            return Ok(false);
        };
        if v.is_suspended(piazza_db::now()) {
            return Ok(false);
        }
        Ok(faq::may_edit(state(ctx)?, v, self.0.id).await?)
    }
}
