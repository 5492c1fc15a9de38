//! Votes on posts: +1, −1 or 0 (withdrawn), one per member per post, never on one's own.

use piazza_db::{posts::Post, votes};

use super::{AppState, poster, posts};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    feed_cache,
};

/// Records the viewer's vote on a post and returns the post with its new score.
pub async fn vote(
    state: &AppState,
    viewer: Option<&Viewer>,
    post_id: i64,
    value: i64,
) -> AppResult<Post> {
    let viewer = poster(viewer)?;
    if !(-1..=1).contains(&value) {
        return Err(AppError::bad_input("Voto: deve essere -1, 0 o 1"));
    }
    let post = posts::get(state, post_id).await?;
    if post.author_id == viewer.id() {
        return Err(AppError::Forbidden);
    }
    if post.deleted_at.is_some() {
        return Err(AppError::NotFound("Messaggio"));
    }
    let mut tx = state.db.begin().await?;
    votes::set_vote(&mut tx, post_id, viewer.id(), value).await?;
    let post = piazza_db::posts::get_post_tx(&mut tx, post_id).await?;
    tx.commit().await?;
    feed_cache::deps::bump_thread(state, post.thread_id).await;
    Ok(post)
}
