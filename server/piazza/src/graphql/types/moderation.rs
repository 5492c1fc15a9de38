//! Moderation types: the review queue and its items, reports, the moderation log, and what
//! admins manage (approved email domains, watched words, the mail outbox).

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use piazza_db::{
    moderation::{
        ModerationAction as ActionRecord, Report as ReportRecord, ReviewItem as ItemRecord,
    },
    trust::{ApprovedDomain as DomainRecord, Mail as MailRecord, WatchedWord as WordRecord},
};

use super::{Community, Comune, Post, Thread, User, id};
use crate::{
    graphql::context::{loaders, state, viewer},
    services::{moderation, posts, reports, review, threads, watched},
};

/// Why a member reports a post.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ReportReason {
    /// Advertising or unsolicited content.
    Spam,
    /// Insults or uncivil language.
    Offensive,
    /// Does not belong in this community.
    OffTopic,
    /// Wrong or outdated information.
    Inaccurate,
    /// Personal data of citizens.
    PersonalData,
    /// Something else (explain in the note).
    Other,
}

impl From<ReportReason> for reports::Reason {
    fn from(r: ReportReason) -> Self {
        match r {
            ReportReason::Spam => reports::Reason::Spam,
            ReportReason::Offensive => reports::Reason::Offensive,
            ReportReason::OffTopic => reports::Reason::OffTopic,
            ReportReason::Inaccurate => reports::Reason::Inaccurate,
            ReportReason::PersonalData => reports::Reason::PersonalData,
            ReportReason::Other => reports::Reason::Other,
        }
    }
}

impl From<reports::Reason> for ReportReason {
    fn from(r: reports::Reason) -> Self {
        match r {
            reports::Reason::Spam => ReportReason::Spam,
            reports::Reason::Offensive => ReportReason::Offensive,
            reports::Reason::OffTopic => ReportReason::OffTopic,
            reports::Reason::Inaccurate => ReportReason::Inaccurate,
            reports::Reason::PersonalData => ReportReason::PersonalData,
            reports::Reason::Other => ReportReason::Other,
        }
    }
}

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ReviewItemKind {
    /// A verified member awaiting approval.
    Member,
    /// A post held for approval (new member, or a watched word).
    Post,
    /// A post reported by members or flagged by a watched word.
    Report,
}

/// What a moderator does with a review item.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ReviewAction {
    /// Approve a member or publish a held post.
    Approve,
    /// Reject a member or a held post (reason required).
    Reject,
    /// Hide a reported post (reason required).
    Hide,
    /// Show a hidden post again.
    Restore,
    /// Close a report without action.
    Dismiss,
}

impl From<ReviewAction> for review::Action {
    fn from(a: ReviewAction) -> Self {
        match a {
            ReviewAction::Approve => review::Action::Approve,
            ReviewAction::Reject => review::Action::Reject,
            ReviewAction::Hide => review::Action::Hide,
            ReviewAction::Restore => review::Action::Restore,
            ReviewAction::Dismiss => review::Action::Dismiss,
        }
    }
}

/// A report behind a review item.
pub struct Report(pub ReportRecord);

#[Object]
impl Report {
    async fn reason(&self) -> ReportReason {
        reports::Reason::parse(&self.0.reason).into()
    }

    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Who reported (the queue is read by moderators only).
    async fn reporter(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(loaders(ctx)?
            .users
            .load_one(self.0.reporter_id)
            .await?
            .map(User))
    }
}

/// Something for moderators to look at. Reports of one post collapse into one item.
pub struct ReviewItem(pub ItemRecord);

#[Object]
impl ReviewItem {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn kind(&self) -> ReviewItemKind {
        match self.0.kind.as_str() {
            piazza_db::moderation::MEMBER => ReviewItemKind::Member,
            piazza_db::moderation::POST => ReviewItemKind::Post,
            _ => ReviewItemKind::Report,
        }
    }

