//! Members' notification inboxes.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

use crate::{Db, Result, Tx};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct Notification {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub actor_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub faq_entry_id: Option<i64>,
    pub group_count: i64,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug)]
pub struct NewNotification {
    pub user_id: i64,
    pub kind: String,
    pub actor_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub faq_entry_id: Option<i64>,
}

macro_rules! select_notifications {
    ($($sql:literal),*) => {
        concat!("select id, user_id, kind, actor_id, thread_id, post_id, faq_entry_id, group_count, \
            read_at, created_at from notifications ", $($sql),*)
    };
}

/// Adds a notification. When an unread one of the same kind about the same thread exists,
/// it is replaced by the new one carrying the running count, so the group moves to the top of
/// the inbox (ids are the inbox order) instead of flooding it. Returns the new id.
pub async fn upsert_notification(
    tx: &mut Tx,
    new: &NewNotification,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut count = 1;
    if let Some(thread_id) = new.thread_id {
        let existing: Option<(i64, i64)> = on_tx!(tx, conn => sqlx::query_as(
            "select id, group_count from notifications where user_id = $1 and kind = $2 and thread_id = $3 \
             and read_at is null order by id desc limit 1")
            .bind(new.user_id)
            .bind(&new.kind)
            .bind(thread_id)
            .fetch_optional(conn)
            .await)?;
        if let Some((id, previous)) = existing {
            on_tx!(tx, conn => sqlx::query("delete from notifications where id = $1")
                .bind(id)
                .execute(conn)
                .await.map(|r| r.rows_affected()))?;
            count = previous + 1;
        }
    }
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "insert into notifications (user_id, kind, actor_id, thread_id, post_id, faq_entry_id, group_count, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id")
        .bind(new.user_id)
        .bind(&new.kind)
        .bind(new.actor_id)
        .bind(new.thread_id)
        .bind(new.post_id)
        .bind(new.faq_entry_id)
        .bind(count)
        .bind(now)
        .fetch_one(conn)
        .await)?)
}

pub async fn find_notification(db: &Db, id: i64) -> Result<Option<Notification>> {
    let sql = select_notifications!("where id = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?)
}

/// A page of a member's notifications, newest first, before `before_id` (exclusive).
pub async fn list_notifications(
    db: &Db,
    user_id: i64,
    unread_only: bool,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Notification>> {
    let sql = select_notifications!(
        "where user_id = $1 and ($2 = false or read_at is null) and id < $3 order by id desc limit $4"
    );
    Ok(on_read!(db, pool => sqlx::query_as(sql)
        .bind(user_id)
        .bind(unread_only)
        .bind(before_id.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

pub async fn count_unread(db: &Db, user_id: i64) -> Result<i64> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select count(*) from notifications where user_id = $1 and read_at is null")
        .bind(user_id)
        .fetch_one(pool)
        .await)?)
}

/// Marks the given notifications (or, with `None`, all) of a member read; returns how many
/// changed. Other members' notifications are never touched.
pub async fn mark_read(
    tx: &mut Tx,
    user_id: i64,
    ids: Option<&[i64]>,
    now: DateTime<Utc>,
) -> Result<u64> {
    let done = match ids {
        None => on_tx!(tx, conn => sqlx::query(
            "update notifications set read_at = $1 where user_id = $2 and read_at is null")
            .bind(now)
            .bind(user_id)
            .execute(conn)
            .await.map(|r| r.rows_affected()))?,
        Some([]) => 0,
        Some(ids) => on_tx!(tx, conn => {
            let mut qb = QueryBuilder::new("update notifications set read_at = ");
            qb.push_bind(now).push(" where user_id = ").push_bind(user_id).push(" and read_at is null and id in (");
            crate::push_in_list(&mut qb, ids.iter().copied(), ")");
            qb.build().execute(conn).await.map(|r| r.rows_affected())
        })?,
    };
    Ok(done)
}
