//! Notification inboxes: who is told about what, persisted in the write's transaction
//! before anything is pushed, then read, counted and marked read by their owner only.
//! Who hears of what follows the follow levels (see `follows`); a muted thread tells its
//! member nothing.

use piazza_db::{
    Tx,
    events::Event,
    follows::WATCHING,
    notifications::{self, NewNotification, Notification},
    posts,
    threads::Thread,
};

use super::{AppState, follows, signed_in};
use crate::{
    auth::Viewer,
    error::AppResult,
    live::{self, Kind as LiveKind, Refs, Topic},
};

/// Notification kinds, as stored.
pub const REPLY: &str = "reply";
pub const MENTION: &str = "mention";
pub const ANSWER_ACCEPTED: &str = "answer_accepted";
pub const OFFICIAL_ANSWER: &str = "official_answer";
pub const NEW_THREAD: &str = "new_thread";

/// A notification about a post in a thread, caused by `actor_id`.
fn about_post(
    user_id: i64,
    kind: &str,
    actor_id: i64,
    thread_id: i64,
    post_id: i64,
) -> NewNotification {
    NewNotification {
        user_id,
        kind: kind.into(),
        actor_id: Some(actor_id),
        thread_id: Some(thread_id),
        post_id: Some(post_id),
        faq_entry_id: None,
    }
}

/// Tells about a post now public for the first time: the members it mentions (`named`),
/// then the thread's watchers (a reply) or the community's (a first post), each once.
/// Marking the post published is the guard: a post held again after an edit, or restored
/// after it was hidden, tells nobody a second time.
pub async fn on_publish(
    tx: &mut Tx,
    thread: &Thread,
    post_id: i64,
    author_id: i64,
    named: &[i64],
) -> AppResult<Vec<Event>> {
    if !posts::mark_published(tx, post_id, piazza_db::now()).await? {
        return Ok(Vec::new());
    }
    // A member both mentioned and watching is told once, of the mention.
    let (mut events, mentioned) = on_mentions(tx, thread.id, post_id, author_id, named).await?;
    if thread.first_post_id == Some(post_id) {
        events.extend(
            on_new_thread(
                tx,
                thread.community_id,
                thread.id,
                post_id,
                author_id,
                &mentioned,
            )
            .await?,
        );
    } else {
        events.extend(on_reply(tx, thread, author_id, post_id, &mentioned).await?);
    }
    Ok(events)
}

/// Tells everyone watching the thread about a reply, except the replier and the members in
/// `skip` (already told by a mention in the same post). Returns the inbox events to
/// publish after commit.
pub async fn on_reply(
    tx: &mut Tx,
    thread: &Thread,
    replier_id: i64,
    post_id: i64,
    skip: &[i64],
) -> AppResult<Vec<Event>> {
    let mut events = Vec::new();
    for user_id in follows::thread_watchers(tx, thread.id).await? {
        if user_id == replier_id || skip.contains(&user_id) {
            continue;
        }
        let new = about_post(user_id, REPLY, replier_id, thread.id, post_id);
        events.push(notify(tx, &new).await?);
    }
    Ok(events)
}

/// Tells the members watching the community about a new thread (not its author, nor the
/// members in `skip`).
pub async fn on_new_thread(
    tx: &mut Tx,
    community_id: i64,
    thread_id: i64,
    post_id: i64,
    author_id: i64,
    skip: &[i64],
) -> AppResult<Vec<Event>> {
    let mut events = Vec::new();
    for user_id in follows::community_followers(tx, community_id, &[WATCHING]).await? {
        if user_id == author_id || skip.contains(&user_id) {
            continue;
        }
        let new = about_post(user_id, NEW_THREAD, author_id, thread_id, post_id);
        events.push(notify(tx, &new).await?);
    }
    Ok(events)
}

/// Tells mentioned members (not the author, nor those who muted the thread). Returns the
/// events and who was told.
pub async fn on_mentions(
    tx: &mut Tx,
    thread_id: i64,
    post_id: i64,
    author_id: i64,
    mentioned: &[i64],
) -> AppResult<(Vec<Event>, Vec<i64>)> {
    let mut events = Vec::new();
    let mut told = Vec::new();
    for &user_id in mentioned {
        if user_id == author_id
            || told.contains(&user_id)
            || follows::is_muted(tx, thread_id, user_id).await?
        {
            continue;
        }
        let new = about_post(user_id, MENTION, author_id, thread_id, post_id);
        events.push(notify(tx, &new).await?);
        told.push(user_id);
    }
    Ok((events, told))
}

/// Tells `user_id` about something done to a post by `actor_id`, unless they did it
/// themselves or muted the thread.
pub async fn on_answer(
    tx: &mut Tx,
    kind: &str,
    user_id: i64,
    actor_id: i64,
    thread_id: i64,
    post_id: i64,
) -> AppResult<Vec<Event>> {
    if user_id == actor_id || follows::is_muted(tx, thread_id, user_id).await? {
        return Ok(Vec::new());
    }
    let new = about_post(user_id, kind, actor_id, thread_id, post_id);
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
