//! What every moderator action shares: who may act where (moderators in their communities,
//! global moderators and admins everywhere, and nobody on an admin but admins), the
//! required reason, the moderation log, and the live events of the review queue.

use piazza_db::{
    Tx,
    events::Event,
    moderation::{self, ModerationAction, NewModerationAction, ReviewItem},
    users,
};

use super::{AppState, communities, signed_in};
use crate::{
    auth::{Role, Viewer},
    error::{AppError, AppResult},
    live::{self, Kind as LiveKind, Refs, Topic},
};

/// Kinds of moderator action, as stored in the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionKind {
    HidePost,
    RestorePost,
    ApprovePost,
    RejectPost,
    ApproveMember,
    RejectMember,
    DismissReport,
    LockThread,
    UnlockThread,
    PinThread,
    UnpinThread,
    MoveThread,
    CloseDuplicate,
    ReopenThread,
    SuspendUser,
    LiftSuspension,
}

const KINDS: [(ActionKind, &str); 16] = [
    (ActionKind::HidePost, "hide_post"),
    (ActionKind::RestorePost, "restore_post"),
    (ActionKind::ApprovePost, "approve_post"),
    (ActionKind::RejectPost, "reject_post"),
    (ActionKind::ApproveMember, "approve_member"),
    (ActionKind::RejectMember, "reject_member"),
    (ActionKind::DismissReport, "dismiss_report"),
    (ActionKind::LockThread, "lock_thread"),
    (ActionKind::UnlockThread, "unlock_thread"),
    (ActionKind::PinThread, "pin_thread"),
    (ActionKind::UnpinThread, "unpin_thread"),
    (ActionKind::MoveThread, "move_thread"),
    (ActionKind::CloseDuplicate, "close_duplicate"),
    (ActionKind::ReopenThread, "reopen_thread"),
    (ActionKind::SuspendUser, "suspend_user"),
    (ActionKind::LiftSuspension, "lift_suspension"),
];

impl ActionKind {
    pub fn as_str(self) -> &'static str {
        KINDS
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("unknown", |(_, s)| s)
    }

    pub fn parse(s: &str) -> Option<ActionKind> {
        KINDS.iter().find(|(_, n)| *n == s).map(|(k, _)| *k)
    }
}

/// What an action was done to, for the log.
#[derive(Clone, Copy, Debug, Default)]
pub struct Target {
    pub community_id: Option<i64>,
    pub user_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
}

/// Writes the log entry of an action, in its transaction.
pub async fn log(
    tx: &mut Tx,
    kind: ActionKind,
    moderator: &Viewer,
    target: Target,
    reason: &str,
) -> AppResult<()> {
    let new = NewModerationAction {
        kind: kind.as_str(),
        community_id: target.community_id,
        moderator_id: moderator.id(),
        target_user_id: target.user_id,
        target_thread_id: target.thread_id,
        target_post_id: target.post_id,
        reason,
    };
    moderation::insert_moderation_action(tx, &new, piazza_db::now()).await?;
    tracing::info!(
        by = moderator.id(),
        kind = kind.as_str(),
        community = ?target.community_id,
        user = ?target.user_id,
        thread = ?target.thread_id,
        post = ?target.post_id,
        "moderator action"
    );
    Ok(())
}

/// A moderator's reason: 3 to 500 characters.
pub fn reason(value: &str) -> AppResult<String> {
    let value = value.trim();
    if !(3..=500).contains(&value.chars().count()) {
        return Err(AppError::bad_input("Motivo: da 3 a 500 caratteri"));
    }
    Ok(value.to_owned())
}

/// Refuses unless the viewer moderates the community.
pub async fn require_moderator(
    state: &AppState,
    viewer: &Viewer,
    community_id: i64,
) -> AppResult<()> {
    if communities::moderates(state, viewer, community_id).await? {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Nobody but an admin acts on an admin or their content.
pub async fn require_may_act_on(state: &AppState, viewer: &Viewer, user_id: i64) -> AppResult<()> {
    if viewer.is_admin() {
        return Ok(());
    }
    let user = users::get_user(&state.db, user_id).await?;
    if Role::parse(&user.role) == Role::Admin {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Records that a review item changed, for its community's queue and the global one.
pub async fn record_review(tx: &mut Tx, item: &ReviewItem) -> AppResult<Vec<Event>> {
    let refs = Refs {
        community_id: item.community_id,
        thread_id: item.thread_id,
        post_id: item.post_id,
        review_item_id: Some(item.id),
        ..Refs::default()
    };
    let mut events = Vec::new();
    if item.community_id.is_some() {
        events.push(
            live::record(
                tx,
                Topic::Review(item.community_id),
                LiveKind::ReviewItem,
                refs,
            )
            .await?,
        );
    }
    events.push(live::record(tx, Topic::Review(None), LiveKind::ReviewItem, refs).await?);
    Ok(events)
}

/// Whose queue the viewer may read: a community they moderate, or (no slug) everything for
/// global moderators and admins. Returns the community id.
pub async fn queue_scope(
    state: &AppState,
    viewer: Option<&Viewer>,
    slug: Option<&str>,
) -> AppResult<Option<i64>> {
    let viewer = signed_in(viewer)?;
    match slug {
        None if viewer.moderates_everywhere() => Ok(None),
        None => Err(AppError::Forbidden),
        Some(slug) => {
            let community = communities::get_by_slug(state, slug).await?;
            require_moderator(state, viewer, community.id).await?;
            Ok(Some(community.id))
        }
    }
}

/// Global actions about a member that a community's log shows when they are one of its
/// members (at the time the log is read): suspensions are site-wide, so each community
/// whose members read the log learns that one of them cannot write for a while, and why.
/// Member approval stays in the global log only: it concerns joining the site.
const SHOWN_TO_MEMBERS_COMMUNITIES: [ActionKind; 2] =
    [ActionKind::SuspendUser, ActionKind::LiftSuspension];

/// A page of the moderation log, newest first: a community's (with the suspensions of its
/// members), readable by its members and moderators, or (no slug) everything, for admins
/// and global moderators.
pub async fn list_log(
    state: &AppState,
    viewer: Option<&Viewer>,
    slug: Option<&str>,
    before_id: Option<i64>,
    limit: i64,
) -> AppResult<Vec<ModerationAction>> {
    let viewer = signed_in(viewer)?;
    let community_id = match slug {
        None if viewer.moderates_everywhere() => None,
        None => return Err(AppError::Forbidden),
        Some(slug) => {
            let community = communities::get_by_slug(state, slug).await?;
            if !communities::is_member(state, viewer, community.id).await?
                && !communities::moderates(state, viewer, community.id).await?
            {
                return Err(AppError::Forbidden);
            }
            Some(community.id)
        }
    };
    let member_kinds = SHOWN_TO_MEMBERS_COMMUNITIES.map(ActionKind::as_str);
    Ok(moderation::list_moderation_actions(
        &state.db,
        community_id,
        &member_kinds,
        before_id,
        limit,
    )
    .await?)
}

/// Whether the viewer may see who took an action: moderators of its community, global
/// moderators and admins.
pub async fn may_see_moderator(
    state: &AppState,
    viewer: Option<&Viewer>,
    action: &ModerationAction,
) -> AppResult<bool> {
    let Some(viewer) = viewer else {
        return Ok(false);
    };
    match action.community_id {
        None => Ok(viewer.moderates_everywhere()),
        Some(id) => communities::moderates(state, viewer, id).await,
    }
}
