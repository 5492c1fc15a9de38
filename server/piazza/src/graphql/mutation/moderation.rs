use async_graphql::{Context, ID, Object, Result};
use piazza_db::threads::ThreadFlag;

use crate::{
    graphql::{
        context::{state, viewer},
        types::{Post, ReportReason, ReviewAction, ReviewItem, Thread},
    },
    services::{parse_id, post_moderation, reports, review, thread_actions},
};

#[derive(Default)]
pub struct ModerationMutation;

#[Object]
impl ModerationMutation {
    /// Reports a post to the community's moderators (approved members; not one's own).
    /// Reports of the same post collapse into one review item; reporting twice counts once.
    async fn report_post(
        &self,
        ctx: &Context<'_>,
        post_id: ID,
        reason: ReportReason,
        #[graphql(desc = "What is wrong, in a few words (at most 500 characters).")] note: Option<
            String,
        >,
    ) -> Result<bool> {
        let id = parse_id(&post_id, "Messaggio")?;
        Ok(
            reports::report_post(state(ctx)?, viewer(ctx), id, reason.into(), note.as_deref())
                .await?,
        )
    }

    /// Reports a thread (its opening post stands for it in the review queue).
    async fn report_thread(
        &self,
        ctx: &Context<'_>,
        thread_id: ID,
        reason: ReportReason,
        note: Option<String>,
    ) -> Result<bool> {
        let id = parse_id(&thread_id, "Discussione")?;
        Ok(
            reports::report_thread(state(ctx)?, viewer(ctx), id, reason.into(), note.as_deref())
                .await?,
        )
    }

    /// Hides a post (moderators of its community): readers see a tombstone, search no
    /// longer finds it; `restorePost` brings it back. Open reports of it are resolved.
    async fn hide_post(&self, ctx: &Context<'_>, id: ID, reason: String) -> Result<Post> {
        let id = parse_id(&id, "Messaggio")?;
        Ok(Post(
            post_moderation::hide(state(ctx)?, viewer(ctx), id, &reason).await?,
        ))
    }

    /// Shows a hidden post again (moderators of its community).
    async fn restore_post(&self, ctx: &Context<'_>, id: ID, reason: String) -> Result<Post> {
        let id = parse_id(&id, "Messaggio")?;
        Ok(Post(
            post_moderation::restore(state(ctx)?, viewer(ctx), id, &reason).await?,
        ))
    }

    /// Locks a thread (only moderators reply) or unlocks it.
    async fn lock_thread(
        &self,
        ctx: &Context<'_>,
        id: ID,
        locked: bool,
        reason: Option<String>,
    ) -> Result<Thread> {
        let id = parse_id(&id, "Discussione")?;
        Ok(Thread(
            thread_actions::set_flag(
                state(ctx)?,
                viewer(ctx),
                id,
                ThreadFlag::Locked,
                locked,
                reason.as_deref(),
            )
            .await?,
        ))
    }

    /// Pins a thread to the top of its community's lists, or unpins it.
    async fn pin_thread(
        &self,
        ctx: &Context<'_>,
        id: ID,
        pinned: bool,
        reason: Option<String>,
    ) -> Result<Thread> {
        let id = parse_id(&id, "Discussione")?;
        Ok(Thread(
            thread_actions::set_flag(
                state(ctx)?,
                viewer(ctx),
                id,
                ThreadFlag::Pinned,
                pinned,
                reason.as_deref(),
            )
            .await?,
        ))
    }

    /// Moves a thread to another community (the viewer moderates both).
    async fn move_thread(
        &self,
        ctx: &Context<'_>,
        id: ID,
        community_slug: String,
        reason: String,
    ) -> Result<Thread> {
        let id = parse_id(&id, "Discussione")?;
        Ok(Thread(
            thread_actions::move_to(state(ctx)?, viewer(ctx), id, &community_slug, &reason).await?,
        ))
    }

    /// Closes a thread as a duplicate of another thread or of a published FAQ entry (give
    /// exactly one); it is locked and readers are pointed there.
    async fn close_thread_as_duplicate(
        &self,
        ctx: &Context<'_>,
        id: ID,
        duplicate_of_thread_id: Option<ID>,
        duplicate_of_faq_entry_id: Option<ID>,
        reason: Option<String>,
    ) -> Result<Thread> {
        let id = parse_id(&id, "Discussione")?;
        let of_thread = duplicate_of_thread_id
            .map(|t| parse_id(&t, "Discussione"))
            .transpose()?;
        let of_faq = duplicate_of_faq_entry_id
            .map(|f| parse_id(&f, "Voce delle FAQ"))
            .transpose()?;
        Ok(Thread(
            thread_actions::close_as_duplicate(
                state(ctx)?,
                viewer(ctx),
                id,
                of_thread,
                of_faq,
                reason.as_deref(),
            )
            .await?,
        ))
    }

    /// Reopens a thread closed as a duplicate (and unlocks it).
    async fn reopen_thread(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: Option<String>,
    ) -> Result<Thread> {
        let id = parse_id(&id, "Discussione")?;
        Ok(Thread(
            thread_actions::reopen(state(ctx)?, viewer(ctx), id, reason.as_deref()).await?,
        ))
    }

    /// Resolves an item of the review queue: APPROVE or REJECT a member or a held post,
    /// HIDE a reported post, RESTORE a hidden one, DISMISS a report. REJECT and HIDE need a
    /// reason (3 to 500 characters), which the member is shown.
    async fn resolve_review_item(
        &self,
        ctx: &Context<'_>,
        id: ID,
        action: ReviewAction,
        reason: Option<String>,
    ) -> Result<ReviewItem> {
        let id = parse_id(&id, "Elemento da revisionare")?;
        Ok(ReviewItem(
            review::resolve(
                state(ctx)?,
                viewer(ctx),
                id,
                action.into(),
                reason.as_deref(),
            )
            .await?,
        ))
    }
}