    /// The community of the post (null for members awaiting approval).
    async fn community(&self, ctx: &Context<'_>) -> Result<Option<Community>> {
        let Some(id) = self.0.community_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.communities.load_one(id).await?.map(Community))
    }

    /// The member awaiting approval, or the post's author.
    async fn user(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.0.user_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.users.load_one(id).await?.map(User))
    }

    async fn post(&self, ctx: &Context<'_>) -> Result<Option<Post>> {
        let Some(id) = self.0.post_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.posts.load_one(id).await?.map(Post))
    }

    async fn thread(&self, ctx: &Context<'_>) -> Result<Option<Thread>> {
        let Some(id) = self.0.thread_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.threads.load_one(id).await?.map(Thread))
    }

    /// How many members reported the post.
    async fn report_count(&self) -> i64 {
        self.0.report_count
    }

    /// The distinct reasons given, in the order first reported.
    async fn reasons(&self, ctx: &Context<'_>) -> Result<Vec<ReportReason>> {
        let mut out: Vec<ReportReason> = Vec::new();
        for r in review::reports_of(state(ctx)?, &[self.0.id]).await? {
            let reason = reports::Reason::parse(&r.reason).into();
            if !out.contains(&reason) {
                out.push(reason);
            }
        }
        Ok(out)
    }

    /// Each report, oldest first.
    async fn reports(&self, ctx: &Context<'_>) -> Result<Vec<Report>> {
        Ok(review::reports_of(state(ctx)?, &[self.0.id])
            .await?
            .into_iter()
            .map(Report)
            .collect())
    }

    /// Watched words that flagged or held the post.
    async fn flagged_words(&self) -> Vec<String> {
        self.0
            .flagged_words
            .split(',')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Whether a moderator already dealt with it.
    async fn resolved(&self) -> bool {
        self.0.status != "open"
    }

    /// What was done: approved, rejected, hidden, restored or dismissed.
    async fn resolution(&self) -> Option<&str> {
        self.0.resolution.as_deref()
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A change in a review queue.
#[derive(SimpleObject)]
pub struct ReviewQueueEvent {
    pub item: ReviewItem,
    /// Pass as `after` when resubscribing to receive what was missed.
    pub cursor: String,
}

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ModerationActionKind {
    HidePost,
    RestorePost,
    ApprovePost,
    RejectPost,
    ApproveMember,
    RejectMember,
    DismissReport,
    LockThread,
    UnlockThread,
    PinThread,
    UnpinThread,
    MoveThread,
    CloseDuplicate,
    ReopenThread,
    SuspendUser,
    LiftSuspension,
}

impl From<moderation::ActionKind> for ModerationActionKind {
    fn from(k: moderation::ActionKind) -> Self {
        use moderation::ActionKind as K;
        match k {
            K::HidePost => Self::HidePost,
            K::RestorePost => Self::RestorePost,
            K::ApprovePost => Self::ApprovePost,
            K::RejectPost => Self::RejectPost,
            K::ApproveMember => Self::ApproveMember,
            K::RejectMember => Self::RejectMember,
            K::DismissReport => Self::DismissReport,
            K::LockThread => Self::LockThread,
            K::UnlockThread => Self::UnlockThread,
            K::PinThread => Self::PinThread,
            K::UnpinThread => Self::UnpinThread,
            K::MoveThread => Self::MoveThread,
            K::CloseDuplicate => Self::CloseDuplicate,
            K::ReopenThread => Self::ReopenThread,
            K::SuspendUser => Self::SuspendUser,
            K::LiftSuspension => Self::LiftSuspension,
        }
    }
}

/// An entry of the moderation log.
pub struct ModerationAction(pub ActionRecord);

#[Object]
impl ModerationAction {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn kind(&self) -> Option<ModerationActionKind> {
        moderation::ActionKind::parse(&self.0.kind).map(Into::into)
    }

    async fn reason(&self) -> &str {
        &self.0.reason
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    async fn community(&self, ctx: &Context<'_>) -> Result<Option<Community>> {
        let Some(id) = self.0.community_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.communities.load_one(id).await?.map(Community))
    }

    /// Who acted: visible to the community's moderators, global moderators and admins only.
    async fn moderator(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        if !moderation::may_see_moderator(state(ctx)?, viewer(ctx), &self.0).await? {
            return Ok(None);
        }
        Ok(loaders(ctx)?
            .users
            .load_one(self.0.moderator_id)
            .await?
            .map(User))
    }

    async fn target_user(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.0.target_user_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.users.load_one(id).await?.map(User))
    }

    /// Null where the viewer may not see it, as in `thread(id)`.
    async fn target_thread(&self, ctx: &Context<'_>) -> Result<Option<Thread>> {
        let Some(id) = self.0.target_thread_id else {
            return Ok(None);
        };
        let Some(thread) = loaders(ctx)?.threads.load_one(id).await? else {
            return Ok(None);
        };
        // A thread held for approval (or whose held first post was rejected) reads as
        // missing to all but its author and moderators, as in `thread(id)`.
        if !threads::visible_to(state(ctx)?, viewer(ctx), &thread).await? {
            return Ok(None);
        }
        Ok(Some(Thread(thread)))
    }

    /// Null where the viewer may not read it, as in `post(id)`.
    async fn target_post(&self, ctx: &Context<'_>) -> Result<Option<Post>> {
        let Some(id) = self.0.target_post_id else {
            return Ok(None);
        };
        let Some(post) = loaders(ctx)?.posts.load_one(id).await? else {
            return Ok(None);
        };
        if !posts::readable_by(state(ctx)?, viewer(ctx), &post).await? {
            return Ok(None);
        }
        Ok(Some(Post(post)))
    }
}

/// An email domain whose verified members are approved at once.
pub struct ApprovedDomain(pub DomainRecord);

#[Object]
impl ApprovedDomain {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn domain(&self) -> &str {
        &self.0.domain
    }

    /// The comune it is approved for; null: public bodies generally.
    async fn comune_istat_code(&self) -> Option<&str> {
        self.0.comune_istat_code.as_deref()
    }

    /// The comune it is approved for, from the ISTAT registry (one query for the whole
    /// list); null: public bodies generally.
    async fn comune(&self, ctx: &Context<'_>) -> Result<Option<Comune>> {
        Comune::by_code(ctx, self.0.comune_istat_code.as_deref()).await
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum WatchedWordAction {
    /// The post is refused.
    Block,
    /// The post waits for a moderator's approval.
    RequireApproval,
    /// The post is published and flagged in the review queue.
    Flag,
}

impl From<WatchedWordAction> for watched::Action {
    fn from(a: WatchedWordAction) -> Self {
        match a {
            WatchedWordAction::Block => watched::Action::Block,
            WatchedWordAction::RequireApproval => watched::Action::RequireApproval,
            WatchedWordAction::Flag => watched::Action::Flag,
        }
    }
}

/// A word or pattern (`*` stands for letters inside a word) that admins watch for.
pub struct WatchedWord(pub WordRecord);

#[Object]
impl WatchedWord {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn pattern(&self) -> &str {
        &self.0.pattern
    }

    async fn action(&self) -> WatchedWordAction {
        match watched::Action::parse(&self.0.action) {
            watched::Action::Block => WatchedWordAction::Block,
            watched::Action::RequireApproval => WatchedWordAction::RequireApproval,
            watched::Action::Flag => WatchedWordAction::Flag,
        }
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Mail kept in the outbox (no SMTP configured, or SMTP refused it).
pub struct OutboxMail(pub MailRecord);

#[Object]
impl OutboxMail {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn recipient(&self) -> &str {
        &self.0.recipient
    }

    async fn subject(&self) -> &str {
        &self.0.subject
    }

    async fn body(&self) -> &str {
        &self.0.body
    }

    /// Why SMTP refused it, if it did.
    async fn error(&self) -> Option<&str> {
        self.0.error.as_deref()
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}
