use async_graphql::{Context, ID, InputObject, Object, Result};

use crate::{
    graphql::{
        context::{state, viewer},
        types::{Post, Thread, ThreadKind},
    },
    services::{
        parse_id, posts,
        threads::{self, NewThreadInput},
    },
};

/// A new question or discussion; `body` becomes its first post.
#[derive(InputObject)]
pub struct CreateThreadInput {
    pub community_slug: String,
    pub kind: ThreadKind,
    /// 10–200 characters.
    pub title: String,
    /// Markdown, 1–32,000 characters.
    pub body: String,
    /// Up to 5 tags of 2–30 characters.
    #[graphql(default)]
    pub tags: Vec<String>,
}

#[derive(InputObject)]
pub struct CreatePostInput {
    pub thread_id: ID,
    /// Markdown, 1–32,000 characters.
    pub body: String,
}

#[derive(Default)]
pub struct PostMutation;

#[Object]
impl PostMutation {
    /// Opens a thread in a community.
    async fn create_thread(&self, ctx: &Context<'_>, input: CreateThreadInput) -> Result<Thread> {
        let input = NewThreadInput {
            community_slug: input.community_slug,
            kind: input.kind.into(),
            title: input.title,
            body: input.body,
            tags: input.tags,
        };
        Ok(Thread(
            threads::create(state(ctx)?, viewer(ctx), input).await?,
        ))
    }

    /// Replies in a thread (moderators only when it is locked).
    async fn create_post(&self, ctx: &Context<'_>, input: CreatePostInput) -> Result<Post> {
        let thread_id = parse_id(&input.thread_id, "Discussione")?;
        Ok(Post(
            posts::reply(state(ctx)?, viewer(ctx), thread_id, &input.body).await?,
        ))
    }

    /// Edits a post (its author, or a moderator of the community); the edit is kept as a revision.
    async fn edit_post(&self, ctx: &Context<'_>, id: ID, body: String) -> Result<Post> {
        let id = parse_id(&id, "Messaggio")?;
        Ok(Post(
            posts::edit(state(ctx)?, viewer(ctx), id, &body).await?,
        ))
    }

    /// Deletes a post (its author, or a moderator of the community). The post keeps its place.
    async fn delete_post(&self, ctx: &Context<'_>, id: ID) -> Result<Post> {
        let id = parse_id(&id, "Messaggio")?;
        Ok(Post(posts::delete(state(ctx)?, viewer(ctx), id).await?))
    }
}
