//! Registration, login, logout, profiles and roles.

use chrono::Duration;
use piazza_db::{DbError, Tx, sessions, users};

use super::{AppState, RequestMeta, active, admin, signed_in, validate};
use crate::{
    auth::{Role, Viewer, password, token},
    error::{AppError, AppResult},
    feed_cache, live,
};

/// How long a session lasts without signing in again.
pub const SESSION_DAYS: i64 = 30;

pub struct Registration {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub comune_istat_code: Option<String>,
    pub job_title: Option<String>,
}

/// A new session: the token to hand to the client once, and its user.
pub struct SignedIn {
    pub token: String,
    pub user: users::User,
}

pub async fn register(
    state: &AppState,
    meta: &RequestMeta,
    input: Registration,
) -> AppResult<SignedIn> {
    let email = validate::email(&input.email)?;
    let display_name = validate::display_name(&input.display_name)?;
    let job_title = validate::job_title(input.job_title.as_deref())?;
    if let Some(reason) = password::weakness(&input.password, &email) {
        return Err(AppError::bad_input(reason));
    }
    let comune = match input
        .comune_istat_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        None => None,
        Some(code) => match piazza_db::comuni::find_comune(&state.db, code).await? {
            Some(c) => Some(c.istat_code),
            None => return Err(AppError::bad_input("Comune: codice ISTAT sconosciuto")),
        },
    };
    state.throttle.register(meta.ip).await?;
    let password_hash = state.hasher.hash(&input.password).await?;

    let mut tx = state.db.begin().await?;
    let handle = unique_handle(&mut tx, &display_name).await?;
    let new = users::NewUser {
        email: &email,
        password_hash: &password_hash,
        display_name: &display_name,
        handle: &handle,
        job_title: job_title.as_deref(),
        comune_istat_code: comune.as_deref(),
        role: Role::Member.as_str(),
        created_at: piazza_db::now(),
    };
    let id = match users::insert_user(&mut tx, &new).await {
        Err(DbError::Conflict) => {
            return Err(AppError::Conflict(
                "Esiste già un account con questa email".into(),
            ));
        }
        other => other?,
    };
    // New members read at once but post only once verified and approved.
    users::update_approval(&mut tx, id, users::PENDING, None).await?;
    let token = new_session(&mut tx, id).await?;
    let user = users::get_user_tx(&mut tx, id).await?;
    let mut mail = super::mail::Pending::default();
    super::verification::issue(state, &mut tx, &mut mail, &user).await?;
    tx.commit().await?;
    state.mailer.send(&state.db, mail);
    tracing::info!(user_id = id, "registered");
    Ok(SignedIn { token, user })
}

/// Derives a unique @handle from the display name: `mario.rossi`, then `mario.rossi2`, …
async fn unique_handle(tx: &mut Tx, display_name: &str) -> AppResult<String> {
    let base = validate::handle_base(display_name);
    for n in 1..1000 {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}{n}")
        };
        if !users::handle_exists(tx, &candidate).await? {
            return Ok(candidate);
        }
    }
    Ok(format!("{base}.{}", &token::generate()[..8].to_lowercase()))
}

async fn new_session(tx: &mut Tx, user_id: i64) -> AppResult<String> {
    let token = token::generate();
    let now = piazza_db::now();
    sessions::insert_session(
        tx,
        &token::hash(&token),
        user_id,
        now,
        now + Duration::days(SESSION_DAYS),
    )
    .await?;
    Ok(token)
}

pub async fn login(
    state: &AppState,
    meta: &RequestMeta,
    email: &str,
    password: &str,
) -> AppResult<SignedIn> {
    let email = email.trim().to_lowercase();
    state.throttle.login(meta.ip, &email).await?;
    let user = if email.len() <= 254 && password.len() <= 1024 {
        users::find_user_by_email(&state.db, &email).await?
    } else {
        None
    };
    // Unknown accounts are verified against a dummy hash: same answer, similar time.
    let ok = state
        .hasher
        .verify(password, user.as_ref().map(|u| u.password_hash.as_str()))
        .await?;
    let Some(user) = user.filter(|_| ok) else {
        return Err(AppError::LoginFailed);
    };
    let mut tx = state.db.begin().await?;
    let token = new_session(&mut tx, user.id).await?;
    tx.commit().await?;
    Ok(SignedIn { token, user })
}

/// Ends the session that authenticated this request.
pub async fn logout(state: &AppState, viewer: Option<&Viewer>) -> AppResult<bool> {
    let Some(viewer) = viewer else {
        return Ok(false);
    };
    let mut tx = state.db.begin().await?;
    let removed = sessions::delete_session(&mut tx, &viewer.token_hash).await?;
    tx.commit().await?;
    live::publish_revocation(&state.bus, viewer.id(), Some(&viewer.token_hash));
    Ok(removed > 0)
}

