//! Email verification: a single-use link, valid for two days, sent at registration and on
//! request. Only the link's SHA-256 is stored (like session tokens); using it marks the
//! address verified and hands the member to approval (see `trust`).

use chrono::Duration;
use piazza_db::{Tx, trust, users};

use super::{
    AppState,
    mail::{Mail, Pending},
    signed_in,
};
use crate::{
    auth::{Viewer, token},
    error::{AppError, AppResult},
    live,
};

/// How long a verification link works.
const LINK_HOURS: i64 = 48;
/// Least time between two links sent on request.
const RESEND_SECS: i64 = 60;

/// Creates a new link for `user` (earlier unused ones stop working) and mails it.
pub async fn issue(
    state: &AppState,
    tx: &mut Tx,
    pending: &mut Pending,
    user: &users::User,
) -> AppResult<()> {
    let now = piazza_db::now();
    trust::expire_email_tokens(tx, user.id, trust::VERIFY, now).await?;
    let token = token::generate();
    trust::insert_email_token(
        tx,
        &token::hash(&token),
        user.id,
        trust::VERIFY,
        now,
        now + Duration::hours(LINK_HOURS),
    )
    .await?;
    let link = state.mailer.link(&format!("/verifica-email?token={token}"));
    let body = format!(
        "Gentile {},\n\nper confermare il tuo indirizzo email su Piazza apri questo link \
         (vale {LINK_HOURS} ore e si usa una sola volta):\n\n{link}\n\n\
         Se non ti sei registrato tu, ignora questo messaggio.\n",
        user.display_name
    );
    let mail = Mail {
        to: user.email.clone(),
        subject: "Piazza: conferma il tuo indirizzo email".into(),
        body,
    };
    state.mailer.queue(tx, pending, mail).await
}

/// Uses a verification link; returns the member, now verified (and possibly approved).
pub async fn verify(state: &AppState, link_token: &str) -> AppResult<users::User> {
    let invalid = || AppError::bad_input("Link di verifica non valido, scaduto o già usato");
    if link_token.is_empty() || link_token.len() > 100 {
        return Err(invalid());
    }
    let now = piazza_db::now();
    let mut tx = state.db.begin().await?;
    let user_id = trust::take_email_token(&mut tx, &token::hash(link_token), trust::VERIFY, now)
        .await?
        .ok_or_else(invalid)?;
    users::set_email_verified(&mut tx, user_id, now).await?;
    let user = users::get_user_tx(&mut tx, user_id).await?;
    let events = super::trust::on_verified(&mut tx, &user).await?;
    let user = users::get_user_tx(&mut tx, user_id).await?;
    tx.commit().await?;
    live::publish(state, &events).await;
    tracing::info!(user_id, approval = %user.approval, "email verified");
    Ok(user)
}

/// Sends the signed-in member a new link (at most one a minute).
pub async fn resend(state: &AppState, viewer: Option<&Viewer>) -> AppResult<bool> {
    let viewer = signed_in(viewer)?;
    if viewer.user.email_verified_at.is_some() {
        return Err(AppError::bad_input(
            "Il tuo indirizzo email è già confermato",
        ));
    }
    if let Some(last) = trust::last_email_token_at(&state.db, viewer.id(), trust::VERIFY).await? {
        let wait = (last + Duration::seconds(RESEND_SECS) - piazza_db::now()).num_seconds();
        if wait > 0 {
            return Err(AppError::RateLimited {
                retry_after_secs: wait as u64,
            });
        }
    }
    let mut pending = Pending::default();
    let mut tx = state.db.begin().await?;
    issue(state, &mut tx, &mut pending, &viewer.user).await?;
    tx.commit().await?;
    state.mailer.send(&state.db, pending);
    Ok(true)
}
