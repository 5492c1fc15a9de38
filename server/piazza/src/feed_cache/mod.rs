//! The feed cache as the app uses it: which GraphQL reads are served from
//! [`piazza_cache::Cache`] and under which key ([`plan`]), and which writes retire their
//! entries ([`deps`]). The storage itself (Redis or in-process, single flight, fallbacks)
//! is the `piazza-cache` crate.
//!
//! What is cached is the serialised response of a whole query, because executing a page of
//! twenty threads costs several times its SQL. Only documents whose root fields are known
//! feeds qualify, and only answers that read nothing of the viewer's own (see
//! `graphql::context::viewer`): per-viewer fields make a response personal, and the web
//! asks for them in a separate query.

pub mod deps;
mod plan;
mod scope;

pub use deps::{bump, bump_events};
pub use plan::{HomeCommunities, Plan, Planner, home_communities, plan};
