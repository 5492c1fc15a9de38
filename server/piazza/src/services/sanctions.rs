//! Suspensions: a suspended member can sign in and read, but not write, until the date set;
//! suspending ends their sessions and open sockets at once. Global moderators and admins
//! suspend; only admins act on admins; nobody on themself.

use chrono::{DateTime, Duration, Utc};
use piazza_db::{DbError, sessions, users};

use super::{
    AppState, active,
    moderation::{self, ActionKind, Target},
};
use crate::{
    auth::{Role, Viewer},
    error::{AppError, AppResult},
    feed_cache, live,
};

async fn target(state: &AppState, viewer: &Viewer, user_id: i64) -> AppResult<users::User> {
    if !viewer.moderates_everywhere() {
        return Err(AppError::Forbidden);
    }
    if viewer.id() == user_id {
        return Err(AppError::bad_input("Non puoi sospendere te stesso"));
    }
    let user = users::get_user(&state.db, user_id)
        .await
        .map_err(|e| match e {
            DbError::NotFound => AppError::NotFound("Utente"),
            other => other.into(),
        })?;
    if Role::parse(&user.role) == Role::Admin && !viewer.is_admin() {
        return Err(AppError::Forbidden);
    }
    Ok(user)
}

pub async fn suspend(
    state: &AppState,
    viewer: Option<&Viewer>,
    user_id: i64,
    until: DateTime<Utc>,
    reason: &str,
) -> AppResult<users::User> {
    let viewer = active(viewer)?;
    target(state, viewer, user_id).await?;
    let now = piazza_db::now();
    if until <= now || until > now + Duration::days(3650) {
        return Err(AppError::bad_input(
            "Data di fine sospensione: nel futuro, entro 10 anni",
        ));
    }
    let reason = reason.trim();
    if !(3..=500).contains(&reason.chars().count()) {
        return Err(AppError::bad_input("Motivo: da 3 a 500 caratteri"));
    }
    let mut tx = state.db.begin().await?;
    users::update_suspension(&mut tx, user_id, Some(until), Some(reason)).await?;
    sessions::delete_user_sessions(&mut tx, user_id).await?;
    let target = Target {
        user_id: Some(user_id),
        ..Target::default()
    };
    moderation::log(&mut tx, ActionKind::SuspendUser, viewer, target, reason).await?;
    let user = users::get_user_tx(&mut tx, user_id).await?;
    tx.commit().await?;
    feed_cache::bump(state, &[feed_cache::deps::GLOBAL.to_owned()]).await;
    live::publish_revocation(&state.bus, user_id, None);
    tracing::info!(by = viewer.id(), user_id, %until, "member suspended");
    Ok(user)
}

/// Ends a suspension early; the reason, optional, goes to the log (3 to 500 characters).
pub async fn lift(
    state: &AppState,
    viewer: Option<&Viewer>,
    user_id: i64,
    reason: Option<&str>,
) -> AppResult<users::User> {
    let viewer = active(viewer)?;
    target(state, viewer, user_id).await?;
    let reason = match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => moderation::reason(r)?,
        None => String::new(),
    };
    let mut tx = state.db.begin().await?;
    users::update_suspension(&mut tx, user_id, None, None).await?;
    let target = Target {
        user_id: Some(user_id),
        ..Target::default()
    };
    moderation::log(&mut tx, ActionKind::LiftSuspension, viewer, target, &reason).await?;
    let user = users::get_user_tx(&mut tx, user_id).await?;
    tx.commit().await?;
    feed_cache::bump(state, &[feed_cache::deps::GLOBAL.to_owned()]).await;
    tracing::info!(by = viewer.id(), user_id, "suspension lifted");
    Ok(user)
}
