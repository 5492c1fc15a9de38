use async_graphql::{Context, ID, Object, Result, connection::Edge};
use chrono::{DateTime, Utc};
use piazza_db::{communities::Community as CommunityRecord, threads::ThreadKey};

use super::{Page, Thread, ThreadFilterInput, ThreadSort, id};
use crate::{
    graphql::{
        context::{loaders, state, viewer},
        cursor,
    },
    services::{communities, threads},
};

/// A thematic community (appalti, personale, bilancio, PNRR …).
pub struct Community(pub CommunityRecord);

#[Object]
impl Community {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    /// URL identifier, e.g. "appalti-contratti".
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn description(&self) -> &str {
        &self.0.description
    }

    async fn member_count(&self) -> i64 {
        self.0.member_count
    }

    /// Whether the signed-in viewer has joined (false when signed out).
    async fn viewer_is_member(&self, ctx: &Context<'_>) -> Result<bool> {
        let Some(loader) = &loaders(ctx)?.memberships else {
            return Ok(false);
        };
        Ok(loader.load_one(self.0.id).await?.unwrap_or(false))
    }

    /// Whether the signed-in viewer moderates this community.
    async fn viewer_is_moderator(&self, ctx: &Context<'_>) -> Result<bool> {
        let Some(v) = viewer(ctx) else {
            return Ok(false);
        };
        Ok(communities::moderates(state(ctx)?, v, self.0.id).await?)
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// The community's threads, pinned first, then in the chosen order (default LATEST).
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn threads(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        sort: Option<ThreadSort>,
        filter: Option<ThreadFilterInput>,
    ) -> Result<Page<Thread>> {
        let limit = cursor::page_size(first)?;
        let sort = sort.unwrap_or(ThreadSort::Latest).into();
        let after = after.as_deref().map(cursor::decode_thread).transpose()?;
        let filter = filter
            .map(ThreadFilterInput::into_filter)
            .unwrap_or_default();
        let mut rows = threads::list(
            state(ctx)?,
            self.0.id,
            sort,
            &filter,
            after.as_ref(),
            limit + 1,
        )
        .await?;
        let has_next = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        let mut page = Page::new(after.is_some(), has_next);
        page.edges.extend(
            rows.into_iter()
                .map(|t| Edge::new(cursor::encode_thread(&ThreadKey::of(&t, sort)), Thread(t))),
        );
        Ok(page)
    }
}
