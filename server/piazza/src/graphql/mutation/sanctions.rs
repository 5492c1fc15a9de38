use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};

use crate::{
    graphql::{
        context::{state, viewer},
        types::User,
    },
    services::{parse_id, sanctions},
};

#[derive(Default)]
pub struct SanctionMutation;

#[Object]
impl SanctionMutation {
    /// Suspends a member until the given time (global moderators and admins; only admins
    /// suspend admins). Their sessions and open sockets end; they may sign in again to read.
    /// Logged in the global log and in the log of each community the member belongs to.
    async fn suspend_user(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        until: DateTime<Utc>,
        reason: String,
    ) -> Result<User> {
        let user_id = parse_id(&user_id, "Utente")?;
        Ok(User(
            sanctions::suspend(state(ctx)?, viewer(ctx), user_id, until, &reason).await?,
        ))
    }

    /// Ends a member's suspension early (global moderators and admins; only admins for
    /// admins). Logged, like the suspension, in the global log and in the log of each
    /// community the member belongs to.
    async fn lift_suspension(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        #[graphql(desc = "Why, for the moderation log (3 to 500 characters); optional.")]
        reason: Option<String>,
    ) -> Result<User> {
        let user_id = parse_id(&user_id, "Utente")?;
        Ok(User(
            sanctions::lift(state(ctx)?, viewer(ctx), user_id, reason.as_deref()).await?,
        ))
    }
}
