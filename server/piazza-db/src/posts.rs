//! Posts, their revisions (every edit kept) and the viewer-specific vote lookup.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

use crate::{Db, DbError, Result, Tx};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Post {
    pub id: i64,
    pub thread_id: i64,
    pub author_id: i64,
    pub body: String,
    pub body_html: String,
    pub renderer_version: i64,
    pub score: i64,
    pub is_official: bool,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub deleted_by: Option<i64>,
    /// `visible`, `pending` (awaiting approval) or `hidden` (by a moderator).
    pub moderation: String,
    pub moderation_reason: Option<String>,
    /// When the post was first announced (its mentions and watchers told): `None` while it
    /// has never been public — held, rejected, or a reply in a thread still held.
    pub published_at: Option<DateTime<Utc>>,
}

/// Moderation states of a post, as stored.
pub const VISIBLE: &str = "visible";
pub const PENDING: &str = "pending";
pub const HIDDEN: &str = "hidden";

pub struct NewPost<'a> {
    pub thread_id: i64,
    pub author_id: i64,
    pub body: &'a str,
    pub body_html: &'a str,
    pub renderer_version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PostRevision {
    pub post_id: i64,
    pub version: i64,
    pub body: String,
    pub editor_id: i64,
    pub edited_at: DateTime<Utc>,
}

macro_rules! select_posts {
    ($($sql:literal),*) => {
        concat!("select p.id, p.thread_id, p.author_id, p.body, p.body_html, p.renderer_version, \
            p.score, p.is_official, p.created_at, p.edited_at, p.deleted_at, p.deleted_by, \
            p.moderation, p.moderation_reason, p.published_at from posts p ", $($sql),*)
    };
}

/// Inserts a post and its first revision.
pub async fn insert_post(tx: &mut Tx, new: &NewPost<'_>) -> Result<i64> {
    let id: i64 = on_tx!(tx, conn => sqlx::query_scalar(
        "insert into posts (thread_id, author_id, body, body_html, renderer_version, created_at) \
         values ($1, $2, $3, $4, $5, $6) returning id")
        .bind(new.thread_id)
        .bind(new.author_id)
        .bind(new.body)
        .bind(new.body_html)
        .bind(new.renderer_version)
        .bind(new.created_at)
        .fetch_one(conn)
        .await)?;
    insert_revision(tx, id, 1, new.body, new.author_id, new.created_at).await?;
    Ok(id)
}

