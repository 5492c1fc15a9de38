//! Notification inboxes: who is told about what, persisted in the write's transaction
//! before anything is pushed, then read, counted and marked read by their owner only.

use piazza_db::{
    Tx,
    events::Event,
    notifications::{self, NewNotification, Notification},
    threads::Thread,
};

use super::{AppState, signed_in};
use crate::{
    auth::Viewer,
    error::AppResult,
    live::{self, Kind as LiveKind, Refs, Topic},
};

/// Notification kinds, as stored.
pub const REPLY: &str = "reply";

/// Tells the thread's author about a reply (not their own). Returns the inbox events to
/// publish after commit.
pub async fn on_reply(
    tx: &mut Tx,
    thread: &Thread,
    replier_id: i64,
    post_id: i64,
) -> AppResult<Vec<Event>> {
    if thread.author_id == replier_id {
        return Ok(Vec::new());
    }
    let new = NewNotification {
        user_id: thread.author_id,
        kind: REPLY.into(),
        actor_id: Some(replier_id),
        thread_id: Some(thread.id),
        post_id: Some(post_id),
        faq_entry_id: None,
    };
    Ok(vec![notify(tx, &new).await?])
}

/// Persists one notification and records its inbox event.
pub async fn notify(tx: &mut Tx, new: &NewNotification) -> AppResult<Event> {
    let id = notifications::upsert_notification(tx, new, piazza_db::now()).await?;
    let refs = Refs {
        thread_id: new.thread_id,
        post_id: new.post_id,
        notification_id: Some(id),
        ..Refs::default()
    };
    live::record(tx, Topic::Inbox(new.user_id), LiveKind::Notification, refs).await
}

pub async fn list(
    state: &AppState,
    viewer: Option<&Viewer>,
    unread_only: bool,
    before_id: Option<i64>,
    limit: i64,
) -> AppResult<Vec<Notification>> {
    let viewer = signed_in(viewer)?;
    Ok(
        notifications::list_notifications(&state.db, viewer.id(), unread_only, before_id, limit)
            .await?,
    )
}

pub async fn unread_count(state: &AppState, viewer: Option<&Viewer>) -> AppResult<i64> {
    let viewer = signed_in(viewer)?;
    Ok(notifications::count_unread(&state.db, viewer.id()).await?)
}

/// Marks the viewer's notifications read (the given ones, or all); returns how many changed.
pub async fn mark_read(
    state: &AppState,
    viewer: Option<&Viewer>,
    ids: Option<Vec<i64>>,
) -> AppResult<i64> {
    let viewer = signed_in(viewer)?;
    let mut tx = state.db.begin().await?;
    let changed =
        notifications::mark_read(&mut tx, viewer.id(), ids.as_deref(), piazza_db::now()).await?;
    tx.commit().await?;
    Ok(changed as i64)
}

/// A notification, if it belongs to the viewer.
pub async fn find_own(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> AppResult<Option<Notification>> {
    let n = notifications::find_notification(&state.db, id).await?;
    Ok(n.filter(|n| n.user_id == viewer.id()))
}
