//! The official FAQ: entries, their revisions and the community's changelog. An entry is
//! only ever wrapped after the service said the viewer may see it (drafts: editors only).

use async_graphql::{Context, Enum, ID, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use piazza_db::faq::{
    self as db, FaqChange as ChangeRecord, FaqEntry as EntryRecord, FaqRevision as RevisionRecord,
};

use super::{Community, Post, User, id};
use crate::{
    error::AppError,
    graphql::context::{loaders, scoped_viewer, state, viewer},
    services::faq::{self, StatusFilter},
};

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum FaqStatus {
    /// Being written; visible to the community's FAQ editors only.
    Draft,
    /// Part of the community's official FAQ.
    Published,
    /// No longer valid; still readable, with the reason.
    Withdrawn,
}

impl FaqStatus {
    fn parse(s: &str) -> FaqStatus {
        match s {
            db::DRAFT => FaqStatus::Draft,
            db::WITHDRAWN => FaqStatus::Withdrawn,
            _ => FaqStatus::Published,
        }
    }
}

impl From<FaqStatus> for StatusFilter {
    fn from(s: FaqStatus) -> StatusFilter {
        match s {
            FaqStatus::Draft => StatusFilter::Draft,
            FaqStatus::Published => StatusFilter::Published,
            FaqStatus::Withdrawn => StatusFilter::Withdrawn,
        }
    }
}

/// Loads an entry by id for the viewer: null if missing or a draft they may not see.
pub async fn load_visible(ctx: &Context<'_>, id: i64) -> Result<Option<FaqEntry>> {
    let Some(entry) = loaders(ctx)?.faq_entries.load_one(id).await? else {
        return Ok(None);
    };
    Ok(faq::may_see(state(ctx)?, scoped_viewer(ctx), &entry)
        .await?
        .then_some(FaqEntry(entry)))
}

/// An entry of a community's official FAQ: a question with an authoritative answer,
/// versioned (every change is a revision with a note).
pub struct FaqEntry(pub EntryRecord);

#[Object]
impl FaqEntry {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn community(&self, ctx: &Context<'_>) -> Result<Community> {
        let c = loaders(ctx)?
            .communities
            .load_one(self.0.community_id)
            .await?;
        c.map(Community)
            .ok_or_else(|| AppError::NotFound("Comunità").into())
    }

    async fn question(&self) -> &str {
        &self.0.question
    }

    /// Markdown source of the answer.
    async fn answer(&self) -> &str {
        &self.0.answer
    }

    /// Sanitised HTML rendered from `answer` (like a post's `bodyHtml`).
    async fn answer_html(&self) -> &str {
        &self.0.answer_html
    }

    async fn status(&self) -> FaqStatus {
        FaqStatus::parse(&self.0.status)
    }

    /// The current revision's number (1 for the text as first written).
    async fn version(&self) -> i64 {
        self.0.version
    }

    async fn tags(&self) -> Vec<String> {
        self.0.tag_list()
    }

    /// Normative references, e.g. "D.Lgs. 36/2023 art. 50".
    async fn references(&self) -> Vec<String> {
        self.0.reference_list()
    }

    /// First day the answer applies, if it has one.
    async fn valid_from(&self) -> Option<NaiveDate> {
        self.0.valid_from
    }

    /// Last day the answer applies, if it has one.
    async fn valid_until(&self) -> Option<NaiveDate> {
        self.0.valid_until
    }

    /// Whether today (UTC) falls within the validity dates (true when it has none).
    async fn in_force(&self) -> bool {
        let today = Utc::now().date_naive();
        self.0.valid_from.is_none_or(|f| f <= today)
            && self.0.valid_until.is_none_or(|u| today <= u)
    }

    /// When the entry was first published (null for a draft).
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.published_at
    }

    /// When its text or status last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When it was withdrawn, if it was.
    async fn withdrawn_at(&self) -> Option<DateTime<Utc>> {
        self.0.withdrawn_at
    }

    /// Why it was withdrawn, if it was.
    async fn withdrawal_reason(&self) -> Option<&str> {
        self.0.withdrawal_reason.as_deref()
    }

    /// The post this entry was promoted from, if any.
    async fn source_post(&self, ctx: &Context<'_>) -> Result<Option<Post>> {
        let Some(id) = self.0.source_post_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.posts.load_one(id).await?.map(Post))
    }

    /// Whether the viewer may edit, publish or withdraw this entry.
    async fn viewer_can_edit(&self, ctx: &Context<'_>) -> Result<bool> {
        let Some(v) = viewer(ctx) else {
            return Ok(false);
        };
        if v.is_suspended(piazza_db::now()) || self.0.status == db::WITHDRAWN {
            return Ok(false);
        }
        Ok(faq::may_edit(state(ctx)?, v, self.0.community_id).await?)
    }

    /// Every version, oldest first.
    async fn revisions(&self, ctx: &Context<'_>) -> Result<Vec<FaqRevision>> {
        let rows = faq::revisions(state(ctx)?, &self.0).await?;
        Ok(rows.into_iter().map(FaqRevision).collect())
    }

    /// Word-level HTML diff of question and answer (markdown source) between two versions:
    /// removed words in `<del>`, added ones in `<ins>`, all text HTML-escaped.
    async fn diff(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The older version.")] from_version: i64,
        #[graphql(desc = "The newer version.")] to_version: i64,
    ) -> Result<String> {
        Ok(faq::diff(state(ctx)?, &self.0, from_version, to_version).await?)
    }
}

/// One version of an entry's text.
pub struct FaqRevision(pub RevisionRecord);

#[Object]
impl FaqRevision {
    async fn version(&self) -> i64 {
        self.0.version
    }

    async fn question(&self) -> &str {
        &self.0.question
    }

    /// Markdown source of the answer in this version.
    async fn answer(&self) -> &str {
        &self.0.answer
    }

    async fn tags(&self) -> Vec<String> {
        self.0
            .tags
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect()
    }

    async fn references(&self) -> Vec<String> {
        self.0
            .normative_refs
            .split('\n')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Why this version was made.
    async fn change_note(&self) -> &str {
        &self.0.change_note
    }

    /// Who wrote this version.
    async fn editor(&self, ctx: &Context<'_>) -> Result<User> {
        let u = loaders(ctx)?.users.load_one(self.0.editor_id).await?;
        u.map(User)
            .ok_or_else(|| AppError::NotFound("Utente").into())
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum FaqChangeKind {
    /// An entry was published.
    Added,
    /// A published entry's text changed.
    Changed,
    /// An entry was withdrawn.
    Withdrawn,
}

/// A row of a community's FAQ changelog.
pub struct FaqChange(pub ChangeRecord);

#[Object]
impl FaqChange {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn kind(&self) -> FaqChangeKind {
        match self.0.kind.as_str() {
            db::ADDED => FaqChangeKind::Added,
            db::REMOVED => FaqChangeKind::Withdrawn,
            _ => FaqChangeKind::Changed,
        }
    }

    /// The entry concerned (as it is now).
    async fn entry(&self, ctx: &Context<'_>) -> Result<Option<FaqEntry>> {
        load_visible(ctx, self.0.faq_entry_id).await
    }

    /// The entry's version after the change.
    async fn version(&self) -> i64 {
        self.0.version
    }

    /// The change note (for a withdrawal, its reason).
    async fn change_note(&self) -> &str {
        &self.0.note
    }

    /// The editor who made the change.
    async fn editor(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(loaders(ctx)?
            .users
            .load_one(self.0.actor_id)
            .await?
            .map(User))
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}
