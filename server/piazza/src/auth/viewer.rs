//! Who is making a request, and what their global role allows.

use async_graphql::Enum;
use chrono::{DateTime, Utc};
use piazza_db::users::User;

/// A member's global role. Community moderators are recorded per community instead.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Staff of a comune: asks, answers, votes.
    Member,
    /// An ANCI expert: marks official answers and edits FAQ.
    Expert,
    /// Moderates every community.
    Moderator,
    /// Runs the service: communities, roles, comuni data.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Expert => "expert",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Role {
        match s {
            "admin" => Role::Admin,
            "moderator" => Role::Moderator,
            "expert" => Role::Expert,
            _ => Role::Member,
        }
    }
}

/// The signed-in user of a request (absent for anonymous readers).
#[derive(Clone, Debug)]
pub struct Viewer {
    pub user: User,
    /// Hash of the token that authenticated this request, so `logout` ends that session.
    pub token_hash: Vec<u8>,
}

impl Viewer {
    pub fn id(&self) -> i64 {
        self.user.id
    }

    pub fn role(&self) -> Role {
        Role::parse(&self.user.role)
    }

    pub fn is_admin(&self) -> bool {
        self.role() == Role::Admin
    }

    /// Global moderators and admins moderate every community.
    pub fn moderates_everywhere(&self) -> bool {
        matches!(self.role(), Role::Moderator | Role::Admin)
    }

    pub fn is_suspended(&self, now: DateTime<Utc>) -> bool {
        self.user.suspended_until.is_some_and(|until| until > now)
    }
}
