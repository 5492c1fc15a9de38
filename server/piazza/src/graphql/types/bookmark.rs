use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use piazza_db::bookmarks::Bookmark as BookmarkRecord;

use super::{Post, Thread, id};
use crate::{error::AppError, graphql::context::loaders};

/// A thread, or one post of it, the viewer saved for later.
pub struct Bookmark(pub BookmarkRecord);

#[Object]
impl Bookmark {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    /// When it was saved.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// The thread saved, or the thread of the post saved.
    async fn thread(&self, ctx: &Context<'_>) -> Result<Thread> {
        let t = loaders(ctx)?.threads.load_one(self.0.thread_id).await?;
        t.map(Thread)
            .ok_or_else(|| AppError::NotFound("Discussione").into())
    }

    /// The post saved; null when the whole thread is bookmarked.
    async fn post(&self, ctx: &Context<'_>) -> Result<Option<Post>> {
        let Some(id) = self.0.post_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?.posts.load_one(id).await?.map(Post))
    }
}
