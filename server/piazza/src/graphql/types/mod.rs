//! GraphQL object types. Each wraps a stored record; relations load through DataLoaders.

mod bookmark;
mod community;
mod comune;
mod event;
mod faq;
mod follow;
mod moderation;
mod notification;
mod post;
mod search;
mod thread;
mod user;

pub use bookmark::Bookmark;
pub use community::Community;
pub use comune::Comune;
pub use event::{CommunityEvent, CommunityEventKind, ThreadEvent, ThreadEventKind};
pub use faq::{
    FaqChange, FaqChangeKind, FaqEntry, FaqRevision, FaqStatus, load_visible as load_faq_entry,
};
pub use follow::NotificationLevel;
pub use moderation::{
    ApprovedDomain, ModerationAction, OutboxMail, ReportReason, ReviewAction, ReviewItem,
    ReviewQueueEvent, WatchedWord, WatchedWordAction,
};
pub use notification::{Notification, NotificationKind};
pub use post::{Post, PostModerationStatus, PostRevision, PostSort};
pub use search::{SearchFilter, SearchHit, SearchKind};
pub use thread::{Thread, ThreadFilterInput, ThreadKind, ThreadSort};
pub use user::{ApprovalStatus, AuthPayload, User};

use async_graphql::{ID, connection::Connection};

/// A Relay connection with opaque string cursors.
pub type Page<T> = Connection<String, T>;

pub fn id(n: i64) -> ID {
    ID(n.to_string())
}
