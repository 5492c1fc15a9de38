use async_graphql::{Context, ID, InputObject, Object, Result};

use crate::{
    auth::{Role, token},
    graphql::{
        context::{meta, state, viewer},
        types::{AuthPayload, Comune, User},
    },
    services::{
        accounts::{self, ProfileInput, Registration, SESSION_DAYS, SignedIn},
        comuni, notifications, parse_id,
    },
};

/// A new member's details.
#[derive(InputObject)]
pub struct RegisterInput {
    pub email: String,
    /// At least 10 characters; common passwords are refused.
    pub password: String,
    pub display_name: String,
    /// ISTAT code of the member's comune (see `comuni(search:)`).
    pub comune_istat_code: Option<String>,
    pub job_title: Option<String>,
}

/// Profile fields a member may change. Roles are not among them.
#[derive(InputObject)]
pub struct UpdateProfileInput {
    pub display_name: String,
    pub job_title: Option<String>,
    pub comune_istat_code: Option<String>,
}

#[derive(Default)]
pub struct AccountMutation;

fn set_session_cookie(ctx: &Context<'_>, token: &str) -> Result<()> {
    let secure = meta(ctx)?.cookie_secure;
    ctx.append_http_header(
        "Set-Cookie",
        token::cookie(token, SESSION_DAYS * 86_400, secure),
    );
    Ok(())
}

fn signed_in(ctx: &Context<'_>, s: SignedIn) -> Result<AuthPayload> {
    set_session_cookie(ctx, &s.token)?;
    Ok(AuthPayload {
        token: s.token,
        user: s.user,
    })
}

#[Object]
impl AccountMutation {
    /// Creates an account and signs it in (also sets the session cookie).
    async fn register(&self, ctx: &Context<'_>, input: RegisterInput) -> Result<AuthPayload> {
        let registration = Registration {
            email: input.email,
            password: input.password,
            display_name: input.display_name,
            comune_istat_code: input.comune_istat_code,
            job_title: input.job_title,
        };
        let s = accounts::register(state(ctx)?, meta(ctx)?, registration).await?;
        signed_in(ctx, s)
    }

    /// Signs in (also sets the session cookie). Attempts are rate-limited per IP and account.
    async fn login(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
    ) -> Result<AuthPayload> {
        let s = accounts::login(state(ctx)?, meta(ctx)?, &email, &password).await?;
        signed_in(ctx, s)
    }

    /// Ends the current session and clears the cookie. False when not signed in.
    async fn logout(&self, ctx: &Context<'_>) -> Result<bool> {
        let done = accounts::logout(state(ctx)?, viewer(ctx)).await?;
        ctx.append_http_header("Set-Cookie", token::clear_cookie(meta(ctx)?.cookie_secure));
        Ok(done)
    }

    /// Changes the password, ends every session and starts a new one.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current_password: String,
        new_password: String,
    ) -> Result<AuthPayload> {
        let state = state(ctx)?;
        let token =
            accounts::change_password(state, viewer(ctx), &current_password, &new_password).await?;
        let user = piazza_db::users::get_user(&state.db, viewer(ctx).map_or(0, |v| v.id()))
            .await
            .map_err(crate::error::AppError::from)?;
        signed_in(ctx, SignedIn { token, user })
    }

    /// Updates the signed-in member's profile.
    async fn update_profile(&self, ctx: &Context<'_>, input: UpdateProfileInput) -> Result<User> {
        let input = ProfileInput {
            display_name: input.display_name,
            job_title: input.job_title,
            comune_istat_code: input.comune_istat_code,
        };
        Ok(User(
            accounts::update_profile(state(ctx)?, viewer(ctx), input).await?,
        ))
    }

    /// Sets a member's global role (admins only; not on oneself).
    async fn set_user_role(&self, ctx: &Context<'_>, user_id: ID, role: Role) -> Result<User> {
        let user_id = parse_id(&user_id, "Utente")?;
        Ok(User(
            accounts::set_user_role(state(ctx)?, viewer(ctx), user_id, role).await?,
        ))
    }

    /// Marks the signed-in member's notifications read: the given ones, or all when `ids`
    /// is omitted. Returns how many changed.
    async fn mark_notifications_read(
        &self,
        ctx: &Context<'_>,
        ids: Option<Vec<ID>>,
    ) -> Result<i64> {
        let ids = ids
            .map(|ids| {
                ids.iter()
                    .map(|id| parse_id(id, "Notifica"))
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?;
        Ok(notifications::mark_read(state(ctx)?, viewer(ctx), ids).await?)
    }

    /// Corrects a comune's population and states the source (admins only).
    async fn update_comune_population(
        &self,
        ctx: &Context<'_>,
        istat_code: String,
        #[graphql(desc = "Residents; null when unknown.")] population: Option<i32>,
        #[graphql(desc = "Where the figure comes from, e.g. \"ISTAT 1/1/2025\".")] source: String,
    ) -> Result<Comune> {
        let c =
            comuni::correct_population(state(ctx)?, viewer(ctx), &istat_code, population, &source)
                .await?;
        Ok(Comune(c))
    }
}
