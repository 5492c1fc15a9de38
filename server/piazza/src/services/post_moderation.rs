//! Hiding and restoring posts, and approving posts held for review. A hidden post keeps its
//! place as a tombstone (like a deleted one: its text only for its author and moderators),
//! leaves search results, stops counting in its thread, and comes back when restored.

use piazza_db::{
    Tx,
    events::Event,
    moderation,
    posts::{self, HIDDEN, PENDING, Post, VISIBLE},
    threads::{self, Thread, ThreadFlag},
};

use super::{
    AppState, active, mentions,
    moderation::{self as actions, ActionKind, Target},
    notifications, posts as post_service, search, threads as thread_service,
};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    live::{self, Kind as LiveKind, Refs, Topic},
};

fn target(thread: &Thread, post: &Post) -> Target {
    Target {
        community_id: Some(thread.community_id),
        user_id: Some(post.author_id),
        thread_id: Some(thread.id),
        post_id: Some(post.id),
    }
}

async fn thread_event(
    tx: &mut Tx,
    thread: &Thread,
    post: &Post,
    kind: LiveKind,
) -> AppResult<Event> {
    let refs = Refs {
        community_id: Some(thread.community_id),
        thread_id: Some(thread.id),
        post_id: Some(post.id),
        ..Refs::default()
    };
    live::record(tx, Topic::Thread(thread.id), kind, refs).await
}

/// Closes the post's open review items with the action taken.
async fn resolve_items_of(
    tx: &mut Tx,
    viewer: &Viewer,
    post_id: i64,
    resolution: &str,
) -> AppResult<Vec<Event>> {
    let mut events = Vec::new();
    for item in moderation::list_open_items_of(tx, None, Some(post_id)).await? {
        moderation::resolve_review_item(tx, item.id, resolution, viewer.id(), piazza_db::now())
            .await?;
        let item = moderation::get_review_item_tx(tx, item.id).await?;
        events.extend(actions::record_review(tx, &item).await?);
    }
    Ok(events)
}

/// Hides a visible post, in the caller's transaction.
pub async fn hide_tx(
    tx: &mut Tx,
    viewer: &Viewer,
    thread: &Thread,
    post: &Post,
    reason: &str,
) -> AppResult<Vec<Event>> {
    let mut events = Vec::new();
    if posts::set_moderation(tx, post.id, HIDDEN, Some(reason)).await? {
        if post.moderation == VISIBLE && post.deleted_at.is_none() {
            threads::adjust_post_count(tx, thread.id, -1).await?;
        }
        events.push(thread_event(tx, thread, post, LiveKind::PostHidden).await?);
        actions::log(
            tx,
            ActionKind::HidePost,
            viewer,
            target(thread, post),
            reason,
        )
        .await?;
    }
    events.extend(resolve_items_of(tx, viewer, post.id, "hidden").await?);
    Ok(events)
}

/// Shows a hidden post again, in the caller's transaction. A post rejected while held was
/// never published, or was the first post of a thread still held: restoring it publishes
/// it, as approving it would have.
pub async fn restore_tx(
    tx: &mut Tx,
    viewer: &Viewer,
    thread: &Thread,
    post: &Post,
    reason: &str,
) -> AppResult<Vec<Event>> {
    let mut events = Vec::new();
    if post.moderation == HIDDEN && posts::set_moderation(tx, post.id, VISIBLE, None).await? {
        // Read under the state change, which orders this with an approval or a new hold.
        let current = posts::get_post_tx(tx, post.id).await?;
        let thread = threads::get_thread_tx(tx, thread.id).await?;
        let holds_thread = thread.pending && thread.first_post_id == Some(post.id);
        if current.published_at.is_none() || holds_thread {
            events.extend(publish_held_tx(tx, &thread, &current).await?);
        } else {
            if post.deleted_at.is_none() {
                threads::adjust_post_count(tx, thread.id, 1).await?;
            }
            events.push(thread_event(tx, &thread, post, LiveKind::PostRestored).await?);
        }
        actions::log(
            tx,
            ActionKind::RestorePost,
            viewer,
            target(&thread, post),
            reason,
        )
        .await?;
    }
    events.extend(resolve_items_of(tx, viewer, post.id, "restored").await?);
    Ok(events)
}