/// Changes the password and ends every other session; returns a fresh token.
pub async fn change_password(
    state: &AppState,
    viewer: Option<&Viewer>,
    current: &str,
    new_password: &str,
) -> AppResult<String> {
    let viewer = signed_in(viewer)?;
    if !state
        .hasher
        .verify(current, Some(&viewer.user.password_hash))
        .await?
    {
        return Err(AppError::bad_input("La password attuale non è corretta"));
    }
    if let Some(reason) = password::weakness(new_password, &viewer.user.email) {
        return Err(AppError::bad_input(reason));
    }
    let hash = state.hasher.hash(new_password).await?;
    let mut tx = state.db.begin().await?;
    users::update_password(&mut tx, viewer.id(), &hash).await?;
    sessions::delete_user_sessions(&mut tx, viewer.id()).await?;
    let token = new_session(&mut tx, viewer.id()).await?;
    tx.commit().await?;
    live::publish_revocation(&state.bus, viewer.id(), None);
    Ok(token)
}

pub struct ProfileInput {
    pub display_name: String,
    pub job_title: Option<String>,
    pub comune_istat_code: Option<String>,
}

pub async fn update_profile(
    state: &AppState,
    viewer: Option<&Viewer>,
    input: ProfileInput,
) -> AppResult<users::User> {
    let viewer = active(viewer)?;
    let display_name = validate::display_name(&input.display_name)?;
    let job_title = validate::job_title(input.job_title.as_deref())?;
    let comune = input
        .comune_istat_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if let Some(code) = comune
        && piazza_db::comuni::find_comune(&state.db, code)
            .await?
            .is_none()
    {
        return Err(AppError::bad_input("Comune: codice ISTAT sconosciuto"));
    }
    let mut tx = state.db.begin().await?;
    let update = users::ProfileUpdate {
        display_name: &display_name,
        job_title: job_title.as_deref(),
        comune_istat_code: comune,
    };
    users::update_profile(&mut tx, viewer.id(), &update).await?;
    let user = users::get_user_tx(&mut tx, viewer.id()).await?;
    tx.commit().await?;
    // Names and comuni show in every feed.
    feed_cache::bump(state, &[feed_cache::deps::GLOBAL.to_owned()]).await;
    Ok(user)
}

pub async fn set_user_role(
    state: &AppState,
    viewer: Option<&Viewer>,
    user_id: i64,
    role: Role,
) -> AppResult<users::User> {
    let viewer = admin(viewer)?;
    if viewer.id() == user_id {
        return Err(AppError::bad_input("Non puoi cambiare il tuo stesso ruolo"));
    }
    let mut tx = state.db.begin().await?;
    users::update_role(&mut tx, user_id, role.as_str())
        .await
        .map_err(not_found_user)?;
    let user = users::get_user_tx(&mut tx, user_id).await?;
    tx.commit().await?;
    feed_cache::bump(state, &[feed_cache::deps::GLOBAL.to_owned()]).await;
    tracing::info!(
        by = viewer.id(),
        user_id,
        role = role.as_str(),
        "role changed"
    );
    Ok(user)
}

fn not_found_user(e: DbError) -> AppError {
    match e {
        DbError::NotFound => AppError::NotFound("Utente"),
        other => other.into(),
    }
}

/// Creates an admin, or promotes an existing account (command line: `piazza admin create`).
/// Returns true when a new account was created.
pub async fn create_admin(
    state: &AppState,
    email: &str,
    display_name: &str,
    password: &str,
) -> AppResult<bool> {
    let email = validate::email(email)?;
    let display_name = validate::display_name(display_name)?;
    let mut tx = state.db.begin().await?;
    if let Some(existing) = users::find_user_by_email_tx(&mut tx, &email).await? {
        users::update_role(&mut tx, existing.id, Role::Admin.as_str()).await?;
        tx.commit().await?;
        return Ok(false);
    }
    if let Some(reason) = password::weakness(password, &email) {
        return Err(AppError::bad_input(reason));
    }
    let password_hash = state.hasher.hash(password).await?;
    let handle = unique_handle(&mut tx, &display_name).await?;
    let new = users::NewUser {
        email: &email,
        password_hash: &password_hash,
        display_name: &display_name,
        handle: &handle,
        job_title: None,
        comune_istat_code: None,
        role: Role::Admin.as_str(),
        created_at: piazza_db::now(),
    };
    users::insert_user(&mut tx, &new).await?;
    tx.commit().await?;
    Ok(true)
}
