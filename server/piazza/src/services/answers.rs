//! Answers to questions: the accepted answer (chosen by the asker, a moderator or an
//! expert) and the official answer ("risposta ufficiale", marked by experts, moderators and
//! admins). They are independent: a question may have both, on the same post or not. Each
//! is one post at a time and can be moved to another reply.

use piazza_db::{
    posts::{self, Post},
    threads::{self, Thread},
};

use super::{
    AppState, active, communities,
    notifications::{self, ANSWER_ACCEPTED, OFFICIAL_ANSWER},
};
use crate::{
    auth::{Role, Viewer},
    error::{AppError, AppResult},
    live::{self, Kind as LiveKind, Refs, Topic},
};

/// The post and its thread, if the post is a visible reply to a question.
async fn answer_and_question(state: &AppState, post_id: i64) -> AppResult<(Post, Thread)> {
    let post = super::posts::get(state, post_id).await?;
    if post.deleted_at.is_some() {
        return Err(AppError::NotFound("Messaggio"));
    }
    let thread = super::threads::get(state, post.thread_id).await?;
    Ok((post, thread))
}

fn check_is_answer(post: &Post, thread: &Thread) -> AppResult<()> {
    if thread.kind != "question" {
        return Err(AppError::bad_input("Solo le domande hanno risposte"));
    }
    if thread.first_post_id == Some(post.id) {
        return Err(AppError::bad_input("La domanda non è una risposta"));
    }
    Ok(())
}

/// Experts, and moderators of the community (global moderators and admins included).
async fn is_expert_or_moderator(
    state: &AppState,
    viewer: &Viewer,
    community_id: i64,
) -> AppResult<bool> {
    Ok(
        viewer.role() == Role::Expert
            || communities::moderates(state, viewer, community_id).await?,
    )
}

/// Accepts a reply as the answer to its question (replacing any previous one): the asker,
/// an expert or a moderator of the community may. Returns the thread.
pub async fn accept(state: &AppState, viewer: Option<&Viewer>, post_id: i64) -> AppResult<Thread> {
    let viewer = active(viewer)?;
    let (post, thread) = answer_and_question(state, post_id).await?;
    let allowed = thread.author_id == viewer.id()
        || is_expert_or_moderator(state, viewer, thread.community_id).await?;
    if !allowed {
        return Err(AppError::Forbidden);
    }
    check_is_answer(&post, &thread)?;
    let mut tx = state.db.begin().await?;
    let mut events = Vec::new();
    if threads::set_accepted_post(&mut tx, thread.id, post.id).await? {
        events.push(thread_event(&mut tx, &thread, &post, LiveKind::AnswerAccepted).await?);
        events.extend(
            notifications::on_answer(
                &mut tx,
                ANSWER_ACCEPTED,
                post.author_id,
                viewer.id(),
                thread.id,
                post.id,
            )
            .await?,
        );
    }
    let thread = threads::get_thread_tx(&mut tx, thread.id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(thread)
}

/// Marks a reply as the official answer (replacing any previous one): experts, moderators
/// of the community and admins may. Returns the post.
pub async fn mark_official(
    state: &AppState,
    viewer: Option<&Viewer>,
    post_id: i64,
) -> AppResult<Post> {
    let viewer = active(viewer)?;
    let (post, thread) = answer_and_question(state, post_id).await?;
    if !is_expert_or_moderator(state, viewer, thread.community_id).await? {
        return Err(AppError::Forbidden);
    }
    check_is_answer(&post, &thread)?;
    let mut tx = state.db.begin().await?;
    let mut events = Vec::new();
    if threads::set_official_post(&mut tx, thread.id, post.id).await? {
        events.push(thread_event(&mut tx, &thread, &post, LiveKind::OfficialAnswer).await?);
        events.extend(
            notifications::on_answer(
                &mut tx,
                OFFICIAL_ANSWER,
                thread.author_id,
                viewer.id(),
                thread.id,
                post.id,
            )
            .await?,
        );
    }
    let post = posts::get_post_tx(&mut tx, post.id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    Ok(post)
}

async fn thread_event(
    tx: &mut piazza_db::Tx,
    thread: &Thread,
    post: &Post,
    kind: LiveKind,
) -> AppResult<piazza_db::events::Event> {
    let refs = Refs {
        community_id: Some(thread.community_id),
        thread_id: Some(thread.id),
        post_id: Some(post.id),
        ..Refs::default()
    };
    live::record(tx, Topic::Thread(thread.id), kind, refs).await
}
