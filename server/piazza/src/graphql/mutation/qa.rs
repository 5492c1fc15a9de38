//! Questions and answers: accepted and official answers, votes, follow levels, bookmarks.

use async_graphql::{Context, ID, Object, Result};

use crate::{
    graphql::{
        context::{state, viewer},
        types::{Bookmark, Community, NotificationLevel, Post, Thread},
    },
    services::{
        answers,
        bookmarks::{self, Target},
        follows, parse_id, votes,
    },
};

#[derive(Default)]
pub struct QaMutation;

/// The thread or post a bookmark operation designates.
fn target(thread_id: Option<ID>, post_id: Option<ID>) -> Result<Target> {
    Ok(Target {
        thread_id: thread_id
            .map(|id| parse_id(&id, "Discussione"))
            .transpose()?,
        post_id: post_id.map(|id| parse_id(&id, "Messaggio")).transpose()?,
    })
}

#[Object]
impl QaMutation {
    /// Accepts a reply as the answer to its question, replacing any previous one (the
    /// asker, an expert or a moderator of the community).
    async fn accept_answer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The reply to accept.")] post_id: ID,
    ) -> Result<Thread> {
        let post_id = parse_id(&post_id, "Messaggio")?;
        Ok(Thread(
            answers::accept(state(ctx)?, viewer(ctx), post_id).await?,
        ))
    }

    /// Marks a reply as the official answer ("risposta ufficiale"), replacing any previous
    /// one (experts, moderators of the community and admins).
    async fn mark_official_answer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The reply that answers officially.")] post_id: ID,
    ) -> Result<Post> {
        let post_id = parse_id(&post_id, "Messaggio")?;
        Ok(Post(
            answers::mark_official(state(ctx)?, viewer(ctx), post_id).await?,
        ))
    }

    /// Votes on someone else's post: 1 (useful), -1 (not useful) or 0 (withdraw the vote).
    async fn vote(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post voted on (not one's own).")] post_id: ID,
        #[graphql(desc = "-1, 0 or 1.")] value: i32,
    ) -> Result<Post> {
        let post_id = parse_id(&post_id, "Messaggio")?;
        Ok(Post(
            votes::vote(state(ctx)?, viewer(ctx), post_id, i64::from(value)).await?,
        ))
    }

    /// Sets how much the viewer hears about a thread.
    async fn set_thread_notification_level(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The thread.")] thread_id: ID,
        #[graphql(desc = "The new level.")] level: NotificationLevel,
    ) -> Result<Thread> {
        let thread_id = parse_id(&thread_id, "Discussione")?;
        Ok(Thread(
            follows::set_thread_level(state(ctx)?, viewer(ctx), thread_id, level.into()).await?,
        ))
    }

    /// Sets how much the viewer hears about a community.
    async fn set_community_notification_level(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The community's slug.")] slug: String,
        #[graphql(desc = "The new level.")] level: NotificationLevel,
    ) -> Result<Community> {
        Ok(Community(
            follows::set_community_level(state(ctx)?, viewer(ctx), &slug, level.into()).await?,
        ))
    }

    /// Saves a thread, or one post (give `postId`), for later. Saving it again is harmless.
    async fn bookmark(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The thread to save (or the post's thread).")] thread_id: Option<ID>,
        #[graphql(desc = "The post to save, instead of the whole thread.")] post_id: Option<ID>,
    ) -> Result<Bookmark> {
        let target = target(thread_id, post_id)?;
        Ok(Bookmark(
            bookmarks::add(state(ctx)?, viewer(ctx), target).await?,
        ))
    }

    /// Removes the viewer's bookmark of a thread or post; returns whether there was one.
    async fn remove_bookmark(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The bookmarked thread (or the post's thread).")] thread_id: Option<ID>,
        #[graphql(desc = "The bookmarked post, if it is a post's bookmark.")] post_id: Option<ID>,
    ) -> Result<bool> {
        let target = target(thread_id, post_id)?;
        Ok(bookmarks::remove(state(ctx)?, viewer(ctx), target).await?)
    }
}
