//! Replies, edits (each kept as a revision) and soft deletion.

use piazza_db::{
    DbError,
    posts::{self, NewPost, Post},
    threads,
};

use super::{
    AppState, active, communities, follows, limits, mentions, notifications, poster, validate,
};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    live::{self, Kind as LiveKind, Refs, Topic},
};

fn not_found(e: DbError) -> AppError {
    match e {
        DbError::NotFound => AppError::NotFound("Messaggio"),
        other => other.into(),
    }
}

pub async fn get(state: &AppState, id: i64) -> AppResult<Post> {
    posts::get_post(&state.db, id).await.map_err(not_found)
}

pub async fn reply(
    state: &AppState,
    viewer: Option<&Viewer>,
    thread_id: i64,
    body: &str,
) -> AppResult<Post> {
    let viewer = poster(viewer)?;
    let body = validate::body(body)?;
    let thread = super::threads::get(state, thread_id).await?;
    if !super::threads::visible_to(state, Some(viewer), &thread).await? {
        return Err(AppError::NotFound("Discussione"));
    }
    if thread.locked && !communities::moderates(state, viewer, thread.community_id).await? {
        return Err(AppError::Denied("La discussione è chiusa".into()));
    }
    let rendered = mentions::render_post(state, &body).await?;
    let assessment = limits::assess(state, viewer, &body, &body).await?;
    state.throttle.post(viewer.id()).await?;
    let now = piazza_db::now();
    let mut tx = state.db.begin().await?;
    let id = posts::insert_post(
        &mut tx,
        &NewPost {
            thread_id,
            author_id: viewer.id(),
            body: &body,
            body_html: &rendered.html,
            renderer_version: i64::from(piazza_markdown::RENDERER_VERSION),
            created_at: now,
        },
    )
    .await?;
    let queued = limits::queue_for_review(
        &mut tx,
        &assessment,
        thread.community_id,
        thread_id,
        id,
        viewer.id(),
    )
    .await?;
    follows::watch_by_default(&mut tx, thread_id, viewer.id()).await?;
    if assessment.pending {
        // Held for approval: nobody is told until a moderator publishes it.
        posts::set_moderation(&mut tx, id, posts::PENDING, None).await?;
        let post = posts::get_post_tx(&mut tx, id).await?;
        tx.commit().await?;
        live::publish(state, &queued).await;
        return Ok(post);
    }
    threads::record_new_post(&mut tx, thread_id, now).await?;
    // Read after the update of the thread's row, which orders this reply with a concurrent
    // approval of the thread: one of the two tells about it.
    let thread = threads::get_thread_tx(&mut tx, thread_id).await?;
    let refs = Refs {
        community_id: Some(thread.community_id),
        thread_id: Some(thread_id),
        post_id: Some(id),
        ..Refs::default()
    };
    let mut events = vec![
        live::record(
            &mut tx,
            Topic::Thread(thread_id),
            LiveKind::PostCreated,
            refs,
        )
        .await?,
    ];
    // A thread held for approval is not public yet: a reply in it (only its author and
    // moderators can write one) tells its mentions and watchers when the thread is approved.
    if !thread.pending {
        events.extend(
            notifications::on_publish(&mut tx, &thread, id, viewer.id(), &rendered.mentioned_ids())
                .await?,
        );
    }
    events.extend(queued);
    let post = posts::get_post_tx(&mut tx, id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    metrics::counter!("piazza_posts_created_total").increment(1);
    Ok(post)
}

/// Authors edit their own posts; moderators edit any post in their communities.
async fn may_change(state: &AppState, viewer: &Viewer, post: &Post) -> AppResult<bool> {
    if post.author_id == viewer.id() {
        return Ok(true);
    }
    let thread = super::threads::get(state, post.thread_id).await?;
    communities::moderates(state, viewer, thread.community_id).await
}

pub async fn edit(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
    body: &str,
) -> AppResult<Post> {
    let viewer = active(viewer)?;
    let body = validate::body(body)?;
    let post = get(state, id).await?;
    if !may_change(state, viewer, &post).await? {
        return Err(AppError::Forbidden);
    }
    if post.deleted_at.is_some() {
        return Err(AppError::NotFound("Messaggio"));
    }
    if post.body == body {
        return Ok(post);
    }
    // Watched words count in an edit as in a new post (nobody is exempt from them when
    // writing either): blocked outright, or — when the edit brings them in — held for
    // approval again or flagged to moderators.
    let (verdict, found) = super::watched::check_edit(state, &post.body, &body).await?;
    if !verdict.block.is_empty() {
        return Err(AppError::bad_input(format!(
            "Il testo contiene parole non ammesse: {}",
            verdict.block.join(", ")
        )));
    }
    // A new member's links and mentions are limited in an edit as in a new post.
    if limits::is_new_member(state, viewer).await? {
        limits::check_new_member_text(state.limits, &body, Some(&post.body))?;
    }
    let assessment = limits::Assessment {
        pending: !verdict.require_approval.is_empty(),
        flagged: verdict.flag,
        held: verdict.require_approval,
    };
    let rendered = mentions::render_post(state, &body).await?;
    // Only members the edit newly mentions are told.
    let before = mentions::handles(&post.body);
    let newly: Vec<i64> = rendered
        .mentioned
        .iter()
        .filter(|(_, handle)| !before.contains(handle))
        .map(|(id, _)| *id)
        .collect();
    let mut tx = state.db.begin().await?;
    let renderer = i64::from(piazza_markdown::RENDERER_VERSION);
    posts::update_post_body(
        &mut tx,
        id,
        &body,
        &rendered.html,
        renderer,
        viewer.id(),
        piazza_db::now(),
    )
    .await
    .map_err(not_found)?;
    // Read after the update, which orders this edit with a concurrent approval or hide: a
    // held post tells its mentions when approved (with the text it has then), a hidden one
    // never, and only a visible one is held again or flagged (a held post waits for a
    // moderator who reads its text as it is then; a hidden one is out of sight).
    let post = posts::get_post_tx(&mut tx, id).await?;
    let thread = threads::get_thread_tx(&mut tx, post.thread_id).await?;
    let queued = if post.moderation == posts::VISIBLE {
        if assessment.pending {
            super::post_moderation::hold_again_tx(&mut tx, &thread, &post).await?;
        }
        limits::queue_for_review(
            &mut tx,
            &assessment,
            thread.community_id,
            thread.id,
            id,
            post.author_id,
        )
        .await?
    } else {
        // A held post waits for a moderator who will read its text as it now is: its open
        // items list the watched words that text holds, not those of the first version.
        limits::refresh_flagged_words(&mut tx, id, &found.for_review()).await?
    };
    // Recorded after the hold, so the search index drops a post held again.
    let mut events = vec![thread_event(&mut tx, &post, LiveKind::PostEdited).await?];
    let post = posts::get_post_tx(&mut tx, id).await?;
    // A post not yet published (a reply in a held thread) tells every member it names when
    // it is; one in a thread held again tells nobody while it waits. (Held by this edit,
    // the post is no longer visible, so the thread read before the hold serves.)
    if post.moderation == posts::VISIBLE && post.published_at.is_some() && !thread.pending {
        let (told, _) =
            notifications::on_mentions(&mut tx, post.thread_id, id, viewer.id(), &newly).await?;
        events.extend(told);
    }
    events.extend(queued);
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(post)
}

async fn thread_event(
    tx: &mut piazza_db::Tx,
    post: &Post,
    kind: LiveKind,
) -> AppResult<piazza_db::events::Event> {
    let refs = Refs {
        thread_id: Some(post.thread_id),
        post_id: Some(post.id),
        ..Refs::default()
    };
    live::record(tx, Topic::Thread(post.thread_id), kind, refs).await
}

pub async fn delete(state: &AppState, viewer: Option<&Viewer>, id: i64) -> AppResult<Post> {
    let viewer = active(viewer)?;
    let post = get(state, id).await?;
    if !may_change(state, viewer, &post).await? {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let mut events = Vec::new();
    if posts::soft_delete_post(&mut tx, id, viewer.id(), piazza_db::now()).await? {
        // Only visible posts are counted: a held or hidden one was uncounted already. Read
        // after the update, which orders this with a concurrent hide or approval.
        if posts::get_post_tx(&mut tx, id).await?.moderation == posts::VISIBLE {
            threads::record_deleted_post(&mut tx, post.thread_id).await?;
        }
        // A deleted post answers nothing: the question may become unanswered again.
        threads::clear_answers_of_post(&mut tx, post.thread_id, id).await?;
        events.push(thread_event(&mut tx, &post, LiveKind::PostDeleted).await?);
    }
    let post = posts::get_post_tx(&mut tx, id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(post)
}

/// Whether the viewer may read a post at all: one held for approval, or in a thread held for
/// approval, only its author and moderators may (others read it as missing).
pub async fn readable_by(
    state: &AppState,
    viewer: Option<&Viewer>,
    post: &Post,
) -> AppResult<bool> {
    if post.moderation == posts::PENDING && !may_see_deleted(state, viewer, post).await? {
        return Ok(false);
    }
    let thread = super::threads::get(state, post.thread_id).await?;
    super::threads::visible_to(state, viewer, &thread).await
}

/// Whether the viewer may see a deleted, hidden or held post's text and history (its author
/// and its moderators may).
pub async fn may_see_deleted(
    state: &AppState,
    viewer: Option<&Viewer>,
    post: &Post,
) -> AppResult<bool> {
    let Some(viewer) = viewer else {
        return Ok(false);
    };
    may_change(state, viewer, post).await
}
