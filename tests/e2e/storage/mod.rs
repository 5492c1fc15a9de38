//! The storage contract: every public function of `piazza-db`, called directly (no server),
//! on SQLite and on PostgreSQL with the same code and the same assertions — like atuin's
//! "story" tests. A difference between the backends shows up here as one variant failing.
//!
//! Each test gets a fresh, migrated, empty database and seeds only what it needs. A few
//! states have no storage function yet (pinned threads, scores, accepted answers, votes):
//! those are set with plain SQL through [`on_write!`], visibly test-only.

use std::future::Future;

use piazza_db::{Db, DbError, PoolSize, Tx, comuni::NewComune, now};
use piazza_e2e::{Backend, FreshDatabase};
use sqlx::types::chrono::{DateTime, Utc};

/// Defines each test twice, as `<name>::sqlite` and `<name>::postgres`; the body is the
/// `run(db)` both call with a fresh database.
macro_rules! storage_test {
    ($($(#[$meta:meta])* async fn $name:ident($db:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($db: piazza_db::Db) $body

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                $(#[$meta])*
                async fn sqlite() {
                    crate::storage::with_db(piazza_e2e::Backend::Sqlite, run).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                $(#[$meta])*
                async fn postgres() {
                    crate::storage::with_db(piazza_e2e::Backend::Postgres, run).await;
                }
            }
        )*
    };
}

/// Runs `$body` with `$pool` bound to the pool that writes (SQLite's single writer, or the
/// PostgreSQL pool): for test-only setup the storage crate has no function for.
macro_rules! on_write {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db.backend() {
            piazza_db::Backend::Sqlite { write: $pool, .. } => $body,
            piazza_db::Backend::Postgres($pool) => $body,
        }
    };
}

mod backend;
mod communities;
mod comuni;
mod concurrency;
mod faq;
mod moderation;
mod posts;
mod qa;
mod search;
mod sessions;
mod threads;
mod users;

/// Connects to a fresh database of `backend`, migrates it and hands it to `run`. The
/// [`FreshDatabase`] guard outlives the pools: dropping it removes the PostgreSQL database.
pub(crate) async fn with_db<F, Fut>(backend: Backend, run: F)
where
    F: FnOnce(Db) -> Fut,
    Fut: Future<Output = ()>,
{
    let fresh = FreshDatabase::create(backend).await;
    let db = Db::connect(&fresh.url, PoolSize::default())
        .await
        .expect("connect");
    db.migrate().await.expect("migrate");
    run(db.clone()).await;
    db.close().await;
    drop(fresh);
}

pub(crate) fn assert_conflict<T: std::fmt::Debug>(result: Result<T, DbError>, what: &str) {
    match result {
        Err(DbError::Conflict) => {}
        other => panic!("{what}: expected DbError::Conflict, got {other:?}"),
    }
}

pub(crate) fn assert_not_found<T: std::fmt::Debug>(result: Result<T, DbError>, what: &str) {
    match result {
        Err(DbError::NotFound) => {}
        other => panic!("{what}: expected DbError::NotFound, got {other:?}"),
    }
}

pub(crate) async fn begin(db: &Db) -> Tx {
    db.begin().await.expect("begin")
}

pub(crate) async fn commit(tx: Tx) {
    tx.commit().await.expect("commit");
}

/// A comune with plausible registry fields; `name_folded` is the lowercased name.
pub(crate) fn comune(istat_code: &str, name: &str, population: Option<i64>) -> NewComune {
    NewComune {
        istat_code: istat_code.to_owned(),
        name: name.to_owned(),
        name_folded: name.to_lowercase(),
        province: "Torino".to_owned(),
        province_code: "TO".to_owned(),
        region: "Piemonte".to_owned(),
        cadastral_code: format!("X{}", &istat_code[istat_code.len().saturating_sub(3)..]),
        population,
        population_source: "ISTAT 2023".to_owned(),
    }
}

pub(crate) async fn add_comuni(db: &Db, list: &[NewComune]) -> u64 {
    let mut tx = begin(db).await;
    let n = piazza_db::comuni::insert_comuni(&mut tx, list, now())
        .await
        .expect("insert comuni");
    commit(tx).await;
    n
}

pub(crate) fn new_user<'a>(email: &'a str, handle: &'a str) -> piazza_db::users::NewUser<'a> {
    piazza_db::users::NewUser {
        email,
        password_hash: "$argon2id$v=19$not-a-real-hash",
        display_name: handle,
        handle,
        job_title: None,
        comune_istat_code: None,
        role: "member",
        created_at: now(),
    }
}

/// A member with the handle `handle` and the email `handle@comune.example.it`.
pub(crate) async fn add_user(db: &Db, handle: &str) -> i64 {
    let email = format!("{handle}@comune.example.it");
    let mut tx = begin(db).await;
    let id = piazza_db::users::insert_user(&mut tx, &new_user(&email, handle))
        .await
        .expect("insert user");
    commit(tx).await;
    id
}

pub(crate) async fn add_community(db: &Db, slug: &str, name: &str) -> i64 {
    let mut tx = begin(db).await;
    let id = piazza_db::communities::insert_community(
        &mut tx,
        &piazza_db::communities::NewCommunity {
            slug,
            name,
            description: "Una comunità di prova",
            created_at: now(),
        },
    )
    .await
    .expect("insert community");
    commit(tx).await;
    id
}

pub(crate) fn new_post<'a>(
    thread_id: i64,
    author_id: i64,
    body: &'a str,
    at: DateTime<Utc>,
) -> piazza_db::posts::NewPost<'a> {
    piazza_db::posts::NewPost {
        thread_id,
        author_id,
        body,
        body_html: "<p>html</p>",
        renderer_version: 1,
        created_at: at,
    }
}

