//! Bookmarks: threads and posts a member saved for later. A bookmark of a post also records
//! its thread, so lists need no join; each thread or post is bookmarked at most once.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

use crate::{Db, Result, Tx};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct Bookmark {
    pub id: i64,
    pub user_id: i64,
    pub thread_id: i64,
    /// `None` when the whole thread is bookmarked.
    pub post_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

pub struct NewBookmark {
    pub user_id: i64,
    pub thread_id: i64,
    pub post_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

macro_rules! select_bookmarks {
    ($($sql:expr),*) => {
        concat!("select id, user_id, thread_id, post_id, created_at from bookmarks ", $($sql),*)
    };
}

/// The same thread, or the same post: `post_id` null matches only thread bookmarks.
macro_rules! same_target {
    () => {
        "user_id = $1 and thread_id = $2 and (($3 is null and post_id is null) or post_id = $3)"
    };
}

/// Bookmarks a thread or post; bookmarking it again keeps the first bookmark. Returns the
/// bookmark and whether it is new.
pub async fn insert_bookmark(tx: &mut Tx, new: &NewBookmark) -> Result<(Bookmark, bool)> {
    // No conflict target: the two uniqueness rules are partial indexes.
    let done = on_tx!(tx, conn => sqlx::query(
        "insert into bookmarks (user_id, thread_id, post_id, created_at) values ($1, $2, $3, $4) \
         on conflict do nothing")
        .bind(new.user_id)
        .bind(new.thread_id)
        .bind(new.post_id)
        .bind(new.created_at)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    let sql = select_bookmarks!("where ", same_target!());
    let bookmark = on_tx!(tx, conn => sqlx::query_as(sql)
        .bind(new.user_id)
        .bind(new.thread_id)
        .bind(new.post_id)
        .fetch_one(conn)
        .await)?;
    Ok((bookmark, done == 1))
}

/// Removes a member's bookmark of a thread (`post_id` `None`) or post; returns whether one
/// existed.
pub async fn delete_bookmark(
    tx: &mut Tx,
    user_id: i64,
    thread_id: i64,
    post_id: Option<i64>,
) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(concat!("delete from bookmarks where ", same_target!()))
        .bind(user_id)
        .bind(thread_id)
        .bind(post_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done > 0)
}

pub async fn find_bookmark(
    db: &Db,
    user_id: i64,
    thread_id: i64,
    post_id: Option<i64>,
) -> Result<Option<Bookmark>> {
    let sql = select_bookmarks!("where ", same_target!());
    Ok(on_read!(db, pool => sqlx::query_as(sql)
        .bind(user_id)
        .bind(thread_id)
        .bind(post_id)
        .fetch_optional(pool)
        .await)?)
}

/// A page of a member's bookmarks, newest first, before `before_id` (exclusive).
pub async fn list_bookmarks(
    db: &Db,
    user_id: i64,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Bookmark>> {
    let sql = select_bookmarks!("where user_id = $1 and id < $2 order by id desc limit $3");
    Ok(on_read!(db, pool => sqlx::query_as(sql)
        .bind(user_id)
        .bind(before_id.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

/// Of the given threads, those the member bookmarked as a whole.
pub async fn list_bookmarked_threads_among(
    db: &Db,
    user_id: i64,
    thread_ids: &[i64],
) -> Result<Vec<i64>> {
    if thread_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new("select thread_id from bookmarks where post_id is null and user_id = ");
        qb.push_bind(user_id).push(" and thread_id in (");
        crate::push_in_list(&mut qb, thread_ids.iter().copied(), ")");
        qb.build_query_scalar().fetch_all(pool).await
    })?)
}

/// Of the given posts, those the member bookmarked.
pub async fn list_bookmarked_posts_among(
    db: &Db,
    user_id: i64,
    post_ids: &[i64],
) -> Result<Vec<i64>> {
    if post_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new("select post_id from bookmarks where user_id = ");
        qb.push_bind(user_id).push(" and post_id in (");
        crate::push_in_list(&mut qb, post_ids.iter().copied(), ")");
        qb.build_query_scalar().fetch_all(pool).await
    })?)
}
