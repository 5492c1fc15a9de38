//! Threads (questions and discussions) and their tags, with the keyset-paged lists that
//! community pages show.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

use crate::{Db, Result, Tx};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Thread {
    pub id: i64,
    pub community_id: i64,
    pub author_id: i64,
    /// `question` or `discussion`.
    pub kind: String,
    pub title: String,
    /// Comma-separated display copy of the thread's tags.
    pub tags: String,
    pub first_post_id: Option<i64>,
    pub accepted_post_id: Option<i64>,
    pub official_post_id: Option<i64>,
    pub post_count: i64,
    pub score: i64,
    pub locked: bool,
    pub pinned: bool,
    pub created_at: DateTime<Utc>,
    pub last_activity_at: DateTime<Utc>,
    /// Its first post awaits approval: listed to nobody until then.
    pub pending: bool,
    /// Closed as a duplicate of this thread…
    pub duplicate_of_thread_id: Option<i64>,
    /// …or of this FAQ entry.
    pub duplicate_of_faq_entry_id: Option<i64>,
}

impl Thread {
    pub fn tag_list(&self) -> Vec<String> {
        self.tags
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

pub struct NewThread<'a> {
    pub community_id: i64,
    pub author_id: i64,
    pub kind: &'a str,
    pub title: &'a str,
    pub tags: &'a [String],
    pub created_at: DateTime<Utc>,
}

macro_rules! select_threads {
    ($($sql:literal),*) => {
        concat!("select t.id, t.community_id, t.author_id, t.kind, t.title, t.tags, t.first_post_id, \
            t.accepted_post_id, t.official_post_id, t.post_count, t.score, t.locked, t.pinned, \
            t.created_at, t.last_activity_at, t.pending, t.duplicate_of_thread_id, \
            t.duplicate_of_faq_entry_id from threads t ", $($sql),*)
    };
}

pub async fn insert_thread(tx: &mut Tx, new: &NewThread<'_>) -> Result<i64> {
    let id: i64 = on_tx!(tx, conn => sqlx::query_scalar(
        "insert into threads (community_id, author_id, kind, title, tags, created_at, last_activity_at) \
         values ($1, $2, $3, $4, $5, $6, $6) returning id")
        .bind(new.community_id)
        .bind(new.author_id)
        .bind(new.kind)
        .bind(new.title)
        .bind(new.tags.join(","))
        .bind(new.created_at)
        .fetch_one(conn)
        .await)?;
    for tag in new.tags {
        on_tx!(tx, conn => sqlx::query("insert into thread_tags (thread_id, tag) values ($1, $2)")
            .bind(id)
            .bind(tag)
            .execute(conn)
            .await.map(|r| r.rows_affected()))?;
    }
    Ok(id)
}

pub async fn set_first_post(tx: &mut Tx, thread_id: i64, post_id: i64) -> Result<()> {
    on_tx!(tx, conn => sqlx::query("update threads set first_post_id = $1 where id = $2")
        .bind(post_id)
        .bind(thread_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Counts a new visible post and bumps the thread's activity time.
pub async fn record_new_post(tx: &mut Tx, thread_id: i64, now: DateTime<Utc>) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "update threads set post_count = post_count + 1, last_activity_at = $1 where id = $2")
        .bind(now)
        .bind(thread_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Stops counting a post that was deleted; activity time is left as it was.
pub async fn record_deleted_post(tx: &mut Tx, thread_id: i64) -> Result<()> {
    on_tx!(tx, conn => sqlx::query("update threads set post_count = post_count - 1 where id = $1")
        .bind(thread_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get_thread(db: &Db, id: i64) -> Result<Thread> {
    let sql = select_threads!("where t.id = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(id).fetch_one(pool).await)?)
}

pub async fn get_thread_tx(tx: &mut Tx, id: i64) -> Result<Thread> {
    let sql = select_threads!("where t.id = $1");
    Ok(on_tx!(tx, conn => sqlx::query_as(sql).bind(id).fetch_one(conn).await)?)
}

pub async fn list_threads_by_ids(db: &Db, ids: &[i64]) -> Result<Vec<Thread>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(select_threads!("where t.id in ("));
        crate::push_in_list(&mut qb, ids.iter().copied(), ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreadSort {
    /// Newest first.
    Latest,
    /// Most recent activity (a reply) first.
    Active,
    /// Highest score first.
    Top,
}

#[derive(Clone, Debug, Default)]
pub struct ThreadFilter {
    /// `question` or `discussion`.
    pub kind: Option<String>,
    /// Questions with neither an accepted nor an official answer.
    pub unanswered: bool,
    pub tag: Option<String>,
}

/// Where a page of a thread list resumes: the sort key of the last row seen. Pinned threads
/// come first in every order, so the pinned flag is part of the key.
#[derive(Clone, Debug, PartialEq)]
pub enum ThreadKey {
    Latest {
        pinned: bool,
        id: i64,
    },
    Active {
        pinned: bool,
        at: DateTime<Utc>,
        id: i64,
    },
    Top {
        pinned: bool,
        score: i64,
        id: i64,
    },
}

impl ThreadKey {
    /// The key of `thread` in the given order, for the cursor of its edge.
    pub fn of(thread: &Thread, sort: ThreadSort) -> Self {
        let (pinned, id) = (thread.pinned, thread.id);
        match sort {
            ThreadSort::Latest => ThreadKey::Latest { pinned, id },
            ThreadSort::Active => ThreadKey::Active {
                pinned,
                at: thread.last_activity_at,
                id,
            },
            ThreadSort::Top => ThreadKey::Top {
                pinned,
                score: thread.score,
                id,
            },
        }
    }
}

macro_rules! list_sql {
    ($key:literal) => {
        select_threads!(
            "where t.community_id = $1 and t.pending = false and ($2 is null or t.kind = $2) \
             and ($3 = false or (t.kind = 'question' and t.accepted_post_id is null \
                  and t.official_post_id is null)) \
             and ($4 is null or exists (select 1 from thread_tags tg where tg.thread_id = t.id and tg.tag = $4)) \
             and ($5 is null or t.pinned < $5 or (t.pinned = $5 and (",
            $key,
            " < $6 or (",
            $key,
            " = $6 and t.id < $7)))) order by t.pinned desc, ",
            $key,
            " desc, t.id desc limit $8"
        )
    };
}

/// A page of a community's threads in the given order, after `after` (exclusive).
pub async fn list_community_threads(
    db: &Db,
    community_id: i64,
    sort: ThreadSort,
    filter: &ThreadFilter,
    after: Option<&ThreadKey>,
    limit: i64,
) -> Result<Vec<Thread>> {
    let pinned = after.map(|k| match k {
        ThreadKey::Latest { pinned, .. }
        | ThreadKey::Active { pinned, .. }
        | ThreadKey::Top { pinned, .. } => *pinned,
    });
    let after_id = after.map_or(0, |k| match k {
        ThreadKey::Latest { id, .. } | ThreadKey::Active { id, .. } | ThreadKey::Top { id, .. } => {
            *id
        }
    });
    // The key binds must have the sort column's type on PostgreSQL, hence one arm per order.
    macro_rules! run {
        ($sql:expr, $key:expr) => {
            on_read!(db, pool => sqlx::query_as($sql)
                .bind(community_id)
                .bind(filter.kind.as_deref())
                .bind(filter.unanswered)
                .bind(filter.tag.as_deref())
                .bind(pinned)
                .bind($key)
                .bind(after_id)
                .bind(limit)
                .fetch_all(pool)
                .await)
        };
    }
    let rows = match (sort, after) {
        (ThreadSort::Latest, _) => run!(list_sql!("t.id"), after_id),
        (ThreadSort::Active, Some(ThreadKey::Active { at, .. })) => {
            run!(list_sql!("t.last_activity_at"), *at)
        }
        (ThreadSort::Active, _) => run!(list_sql!("t.last_activity_at"), None::<DateTime<Utc>>),
        (ThreadSort::Top, Some(ThreadKey::Top { score, .. })) => run!(list_sql!("t.score"), *score),
        (ThreadSort::Top, _) => run!(list_sql!("t.score"), None::<i64>),
    }?;
    Ok(rows)
}

/// Threads of the given communities with the most recent activity first (home feed),
/// after `after` — the (last activity, id) of the last thread already seen — if given.
pub async fn list_recent_threads(
    db: &Db,
    community_ids: &[i64],
    after: Option<(DateTime<Utc>, i64)>,
    limit: i64,
) -> Result<Vec<Thread>> {
    if community_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(select_threads!("where t.pending = false and t.community_id in ("));
        crate::push_in_list(&mut qb, community_ids.iter().copied(), ")");
        if let Some((at, id)) = after {
            qb.push(" and (t.last_activity_at < ")
                .push_bind(at)
                .push(" or (t.last_activity_at = ")
                .push_bind(at)
                .push(" and t.id < ")
                .push_bind(id)
                .push("))");
        }
        qb.push(" order by t.last_activity_at desc, t.id desc limit ");
        qb.push_bind(limit);
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// Makes `post_id` the thread's accepted answer (replacing any previous one); returns
/// whether it changed.
pub async fn set_accepted_post(tx: &mut Tx, thread_id: i64, post_id: i64) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update threads set accepted_post_id = $1 where id = $2 \
         and (accepted_post_id is null or accepted_post_id <> $1)")
        .bind(post_id)
        .bind(thread_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Makes `post_id` the thread's official answer, moving the posts' `is_official` flag with
/// it (one official post per thread); returns whether it changed.
pub async fn set_official_post(tx: &mut Tx, thread_id: i64, post_id: i64) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update threads set official_post_id = $1 where id = $2 \
         and (official_post_id is null or official_post_id <> $1)")
        .bind(post_id)
        .bind(thread_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    on_tx!(tx, conn => sqlx::query(
        "update posts set is_official = (id = $2) where thread_id = $1 and (is_official or id = $2)")
        .bind(thread_id)
        .bind(post_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Questions of a community with neither an accepted nor an official answer.
pub async fn count_unanswered(db: &Db, community_id: i64) -> Result<i64> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select count(*) from threads where community_id = $1 and kind = 'question' and pending = false \
         and accepted_post_id is null and official_post_id is null")
        .bind(community_id)
        .fetch_one(pool)
        .await)?)
}

/// Unmarks a post as its thread's accepted or official answer (it was deleted); returns
/// whether it was either.
pub async fn clear_answers_of_post(tx: &mut Tx, thread_id: i64, post_id: i64) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update threads set \
         accepted_post_id = case when accepted_post_id = $2 then null else accepted_post_id end, \
         official_post_id = case when official_post_id = $2 then null else official_post_id end \
         where id = $1 and (accepted_post_id = $2 or official_post_id = $2)")
        .bind(thread_id)
        .bind(post_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    on_tx!(tx, conn => sqlx::query("update posts set is_official = false where id = $1 and is_official")
        .bind(post_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Sets a boolean flag of a thread (`locked`, `pinned` or `pending`); returns whether it
/// changed.
pub async fn set_flag(tx: &mut Tx, id: i64, flag: ThreadFlag, value: bool) -> Result<bool> {
    let sql = match flag {
        ThreadFlag::Locked => "update threads set locked = $1 where id = $2 and locked <> $1",
        ThreadFlag::Pinned => "update threads set pinned = $1 where id = $2 and pinned <> $1",
        ThreadFlag::Pending => "update threads set pending = $1 where id = $2 and pending <> $1",
    };
    let done = on_tx!(tx, conn => sqlx::query(sql)
        .bind(value)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The boolean flags [`set_flag`] changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreadFlag {
    Locked,
    Pinned,
    Pending,
}

/// Moves a thread to another community.
pub async fn set_community(tx: &mut Tx, id: i64, community_id: i64) -> Result<()> {
    on_tx!(tx, conn => sqlx::query("update threads set community_id = $1 where id = $2")
        .bind(community_id)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Closes a thread as a duplicate of another thread or an FAQ entry (locking it), or (both
/// `None`) reopens it.
pub async fn set_duplicate_of(
    tx: &mut Tx,
    id: i64,
    thread_id: Option<i64>,
    faq_entry_id: Option<i64>,
) -> Result<()> {
    let closed = thread_id.is_some() || faq_entry_id.is_some();
    on_tx!(tx, conn => sqlx::query(
        "update threads set duplicate_of_thread_id = $1, duplicate_of_faq_entry_id = $2, locked = $3 \
         where id = $4")
        .bind(thread_id)
        .bind(faq_entry_id)
        .bind(closed)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Adds `delta` to a thread's count of visible posts (a post hidden, restored or approved).
pub async fn adjust_post_count(tx: &mut Tx, id: i64, delta: i64) -> Result<()> {
    on_tx!(tx, conn => sqlx::query("update threads set post_count = post_count + $1 where id = $2")
        .bind(delta)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}