/// Opens a thread the way the service does (thread, first post, `first_post_id`, count);
/// returns `(thread_id, first_post_id)`.
pub(crate) async fn open_thread(
    db: &Db,
    community_id: i64,
    author_id: i64,
    kind: &str,
    title: &str,
    tags: &[&str],
    at: DateTime<Utc>,
) -> (i64, i64) {
    let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
    let mut tx = begin(db).await;
    let thread_id = piazza_db::threads::insert_thread(
        &mut tx,
        &piazza_db::threads::NewThread {
            community_id,
            author_id,
            kind,
            title,
            tags: &tags,
            created_at: at,
        },
    )
    .await
    .expect("insert thread");
    let post_id =
        piazza_db::posts::insert_post(&mut tx, &new_post(thread_id, author_id, title, at))
            .await
            .expect("insert post");
    piazza_db::threads::set_first_post(&mut tx, thread_id, post_id)
        .await
        .expect("set first post");
    piazza_db::threads::record_new_post(&mut tx, thread_id, at)
        .await
        .expect("record first post");
    commit(tx).await;
    (thread_id, post_id)
}

/// Adds a reply and counts it, as the service does; returns the post id.
pub(crate) async fn add_reply(
    db: &Db,
    thread_id: i64,
    author_id: i64,
    body: &str,
    at: DateTime<Utc>,
) -> i64 {
    let mut tx = begin(db).await;
    let id = piazza_db::posts::insert_post(&mut tx, &new_post(thread_id, author_id, body, at))
        .await
        .expect("insert reply");
    piazza_db::threads::record_new_post(&mut tx, thread_id, at)
        .await
        .expect("record reply");
    commit(tx).await;
    id
}

/// Test-only: pins a thread and sets its score (no storage function does this yet).
pub(crate) async fn set_pinned_and_score(db: &Db, thread_id: i64, pinned: bool, score: i64) {
    let done = on_write!(db, pool => sqlx::query("update threads set pinned = $1, score = $2 where id = $3")
        .bind(pinned)
        .bind(score)
        .bind(thread_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    .expect("update thread");
    assert_eq!(done, 1, "thread {thread_id} exists");
}

/// Test-only: marks a thread's accepted and official answers.
pub(crate) async fn set_answers(
    db: &Db,
    thread_id: i64,
    accepted: Option<i64>,
    official: Option<i64>,
) {
    let done = on_write!(db, pool => sqlx::query(
        "update threads set accepted_post_id = $1, official_post_id = $2 where id = $3")
        .bind(accepted)
        .bind(official)
        .bind(thread_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    .expect("update thread");
    assert_eq!(done, 1, "thread {thread_id} exists");
}

/// Test-only: records a vote.
pub(crate) async fn add_vote(db: &Db, post_id: i64, user_id: i64, value: i64) {
    on_write!(db, pool => sqlx::query("insert into post_votes (post_id, user_id, value) values ($1, $2, $3)")
        .bind(post_id)
        .bind(user_id)
        .bind(value)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    .expect("insert vote");
}

/// Microseconds in a second, minute, hour and day, for [`shift`].
pub(crate) const SECOND: i64 = 1_000_000;
pub(crate) const MINUTE: i64 = 60 * SECOND;
pub(crate) const HOUR: i64 = 60 * MINUTE;
pub(crate) const DAY: i64 = 24 * HOUR;

/// `t` moved by `micros` microseconds. (This crate reaches chrono only through sqlx, which
/// re-exports `DateTime` but not `TimeDelta`.)
pub(crate) fn shift(t: DateTime<Utc>, micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(t.timestamp_micros() + micros).expect("a representable time")
}

/// Sorted copy, for comparing lists returned "in no particular order".
pub(crate) fn sorted<T: Ord + Clone>(items: &[T]) -> Vec<T> {
    let mut v = items.to_vec();
    v.sort();
    v
}
