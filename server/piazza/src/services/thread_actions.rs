//! Moderators' thread actions: lock and unlock, pin and unpin, move to another community,
//! close as a duplicate of another thread or of an FAQ entry (readers get the link), and
//! reopen. Each is logged and announced to the thread and its community, so readers and
//! cached feeds see the change at once.

use piazza_db::{
    events::Event,
    faq,
    threads::{self, Thread, ThreadFlag},
};

use super::{
    AppState, active, communities,
    moderation::{self as actions, ActionKind, Target},
};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    live::{self, Kind as LiveKind, Refs, Topic},
};

/// The thread, if the viewer may moderate it.
async fn moderated(state: &AppState, viewer: &Viewer, id: i64) -> AppResult<Thread> {
    let thread = super::threads::get(state, id).await?;
    actions::require_moderator(state, viewer, thread.community_id).await?;
    actions::require_may_act_on(state, viewer, thread.author_id).await?;
    Ok(thread)
}

async fn announce(
    tx: &mut piazza_db::Tx,
    thread: &Thread,
    community_id: i64,
    kind: LiveKind,
) -> AppResult<Vec<Event>> {
    let refs = Refs {
        community_id: Some(community_id),
        thread_id: Some(thread.id),
        ..Refs::default()
    };
    Ok(vec![
        live::record(tx, Topic::Thread(thread.id), kind, refs).await?,
        live::record(tx, Topic::Community(community_id), kind, refs).await?,
    ])
}

fn target(thread: &Thread, community_id: i64) -> Target {
    Target {
        community_id: Some(community_id),
        user_id: Some(thread.author_id),
        thread_id: Some(thread.id),
        post_id: None,
    }
}

fn optional_reason(reason: Option<&str>) -> AppResult<String> {
    match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => actions::reason(r),
        None => Ok(String::new()),
    }
}

/// Sets the locked or pinned flag.
pub async fn set_flag(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
    flag: ThreadFlag,
    value: bool,
    reason: Option<&str>,
) -> AppResult<Thread> {
    let viewer = active(viewer)?;
    let thread = moderated(state, viewer, id).await?;
    let reason = optional_reason(reason)?;
    let kind = match (flag, value) {
        (ThreadFlag::Locked, true) => ActionKind::LockThread,
        (ThreadFlag::Locked, false) => ActionKind::UnlockThread,
        (ThreadFlag::Pinned, true) => ActionKind::PinThread,
        (ThreadFlag::Pinned, false) => ActionKind::UnpinThread,
        (ThreadFlag::Pending, _) => return Err(AppError::Forbidden),
    };
    let mut tx = state.db.begin().await?;
    let mut events = Vec::new();
    if threads::set_flag(&mut tx, id, flag, value).await? {
        events = announce(
            &mut tx,
            &thread,
            thread.community_id,
            LiveKind::ThreadUpdated,
        )
        .await?;
        actions::log(
            &mut tx,
            kind,
            viewer,
            target(&thread, thread.community_id),
            &reason,
        )
        .await?;
    }
    let thread = threads::get_thread_tx(&mut tx, id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(thread)
}

/// Moves a thread to another community; the viewer must moderate both.
pub async fn move_to(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
    slug: &str,
    reason: &str,
) -> AppResult<Thread> {
    let viewer = active(viewer)?;
    let thread = moderated(state, viewer, id).await?;
    let to = communities::get_by_slug(state, slug).await?;
    actions::require_moderator(state, viewer, to.id).await?;
    let reason = actions::reason(reason)?;
    if to.id == thread.community_id {
        return Err(AppError::bad_input(
            "La discussione è già in questa comunità",
        ));
    }
    let from = thread.community_id;
    let mut tx = state.db.begin().await?;
    threads::set_community(&mut tx, id, to.id).await?;
    let mut events = announce(&mut tx, &thread, from, LiveKind::ThreadMoved).await?;
    let refs = Refs {
        community_id: Some(to.id),
        thread_id: Some(id),
        ..Refs::default()
    };
    events.push(
        live::record(
            &mut tx,
            Topic::Community(to.id),
            LiveKind::ThreadMoved,
            refs,
        )
        .await?,
    );
    // Both communities' logs show the move.
    actions::log(
        &mut tx,
        ActionKind::MoveThread,
        viewer,
        target(&thread, from),
        &reason,
    )
    .await?;
    actions::log(
        &mut tx,
        ActionKind::MoveThread,
        viewer,
        target(&thread, to.id),
        &reason,
    )
    .await?;
    let thread = threads::get_thread_tx(&mut tx, id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(thread)
}

/// Closes a thread as a duplicate of another thread or of a published FAQ entry (exactly
/// one), which locks it; readers see the link.
pub async fn close_as_duplicate(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
    of_thread: Option<i64>,
    of_faq_entry: Option<i64>,
    reason: Option<&str>,
) -> AppResult<Thread> {
    let viewer = active(viewer)?;
    let thread = moderated(state, viewer, id).await?;
    let reason = optional_reason(reason)?;
    match (of_thread, of_faq_entry) {
        (Some(other), None) => {
            if other == id {
                return Err(AppError::bad_input("Una discussione non duplica se stessa"));
            }
            let other = super::threads::get(state, other).await?;
            if other.pending {
                return Err(AppError::NotFound("Discussione"));
            }
        }
        (None, Some(entry)) => {
            let entry = faq::get_faq_entry(&state.db, entry)
                .await
                .map_err(|_| AppError::NotFound("Voce delle FAQ"))?;
            if entry.status != faq::PUBLISHED {
                return Err(AppError::NotFound("Voce delle FAQ"));
            }
        }
        _ => {
            return Err(AppError::bad_input(
                "Indica la discussione oppure la voce delle FAQ di cui è un duplicato",
            ));
        }
    }
    let mut tx = state.db.begin().await?;
    threads::set_duplicate_of(&mut tx, id, of_thread, of_faq_entry).await?;
    let events = announce(
        &mut tx,
        &thread,
        thread.community_id,
        LiveKind::ThreadUpdated,
    )
    .await?;
    let t = target(&thread, thread.community_id);
    actions::log(&mut tx, ActionKind::CloseDuplicate, viewer, t, &reason).await?;
    let thread = threads::get_thread_tx(&mut tx, id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(thread)
}

/// Reopens a thread closed as a duplicate (and unlocks it).
pub async fn reopen(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
    reason: Option<&str>,
) -> AppResult<Thread> {
    let viewer = active(viewer)?;
    let thread = moderated(state, viewer, id).await?;
    let reason = optional_reason(reason)?;
    if thread.duplicate_of_thread_id.is_none() && thread.duplicate_of_faq_entry_id.is_none() {
        return Ok(thread);
    }
    let mut tx = state.db.begin().await?;
    threads::set_duplicate_of(&mut tx, id, None, None).await?;
    let events = announce(
        &mut tx,
        &thread,
        thread.community_id,
        LiveKind::ThreadUpdated,
    )
    .await?;
    let t = target(&thread, thread.community_id);
    actions::log(&mut tx, ActionKind::ReopenThread, viewer, t, &reason).await?;
    let thread = threads::get_thread_tx(&mut tx, id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(thread)
}
