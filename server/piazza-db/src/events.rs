//! The event log behind live subscriptions: what happened, to which topic, in order.

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, serde::Serialize, serde::Deserialize)]
pub struct Event {
    pub id: i64,
    pub topic: String,
    pub kind: String,
    pub community_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub faq_entry_id: Option<i64>,
    pub notification_id: Option<i64>,
    /// The review queue item concerned (review events only).
    #[serde(default)]
    pub review_item_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, Default)]
pub struct NewEvent {
    pub topic: String,
    pub kind: String,
    pub community_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub faq_entry_id: Option<i64>,
    pub notification_id: Option<i64>,
    pub review_item_id: Option<i64>,
}

/// Records an event; returns it with its id (the subscription cursor).
pub async fn insert_event(tx: &mut Tx, new: &NewEvent, now: DateTime<Utc>) -> Result<Event> {
    let id: i64 = on_tx!(tx, conn => sqlx::query_scalar(
        "insert into events (topic, kind, community_id, thread_id, post_id, faq_entry_id, notification_id, review_item_id, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id")
        .bind(&new.topic)
        .bind(&new.kind)
        .bind(new.community_id)
        .bind(new.thread_id)
        .bind(new.post_id)
        .bind(new.faq_entry_id)
        .bind(new.notification_id)
        .bind(new.review_item_id)
        .bind(now)
        .fetch_one(conn)
        .await)?;
    Ok(Event {
        id,
        topic: new.topic.clone(),
        kind: new.kind.clone(),
        community_id: new.community_id,
        thread_id: new.thread_id,
        post_id: new.post_id,
        faq_entry_id: new.faq_entry_id,
        notification_id: new.notification_id,
        review_item_id: new.review_item_id,
        created_at: now,
    })
}

/// Events of a topic after `after_id`, oldest first (replay for a reconnecting client).
pub async fn list_events_after(
    db: &Db,
    topic: &str,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Event>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select id, topic, kind, community_id, thread_id, post_id, faq_entry_id, notification_id, \
         review_item_id, created_at from events where topic = $1 and id > $2 order by id limit $3")
        .bind(topic)
        .bind(after_id)
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

/// Deletes events older than `before`; returns how many.
pub async fn delete_events_before(tx: &mut Tx, before: DateTime<Utc>) -> Result<u64> {
    Ok(
        on_tx!(tx, conn => sqlx::query("delete from events where created_at < $1")
        .bind(before)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?,
    )
}