/// Holds a visible post for approval again, in the caller's transaction: an edit brought
/// in a watched word that holds new posts. It is then what a post held when written is —
/// seen by its author and moderators only, out of its thread's count and of search, and for
/// a first post its whole thread with it — until a moderator approves it, which tells
/// nobody again ([`publish_held_tx`]). Returns false if it was not visible.
pub async fn hold_again_tx(tx: &mut Tx, thread: &Thread, post: &Post) -> AppResult<bool> {
    if post.moderation != VISIBLE || !posts::set_moderation(tx, post.id, PENDING, None).await? {
        return Ok(false);
    }
    if thread.first_post_id == Some(post.id) {
        threads::set_flag(tx, thread.id, ThreadFlag::Pending, true).await?;
        // Its replies leave search with it (the edited post itself is re-indexed by the
        // edit's event).
        search::index_thread(tx, thread.id).await?;
    } else if post.deleted_at.is_none() {
        threads::adjust_post_count(tx, thread.id, -1).await?;
    }
    Ok(true)
}

/// Publishes a post held for review: a reply joins its thread, a first post opens its
/// thread to everyone. Mentioned members and watchers are told as if it had just been
/// written — only now, never while it was held.
pub async fn approve_tx(
    tx: &mut Tx,
    viewer: &Viewer,
    thread: &Thread,
    post: &Post,
) -> AppResult<Vec<Event>> {
    // The state change is the guard: of two approvals, only the one that changed it tells.
    if post.moderation != PENDING || !posts::set_moderation(tx, post.id, VISIBLE, None).await? {
        return Ok(Vec::new());
    }
    // Read under the state change, so an edit made while the post was held is what counts.
    let current = posts::get_post_tx(tx, post.id).await?;
    let thread = threads::get_thread_tx(tx, thread.id).await?;
    let events = publish_held_tx(tx, &thread, &current).await?;
    actions::log(
        tx,
        ActionKind::ApprovePost,
        viewer,
        target(&thread, post),
        "",
    )
    .await?;
    Ok(events)
}

/// What a held post's publication does once it is visible (the caller changed its state,
/// which ensures this runs once per hold; `thread` and `post` were read after): the
/// thread's counts and events, and the notifications the post would have sent when
/// written. A post held again after an edit comes back as restored instead: it was
/// published before, and nobody is told twice.
async fn publish_held_tx(tx: &mut Tx, thread: &Thread, post: &Post) -> AppResult<Vec<Event>> {
    let mut events = Vec::new();
    let first = thread.first_post_id == Some(post.id);
    let again = post.published_at.is_some();
    let thread = &Thread {
        pending: thread.pending && !first,
        ..thread.clone()
    };
    if first {
        threads::set_flag(tx, thread.id, ThreadFlag::Pending, false).await?;
        // The thread's other posts come back to search with it.
        search::index_thread(tx, thread.id).await?;
        let refs = Refs {
            community_id: Some(thread.community_id),
            thread_id: Some(thread.id),
            post_id: Some(post.id),
            ..Refs::default()
        };
        let kind = if again {
            LiveKind::ThreadUpdated
        } else {
            LiveKind::ThreadCreated
        };
        events.push(live::record(tx, Topic::Community(thread.community_id), kind, refs).await?);
    } else if again {
        if post.deleted_at.is_none() {
            threads::adjust_post_count(tx, thread.id, 1).await?;
        }
        events.push(thread_event(tx, thread, post, LiveKind::PostRestored).await?);
    } else {
        threads::record_new_post(tx, thread.id, piazza_db::now()).await?;
        events.push(thread_event(tx, thread, post, LiveKind::PostCreated).await?);
    }
    // Deleted while it waited, there is nothing to tell anyone about; a reply approved in a
    // thread still held is told about with the thread.
    if post.deleted_at.is_none() && !thread.pending {
        events.extend(tell_of_publication(tx, thread, post, again).await?);
    }
    if first {
        // Replies written while the thread was held (by its author or its moderators) were
        // told about to nobody: the thread is public now.
        for reply in posts::list_unpublished_replies(tx, thread.id).await? {
            events.extend(tell_of_publication(tx, thread, &reply, false).await?);
        }
    }
    Ok(events)
}

