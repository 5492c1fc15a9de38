//! What decides whether a member may take part: single-use email links, the mail outbox,
//! the email domains whose members are approved at once, and the words admins watch for.

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx};

/// Purpose of an email link, as stored.
pub const VERIFY: &str = "verify";

pub async fn insert_email_token(
    tx: &mut Tx,
    token_hash: &[u8],
    user_id: i64,
    purpose: &str,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "insert into email_tokens (token_hash, user_id, purpose, created_at, expires_at) \
         values ($1, $2, $3, $4, $5)")
        .bind(token_hash)
        .bind(user_id)
        .bind(purpose)
        .bind(created_at)
        .bind(expires_at)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Uses up an unexpired, unused token: returns its member, or `None` when the link is
/// unknown, expired or already used. The update is the check, so a link works once even
/// when clicked twice at the same moment.
pub async fn take_email_token(
    tx: &mut Tx,
    token_hash: &[u8],
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "update email_tokens set used_at = $1 where token_hash = $2 and purpose = $3 \
         and used_at is null and expires_at > $1 returning user_id")
        .bind(now)
        .bind(token_hash)
        .bind(purpose)
        .fetch_optional(conn)
        .await)?)
}

/// Invalidates a member's unused links of one purpose (a new one was sent).
pub async fn expire_email_tokens(
    tx: &mut Tx,
    user_id: i64,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "update email_tokens set expires_at = $1 where user_id = $2 and purpose = $3 \
         and used_at is null and expires_at > $1")
        .bind(now)
        .bind(user_id)
        .bind(purpose)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// When the member's newest link of this purpose was created, if any.
pub async fn last_email_token_at(
    db: &Db,
    user_id: i64,
    purpose: &str,
) -> Result<Option<DateTime<Utc>>> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select created_at from email_tokens where user_id = $1 and purpose = $2 \
         order by id desc limit 1")
        .bind(user_id)
        .bind(purpose)
        .fetch_optional(pool)
        .await)?)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Mail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// Why SMTP refused it, when it was meant to go out that way.
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub async fn insert_mail(
    tx: &mut Tx,
    recipient: &str,
    subject: &str,
    body: &str,
    error: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "insert into mail_outbox (recipient, subject, body, error, created_at) \
         values ($1, $2, $3, $4, $5) returning id")
        .bind(recipient)
        .bind(subject)
        .bind(body)
        .bind(error)
        .bind(now)
        .fetch_one(conn)
        .await)?)
}

/// A page of the outbox, newest first, before `before_id`; only mail to `recipient` if
/// given.
pub async fn list_mail(
    db: &Db,
    recipient: Option<&str>,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Mail>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select id, recipient, subject, body, error, created_at from mail_outbox \
         where ($1 is null or recipient = $1) and id < $2 order by id desc limit $3")
        .bind(recipient)
        .bind(before_id.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ApprovedDomain {
    pub id: i64,
    pub domain: String,
    /// `None`: public bodies generally (any comune).
    pub comune_istat_code: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Approves a domain; [`crate::DbError::Conflict`] when it already is for that scope.
pub async fn insert_approved_domain(
    tx: &mut Tx,
    domain: &str,
    comune_istat_code: Option<&str>,
    created_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "insert into approved_domains (domain, comune_istat_code, created_by, created_at) \
         values ($1, $2, $3, $4) returning id")
        .bind(domain)
        .bind(comune_istat_code)
        .bind(created_by)
        .bind(now)
        .fetch_one(conn)
        .await)?)
}

pub async fn delete_approved_domain(tx: &mut Tx, id: i64) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query("delete from approved_domains where id = $1")
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub async fn list_approved_domains(db: &Db) -> Result<Vec<ApprovedDomain>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select id, domain, comune_istat_code, created_at from approved_domains order by domain, id")
        .fetch_all(pool)
        .await)?)
}

/// Whether `domain` is approved for the comune (or for public bodies generally).
pub async fn is_domain_approved(
    tx: &mut Tx,
    domain: &str,
    comune_istat_code: Option<&str>,
) -> Result<bool> {
    let n: i64 = on_tx!(tx, conn => sqlx::query_scalar(
        "select count(*) from approved_domains where domain = $1 \
         and (comune_istat_code is null or comune_istat_code = $2)")
        .bind(domain)
        .bind(comune_istat_code)
        .fetch_one(conn)
        .await)?;
    Ok(n > 0)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct WatchedWord {
    pub id: i64,
    pub pattern: String,
    /// `block`, `require_approval` or `flag`.
    pub action: String,
    pub created_at: DateTime<Utc>,
}

/// Adds a watched pattern or changes the action of an existing one; returns its id.
pub async fn upsert_watched_word(
    tx: &mut Tx,
    pattern: &str,
    action: &str,
    created_by: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "insert into watched_words (pattern, action, created_by, created_at) values ($1, $2, $3, $4) \
         on conflict (pattern) do update set action = excluded.action returning id")
        .bind(pattern)
        .bind(action)
        .bind(created_by)
        .bind(now)
        .fetch_one(conn)
        .await)?)
}

pub async fn delete_watched_word(tx: &mut Tx, id: i64) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query("delete from watched_words where id = $1")
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub async fn list_watched_words(db: &Db) -> Result<Vec<WatchedWord>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select id, pattern, action, created_at from watched_words order by pattern")
        .fetch_all(pool)
        .await)?)
}
