//! Writing the official FAQ: publishing, revising, withdrawing, promoting posts, and the
//! member's "seen" marker on the changelog.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result};
use chrono::NaiveDate;

use crate::{
    graphql::{
        context::{state, viewer},
        types::{Community, FaqEntry},
    },
    services::{
        faq::{self, EntryChange, NewEntryInput},
        parse_id,
    },
};

const ENTRY: &str = "Voce delle FAQ";

/// A new FAQ entry.
#[derive(InputObject)]
pub struct PublishFaqEntryInput {
    pub community_slug: String,
    /// 10–300 characters.
    pub question: String,
    /// Markdown, 1–32,000 characters.
    pub answer: String,
    /// Up to 5 tags of 2–30 characters.
    #[graphql(default)]
    pub tags: Vec<String>,
    /// Up to 10 normative references, e.g. "D.Lgs. 36/2023 art. 50".
    #[graphql(default)]
    pub references: Vec<String>,
    /// First day the answer applies.
    pub valid_from: Option<NaiveDate>,
    /// Last day the answer applies.
    pub valid_until: Option<NaiveDate>,
    /// Keep it as a draft, visible to editors only, instead of publishing it.
    #[graphql(default)]
    pub draft: bool,
    /// Note of version 1 (default "Prima pubblicazione" or "Prima bozza").
    pub change_note: Option<String>,
}

/// A change to an FAQ entry; omitted fields keep their value.
#[derive(InputObject)]
pub struct UpdateFaqEntryInput {
    pub question: Option<String>,
    /// Markdown.
    pub answer: Option<String>,
    pub tags: Option<Vec<String>>,
    pub references: Option<Vec<String>>,
    /// New first day of validity; null clears it.
    pub valid_from: MaybeUndefined<NaiveDate>,
    /// New last day of validity; null clears it.
    pub valid_until: MaybeUndefined<NaiveDate>,
    /// Why the entry changes (3–500 characters): obligatory, kept with the revision.
    pub change_note: String,
}

fn maybe(value: MaybeUndefined<NaiveDate>) -> Option<Option<NaiveDate>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(d) => Some(Some(d)),
    }
}

#[derive(Default)]
pub struct FaqMutation;

#[Object]
impl FaqMutation {
    /// Adds an entry to a community's FAQ, published (members are notified) or as a draft
    /// (experts, the community's moderators and admins).
    async fn publish_faq_entry(
        &self,
        ctx: &Context<'_>,
        input: PublishFaqEntryInput,
    ) -> Result<FaqEntry> {
        let input = NewEntryInput {
            community_slug: input.community_slug,
            question: input.question,
            answer: input.answer,
            tags: input.tags,
            references: input.references,
            valid_from: input.valid_from,
            valid_until: input.valid_until,
            draft: input.draft,
            change_note: input.change_note,
        };
        Ok(FaqEntry(
            faq::publish(state(ctx)?, viewer(ctx), input).await?,
        ))
    }

    /// Changes an entry (draft or published): a new numbered revision with its note and
    /// editor. Withdrawn entries cannot change.
    async fn update_faq_entry(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateFaqEntryInput,
    ) -> Result<FaqEntry> {
        let id = parse_id(&id, ENTRY)?;
        let change = EntryChange {
            question: input.question,
            answer: input.answer,
            tags: input.tags,
            references: input.references,
            valid_from: maybe(input.valid_from),
            valid_until: maybe(input.valid_until),
            change_note: input.change_note,
        };
        Ok(FaqEntry(
            faq::update(state(ctx)?, viewer(ctx), id, change).await?,
        ))
    }

    /// Publishes a draft as it is; members are notified.
    async fn publish_faq_draft(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(desc = "Shown in the changelog (default \"Pubblicazione\").")]
        change_note: Option<String>,
    ) -> Result<FaqEntry> {
        let id = parse_id(&id, ENTRY)?;
        Ok(FaqEntry(
            faq::publish_draft(state(ctx)?, viewer(ctx), id, change_note.as_deref()).await?,
        ))
    }

    /// Withdraws a published entry: it stays readable with its history, marked withdrawn
    /// with the reason.
    async fn withdraw_faq_entry(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(desc = "Why (3–500 characters), e.g. the norm that superseded it.")]
        reason: String,
    ) -> Result<FaqEntry> {
        let id = parse_id(&id, ENTRY)?;
        Ok(FaqEntry(
            faq::withdraw(state(ctx)?, viewer(ctx), id, &reason).await?,
        ))
    }

    /// Turns a post (typically an accepted or official answer) into an FAQ entry of its
    /// community, with the question rephrased and a link back to the post.
    async fn promote_post_to_faq(
        &self,
        ctx: &Context<'_>,
        post_id: ID,
        #[graphql(desc = "The question as the FAQ asks it (10–300 characters).")] question: String,
        #[graphql(desc = "Publish at once instead of creating a draft.", default)] publish: bool,
    ) -> Result<FaqEntry> {
        let post_id = parse_id(&post_id, "Messaggio")?;
        Ok(FaqEntry(
            faq::promote(state(ctx)?, viewer(ctx), post_id, &question, publish).await?,
        ))
    }

    /// Marks a community's FAQ changelog as seen by the signed-in member, so
    /// `faqUnseenChanges` counts from now.
    async fn mark_faq_seen(&self, ctx: &Context<'_>, slug: String) -> Result<Community> {
        Ok(Community(
            faq::mark_seen(state(ctx)?, viewer(ctx), &slug).await?,
        ))
    }
}
