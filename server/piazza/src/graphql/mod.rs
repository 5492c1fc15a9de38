//! The GraphQL API: schema assembly and its limits. Resolvers are thin — they read the
//! viewer and services from the context, call one service function and wrap the record.

mod context;
pub mod cursor;
pub mod loaders;
mod moderation_query;
mod mutation;
mod query;
mod subscription;
pub mod types;

use async_graphql::{MergedObject, Schema};

pub use context::{CacheProbe, RequestViewer};
pub use mutation::Mutation;
pub use subscription::Subscription;

use crate::services::AppState;

/// Every read operation, merged from the areas that define them.
#[derive(MergedObject, Default)]
pub struct Query(query::ReadQuery, moderation_query::ModerationQuery);

pub type PiazzaSchema = Schema<Query, Mutation, Subscription>;

/// Limits that make a hostile document fail validation before any database work.
pub const MAX_DEPTH: usize = 12;
pub const MAX_COMPLEXITY: usize = 2_000;
pub const MAX_RECURSIVE_DEPTH: usize = 32;
pub const MAX_DIRECTIVES: usize = 20;

pub fn build_schema(state: Option<AppState>, introspection: bool) -> PiazzaSchema {
    let mut builder = Schema::build(Query::default(), Mutation::default(), Subscription)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .limit_recursive_depth(MAX_RECURSIVE_DEPTH)
        .limit_directives(MAX_DIRECTIVES);
    if !introspection {
        builder = builder.disable_introspection().disable_suggestions();
    }
    if let Some(state) = state {
        builder = builder.data(state);
    }
    builder.finish()
}

/// The SDL that `piazza schema` prints and `schema.graphql` must equal.
pub fn sdl() -> String {
    build_schema(None, true).sdl()
}