async fn insert_revision(
    tx: &mut Tx,
    post_id: i64,
    version: i64,
    body: &str,
    editor_id: i64,
    at: DateTime<Utc>,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "insert into post_revisions (post_id, version, body, editor_id, edited_at) values ($1, $2, $3, $4, $5)")
        .bind(post_id)
        .bind(version)
        .bind(body)
        .bind(editor_id)
        .bind(at)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get_post(db: &Db, id: i64) -> Result<Post> {
    let sql = select_posts!("where p.id = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(id).fetch_one(pool).await)?)
}

pub async fn get_post_tx(tx: &mut Tx, id: i64) -> Result<Post> {
    let sql = select_posts!("where p.id = $1");
    Ok(on_tx!(tx, conn => sqlx::query_as(sql).bind(id).fetch_one(conn).await)?)
}

pub async fn list_posts_by_ids(db: &Db, ids: &[i64]) -> Result<Vec<Post>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(select_posts!("where p.id in ("));
        crate::push_in_list(&mut qb, ids.iter().copied(), ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// A page of a thread's replies (every post but the first), oldest first, after `after_id`.
pub async fn list_thread_replies(
    db: &Db,
    thread_id: i64,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Post>> {
    let sql = select_posts!(
        "join threads t on t.id = p.thread_id \
         where p.thread_id = $1 and p.id <> coalesce(t.first_post_id, 0) and p.id > $2 \
         order by p.id limit $3"
    );
    Ok(on_read!(db, pool => sqlx::query_as(sql)
        .bind(thread_id)
        .bind(after_id.unwrap_or(0))
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

/// Replaces a post's body and records the edit as the next revision; returns its version.
pub async fn update_post_body(
    tx: &mut Tx,
    id: i64,
    body: &str,
    body_html: &str,
    renderer_version: i64,
    editor_id: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update posts set body = $1, body_html = $2, renderer_version = $3, edited_at = $4 \
         where id = $5 and deleted_at is null")
        .bind(body)
        .bind(body_html)
        .bind(renderer_version)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(DbError::NotFound);
    }
    let last: i64 = on_tx!(tx, conn => sqlx::query_scalar(
        "select coalesce(max(version), 0) from post_revisions where post_id = $1")
        .bind(id)
        .fetch_one(conn)
        .await)?;
    insert_revision(tx, id, last + 1, body, editor_id, now).await?;
    Ok(last + 1)
}

/// Marks a post deleted; returns false if it already was.
pub async fn soft_delete_post(tx: &mut Tx, id: i64, by: i64, now: DateTime<Utc>) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update posts set deleted_at = $1, deleted_by = $2 where id = $3 and deleted_at is null")
        .bind(now)
        .bind(by)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Every revision of a post, oldest first.
pub async fn list_revisions(db: &Db, post_id: i64) -> Result<Vec<PostRevision>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select post_id, version, body, editor_id, edited_at from post_revisions \
         where post_id = $1 order by version")
        .bind(post_id)
        .fetch_all(pool)
        .await)?)
}

/// Every revision of a post, oldest first, in the caller's transaction.
pub async fn list_revisions_tx(tx: &mut Tx, post_id: i64) -> Result<Vec<PostRevision>> {
    Ok(on_tx!(tx, conn => sqlx::query_as(
        "select post_id, version, body, editor_id, edited_at from post_revisions \
         where post_id = $1 order by version")
        .bind(post_id)
        .fetch_all(conn)
        .await)?)
}

/// The viewer's votes among the given posts, as `(post_id, value)`.
pub async fn list_votes_of_user(
    db: &Db,
    user_id: i64,
    post_ids: &[i64],
) -> Result<Vec<(i64, i64)>> {
    if post_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new("select post_id, value from post_votes where user_id = ");
        qb.push_bind(user_id).push(" and post_id in (");
        crate::push_in_list(&mut qb, post_ids.iter().copied(), ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// Orders of a thread's replies. In both, the accepted answer comes first and the official
/// answer next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostSort {
    /// Oldest first.
    Oldest,
    /// Highest score first, then oldest.
    Score,
}

/// Where a page of replies resumes: the sort key of the last reply seen. `rank` is 2 for
/// the accepted answer, 1 for the official answer (when it is not also accepted), else 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PostKey {
    pub rank: i64,
    pub score: i64,
    pub id: i64,
}

/// A reply with its key in the list it was read from.
#[derive(Clone, Debug)]
pub struct RankedPost {
    pub post: Post,
    pub key: PostKey,
}

#[derive(sqlx::FromRow)]
struct RankedRow {
    #[sqlx(flatten)]
    post: Post,
    answer_rank: i64,
}

macro_rules! answer_rank {
    () => {
        "cast(case when p.id = t.accepted_post_id then 2 when p.id = t.official_post_id then 1 \
         else 0 end as bigint)"
    };
}

macro_rules! sorted_replies_sql {
    ($after:literal, $order:literal) => {
        concat!(
            "select p.id, p.thread_id, p.author_id, p.body, p.body_html, p.renderer_version, \
             p.score, p.is_official, p.created_at, p.edited_at, p.deleted_at, p.deleted_by, \
             p.moderation, p.moderation_reason, p.published_at, ",
            answer_rank!(),
            " as answer_rank from posts p join threads t on t.id = p.thread_id \
             where p.thread_id = $1 and p.id <> coalesce(t.first_post_id, 0) \
             and ($2 is null or ",
            answer_rank!(),
            " < $2 or (",
            answer_rank!(),
            " = $2 and (",
            $after,
            "))) order by answer_rank desc, ",
            $order,
            " limit $5"
        )
    };
}

/// A page of a thread's replies (every post but the first) in the given order, after
/// `after` (exclusive): the accepted answer first, then the official one, then the rest.
pub async fn list_thread_replies_sorted(
    db: &Db,
    thread_id: i64,
    sort: PostSort,
    after: Option<PostKey>,
    limit: i64,
) -> Result<Vec<RankedPost>> {
    let sql = match sort {
        // $4 (the score) goes unused here; both engines accept an unreferenced parameter.
        PostSort::Oldest => sorted_replies_sql!("p.id > $3", "p.id"),
        PostSort::Score => sorted_replies_sql!(
            "p.score < $4 or (p.score = $4 and p.id > $3)",
            "p.score desc, p.id"
        ),
    };
    let rows: Vec<RankedRow> = on_read!(db, pool => sqlx::query_as(sql)
        .bind(thread_id)
        .bind(after.map(|k| k.rank))
        .bind(after.map_or(0, |k| k.id))
        .bind(after.map_or(0, |k| k.score))
        .bind(limit)
        .fetch_all(pool)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|r| RankedPost {
            key: PostKey {
                rank: r.answer_rank,
                score: r.post.score,
                id: r.post.id,
            },
            post: r.post,
        })
        .collect())
}

/// Moves a post to another moderation state; returns whether it changed.
pub async fn set_moderation(
    tx: &mut Tx,
    id: i64,
    moderation: &str,
    reason: Option<&str>,
) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update posts set moderation = $1, moderation_reason = $2 where id = $3 and moderation <> $1")
        .bind(moderation)
        .bind(reason)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Records that a post was published; returns false if it already had been (the guard
/// that makes each post tell its mentions and watchers once).
pub async fn mark_published(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update posts set published_at = $1 where id = $2 and published_at is null")
        .bind(now)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// A thread's replies that are visible and not deleted but were never published (written
/// while the thread was held), oldest first.
pub async fn list_unpublished_replies(tx: &mut Tx, thread_id: i64) -> Result<Vec<Post>> {
    let sql = select_posts!(
        "join threads t on t.id = p.thread_id \
         where p.thread_id = $1 and p.id <> coalesce(t.first_post_id, 0) \
         and p.moderation = 'visible' and p.deleted_at is null and p.published_at is null \
         order by p.id"
    );
    Ok(on_tx!(tx, conn => sqlx::query_as(sql).bind(thread_id).fetch_all(conn).await)?)
}

/// How many of a member's posts are visible (approved, not deleted): what lifts the limits
/// on new members.
pub async fn count_visible_posts_of_author(db: &Db, author_id: i64) -> Result<i64> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select count(*) from posts where author_id = $1 and moderation = 'visible' and deleted_at is null")
        .bind(author_id)
        .fetch_one(pool)
        .await)?)
}

/// Ids of every post of a thread (to re-index them after a move).
pub async fn list_post_ids_of_thread(tx: &mut Tx, thread_id: i64) -> Result<Vec<i64>> {
    Ok(
        on_tx!(tx, conn => sqlx::query_scalar("select id from posts where thread_id = $1 order by id")
        .bind(thread_id)
        .fetch_all(conn)
        .await)?,
    )
}
