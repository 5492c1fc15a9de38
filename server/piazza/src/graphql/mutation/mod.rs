//! Write operations, grouped by area and merged into one `Mutation` type.

mod accounts;
mod communities;
mod faq;
mod moderation;
mod posts;
mod qa;
mod sanctions;
mod search;
mod trust;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct Mutation(
    accounts::AccountMutation,
    communities::CommunityMutation,
    faq::FaqMutation,
    moderation::ModerationMutation,
    posts::PostMutation,
    qa::QaMutation,
    sanctions::SanctionMutation,
    search::SearchMutation,
    trust::TrustMutation,
);
