//! Member accounts. Emails are stored lowercased; the password hash is opaque here.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

use crate::{Db, Result, Tx};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub handle: String,
    pub job_title: Option<String>,
    pub comune_istat_code: Option<String>,
    /// `member`, `expert`, `moderator` or `admin`.
    pub role: String,
    pub suspended_until: Option<DateTime<Utc>>,
    pub suspension_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    /// When the member confirmed their email address (null: not yet).
    pub email_verified_at: Option<DateTime<Utc>>,
    /// `pending`, `approved` or `rejected`: only approved members post.
    pub approval: String,
    /// Why a member was rejected (shown to them).
    pub approval_reason: Option<String>,
}

/// Approval states, as stored.
pub const PENDING: &str = "pending";
pub const APPROVED: &str = "approved";
pub const REJECTED: &str = "rejected";

pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub handle: &'a str,
    pub job_title: Option<&'a str>,
    pub comune_istat_code: Option<&'a str>,
    pub role: &'a str,
    pub created_at: DateTime<Utc>,
}

/// `select` of every user column, followed by the given SQL (the `u.` alias is the table).
macro_rules! select_users {
    ($($sql:literal),*) => {
        concat!("select u.id, u.email, u.password_hash, u.display_name, u.handle, u.job_title, \
            u.comune_istat_code, u.role, u.suspended_until, u.suspension_reason, u.created_at, \
            u.email_verified_at, u.approval, u.approval_reason ",
            $($sql),*)
    };
}
pub(crate) use select_users;

/// Inserts a user; [`crate::DbError::Conflict`] when the email or handle is taken.
pub async fn insert_user(tx: &mut Tx, new: &NewUser<'_>) -> Result<i64> {
    let id = on_tx!(tx, conn => sqlx::query_scalar(
        "insert into users (email, password_hash, display_name, handle, job_title, \
         comune_istat_code, role, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id")
        .bind(new.email)
        .bind(new.password_hash)
        .bind(new.display_name)
        .bind(new.handle)
        .bind(new.job_title)
        .bind(new.comune_istat_code)
        .bind(new.role)
        .bind(new.created_at)
        .fetch_one(conn)
        .await)?;
    Ok(id)
}

pub async fn find_user_by_email(db: &Db, email: &str) -> Result<Option<User>> {
    let sql = select_users!("from users u where u.email = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(email).fetch_optional(pool).await)?)
}

/// Same as [`find_user_by_email`], inside a write transaction.
pub async fn find_user_by_email_tx(tx: &mut Tx, email: &str) -> Result<Option<User>> {
    let sql = select_users!("from users u where u.email = $1");
    Ok(on_tx!(tx, conn => sqlx::query_as(sql).bind(email).fetch_optional(conn).await)?)
}

pub async fn get_user(db: &Db, id: i64) -> Result<User> {
    let sql = select_users!("from users u where u.id = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(id).fetch_one(pool).await)?)
}

pub async fn get_user_tx(tx: &mut Tx, id: i64) -> Result<User> {
    let sql = select_users!("from users u where u.id = $1");
    Ok(on_tx!(tx, conn => sqlx::query_as(sql).bind(id).fetch_one(conn).await)?)
}

/// Users with the given ids, in no particular order (for DataLoaders).
pub async fn list_users_by_ids(db: &Db, ids: &[i64]) -> Result<Vec<User>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(select_users!("from users u where u.id in ("));
        crate::push_in_list(&mut qb, ids.iter().copied(), ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// Users with the given handles (exact, lowercase), in no particular order: what
/// @mentions resolve to. Unknown handles are simply absent.
pub async fn list_users_by_handles(db: &Db, handles: &[String]) -> Result<Vec<User>> {
    if handles.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(select_users!("from users u where u.handle in ("));
        crate::push_in_list(&mut qb, handles.iter().map(String::as_str), ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// `(id, handle)` of the users with the given handles, in no particular order, read in the
/// caller's transaction: whom a stored post's @mentions name when it is published later
/// (a held post approved by a moderator).
pub async fn list_user_ids_by_handles_tx(
    tx: &mut Tx,
    handles: &[String],
) -> Result<Vec<(i64, String)>> {
    if handles.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_tx!(tx, conn => {
        let mut qb = QueryBuilder::new("select id, handle from users where handle in (");
        crate::push_in_list(&mut qb, handles.iter().map(String::as_str), ")");
        qb.build_query_as().fetch_all(conn).await
    })?)
}

/// Whether a handle is in use, for deriving a unique one at registration.
pub async fn handle_exists(tx: &mut Tx, handle: &str) -> Result<bool> {
    let n: i64 = on_tx!(tx, conn => sqlx::query_scalar("select count(*) from users where handle = $1")
        .bind(handle)
        .fetch_one(conn)
        .await)?;
    Ok(n > 0)
}

pub async fn update_role(tx: &mut Tx, id: i64, role: &str) -> Result<()> {
    let done = on_tx!(tx, conn => sqlx::query("update users set role = $1 where id = $2")
        .bind(role)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(crate::DbError::NotFound);
    }
    Ok(())
}

pub async fn update_password(tx: &mut Tx, id: i64, password_hash: &str) -> Result<()> {
    on_tx!(tx, conn => sqlx::query("update users set password_hash = $1 where id = $2")
        .bind(password_hash)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub struct ProfileUpdate<'a> {
    pub display_name: &'a str,
    pub job_title: Option<&'a str>,
    pub comune_istat_code: Option<&'a str>,
}

pub async fn update_profile(tx: &mut Tx, id: i64, update: &ProfileUpdate<'_>) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "update users set display_name = $1, job_title = $2, comune_istat_code = $3 where id = $4")
        .bind(update.display_name)
        .bind(update.job_title)
        .bind(update.comune_istat_code)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn count_users(db: &Db) -> Result<i64> {
    Ok(
        on_read!(db, pool => sqlx::query_scalar("select count(*) from users").fetch_one(pool).await)?,
    )
}

/// Suspends a member until `until` with a reason, or (both `None`) lifts a suspension.
pub async fn update_suspension(
    tx: &mut Tx,
    id: i64,
    until: Option<DateTime<Utc>>,
    reason: Option<&str>,
) -> Result<()> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update users set suspended_until = $1, suspension_reason = $2 where id = $3")
        .bind(until)
        .bind(reason)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(crate::DbError::NotFound);
    }
    Ok(())
}

/// Records that the member confirmed their email address (the first time only).
pub async fn set_email_verified(tx: &mut Tx, id: i64, at: DateTime<Utc>) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update users set email_verified_at = $1 where id = $2 and email_verified_at is null")
        .bind(at)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Sets a member's approval state (and the reason of a rejection).
pub async fn update_approval(
    tx: &mut Tx,
    id: i64,
    approval: &str,
    reason: Option<&str>,
) -> Result<()> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update users set approval = $1, approval_reason = $2 where id = $3")
        .bind(approval)
        .bind(reason)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(crate::DbError::NotFound);
    }
    Ok(())
}
