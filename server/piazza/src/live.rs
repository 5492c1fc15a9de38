//! Live events as the app knows them: which topic a change is published to, the event row
//! recorded in the write's transaction (its id is the subscription cursor), and publishing
//! it to the bus once the transaction has committed.
//!
//! Events carry ids only. Subscribers reload what they show and re-check permissions, so a
//! message never leaks content to someone who may no longer see it.

use piazza_db::{
    Tx,
    events::{self, Event, NewEvent},
};
use piazza_live::Bus;
use serde::{Deserialize, Serialize};

use crate::{error::AppResult, services::AppState};

/// Where an event is published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    /// Posts, edits, deletions, accepted and official answers in a thread.
    Thread(i64),
    /// New threads and FAQ changes in a community.
    Community(i64),
    /// A member's notifications.
    Inbox(i64),
    /// Session revocations of a member (not persisted).
    Sessions(i64),
    /// Review queue changes: one community's, or (`None`) every item's.
    Review(Option<i64>),
}

impl Topic {
    pub fn key(self) -> String {
        match self {
            Topic::Thread(id) => format!("thread:{id}"),
            Topic::Community(id) => format!("community:{id}"),
            Topic::Inbox(id) => format!("inbox:{id}"),
            Topic::Sessions(id) => format!("sessions:{id}"),
            Topic::Review(Some(id)) => format!("review:{id}"),
            Topic::Review(None) => "review:all".to_owned(),
        }
    }
}

/// What happened; stored as text in the event log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    PostCreated,
    PostEdited,
    PostDeleted,
    AnswerAccepted,
    OfficialAnswer,
    ThreadCreated,
    FaqPublished,
    FaqUpdated,
    FaqWithdrawn,
    Notification,
    /// A moderator hid a post, or restored it.
    PostHidden,
    PostRestored,
    /// Locked, unlocked, pinned, unpinned, closed as a duplicate or reopened.
    ThreadUpdated,
    /// Moved to another community (published to both).
    ThreadMoved,
    /// An item of the review queue was opened, grew or was resolved.
    ReviewItem,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::PostCreated => "post_created",
            Kind::PostEdited => "post_edited",
            Kind::PostDeleted => "post_deleted",
            Kind::AnswerAccepted => "answer_accepted",
            Kind::OfficialAnswer => "official_answer",
            Kind::ThreadCreated => "thread_created",
            Kind::FaqPublished => "faq_published",
            Kind::FaqUpdated => "faq_updated",
            Kind::FaqWithdrawn => "faq_withdrawn",
            Kind::Notification => "notification",
            Kind::PostHidden => "post_hidden",
            Kind::PostRestored => "post_restored",
            Kind::ThreadUpdated => "thread_updated",
            Kind::ThreadMoved => "thread_moved",
            Kind::ReviewItem => "review_item",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "post_created" => Kind::PostCreated,
            "post_edited" => Kind::PostEdited,
            "post_deleted" => Kind::PostDeleted,
            "answer_accepted" => Kind::AnswerAccepted,
            "official_answer" => Kind::OfficialAnswer,
            "thread_created" => Kind::ThreadCreated,
            "faq_published" => Kind::FaqPublished,
            "faq_updated" => Kind::FaqUpdated,
            "faq_withdrawn" => Kind::FaqWithdrawn,
            "notification" => Kind::Notification,
            "post_hidden" => Kind::PostHidden,
            "post_restored" => Kind::PostRestored,
            "thread_updated" => Kind::ThreadUpdated,
            "thread_moved" => Kind::ThreadMoved,
            "review_item" => Kind::ReviewItem,
            _ => return None,
        })
    }
}

/// The ids an event refers to.
#[derive(Clone, Copy, Debug, Default)]
pub struct Refs {
    pub community_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub faq_entry_id: Option<i64>,
    pub notification_id: Option<i64>,
    pub review_item_id: Option<i64>,
}

/// Records an event in the write's transaction. Publish it with [`publish`] after commit.
pub async fn record(tx: &mut Tx, topic: Topic, kind: Kind, refs: Refs) -> AppResult<Event> {
    let new = NewEvent {
        topic: topic.key(),
        kind: kind.as_str().to_owned(),
        community_id: refs.community_id,
        thread_id: refs.thread_id,
        post_id: refs.post_id,
        faq_entry_id: refs.faq_entry_id,
        notification_id: refs.notification_id,
        review_item_id: refs.review_item_id,
    };
    let event = events::insert_event(tx, &new, piazza_db::now()).await?;
    // The search index follows every change that is announced, in the same transaction.
    crate::services::search::on_change(tx, kind, refs).await?;
    Ok(event)
}

/// Announces committed events: retires the cached feeds they change (awaited, so a read
/// after the write's answer is fresh), then tells live subscribers here and on other
/// replicas.
pub async fn publish(state: &AppState, events: &[Event]) {
    crate::feed_cache::bump_events(state, events).await;
    for event in events {
        match serde_json::to_string(event) {
            Ok(json) => state.bus.publish(&event.topic, &json),
            Err(e) => tracing::error!(error = %e, "serialising a live event"),
        }
        metrics::counter!("piazza_live_events_published_total").increment(1);
    }
}

/// A session revocation: one session (by token hash) or all of a member's.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Revocation {
    /// Hex SHA-256 of the revoked token; `None` revokes every session.
    pub token_hash: Option<String>,
}

pub fn publish_revocation(bus: &Bus, user_id: i64, token_hash: Option<&[u8]>) {
    let message = Revocation {
        token_hash: token_hash.map(hex::encode),
    };
    if let Ok(json) = serde_json::to_string(&message) {
        bus.publish(&Topic::Sessions(user_id).key(), &json);
    }
}
