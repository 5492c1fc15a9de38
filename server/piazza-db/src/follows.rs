//! Follow levels: how much a member hears about a thread or a community (`watching`,
//! `tracking`, `normal`, `muted`). A missing row is the default; a thread without a row
//! inherits `muted` from a muted community and is otherwise `normal`.

use sqlx::QueryBuilder;

use crate::{Db, Result, Tx};

/// The levels, as stored.
pub const WATCHING: &str = "watching";
pub const TRACKING: &str = "tracking";
pub const NORMAL: &str = "normal";
pub const MUTED: &str = "muted";

/// The thread level of a member with no row of their own, given their community level.
macro_rules! effective_thread_level {
    () => {
        "coalesce(tf.level, case when cf.level = 'muted' then 'muted' else 'normal' end)"
    };
}

/// Sets a member's level for a thread, replacing any previous one.
pub async fn set_thread_level(
    tx: &mut Tx,
    thread_id: i64,
    user_id: i64,
    level: &str,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "insert into thread_follows (thread_id, user_id, level) values ($1, $2, $3) \
         on conflict (thread_id, user_id) do update set level = excluded.level")
        .bind(thread_id)
        .bind(user_id)
        .bind(level)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Sets a level only if the member has none for the thread (a default never overrides a
/// choice); returns whether it was set.
pub async fn insert_thread_level_if_absent(
    tx: &mut Tx,
    thread_id: i64,
    user_id: i64,
    level: &str,
) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "insert into thread_follows (thread_id, user_id, level) values ($1, $2, $3) \
         on conflict (thread_id, user_id) do nothing")
        .bind(thread_id)
        .bind(user_id)
        .bind(level)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The level a member chose (or got by default) for a thread, without inheritance.
pub async fn find_thread_level(db: &Db, thread_id: i64, user_id: i64) -> Result<Option<String>> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select level from thread_follows where thread_id = $1 and user_id = $2")
        .bind(thread_id)
        .bind(user_id)
        .fetch_optional(pool)
        .await)?)
}

/// A member's effective level for a thread (its row, else inherited), inside a write.
/// A missing thread reads as `normal`.
pub async fn effective_thread_level_tx(
    tx: &mut Tx,
    thread_id: i64,
    user_id: i64,
) -> Result<String> {
    let level: Option<String> = on_tx!(tx, conn => sqlx::query_scalar(concat!(
        "select ", effective_thread_level!(), " from threads t \
         left join thread_follows tf on tf.thread_id = t.id and tf.user_id = $2 \
         left join community_follows cf on cf.community_id = t.community_id and cf.user_id = $2 \
         where t.id = $1"))
        .bind(thread_id)
        .bind(user_id)
        .fetch_optional(conn)
        .await)?;
    Ok(level.unwrap_or_else(|| NORMAL.to_owned()))
}

/// A member's effective level for each of the given threads, as `(thread_id, level)`.
pub async fn list_effective_thread_levels(
    db: &Db,
    user_id: i64,
    thread_ids: &[i64],
) -> Result<Vec<(i64, String)>> {
    if thread_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(concat!("select t.id, ", effective_thread_level!(),
            " from threads t left join thread_follows tf on tf.thread_id = t.id and tf.user_id = "));
        qb.push_bind(user_id)
            .push(" left join community_follows cf on cf.community_id = t.community_id and cf.user_id = ")
            .push_bind(user_id)
            .push(" where t.id in (");
        crate::push_in_list(&mut qb, thread_ids.iter().copied(), ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// Members with exactly the given level for a thread (e.g. `watching`: who hears of
/// replies), in id order.
pub async fn list_thread_followers(tx: &mut Tx, thread_id: i64, level: &str) -> Result<Vec<i64>> {
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "select user_id from thread_follows where thread_id = $1 and level = $2 order by user_id")
        .bind(thread_id)
        .bind(level)
        .fetch_all(conn)
        .await)?)
}

/// Sets a member's level for a community, replacing any previous one.
pub async fn set_community_level(
    tx: &mut Tx,
    community_id: i64,
    user_id: i64,
    level: &str,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "insert into community_follows (community_id, user_id, level) values ($1, $2, $3) \
         on conflict (community_id, user_id) do update set level = excluded.level")
        .bind(community_id)
        .bind(user_id)
        .bind(level)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Sets a community level only if the member has none; returns whether it was set.
pub async fn insert_community_level_if_absent(
    tx: &mut Tx,
    community_id: i64,
    user_id: i64,
    level: &str,
) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "insert into community_follows (community_id, user_id, level) values ($1, $2, $3) \
         on conflict (community_id, user_id) do nothing")
        .bind(community_id)
        .bind(user_id)
        .bind(level)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Forgets a member's community level (back to the default, `normal`) unless it is
/// `muted`: muting is kept until the member changes it. Returns whether a level was removed.
pub async fn reset_community_level(tx: &mut Tx, community_id: i64, user_id: i64) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "delete from community_follows where community_id = $1 and user_id = $2 and level <> 'muted'")
        .bind(community_id)
        .bind(user_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub async fn find_community_level(
    db: &Db,
    community_id: i64,
    user_id: i64,
) -> Result<Option<String>> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select level from community_follows where community_id = $1 and user_id = $2")
        .bind(community_id)
        .bind(user_id)
        .fetch_optional(pool)
        .await)?)
}

/// A member's levels among the given communities, as `(community_id, level)`; communities
/// without a row are left out (their level is the default, `normal`).
pub async fn list_community_levels(
    db: &Db,
    user_id: i64,
    community_ids: &[i64],
) -> Result<Vec<(i64, String)>> {
    if community_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new("select community_id, level from community_follows where user_id = ");
        qb.push_bind(user_id).push(" and community_id in (");
        crate::push_in_list(&mut qb, community_ids.iter().copied(), ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// Members whose level for the community is one of `levels`, in id order.
pub async fn list_community_followers(
    tx: &mut Tx,
    community_id: i64,
    levels: &[&str],
) -> Result<Vec<i64>> {
    if levels.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_tx!(tx, conn => {
        let mut qb = QueryBuilder::new("select user_id from community_follows where community_id = ");
        qb.push_bind(community_id).push(" and level in (");
        crate::push_in_list(&mut qb, levels.iter().copied(), ") order by user_id");
        qb.build_query_scalar().fetch_all(conn).await
    })?)
}
