//! Write operations, grouped by area and merged into one `Mutation` type.

mod accounts;
mod communities;
mod posts;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct Mutation(
    accounts::AccountMutation,
    communities::CommunityMutation,
    posts::PostMutation,
);