/// Who hears of a post just published: as if it had just been written, or — held again
/// after it was published — only members no earlier version named (the edit that held it
/// may have added some): its watchers and the members it named then were told already.
async fn tell_of_publication(
    tx: &mut Tx,
    thread: &Thread,
    post: &Post,
    again: bool,
) -> AppResult<Vec<Event>> {
    if !again {
        let named = mentions::mentioned_ids_tx(tx, &post.body).await?;
        return notifications::on_publish(tx, thread, post.id, post.author_id, &named).await;
    }
    let revisions = posts::list_revisions_tx(tx, post.id).await?;
    let earlier: Vec<&str> = revisions
        .iter()
        .take(revisions.len().saturating_sub(1))
        .map(|r| r.body.as_str())
        .collect();
    let named = mentions::newly_mentioned_ids_tx(tx, &post.body, &earlier).await?;
    let (told, _) =
        notifications::on_mentions(tx, thread.id, post.id, post.author_id, &named).await?;
    Ok(told)
}

/// Rejects a post held for review: it stays out of sight, as hidden, with the reason.
pub async fn reject_tx(
    tx: &mut Tx,
    viewer: &Viewer,
    thread: &Thread,
    post: &Post,
    reason: &str,
) -> AppResult<()> {
    if post.moderation == PENDING {
        posts::set_moderation(tx, post.id, HIDDEN, Some(reason)).await?;
        actions::log(
            tx,
            ActionKind::RejectPost,
            viewer,
            target(thread, post),
            reason,
        )
        .await?;
    }
    Ok(())
}

/// The post, its thread and the checks every moderator action on a post makes.
async fn moderated_post(
    state: &AppState,
    viewer: &Viewer,
    post_id: i64,
) -> AppResult<(Thread, Post)> {
    let post = post_service::get(state, post_id).await?;
    let thread = thread_service::get(state, post.thread_id).await?;
    actions::require_moderator(state, viewer, thread.community_id).await?;
    actions::require_may_act_on(state, viewer, post.author_id).await?;
    if post.deleted_at.is_some() {
        return Err(AppError::NotFound("Messaggio"));
    }
    Ok((thread, post))
}

pub async fn hide(
    state: &AppState,
    viewer: Option<&Viewer>,
    post_id: i64,
    reason: &str,
) -> AppResult<Post> {
    let viewer = active(viewer)?;
    let (thread, post) = moderated_post(state, viewer, post_id).await?;
    let reason = actions::reason(reason)?;
    if post.moderation == PENDING {
        return Err(AppError::bad_input(
            "Il messaggio è in attesa di approvazione: decidi dalla coda di revisione",
        ));
    }
    let mut tx = state.db.begin().await?;
    let events = hide_tx(&mut tx, viewer, &thread, &post, &reason).await?;
    let post = posts::get_post_tx(&mut tx, post_id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(post)
}

pub async fn restore(
    state: &AppState,
    viewer: Option<&Viewer>,
    post_id: i64,
    reason: &str,
) -> AppResult<Post> {
    let viewer = active(viewer)?;
    let (thread, post) = moderated_post(state, viewer, post_id).await?;
    let reason = actions::reason(reason)?;
    let mut tx = state.db.begin().await?;
    let events = restore_tx(&mut tx, viewer, &thread, &post, &reason).await?;
    let post = posts::get_post_tx(&mut tx, post_id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(post)
}
