//! The review queue (members and posts awaiting approval, reported or flagged posts), the
//! reports behind it, and the moderation log.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

use crate::{Db, Result, Tx};

/// Review item kinds, as stored.
pub const MEMBER: &str = "member";
pub const POST: &str = "post";
pub const REPORT: &str = "report";

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ReviewItem {
    pub id: i64,
    /// `member`, `post` or `report`.
    pub kind: String,
    /// `None` for members awaiting approval (the global moderators' queue).
    pub community_id: Option<i64>,
    /// The member awaiting approval, or the author of the post.
    pub user_id: Option<i64>,
    pub post_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub report_count: i64,
    /// Comma-separated watched words that flagged the post.
    pub flagged_words: String,
    /// `open` or `resolved`.
    pub status: String,
    pub resolution: Option<String>,
    pub resolved_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub struct NewReviewItem<'a> {
    pub kind: &'a str,
    pub community_id: Option<i64>,
    pub user_id: Option<i64>,
    pub post_id: Option<i64>,
    pub thread_id: Option<i64>,
}

macro_rules! select_items {
    ($($sql:literal),*) => {
        concat!("select id, kind, community_id, user_id, post_id, thread_id, report_count, \
            flagged_words, status, resolution, resolved_by, created_at, updated_at from review_items ",
            $($sql),*)
    };
}

/// The open item for this target, created if there is none; returns its id. A unique
/// index on open targets makes concurrent reports of one post meet in the same item.
pub async fn open_review_item(
    tx: &mut Tx,
    new: &NewReviewItem<'_>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let inserted: Option<i64> = on_tx!(tx, conn => sqlx::query_scalar(
        "insert into review_items (kind, community_id, user_id, post_id, thread_id, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $6) on conflict do nothing returning id")
        .bind(new.kind)
        .bind(new.community_id)
        .bind(new.user_id)
        .bind(new.post_id)
        .bind(new.thread_id)
        .bind(now)
        .fetch_optional(conn)
        .await)?;
    if let Some(id) = inserted {
        return Ok(id);
    }
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "select id from review_items where status = 'open' and kind = $1 \
         and coalesce(user_id, 0) = coalesce($2, 0) and coalesce(post_id, 0) = coalesce($3, 0)")
        .bind(new.kind)
        .bind(new.user_id)
        .bind(new.post_id)
        .fetch_one(conn)
        .await)?)
}

/// Adds a member's report to an item; returns false if they had already reported it.
pub async fn insert_report(
    tx: &mut Tx,
    item_id: i64,
    reporter_id: i64,
    reason: &str,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "insert into reports (review_item_id, reporter_id, reason, note, created_at) \
         values ($1, $2, $3, $4, $5) on conflict do nothing")
        .bind(item_id)
        .bind(reporter_id)
        .bind(reason)
        .bind(note)
        .bind(now)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    if done == 1 {
        on_tx!(tx, conn => sqlx::query(
            "update review_items set report_count = report_count + 1, updated_at = $1 where id = $2")
            .bind(now)
            .bind(item_id)
            .execute(conn)
            .await.map(|r| r.rows_affected()))?;
    }
    Ok(done == 1)
}

