use async_graphql::{Enum, SimpleObject};

use super::{Community, FaqEntry, Post, Thread};

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ThreadEventKind {
    PostCreated,
    PostEdited,
    PostDeleted,
    AnswerAccepted,
    OfficialAnswer,
    /// A moderator hid a post.
    PostHidden,
    /// A moderator restored a hidden post.
    PostRestored,
    /// Locked, unlocked, pinned, unpinned, closed as a duplicate or reopened.
    ThreadUpdated,
    /// Moved to another community.
    ThreadMoved,
}

/// Something happened in a thread.
#[derive(SimpleObject)]
pub struct ThreadEvent {
    pub kind: ThreadEventKind,
    pub thread: Thread,
    /// The post concerned (null for a deleted post the viewer may not see).
    pub post: Option<Post>,
    /// Pass as `after` when resubscribing to receive what was missed.
    pub cursor: String,
}

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum CommunityEventKind {
    ThreadCreated,
    FaqPublished,
    FaqUpdated,
    FaqWithdrawn,
    /// A thread was locked, pinned, closed as a duplicate, or their reverse.
    ThreadUpdated,
    /// A thread moved into or out of this community.
    ThreadMoved,
}

/// Something happened in a community.
#[derive(SimpleObject)]
pub struct CommunityEvent {
    pub kind: CommunityEventKind,
    pub community: Community,
    pub thread: Option<Thread>,
    /// The FAQ entry published, updated or withdrawn (FAQ events only).
    pub faq_entry: Option<FaqEntry>,
    /// Pass as `after` when resubscribing to receive what was missed.
    pub cursor: String,
}
