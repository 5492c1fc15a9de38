//! Login sessions. Only the SHA-256 of a token is stored; lookups hash the presented token.

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, users::User};

pub async fn insert_session(
    tx: &mut Tx,
    token_hash: &[u8],
    user_id: i64,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(user_id)
        .bind(created_at)
        .bind(expires_at)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The user owning an unexpired session with this token hash.
pub async fn find_session_user(
    db: &Db,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> Result<Option<User>> {
    let sql = crate::users::select_users!(
        "from sessions s join users u on u.id = s.user_id where s.token_hash = $1 and s.expires_at > $2"
    );
    Ok(
        on_read!(db, pool => sqlx::query_as(sql).bind(token_hash).bind(now).fetch_optional(pool).await)?,
    )
}

pub async fn delete_session(tx: &mut Tx, token_hash: &[u8]) -> Result<u64> {
    let done = on_tx!(tx, conn => sqlx::query("delete from sessions where token_hash = $1")
        .bind(token_hash)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done)
}

/// Ends every session of a user (password change, suspension).
pub async fn delete_user_sessions(tx: &mut Tx, user_id: i64) -> Result<u64> {
    let done = on_tx!(tx, conn => sqlx::query("delete from sessions where user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done)
}

pub async fn delete_expired_sessions(tx: &mut Tx, now: DateTime<Utc>) -> Result<u64> {
    let done = on_tx!(tx, conn => sqlx::query("delete from sessions where expires_at <= $1")
        .bind(now)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done)
}
