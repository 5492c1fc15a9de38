//! Votes on posts: one per member per post, and the scores they add up to.
//!
//! A post's `score` (and its thread's, for the first post: what the TOP order sorts by) is
//! recomputed from `post_votes` in the vote's transaction rather than incremented, so it
//! cannot drift. To stay exact under concurrent votes on PostgreSQL (READ COMMITTED), the
//! transaction first takes the post row's lock: the sum is then read by a later statement,
//! whose snapshot includes every vote committed before the lock was granted. On SQLite the
//! single writer connection already serialises the transactions.

use crate::{Db, DbError, Result, Tx};

/// Records `user_id`'s vote on a post (`-1` or `1`; `0` withdraws it) and returns the
/// post's new score. [`DbError::NotFound`] if the post does not exist.
pub async fn set_vote(tx: &mut Tx, post_id: i64, user_id: i64, value: i64) -> Result<i64> {
    let locked = on_tx!(tx, conn => sqlx::query("update posts set score = score where id = $1")
        .bind(post_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    if locked == 0 {
        return Err(DbError::NotFound);
    }
    if value == 0 {
        on_tx!(tx, conn => sqlx::query("delete from post_votes where post_id = $1 and user_id = $2")
            .bind(post_id)
            .bind(user_id)
            .execute(conn)
            .await.map(|r| r.rows_affected()))?;
    } else {
        on_tx!(tx, conn => sqlx::query(
            "insert into post_votes (post_id, user_id, value) values ($1, $2, $3) \
             on conflict (post_id, user_id) do update set value = excluded.value")
            .bind(post_id)
            .bind(user_id)
            .bind(value)
            .execute(conn)
            .await.map(|r| r.rows_affected()))?;
    }
    let score: i64 = on_tx!(tx, conn => sqlx::query_scalar(
        "update posts set score = (select coalesce(sum(v.value), 0) from post_votes v where v.post_id = $1) \
         where id = $1 returning score")
        .bind(post_id)
        .fetch_one(conn)
        .await)?;
    on_tx!(tx, conn => sqlx::query("update threads set score = $1 where first_post_id = $2")
        .bind(score)
        .bind(post_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(score)
}

/// A member's vote on a post, if any.
pub async fn find_vote(db: &Db, post_id: i64, user_id: i64) -> Result<Option<i64>> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select value from post_votes where post_id = $1 and user_id = $2")
        .bind(post_id)
        .bind(user_id)
        .fetch_optional(pool)
        .await)?)
}

/// How many members voted on a post.
pub async fn count_votes(db: &Db, post_id: i64) -> Result<i64> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select count(*) from post_votes where post_id = $1")
        .bind(post_id)
        .fetch_one(pool)
        .await)?)
}