/// Records the watched words that flagged an item's post.
pub async fn set_flagged_words(tx: &mut Tx, item_id: i64, words: &str) -> Result<()> {
    on_tx!(tx, conn => sqlx::query("update review_items set flagged_words = $1 where id = $2")
        .bind(words)
        .bind(item_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Closes an open item; returns false if it was not open.
pub async fn resolve_review_item(
    tx: &mut Tx,
    id: i64,
    resolution: &str,
    by: i64,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update review_items set status = 'resolved', resolution = $1, resolved_by = $2, updated_at = $3 \
         where id = $4 and status = 'open'")
        .bind(resolution)
        .bind(by)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The open items about a post or a member (to close them with the action taken).
pub async fn list_open_items_of(
    tx: &mut Tx,
    user_id: Option<i64>,
    post_id: Option<i64>,
) -> Result<Vec<ReviewItem>> {
    let sql = select_items!(
        "where status = 'open' and (($1 is not null and post_id = $1) \
         or ($1 is null and kind = 'member' and user_id = $2)) order by id"
    );
    Ok(on_tx!(tx, conn => sqlx::query_as(sql)
        .bind(post_id)
        .bind(user_id)
        .fetch_all(conn)
        .await)?)
}

pub async fn get_review_item(db: &Db, id: i64) -> Result<ReviewItem> {
    let sql = select_items!("where id = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(id).fetch_one(pool).await)?)
}

pub async fn get_review_item_tx(tx: &mut Tx, id: i64) -> Result<ReviewItem> {
    let sql = select_items!("where id = $1");
    Ok(on_tx!(tx, conn => sqlx::query_as(sql).bind(id).fetch_one(conn).await)?)
}

/// A page of open items, oldest first, after `after_id`: one community's, or (`None`)
/// every item including members awaiting approval.
pub async fn list_open_review_items(
    db: &Db,
    community_id: Option<i64>,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<ReviewItem>> {
    let sql = select_items!(
        "where status = 'open' and ($1 is null or community_id = $1) and id > $2 order by id limit $3"
    );
    Ok(on_read!(db, pool => sqlx::query_as(sql)
        .bind(community_id)
        .bind(after_id.unwrap_or(0))
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Report {
    pub id: i64,
    pub review_item_id: i64,
    pub reporter_id: i64,
    pub reason: String,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The reports of the given items, oldest first.
pub async fn list_reports_of_items(db: &Db, item_ids: &[i64]) -> Result<Vec<Report>> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(
            "select id, review_item_id, reporter_id, reason, note, created_at from reports \
             where review_item_id in (");
        crate::push_in_list(&mut qb, item_ids.iter().copied(), ") order by id");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ModerationAction {
    pub id: i64,
    pub kind: String,
    pub community_id: Option<i64>,
    pub moderator_id: i64,
    pub target_user_id: Option<i64>,
    pub target_thread_id: Option<i64>,
    pub target_post_id: Option<i64>,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Default)]
pub struct NewModerationAction<'a> {
    pub kind: &'a str,
    pub community_id: Option<i64>,
    pub moderator_id: i64,
    pub target_user_id: Option<i64>,
    pub target_thread_id: Option<i64>,
    pub target_post_id: Option<i64>,
    pub reason: &'a str,
}

pub async fn insert_moderation_action(
    tx: &mut Tx,
    new: &NewModerationAction<'_>,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "insert into moderation_actions (kind, community_id, moderator_id, target_user_id, \
         target_thread_id, target_post_id, reason, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id")
        .bind(new.kind)
        .bind(new.community_id)
        .bind(new.moderator_id)
        .bind(new.target_user_id)
        .bind(new.target_thread_id)
        .bind(new.target_post_id)
        .bind(new.reason)
        .bind(now)
        .fetch_one(conn)
        .await)?)
}

macro_rules! action_columns {
    () => {
        "id, kind, community_id, moderator_id, target_user_id, target_thread_id, target_post_id, \
         reason, created_at"
    };
}

/// A page of the log, newest first, before `before_id`: everything (`None`), or one
/// community's — its own entries, and the entries without a community of the
/// `member_kinds` (e.g. suspensions, which are global) about a member of it.
pub async fn list_moderation_actions(
    db: &Db,
    community_id: Option<i64>,
    member_kinds: &[&str],
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<ModerationAction>> {
    let before = before_id.unwrap_or(i64::MAX);
    let Some(community_id) = community_id else {
        return Ok(on_read!(db, pool => sqlx::query_as(concat!(
            "select ", action_columns!(), " from moderation_actions \
             where id < $1 order by id desc limit $2"))
            .bind(before)
            .bind(limit)
            .fetch_all(pool)
            .await)?);
    };
    // Two pages merged, each through the (community_id, id) index: a condition joining them
    // with `or` would read the log newest first until the page filled.
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(concat!(
            "select ", action_columns!(), " from (select ", action_columns!(),
            " from moderation_actions where community_id = "));
        qb.push_bind(community_id)
            .push(" and id < ")
            .push_bind(before)
            .push(" order by id desc limit ")
            .push_bind(limit)
            .push(concat!(") own union all select ", action_columns!(), " from (select ",
                "a.id, a.kind, a.community_id, a.moderator_id, a.target_user_id, \
                 a.target_thread_id, a.target_post_id, a.reason, a.created_at \
                 from moderation_actions a where a.community_id is null and a.id < "))
            .push_bind(before)
            .push(" and a.kind in (");
        // An empty string is no kind: it only keeps the list valid SQL when it is empty.
        crate::push_in_list(&mut qb, member_kinds.iter().copied().chain([""]),
            ") and exists (select 1 from memberships m where m.community_id = ");
        qb.push_bind(community_id)
            .push(" and m.user_id = a.target_user_id) order by a.id desc limit ")
            .push_bind(limit)
            .push(") members order by id desc limit ")
            .push_bind(limit);
        qb.build_query_as().fetch_all(pool).await
    })?)
}
