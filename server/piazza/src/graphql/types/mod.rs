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

use async_graphql::{
    ID, OutputType,
    connection::{Connection, Edge},
};

/// A Relay connection with opaque string cursors.
pub type Page<T> = Connection<String, T>;

/// The page made of up to `limit + 1` rows read after a cursor (`after_given`): the extra
/// row, dropped, only says that there is a next page. `edge` gives each row's cursor and node.
pub fn page_of<R, T: OutputType>(
    mut rows: Vec<R>,
    limit: i64,
    after_given: bool,
    mut edge: impl FnMut(R) -> (String, T),
) -> Page<T> {
    let has_next = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let mut page = Page::new(after_given, has_next);
    page.edges.extend(rows.into_iter().map(|r| {
        let (cursor, node) = edge(r);
        Edge::new(cursor, node)
    }));
    page
}

pub fn id(n: i64) -> ID {
    ID(n.to_string())
}
