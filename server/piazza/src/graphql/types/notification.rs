use async_graphql::{Context, Enum, ID, Object, Result};
use chrono::{DateTime, Utc};
use piazza_db::notifications::Notification as NotificationRecord;

use super::{FaqEntry, Post, Thread, User, id, load_faq_entry};
use crate::graphql::context::loaders;

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum NotificationKind {
    /// Someone replied in a thread you follow.
    Reply,
    /// Someone mentioned you.
    Mention,
    /// Your answer was accepted.
    AnswerAccepted,
    /// Your question received an official answer.
    OfficialAnswer,
    /// A new thread in a community you watch.
    NewThread,
    /// An FAQ entry was published in a community you follow.
    FaqPublished,
    /// An FAQ entry you follow was updated.
    FaqUpdated,
    /// Your registration was approved: you can post.
    MemberApproved,
    /// Your registration was not approved (see `me.approvalReason`).
    MemberRejected,
}

impl NotificationKind {
    pub fn parse(s: &str) -> NotificationKind {
        match s {
            "mention" => NotificationKind::Mention,
            "answer_accepted" => NotificationKind::AnswerAccepted,
            "official_answer" => NotificationKind::OfficialAnswer,
            "new_thread" => NotificationKind::NewThread,
            "faq_published" => NotificationKind::FaqPublished,
            "faq_updated" => NotificationKind::FaqUpdated,
            "member_approved" => NotificationKind::MemberApproved,
            "member_rejected" => NotificationKind::MemberRejected,
            _ => NotificationKind::Reply,
        }
    }
}

/// An entry of the signed-in member's inbox. Similar unread notifications (several replies
/// in one thread) are grouped: `count` says how many, the other fields describe the newest.
pub struct Notification(pub NotificationRecord);

#[Object]
impl Notification {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn kind(&self) -> NotificationKind {
        NotificationKind::parse(&self.0.kind)
    }

    async fn read(&self) -> bool {
        self.0.read_at.is_some()
    }

    /// How many occurrences this notification groups (1 when alone).
    async fn count(&self) -> i64 {
        self.0.group_count
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Who caused it, if someone did.
    async fn actor(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.0.actor_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.users.load_one(id).await?.map(User))
    }

    async fn thread(&self, ctx: &Context<'_>) -> Result<Option<Thread>> {
        let Some(id) = self.0.thread_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.threads.load_one(id).await?.map(Thread))
    }

    async fn post(&self, ctx: &Context<'_>) -> Result<Option<Post>> {
        let Some(id) = self.0.post_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.posts.load_one(id).await?.map(Post))
    }

    /// The FAQ entry concerned (FAQ notifications).
    async fn faq_entry(&self, ctx: &Context<'_>) -> Result<Option<FaqEntry>> {
        let Some(id) = self.0.faq_entry_id else {
            return Ok(None);
        };
        load_faq_entry(ctx, id).await
    }
}
