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
    notifications, posts as post_service, threads as thread_service,
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
/// never published: restoring it publishes it, as approving it would have.
pub async fn restore_tx(
    tx: &mut Tx,
    viewer: &Viewer,
    thread: &Thread,
    post: &Post,
    reason: &str,
) -> AppResult<Vec<Event>> {
    let mut events = Vec::new();
    if post.moderation == HIDDEN && posts::set_moderation(tx, post.id, VISIBLE, None).await? {
        if never_published(tx, thread, post).await? {
            events.extend(publish_held_tx(tx, thread, post).await?);
        } else {
            if post.deleted_at.is_none() {
                threads::adjust_post_count(tx, thread.id, 1).await?;
            }
            events.push(thread_event(tx, thread, post, LiveKind::PostRestored).await?);
        }
        actions::log(
            tx,
            ActionKind::RestorePost,
            viewer,
            target(thread, post),
            reason,
        )
        .await?;
    }
    events.extend(resolve_items_of(tx, viewer, post.id, "restored").await?);
    Ok(events)
}

/// Whether a hidden post was rejected while held and never published since: the first
/// post of a thread still held, or a post whose log has a rejection and no approval or
/// restoration (only held posts are rejected, and only restoring brings them out).
async fn never_published(tx: &mut Tx, thread: &Thread, post: &Post) -> AppResult<bool> {
    if thread.pending && thread.first_post_id == Some(post.id) {
        return Ok(true);
    }
    let rejected = [ActionKind::RejectPost.as_str()];
    let published = [
        ActionKind::ApprovePost.as_str(),
        ActionKind::RestorePost.as_str(),
    ];
    Ok(
        moderation::count_post_actions(tx, post.id, &rejected).await? > 0
            && moderation::count_post_actions(tx, post.id, &published).await? == 0,
    )
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
    let events = publish_held_tx(tx, thread, post).await?;
    actions::log(
        tx,
        ActionKind::ApprovePost,
        viewer,
        target(thread, post),
        "",
    )
    .await?;
    Ok(events)
}

/// What a held post's publication does once it is visible (the caller changed its state,
/// which ensures this runs once per post): the thread's counts and events, and the
/// notifications the post would have sent when written.
async fn publish_held_tx(tx: &mut Tx, thread: &Thread, post: &Post) -> AppResult<Vec<Event>> {
    let mut events = Vec::new();
    let first = thread.first_post_id == Some(post.id);
    if first {
        threads::set_flag(tx, thread.id, ThreadFlag::Pending, false).await?;
        let refs = Refs {
            community_id: Some(thread.community_id),
            thread_id: Some(thread.id),
            post_id: Some(post.id),
            ..Refs::default()
        };
        events.push(
            live::record(
                tx,
                Topic::Community(thread.community_id),
                LiveKind::ThreadCreated,
                refs,
            )
            .await?,
        );
    } else {
        threads::record_new_post(tx, thread.id, piazza_db::now()).await?;
        events.push(thread_event(tx, thread, post, LiveKind::PostCreated).await?);
    }
    // Read under the state change, so an edit made while the post was held is what counts.
    let current = posts::get_post_tx(tx, post.id).await?;
    if current.deleted_at.is_some() {
        // Its author deleted it while it waited: there is nothing to tell anyone about.
        return Ok(events);
    }
    let named = mentions::mentioned_ids_tx(tx, &current.body).await?;
    // A member both mentioned and watching is told once, of the mention.
    let (told, mentioned) =
        notifications::on_mentions(tx, thread.id, post.id, post.author_id, &named).await?;
    events.extend(told);
    if first {
        events.extend(
            notifications::on_new_thread(
                tx,
                thread.community_id,
                thread.id,
                post.id,
                post.author_id,
                &mentioned,
            )
            .await?,
        );
    } else {
        events.extend(
            notifications::on_reply(tx, thread, post.author_id, post.id, &mentioned).await?,
        );
    }
    Ok(events)
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
