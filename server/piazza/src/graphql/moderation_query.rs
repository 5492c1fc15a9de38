//! Read operations of moderation: the review queue, the moderation log, and what admins
//! manage (approved domains, watched words, the mail outbox).

use async_graphql::{Context, Object, Result};

use super::{
    context::{state, viewer},
    cursor,
    types::{ApprovedDomain, ModerationAction, OutboxMail, Page, ReviewItem, WatchedWord, page_of},
};
use crate::services::{moderation, review, trust, watched};

#[derive(Default)]
pub struct ModerationQuery;

#[Object]
impl ModerationQuery {
    /// Open review items, oldest first: a community's (its moderators), or every item
    /// including members awaiting approval (no slug: global moderators and admins).
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn review_queue(
        &self,
        ctx: &Context<'_>,
        community_slug: Option<String>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
    ) -> Result<Page<ReviewItem>> {
        let limit = cursor::page_size(first)?;
        let after = after.as_deref().map(cursor::decode_id).transpose()?;
        let rows = review::list(
            state(ctx)?,
            viewer(ctx),
            community_slug.as_deref(),
            after,
            limit + 1,
        )
        .await?;
        Ok(page_of(rows, limit, after.is_some(), |r| {
            (cursor::encode_id(r.id), ReviewItem(r))
        }))
    }

    /// Moderator actions, newest first: a community's, with the suspensions of its members
    /// and their lifting (readable by its members; who acted is shown to moderators only —
    /// for a suspension, to global moderators and admins), or all of them (no slug: admins
    /// and global moderators).
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn moderation_log(
        &self,
        ctx: &Context<'_>,
        community_slug: Option<String>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
    ) -> Result<Page<ModerationAction>> {
        let limit = cursor::page_size(first)?;
        let after = after.as_deref().map(cursor::decode_id).transpose()?;
        let rows = moderation::list_log(
            state(ctx)?,
            viewer(ctx),
            community_slug.as_deref(),
            after,
            limit + 1,
        )
        .await?;
        Ok(page_of(rows, limit, after.is_some(), |r| {
            (cursor::encode_id(r.id), ModerationAction(r))
        }))
    }

    /// Mail kept in the outbox, newest first (admins): everything written without SMTP, and
    /// what SMTP refused.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn mail_outbox(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only mail to this address.")] recipient: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page<OutboxMail>> {
        let limit = cursor::page_size(first)?;
        let after = after.as_deref().map(cursor::decode_id).transpose()?;
        let rows = trust::list_outbox(
            state(ctx)?,
            viewer(ctx),
            recipient.as_deref(),
            after,
            limit + 1,
        )
        .await?;
        Ok(page_of(rows, limit, after.is_some(), |r| {
            (cursor::encode_id(r.id), OutboxMail(r))
        }))
    }

    /// Email domains whose verified members are approved at once (admins).
    async fn approved_email_domains(&self, ctx: &Context<'_>) -> Result<Vec<ApprovedDomain>> {
        Ok(trust::list_approved_domains(state(ctx)?, viewer(ctx))
            .await?
            .into_iter()
            .map(ApprovedDomain)
            .collect())
    }

    /// Watched words and patterns (admins).
    async fn watched_words(&self, ctx: &Context<'_>) -> Result<Vec<WatchedWord>> {
        Ok(watched::list(state(ctx)?, viewer(ctx))
            .await?
            .into_iter()
            .map(WatchedWord)
            .collect())
    }
}
