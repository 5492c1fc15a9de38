//! Bookmarks: a member saves a thread, or one post of it, for later. They are private:
//! every operation acts on the viewer's own bookmarks only.

use piazza_db::bookmarks::{self, Bookmark, NewBookmark};

use super::{AppState, signed_in};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
};

/// What to bookmark: a thread, or a post (its thread is implied; if given, it must match).
#[derive(Clone, Copy, Debug)]
pub struct Target {
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
}

/// The `(thread_id, post_id)` a target designates, checked to exist.
async fn resolve(state: &AppState, target: Target) -> AppResult<(i64, Option<i64>)> {
    match (target.thread_id, target.post_id) {
        (_, Some(post_id)) => {
            let post = super::posts::get(state, post_id).await?;
            if post.deleted_at.is_some() {
                return Err(AppError::NotFound("Messaggio"));
            }
            if target.thread_id.is_some_and(|t| t != post.thread_id) {
                return Err(AppError::bad_input(
                    "Il messaggio non appartiene alla discussione",
                ));
            }
            Ok((post.thread_id, Some(post.id)))
        }
        (Some(thread_id), None) => {
            let thread = super::threads::get(state, thread_id).await?;
            Ok((thread.id, None))
        }
        (None, None) => Err(AppError::bad_input("Indica una discussione o un messaggio")),
    }
}

/// Bookmarks a thread or post for the viewer; doing it twice keeps the first bookmark.
pub async fn add(state: &AppState, viewer: Option<&Viewer>, target: Target) -> AppResult<Bookmark> {
    let viewer = signed_in(viewer)?;
    let (thread_id, post_id) = resolve(state, target).await?;
    let mut tx = state.db.begin().await?;
    let (bookmark, _) = bookmarks::insert_bookmark(
        &mut tx,
        &NewBookmark {
            user_id: viewer.id(),
            thread_id,
            post_id,
            created_at: piazza_db::now(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(bookmark)
}

/// Removes the viewer's bookmark of a thread or post; returns whether there was one.
pub async fn remove(state: &AppState, viewer: Option<&Viewer>, target: Target) -> AppResult<bool> {
    let viewer = signed_in(viewer)?;
    let (thread_id, post_id) = match (target.thread_id, target.post_id) {
        // A post's bookmark can be removed even after the post was deleted.
        (_, Some(post_id)) => {
            let post = super::posts::get(state, post_id).await?;
            (post.thread_id, Some(post.id))
        }
        _ => resolve(state, target).await?,
    };
    let mut tx = state.db.begin().await?;
    let removed = bookmarks::delete_bookmark(&mut tx, viewer.id(), thread_id, post_id).await?;
    tx.commit().await?;
    Ok(removed)
}

/// A page of the viewer's bookmarks, newest first.
pub async fn list(
    state: &AppState,
    viewer: Option<&Viewer>,
    before_id: Option<i64>,
    limit: i64,
) -> AppResult<Vec<Bookmark>> {
    let viewer = signed_in(viewer)?;
    Ok(bookmarks::list_bookmarks(&state.db, viewer.id(), before_id, limit).await?)
}
