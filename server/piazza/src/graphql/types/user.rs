use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use piazza_db::users::User as UserRecord;

use super::{Comune, id};
use crate::{auth::Role, graphql::context::viewer};

/// A member of Piazza.
pub struct User(pub UserRecord);

#[Object]
impl User {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    /// Name shown next to posts.
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }

    /// Unique handle used in @mentions.
    async fn handle(&self) -> &str {
        &self.0.handle
    }

    async fn role(&self) -> Role {
        Role::parse(&self.0.role)
    }

    /// Job title, e.g. "Responsabile ufficio tecnico".
    async fn job_title(&self) -> Option<&str> {
        self.0.job_title.as_deref()
    }

    /// The comune the member works for.
    async fn comune(&self, ctx: &Context<'_>) -> Result<Option<Comune>> {
        Comune::by_code(ctx, self.0.comune_istat_code.as_deref()).await
    }

    /// Email address: visible only to the member themself and to admins.
    async fn email(&self, ctx: &Context<'_>) -> Option<&str> {
        let v = viewer(ctx)?;
        (v.id() == self.0.id || v.is_admin()).then_some(self.0.email.as_str())
    }

    /// Until when the member is suspended, if they are: visible to themself and moderators.
    async fn suspended_until(&self, ctx: &Context<'_>) -> Option<DateTime<Utc>> {
        let v = viewer(ctx)?;
        (v.id() == self.0.id || v.moderates_everywhere())
            .then_some(self.0.suspended_until)
            .flatten()
    }

    /// Why the member is suspended: visible to themself and moderators.
    async fn suspension_reason(&self, ctx: &Context<'_>) -> Option<&str> {
        let v = viewer(ctx)?;
        let visible = v.id() == self.0.id || v.moderates_everywhere();
        let current = self
            .0
            .suspended_until
            .is_some_and(|until| until > piazza_db::now());
        (visible && current)
            .then_some(self.0.suspension_reason.as_deref())
            .flatten()
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Whether the member confirmed their email: visible to themself and moderators.
    async fn email_verified(&self, ctx: &Context<'_>) -> Option<bool> {
        let v = viewer(ctx)?;
        (v.id() == self.0.id || v.moderates_everywhere())
            .then_some(self.0.email_verified_at.is_some())
    }

    /// PENDING, APPROVED or REJECTED: visible to themself and moderators. Only approved
    /// members post.
    async fn approval_status(&self, ctx: &Context<'_>) -> Option<ApprovalStatus> {
        let v = viewer(ctx)?;
        (v.id() == self.0.id || v.moderates_everywhere()).then(|| ApprovalStatus::of(&self.0))
    }

    /// Why the member was not approved: visible to themself and moderators.
    async fn approval_reason(&self, ctx: &Context<'_>) -> Option<&str> {
        let v = viewer(ctx)?;
        (v.id() == self.0.id || v.moderates_everywhere())
            .then_some(self.0.approval_reason.as_deref())
            .flatten()
    }
}

/// Where a member stands with approval.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ApprovalStatus {
    /// Waiting for email verification or a moderator's approval: reads, does not post.
    Pending,
    Approved,
    /// Not accepted: reads, does not post.
    Rejected,
}

impl ApprovalStatus {
    pub fn of(user: &UserRecord) -> Self {
        match user.approval.as_str() {
            piazza_db::users::APPROVED => ApprovalStatus::Approved,
            piazza_db::users::REJECTED => ApprovalStatus::Rejected,
            _ => ApprovalStatus::Pending,
        }
    }
}

/// A new session: the token (for API clients; the web uses the cookie set alongside).
pub struct AuthPayload {
    pub token: String,
    pub user: UserRecord,
}

#[Object]
impl AuthPayload {
    /// Bearer token for `Authorization: Bearer …`. Shown once; keep it secret.
    async fn token(&self) -> &str {
        &self.token
    }

    async fn user(&self) -> User {
        User(self.user.clone())
    }
}
