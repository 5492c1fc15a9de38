//! The review queue: members awaiting approval (global moderators and admins), posts held
//! for approval and reported or flagged posts (the community's moderators too). Each item
//! is resolved once, by one of approve, reject, hide, restore or dismiss, in one
//! transaction with the change it makes, its log entry and its live event.

use piazza_db::moderation::{self, MEMBER, POST, REPORT, ReviewItem};

use super::{
    AppState, active,
    mail::Pending,
    moderation::{self as actions, ActionKind, Target},
    post_moderation, posts, threads, trust,
};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    live,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Approve,
    Reject,
    Hide,
    Restore,
    Dismiss,
}

impl Action {
    fn resolution(self) -> &'static str {
        match self {
            Action::Approve => "approved",
            Action::Reject => "rejected",
            Action::Hide => "hidden",
            Action::Restore => "restored",
            Action::Dismiss => "dismissed",
        }
    }
}

pub async fn list(
    state: &AppState,
    viewer: Option<&Viewer>,
    slug: Option<&str>,
    after_id: Option<i64>,
    limit: i64,
) -> AppResult<Vec<ReviewItem>> {
    let scope = actions::queue_scope(state, viewer, slug).await?;
    Ok(moderation::list_open_review_items(&state.db, scope, after_id, limit).await?)
}

/// An item, if the viewer may review it.
pub async fn get(state: &AppState, viewer: &Viewer, id: i64) -> AppResult<ReviewItem> {
    let item = moderation::get_review_item(&state.db, id)
        .await
        .map_err(|e| match e {
            piazza_db::DbError::NotFound => AppError::NotFound("Elemento da revisionare"),
            other => other.into(),
        })?;
    match item.community_id {
        Some(c) => actions::require_moderator(state, viewer, c).await?,
        None if viewer.moderates_everywhere() => {}
        None => return Err(AppError::Forbidden),
    }
    Ok(item)
}

pub async fn resolve(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
    action: Action,
    reason: Option<&str>,
) -> AppResult<ReviewItem> {
    let viewer = active(viewer)?;
    let item = get(state, viewer, id).await?;
    if let Some(user_id) = item.user_id {
        actions::require_may_act_on(state, viewer, user_id).await?;
    }
    if item.status != "open" {
        return Err(AppError::Conflict("Elemento già gestito".into()));
    }
    let needs_reason = matches!(action, Action::Reject | Action::Hide);
    let reason = match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => actions::reason(r)?,
        None if needs_reason => return Err(AppError::bad_input("Indica il motivo")),
        None => String::new(),
    };
    let invalid = || AppError::bad_input("Azione non valida per questo elemento");
    let post = match item.post_id {
        Some(id) => Some(posts::get(state, id).await?),
        None => None,
    };
    let thread = match &post {
        Some(p) => Some(threads::get(state, p.thread_id).await?),
        None => None,
    };
    let mut mail = Pending::default();
    let mut tx = state.db.begin().await?;
    let mut events = Vec::new();
    match (item.kind.as_str(), action, &thread, &post) {
        (MEMBER, Action::Approve | Action::Reject, _, _) => {
            let user_id = item.user_id.ok_or_else(invalid)?;
            let approve = action == Action::Approve;
            events.extend(
                trust::decide_member(state, &mut tx, &mut mail, viewer, user_id, approve, &reason)
                    .await?,
            );
        }
        (POST, Action::Approve, Some(t), Some(p)) => {
            events.extend(post_moderation::approve_tx(&mut tx, viewer, t, p).await?);
        }
        (POST, Action::Reject, Some(t), Some(p)) => {
            post_moderation::reject_tx(&mut tx, viewer, t, p, &reason).await?;
        }
        (REPORT, Action::Hide, Some(t), Some(p)) => {
            events.extend(post_moderation::hide_tx(&mut tx, viewer, t, p, &reason).await?);
        }
        (REPORT | POST, Action::Restore, Some(t), Some(p)) => {
            events.extend(post_moderation::restore_tx(&mut tx, viewer, t, p, &reason).await?);
        }
        (REPORT, Action::Dismiss, Some(t), Some(p)) => {
            let target = Target {
                community_id: Some(t.community_id),
                user_id: Some(p.author_id),
                thread_id: Some(t.id),
                post_id: Some(p.id),
            };
            actions::log(&mut tx, ActionKind::DismissReport, viewer, target, &reason).await?;
        }
        _ => return Err(invalid()),
    }
    // Hiding and restoring close the post's items themselves; anything else closes here.
    if moderation::resolve_review_item(
        &mut tx,
        id,
        action.resolution(),
        viewer.id(),
        piazza_db::now(),
    )
    .await?
    {
        let resolved = moderation::get_review_item_tx(&mut tx, id).await?;
        events.extend(actions::record_review(&mut tx, &resolved).await?);
    }
    let item = moderation::get_review_item_tx(&mut tx, id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    state.mailer.send(&state.db, mail);
    Ok(item)
}

/// The reports behind items, as `(item id, reason, note)`.
pub async fn reports_of(
    state: &AppState,
    item_ids: &[i64],
) -> AppResult<Vec<piazza_db::moderation::Report>> {
    Ok(moderation::list_reports_of_items(&state.db, item_ids).await?)
}
