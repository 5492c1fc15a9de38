use async_graphql::{Context, ID, Object, Result, SimpleObject};

use crate::{
    graphql::{
        context::{state, viewer},
        types::{ApprovalStatus, ApprovedDomain, User, WatchedWord, WatchedWordAction},
    },
    services::{parse_id, trust, verification, watched},
};

#[derive(Default)]
pub struct TrustMutation;

/// The outcome of a verification link: the link proves the address, so its owner learns
/// whether they can post now or wait for a moderator, even when not signed in.
#[derive(SimpleObject)]
pub struct EmailVerified {
    pub approval_status: ApprovalStatus,
    pub user: User,
}

#[Object]
impl TrustMutation {
    /// Confirms an email address with the token of the link sent by mail (no sign-in
    /// needed). Each link works once and for 48 hours. A member whose domain is approved is
    /// approved at once; anyone else waits for a moderator.
    async fn verify_email(&self, ctx: &Context<'_>, token: String) -> Result<EmailVerified> {
        let user = verification::verify(state(ctx)?, &token).await?;
        Ok(EmailVerified {
            approval_status: ApprovalStatus::of(&user),
            user: User(user),
        })
    }

    /// Sends the signed-in member a new verification link (at most one a minute).
    async fn resend_verification(&self, ctx: &Context<'_>) -> Result<bool> {
        Ok(verification::resend(state(ctx)?, viewer(ctx)).await?)
    }

    /// Approves an email domain (admins): its verified members are approved at once — for
    /// members of one comune, or (no comune) for public bodies generally.
    async fn approve_email_domain(
        &self,
        ctx: &Context<'_>,
        domain: String,
        comune_istat_code: Option<String>,
    ) -> Result<ApprovedDomain> {
        Ok(ApprovedDomain(
            trust::approve_domain(
                state(ctx)?,
                viewer(ctx),
                &domain,
                comune_istat_code.as_deref(),
            )
            .await?,
        ))
    }

    /// Removes an approved domain (admins); members already approved stay approved.
    async fn remove_approved_email_domain(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        let id = parse_id(&id, "Dominio")?;
        Ok(trust::remove_approved_domain(state(ctx)?, viewer(ctx), id).await?)
    }

    /// Watches a word or pattern (admins): plain words, `*` for letters inside a word.
    /// Setting an existing pattern changes its action.
    async fn set_watched_word(
        &self,
        ctx: &Context<'_>,
        pattern: String,
        action: WatchedWordAction,
    ) -> Result<WatchedWord> {
        Ok(WatchedWord(
            watched::set(state(ctx)?, viewer(ctx), &pattern, action.into()).await?,
        ))
    }

    async fn remove_watched_word(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        let id = parse_id(&id, "Parola sorvegliata")?;
        Ok(watched::remove(state(ctx)?, viewer(ctx), id).await?)
    }
}
